"""``llm_calls.jsonl``: every LLM call and event of a run, API keys redacted."""

from __future__ import annotations

import json
import re
import threading
import time
from pathlib import Path


class CallLog:
    """``llm_calls.jsonl``: one line per call or event, secrets redacted."""

    PATTERNS = [re.compile(r"sk-[A-Za-z0-9_\-]{8,}"), re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._\-]+"),
                re.compile(r"(?i)(x-api-key\W+)[A-Za-z0-9._\-]+")]

    def __init__(self, secrets: list[str]):
        self.secrets = [s for s in secrets if s and len(s) >= 4]
        self.dir: Path | None = None
        self._lock = threading.Lock()

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "[REDACTED]")
        for pattern in self.PATTERNS:
            text = pattern.sub(lambda m: (m.group(1) if m.groups() else "") + "[REDACTED]", text)
        return text

    def write(self, record: dict) -> None:
        if self.dir is None:
            return
        line = self.redact(json.dumps({"time": round(time.time(), 3), **record}, default=str))
        with self._lock:
            self.dir.mkdir(parents=True, exist_ok=True)
            with open(self.dir / "llm_calls.jsonl", "a") as fh:
                fh.write(line + "\n")
