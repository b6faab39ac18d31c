"""Where a run delivered the bag of a multi-member ensemble (its refit did not fit the time left): that bag vs
the lead member refit alone on all rows, both scored on the task's answers. Look only at runs of the tuning part.

    python bench/lead_refit.py tune-30s-r8:movielens_ratings [RUN:TASK ...]   (from the folder holding eval-runs/)
"""
import json, sys
from pathlib import Path
import numpy as np, pandas as pd, yaml
from mlpilot.layout import RunLayout
from mlpilot.schemas import DatasetProfile
from mlpilot.tools.metrics import get_metric
from mlpilot.tools.pipeline import build_pipeline
G = Path.home() / ".cache/mlpilot/evals/general"
for arg in sys.argv[1:]:
    r, task = arg.split(":")
    d = next(Path(f"eval-runs/{r}/tasks/{task}/mlpilot/run").glob("run-*")); L = RunLayout(d)
    s = json.loads(L.file("summary").read_text()); meta = yaml.safe_load(open(G / task / "task.yaml"))
    ev = [json.loads(l) for l in L.file("events").read_text().splitlines()]
    trials = {e["trial"]["number"]: e["trial"] for e in ev if e["kind"] == "trial"}
    w = {int(k): v for k, v in s["ensemble"].items()}
    prof = DatasetProfile.model_validate(json.loads(L.file("profile").read_text()))
    tr = pd.read_parquet(L.data / L.table_name(0)); te = pd.read_parquet(L.data / L.table_name(0, test=True))
    target = s["spec"]["target"]; y = tr.pop(target).to_numpy()
    cls = [str(c) for c in meta.get("classes") or []]
    ans = pd.read_csv(G / task / "private/answers.csv")[meta["target"]]
    truth = ans.astype(str).map({c: i for i, c in enumerate(cls)}).to_numpy() if cls else ans.to_numpy(float)
    m = get_metric(meta["metric"]); chosen = get_metric(s["metric"])
    bag = sum(v * np.load(L.trials / trials[n]["pred_files"]["test"]) for n, v in w.items())
    best = max(w, key=lambda n: trials[n]["value"] if chosen.greater_is_better else -trials[n]["value"])
    cfg = dict(trials[best]["config"]); info = trials[best].get("info", {})
    if "best_rounds" in info: cfg["n_estimators"] = info["best_rounds"]
    pipe = build_pipeline(cfg, prof, threads=2).fit(tr, y)
    p = pipe.predict_proba(te) if cls else pipe.predict(te)
    sgn = 1 if m.greater_is_better else -1
    b, f = m.score(truth, bag), m.score(truth, p)
    print(f"{r:12s} {task:22s} {m.name:18s} members={len(w)} best={cfg['family']:10s} bag={b:.4f} single_refit={f:.4f} {'refit better' if sgn*(f-b)>0 else 'bag better'}", flush=True)
