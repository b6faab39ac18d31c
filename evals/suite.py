"""A suite: a named list of task directories, generated on first use when a generator is named.

``resolve_suite`` accepts a suite YAML file, the name of a packaged suite (``dev``), or one task directory.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from mlpilot.errors import MlpilotError
from mlpilot.evals.task import TASK_FILE

SUITES_DIR = Path(__file__).parent / "suites"


class SuiteTask(BaseModel):
    name: str
    generator: str | None = None
    path: str | None = None


class Suite(BaseModel):
    name: str
    root: str | None = None
    tasks: list[SuiteTask]


def resolve_suite(spec: str | Path) -> tuple[str, list[Path]]:
    """Return the suite's name and its task directories, generating any that are missing."""
    path = Path(spec).expanduser()
    if (path / TASK_FILE).is_file():
        return path.resolve().name, [path.resolve()]
    if not path.is_file() and (SUITES_DIR / f"{spec}.yaml").is_file():
        path = SUITES_DIR / f"{spec}.yaml"
    if not path.is_file():
        raise MlpilotError(f"{spec} is neither a suite file, a suite name nor a task directory: pass a suite YAML, "
                           f"'dev', or a folder holding {TASK_FILE}")
    try:
        suite = Suite(**yaml.safe_load(path.read_text()))
    except (ValidationError, yaml.YAMLError, TypeError) as exc:
        raise MlpilotError(f"{path} is not a valid suite: {str(exc).splitlines()[0]}") from None
    root = Path(suite.root).expanduser() if suite.root else path.parent
    return suite.name, [_task_dir(entry, root if root.is_absolute() else path.parent / root) for entry in suite.tasks]


def _task_dir(entry: SuiteTask, root: Path) -> Path:
    directory = Path(entry.path).expanduser() if entry.path else root / entry.name
    if not directory.is_absolute():
        directory = root / directory
    if (directory / TASK_FILE).is_file():
        return directory
    if entry.generator is None:
        raise MlpilotError(f"task {entry.name} has no {TASK_FILE} at {directory}: fix its path or name a generator")
    from mlpilot.evals.make_suite import generate

    return generate(entry.generator, directory)
