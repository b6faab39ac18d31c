"""Whole runs on small real data with short budgets: files delivered, budget honoured, model reloads."""

import ast
import json
import subprocess
import sys
import time

import numpy as np
import pandas as pd
import pytest

import mlpilot
from mlpilot.layout import RunLayout
from mlpilot.tools.metrics import get_metric

pytestmark = pytest.mark.slow


def test_churn_with_test_file_delivers_everything(tmp_path, churn, within_budget):
    train, test = churn.iloc[:1200], churn.iloc[1200:].drop(columns="churn")
    test.to_csv(tmp_path / "test.csv", index=False)
    events = []
    start = time.monotonic()
    result = mlpilot.solve("predict which customers churn; optimise ROC AUC", data=train, test=tmp_path / "test.csv",
                           time_budget=45, out=tmp_path / "runs", on_event=events.append)
    assert within_budget(time.monotonic() - start, 45)
    assert result.metric == "roc_auc" and result.spec.target == "churn" and result.score > 0.75
    run = result.run_dir
    for name in ("model.skops", "predictions.csv", "leaderboard.csv", "events.jsonl", "verification.json",
                 "summary.json", "report.html", "study.journal", "checkpoints.sqlite"):
        assert (run / name).exists(), name
    predictions = pd.read_csv(run / "predictions.csv")
    columns = ["churn"] + [f"churn_proba_{c}" for c in result.model.classes]  # no sample: the label, how sure
    assert list(predictions.columns) in (["customer_id", *columns], columns)
    assert len(predictions) == len(test) and set(predictions["churn"]) <= set(churn["churn"])
    assert np.allclose(predictions[columns[1:]].sum(axis=1), 1)
    verification = json.loads((run / "verification.json").read_text())
    assert {c["name"] for c in verification["checks"]} >= {"beats_dummy", "holdout_reproduces", "target_not_feature"}
    assert result.verification.decision in ("pass", "warn")
    assert {e.kind for e in events} >= {"stage", "trial", "verified", "delivered"}
    assert "<img src=\"data:image/png;base64," in (run / "report.html").read_text()
    spent = result.summary["time"]  # where the wall clock went, the search's overhead measured
    assert spent["before_search_s"] + spent["search_s"] + spent["after_search_s"] == pytest.approx(
        spent["elapsed_s"], abs=0.05)
    assert spent["search_s"] > 10 and spent["lanes"] >= 1
    assert 0 < spent["search_model_share"] < 1 and spent["search_overhead_share"] == pytest.approx(
        1 - spent["search_model_share"])
    reloaded = mlpilot.load(run)
    assert np.allclose(reloaded.predict_proba(test), result.model.predict_proba(test))
    assert set(result.model.predict(test)) <= set(churn["churn"])
    board = result.leaderboard
    assert board.iloc[0]["state"] == "COMPLETE" and (board["source"] == "default").any()
    baseline = board.loc[board["family"] == "constant", "trial"].tolist()  # scored, never blended under ROC AUC
    assert len(baseline) == 1 and str(baseline[0]) not in result.summary["ensemble"]
    # the choice among trials is scored on every row no fold model was fitted on: out of fold and the holdout
    layout = RunLayout(run)
    folds, holdout = np.load(layout.data / layout.folds_name(0)), np.load(layout.data / layout.holdout_name(0))
    y = pd.read_parquet(layout.data / layout.table_name(0))["churn"].to_numpy()
    unseen = np.concatenate([np.flatnonzero((folds == 2).any(axis=0)), holdout])
    blend = sum(w * np.concatenate([np.load(layout.trials / f"{run.name}-0" / f"trial-{n}" / name)[rows]
                                    for name, rows in (("oof.npy", unseen[:-len(holdout)]), ("holdout.npy", slice(None)))])
                for n, w in result.summary["ensemble"].items())
    note = next(e["message"] for e in map(json.loads, (run / "events.jsonl").read_text().splitlines())
                if e.get("message", "").startswith("ensemble: bagged"))
    assert f"CV roc_auc {get_metric('roc_auc').score(y[unseen], blend):.4f}," in note


def test_regression_cli_run_and_predict(tmp_path, ames, within_budget):
    data = tmp_path / "ames.csv"
    ames.to_csv(data, index=False)
    start = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "mlpilot", "run", "estimate the sale price, RMSLE", "--data", str(data),
                          "--time-budget", "40s", "--out", str(tmp_path / "runs"), "--json"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert within_budget(time.monotonic() - start, 40 + 5)  # + interpreter start-up
    summary = json.loads(run.stdout)
    assert summary["spec"]["target"] == "Sale_Price" and summary["metric"] == "rmsle"
    assert 0 < summary["cv_score"] < 0.3
    out = tmp_path / "predictions" / "ames" / "pred.csv"  # into folders that do not exist yet
    predicted = subprocess.run([sys.executable, "-m", "mlpilot", "predict", summary["run_dir"], str(data), "-o", str(out)],
                               capture_output=True, text=True, timeout=120)
    assert predicted.returncode == 0, predicted.stderr
    values = pd.read_csv(out)["Sale_Price"]
    assert len(values) == len(ames) and values.min() > 0


def test_tiny_budget_still_delivers_a_model(tmp_path, penguins, within_budget):
    start = time.monotonic()
    result = mlpilot.solve("classify the penguin species", data=penguins, time_budget=3, out=tmp_path)
    assert within_budget(time.monotonic() - start, 3)
    assert (result.run_dir / "model.skops").exists()
    assert result.model.predict(penguins.head()).shape == (5,)
    assert result.warnings


def test_an_unclear_target_is_asked_when_someone_can_answer(tmp_path, churn):
    """Neither the request nor the data names the column: with a person at hand the expert asks, instead of
    stopping, and the answer decides; without one the run stops with the one-line error."""
    questions = []
    result = mlpilot.solve("which ones will we lose?", data=churn, time_budget=20, out=tmp_path,
                           ask=lambda q: questions.append(q) or "the churn column")
    assert questions and questions[0].startswith("Which column should I predict?") and "churn" in questions[0]
    assert result.spec.target == "churn" and result.model is not None
    with pytest.raises(mlpilot.MlpilotError, match="cannot tell which column to predict"):
        mlpilot.solve("which ones will we lose?", data=churn, time_budget=20, out=tmp_path)


def test_mae_lets_the_data_choose_squared_or_absolute_error(tmp_path, penguins):
    """Under MAE the first default is also tried with absolute error (at most twice its rounds), the constant
    baseline is the median, and later trials choose the loss per trial: neither loss is imposed."""
    result = mlpilot.solve("estimate the body mass; MAE", data=penguins, time_budget=30, out=tmp_path)
    board = result.leaderboard.assign(params=lambda b: b["params"].map(ast.literal_eval))
    defaults = board[(board["family"] == "lightgbm") & (board["source"] == "default")]["params"].tolist()
    assert [bool(p.get("l1_loss")) for p in defaults].count(True) == 1 and len(defaults) >= 2
    assert "n_estimators" in next(p for p in defaults if p.get("l1_loss"))  # capped by the first one's rounds
    assert board[board["family"] == "constant"].iloc[0]["params"] == {"l1_loss": True}  # the median
    assert result.metric == "mae" and result.score < 0.5 * penguins["body_mass_g"].std()


def test_a_skewed_target_scored_on_its_own_scale_lets_the_data_choose_the_log(tmp_path, ames):
    """Sale prices are skewed, but RMSE scores dollars: fitting log1p(price) is a choice the search makes per
    trial (the first default tried both ways), not a rule; the constant baseline is the plain mean."""
    result = mlpilot.solve("estimate the sale price; RMSE", data=ames, time_budget=30, out=tmp_path)
    board = result.leaderboard.assign(params=lambda b: b["params"].map(ast.literal_eval))
    defaults = board[(board["family"] == "lightgbm") & (board["source"] == "default")]["params"].tolist()
    assert [bool(p.get("log_target")) for p in defaults].count(True) == 1 and len(defaults) >= 2
    assert board[board["family"] == "constant"].iloc[0]["params"] == {}
    assert "trials fit the target or its log1p" in (result.run_dir / "events.jsonl").read_text()  # the plan says so
    assert result.metric == "rmse" and result.score < 0.5 * ames["Sale_Price"].std()


def test_ids_handed_out_in_order_are_used_when_the_cv_says_they_help(tmp_path):
    """Follow-up time of patients enrolled one after another (ids in enrolment order) until the study ended: the
    id carries when each patient joined. The first default is tried with the integer id as a number too, the
    search keeps whichever scores better, and the delivered model takes the id only if a member uses it."""
    rng = np.random.default_rng(0)
    n = 1500
    enrolled = np.sort(rng.uniform(0, 100, n))
    alive = rng.random(n) < 0.6
    frame = pd.DataFrame({"id": np.arange(1, n + 1), "stage": rng.choice(["I", "II", "III"], n),
                          "age": rng.integers(20, 80, n),
                          "status": np.where(alive, "censored", "event")})
    frame["time"] = np.where(alive, 100 - enrolled, rng.exponential(20, n)) + rng.normal(0, 1, n)
    frame = frame.sample(frac=1, random_state=0).reset_index(drop=True)
    result = mlpilot.solve("estimate the follow-up time; RMSE", data=frame, time_budget=25, out=tmp_path)
    board = result.leaderboard.assign(params=lambda b: b["params"].map(ast.literal_eval))
    done = board[board["state"] == "COMPLETE"]
    with_ids = done[done["params"].map(lambda p: bool(p.get("ids_as_numbers")))]
    without = done[done["params"].map(lambda p: not p.get("ids_as_numbers")) & (done["family"] != "constant")]
    assert len(with_ids) and len(without)
    assert with_ids["rmse"].min() < 0.8 * without["rmse"].min()  # the order of the ids is worth a lot here
    assert "id" in result.model.features and result.score < 0.8 * without["rmse"].min()


def test_a_name_whose_effect_is_an_interaction_reaches_the_trees_as_a_category_when_the_cv_says_so(tmp_path):
    """Inspection scores of 400 restaurants, 12 visits each: how a restaurant does depends on its name together
    with the visit's conditions, so its mean score says little. The first default is tried with the name as
    target means and as a category of its own (``levels_as_categories``); the category wins out of fold."""
    rng = np.random.default_rng(5)
    shop = rng.integers(0, 400, 4800)
    busy = rng.normal(size=4800)
    frame = pd.DataFrame({"restaurant": [f"restaurant {i}" for i in shop], "busy": busy,
                          "score": 20 + 3 * np.where(shop % 2, 1.0, -1.0) * busy + rng.normal(0, 0.5, 4800)})
    result = mlpilot.solve("predict the inspection score; MAE", data=frame, time_budget=25, out=tmp_path)
    board = result.leaderboard.assign(params=lambda b: b["params"].map(ast.literal_eval))
    done = board[(board["state"] == "COMPLETE") & (board["family"] != "constant")]
    levels = done["params"].map(lambda p: bool(p.get("levels_as_categories")))
    assert levels.any() and (~levels).any()
    assert done[levels]["mae"].min() < 0.7 * done[~levels]["mae"].min()
    assert result.spec.target == "score" and result.score < 0.7 * done[~levels]["mae"].min()
