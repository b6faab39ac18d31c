"""Node: run the Optuna study in the sandbox until the search deadline, then pick the ensemble."""

from __future__ import annotations

import time
from dataclasses import asdict

import numpy as np
from langgraph.runtime import Runtime

from mlpilot.agent.backends.provider import shorten
from mlpilot.agent.data import write_search_data
from mlpilot.agent.fitting import publish
from mlpilot.agent.plan import late_plan
from mlpilot.agent.roles import ProposeInput
from mlpilot.agent.state import Deps, RunState
from mlpilot.events import Note, SearchStarted, StageStarted, TrialFinished
from mlpilot.sandboxes import trial_output
from mlpilot.schemas import FAMILIES, TrialRecord
from mlpilot.tools import decision
from mlpilot.tools.ensemble import blendable, candidate_pool, choose_ensemble
from mlpilot.tools.metrics import get_metric
from mlpilot.tools.pipeline import levels_choice
from mlpilot.tools.search import enqueue, fail_stale, open_study, records, run_search
from mlpilot.tools.space import BASELINE, space_for
from mlpilot.tools.space import FAMILIES as FAMILY_SPECS
from mlpilot.tools.storage import WorkerJob, safe_url, post_job, storage_for



def failed_families(trials: list[TrialRecord]) -> list[str]:
    """A line for each family whose every trial failed while a trial of another finished, with its first
    failure's reason: otherwise a family that breaks on a table drops out of the choice unseen."""
    if not any(t.state == "COMPLETE" for t in trials):
        return []  # nothing finished: said as such
    by_family: dict[str, list[TrialRecord]] = {}
    for t in sorted(trials, key=lambda t: t.number):
        by_family.setdefault(t.config.get("family"), []).append(t)
    return [f"{family} failed in every trial ({len(ts)}) and is left out of the model: "
            f"{shorten(ts[0].reason or 'no reason recorded', 200)}"
            for family, ts in by_family.items() if all(t.state == "FAIL" for t in ts)]


def fit_seconds(trials: list[TrialRecord], numbers, n_splits: int, scale: float, overhead_s: float) -> float:
    """Estimated seconds to fit these trials' configs once on all rows, from the time their folds' fits took
    (``fit_s``, measured by the worker: without predicting and saving, which a refit does once, not per fold).

    ``scale``: rows of a refit per row of a CV training fold; ``overhead_s``: the job's set-up and saving.
    """
    by_number = {t.number: t for t in trials}
    return overhead_s + sum(by_number[n].info.get("fit_s", by_number[n].seconds) / n_splits * scale
                                for n in numbers if n in by_number)


def bundle_seconds(trials_dir, trials: list[TrialRecord], numbers, per_mb: float) -> float:
    """Estimated seconds to bundle these trials' fold models into one file (loading and re-saving them), from
    the size of their files."""
    by_number = {t.number: t for t in trials}
    return per_mb * sum(trial_output(trials_dir, by_number[n].model_file).stat().st_size for n in numbers) / 1e6


def timing(before: dict[str, float], began: float, seconds: float, lanes: int,
           trials: list[TrialRecord]) -> dict[str, float]:
    """The search's clock, added to an earlier search's (after a replan): when the first began and how long
    searches ran (run seconds), on how many sandbox lanes, and the trials' seconds fitting and predicting
    models (the rest of the lanes' time is the search's overhead: Optuna, processes, I/O, saving)."""
    model = sum(t.info.get("fit_s", 0.0) + t.info.get("predict_s", 0.0) for t in trials)
    return {"began_s": before.get("began_s", began), "search_s": before.get("search_s", 0.0) + seconds,
            "lanes": max(before.get("lanes", 0), lanes), "model_s": before.get("model_s", 0.0) + model}


def unseen_predictions(trials_dir, trials: list[TrialRecord], folds: np.ndarray, holdout: np.ndarray,
                       y: np.ndarray) -> tuple[dict[int, np.ndarray], np.ndarray]:
    """Each trial's predictions on every row its fold models were not trained on (out of fold, then the
    holdout), with those rows' targets: the evidence the choice among trials is made on.

    The holdout joins the out-of-fold rows for the choice (a fifth more rows, less noise in picking among
    near-tied trials on small tables); no model is ever fitted on it, so it still catches broken folds and
    leaks, and the cross-fitted score of the choice stays the honest estimate.
    """
    used = (folds == 2).any(axis=0)
    held = len(holdout) > 0 and all("holdout" in t.pred_files for t in trials)
    oofs = {}
    for t in trials:
        oof = np.load(trial_output(trials_dir, t.oof_file), allow_pickle=False)[used]
        oofs[t.number] = np.concatenate(
            [oof, np.load(trial_output(trials_dir, t.pred_files["holdout"]), allow_pickle=False)]) if held else oof
    return oofs, np.concatenate([y[used], y[holdout]]) if held else y[used]


def search(state: RunState, runtime: Runtime[Deps]) -> dict:
    ctx = runtime.context
    spec, plan = state.spec, state.plan
    metric = get_metric(spec.metric)
    ctx.emit(StageStarted(stage="search", detail="preparing folds"))
    began = ctx.elapsed()
    data, holdout, y = write_search_data(state, ctx)
    if not state.profile.features():  # nothing to learn from (the profile said so): deliver delivers the constant
        return {"trials": [], "ensemble": {}, "cv_score": None, "classes": data.classes, "class_weights": None,
                "timing": timing(state.timing, began, ctx.elapsed() - began, 0, [])}
    storage = storage_for(ctx.storage, wait=True) if ctx.storage else None
    study = open_study(ctx.run_dir, spec, storage, name=f"{ctx.home_study}-{state.attempt}")
    fresh = not study.trials  # else a continued run: its finished trials count, its queued ones run first
    if not fresh and storage is None:  # a shared study's running trials may be alive elsewhere (heartbeats tell)
        fail_stale(study)
    warm = plan.warm_start()
    if fresh:
        enqueue(study, warm[:1], "default")  # the others once it has finished: a strong column's pair goes first
    kept = [s.column for s in state.profile.leakage_suspects if s.action == "kept"]
    pair: dict = {}  # the first default at its found rounds, with and without each strong column
    families = [c.family for c in plan.candidates]
    settings = ctx.settings
    margin = settings.end_margin * ctx.budget_s + settings.verify_s + settings.report_s + (
        decision.MAX_SECONDS if metric.name in decision.TUNED_METRICS else 0.0)
    folds = np.load(ctx.layout.data / data.folds_file)
    used, available = int((folds > 0).any(axis=0).sum()), len(y) - len(holdout)
    if used < available:  # said once per search, not each time the engineer writes the same data
        ctx.emit(Note(message=f"trials cross-validate a random {used:,} of {available:,} rows (search_rows) so that "
                              f"each fits the budget; the delivered model is refit on all rows when time allows"))
    scale = len(y) / max(1, (folds[0] == 1).sum())

    history: list[TrialRecord] = records(study)  # this attempt's finished trials, as they come

    def deadline() -> float:  # kept back: the refit's measured cost and margins
        top = [t.number for t in metric.best_first(history)[:min(plan.ensemble_size, settings.reserve_members)]]
        # deliver refits on all rows when that fits in the time left (bagging the fold models is the fallback)
        reserve = settings.refit_margin * fit_seconds(history, top, len(folds), scale, settings.fit_overhead_s) + margin
        return ctx.deadline() - reserve

    def post(until: float) -> None:  # the job for workers of a shared study, until the monotonic time ``until``
        if storage is not None:
            post_job(storage, ctx.home_study, WorkerJob(
                study=study.study_name, spec=spec, profile=state.profile, plan=plan, data=asdict(data),
                data_dir=str(ctx.layout.data.resolve()), out_dir=str(ctx.layout.trials.resolve()), settings=settings,
                threads=max(1, ctx.threads // 2), deadline=time.time() + until - time.monotonic()))

    def join_late_plan() -> None:  # the LLM's plan, asked while the first trials ran: its new configurations
        nonlocal plan
        later = late_plan(ctx, plan, spec)
        if later is not None:
            enqueue(study, [c for c in later.warm_start() if c not in plan.warm_start()], "llm-plan")
            plan = later

    def on_trial(record: TrialRecord) -> None:
        history.append(record)
        if fresh and len(history) == 1:
            rounds = record.info.get("best_rounds") if record.state == "COMPLETE" else None
            if kept and record.state == "COMPLETE":
                pair["with"] = warm[0] | ({"n_estimators": rounds} if rounds else {})
                enqueue(study, [pair["with"]] + [pair["with"] | {"without": [c]} for c in kept], "without")
            if record.state == "COMPLETE":  # a choice the data make: the first default the other way too
                capped = {"n_estimators": settings.twin_rounds * rounds} if rounds else {}
                twins = [{"l1_loss": True} | capped] if plan.l1_loss else []
                twins += [{"log_target": True}] if plan.try_log_target else []
                twins += [{"ids_as_numbers": True}] if state.profile.ordered_ids else []  # the CV decides
                if levels_choice(state.profile):
                    twins.append({"levels_as_categories": True} | FAMILY_SPECS[warm[0]["family"]].few_rows_per_level)
                enqueue(study, [warm[0] | twin for twin in twins], "default")
            enqueue(study, [plan.trial_config(BASELINE) | ({"l1_loss": True} if plan.l1_loss else {})], "baseline")
            enqueue(study, warm[1:], "default")
        join_late_plan()
        post(deadline())
        best = metric.best_first(history)[:1]
        if best and best[0] is record:  # from the first finished trial on, the best model so far is on disk
            publish(ctx.run_dir, trial_output(ctx.layout.trials, record.model_file))
        ctx.emit(TrialFinished(trial=record, best_value=best[0].value if best else None))

    def propose(records: list[TrialRecord]) -> list[dict]:
        payload = ProposeInput(spec=spec, profile=state.profile, plan=plan, space=space_for(families, spec.task_type),
                               history=records)
        configs = ctx.backend.complete("propose", payload,
                                       deadline=min(ctx.llm_deadline("propose"), deadline())).configs
        return [c for c in configs if c.get("family") in families and c.get("family") in FAMILIES]

    side_by_side = state.profile.n_rows < settings.parallel_rows and ctx.threads > 1
    boxes = [ctx.sandbox] + [ctx.sandbox.sibling(f"worker-{i + 2}") for i in range(ctx.threads - 1) if side_by_side]
    ctx.emit(SearchStarted(budget_s=max(0.0, deadline() - time.monotonic()), families=families,
                           metric=metric.name, greater_is_better=metric.greater_is_better))
    post(deadline())
    if storage is not None:
        ctx.emit(Note(message=f"study shared: `mlpilot worker --storage {safe_url(ctx.storage)} --study "
                              f"{ctx.home_study}` runs its trials on another process or machine"))
    broke = None
    try:  # the extra workers start when they get their first trial
        trials = run_search(study, spec=spec, profile=state.profile, plan=plan, data=data, sandboxes=boxes,
                            deadline=deadline, settings=settings, threads=1 if side_by_side else ctx.threads, propose=propose,
                            on_trial=on_trial, halt=ctx.clock.finish)
    except Exception as exc:  # the search machinery broke: go on with whatever trials finished
        broke = f"the search stopped early ({type(exc).__name__}: {exc}); going on with the trials that finished"
        trials = records(study)
    finally:
        for box in boxes[1:]:
            box.close()
        post(time.monotonic())  # no worker starts another trial of this search
    top = candidate_pool(metric.best_first([t for t in trials if t.model_file]), plan.candidate_trials)
    kept = bool(state.attempt and state.ensemble)  # a replan: the first search's model is still there
    warned = ([broke] if broke else []) + failed_families(trials)
    if not top:
        warned.append("the second search finished no trial in the time left: keeping the first search's model"
                      if kept else "no trial finished within the budget: delivering a fast default model")
    for line in warned:  # shown now, and kept for the summary and the report
        ctx.warn(line)
    clock = timing(state.timing, began, ctx.elapsed() - began, len(boxes), trials)
    update = {"trials": trials, "ensemble": {}, "cv_score": None, "classes": data.classes, "class_weights": None,
              "plan": plan, "timing": clock, "warnings": state.warnings + warned}
    if not top and kept:  # its data, folds and trials are still on disk
        return {"attempt": state.attempt - 1, "timing": clock, "warnings": update["warnings"]}
    if not top:
        return update
    top = blendable(top, metric)
    oofs, y_unseen = unseen_predictions(ctx.layout.trials, top, folds, holdout, y)
    weights, score, honest = choose_ensemble(oofs, y_unseen, metric, max_members=plan.ensemble_size)
    left = ctx.remaining() - settings.verify_s - settings.report_s
    if len(weights) > 1 and left < settings.refit_margin * fit_seconds(trials, list(weights), len(folds), scale,
                                                                       settings.fit_overhead_s) \
            and left < bundle_seconds(ctx.layout.trials, trials, weights, settings.bundle_s_per_mb):
        # neither its refit nor bundling its fold models fits the time left (big forests take seconds to load):
        # the choice again, among the trials that can be bundled
        light = {n: oof for n, oof in oofs.items() if n == top[0].number or bundle_seconds(
            ctx.layout.trials, trials, [n], settings.bundle_s_per_mb) <= left / plan.ensemble_size}
        ctx.emit(Note(message=f"ensemble {sorted(weights)} would not be delivered in the {max(0.0, left):.1f} s "
                              f"left; choosing among trials {sorted(light)}"))
        weights, score, honest = choose_ensemble(light, y_unseen, metric, max_members=plan.ensemble_size)
        if len(weights) > 1 and left < bundle_seconds(ctx.layout.trials, trials, weights, settings.bundle_s_per_mb):
            best = {top[0].number: oofs[top[0].number]}  # the lead alone is published as it is, nothing loaded
            weights, score, honest = choose_ensemble(best, y_unseen, metric, max_members=1)
    ctx.emit(Note(message=f"ensemble: bagged fold models of {len(weights)} trial(s) {sorted(weights)}: CV "
                          f"{metric.name} {score:.4f}, {honest:.4f} with the choice itself cross-validated "
                          f"(best single trial {top[0].value:.4f}, {len(top)} candidates)"))
    if spec.task_type != "regression":
        class_weights, gain = decision.fit_class_weights(sum(w * oofs[n] for n, w in weights.items()), y_unseen,
                                                     metric)
        if class_weights:
            honest += gain
            ctx.emit(Note(message=f"decision rule: class weights {[round(w, 2) for w in class_weights]} instead "
                                  f"of the most probable class, {metric.name} {gain:+.4f} on rows they were not "
                                  f"fitted on"))
            update["class_weights"] = class_weights
    refit = fit_seconds(trials, list(weights), len(folds), scale, settings.fit_overhead_s)
    lead = next(t.number for t in top if t.number in weights)  # the best-ranked member
    if pair:
        update["profile"] = _with_and_without(state.profile, trials, plan.trial_config(pair["with"]), ctx)
    return update | {"ensemble": {str(n): float(w) for n, w in weights.items()}, "cv_score": float(honest),
                     "refit_s": float(refit), "lead_member": lead,
                     "lead_refit_s": float(fit_seconds(trials, [lead], len(folds), scale, settings.fit_overhead_s))}


def _with_and_without(profile, trials: list[TrialRecord], base: dict, ctx: Deps):
    """The profile with each kept suspect's CV score with and without it (same configuration, rounds and
    folds)."""
    scores = {tuple(t.config.get("without", [])): t.value for t in trials
              if t.state == "COMPLETE" and {k: v for k, v in t.config.items() if k != "without"} == base}
    suspects = []
    for suspect in profile.leakage_suspects:
        if suspect.action == "kept" and (suspect.column,) in scores and () in scores:
            suspect = suspect.model_copy(update={"cv_with": scores[()], "cv_without": scores[(suspect.column,)]})
            ctx.emit(Note(message=f"strong column {suspect.column!r}: CV {suspect.cv_with:.4f} with it, "
                                  f"{suspect.cv_without:.4f} without it"))
        suspects.append(suspect)
    return profile.model_copy(update={"leakage_suspects": suspects})
