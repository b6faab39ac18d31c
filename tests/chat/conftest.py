"""A churn table as files, the way a person would point the chat at them."""

from __future__ import annotations

import pytest


@pytest.fixture
def churn_files(tmp_path, churn):
    """train.csv (1,200 rows, a few ages missing) and new.csv (300 rows without the target)."""
    frame = churn.drop(columns=["total_charges"]).copy()
    frame.loc[frame.index[:7], "tenure"] = None
    train, new = frame.iloc[:1200], frame.iloc[1200:].drop(columns=["churn"])
    train.to_csv(tmp_path / "train.csv", index=False)
    new.to_csv(tmp_path / "new.csv", index=False)
    return tmp_path / "train.csv", tmp_path / "new.csv"
