"""Turn graded rows into comparisons: normalized score and rank per task, and per-system aggregates.

Normalized score: 0 = the dummy baseline, 1 = the best system on that task (in the metric's direction).
Failed or invalid submissions have no score; they count 0 in means and rank last. The comprehensive
score follows AutoML-Agent: 0.5 * success rate + 0.5 * mean NPS, where NPS is the score itself for
greater-is-better metrics (clipped to [0, 1]) and 1 / (1 + score) for lower-is-better ones.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

DUMMY = "dummy"


def per_task(rows: pd.DataFrame) -> pd.DataFrame:
    """Add ``normalized``, ``rank`` and ``winner`` columns to graded rows (one per task and system)."""
    if rows.empty:
        return rows.assign(normalized=pd.Series(dtype=float), rank=pd.Series(dtype=float), winner="")
    return pd.concat([_task_group(group) for _, group in rows.groupby("task", sort=False)], ignore_index=True)


def _task_group(group: pd.DataFrame) -> pd.DataFrame:
    group = group.copy()
    sign = 1.0 if bool(group["greater_is_better"].iloc[0]) else -1.0
    oriented = sign * group["score"].where(group["status"] == "ok")  # higher is better, NaN if no score
    systems = group["system"] != DUMMY
    best = oriented[systems].max()
    dummy = oriented[~systems].max()
    spread = best - dummy
    # no spread: nothing to scale; below the dummy counts as the dummy (0), else a best system barely above the
    # dummy makes a near-zero spread that turns a worse system's score into thousands below zero
    group["normalized"] = ((oriented - dummy) / spread).clip(lower=0.0) if spread > 0 else np.nan
    ranks = oriented[systems].rank(ascending=False, method="min")
    group["rank"] = ranks.fillna(float(systems.sum()))
    group["winner"] = "/".join(group.loc[systems & (oriented == best), "system"])  # ties share the win
    return group


def nps(score: float, greater_is_better: bool) -> float:
    """AutoML-Agent's normalized performance score for one valid submission."""
    return float(np.clip(score, 0, 1)) if greater_is_better else 1.0 / (1.0 + score)


def overall(scored: pd.DataFrame) -> pd.DataFrame:
    """One row per system (dummy excluded): success rate, mean normalized score, mean rank, comprehensive score."""
    scored = scored[scored["system"] != DUMMY].copy()
    if scored.empty:
        return pd.DataFrame(columns=["system", "tasks", "success_rate", "mean_normalized", "mean_rank",
                                     "comprehensive", "wins", "seconds", "llm_cost"])
    ok = scored["status"] == "ok"
    scored["nps"] = [nps(s, g) if good else 0.0
                     for s, g, good in zip(scored["score"], scored["greater_is_better"], ok, strict=True)]
    scored["success"] = ok.astype(float)
    scored["norm0"] = scored["normalized"].where(ok, 0.0).fillna(0.0)
    scored["won"] = [s in w.split("/") for s, w in zip(scored["system"], scored["winner"].fillna(""), strict=True)]
    table = scored.groupby("system", sort=False).agg(
        tasks=("task", "nunique"), success_rate=("success", "mean"), mean_normalized=("norm0", "mean"),
        mean_rank=("rank", "mean"), mean_nps=("nps", "mean"), wins=("won", "sum"), seconds=("seconds", "sum"),
        llm_cost=("llm_cost", lambda c: c.sum(min_count=1)))
    table["comprehensive"] = 0.5 * table["success_rate"] + 0.5 * table.pop("mean_nps")
    columns = ["tasks", "success_rate", "mean_normalized", "mean_rank", "comprehensive", "wins", "seconds", "llm_cost"]
    return table[columns].sort_values("mean_normalized", ascending=False).reset_index()


def scorecard(scored: pd.DataFrame, budget: float, system: str = "mlpilot", baselines=("lgbm", "flaml")) -> dict:
    """The generalization targets for ``system``: valid submissions, runs within the budget rule
    (max(10%, 10 s) over), share of tasks at or above each baseline, mean normalized score beside theirs."""
    mine = scored[scored["system"] == system].set_index("task")
    ok = mine["status"] == "ok"
    card = {"tasks": len(mine), "valid": float(ok.mean()),
            "within_budget": float((mine["seconds"] <= budget + max(0.1 * budget, 10)).mean()),
            "mean_normalized": float(mine["normalized"].where(ok, 0.0).fillna(0.0).mean())}
    for base in baselines:
        theirs = scored[scored["system"] == base].set_index("task")
        if theirs.empty:
            continue
        both = mine[["score", "status", "greater_is_better"]].join(theirs[["score", "status"]], rsuffix="_base")
        sign = np.where(both["greater_is_better"], 1.0, -1.0)
        above = (both["status"] == "ok") & ((both["status_base"] != "ok")
                                            | (sign * both["score"] >= sign * both["score_base"] - 1e-12))
        card[f"at_or_above_{base}"] = float(above.mean())
        card[f"mean_normalized_{base}"] = float(theirs["normalized"].where(theirs["status"] == "ok", 0.0)
                                                .fillna(0.0).mean())
    return card


def cv_gaps(scored: pd.DataFrame, system: str = "mlpilot") -> pd.DataFrame:
    """Per task, the system's own CV estimate beside its test score; gap > 0 means CV was optimistic. No gap
    where the system optimised another metric than the task's (a request that names none)."""
    mine = scored[(scored["system"] == system) & (scored["status"] == "ok")].copy()
    if "cv_metric" not in mine:
        mine["cv_metric"] = None
    sign = np.where(mine["greater_is_better"], 1.0, -1.0)
    same = mine["cv_metric"].isna() | (mine["cv_metric"] == mine["metric"])
    mine["gap"] = (sign * (mine["cv_score"] - mine["score"])).where(same)
    return mine[["task", "metric", "cv_metric", "cv_score", "score", "gap"]].reset_index(drop=True)
