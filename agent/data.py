"""Loading the user's tables once per run, and writing the files trials read inside the sandbox."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from mlpilot.agent.state import Deps, RunState
from mlpilot.tools.load import load_table
from mlpilot.tools.search import SearchData
from mlpilot.tools.splits import make_folds

SEARCH_ROWS = 100_000  # rows cross-validated per trial; refits use all


def table(ctx: Deps, path: str | None, what: str) -> pd.DataFrame | None:
    """The table at ``path``, read once per run."""
    if path is None:
        return None
    if path not in ctx.frames:
        ctx.frames[path] = load_table(path, what=what)
    return ctx.frames[path]


def sample_submission(test_path: str | None) -> pd.DataFrame | None:
    """A ``sample_submission*`` file next to the test file, if there is one."""
    if not test_path:
        return None
    for candidate in sorted(Path(test_path).parent.glob("sample_submission*")):
        return load_table(candidate, what="sample submission")
    return None


def training_frame(state: RunState, ctx: Deps) -> tuple[pd.DataFrame, np.ndarray, list | None]:
    """Features plus the target as codes 0..k-1 (classification), with the original class labels."""
    frame = table(ctx, state.data_path, "data")
    spec = state.spec
    frame = frame[frame[spec.target].notna()].reset_index(drop=True)
    if spec.task_type == "regression":
        return frame, frame[spec.target].to_numpy(dtype=float), None
    classes, codes = np.unique(frame[spec.target].to_numpy(), return_inverse=True)
    return frame, codes, classes.tolist()


def write_search_data(state: RunState, ctx: Deps) -> tuple[SearchData, np.ndarray, np.ndarray]:
    """Write the training table and this attempt's folds; returns them plus the holdout rows and y."""
    frame, y, classes = training_frame(state, ctx)
    data_dir = ctx.run_dir / "data"
    data_dir.mkdir(exist_ok=True)
    table_file = data_dir / "train.parquet"
    if not table_file.exists():
        out = frame[[c.name for c in state.profile.features()]].copy()
        out[state.spec.target] = y
        out.to_parquet(table_file)
    folds, holdout = make_folds(frame, y, state.plan.cv, state.plan.holdout_frac,
                                classify=classes is not None, seed=state.attempt, max_rows=SEARCH_ROWS)
    folds_file = f"folds-{state.attempt}.npy"
    np.save(data_dir / folds_file, folds)
    fit_rows = np.setdiff1d(np.arange(len(y)), holdout)
    np.save(data_dir / f"fit-rows-{state.attempt}.npy", fit_rows)
    np.save(data_dir / f"holdout-{state.attempt}.npy", holdout)
    search_data = SearchData(data_file="train.parquet", folds_file=folds_file, classes=classes,
                             feature_code=state.feature_code)
    return search_data, holdout, y
