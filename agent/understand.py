"""Node: the request and a look at the data -> a validated TaskSpec."""

from __future__ import annotations

import re

from langgraph.runtime import Runtime
from pandas.api.types import is_numeric_dtype

from mlpilot.agent.backends import expert_request, expert_target
from mlpilot.agent.data import sample_submission
from mlpilot.agent.roles import UnderstandInput
from mlpilot.agent.state import Deps, RunState
from mlpilot.errors import MlpilotError, UnclearTarget
from mlpilot.events import Note, StageStarted
from mlpilot.schemas import Question, TaskSpec
from mlpilot.tools.cells import one_spelling
from mlpilot.tools.load import column_hint, find_column
from mlpilot.tools.metrics import (METRICS, check_metric_fits, default_metric, get_metric, metric_named_in,
                                   unsupported_metric_in)
from mlpilot.tools.task_type import TargetValues, countable, infer_task_type
from mlpilot.tools.splits import MIN_CLASS_ROWS, MIN_ROWS

QUESTIONS = 3  # rounds of questions a person at hand is asked before the run stops
LEVELS = 12  # text columns with at most this many values show them to the understand role


def understand(state: RunState, runtime: Runtime[Deps]) -> dict:
    ctx = runtime.context
    ctx.emit(StageStarted(stage="understand", detail="reading the request and the data"))
    train, test = ctx.train, ctx.test
    submission = sample_submission(state.test_path)
    payload = UnderstandInput(
        request="\n".join([state.request, *(f"({c})" for c in state.clarifications)]), **data_facts(train),
        test_columns=None if test is None else [str(c) for c in test.columns],
        test_empty_columns=[] if test is None else [str(c) for c in test.columns if test[c].isna().all()],
        submission_columns=None if submission is None else [str(c) for c in submission.columns],
        time_budget_s=state.time_budget_s, target=state.target, metric=state.metric, exclude=list(state.exclude),
        rejected_targets=state.rejected_targets or None,  # verify sets it when it sends the run back
    )
    can_ask = ctx.interactive and len(state.clarifications) < QUESTIONS  # an answer naming no column: ask again
    try:
        reply = ctx.backend.complete("understand", payload, deadline=ctx.llm_deadline("understand"))
    except UnclearTarget as exc:
        if not can_ask:
            raise
        shown = ", ".join(payload.columns[:40])
        near = re.search(r"\(did you mean [^)]*\)", str(exc))  # a misspelled name's column
        return {"question": Question(text=f"Which column should I predict{' ' + near.group() if near else ''}? "
                                          f"Columns: {shown}", about="target")}
    if reply.question and can_ask:
        return {"question": Question(text=reply.question)}
    alerts = [f"the request is ambiguous ({reply.question}); going on with the best reading: see the notes"] \
        if reply.question else []
    spec = _validated(reply.spec(), state, payload, train, alerts)
    ctx.clock.set_budget(spec.time_budget_s)
    for note in spec.notes:
        ctx.emit(Note(message=note))
    for message in alerts:
        ctx.warn(message)
    return {"spec": spec, "question": None, "warnings": state.warnings + alerts}


def data_facts(train) -> dict:
    """What the understand role sees of the training table: columns, types, a preview, distinct counts, and the
    values of text columns with at most ``LEVELS`` of them ("Up"/"Down": a request may name a column by them)."""
    columns = [str(c) for c in train.columns]
    n_unique = {c: int(train[c].nunique()) for c in columns}
    text = [c for c in columns if not is_numeric_dtype(train[c]) and 2 <= n_unique[c] <= LEVELS]
    return {"columns": columns, "dtypes": {c: str(t) for c, t in train.dtypes.items()}, "n_rows": len(train),
            "preview": train.head(5).astype(str).to_dict("records"), "n_unique": n_unique,
            "levels": {c: [str(v)[:40] for v in train[c].dropna().unique()] for c in text}}


def _validated(spec: TaskSpec, state: RunState, payload: UnderstandInput, train,
               alerts: list[str] | None = None) -> TaskSpec:
    """Hold the backend's answer to the facts and the evidence: a real target the evidence supports, a task type
    its values and the named metric allow, a known metric that fits, real excluded columns, a usable budget.
    What the user should know about the rows trained on (unlabelled, classes seen once) goes to ``alerts``."""
    alerts = [] if alerts is None else alerts
    notes = list(spec.notes)
    target, why, sure = _held_target(spec, payload, notes)
    if not sure:  # a mention or a name hint: the words never said it is what to predict
        alerts.append(f"the target {target!r} is a guess ({why}): the request does not say what to predict in "
                      "words mlpilot reads; if it is wrong, pass --target COLUMN (target= in Python)")
    y = one_spelling(train[target])
    asked = state.metric or metric_named_in(payload.request, payload.columns)
    metric = get_metric(state.metric or spec.metric)
    fix = ("pass --target COLUMN (target= in Python) to predict another column, or --metric NAME (metric=) "
           "to score it differently")
    task_type, reason = spec.task_type, "the backend's reading"
    try:
        task_type, reason = _task_type(spec.task_type, TargetValues.of(y), get_metric(asked) if asked else None,
                                       payload.request)
        if not asked and metric.name != default_metric(task_type) and (
                task_type not in metric.tasks or task_type != spec.task_type):  # the backend's pick for its task
            _add(notes, f"metric {default_metric(task_type)}, not {metric.name}: the default for a {task_type} task "
                        "and the request names no metric")
            metric = get_metric(default_metric(task_type))
        check_metric_fits(metric, task_type)
        if left_out := _check_rows(y, task_type):
            alerts.append(left_out)
    except MlpilotError as exc:
        raise MlpilotError(f"{str(exc).rstrip('.')} (target {target!r}: {why}; read as a {task_type} task: "
                           f"{reason}); {fix}") from None
    if task_type != spec.task_type:
        _add(notes, f"task {task_type}, not {spec.task_type}: {reason}")
    if not asked and (unsupported := unsupported_metric_in(payload.request, payload.columns)):
        fits = ", ".join(m.name for m in METRICS.values() if task_type in m.tasks)
        alerts.append(f"the request asks for {unsupported!r}, which mlpilot does not optimise: scoring {metric.name} "
                      f"instead; pass --metric (metric= in Python) with one of {fits}")
    if unlabelled := int(y.isna().sum()):
        alerts.append(f"{unlabelled} of {len(y)} rows have no value of the target {target!r}: left out of training")
    excluded = _excluded(spec, state, payload, target, why)
    budget = state.time_budget_s or spec.time_budget_s  # a budget given outside the request wins
    if budget <= 0:
        raise MlpilotError(f"time budget must be positive, got {budget:g}s: pass e.g. --time-budget 2m")
    constraints = spec.constraints.model_copy(update={"exclude_columns": excluded} | (
        {"include_families": list(state.families)} if state.families else {}))  # families= wins over the words
    return TaskSpec.model_validate(spec.model_dump() | {
        "target": target, "task_type": task_type, "metric": metric.name, "metric_asked": bool(asked),
        "time_budget_s": budget,
        "constraints": constraints.model_dump(), "notes": notes})


def _held_target(spec: TaskSpec, payload: UnderstandInput, notes: list[str]) -> tuple[str, str, bool]:
    """The backend's target unless the evidence overrules it, why, and whether strong evidence says so: target=
    wins; a name the request marks that is no column is an error; the one column the test file lacks beats any
    other; a ruled-out target is replaced."""
    columns = payload.columns
    if payload.target:
        target = find_column(payload.target, columns)  # solve's read_inputs checked that it names a column
        if spec.target != target:
            _add(notes, f"target {target!r}: given with --target / target= (the backend read {spec.target!r})")
        return target, "given with --target / target=", True
    rejected = set(payload.rejected_targets or [])
    reading = expert_target.read_request(payload.request, columns, rejected | expert_target.unfit_targets(payload),
                                         payload.levels)
    test = expert_target.from_test_file(payload, rejected)
    if reading.unknown:
        extra = (f" (the test file lacks only {test.column!r}: pass --target {test.column} to predict it)"
                 if test else "")
        raise expert_target.unknown_column_error(reading.unknown, reading.unknown_how, columns, extra)
    target = find_column(spec.target, columns)
    if target is None:
        raise MlpilotError(f"target column {spec.target!r} not found in the data: {column_hint(spec.target, columns)}")
    if target in rejected:
        chosen, found = expert_target.find_target(payload)
        _add(notes, f"target {chosen!r}, not {target!r}: the verifier ruled {target!r} out")
        notes.extend(n for n in found if n not in notes)
        return chosen, found[0].split(": ", 1)[-1], bool(test or reading.pick and reading.pick.column == chosen)
    if test and test.column != target:
        _add(notes, f"target {test.column!r}, not {target!r}: {test.why} (pass --target {target} to insist)")
        return test.column, test.why, True
    if test:
        return target, test.why, True
    if reading.pick and reading.pick.column == target:
        return target, reading.pick.why, True
    if reading.pick:
        _add(notes, f"the request's words point to {reading.pick.column!r} ({reading.pick.why}); kept {target!r}")
    return target, next((n.split(": ", 1)[1] for n in spec.notes if n.startswith(f"target {target!r}: ")),
                        "the backend's reading"), False


def _task_type(answer: str, values: TargetValues, metric, request: str) -> tuple[str, str]:
    """The task type the target's values, the named metric and the words make; the backend's answer where they
    leave room (a numeric target no metric constrains, every level seen twice or more: regression or classes)."""
    evidence, why = infer_task_type(values, metric, request)
    if values.numeric and metric is not None and "regression" not in metric.tasks and not countable(values):
        raise MlpilotError(f"metric {metric.name} scores classes but the target has {values.levels} distinct "
                           "numeric values")
    seen_once = values.rarest is not None and values.rarest < 2  # a numeric level seen once makes no class
    if not values.numeric or metric is not None or seen_once or "regression" not in (evidence, answer):
        return evidence, why
    return answer, f"{values.levels} distinct numeric values"


def _check_rows(y, task_type: str) -> str | None:
    """Enough labelled rows to train and validate: MIN_ROWS in all, and two classes of two rows or more; classes
    with a single row are left out of training (``data.training_frame``), as the warning returned says."""
    values = y.dropna()
    if len(values) < MIN_ROWS:
        raise MlpilotError(f"only {len(values)} labelled rows: at least {MIN_ROWS} are needed to train and validate "
                           "a model; add labelled rows")
    if task_type == "regression":
        return None
    counts = values.value_counts()
    single = [str(k) for k, v in counts.items() if v < MIN_CLASS_ROWS]
    if (counts >= MIN_CLASS_ROWS).sum() < 2:
        raise MlpilotError(f"fewer than two classes of the target have two labelled rows or more (single rows: "
                           f"{', '.join(map(repr, single[:5]))}), so nothing can be trained and validated; add rows")
    if single:
        shown = ", ".join(map(repr, single[:5])) + (f" and {len(single) - 5} more" if len(single) > 5 else "")
        return (f"{len(single)} class(es) of the target have a single labelled row ({shown}): those rows are left out "
                "of training, so the model never predicts them; add rows of those classes to learn them")
    return None


def _excluded(spec: TaskSpec, state: RunState, payload: UnderstandInput, target: str, why: str) -> list[str]:
    """The columns not to use: the backend's, the request's (read by the expert too) and --exclude; all real."""
    columns = payload.columns
    names = [*spec.constraints.exclude_columns, *expert_request.find_exclusions(payload.request, columns),
             *state.exclude]
    out: list[str] = []
    for name in names:
        column = find_column(name, columns)
        if column is None:
            raise MlpilotError(f"excluded column {name!r} not found in the data: {column_hint(name, columns)}")
        if column == target:
            raise MlpilotError(f"the target {target!r} ({why}) can not also be excluded: drop it from the "
                               "exclusions, or pass --target COLUMN (target=) to predict another column")
        if column not in out:
            out.append(column)
    return out


def _add(notes: list[str], note: str) -> None:
    if note not in notes:
        notes.append(note)
