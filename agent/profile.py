"""Node: profile the training data (column roles, balance, missingness, leakage suspects)."""

from __future__ import annotations

from langgraph.runtime import Runtime

from mlpilot.agent.data import table
from mlpilot.agent.state import Deps, RunState
from mlpilot.errors import MlpilotError
from mlpilot.events import Note, StageStarted
from mlpilot.tools.load import close_matches, find_column
from mlpilot.tools.profile import check_test_columns, profile_dataset


def profile(state: RunState, runtime: Runtime[Deps]) -> dict:
    ctx = runtime.context
    spec = state.spec
    ctx.emit(StageStarted(stage="profile", detail="column roles, balance, leakage"))
    train = table(ctx, state.data_path, "data")
    test = table(ctx, state.test_path, "test")
    if test is not None:
        check_test_columns(train, test, spec.target, spec.id_column)
    warnings = []
    exclude = _exclusions(state, [str(c) for c in train.columns], warnings)
    ctx.sandbox.start()  # the inputs make sense: the worker's imports overlap with profiling and planning
    result = profile_dataset(train, spec.target, spec.task_type, test=test, id_column=spec.id_column,
                             exclude=exclude)
    ctx.layout.file("profile").write_text(result.model_dump_json(indent=2))
    roles: dict[str, int] = {}
    for column in result.columns:
        roles[column.role] = roles.get(column.role, 0) + 1
    ctx.emit(Note(message=f"{result.n_rows:,} rows; columns by role: "
                          + ", ".join(f"{n} {r}" for r, n in sorted(roles.items()))))
    for suspect in result.leakage_suspects:
        if suspect.action == "dropped":
            what = "column" if suspect.reason == "dropped: excluded by the user" else "leakage suspect"
            warnings.append(f"{what} {suspect.column!r} {suspect.reason}")
        else:
            ctx.emit(Note(message=f"strong column {suspect.column!r} {suspect.reason}"))
    if result.duplicate_rows:
        warnings.append(f"{result.duplicate_rows} duplicate rows in the training data")
    for message in warnings:
        ctx.warn(message)
    return {"profile": result, "warnings": state.warnings + warnings}


def _exclusions(state: RunState, columns: list[str], warnings: list[str]) -> list[str]:
    """The columns not to use: ``--exclude`` / ``exclude=`` (an unknown name is an error) and those the request
    ruled out (an unknown name is a warning), as the data spells them; the target is never a feature anyway."""
    wanted = list(dict.fromkeys([*state.exclude, *state.spec.constraints.exclude_columns]))
    found = []
    for name in wanted:
        column = find_column(name, columns)
        if column is None:
            near = close_matches(name, columns)
            hint = f"did you mean {' or '.join(map(repr, near))}?" if near else "no column is called that"
            if name in state.exclude:
                raise MlpilotError(f"column {name!r} to exclude is not in the data; {hint}")
            warnings.append(f"the request excludes column {name!r}, which is not in the data ({hint}); ignored")
        elif column != state.spec.target and column not in found:
            found.append(column)
    return found
