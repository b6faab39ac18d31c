"""The graph's state (plain, serialisable) and its run-scoped dependencies (the context)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, Field

from mlpilot.agent.backends.base import Backend
from mlpilot.events import Event, Note
from mlpilot.layout import RunLayout
from mlpilot.sandboxes.base import Sandbox
from mlpilot.schemas import (
    DatasetProfile,
    FeatureStep,
    Plan,
    Question,
    TaskSpec,
    TrialRecord,
    Verdict,
)
from mlpilot.settings import Settings


class RunState(BaseModel):
    request: str
    data_path: str
    test_path: str | None = None
    run_dir: str
    time_budget_s: float | None = None
    target: str | None = None
    metric: str | None = None
    exclude: list[str] = Field(default_factory=list, description="columns given with --exclude / exclude=")
    families: list[str] = Field(default_factory=list, description="the only families to search, if given")
    review_plan: bool = Field(False, description="show the plan to the person before the search (review node)")
    plan_approved: bool = False
    question: Question | None = Field(None, description="asked by the next node (ask), when someone can answer")
    clarifications: list[str] = Field(default_factory=list, description="questions asked and their answers")
    spec: TaskSpec | None = None
    profile: DatasetProfile | None = None
    plan: Plan | None = None
    attempt: int = 0
    features: FeatureStep | None = Field(None, description="the code writer's outcome; None until it ran")
    trials: list[TrialRecord] = Field(default_factory=list)
    classes: list | None = Field(None, description="class labels; the target codes 0..k-1 index them")
    ensemble: dict[str, float] = Field(default_factory=dict, description="trial number -> weight")
    class_weights: list[float] | None = Field(None, description="the decision rule's weight per class, if fitted")
    cv_score: float | None = None
    holdout_score: float | None = None
    refit_s: float = Field(0.0, description="estimated seconds to refit the ensemble on all rows")
    lead_member: int | None = Field(None, description="the ensemble's best-ranked trial")
    lead_refit_s: float = Field(0.0, description="estimated seconds to refit the lead member alone on all rows")
    timing: dict[str, float] = Field(default_factory=dict, description="the search's clock: see agent.search.timing")
    verdict: Verdict | None = None
    feedback: list[str] = Field(default_factory=list)
    rejected_targets: list[str] = Field(default_factory=list, description="targets the verifier sent back")
    warnings: list[str] = Field(default_factory=list)
    files: dict[str, str] = Field(default_factory=dict)

    @property
    def feature_code(self) -> str | None:
        """The kept generated feature step every trial and the model apply, if any."""
        return self.features.code if self.features else None


@dataclass
class Clock:
    """A run's budget clock, in ``time.monotonic()`` seconds from ``started`` (the process's start, so imports
    count). The understand node sets the budget the request names ("... in 5 minutes") when none was given;
    time spent waiting for a person's answer is off the clock."""

    budget_s: float
    started: float = field(default_factory=time.monotonic)
    finish: threading.Event | None = None  # set from outside (the web page's Stop): the run ends now and delivers
    finished_s: float | None = None  # when ``finish`` was first seen set, in seconds from ``started``

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def end_s(self) -> float:
        """When the run's time ends, in seconds from ``started``: the budget, or earlier once ``finish`` is set."""
        if self.finish is not None and self.finish.is_set() and self.finished_s is None:
            self.finished_s = self.elapsed()
        return self.budget_s if self.finished_s is None else min(self.budget_s, self.finished_s)

    def set_budget(self, seconds: float) -> None:
        self.budget_s = seconds

    @contextmanager
    def paused(self) -> Iterator[None]:
        waited = time.monotonic()
        try:
            yield
        finally:
            self.started += time.monotonic() - waited


@dataclass(frozen=True)
class Deps:
    """Run-scoped dependencies, handed to every node as ``runtime.context`` (never checkpointed, never changed:
    the clock keeps the time, the sandbox its worker, ``background`` the LLM calls one node started and a later
    one picks up)."""

    backend: Backend
    sandbox: Sandbox
    run_dir: Path
    clock: Clock
    train: pd.DataFrame  # the tables, read and checked before the run started (``inputs.read_inputs``)
    test: pd.DataFrame | None = None
    settings: Settings = field(default_factory=Settings)
    threads: int = 2
    storage: str | None = None  # a database URL: the study is shared with workers (tools.storage)
    study: str | None = None  # the home study workers are pointed at (default: the run directory's name)
    interactive: bool = False  # a person can answer questions (the graph pauses with an interrupt)
    on_event: Callable[[Event], None] | None = None
    background: dict[str, Future] = field(default_factory=dict)
    warned: list[str] = field(default_factory=list)  # every warning of this call, for the summary

    @property
    def layout(self) -> RunLayout:
        """The run directory's paths."""
        return RunLayout(self.run_dir)

    @property
    def home_study(self) -> str:
        """The study name workers are given; each search's trials live in ``<home>-<attempt>``."""
        return self.study or self.run_dir.name

    @property
    def budget_s(self) -> float:
        return self.clock.budget_s

    def elapsed(self) -> float:
        return self.clock.elapsed()

    def remaining(self) -> float:
        return self.clock.end_s() - self.elapsed()

    def deadline(self) -> float:
        """When the budget ends (or the run was told to finish), as a ``time.monotonic()`` value."""
        return self.clock.started + self.clock.end_s()

    def llm_deadline(self, role: str) -> float:
        """When ``role``'s backend call must have answered (a ``time.monotonic()`` value): its share of the
        budget, at least ``settings.min_role_s``, at most half the time left."""
        from mlpilot.agent.backends.registry import ROLES

        share = max(ROLES[role].share * self.budget_s, self.settings.min_role_s)
        return time.monotonic() + min(share, max(0.0, 0.5 * self.remaining()))

    def emit(self, event: Event) -> None:
        event = event.model_copy(update={"elapsed_s": round(self.elapsed(), 2)})
        with open(self.layout.file("events"), "a") as log:
            log.write(json.dumps(event.model_dump(mode="json")) + "\n")
        if self.on_event:
            self.on_event(event)

    def warn(self, message: str) -> None:
        """Tell the user now (the event stream) and in the delivered summary."""
        self.warned.append(message)
        self.emit(Note(level="warning", message=message))
