"""The learning curve across eval runs of one suite at different budgets: each system's mean normalized score
against its budget, as a table and a plot (``learning-curve.html`` beside the run directories)."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from mlpilot.errors import MlpilotError
from mlpilot.evals.summary import DUMMY, per_task
from mlpilot.tools.report import figure_html


def learning_curve(run_dirs: list[Path]) -> pd.DataFrame:
    """One row per system and budget: tasks, share of valid submissions, mean normalized score (failures 0),
    slowest attempt in seconds. Only tasks every run holds count; each is normalized over every run and
    system together (0 = dummy, 1 = the best score any system reached on it at any budget), so points on the
    curve compare across budgets."""
    from mlpilot.evals.runner import read_rows, rows_frame

    frames = []
    for run_dir in map(Path, run_dirs):
        rows = rows_frame(read_rows(run_dir))
        if rows.empty or not (run_dir / "run.json").is_file():
            raise MlpilotError(f"{run_dir} has no results yet: pass run directories that `mlpilot eval` wrote")
        frames.append(rows.assign(budget=float(json.loads((run_dir / "run.json").read_text())["time_budget"])))
    common = set.intersection(*(set(f["task"]) for f in frames))
    rows = pd.concat(frames, ignore_index=True)
    rows = rows[rows["task"].isin(common)]
    labeled = rows.assign(system=[s if s == DUMMY else f"{s}\t{b}" for s, b in zip(rows["system"], rows["budget"],
                                                                                 strict=True)])
    scored = per_task(labeled)
    scored = scored[scored["system"] != DUMMY]
    ok = scored["status"] == "ok"
    scored = scored.assign(system=scored["system"].str.split("\t").str[0], norm0=scored["normalized"].where(ok, 0.0)
                           .fillna(0.0), valid=ok.astype(float))
    return scored.groupby(["system", "budget"], sort=False).agg(
        tasks=("task", "nunique"), valid=("valid", "mean"), mean_normalized=("norm0", "mean"),
        slowest_s=("seconds", "max")).reset_index().sort_values(["system", "budget"], ignore_index=True)


def write_curve(run_dirs: list[Path], path: Path) -> pd.DataFrame:
    """Write the learning curve of ``run_dirs`` to ``path`` (HTML, plot embedded); returns its table."""
    curve = learning_curve(run_dirs)
    fig = Figure(figsize=(6, 3.5))
    ax = fig.subplots()
    for system, points in curve.groupby("system", sort=False):
        ax.plot(points["budget"], points["mean_normalized"], marker="o", label=system)
    ax.set_xscale("log")
    ax.minorticks_off()
    ax.set_xticks(sorted(curve["budget"].unique()), [f"{b:g} s" for b in sorted(curve["budget"].unique())])
    ax.set_xlabel("time budget per task")
    ax.set_ylabel("mean normalized score")
    ax.legend(fontsize=8, frameon=False)
    runs = ", ".join(html.escape(Path(d).name) for d in run_dirs)
    path.write_text(f"<!doctype html><html><head><meta charset='utf-8'><title>mlpilot learning curve</title></head>"
                    f"<body><h1>Learning curve</h1><p>Runs: {runs}. {curve['tasks'].max()} tasks common to all; "
                    "normalized over every run and system (0 = dummy, 1 = best at any budget); failures count 0.</p>"
                    f"{curve.to_html(index=False, float_format=lambda v: f'{v:.3f}', border=0)}"
                    f"{figure_html(fig)}</body></html>")
    return curve
