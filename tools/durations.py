"""Time budgets written the way people write them: "90s", "5 minutes", "1h", "2m30s"."""

from __future__ import annotations

import re

from mlpilot.errors import MlpilotError

PART = re.compile(r"(\d+(?:\.\d+)?)\s*(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h)\b", re.I)
UNIT_S = {"s": 1, "m": 60, "h": 3600}


def find_duration(text: str) -> float | None:
    """Seconds named in free text ("... in 5 minutes"), or None."""
    parts = PART.findall(text)
    return sum(float(n) * UNIT_S[u[0].lower()] for n, u in parts) if parts else None


def parse_duration(value: str | float | int) -> float:
    """A budget given as seconds or as text; one-line error if it is not a positive duration."""
    if isinstance(value, (int, float)):
        seconds = float(value)
    else:
        text = value.strip()
        sign = -1.0 if text.startswith("-") else 1.0  # "-5s" is a negative budget, not an unreadable one
        text = text.lstrip("-+").strip()
        try:
            seconds = float(text)
        except ValueError:
            seconds = find_duration(text) if PART.fullmatch(text.replace(" ", "")) or PART.match(text) else None
        if seconds is None:
            raise MlpilotError(f"cannot read time budget {value!r}: write e.g. 90s, 5m or 1h")
        seconds *= sign
    if seconds <= 0:
        raise MlpilotError(f"time budget must be positive, got {value!r}: write e.g. 90s, 5m or 1h")
    return seconds
