"""Replay the end-of-search choice on an eval run's saved trials: each way of choosing picks weights from the
trials' predictions on rows their fold models were not fitted on (out of fold, then the holdout), and the blend
of their fold models' test predictions is scored against the task's answers. Same trials for every way: only
the pool the choice is made among differs (the 15 best, or ``candidate_pool``: the defaults and each family's
best searched trial).

    python bench/selection_replay.py eval-runs/tune-120s [more run dirs...]

Prints per task the test score of each way (and of the delivered refit, where there was one), then how
often each way is at or above default LightGBM and how often the pool is better or worse than the 15 best.
"""

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from mlpilot.agent.search import unseen_predictions
from mlpilot.evals.runner import read_rows
from mlpilot.evals.task import label_strings, load_task
from mlpilot.layout import RunLayout
from mlpilot.schemas import TrialRecord
from mlpilot.tools.ensemble import blendable, candidate_pool, choose_ensemble
from mlpilot.tools.metrics import get_metric


def candidates(run: Path, metric) -> tuple[list[TrialRecord], int]:
    """The last attempt's finished trials, best first, as the search node ranks them."""
    trials = [TrialRecord(**e["trial"]) for e in map(json.loads, (run / "events.jsonl").read_text().splitlines())
              if e["kind"] == "trial"]
    attempt = max(int(t.oof_file.rsplit("/", 2)[0].rsplit("-", 1)[1]) for t in trials if t.oof_file)
    return [t for t in metric.best_first(trials) if t.oof_file.startswith(f"{run.name}-{attempt}/")], attempt


def test_answers(task, target: str) -> np.ndarray:
    """The answers in the test file's row order, as class codes where the run coded them (sorted labels)."""
    order = pd.Index(task.read("answers")[task.config.id_column].astype(str)).get_indexer(
        task.read("test")[task.config.id_column].astype(str))
    answers = task.read("answers").iloc[order][task.config.target].reset_index(drop=True)
    if task.config.task_type == "regression":
        return pd.to_numeric(answers).to_numpy(float)
    classes = label_strings(pd.Series(np.unique(task.read("train")[target].dropna().to_numpy())))
    return pd.Index(classes).get_indexer(label_strings(answers))


def replay(eval_run: Path) -> pd.DataFrame:
    lgbm = {r.task: r.score for r in read_rows(eval_run) if r.system == "lgbm" and r.status == "ok"}
    out = []
    for root in map(Path, json.loads((eval_run / "run.json").read_text())["tasks"]):
        runs = sorted((eval_run / "tasks" / root.name / "mlpilot" / "run").glob("run-*"))
        if not runs or not (runs[-1] / "summary.json").exists() or root.name not in lgbm:
            continue
        run, task = runs[-1], load_task(root)
        summary = json.loads((run / "summary.json").read_text())
        metric, layout = get_metric(summary["metric"]), RunLayout(run)
        ranked, attempt = candidates(run, metric)
        folds, holdout = (np.load(layout.data / f(attempt)) for f in (layout.folds_name, layout.holdout_name))
        y = pd.read_parquet(layout.data / layout.table_name(attempt))[summary["spec"]["target"]].to_numpy()
        y_test = test_answers(task, summary["spec"]["target"])
        test = {t.number: np.load(layout.trials / t.pred_files["test"]) for t in ranked}
        row = {"task": task.id, "greater_is_better": task.metric.greater_is_better, "lgbm": lgbm[task.id]}
        for way, top in {"top 15": ranked[:15], "pool": candidate_pool(ranked, 15)}.items():
            preds, y_unseen = unseen_predictions(layout.trials, blendable(top, metric), folds, holdout, y)
            weights = choose_ensemble(preds, y_unseen, metric, max_members=5)[0]
            row[way] = task.metric.score(y_test, sum(w * test[n] for n, w in weights.items()))
        refit = layout.trials / "final" / "test.npy"
        row["delivered refit"] = task.metric.score(y_test, np.load(refit)) if refit.exists() else np.nan
        out.append(row)
    return pd.DataFrame(out)


if __name__ == "__main__":
    table = pd.concat([replay(Path(run)) for run in sys.argv[1:]], ignore_index=True)
    print(table.to_string(index=False, float_format=lambda v: f"{v:.4g}"))
    sign = np.where(table["greater_is_better"], 1, -1)
    for way in ("top 15", "pool"):
        print(f"{way}: at or above default LightGBM on {int(((table[way] - table['lgbm']) * sign >= 0).sum())}"
              f"/{len(table)}")
    moved = (table["pool"] - table["top 15"]) * sign
    print(f"pool vs top 15: better on {int((moved > 1e-12).sum())}, worse on {int((moved < -1e-12).sum())}")
