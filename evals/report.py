"""Build ``results.csv`` and a self-contained ``report.html`` (plots embedded as base64 PNG) for a run."""

from __future__ import annotations

import html
import json
from pathlib import Path

from matplotlib.figure import Figure
import pandas as pd  # noqa: E402

from mlpilot.errors import MlpilotError  # noqa: E402
from mlpilot.evals.summary import DUMMY, overall, per_task  # noqa: E402
from mlpilot.tools.report import figure_html  # noqa: E402

STYLE = """body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}
.win{font-weight:bold;background:#e8f5e9}.bad{color:#b71c1c}img{max-width:100%}"""


def write_report(run_dir: str | Path) -> Path:
    """(Re)build results.csv and report.html from the run's results.jsonl; returns the report path."""
    from mlpilot.evals.runner import read_rows, rows_frame

    run_dir = Path(run_dir)
    rows = read_rows(run_dir)
    if not rows:
        raise MlpilotError(f"{run_dir} has no results yet: run `mlpilot eval` with --out pointing at its parent")
    scored = per_task(rows_frame(rows))
    scored.to_csv(run_dir / "results.csv", index=False)
    config = json.loads((run_dir / "run.json").read_text()) if (run_dir / "run.json").is_file() else {}
    summary = overall(scored)
    parts = [
        f"<h1>mlpilot eval: {html.escape(run_dir.name)}</h1>",
        f"<p>Budget {config.get('time_budget', '?')} s per task and system; {scored['task'].nunique()} tasks; "
        "normalized score: 0 = dummy baseline (or below it), 1 = best system on the task; failures count 0 and rank last; "
        "comprehensive = 0.5 success rate + 0.5 mean NPS (AutoML-Agent).</p>",
        "<h2>Overall</h2>", _table(summary, floats=3),
        "<h2>Scores per task</h2>", _score_matrix(scored),
        "<h2>Plots</h2>",
        figure_html(_bars(scored, "normalized", "normalized score")),
        figure_html(_distribution(scored)),
        figure_html(_bars(scored, "seconds", "seconds used", include_dummy=True)),
        "<h2>Failures</h2>", _failures(scored),
    ]
    path = run_dir / "report.html"
    path.write_text(f"<!doctype html><html><head><meta charset='utf-8'><title>mlpilot eval {html.escape(run_dir.name)}"
                    f"</title><style>{STYLE}</style></head><body>{''.join(parts)}</body></html>")
    return path


def _table(frame: pd.DataFrame, floats: int = 4) -> str:
    return frame.to_html(index=False, float_format=lambda v: f"{v:.{floats}g}", na_rep="", border=0)


def _score_matrix(scored: pd.DataFrame) -> str:
    systems = list(dict.fromkeys(scored["system"]))
    head = "".join(f"<th>{html.escape(s)}</th>" for s in systems)
    lines = [f"<table><tr><th class=l>task</th><th class=l>metric</th>{head}</tr>"]
    for task, group in scored.groupby("task", sort=False):
        by_system = group.set_index("system")
        metric = group["metric"].iloc[0] + (" ↑" if group["greater_is_better"].iloc[0] else " ↓")
        cells = []
        for system in systems:
            if system not in by_system.index:
                cells.append("<td></td>")
                continue
            row = by_system.loc[system]
            if row["status"] != "ok":
                cells.append(f"<td class=bad title='{html.escape(str(row['reason']), quote=True)}'>{row['status']}</td>")
            else:
                win = " class=win" if system in str(row["winner"]).split("/") else ""
                cells.append(f"<td{win}>{row['score']:.4g}</td>")
        lines.append(f"<tr><td class=l>{html.escape(task)}</td><td class=l>{metric}</td>{''.join(cells)}</tr>")
    return "".join(lines) + "</table>"


def _failures(scored: pd.DataFrame) -> str:
    failed = scored[scored["status"] != "ok"][["task", "system", "status", "seconds", "reason"]]
    return _table(failed) if len(failed) else "<p>None.</p>"


def _bars(scored: pd.DataFrame, column: str, label: str, include_dummy: bool = False):
    frame = scored if include_dummy else scored[scored["system"] != DUMMY]
    pivot = frame.pivot_table(index="task", columns="system", values=column, sort=False)
    fig = Figure(figsize=(max(6, 0.9 * len(pivot)), 3.5))
    ax = fig.subplots()
    pivot.plot.bar(ax=ax, width=0.8)
    ax.set_ylabel(label)
    ax.set_xlabel("")
    ax.legend(fontsize=8, ncol=len(pivot.columns), loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
    ax.tick_params(axis="x", labelrotation=30)
    return fig


def _distribution(scored: pd.DataFrame):
    frame = scored[scored["system"] != DUMMY]
    systems = list(dict.fromkeys(frame["system"]))
    values = [frame.loc[frame["system"] == s, "normalized"].fillna(0.0).to_numpy() for s in systems]
    fig = Figure(figsize=(6, 3.5))
    ax = fig.subplots()
    ax.boxplot(values, tick_labels=systems)
    ax.set_ylabel("normalized score per task (failures as 0)")
    return fig
