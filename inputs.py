"""The checks a run's inputs pass before the modelling stack loads, so bad input fails in a second, not five.

Only what needs no reading of the request: the tables load, a test table shares columns with the training
table, a target given by name exists and a metric given by name is known. The request-dependent checks (the
target the words point to, its task type, the metric fitting it) stay in the understand node.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from mlpilot.errors import MlpilotError
from mlpilot.tools.load import column_hint, find_column, load_table
from mlpilot.tools.metrics import get_metric


def read_inputs(data: str | Path | pd.DataFrame, test: str | Path | pd.DataFrame | None, *, target: str | None,
                metric: str | None) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """The training and test tables, read and checked; a one-line ``MlpilotError`` for the first problem."""
    if metric is not None:
        get_metric(metric)
    train = load_table(data, what="data")
    rows = None if test is None else load_table(test, what="test")
    columns = [str(c) for c in train.columns]
    if target is not None and find_column(target, columns) is None:
        raise MlpilotError(f"target column {target!r} (given with --target / target=) not found in the data: "
                           f"{column_hint(target, columns)}")
    if rows is not None and not set(columns) & {str(c) for c in rows.columns}:
        raise MlpilotError(f"the test file shares no column with the training data (its columns: "
                           f"{', '.join(map(str, rows.columns[:8]))}); give the test file for this training data")
    return train, rows
