"""The chat in a terminal: rich panels and the same live run view as ``mlpilot run``, readline history and line
editing, Ctrl-C stops the current run and keeps the conversation."""

from __future__ import annotations

import readline
import signal
from pathlib import Path

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from mlpilot.chat.session import ChatSession, load_stack
from mlpilot.render import RunRenderer

QUIT = {"exit", "quit", "bye", ":q", "/exit", "/quit"}


def chat_loop(name: str, out: Path, files: list[Path], console: Console, **deps) -> None:
    """Talk until the person leaves (``exit`` or Ctrl-D); the session is kept under ``out/sessions/NAME``."""
    # Ctrl-C stops a run even when the chat was started with SIGINT ignored (a shell's background job, nohup)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    with console.status("loading the modelling stack"):
        load_stack()
    renderer = RunRenderer(console)
    session = ChatSession(name, out, on_event=renderer, ask=lambda q: _ask(console, q), **deps)
    for path in files:
        session.add_file(path)
    history = session.dir / "history"
    if history.exists():
        readline.read_history_file(history)
    state = session.state
    intro = f"session [bold]{name}[/] ({session.dir})" + (f", {len(state.turns) // 2} turns so far" if state.turns
                                                            else "")
    console.print(Panel(f"{intro}\ndata: {', '.join(Path(f).name for f in state.files) or 'none yet'}\n"
                        "Describe a task, ask about the data, or type help; exit or Ctrl-D leaves.",
                        title="mlpilot chat"))
    for turn in state.turns[-4:]:
        console.print(Text(f"{turn.role}: {turn.text[:300]}", style="dim"))
    try:
        while True:
            try:
                text = console.input("[bold green]you>[/] ").strip()
            except KeyboardInterrupt:
                console.print()
                continue
            except EOFError:
                break
            if text.lower() in QUIT:
                break
            if text:
                _turn(session, renderer, console, text)
    finally:
        readline.write_history_file(history)
        session.close()
        console.print(f"[dim]conversation kept: mlpilot chat --session {name} --out {out} continues it[/]")


def _turn(session: ChatSession, renderer: RunRenderer, console: Console, text: str) -> None:
    reply = session.send(text)  # Ctrl-C during a run stops it: the reply says where it is kept
    renderer.stop()
    console.print(Panel(Text(reply), title="mlpilot", border_style="cyan"))


def _ask(console: Console, question: str) -> str:
    console.print(Panel(Text(question), title="question", border_style="yellow"))
    return console.input("[bold yellow]answer>[/] ")
