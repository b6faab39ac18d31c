"""Node: profile the training data (column roles, balance, missingness, leakage suspects)."""

from __future__ import annotations

from langgraph.runtime import Runtime

from mlpilot.agent.state import Deps, RunState
from mlpilot.events import Note, StageStarted
from mlpilot.tools.profile import check_test_columns, profile_dataset


def profile(state: RunState, runtime: Runtime[Deps]) -> dict:
    ctx = runtime.context
    spec = state.spec
    ctx.emit(StageStarted(stage="profile", detail="column roles, balance, leakage"))
    train, test = ctx.train, ctx.test
    if test is not None:
        check_test_columns(train, test, spec.target, spec.id_column)
    warnings = []
    ctx.sandbox.start()  # the inputs make sense: the worker's imports overlap with profiling and planning
    result = profile_dataset(train, spec.target, spec.task_type, test=test, id_column=spec.id_column,
                             exclude=spec.constraints.exclude_columns)  # understand checked each name
    ctx.layout.file("profile").write_text(result.model_dump_json(indent=2))
    roles: dict[str, int] = {}
    for column in result.columns:
        roles[column.role] = roles.get(column.role, 0) + 1
    ctx.emit(Note(message=f"{result.n_rows:,} rows; columns by role: "
                          + ", ".join(f"{n} {r}" for r, n in sorted(roles.items()))))
    for suspect in result.leakage_suspects:
        if suspect.action == "dropped" or suspect.is_copy:
            what = "column" if suspect.reason == "dropped: excluded by the user" else "leakage suspect"
            warnings.append(f"{what} {suspect.column!r} {suspect.reason}")
        else:
            ctx.emit(Note(message=f"strong column {suspect.column!r} {suspect.reason}"))
    if result.duplicate_rows:
        warnings.append(f"{result.duplicate_rows} duplicate rows in the training data")
    if not result.features():  # every trial would fail or learn nothing: the constant baseline is delivered
        unusable = ", ".join(f"{c.name} ({c.role})" for c in result.columns if c.name != spec.target) or "none"
        warnings.append(f"no column can be an input (columns besides the target: {unusable}): the model only "
                        "predicts the target's overall level; add columns that describe each row")
    for message in warnings:
        ctx.warn(message)
    return {"profile": result, "warnings": state.warnings + warnings}
