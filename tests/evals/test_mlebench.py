"""A competition exactly as MLE-bench prepares it, with no task.yaml: read, run and graded as it is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from mlpilot.errors import MlpilotError
from mlpilot.evals.grade import grade
from mlpilot.evals.runner import evaluate
from mlpilot.evals.suite import resolve_suite
from mlpilot.evals.task import load_task

DESCRIPTION = """# Overview

Which customers leave? Predict whether each customer churns.

## Evaluation

Submissions are evaluated on area under the ROC curve between the predicted probability and the observed target.

## Submission File

For each id in the test set, predict a probability for the churn variable.
"""


def competition(root: Path, churn: pd.DataFrame, description: str = DESCRIPTION) -> Path:
    """``root/prepared/{public,private}`` the way MLE-bench's prepare scripts leave them."""
    frame = churn.reset_index(drop=True).assign(id=lambda f: range(1000, 1000 + len(f)))
    train, test = frame.iloc[:480], frame.iloc[480:]
    public, private = root / "prepared" / "public", root / "prepared" / "private"
    public.mkdir(parents=True)
    private.mkdir()
    train.to_csv(public / "train.csv", index=False)
    test.drop(columns="churn").to_csv(public / "test.csv", index=False)
    test[["id"]].assign(churn=0.5).to_csv(public / "sample_submission.csv", index=False)
    (public / "description.md").write_text(description)
    test[["id", "churn"]].to_csv(private / "test.csv", index=False)
    return root


def test_the_layout_is_read_without_a_task_yaml(tmp_path, churn):
    root = competition(tmp_path / "customer-churn", churn)
    task = load_task(root)
    config = task.config
    assert (config.id, config.id_column, config.target, config.task_type, config.metric) == (
        "customer-churn", "id", "churn", "binary", "roc_auc")
    assert task.path("answers") == root / "prepared" / "private" / "test.csv"
    assert resolve_suite(root) == ("customer-churn", [root / "prepared"])
    assert load_task(root / "prepared").id == "customer-churn"


def test_a_description_without_a_metric_needs_one_given(tmp_path, churn):
    root = competition(tmp_path / "quiet", churn, description="# Overview\n\nPredict churn.\n")
    with pytest.raises(MlpilotError, match="--metric"):
        load_task(root)
    assert load_task(root, metric="log_loss").metric.name == "log_loss"


def test_eval_grades_a_baseline_on_it(tmp_path, churn):
    root = competition(tmp_path / "customer-churn", churn)
    scored = evaluate(root, time_budget="5s", baselines=["lgbm"], out=tmp_path / "runs", mlpilot=False)
    lgbm = scored[scored.system == "lgbm"].iloc[0]
    assert lgbm.status == "ok" and 0.75 < lgbm.score <= 1.0


@pytest.mark.slow
def test_run_writes_the_submission_where_the_harness_wants_it(tmp_path, churn):
    root = competition(tmp_path / "customer-churn", churn)
    public = root / "prepared" / "public"
    submission = tmp_path / "submission" / "submission.csv"
    done = subprocess.run(
        [sys.executable, "-m", "mlpilot", "run", (public / "description.md").read_text(), "--data",
         str(public / "train.csv"), "--test", str(public / "test.csv"), "--submission", str(submission),
         "--time-budget", "15s", "--out", str(tmp_path / "runs"), "--quiet"], capture_output=True, text=True,
        timeout=300)
    assert done.returncode == 0, done.stderr
    written = pd.read_csv(submission)
    assert list(written.columns) == ["id", "churn"] and len(written) == len(churn) - 480
    assert grade(load_task(root), written).valid
