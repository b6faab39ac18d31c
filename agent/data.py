"""Loading the user's tables once per run, and writing the files trials read inside the sandbox."""

from __future__ import annotations

import re
from fnmatch import fnmatchcase
from pathlib import Path

import numpy as np
import pandas as pd

from mlpilot.agent.state import Deps, RunState
from mlpilot.tools.cells import one_spelling
from mlpilot.tools.load import load_table
from mlpilot.tools.search import SearchData
from mlpilot.tools.splits import MIN_CLASS_ROWS, make_folds

SAMPLE_NAMES = ("sample*submission*", "submissionformat*")  # file names in lower case, "_" and "-" removed


def sample_submission(test_path: str | None) -> pd.DataFrame | None:
    """The sample submission next to the test file, if there is one: a file named like ``sample_submission``,
    ``sampleSubmission`` or ``submission_format`` (``SAMPLE_NAMES``); of several, the shortest name (then the
    first in alphabetical order), so ``sample_submission.csv`` wins over ``sample_submission_v2.csv``."""
    if not test_path:
        return None
    found = [p for p in Path(test_path).parent.iterdir()
             if p.is_file() and any(fnmatchcase(re.sub("[_-]", "", p.name.lower()), n) for n in SAMPLE_NAMES)]
    return load_table(min(found, key=lambda p: (len(p.name), p.name)), what="sample submission") if found else None


def training_frame(state: RunState, ctx: Deps) -> tuple[pd.DataFrame, np.ndarray, list | None]:
    """Features plus the target as codes 0..k-1 (classification), with the original class labels (one spelling
    per label: ``cells.one_spelling``). Unlabelled rows, and rows of a class with a single labelled row, are left
    out: nothing can both learn and check such a class (understand warns which)."""
    frame = ctx.train
    spec = state.spec
    frame = frame[frame[spec.target].notna()].reset_index(drop=True)
    frame[spec.target] = one_spelling(frame[spec.target])
    if spec.task_type == "regression":
        return frame, frame[spec.target].to_numpy(dtype=float), None
    counts = frame[spec.target].value_counts()
    frame = frame[frame[spec.target].isin(counts.index[counts >= MIN_CLASS_ROWS])].reset_index(drop=True)
    classes, codes = np.unique(frame[spec.target].to_numpy(), return_inverse=True)
    return frame, codes, classes.tolist()


def write_search_data(state: RunState, ctx: Deps) -> tuple[SearchData, np.ndarray, np.ndarray]:
    """Write the training table and this attempt's folds; returns them plus the holdout rows and y."""
    frame, y, classes = training_frame(state, ctx)
    layout = ctx.layout
    data_dir = layout.data
    data_dir.mkdir(exist_ok=True)
    names = [c.name for c in state.profile.features()] + state.profile.ordered_ids  # ids: for ids_as_numbers
    table_file, test_file = layout.table_name(state.attempt), layout.table_name(state.attempt, test=True)
    if not (data_dir / table_file).exists():  # per attempt: a re-read request may change target and features
        table = _parquet_safe(frame[names])  # joined, not assigned: a wide text table is a block per column
        pd.concat([table, pd.Series(y, index=table.index, name=state.spec.target)], axis=1).to_parquet(
            data_dir / table_file)
    test = ctx.test
    if test is not None and not (data_dir / test_file).exists():
        _parquet_safe(test.reindex(columns=names)).to_parquet(data_dir / test_file)
    folds, holdout = make_folds(frame, y, state.plan.cv, state.plan.holdout_frac,
                                classify=classes is not None, seed=state.attempt, max_rows=ctx.settings.search_rows)
    folds_file, holdout_file = layout.folds_name(state.attempt), layout.holdout_name(state.attempt)
    np.save(data_dir / folds_file, folds)
    np.save(data_dir / holdout_file, holdout)
    search_data = SearchData(data_file=table_file, folds_file=folds_file, classes=classes,
                             feature_code=state.feature_code, holdout_file=holdout_file,
                             test_file=test_file if test is not None else None,
                             last_fold_only=state.plan.cv.kind == "time")
    return search_data, holdout, y


def _parquet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns holding mixed values (numbers and words) as strings, so parquet can store them."""
    mixed = [c for c in frame.columns if frame[c].dtype == object]
    return frame.assign(**{c: frame[c].where(frame[c].isna(), frame[c].astype(str)) for c in mixed})
