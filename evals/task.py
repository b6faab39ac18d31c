"""An evaluation task: a directory in MLE-bench's prepared layout plus a small ``task.yaml``.

    <task>/description.md            the request in plain words: exactly what the agent is given
    <task>/public/train.csv          what the agent may read (with test.csv and sample_submission.csv)
    <task>/private/answers.csv       the ground truth, read only by the grader
    <task>/task.yaml                 metric, direction, id and target columns, classes, thresholds

File locations are fields of ``task.yaml`` so an MLE-bench competition (answers in ``private/test.csv``)
drops in by naming them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pandas as pd
import yaml
from pydantic import BaseModel, Field, ValidationError, model_validator

from mlpilot.errors import MlpilotError
from mlpilot.tools.metrics import Metric, check_metric_fits, get_metric

TASK_FILE = "task.yaml"


class TaskFiles(BaseModel):
    description: str = "description.md"
    train: str = "public/train.csv"
    test: str = "public/test.csv"
    sample_submission: str = "public/sample_submission.csv"
    answers: str = "private/answers.csv"


class Thresholds(BaseModel):
    """Leaderboard scores a submission must reach for each medal (in the metric's own units)."""

    gold: float | None = None
    silver: float | None = None
    bronze: float | None = None
    median: float | None = None


class TaskConfig(BaseModel):
    """The contents of ``task.yaml``."""

    id: str
    task_type: Literal["binary", "multiclass", "regression"]
    metric: str
    greater_is_better: bool | None = Field(None, description="the metric's direction; checked against the registry")
    id_column: str
    target: str = Field(description="the target column in answers.csv and, for one-column submissions, the submission")
    classes: list[str] | None = Field(None, description="class labels as written in the CSVs (classification)")
    positive_class: str | None = Field(None, description="binary probability column's class; default: last class")
    thresholds: Thresholds | None = None
    files: TaskFiles = Field(default_factory=TaskFiles)

    @model_validator(mode="after")
    def _consistent(self) -> TaskConfig:
        metric = get_metric(self.metric)
        check_metric_fits(metric, self.task_type)
        if self.greater_is_better is not None and self.greater_is_better != metric.greater_is_better:
            better = "greater" if metric.greater_is_better else "lower"
            raise ValueError(f"{metric.name} is {better}-is-better; fix greater_is_better")
        if self.task_type != "regression" and self.classes is not None:
            if self.positive_class is not None and self.positive_class not in self.classes:
                raise ValueError(f"positive_class {self.positive_class!r} is not one of classes")
        return self


class Task:
    """A loaded task directory: its config, paths, and the frames the grader and baselines read."""

    def __init__(self, root: Path, config: TaskConfig):
        self.root = root
        self.config = config
        self.metric: Metric = get_metric(config.metric)

    @property
    def id(self) -> str:
        return self.config.id

    def path(self, name: str) -> Path:
        return self.root / getattr(self.config.files, name)

    def description(self) -> str:
        return self.path("description").read_text().strip()

    def read(self, name: str) -> pd.DataFrame:
        return pd.read_csv(self.path(name), low_memory=False)

    def classes(self) -> list[str]:
        """Class labels, sorted as the metric registry indexes them: from task.yaml, else the public train file."""
        if self.config.classes is not None:
            return sorted(self.config.classes)
        return sorted(label_strings(self.read("train")[self.config.target].dropna()).unique())

    def positive_class(self) -> str:
        return self.config.positive_class or self.classes()[-1]


def label_strings(values: pd.Series) -> pd.Series:
    """Labels as comparable strings: integral numbers lose their ``.0``, text is stripped."""
    numeric = pd.to_numeric(values, errors="coerce")
    if numeric.notna().all() and (numeric == numeric.round()).all():
        return numeric.astype("int64").astype(str)
    return values.astype(str).str.strip()


def load_task(root: str | Path) -> Task:
    """Load a task directory; a missing or malformed ``task.yaml`` or data file is an ``MlpilotError``."""
    root = Path(root)
    config_path = root / TASK_FILE
    if not config_path.is_file():
        raise MlpilotError(f"{root} is not an eval task: add a {TASK_FILE} (see mlpilot/evals/task.py)")
    try:
        config = TaskConfig(**(yaml.safe_load(config_path.read_text()) or {}))
    except (ValidationError, yaml.YAMLError, TypeError) as exc:
        first = str(exc).strip().splitlines()
        raise MlpilotError(f"{config_path} is invalid: {' '.join(first[:3])}") from None
    task = Task(root, config)
    for name in TaskFiles.model_fields:
        if not task.path(name).is_file():
            raise MlpilotError(f"task {config.id} has no {getattr(config.files, name)}: add it or fix files: in {TASK_FILE}")
    return task
