"""Node: the request and a look at the data -> a validated TaskSpec."""

from __future__ import annotations

from langgraph.runtime import Runtime
from langgraph.types import interrupt

from mlpilot.agent.data import sample_submission, table
from mlpilot.agent.roles import UnderstandInput
from mlpilot.agent.state import Deps, RunState
from mlpilot.errors import MlpilotError
from mlpilot.events import Note, StageStarted
from mlpilot.schemas import TaskSpec
from mlpilot.tools.load import close_matches, find_column
from mlpilot.tools.metrics import check_metric_fits, get_metric
from mlpilot.tools.profile import infer_task_type


def understand(state: RunState, runtime: Runtime[Deps]) -> dict:
    ctx = runtime.context
    ctx.emit(StageStarted(stage="understand", detail="reading the request and the data"))
    train = table(ctx, state.data_path, "data")
    test = table(ctx, state.test_path, "test")
    submission = sample_submission(state.test_path)
    columns = [str(c) for c in train.columns]
    request = state.request
    if state.target:
        request += f" (target column: '{state.target}')"
    if state.metric:
        request += f" (metric: {state.metric})"
    payload = UnderstandInput(
        request=request, columns=columns, dtypes={c: str(t) for c, t in train.dtypes.items()},
        preview=train.head(5).astype(str).to_dict("records"), n_rows=len(train),
        n_unique={c: int(train[c].nunique()) for c in columns},
        test_columns=None if test is None else [str(c) for c in test.columns],
        submission_columns=None if submission is None else [str(c) for c in submission.columns],
        time_budget_s=state.time_budget_s,
    )
    spec = ctx.backend.complete("understand", payload, TaskSpec)
    question = getattr(spec, "question", None)
    if question and ctx.interactive:  # pause the graph; whoever drives it resumes with the person's answer
        answer = interrupt({"question": question})
        ctx.emit(Note(message=f"asked: {question} answer: {answer}"))
        payload = payload.model_copy(update={"request": f"{request}\n(asked: {question} answer: {answer})"})
        spec = ctx.backend.complete("understand", payload, TaskSpec)
        question = getattr(spec, "question", None)
    if question:
        ctx.warn(f"the request is ambiguous ({question}); going on with the best reading: see the notes")
    spec = _validated(spec, state, columns, train)
    ctx.budget_s = spec.time_budget_s
    for note in spec.notes:
        ctx.emit(Note(message=note))
    return {"spec": spec}


def _validated(spec: TaskSpec, state: RunState, columns: list[str], train) -> TaskSpec:
    """Hold the backend's answer to the facts: a real column, a known metric that fits, a usable budget."""
    wanted = state.target or spec.target
    target = find_column(wanted, columns)
    if target is None:
        near = close_matches(wanted, columns)
        hint = f"did you mean {', '.join(repr(c) for c in near)}?" if near else f"columns are: {', '.join(columns[:30])}"
        raise MlpilotError(f"target column {wanted!r} not found in the data: {hint}")
    inferred = infer_task_type(train[target])  # raises for an all-missing or single-class target
    task_type = spec.task_type
    if inferred != "regression" and task_type != "regression":
        task_type = inferred
    elif inferred != "regression" and not _numeric(train[target]):
        task_type = inferred
    metric = get_metric(state.metric or spec.metric)
    check_metric_fits(metric, task_type)
    budget = state.time_budget_s or spec.time_budget_s  # a budget given outside the request wins
    if budget <= 0:
        raise MlpilotError(f"time budget must be positive, got {budget:g}s: pass e.g. --time-budget 2m")
    return TaskSpec.model_validate(spec.model_dump(exclude={"question"}) | {
        "target": target, "task_type": task_type, "metric": metric.name, "time_budget_s": budget})


def _numeric(series) -> bool:
    from pandas.api.types import is_bool_dtype, is_numeric_dtype

    return is_numeric_dtype(series) and not is_bool_dtype(series)
