"""A real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions and Anthropic messages wire
formats, answering from a per-test script, so the real SDK clients can be tested offline.

A script maps each request to a *step* (a dict):
    {"json": obj}          the answer, shaped as the request asks: a tool call when it offers tools,
                           else message text holding the JSON
    {"text": "..."}        raw message text (malformed JSON, prose...)
    {"tool_args": "..."}   OpenAI only: a tool call whose arguments string is given verbatim
    {"status": 429, "headers": {"retry-after": "1"}, "message": "..."}   an error response
    "delay": seconds       added to any step: sleep before answering
    "usage": [in, out]     token counts to report (default: about 4 characters per token)

``script`` is a list of steps (served in order; the last one repeats), a dict role -> list of steps, or a
callable ``(WireRequest) -> step``. The role of a request is the forced tool / JSON-schema name mlpilot
sends, else the ``[mlpilot:role=...]`` marker in the system prompt.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class WireRequest:
    path: str
    headers: dict[str, str]
    body: dict
    started: float

    @property
    def api(self) -> str:
        return "anthropic" if self.path.endswith("/messages") else "openai"

    @property
    def tool_name(self) -> str | None:
        tools = self.body.get("tools") or []
        if not tools:
            return None
        return tools[0]["name"] if self.api == "anthropic" else tools[0]["function"]["name"]

    @property
    def system(self) -> str:
        if self.api == "anthropic":
            return self.body.get("system") or ""
        return next((m["content"] for m in self.body["messages"] if m["role"] == "system"), "")

    @property
    def role(self) -> str | None:
        schema_name = ((self.body.get("response_format") or {}).get("json_schema") or {}).get("name")
        marker = re.search(r"\[mlpilot:role=(\w+)\]", self.system)
        return self.tool_name or schema_name or (marker.group(1) if marker else None)

    @property
    def first_user(self) -> str:
        return next(m["content"] for m in self.body["messages"] if m["role"] == "user")

    @property
    def last_user(self) -> str:
        return [m for m in self.body["messages"] if m["role"] == "user"][-1]["content"]


Step = dict[str, Any]
Script = list[Step] | dict[str, list[Step]] | Callable[[WireRequest], Step]


class WireServer:
    """``with WireServer(script, api_key="k") as server:`` then point a client at ``server.url``."""

    def __init__(self, script: Script, *, api_key: str | None = None, models: set[str] | None = None):
        self.script = script
        self.api_key = api_key
        self.models = models
        self.requests: list[WireRequest] = []
        self._served: dict[str | None, int] = {}
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def __enter__(self) -> WireServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def roles(self) -> list[str | None]:
        return [r.role for r in self.requests]

    def _step(self, request: WireRequest) -> Step:
        with self._lock:
            self.requests.append(request)
            if callable(self.script):
                return self.script(request)
            steps = self.script if isinstance(self.script, list) else self.script.get(request.role)
            if not steps:
                return {"status": 500, "message": f"the test script has no step for role {request.role!r}"}
            key = None if isinstance(self.script, list) else request.role
            i = self._served.get(key, 0)
            self._served[key] = i + 1
            return steps[min(i, len(steps) - 1)]

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                if not self.path.endswith(("/chat/completions", "/messages")):  # e.g. Ollama's /api/show
                    self.send_error(404)
                    return
                request = WireRequest(self.path, {k.lower(): v for k, v in self.headers.items()}, body, time.time())
                if (error := server._reject(request)) is not None:
                    step = error
                else:
                    step = server._step(request)
                time.sleep(step.get("delay", 0))
                status, headers, payload = server._response(request, step)
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

        return Handler

    def _reject(self, request: WireRequest) -> Step | None:
        if self.api_key is not None:
            sent = request.headers.get("x-api-key") or request.headers.get("authorization", "").removeprefix("Bearer ")
            if sent != self.api_key:
                with self._lock:
                    self.requests.append(request)
                return {"status": 401, "message": "invalid x-api-key" if request.api == "anthropic"
                        else "Incorrect API key provided"}
        if self.models is not None and request.body.get("model") not in self.models:
            with self._lock:
                self.requests.append(request)
            return {"status": 404, "message": f"model {request.body.get('model')} does not exist"}
        return None

    def _response(self, request: WireRequest, step: Step) -> tuple[int, dict, dict]:
        if "status" in step:
            message = step.get("message", "scripted error")
            kind = {401: "authentication_error", 404: "not_found_error", 429: "rate_limit_error"}.get(
                step["status"], "api_error")
            body = ({"type": "error", "error": {"type": kind, "message": message}} if request.api == "anthropic"
                    else {"error": {"message": message, "type": kind, "code": None}})
            return step["status"], step.get("headers", {}), body
        if "json" in step:
            text = json.dumps(step["json"])
        else:
            text = step.get("text", step.get("tool_args", ""))
        prompt_chars = len(json.dumps(request.body.get("messages", []))) + len(request.system)
        usage = step.get("usage") or [prompt_chars // 4, max(1, len(text) // 4)]
        model = request.body.get("model", "model")
        if request.api == "anthropic":
            tool = request.tool_name
            if tool and "json" in step:
                content = [{"type": "tool_use", "id": "toolu_01", "name": tool, "input": step["json"]}]
            else:
                content = [{"type": "text", "text": text}]
            return 200, {}, {
                "id": "msg_01", "type": "message", "role": "assistant", "model": model, "content": content,
                "stop_reason": "tool_use" if content[0]["type"] == "tool_use" else "end_turn",
                "stop_sequence": None, "usage": {"input_tokens": usage[0], "output_tokens": usage[1]},
            }
        message: dict = {"role": "assistant", "content": text, "refusal": None}
        tool = request.tool_name
        if tool and ("json" in step or "tool_args" in step):
            message = {"role": "assistant", "content": None, "refusal": None, "tool_calls": [
                {"id": "call_01", "type": "function", "function": {"name": tool, "arguments": text}}]}
        return 200, {}, {
            "id": "chatcmpl-01", "object": "chat.completion", "created": int(time.time()), "model": model,
            "choices": [{"index": 0, "message": message, "logprobs": None,
                         "finish_reason": "tool_calls" if "tool_calls" in message else "stop"}],
            "usage": {"prompt_tokens": usage[0], "completion_tokens": usage[1], "total_tokens": sum(usage)},
        }
