"""A chat session: a LangGraph thread (read the turn -> act on it) checkpointed in its own SQLite file, so a
conversation left in the terminal or the browser continues in either."""

from __future__ import annotations

import operator
import sqlite3
import threading
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.graph import END, START, StateGraph
from langgraph.runtime import Runtime
from pydantic import BaseModel, Field

from mlpilot import schemas
from mlpilot.agent.backends import get_backend
from mlpilot.agent.backends.base import Backend
from mlpilot.agent.checkpoint import serde
from mlpilot.agent.roles import TurnInput
from mlpilot.chat import intents
from mlpilot.chat.intents import DATA_FILE, Intent, read_turn, reconcile
from mlpilot.errors import MlpilotError
from mlpilot.events import Event
from mlpilot.layout import writable_folder


class Turn(BaseModel):
    role: Literal["user", "assistant"]
    text: str


class ChatState(BaseModel):
    """What the conversation knows; the settings are those the next run uses."""

    turns: Annotated[list[Turn], operator.add] = Field(default_factory=list)
    text: str = Field("", description="the turn being answered")
    intent: Intent | None = None
    notes: list[str] = Field(default_factory=list, description="what the reply must say first (files refused)")
    files: list[str] = Field(default_factory=list, description="data files given, in order")
    request: str | None = Field(None, description="the task as the person last described it")
    target: str | None = Field(None, description="the column the last request's run predicted")
    exclude: list[str] = Field(default_factory=list)
    families: list[str] = Field(default_factory=list)
    without_families: list[str] = Field(default_factory=list)
    budget_s: float | None = None
    runs: list[str] = Field(default_factory=list, description="run directories, oldest first")


@dataclass(frozen=True)
class ChatDeps:
    """What a session's actions need and never checkpoint: where runs go, how to ask, where progress goes, who
    reads the turns (``backend``: the expert, or an LLM checked against the data) and how long it may take."""

    root: Path
    backend: Backend
    turn_s: float = 20.0
    ask: Callable[[str], str] | None = None
    on_event: Callable[[Event], None] | None = None
    llm: str | None = None
    base_url: str | None = None
    sandbox: str = "local"
    finish: threading.Event | None = None  # set to end the running search now and deliver (the web page's Stop)


def read(state: ChatState, runtime: Runtime[ChatDeps]) -> dict:
    """Node: the turn as an intent; data files it names join the conversation if they are readable tables (else
    the reply says why not)."""
    from mlpilot.chat.actions import columns_of, table

    files = [f for f in state.files if Path(f).is_file()]
    notes = [f"{Path(f).name} is gone from {Path(f).parent}: left out of the conversation." for f in state.files
             if f not in files]
    for m in DATA_FILE.finditer(state.text):
        path = Path(m.group(1)).expanduser()
        if not path.is_file():
            if not any(Path(f).name == path.name for f in files):
                notes.append(f"I found no file {path} (paths are relative to {Path.cwd()}).")
            continue
        try:
            table(str(path.resolve()))
        except MlpilotError as exc:
            notes.append(f"I cannot use {path.name}: {exc}")
            continue
        if str(path.resolve()) not in files:
            files.append(str(path.resolve()))
    deps = runtime.context
    payload = TurnInput(text=state.text, columns=columns_of(files), files=[Path(f).name for f in files],
                        has_run=bool(state.runs))
    intent = deps.backend.complete("chat", payload, deadline=time.monotonic() + deps.turn_s)
    intent = reconcile(intent, read_turn(state.text, payload.columns))
    if intent.kind == "predict" and intent.path and str(Path(intent.path).expanduser().resolve()) in files \
            and files != state.files:
        files = list(state.files)  # a file to predict is not training data
    return {"intent": intent, "files": files, "notes": notes, "turns": [Turn(role="user", text=state.text)]}


def act(state: ChatState, runtime: Runtime[ChatDeps]) -> dict:
    """Node: do what the intent asks and say what came of it; a bad request is a reply, not a crash."""
    from mlpilot.chat.actions import ACTIONS

    try:
        update = ACTIONS[state.intent.kind](state, runtime.context)
    except MlpilotError as exc:
        update = {"reply": f"I could not do that: {exc}"}
    reply = "\n".join([*state.notes, update.pop("reply")])
    return update | {"turns": [Turn(role="assistant", text=reply)]}


def build_chat_graph(checkpointer):
    graph = StateGraph(ChatState, context_schema=ChatDeps)
    graph.add_node("read", read)
    graph.add_node("act", act)
    graph.add_edge(START, "read")
    graph.add_edge("read", "act")
    graph.add_edge("act", END)
    return graph.compile(checkpointer=checkpointer)


def load_stack() -> None:
    """Import the modelling stack now (a few seconds), so a run's first progress comes at once. Front ends call it
    at start, in the main thread: an import still running in a thread can hang the interpreter's exit."""
    from mlpilot.agent import run  # noqa: F401
    from mlpilot.tools.model_io import preload

    preload().join()


class ChatSession:
    """One named conversation under ``root/sessions/``: ``send`` a turn, get the reply; state survives restarts."""

    def __init__(self, name: str, root: str | Path = "runs", **deps):
        if not name or not all(ch.isalnum() or ch in "-_." for ch in name) or name.startswith("."):
            raise MlpilotError(f"session name {name!r} may hold only letters, digits, '-', '_' and '.': pick another")
        self.name = name
        self.root = Path(root).expanduser()
        self.dir = writable_folder(self.root / "sessions" / name)
        backend = get_backend(deps.get("llm"), base_url=deps.get("base_url"), log_dir=self.dir)
        self.deps = ChatDeps(root=self.root, backend=backend, **deps)
        self._conn = sqlite3.connect(self.dir / "chat.sqlite", check_same_thread=False)
        self.graph = build_chat_graph(SqliteSaver(self._conn, serde=serde(schemas, intents, sys.modules[__name__])))
        self.config = {"configurable": {"thread_id": name}}

    @property
    def state(self) -> ChatState:
        values = self.graph.get_state(self.config).values
        return ChatState.model_validate(values) if values else ChatState()

    @property
    def uploads(self) -> Path:
        """Where files given to this session (uploads) are kept."""
        return self.dir / "files"

    def send(self, text: str) -> str:
        """Answer one turn (running a search if it asks for one) and return the reply; a failure is a reply too, and
        so is Ctrl-C: the run it stopped joins the conversation, to be continued or looked at."""
        before = set(self.root.glob("run-*"))
        try:
            out = self.graph.invoke({"text": text.strip()}, self.config, context=self.deps)
        except KeyboardInterrupt:
            state = self.state  # the turn was read before the run began: a new run, or the last one continued
            new = [str(p) for p in sorted(set(self.root.glob("run-*")) - before, key=lambda p: p.stat().st_mtime)]
            stopped = new[-1:] or (state.runs[-1:] if state.intent and state.intent.kind == "more_time" else [])
            reply = "Stopped (Ctrl-C)." + (f" The run in {stopped[0]} keeps its finished trials: \"give it 30 more "
                                           "seconds\" continues it." if stopped else "") + " The conversation goes on."
            self.record(text, reply, runs=new[-1:])
            return reply
        except Exception as exc:  # a bug must not end the conversation: one line, the traceback in error.log
            (self.dir / "error.log").write_text("".join(traceback.format_exception(exc)))
            reply = (f"Something went wrong ({type(exc).__name__}: {str(exc)[:200]}); the conversation is kept "
                     f"(details in {self.dir / 'error.log'}).")
            self.record(text, reply)
            return reply
        return out["turns"][-1].text

    def add_file(self, path: str | Path) -> None:
        """Add a data file to the conversation (an upload, or ``--data``)."""
        from mlpilot.chat.actions import table

        resolved = str(Path(path).expanduser().resolve())
        if not Path(resolved).is_file():
            raise MlpilotError(f"data file {path} not found: give an existing file")
        table(resolved)  # a file that is no table is refused here, not at the next turn
        if resolved not in self.state.files:
            self.graph.update_state(self.config, {"files": self.state.files + [resolved]}, as_node="act")

    def record(self, user: str, assistant: str, runs: list[str] = ()) -> None:
        """Keep a turn that did not finish (a run stopped with Ctrl-C) in the history, with the ``runs`` it began."""
        state = self.state
        turns = state.turns
        asked = [] if turns and turns[-1] == Turn(role="user", text=user) else [Turn(role="user", text=user)]
        self.graph.update_state(self.config, {"turns": asked + [Turn(role="assistant", text=assistant)]}
                                | ({"runs": state.runs + list(runs)} if runs else {}), as_node="act")

    def close(self) -> None:
        self._conn.close()
