"""Progress as a stream of small frozen events: the library emits, front ends render, runs log them."""

from __future__ import annotations

from typing import Literal, Union

from pydantic import BaseModel, ConfigDict, Field

from mlpilot.schemas import TrialRecord, Verdict


class Event(BaseModel):
    model_config = ConfigDict(frozen=True)
    kind: str
    elapsed_s: float = 0.0


class StageStarted(Event):
    kind: Literal["stage"] = "stage"
    stage: str
    detail: str = ""


class Note(Event):
    kind: Literal["note"] = "note"
    level: Literal["info", "warning"] = "info"
    message: str


class SearchStarted(Event):
    kind: Literal["search_started"] = "search_started"
    budget_s: float
    families: list[str]
    metric: str
    greater_is_better: bool


class TrialFinished(Event):
    kind: Literal["trial"] = "trial"
    trial: TrialRecord
    best_value: float | None = None


class Verified(Event):
    kind: Literal["verified"] = "verified"
    verdict: Verdict


class Delivered(Event):
    kind: Literal["delivered"] = "delivered"
    run_dir: str
    score: float | None
    metric: str
    files: dict[str, str] = Field(default_factory=dict)


AnyEvent = Union[StageStarted, Note, SearchStarted, TrialFinished, Verified, Delivered]
