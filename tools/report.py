"""report.html: what was asked, what won, how the search went, what the verifier checked, with plots."""

from __future__ import annotations

import base64
import html
import io
import json
from pathlib import Path

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure

from mlpilot.layout import IMPORTANCE, RunLayout
from mlpilot.schemas import TrialRecord, Verdict  # noqa: E402
from mlpilot.tools.metrics import get_metric  # noqa: E402

STYLE = """body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;color:#222}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left}
.pass{color:#137333}.fail{color:#c5221f}.warn{color:#b06000}img{max-width:100%}.grid{display:flex;flex-wrap:wrap;gap:1em}
.grid img{width:520px}code{background:#f3f3f3;padding:1px 4px}
pre{background:#f6f6f6;padding:8px;font-size:12px;overflow-x:auto}"""


MAX_LABELLED_CLASSES = 12  # a confusion matrix with more classes is drawn as a heat map only


def figure_html(fig) -> str:
    """A matplotlib figure (made with ``Figure``, never pyplot: no global backend) as an inline <img> tag."""
    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png", dpi=90)
    return f'<img src="data:image/png;base64,{base64.b64encode(buffer.getvalue()).decode()}">'


def history_plot(trials: list[TrialRecord], metric_name: str) -> str:
    metric = get_metric(metric_name)
    done = [t for t in trials if t.state == "COMPLETE" and t.value is not None]
    fig = Figure(figsize=(6.5, 3.8))
    ax = fig.subplots()
    for family in sorted({t.config.get("family") for t in done}):
        pts = [t for t in done if t.config.get("family") == family]
        ax.scatter([t.number for t in pts], [t.value for t in pts], label=family, s=22)
    if done:
        values = [t.value for t in sorted(done, key=lambda t: t.number)]
        best = np.maximum.accumulate(values) if metric.greater_is_better else np.minimum.accumulate(values)
        ax.step(sorted(t.number for t in done), best, where="post", color="black", lw=1.2, label="best so far")
    ax.set(xlabel="trial", ylabel=f"CV {metric.name}", title="Optimisation history")
    ax.legend(fontsize=7)
    return figure_html(fig)


def time_plot(time: dict) -> str:
    """The run's wall clock as one bar: before the search, the search (fitting and predicting models, the
    rest), after it."""
    search = time["search_s"]
    parts = {"before the search": time["before_search_s"], "search: models": search * time["search_model_share"],
             "search: overhead": search * time["search_overhead_share"], "after the search": time["after_search_s"]}
    fig = Figure(figsize=(6.5, 1.9))
    ax = fig.subplots()
    left = 0.0
    for (label, seconds), color in zip(parts.items(), ("#9e9e9e", "#1e88e5", "#ef6c00", "#bdbdbd"), strict=True):
        ax.barh([0], [seconds], left=left, color=color, label=f"{label} {seconds:.1f} s")
        left += seconds
    ax.set(yticks=[], xlabel="seconds of wall clock", title=f"Where the time went ({time['lanes']} sandbox lane(s))")
    ax.legend(fontsize=7, ncol=2, loc="upper center", bbox_to_anchor=(0.5, -0.45), frameon=False)
    return figure_html(fig)


def leaderboard_plot(board: pd.DataFrame, metric_name: str) -> str:
    top = board[board["state"] == "COMPLETE"].head(15)
    fig = Figure(figsize=(6.5, 3.8))
    ax = fig.subplots()
    labels = [f"#{r.trial} {r.family}" for r in top.itertuples()]
    ax.barh(labels[::-1], top[metric_name].to_numpy()[::-1], xerr=top["fold_std"].fillna(0).to_numpy()[::-1])
    low, high = top[metric_name].min(), top[metric_name].max()
    pad = (high - low) * 0.5 + 1e-9
    ax.set_xlim(low - pad, high + pad)
    ax.set(xlabel=f"CV {metric_name}", title="Leaderboard (top 15 trials, ± fold std)")
    return figure_html(fig)


def importance_plot(importance: dict[str, float]) -> str:
    items = list(importance.items())[:20]
    fig = Figure(figsize=(6.5, 3.8))
    ax = fig.subplots()
    ax.barh([k for k, _ in items][::-1], [v for _, v in items][::-1], color="#4c78a8")
    ax.set(xlabel="share of importance", title="Feature importance (model's own, by input column)")
    return figure_html(fig)


def holdout_plot(y: np.ndarray, pred: np.ndarray, task_type: str, classes: list | None) -> str:
    """Residuals (``pred``: values) or the confusion matrix (``pred``: predicted class codes)."""
    fig = Figure(figsize=(6.5, 3.8))
    ax = fig.subplots()
    if task_type == "regression":
        ax.scatter(pred, y - pred, s=8, alpha=0.5)
        ax.axhline(0, color="black", lw=1)
        ax.set(xlabel="predicted", ylabel="actual - predicted", title="Residuals on the holdout")
    else:
        k = len(classes)
        matrix = np.zeros((k, k), dtype=int)
        np.add.at(matrix, (y.astype(int), pred.astype(int)), 1)
        ax.imshow(matrix, cmap="Blues")
        if k <= MAX_LABELLED_CLASSES:  # beyond, a cell's count is unreadable and drawing them all takes seconds
            for i in range(k):
                for j in range(k):
                    ax.text(j, i, matrix[i, j], ha="center", va="center", fontsize=8)
            names = [str(c)[:12] for c in classes]
            ax.set_xticks(range(k), names, rotation=45, fontsize=7)
            ax.set_yticks(range(k), names, fontsize=7)
        ax.set(xlabel="predicted", ylabel="actual", title="Confusion matrix on the holdout")
    return figure_html(fig)


def _decision(class_weights: list[float] | None, classes: list | None) -> str:
    if not class_weights:
        return ""
    rule = ", ".join(f"{html.escape(str(c))} x{w:.2f}" for c, w in zip(classes, class_weights))
    return f" · decision rule: class probabilities weighted ({rule}), fitted out of fold"


def _checks(verdict: Verdict | None) -> str:
    if verdict is None:
        return "<p>No verification ran.</p>"
    rows = "".join(
        f"<tr><td class='{'pass' if c.passed else 'fail' if c.severity == 'error' else 'warn'}'>"
        f"{'✔' if c.passed else '✘'} {html.escape(c.name)}</td><td>{html.escape(c.evidence)}</td></tr>"
        for c in verdict.checks)
    return (f"<p>Decision: <b>{verdict.decision}</b>. {html.escape(verdict.explanation)}</p>"
            f"<table><tr><th>check</th><th>evidence</th></tr>{rows}</table>")


def _usage(usage: dict, elapsed_s: float) -> str:
    if not usage:
        return ""
    seconds = usage.get("seconds", 0.0)
    return (f"<p><b>LLM:</b> {usage.get('calls', 0)} calls ({usage.get('cached_calls', 0)} cached), "
            f"{seconds:.1f} s waiting for the model ({seconds / max(elapsed_s, 1e-9):.0%} of the run's wall time), "
            f"{usage.get('input_tokens', 0):,} input / {usage.get('output_tokens', 0):,} output tokens, "
            f"${usage.get('cost_usd', 0.0):.4f}; {usage.get('retries', 0)} retries, {usage.get('repairs', 0)} "
            f"repairs, {usage.get('fallbacks', 0)} fallbacks to the expert policy</p>")


def _features(features: dict | None) -> str:
    """The code writer's attempts, the kept source in full."""
    if not features:
        return ""
    items = "".join(f"<li>{html.escape(a['result'])}</li>" for a in features["attempts"])
    kept = (f"<p>Kept ({html.escape(features['idea'])}): CV {features['baseline']:.4f} → {features['value']:.4f}; "
            f"it runs in a sandbox before the model, at prediction time too.</p><pre>{html.escape(features['code'])}</pre>"
            if features["code"] else f"<p>No attempt beat the baseline CV {features['baseline']:.4f}.</p>")
    return f"<h2>Generated features</h2>{kept}<ul>{items}</ul>"


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.4f}"


def _leakage(suspects: list[dict], metric: str) -> str:
    """The leakage suspects: column, evidence, whether it was dropped or kept, and a kept one's CV with and
    without it."""
    if not suspects:
        return ""
    rows = ""
    for s in suspects:
        action, _, evidence = s["reason"].partition(": ")
        if action != s["action"]:  # a reason written without its action prefix
            evidence = s["reason"]
        css = "fail" if s["action"] == "dropped" else "pass"
        rows += (f"<tr><td><code>{html.escape(s['column'])}</code></td><td>{html.escape(evidence)}</td>"
                 f"<td class='{css}'>{html.escape(s['action'])}</td><td>{_fmt(s.get('cv_with'))}</td>"
                 f"<td>{_fmt(s.get('cv_without'))}</td></tr>")
    return ("<h2>Leakage suspects</h2><p>Dropped columns are not model inputs. Kept ones are: they predict the target "
            "very well on their own; exclude one if it is not known when predicting.</p>"
            f"<table><tr><th>column</th><th>evidence</th><th>action</th><th>CV {metric} with it</th>"
            f"<th>without it</th></tr>{rows}</table>")


def write_report(run_dir: Path, *, summary: dict, board: pd.DataFrame, trials: list[TrialRecord],
                 verdict: Verdict | None, classes: list | None, verify_dir: Path | None) -> Path:
    spec = summary["spec"]
    metric = spec["metric"]
    plots = [history_plot(trials, metric)] if trials else []
    if "search_s" in summary.get("time", {}):
        plots.append(time_plot(summary["time"]))
    if (board["state"] == "COMPLETE").any():
        plots.append(leaderboard_plot(board, metric))
    if verify_dir and (verify_dir / IMPORTANCE).exists():
        plots.append(importance_plot(json.loads((verify_dir / IMPORTANCE).read_text())))
    if verify_dir and (verify_dir / "holdout.npz").exists():
        held = np.load(verify_dir / "holdout.npz")
        plots.append(holdout_plot(held["y"], held["pred"], spec["task_type"], classes))
    failed = board[board["state"] != "COMPLETE"]
    warnings = "".join(f"<li class='warn'>{html.escape(w)}</li>" for w in summary["warnings"])
    body = f"""<!doctype html><html><head><meta charset="utf-8"><title>mlpilot report</title>
<style>{STYLE}</style></head><body>
<h1>mlpilot report</h1>
<p><b>Request:</b> {html.escape(summary["request"])}</p>
<p><b>Task:</b> {spec["task_type"]} · target <code>{html.escape(spec["target"])}</code> · metric {metric}
 · budget {summary["time_budget_s"]:.0f}s · used {summary["elapsed_s"]:.0f}s · sandbox {summary["sandbox"]}
 · backend {summary["backend"]}</p>
<p><b>CV score:</b> {_fmt(summary["cv_score"])} · <b>holdout:</b> {_fmt(summary["holdout_score"])}
 · trials: {len(trials)} ({len(failed)} not completed) · ensemble: {summary["ensemble"] or "fallback model"}
 · delivered: {html.escape(summary.get("model") or "")}{_decision(summary.get("class_weights"), classes)}</p>
{_usage(summary.get("llm_usage") or {}, summary["elapsed_s"])}
<ul>{"".join(f"<li>{html.escape(n)}</li>" for n in spec["notes"])}{warnings}</ul>
{_leakage(summary.get("leakage_suspects") or [], summary["metric"])}
{_features(summary.get("features"))}
<h2>Verification</h2>{_checks(verdict)}
<h2>Plots</h2><div class="grid">{"".join(plots)}</div>
<h2>Leaderboard</h2>{board.head(30).to_html(index=False, float_format=lambda v: f"{v:.4f}", na_rep="")}
</body></html>"""
    path = RunLayout(run_dir).file("report")
    path.write_text(body)
    return path
