"""An evaluation task: a directory in MLE-bench's prepared layout, optionally with a small ``task.yaml``.

    <task>/description.md            the request in plain words: exactly what the agent is given
    <task>/public/train.csv          what the agent may read (with test.csv and sample_submission.csv)
    <task>/private/answers.csv       the ground truth, read only by the grader
    <task>/task.yaml                 metric, direction, id and target columns, classes, thresholds

A competition exactly as MLE-bench prepares it (``<competition>/prepared/public/{train,test,sample_submission}.csv``
and ``description.md``, answers in ``prepared/private/test.csv``) needs no ``task.yaml``: the id and target
come from the sample submission, the task type from the answers, the metric from the description (or
``metric=``); a ``task.yaml`` there only overrides what it names.
"""

from __future__ import annotations

import re
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


MLEBENCH = TaskFiles(description="public/description.md", answers="private/test.csv")


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


def task_root(path: str | Path) -> Path | None:
    """The task directory ``path`` names (a folder with ``task.yaml``, or an MLE-bench competition or its
    ``prepared`` folder), or None."""
    path = Path(path).expanduser()
    for root in (path, path / "prepared"):
        if (root / TASK_FILE).is_file() or _is_mlebench(root):
            return root.resolve()
    return None


def load_task(root: str | Path, metric: str | None = None) -> Task:
    """Load a task directory; a missing or malformed ``task.yaml`` or data file is an ``MlpilotError``.

    ``metric`` (``--metric``) overrides the task's metric; an MLE-bench competition whose description names no
    known metric needs it."""
    given = Path(root)
    root = task_root(given)
    if root is None:
        raise MlpilotError(f"{given} is not an eval task: add a {TASK_FILE} (see mlpilot/evals/task.py) or point at "
                           "an MLE-bench competition (its prepared/public/train.csv)")
    config_path = root / TASK_FILE
    try:
        fields = (yaml.safe_load(config_path.read_text()) or {}) if config_path.is_file() else {}
        if _is_mlebench(root):
            fields = _mlebench_fields(root, metric, fields) | fields
        config = TaskConfig(**(fields | ({"metric": metric} if metric else {})))
    except (ValidationError, yaml.YAMLError, TypeError) as exc:
        first = str(exc).strip().splitlines()
        raise MlpilotError(f"{config_path} is invalid: {' '.join(first[:3])}") from None
    task = Task(root, config)
    for name in TaskFiles.model_fields:
        if not task.path(name).is_file():
            raise MlpilotError(f"task {config.id} has no {getattr(config.files, name)}: add it or fix files: in {TASK_FILE}")
    return task


def _is_mlebench(root: Path) -> bool:
    return all((root / name).is_file() for name in (MLEBENCH.train, MLEBENCH.description, MLEBENCH.answers))


def _mlebench_fields(root: Path, metric: str | None, given: dict) -> dict:
    """task.yaml's fields for an MLE-bench competition, read from its files (``given`` fields are kept)."""
    from mlpilot.tools.metrics import metric_named_in
    from mlpilot.tools.task_type import TargetValues, infer_task_type

    files = TaskFiles(**(MLEBENCH.model_dump() | given.get("files", {})))
    for name in TaskFiles.model_fields:
        if not (root / getattr(files, name)).is_file():
            raise MlpilotError(f"{root} has no {getattr(files, name)}: an MLE-bench competition needs "
                               f"{', '.join(MLEBENCH.model_dump().values())}")
    sample = pd.read_csv(root / files.sample_submission, nrows=5)
    if len(sample.columns) != 2 and "target" not in given:
        raise MlpilotError(f"{root / files.sample_submission} has {len(sample.columns)} columns; only id-and-target "
                           f"submissions are read without a {TASK_FILE}: add one naming target, classes and metric")
    id_column, target = given.get("id_column", sample.columns[0]), given.get("target", sample.columns[-1])
    answers = pd.read_csv(root / files.answers, usecols=[target], low_memory=False)[target]
    task_type = given.get("task_type") or infer_task_type(TargetValues.of(answers))[0]
    description = (root / files.description).read_text()
    evaluation = re.search(r"^#+\s*evaluation\b(.*?)(?=^#+\s|\Z)", description, re.I | re.M | re.S)
    name = given.get("metric") or metric or metric_named_in(evaluation.group(1) if evaluation else description)
    if name is None:
        raise MlpilotError(f"{root / files.description} names no metric mlpilot knows: pass --metric (e.g. "
                           f"--metric roc_auc) or add metric: to a {TASK_FILE}")
    return {"id": root.parent.name if root.name == "prepared" else root.name, "task_type": task_type,
            "metric": name, "id_column": id_column, "target": target, "files": files.model_dump()}
