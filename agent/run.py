"""Driving the graph through one run: its checkpoints, the questions it asks, and the salvage after a failure."""

from __future__ import annotations

import sqlite3
import traceback
from collections.abc import Callable
from types import SimpleNamespace

from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.types import Command

from mlpilot import schemas
from mlpilot.agent.checkpoint import serde
from mlpilot.agent.deliver import deliver
from mlpilot.agent.graph import build_graph
from mlpilot.agent.state import Deps, RunState
from mlpilot.errors import MlpilotError

SERDE = serde(schemas)  # the checkpointed run state's own types


def run_graph(state: RunState, deps: Deps, ask: Callable[[str], str] | None) -> RunState:
    """Run the graph from ``state`` to a delivered result, checkpointing in the run directory; after an
    unexpected failure, deliver the best model found so far (or fail in one line)."""
    with sqlite3.connect(deps.layout.checkpoints, check_same_thread=False) as conn:
        graph = build_graph(checkpointer=SqliteSaver(conn, serde=SERDE))
        config = {"configurable": {"thread_id": deps.run_dir.name}}
        try:
            final = _drive(graph, state, config, deps, ask)
        except Exception as exc:
            final = _salvage(graph, config, deps, exc)
    return RunState.model_validate(final)


def _drive(graph, state: RunState, config: dict, deps: Deps, ask: Callable[[str], str] | None) -> dict:
    """Run the graph to the end, answering each interrupt's question with ``ask`` (off the budget clock)."""
    step = graph.invoke(state, config, context=deps, version="v2")
    while step.interrupts:
        with deps.clock.paused():
            answer = ask(step.interrupts[0].value["question"])
        step = graph.invoke(Command(resume=answer), config, context=deps, version="v2")
    return step.value


def _salvage(graph, config: dict, deps: Deps, exc: Exception) -> dict:
    """After a failure mid-run: deliver the best model found so far with a warning, or fail in one line.

    The traceback goes to ``run_dir/error.log``; it never reaches the user.
    """
    layout = deps.layout
    if isinstance(exc, MlpilotError) and not layout.model.exists():
        raise exc  # the user's to fix, and nothing to deliver yet
    log = layout.error_log
    log.write_text("".join(traceback.format_exception(exc)))
    values = graph.get_state(config).values
    if not values.get("spec") or not layout.model.exists():
        raise MlpilotError(f"the run failed unexpectedly ({type(exc).__name__}: {str(exc)[:200]}); nothing was "
                           f"fitted yet; details in {log}") from None
    state = RunState.model_validate(values)
    warning = (f"the run failed unexpectedly ({type(exc).__name__}: {str(exc)[:200]}); delivered the best model "
               f"found so far; details in {log}")
    deps.warn(warning)
    state = state.model_copy(update={"warnings": state.warnings + [warning]})
    try:
        return state.model_dump() | deliver(state, SimpleNamespace(context=deps))
    except Exception as again:
        log.write_text(log.read_text() + "\nwhile delivering after it:\n" + "".join(traceback.format_exception(again)))
        raise MlpilotError(f"the run failed unexpectedly ({type(exc).__name__}: {str(exc)[:200]}) and the best "
                           f"model so far could not be delivered; it is in {layout.model}; details in "
                           f"{log}") from None
