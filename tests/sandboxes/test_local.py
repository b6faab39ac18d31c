from mlpilot.sandboxes import Limits, LocalSandbox
from mlpilot.sandboxes.testing import SandboxContract, evil, variant, write_dataset


class TestLocalSandbox(SandboxContract):
    def make(self, data_dir, out_dir, limits):
        return LocalSandbox(data_dir, out_dir, limits)

    def test_memory_limit_is_a_failed_trial(self, sandbox, job):
        outcome = sandbox.run(variant(job, "hog", evil("x = bytearray(4 * 1024 ** 3)")), timeout_s=30)
        assert outcome.status == "FAIL" and "memory" in outcome.reason
        self.assert_still_works(sandbox, job)

    def test_worker_is_replaced_after_a_timeout(self, tmp_path, job):
        with LocalSandbox(tmp_path / "data", tmp_path / "out", Limits(memory_mb=2048)) as box:
            box.warm_up()
            first = box._proc.pid
            assert box.run(variant(job, "loop", evil("while True:\n    pass")), timeout_s=2).status == "TIMEOUT"
            assert box._proc.pid != first


def test_time_ordered_folds_keep_the_last_folds_model(tmp_path):
    """Under time-ordered folds a trial delivers the model fitted on the most recent rows, not an average with
    models of earlier periods; its saved test predictions are that model's."""
    import numpy as np
    import pandas as pd

    from mlpilot.tools.model_io import load_model

    data = tmp_path / "data"
    job = write_dataset(data)
    block = np.arange(240) // 40  # six periods: fold k trains on periods 0..k, validates on period k+1
    np.save(data / "time.npy", np.stack([np.where(block <= k, 1, np.where(block == k + 1, 2, 0))
                                         for k in range(5)]).astype(np.int8))
    last = variant(job, "last", folds_file="time.npy", test_file="train.parquet", last_fold_only=True)
    with LocalSandbox(data, tmp_path / "out", Limits(memory_mb=2048)) as box:
        outcome = box.run(last, timeout_s=60)
    assert outcome.status == "COMPLETE", outcome.reason
    assert len(outcome.fold_scores) == 5
    model = load_model(tmp_path / "out" / outcome.model_file)
    assert len(model.members) == 1
    frame = pd.read_parquet(data / "train.parquet").drop(columns="y")
    saved = np.load(tmp_path / "out" / outcome.pred_files["test"])
    assert np.allclose(saved, model.predict_proba(frame))


def test_a_catboost_trial_stops_early_on_each_fold_and_within_its_time_limit(tmp_path):
    """CatBoost's categorical columns are found at fit time; early stopping on the validation fold gives the
    rounds a refit uses, and a tight time limit ends the fit with a usable model instead of a timeout."""
    from mlpilot.tools.model_io import load_model

    job = write_dataset(tmp_path / "data", n=900)
    defaults = {"family": "catboost", "learning_rate": 0.05, "depth": 6, "l2_leaf_reg": 3.0}
    with LocalSandbox(tmp_path / "data", tmp_path / "out") as box:
        full = box.run(variant(job, "cb", configs=[defaults]), timeout_s=120)
        slow = box.run(variant(job, "cb-cut", configs=[{**defaults, "learning_rate": 0.005}], time_limit_s=1.5),
                       timeout_s=60)
    assert full.status == "COMPLETE" and full.value > 0.85, full.reason
    assert 50 < full.info["best_rounds"] < 3000  # stopped early, well short of the round cap
    model = load_model(tmp_path / "out" / full.model_file)
    assert model.members[0][-1].categorical_ == ["colour"]
    assert slow.status == "COMPLETE" and slow.seconds < 6 and slow.value > 0.8, (slow.seconds, slow.reason)


def test_an_mlp_trial_stops_its_epochs_at_its_time_limit(tmp_path):
    """A slow-learning MLP (about 50 s of epochs to stop early on this table) given 1.5 s ends with a usable
    model instead of a killed worker (its seconds include the worker's first torch import)."""
    job = write_dataset(tmp_path / "data", n=3000)
    config = {"family": "mlp", "hidden": 512, "layers": 3, "dropout": 0.1, "lr": 1e-5, "weight_decay": 1e-5}
    with LocalSandbox(tmp_path / "data", tmp_path / "out") as box:
        cut = box.run(variant(job, "mlp-cut", configs=[config], time_limit_s=1.5), timeout_s=30)
    assert cut.status == "COMPLETE" and cut.seconds < 12 and cut.value > 0.6, (cut.status, cut.seconds, cut.reason)
