"""Score every finished trial's saved test predictions against a suite's answers, and what other rules for
choosing the delivered ensemble would have scored. Look only at runs of the tuning part.

    python bench/selection_rules.py eval-runs/tune-30s-r5 [more run dirs...]

Per task: the refit the run delivered (``final``), the current choice as bagged fold models (``current``),
plain Caruana selection, the best single trial, equal averages of the best 2/3/5 and the default LightGBM
trial alone; then, per rule, the share of tasks at or above the run's default-LightGBM baseline.
"""

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from mlpilot.layout import RunLayout
from mlpilot.tools.ensemble import choose_ensemble, select_ensemble
from mlpilot.tools.metrics import get_metric

TASKS = Path.home() / ".cache/mlpilot/evals/general"
RULES = ["final", "current", "caruana", "best", "top2", "top3", "top5", "lgbm_trial"]


def task_rules(task_dir: Path) -> dict | None:
    runs = sorted((task_dir / "mlpilot/run").glob("run-*"))
    if not runs:
        return None
    run, meta = RunLayout(runs[0]), yaml.safe_load((TASKS / task_dir.name / "task.yaml").read_text())
    summary = json.loads(run.file("summary").read_text())
    events = [json.loads(line) for line in run.file("events").read_text().splitlines()]
    trials = [e["trial"] for e in events if e["kind"] == "trial" and e["trial"]["state"] == "COMPLETE"
              and e["trial"]["config"]["family"] != "constant" and "test" in e["trial"].get("pred_files", {})]
    if not trials:
        return None
    classes = [str(c) for c in meta.get("classes") or []]
    answers = pd.read_csv(TASKS / task_dir.name / "private/answers.csv")[meta["target"]]
    truth = answers.astype(str).map({c: i for i, c in enumerate(classes)}).to_numpy() if classes \
        else answers.to_numpy(float)
    y = pd.read_parquet(run.data / RunLayout.table_name(0))[summary["spec"]["target"]].to_numpy()
    oof = {t["number"]: np.load(run.trials / t["oof_file"]) for t in trials}
    test = {t["number"]: np.load(run.trials / t["pred_files"]["test"]) for t in trials}
    scored = ~np.isnan(next(iter(oof.values())).reshape(len(y), -1)).any(axis=1)  # the holdout has no OOF
    oof = {n: o[scored] for n, o in oof.items() if np.isfinite(o[scored]).all() and np.isfinite(test[n]).all()}
    if not oof:
        return None
    y = y[scored]
    chosen, graded = get_metric(summary["metric"]), get_metric(meta["metric"])
    order = sorted(oof, key=lambda n: chosen.score(y, oof[n]), reverse=chosen.greater_is_better)
    blend = lambda weights: graded.score(truth, sum(w * test[n] for n, w in weights.items()))  # noqa: E731
    final = run.trials / "final" / "test.npy"
    out = {"task": task_dir.name, "rows": len(y), "trials": len(order),
           "final": graded.score(truth, np.load(final)) if final.exists() else np.nan,
           "current": blend(choose_ensemble({n: oof[n] for n in order}, y, chosen)[0]),
           "caruana": blend(select_ensemble({n: oof[n] for n in order}, y, chosen)[0]),
           "best": blend({order[0]: 1.0})}
    for k in (2, 3, 5):
        out[f"top{k}"] = blend({n: 1 / len(order[:k]) for n in order[:k]})
    default = [t["number"] for t in trials if t["config"]["family"] == "lightgbm" and t.get("source") == "default"]
    out["lgbm_trial"] = blend({default[0]: 1.0}) if default else np.nan
    out["sign"] = 1 if graded.greater_is_better else -1
    return out


rows = []
for run_dir in map(Path, sys.argv[1:]):
    baseline = pd.read_csv(run_dir / "results.csv").query("system == 'lgbm'").set_index("task")["score"]
    for task_dir in sorted((run_dir / "tasks").iterdir()):
        if (row := task_rules(task_dir)) is not None:
            rows.append(row | {"run": run_dir.name, "lgbm": baseline.get(task_dir.name, np.nan)})
frame = pd.DataFrame(rows)
print(frame.drop(columns="sign").round(4).to_string(index=False))
print("\nshare of tasks at or above default LightGBM (a rule with no value for a task counts as below):")
for rule in RULES:
    print(f"  {rule:11s} {(frame.sign * (frame[rule] - frame.lgbm) >= 0).mean():.3f}")
