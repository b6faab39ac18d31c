"""What every sandbox must do, as a pytest mixin: ``class TestMine(SandboxContract): make = ...``.

A subclass provides ``make(data_dir, out_dir, limits) -> Sandbox`` (directories may be None: bound later). The contract runs real trials on a
small real dataset: a metric comes back, a fitted model loads on the host, pruning works, and a trial that
loops, crashes or raises is reported (TIMEOUT / FAIL with its reason) without raising, after which the
same sandbox still runs the next trial.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from mlpilot.sandboxes.base import Limits, Sandbox, TrialJob
from mlpilot.tools.profile import profile_dataset
from mlpilot.tools.splits import TRAIN, VALID

N_FOLDS = 3


def write_dataset(data_dir: Path, n: int = 240, seed: int = 0) -> TrialJob:
    """A small binary task in ``data_dir`` (world-readable, as a run's data directory is); returns a CV job."""
    data_dir.mkdir(parents=True, exist_ok=True)
    data_dir.chmod(0o755)
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 4))
    frame = pd.DataFrame(X, columns=["a", "b", "c", "d"])
    frame["colour"] = rng.choice(["red", "green", "blue"], size=n)
    frame["y"] = ((X[:, 0] + 0.5 * X[:, 1] + rng.normal(scale=0.5, size=n)) > 0).astype(int)
    frame.to_parquet(data_dir / "train.parquet")
    fold_of_row = np.arange(n) % N_FOLDS
    np.save(data_dir / "folds.npy", np.stack([np.where(fold_of_row == k, VALID, TRAIN) for k in range(N_FOLDS)])
            .astype(np.int8))
    for name in ("train.parquet", "folds.npy"):
        (data_dir / name).chmod(0o644)
    profile = profile_dataset(frame, "y", "binary")
    return TrialJob(job_id="t0", kind="cv", data_file="train.parquet", target="y", metric="roc_auc",
                    profile=profile, configs=[{"family": "linear", "C": 1.0}], folds_file="folds.npy",
                    out_subdir="trials/t0", classes=[0, 1])


def variant(job: TrialJob, job_id: str, feature_code: str | None = None, **changes) -> TrialJob:
    """``job`` under a new id and output folder, optionally running ``feature_code`` in the worker."""
    return job.model_copy(update={"job_id": job_id, "out_subdir": f"trials/{job_id}", "feature_code": feature_code,
                                  **changes})


def evil(body: str) -> str:
    """Feature code that does ``body`` and then, if still alive, returns the frame untouched."""
    indented = textwrap.indent(textwrap.dedent(body).strip(), "    ")
    return f"def transform(df):\n{indented}\n    return df\n"


class SandboxContract:
    limits = Limits(memory_mb=1536, cpus=1, pids=128, tmpfs_mb=64)
    ready_timeout_s = 60.0

    def make(self, data_dir: Path, out_dir: Path, limits: Limits) -> Sandbox:
        raise NotImplementedError

    @pytest.fixture
    def job(self, tmp_path) -> TrialJob:
        return write_dataset(tmp_path / "data")

    @pytest.fixture
    def sandbox(self, tmp_path, job):
        with self.make(tmp_path / "data", tmp_path / "out", self.limits) as box:
            box.warm_up(self.ready_timeout_s)
            yield box

    def assert_still_works(self, sandbox: Sandbox, job: TrialJob) -> None:
        outcome = sandbox.run(variant(job, "after"), timeout_s=self.ready_timeout_s)
        assert outcome.status == "COMPLETE", outcome.reason

    def test_returns_a_metric(self, sandbox, job, tmp_path):
        outcome = sandbox.run(job, timeout_s=self.ready_timeout_s)
        assert outcome.status == "COMPLETE", outcome.reason
        assert 0.6 < outcome.value <= 1.0 and len(outcome.fold_scores) == N_FOLDS
        oof = np.load(tmp_path / "out" / outcome.oof_file, allow_pickle=False)
        assert oof.shape == (240, 2) and np.allclose(oof.sum(axis=1), 1.0)

    def test_made_before_the_run_then_bound_with_a_sibling(self, job, tmp_path):
        with self.make(None, None, self.limits) as box:
            box.bind(tmp_path / "data", tmp_path / "out")
            assert box.run(job, timeout_s=self.ready_timeout_s).status == "COMPLETE"
            with box.sibling("worker-2") as other:
                assert (other.name, other.data_dir, other.out_dir) == (box.name, box.data_dir, box.out_dir)
                outcome = other.run(variant(job, "sibling"), timeout_s=self.ready_timeout_s)
                assert outcome.status == "COMPLETE", outcome.reason
                assert (tmp_path / "out" / outcome.oof_file).is_file()

    def test_fit_model_loads_on_the_host(self, sandbox, job, tmp_path):
        from mlpilot.tools.model_io import load_model

        fit = variant(job, "final", kind="fit", folds_file=None,
                      configs=[{"family": "linear", "C": 1.0}, {"family": "linear", "C": 0.1}], weights=[0.5, 0.5])
        outcome = sandbox.run(fit, timeout_s=self.ready_timeout_s)
        assert outcome.status == "COMPLETE", outcome.reason
        model = load_model(tmp_path / "out" / outcome.model_file)
        frame = pd.read_parquet(tmp_path / "data" / "train.parquet").drop(columns="y")
        assert model.predict(frame.head(5)).shape == (5,)

    def test_mlp_trains_after_skops_loaded_without_torch(self, sandbox, job):
        outcome = sandbox.run(variant(job, "mlp", configs=[{"family": "mlp", "hidden": 32, "layers": 1}]),
                              timeout_s=self.ready_timeout_s)
        assert outcome.status == "COMPLETE", outcome.reason
        assert 0.6 < outcome.value <= 1.0

    def test_prunes_when_told(self, sandbox, job):
        seen = []
        outcome = sandbox.run(job, timeout_s=self.ready_timeout_s, on_fold=lambda k, v: seen.append(k) or k < 1)
        assert outcome.status == "PRUNED" and seen == [0, 1]
        self.assert_still_works(sandbox, job)

    def test_timeout_is_enforced(self, sandbox, job):
        outcome = sandbox.run(variant(job, "loop", evil("while True:\n    pass")), timeout_s=3)
        assert outcome.status == "TIMEOUT" and "timed out after 3s" in outcome.reason
        assert outcome.seconds < 6
        self.assert_still_works(sandbox, job)

    def test_crash_is_a_failed_trial(self, sandbox, job):
        outcome = sandbox.run(variant(job, "crash", evil("import os\nos._exit(7)")), timeout_s=30)
        assert outcome.status == "FAIL" and "exited with code 7" in outcome.reason
        self.assert_still_works(sandbox, job)

    def test_exception_is_a_failed_trial(self, sandbox, job):
        outcome = sandbox.run(variant(job, "raise", evil("raise ValueError('no such feature: zz')")), timeout_s=30)
        assert outcome.status == "FAIL" and outcome.reason == "ValueError: no such feature: zz"
        self.assert_still_works(sandbox, job)
