"""The web chat's responsiveness and weight: time from a request to its first progress event (the worst case: the
request sent the moment the session exists), the page's weight and its external requests (from its assets).

Usage: python bench/chat_latency.py [DATA.csv]   (default: the bundled churn example)"""

from __future__ import annotations

import json
import re
import socket
import sys
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from mlpilot.chat.web import create_app

DATA = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[1] / "examples" / "churn" / "train.csv"


def main() -> None:
    import tempfile

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(tempfile.mkdtemp()), port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    url = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=url, timeout=60) as client:
        assets = {path: client.get(path).content for path in ("/", "/static/app.js", "/static/style.css")}
        external = sorted({m for body in assets.values() for m in re.findall(rb"https?://[^\s\"'`)]+", body)})
        for attempt in ("first request (cold)", "second request (warm)"):
            session = client.post("/api/sessions", json={}).json()["id"]
            client.post(f"/api/sessions/{session}/files", files={"file": (DATA.name, DATA.read_bytes())})
            sent = time.monotonic()
            client.post(f"/api/sessions/{session}/messages", json={"text": "predict churn, ROC AUC, 15 seconds"})
            with client.stream("GET", f"/api/sessions/{session}/events") as stream:
                for line in stream.iter_lines():
                    if line.startswith("data: ") and json.loads(line[6:])["kind"] == "progress":
                        print(f"{attempt}: first progress event {time.monotonic() - sent:.2f} s after the request")
                        break
            events = client.stream("GET", f"/api/sessions/{session}/events")
            with events as stream:  # approve the plan and let the run finish before the next attempt
                for line in stream.iter_lines():
                    if not line.startswith("data: "):
                        continue
                    kind = json.loads(line[6:])["kind"]
                    if kind == "question":
                        client.post(f"/api/sessions/{session}/messages", json={"text": "yes"})
                    if kind == "idle":
                        break
    print(f"page weight: {sum(len(b) for b in assets.values()):,} bytes in {len(assets)} files "
          f"({', '.join(f'{p} {len(b):,}' for p, b in assets.items())}); external URLs referenced: "
          f"{len(external)} {[e.decode() for e in external]}")
    server.should_exit = True


if __name__ == "__main__":
    main()
