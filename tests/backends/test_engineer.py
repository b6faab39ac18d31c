"""The code writer against a real local sandbox: a failing step is repaired, a useless one dropped, a good one
kept; a model fitted with the kept step predicts through a sandbox, never running the code in this process."""

from __future__ import annotations

import os
import time

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import roc_auc_score
from wire_server import WireServer

from mlpilot.agent.backends.expert import ExpertBackend
from mlpilot.agent.engineer import with_columns, write_feature_code
from mlpilot.sandboxes.base import TrialJob
from mlpilot.sandboxes.local import LocalSandbox
from mlpilot.schemas import CVSpec, TaskSpec
from mlpilot.tools.model_io import load_model
from mlpilot.tools.profile import profile_dataset
from mlpilot.tools.splits import make_folds

RAISES = "def transform(df):\n    return df.assign(ab=df['a'] * df['zz'])\n"
USELESS = "def transform(df):\n    return df.assign(s=df['a'] + df['b'])\n"
GOOD = "def transform(df):\n    return df.assign(ab=df['a'] * df['b'])\n"


def xor_job(data_dir) -> TrialJob:
    """y = sign(a * b): a linear model cannot see it until someone writes the product feature."""
    data_dir.mkdir(parents=True)
    rng = np.random.default_rng(0)
    frame = pd.DataFrame(rng.normal(size=(300, 3)), columns=["a", "b", "c"])
    frame["y"] = (frame["a"] * frame["b"] > 0).astype(int)
    frame.to_parquet(data_dir / "train.parquet")
    folds, _ = make_folds(frame, frame["y"].to_numpy(), CVSpec(kind="stratified", n_splits=3), 0.1, classify=True)
    np.save(data_dir / "folds.npy", folds)
    return TrialJob(job_id="best", kind="cv", data_file="train.parquet", target="y", metric="roc_auc",
                    profile=profile_dataset(frame, "y", "binary"), configs=[{"family": "linear", "C": 1.0}],
                    folds_file="folds.npy", out_subdir="trials/best", classes=[0, 1])


def test_code_is_repaired_judged_by_cv_and_kept_only_when_better(make_backend, tmp_path):
    job = xor_job(tmp_path / "data")
    spec = TaskSpec(task_type="binary", target="y", metric="roc_auc")
    script = {"code": [{"json": {"code": "def transform(df):\n  return df.assign(", "new_columns": {}}},
                       {"json": {"code": RAISES, "new_columns": {"ab": "numeric"}}},
                       {"json": {"code": USELESS, "new_columns": {"s": "numeric"}}},
                       {"json": {"code": GOOD, "new_columns": {"ab": "numeric"}}}]}
    with WireServer(script) as server, LocalSandbox(tmp_path / "data", tmp_path / "out") as sandbox:
        baseline = sandbox.run(job, timeout_s=120)
        assert baseline.status == "COMPLETE" and baseline.value < 0.65
        result = write_feature_code(make_backend(server), spec, job.profile, sandbox, job, baseline.value,
                                    deadline=time.monotonic() + 120, max_attempts=4)
    assert result.code == GOOD and result.value > 0.95 and result.new_columns == {"ab": "numeric"}
    outcomes = [a.result for a in result.attempts]
    assert outcomes[0].startswith("failed before running: SyntaxError")
    assert outcomes[1] == "failed in the sandbox: KeyError: 'zz'"
    assert outcomes[2].startswith("ran, but CV") and outcomes[3].startswith("kept: CV")
    # each failure went back to the model in the next prompt
    assert "KeyError: 'zz'" in server.requests[2].last_user and "does not beat" in server.requests[3].last_user


def test_no_step_without_an_llm_or_when_nothing_helps(make_backend, tmp_path):
    job = xor_job(tmp_path / "data")
    spec = TaskSpec(task_type="binary", target="y", metric="roc_auc")
    with WireServer({"code": [{"json": {"code": USELESS, "new_columns": {"s": "numeric"}}}]}) as server, \
            LocalSandbox(tmp_path / "data", tmp_path / "out") as sandbox:
        deadline = time.monotonic() + 120
        assert write_feature_code(ExpertBackend(), spec, job.profile, sandbox, job, 0.5, deadline=deadline,
                                  max_attempts=3).attempts == []
        result = write_feature_code(make_backend(server), spec, job.profile, sandbox, job, 0.99, deadline=deadline,
                                    max_attempts=2)
    assert result.code is None and result.new_columns == {} and len(result.attempts) == 2


def test_model_with_generated_features_predicts_through_a_sandbox(tmp_path, monkeypatch):
    job = xor_job(tmp_path / "data")
    profile = with_columns(job.profile, {"ab": "numeric"})
    # the code leaves a mark in the process that runs it: os.environ of this process must stay clean
    code = GOOD.replace("def transform(df):", "import os\ndef transform(df):\n    os.environ['MLPILOT_RAN_HERE'] = '1'")
    monkeypatch.delenv("MLPILOT_RAN_HERE", raising=False)
    fit = job.model_copy(update={"job_id": "fit", "kind": "fit", "profile": profile, "feature_code": code,
                                 "out_subdir": "fit"})
    with LocalSandbox(tmp_path / "data", tmp_path / "out") as sandbox:
        outcome = sandbox.run(fit, timeout_s=120)
    assert outcome.status == "COMPLETE", outcome.reason
    model = load_model(tmp_path / "out" / outcome.model_file)
    assert model.feature_code == code and list(model.features) == ["a", "b", "c"]
    frame = pd.read_parquet(tmp_path / "data" / "train.parquet")
    proba = model.predict_proba(frame[["a", "b", "c"]])[:, 1]
    assert roc_auc_score(frame["y"], proba) > 0.95  # a linear model on a, b, c alone is near 0.5
    assert "MLPILOT_RAN_HERE" not in os.environ
    bad = model.set_params(feature_code="def transform(df):\n    raise RuntimeError('boom')\n")
    with pytest.raises(RuntimeError, match="generated feature code failed in the sandbox: RuntimeError: boom"):
        bad.predict(frame[["a", "b", "c"]])
