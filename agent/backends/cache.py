"""LLM replies kept on disk by (provider, model, conversation, schema), so a rerun (or a test) replays them."""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path
from typing import Literal

from mlpilot.agent.backends.provider import Conversation, Provider, Reply
from mlpilot.errors import MlpilotError

CacheMode = Literal["auto", "record", "replay", "off"]


class ResponseCache:
    """Replies on disk, one JSON file per key, so a rerun (or a test) replays them exactly.

    "record" also writes ``order.jsonl``, the sequence of (role, key) of the recorded run. A replayed run
    whose prompt for a role differs (budgets and timings never repeat exactly) gets that role's next
    recorded reply in order, which still has to pass validation.
    """

    def __init__(self, directory: Path | None, mode: CacheMode):
        self.dir = Path(directory) if directory else None
        self.mode: CacheMode = mode if self.dir else "off"
        self._lock = threading.Lock()
        self._order: dict[str, list[str]] = {}
        self._cursor: dict[str, int] = {}
        if self.mode == "replay":
            if not (self.dir and self.dir.is_dir()):
                raise MlpilotError(f"replay needs a recorded cache directory, {directory} does not exist: record first")
            order = self.dir / "order.jsonl"
            for line in order.read_text().splitlines() if order.exists() else []:
                entry = json.loads(line)
                self._order.setdefault(entry["role"], []).append(entry["key"])
        elif self.mode == "record":
            self.dir.mkdir(parents=True, exist_ok=True)
            (self.dir / "order.jsonl").write_text("")

    @staticmethod
    def key(provider: Provider, conversation: Conversation) -> str:
        blob = json.dumps([provider.name, provider.model, provider.mode, conversation.system,
                           conversation.messages, conversation.schema], sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()

    def get(self, key: str, role: str) -> tuple[Reply | None, str]:
        """(reply, how): how is "exact", "in order" (replay of a changed prompt) or "miss"."""
        if self.mode not in ("auto", "replay"):
            return None, "miss"
        with self._lock:
            found, how = key, "exact"
            if self.mode == "replay":
                i = self._cursor.get(role, 0)
                self._cursor[role] = i + 1
                recorded = self._order.get(role, [])
                if not (self.dir / f"{key}.json").exists() and i < len(recorded):
                    found, how = recorded[i], "in order"
            path = self.dir / f"{found}.json"
            return (Reply(**json.loads(path.read_text())), how) if path.exists() else (None, "miss")

    def put(self, key: str, role: str, reply: Reply) -> None:
        if self.mode not in ("auto", "record"):
            return
        with self._lock:
            self.dir.mkdir(parents=True, exist_ok=True)
            tmp = self.dir / f"{key}.tmp"
            tmp.write_text(json.dumps(reply.__dict__))
            tmp.replace(self.dir / f"{key}.json")
            if self.mode == "record":
                with open(self.dir / "order.jsonl", "a") as fh:
                    fh.write(json.dumps({"role": role, "key": key}) + "\n")
