"""A suite: a named list of task directories, generated on first use when a generator is named.

``resolve_suite`` accepts a suite YAML file, the name of a packaged suite (``dev``, ``general``), or one task
directory (``task.yaml``, or an MLE-bench competition). A suite (file or name) followed by ``:tune`` or ``:holdout`` selects its tasks without or with
``holdout: true``: ``general:tune`` is what tuning decisions may look at, ``general:holdout`` the rest.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from mlpilot.errors import MlpilotError
from mlpilot.evals.task import TASK_FILE, task_root

SUITES_DIR = Path(__file__).parent / "suites"
SUBSETS = {"tune": False, "holdout": True}  # subset name -> the holdout flag of the tasks it keeps


class SuiteTask(BaseModel):
    name: str
    generator: str | None = None
    path: str | None = None
    holdout: bool = False


class Suite(BaseModel):
    name: str
    root: str | None = None
    tasks: list[SuiteTask]


def resolve_suite(spec: str | Path) -> tuple[str, list[Path]]:
    """Return the suite's name and its task directories, generating any that are missing.

    For ``SUITE:SUBSET`` the name is ``<suite>-<subset>`` (it names run directories, so no colon)."""
    path = Path(spec).expanduser()
    if (root := task_root(path)) is not None:
        return (root.parent if root.name == "prepared" else root).name, [root]
    base, _, subset = str(spec).rpartition(":")
    if not base or path.exists():
        base, subset = spec, ""
    elif subset not in SUBSETS:
        choices = " or ".join(f"{base}:{k}" for k in SUBSETS)
        raise MlpilotError(f"unknown subset {subset!r} in {spec}: use {choices}, or {base} for all tasks")
    name, entries, root = _load(base)
    if subset:
        name, entries = f"{name}-{subset}", [e for e in entries if e.holdout == SUBSETS[subset]]
    return name, [_task_dir(e, root) for e in entries]


def _load(spec: str | Path) -> tuple[str, list[SuiteTask], Path]:
    """A suite file's or packaged suite's name, entries and task root."""
    path = Path(spec).expanduser()
    if not path.is_file() and (SUITES_DIR / f"{spec}.yaml").is_file():
        path = SUITES_DIR / f"{spec}.yaml"
    if not path.is_file():
        raise MlpilotError(f"{spec} is neither a suite file, a suite name nor a task directory: pass a suite YAML, "
                           f"'dev' or 'general' (optionally :tune or :holdout), or a folder holding {TASK_FILE}")
    try:
        suite = Suite(**yaml.safe_load(path.read_text()))
    except (ValidationError, yaml.YAMLError, TypeError) as exc:
        raise MlpilotError(f"{path} is not a valid suite: {str(exc).splitlines()[0]}") from None
    root = Path(suite.root).expanduser() if suite.root else path.parent
    return suite.name, suite.tasks, root if root.is_absolute() else path.parent / root


def _task_dir(entry: SuiteTask, root: Path) -> Path:
    directory = Path(entry.path).expanduser() if entry.path else root / entry.name
    if not directory.is_absolute():
        directory = root / directory
    if (root := task_root(directory)) is not None:
        return root
    if entry.generator is None:
        raise MlpilotError(f"task {entry.name} has no {TASK_FILE} at {directory}: fix its path or name a generator")
    from mlpilot.evals.make_suite import generate

    return generate(entry.generator, directory)
