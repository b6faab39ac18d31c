"""``mlpilot serve``: the chat as a local web app, and the JSON API its page is a client of.

    POST /api/sessions                       {"name": optional}      -> {"id": ...}   (a name continues a session)
    POST /api/sessions/{id}/files            multipart "file"        -> {"name": ..., "size": ...}
    POST /api/sessions/{id}/messages         {"text": ...}           -> 202 {"accepted": "turn" | "answer"}; 409 busy
    POST /api/sessions/{id}/stop                                     -> 202: the search ends, the best model so far
                                                                        is delivered; 409 when nothing runs
    GET  /api/sessions/{id}/events           server-sent events: message, question, progress, delivered, idle
    GET  /api/sessions/{id}/files            what can be downloaded from the latest run
    GET  /api/sessions/{id}/files/{name}     one of them

Safe by default: loopback only unless asked, and then a token (``Authorization: Bearer T`` or ``?token=T``);
uploads capped in size with sanitised names; one turn at a time per session.
"""

from __future__ import annotations

import asyncio
import json
import queue
import re
import secrets
import threading
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from fastapi import Depends, FastAPI, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

from mlpilot.chat.session import ChatSession, load_stack
from mlpilot.errors import MlpilotError
from mlpilot.events import Event
from mlpilot.layout import DELIVERED, RunLayout

DOWNLOADS = ("predictions.csv", DELIVERED["model"], DELIVERED["report"], DELIVERED["summary"],
             DELIVERED["leaderboard"], DELIVERED["verification"])
CHUNK = 1 << 20


class NewSession(BaseModel):
    name: str | None = None


class Message(BaseModel):
    text: str


@dataclass
class Live:
    """A session being served: its event log (replayable by index), the answer to a pending question, busy."""

    chat: ChatSession | None = None
    events: list[dict] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)
    answers: queue.Queue = field(default_factory=queue.Queue)
    asking: bool = False
    busy: bool = False
    finish: threading.Event = field(default_factory=threading.Event)  # Stop: end the search, deliver what it has

    def publish(self, kind: str, **payload) -> None:
        with self.changed:
            self.events.append({"id": len(self.events), "kind": kind, **payload})
            self.changed.notify_all()

    def ask(self, question: str) -> str:
        """Put the run's question to the page and wait for the next message (the clock is paused meanwhile)."""
        self.asking = True
        self.publish("question", text=question)
        try:
            return self.answers.get()
        finally:
            self.asking = False

    def progress(self, event: Event) -> None:
        self.publish("delivered" if event.kind == "delivered" else "progress", event=event.model_dump(mode="json"))


def safe_name(name: str) -> str:
    """An uploaded file's name reduced to its last part, in letters, digits, '-', '_' and '.' (no traversal)."""
    base = re.sub(r"[^\w.-]", "_", Path(name.replace("\\", "/")).name).lstrip(".")
    if not base:
        raise HTTPException(400, "the uploaded file has no usable name: rename it (letters, digits, '.', '-', '_')")
    return base


def create_app(root: str | Path = "runs", *, token: str | None = None, max_upload_mb: float = 200,
               **deps) -> FastAPI:
    """The app: sessions under ``root/sessions``, runs under ``root``; ``deps`` go to each ``ChatSession``."""
    root = Path(root).expanduser()
    load_stack()  # at start, so a request's first progress comes at once
    sessions: dict[str, Live] = {}
    lock = threading.Lock()

    def authorised(request: Request) -> None:
        if token is None:
            return
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip() or \
            request.query_params.get("token")
        if not given or not secrets.compare_digest(given, token):
            raise HTTPException(401, "missing or wrong token: pass the token `mlpilot serve` printed "
                                     "(Authorization: Bearer TOKEN, or ?token=TOKEN)")

    def live(session_id: str) -> Live:
        if session_id not in sessions:
            raise HTTPException(404, f"no session {session_id!r}: create one with POST /api/sessions")
        return sessions[session_id]

    app = FastAPI(title="mlpilot", version="1")
    api = [Depends(authorised)]
    static = resources.files("mlpilot.chat") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.get("/", response_class=HTMLResponse)
    def page() -> str:
        return (static / "index.html").read_text()

    @app.post("/api/sessions", dependencies=api)
    def new_session(body: NewSession | None = None) -> dict:
        name = (body.name if body else None) or f"web-{secrets.token_hex(4)}"
        with lock:
            if name not in sessions:
                state = Live()
                try:
                    state.chat = ChatSession(name, root, ask=state.ask, on_event=state.progress,
                                             finish=state.finish, **deps)
                except MlpilotError as exc:
                    raise HTTPException(400, str(exc)) from None
                for turn in state.chat.state.turns:  # a continued session replays its conversation
                    state.publish("message", role=turn.role, text=turn.text)
                sessions[name] = state
        return {"id": name, "files": [Path(f).name for f in sessions[name].chat.state.files]}

    @app.post("/api/sessions/{session_id}/files", dependencies=api)
    async def upload(session_id: str, file: UploadFile) -> dict:
        state = live(session_id)
        name = safe_name(file.filename or "")
        target = state.chat.uploads / name
        target.parent.mkdir(parents=True, exist_ok=True)
        partial, size = target.with_name(f".{name}.part"), 0
        with open(partial, "wb") as out:
            while chunk := await file.read(CHUNK):
                size += len(chunk)
                if size > max_upload_mb * CHUNK:
                    out.close()
                    partial.unlink()
                    raise HTTPException(413, f"{name} is over the {max_upload_mb:g} MB upload limit: sample it, or "
                                             f"start mlpilot serve with a larger --max-upload-mb")
                out.write(chunk)
        partial.replace(target)
        try:
            state.chat.add_file(target)
        except MlpilotError as exc:
            target.unlink()
            raise HTTPException(400, str(exc).replace(str(target.resolve()), name)) from None  # no server paths
        state.publish("message", role="assistant", text=f"Got {name} ({size:,} bytes).")
        return {"name": name, "size": size}

    @app.post("/api/sessions/{session_id}/messages", status_code=202, dependencies=api)
    def message(session_id: str, body: Message) -> dict:
        state = live(session_id)
        text = body.text.strip()
        if not text:
            raise HTTPException(400, "empty message: type a request or a question")
        if state.asking:
            state.publish("message", role="user", text=text)
            state.answers.put(text)
            return {"accepted": "answer"}
        with lock:
            if state.busy:
                raise HTTPException(409, "busy: this session is still working on the last message; wait for it "
                                         "(or open another session)")
            state.busy = True
        state.publish("message", role="user", text=text)
        state.finish.clear()
        threading.Thread(target=_answer, args=(state, text), daemon=True).start()
        return {"accepted": "turn"}

    @app.post("/api/sessions/{session_id}/stop", status_code=202, dependencies=api)
    def stop(session_id: str) -> dict:
        state = live(session_id)
        if not state.busy:
            raise HTTPException(409, "nothing is running: stop ends a search that is under way")
        if state.asking:
            raise HTTPException(409, "the run is waiting for your answer: answer it (\"no\" declines a plan)")
        state.finish.set()
        state.publish("message", role="assistant", text="Stopping: the trials under way finish, then the best "
                                                        "model so far is delivered.")
        return {"accepted": "stop"}

    @app.get("/api/sessions/{session_id}/events", dependencies=api)
    async def events(session_id: str, request: Request, after: int = -1) -> StreamingResponse:
        state = live(session_id)
        start = int(request.headers.get("last-event-id", after)) + 1

        async def stream():
            sent = start
            while not await request.is_disconnected():
                batch = state.events[sent:]
                if batch:  # one write per batch: a client gone is noticed before the next
                    yield "".join(f"id: {e['id']}\nevent: {e['kind']}\ndata: {json.dumps(e, default=str)}\n\n"
                                  for e in batch)
                    sent = batch[-1]["id"] + 1
                await asyncio.sleep(0.2)

        return StreamingResponse(stream(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"})

    @app.get("/api/sessions/{session_id}/files", dependencies=api)
    def downloads(session_id: str) -> list[dict]:
        return [{"name": p.name, "size": p.stat().st_size, "url": f"/api/sessions/{session_id}/files/{p.name}"}
                for p in _downloads(live(session_id))]

    @app.get("/api/sessions/{session_id}/files/{name}", dependencies=api)
    def download(session_id: str, name: str) -> FileResponse:
        for path in _downloads(live(session_id)):
            if path.name == name:
                return FileResponse(path, filename=name,
                                    content_disposition_type="inline" if name.endswith(".html") else "attachment")
        raise HTTPException(404, f"no file {name!r} to download: GET /api/sessions/{session_id}/files lists them")

    @app.exception_handler(MlpilotError)
    def bad_input(request: Request, exc: MlpilotError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    return app


def _answer(state: Live, text: str) -> None:
    reply = state.chat.send(text)  # failures come back as replies
    state.publish("message", role="assistant", text=reply)
    state.busy = False
    state.publish("idle")


def _downloads(state: Live) -> list[Path]:
    runs = state.chat.state.runs
    if not runs:
        return []
    run = RunLayout(Path(runs[-1])).root
    files = [run / name for name in DOWNLOADS] + sorted(run.glob("predictions-*.csv"))
    return [p for p in files if p.is_file()]
