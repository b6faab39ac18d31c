"""Node: put the pending question to the person (a LangGraph interrupt) and keep the answer for understand."""

from __future__ import annotations

import re

from langgraph.runtime import Runtime
from langgraph.types import interrupt

from mlpilot.agent.state import Deps, RunState
from mlpilot.errors import MlpilotError
from mlpilot.events import Note
from mlpilot.tools.load import find_column


def ask(state: RunState, runtime: Runtime[Deps]) -> dict:
    """The graph pauses here; whoever drives it resumes it with the answer (``Command(resume=answer)``). The
    node re-runs from its start on resume, so nothing before the interrupt may cost anything."""
    ctx = runtime.context
    question = state.question
    answer = str(interrupt({"question": question.text}))
    ctx.emit(Note(message=f"asked: {question.text} answer: {answer}"))
    update = {"question": None, "clarifications": state.clarifications + [f"asked: {question.text} answer: {answer}"]}
    if question.about == "target":
        columns = [str(c) for c in ctx.train.columns]
        column = column_in(answer, columns)
        if column is None:
            raise MlpilotError(f"the answer {answer!r} names no column to predict: pass --target COLUMN; columns are: "
                               f"{', '.join(columns[:40])}")
        update["target"] = column
    return update


def column_in(answer: str, columns: list[str]) -> str | None:
    """The column a person's answer names: all of it, else its first word that is a column."""
    for words in [answer.strip(), *re.findall(r"[\w.-]+", answer)]:
        if column := find_column(words, columns):
            return column
    return None


def route_after_understand(state: RunState) -> str:
    return "ask" if state.question else "profile"
