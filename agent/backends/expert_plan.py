"""The expert plan: which families to search, in what order, with which validation, from the profile; the
expert's proposals during the search and its verdict on the checks."""

from __future__ import annotations

from mlpilot import schemas
from mlpilot.agent.roles import PlanInput, Proposals, ProposeInput, VerifyInput
from mlpilot.schemas import Candidate, CVSpec, Plan, Verdict, trying_order
from mlpilot.tools.metrics import get_metric
from mlpilot.tools.space import FAMILIES, portfolio
from mlpilot.tools.splits import planned_folds

BOOSTING = ("lightgbm", "catboost", "hist_gb", "xgboost")
MANY_CLASSES = 10  # boosting grows a tree per class per round: beyond this many classes, cheaper families go first
LARGE, SMALL = 200_000, 2_000


def choose_families(inp: PlanInput) -> tuple[list[str], list[str]]:
    spec, profile = inp.spec, inp.profile
    c = spec.constraints
    why = []
    families = list(schemas.FAMILIES)  # the searchable ones, in trying order (tools.space adds the constant)
    if c.interpretable:
        families = ["linear"]
        why.append("interpretable model requested: linear models only")
    if c.include_families:
        families = [f for f in families if f in c.include_families] or list(c.include_families)
        why.append(f"families named in the request: {', '.join(families)}")
    if c.exclude_families:
        families = [f for f in families if f not in c.exclude_families]
        why.append(f"excluded by the request: {', '.join(c.exclude_families)}")
    if profile.n_rows > LARGE and len(families) > 2:
        families = [f for f in families if f not in ("random_forest", "extra_trees", "mlp")]
        why.append(f"{profile.n_rows:,} rows: forests and the MLP are too slow for the budget")
    if inp.search_budget_s < 60 and "mlp" in families and len(families) > 1:
        families.remove("mlp")
        why.append("short budget: no MLP")
    if c.max_model_mb is not None and c.max_model_mb < 50:
        families = [f for f in families if f not in ("random_forest", "extra_trees")] or families
        why.append(f"model must stay under {c.max_model_mb:g} MB: no forests")
    return families or ["lightgbm"], why


def plan(inp: PlanInput) -> Plan:
    spec, profile = inp.spec, inp.profile
    families, why = choose_families(inp)
    positive = spec.task_type == "regression" and (profile.target_min or 0) >= 0
    log_target = positive and spec.metric in ("rmsle", "mape")
    try_log_target = positive and not log_target and (profile.target_skew or 0) > 1.5
    if log_target:
        why.append(f"metric {spec.metric} scores relative errors: models fit log1p(target)")
    if try_log_target:
        why.append("skewed non-negative target scored on its own scale: trials fit the target or its log1p, "
                   "whichever the data favour (the first default is tried both ways)")
    l1_loss = spec.metric == "mae" and not log_target
    if l1_loss:
        why.append("metric MAE: trials fit squared or absolute error, whichever the data favour (the first default "
                   "is tried both ways)")
    order = [f for f in schemas.FAMILIES if f in families]
    later = []  # families tried after the others, as keys for stable sorts (the others keep their order)
    if spec.task_type == "multiclass" and "catboost" in order[1:]:
        later.append(lambda f: f == "catboost")
        order.sort(key=later[-1])
        why.append("multiclass: CatBoost fits a tree per class per round at many times LightGBM's cost, so it goes last")
    if spec.task_type == "multiclass" and len(profile.class_counts or {}) > MANY_CLASSES:
        later.append(lambda f: f in BOOSTING)
        order.sort(key=later[-1])
        why.append(f"{len(profile.class_counts)} classes: boosting costs a tree per class per round, "
                   f"so {order[0]} goes first")
    candidates = [Candidate(family=f, defaults=[{"family": f, **d} for d in FAMILIES[f].defaults])
                  for f in dict.fromkeys(order + families)]
    learned = portfolio(families)  # learned on other datasets to be the strongest for their time
    start = trying_order(learned, candidates)  # then each family's hand-set defaults
    for key in later:
        start.sort(key=lambda c: key(c["family"]))
    if learned:
        why.append(f"first: {len(learned)} configurations learned on other datasets to be the strongest for their time "
                   f"({', '.join(dict.fromkeys(c['family'] for c in learned))}), then each family's defaults")
    holdout = 0.2 if profile.n_rows < SMALL else 0.15 if profile.n_rows < 100_000 else 0.1
    usual = 5 if profile.n_rows <= 50_000 or spec.time_column or spec.group_column else 3
    classes = profile.class_counts if spec.task_type != "regression" and not spec.time_column else None
    n_splits = planned_folds(usual, profile.n_rows, holdout, classes)  # fewer on a small table or a rare class
    if spec.time_column:
        cv = CVSpec(kind="time", n_splits=n_splits, time_column=spec.time_column)
    elif spec.group_column:
        cv = CVSpec(kind="group", n_splits=n_splits, group_column=spec.group_column)
    else:
        cv = CVSpec(kind="kfold" if spec.task_type == "regression" else "stratified", n_splits=n_splits)
    why.append(f"{cv.n_splits}-fold {cv.kind} cross-validation"
               + (f" (fewer folds: {profile.n_rows} rows"
                  f"{f', rarest class {min(classes.values())} rows' if classes else ''})" if n_splits < usual else ""))
    why.extend(inp.feedback)
    return Plan(candidates=candidates, start=start, cv=cv, holdout_frac=holdout, search_budget_s=inp.search_budget_s,
                ensemble_size=5, log_target=log_target, try_log_target=try_log_target, l1_loss=l1_loss,
                rationale=why)


def propose(inp: ProposeInput) -> Proposals:
    """Refine the best boosting configuration with half the learning rate (more, smaller steps)."""
    metric = get_metric(inp.spec.metric)
    ranked = metric.best_first(inp.history)
    if not ranked:
        return Proposals(configs=[])
    best = ranked[0]
    config = dict(best.config)
    if "learning_rate" not in config or config["learning_rate"] < 0.015:
        return Proposals(configs=[])
    config["learning_rate"] = round(config["learning_rate"] / 2, 5)
    seen = [t.config for t in inp.history]
    return Proposals(configs=[] if config in seen else [config])


def verify(inp: VerifyInput) -> Verdict:
    """Replan while attempts remain and an error-level check failed; otherwise pass, or warn."""
    failed = [c for c in inp.checks if not c.passed]
    errors = [c for c in failed if c.severity == "error"]
    if not failed:
        return Verdict(decision="pass", checks=inp.checks, explanation="every check passed")
    explanation = "; ".join(f"{c.name}: {c.evidence}" for c in failed)
    if errors and inp.attempt < inp.max_attempts:
        return Verdict(decision="replan", checks=inp.checks, explanation=explanation)
    return Verdict(decision="warn", checks=inp.checks, explanation=explanation)
