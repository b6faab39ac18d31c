"""The LLM backend: prompts, structured replies, repairs, retries, cost, cache, call log, expert fallback.

A ``Provider`` (OpenAI chat completions, Anthropic messages) only sends one conversation and returns the
raw reply. ``LLMBackend`` does everything else, the same way for every provider:

* renders ``prompts/<role>.md`` with the role input as JSON and the answer's JSON schema (narrowed to the
  input where it can be: the target must be one of the columns), compacted to fit the model's context window;
* asks for at most the role's ``max_tokens`` (``registry.ROLES``), within the role's deadline: each call's timeout is the
  smaller of the provider's and the time left, and past the deadline the expert answers at once;
* parses the reply (tool call, JSON-schema output or plain JSON text) into the answer model and checks it
  against the input (a target that is a column, configurations inside the search space...); a reply that
  fails is sent back as the first prompt plus the short error (never the growing conversation) for
  ``max_repairs`` rounds, then the expert policy answers that step;
* retries 429 / 5xx / timeouts with exponential backoff, honouring ``retry-after``, while the deadline allows;
  bad keys and unknown models raise ``MlpilotError`` at once; other persistent errors fall back to the expert;
* counts tokens and cost (``usage``), and refuses any call that could take the total past ``max_cost``;
* caches replies by (provider, model, conversation, schema): ``cache_mode`` "auto" reads and writes,
  "record" only writes, "replay" only reads (offline; a miss falls back to the expert), "off";
* logs every call to ``llm_calls.jsonl`` in ``log_dir`` with API keys redacted.
"""

from __future__ import annotations

import json
import logging
import random
import re
import string
import threading
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from mlpilot.agent.backends.base import Backend
from mlpilot.agent.backends.cache import CacheMode, ResponseCache
from mlpilot.agent.backends.call_log import CallLog
from mlpilot.agent.backends.experience import ExperienceStore
from mlpilot.agent.backends.provider import Conversation, Provider, ProviderError, Reply, shorten
from mlpilot.agent.backends.registry import ROLES
from mlpilot.agent.backends.usage import LLMUsage, price_for
from mlpilot.errors import MlpilotError

log = logging.getLogger(__name__)

MIN_CALL_S = 2.0  # a call is not started with less time than this left before its role's deadline
MAX_TIMEOUTS = 2  # calls in a row that time out (or would, at the measured speed): the model is too slow for
# this run, and the expert answers every later role at once
SPEED_PROBE_S = 5.0  # the one short request that measures a local server's speed
REPAIR_ROOM = 800  # prompt tokens a repair adds: the rejected reply (at most ~500) and the error


def parse_json(text: str) -> Any:
    """The JSON object in a reply, tolerating code fences and prose around it."""
    text = text.strip()
    fenced = re.search(r"```(?:json)?\s*(.*?)```", text, re.S)
    if fenced:
        text = fenced.group(1).strip()
    try:
        return json.loads(text)
    except json.JSONDecodeError as first:
        start, end = text.find("{"), text.rfind("}")
        if 0 <= start < end:
            try:
                return json.loads(text[start:end + 1])
            except json.JSONDecodeError:
                pass
        raise first



def validation_message(exc: ValidationError) -> str:
    lines = [f"{'.'.join(map(str, e['loc'])) or '(root)'}: {e['msg']}" for e in exc.errors()[:12]]
    return "; ".join(lines)



SYSTEM = (
    "You are one step of mlpilot, an AutoML assistant. [mlpilot:role=$role]\n"
    "Answer with exactly one JSON object that validates against the JSON schema you are given, "
    "with no prose before or after it."
)


def render(role: str, payload: BaseModel, schema: type[BaseModel],
           experience: ExperienceStore | None = None, compact: bool = False) -> Conversation:
    """The first turn for ``role``: ``prompts/<role>.md`` filled with the input and the answer schema;
    ``compact``: no indentation and a shorter trial history, for a small context window."""
    try:
        template = resources.files("mlpilot.prompts").joinpath(f"{role}.md").read_text()
    except FileNotFoundError:
        raise MlpilotError(f"no prompt template for role {role!r}: add prompts/{role}.md") from None
    json_schema = schema.model_json_schema()
    indent = None if compact else 1
    values = {"input": payload.model_dump_json(indent=indent, exclude_none=True),
              "schema": json.dumps(json_schema, indent=indent)}
    values.update(ROLES[role].context(payload, experience, compact))
    user = string.Template(template).substitute(values)
    system = string.Template(SYSTEM).substitute(role=role)
    return Conversation(role=role, system=system, messages=[{"role": "user", "content": user}],
                        schema=json_schema)


class _Fallback(Exception):
    """This step goes to the expert policy, for the reason given."""


class LLMBackend(Backend):
    """Answers roles with an LLM provider; the expert policy takes any step the LLM cannot."""

    def __init__(
        self,
        provider: Provider,
        *,
        fallback: Backend | None = None,
        max_cost: float | None = None,
        log_dir: Path | None = None,
        cache_dir: Path | None = None,
        cache_mode: CacheMode = "auto",
        max_repairs: int = 2,
        max_retries: int = 4,
        max_backoff_s: float = 30.0,
        prices: tuple[float, float] | None = None,
        experience: ExperienceStore | None = None,
    ):
        self.provider = provider
        self.name = f"{provider.name}:{provider.model}"
        self._fallback = fallback
        self.max_cost = max_cost
        self.max_repairs = max_repairs
        self.max_retries = max_retries
        self.max_backoff_s = max_backoff_s
        self.prices = prices or price_for(provider.model) or (
            (0.0, 0.0) if provider.name == "openai-compatible" else None
        )
        self.experience = experience
        self.cache = ResponseCache(cache_dir, cache_mode)
        self.calls = CallLog(provider.secrets)
        self.calls.dir = Path(log_dir) if log_dir else None
        self.usage = LLMUsage()
        self.timeouts = 0  # calls in a row that timed out
        self._speed: tuple[float, float] | None | str = "unmeasured"  # tokens per second read and written
        self.events: list[dict] = []
        self.on_event: Callable[[dict], None] | None = None
        self._lock = threading.Lock()
        if self.prices is None:
            self._event("warning", None, f"no price known for model {provider.model}: cost is counted as 0"
                        + (" and --max-llm-cost cannot cap it" if max_cost is not None else ""))

    @property
    def writes_code(self) -> bool:
        """It writes feature code while the model is fast enough to answer at all."""
        return self.timeouts < MAX_TIMEOUTS

    @property
    def log_dir(self) -> Path | None:
        return self.calls.dir

    @log_dir.setter
    def log_dir(self, value: Path | None) -> None:
        self.calls.dir = Path(value) if value else None

    @property
    def fallback(self) -> Backend:
        if self._fallback is None:
            from mlpilot.agent.backends.expert import ExpertBackend

            self._fallback = ExpertBackend()
        return self._fallback

    def complete(self, role: str, payload: BaseModel, *, deadline: float | None = None) -> BaseModel:
        answer = self.try_complete(role, payload, deadline=deadline)
        return self.fallback.complete(role, payload) if answer is None else answer

    def try_complete(self, role: str, payload: BaseModel, *, deadline: float | None = None) -> BaseModel | None:
        """The LLM's validated answer, or None (with a fallback event) when it cannot give one by ``deadline``."""
        started = time.monotonic()
        outcome = {"kind": "outcome", "role": role,
                   "deadline_s": None if deadline is None else round(deadline - started, 2)}
        try:
            answer, turns = self._ask(role, payload, deadline)
        except _Fallback as why:
            with self._lock:
                self.usage.fallbacks += 1
            self.calls.write({**outcome, "outcome": "expert", "seconds": round(time.monotonic() - started, 2)})
            self._event("fallback", role, f"{role}: the expert policy took this step because {why}")
            return None
        self.calls.write({**outcome, "outcome": "used" if turns == 1 else f"repaired ({turns} replies)",
                          "seconds": round(time.monotonic() - started, 2)})
        return answer

    def _ask(self, role: str, payload: BaseModel, deadline: float | None) -> tuple[BaseModel, int]:
        """The validated answer and the number of replies it took."""
        spec = ROLES[role]
        narrow = spec.schema_for(payload)
        max_tokens = min(self.provider.max_tokens, spec.max_tokens)
        first = self._fitted(role, payload, narrow, max_tokens)
        conversation = first
        for turn in range(self.max_repairs + 1):
            reply = self._call(conversation, turn, deadline, max_tokens)
            try:
                answer = spec.output.model_validate(narrow.model_validate(parse_json(reply.text)).model_dump())
                issue = "; ".join(spec.problems(payload, answer))
            except json.JSONDecodeError as exc:
                issue = f"the reply is not valid JSON ({exc})"
            except ValidationError as exc:
                issue = f"the reply does not match the schema: {validation_message(exc)}"
            if not issue:
                return spec.tidy(payload, answer), turn + 1
            self._event("invalid", role, shorten(issue, 600), turn=turn)
            if turn == self.max_repairs:
                break
            with self._lock:
                self.usage.repairs += 1
            conversation = first.repair(reply.text, issue)
        raise _Fallback(f"the answer was still invalid after {self.max_repairs} repairs")

    def _fitted(self, role: str, payload: BaseModel, schema: type[BaseModel], max_tokens: int) -> Conversation:
        """The first prompt, compacted when it would not fit the context window with the reply and a repair."""
        conversation = render(role, payload, schema, self.experience)
        window = self.provider.context_window()
        if window is None:
            return conversation
        room = window - max_tokens - REPAIR_ROOM
        if conversation.tokens() > room:
            conversation = render(role, payload, schema, self.experience, compact=True)
        if conversation.tokens() > room:
            raise _Fallback(f"its prompt (~{conversation.tokens()} tokens) does not fit the model's context window "
                            f"of {window} tokens")
        return conversation

    def _call(self, conversation: Conversation, turn: int, deadline: float | None, max_tokens: int) -> Reply:
        """One reply: from the cache, or from the provider with retries, within the cost cap and the deadline."""
        key = ResponseCache.key(self.provider, conversation)
        base = {"kind": "call", "role": conversation.role, "backend": self.name, "turn": turn, "key": key[:16],
                "max_tokens": max_tokens, "system": conversation.system, "messages": conversation.messages}
        cached, how = self.cache.get(key, conversation.role)
        if cached is not None:
            with self._lock:
                self.usage.cached_calls += 1
            self.calls.write({**base, "cached": how, "response": cached.text, "input_tokens": cached.input_tokens,
                              "output_tokens": cached.output_tokens, "cost_usd": 0.0, "latency_s": 0.0})
            return cached
        if self.cache.mode == "replay":
            raise _Fallback("replay mode has no recorded reply for this prompt")
        self._check_budget(conversation, max_tokens)
        for attempt in range(self.max_retries + 1):
            start = time.monotonic()
            left = None if deadline is None else deadline - start
            if left is not None and left < MIN_CALL_S:
                raise _Fallback(f"its time was up ({max(0.0, left):.1f} s left of its share of the budget)")
            if self.timeouts >= MAX_TIMEOUTS:
                raise _Fallback(f"the model timed out on {self.timeouts} calls in a row: too slow for this run")
            if left is not None and (needed := self._needed_s(conversation, max_tokens, left)) > left:
                with self._lock:
                    self.timeouts += 1  # as good as a timeout, without the wait
                raise _Fallback(f"at its measured speed the model needs ~{needed:.0f} s for this prompt and reply, "
                                f"{left:.0f} s were left")
            timeout = self.provider.timeout if left is None else min(self.provider.timeout, left)
            limits = {"attempt": attempt, "timeout_s": round(timeout, 2)}
            try:
                reply = self.provider.send(conversation, timeout=timeout, max_tokens=max_tokens)
            except ProviderError as exc:
                latency = time.monotonic() - start
                with self._lock:
                    self.usage.seconds += latency
                    self.timeouts = self.timeouts + 1 if exc.timed_out else 0
                self.calls.write({**base, **limits, "error": str(exc), "latency_s": round(latency, 3)})
                if exc.fatal:
                    raise MlpilotError(str(exc)) from None
                if not exc.retryable or attempt == self.max_retries:
                    raise _Fallback(f"the provider kept failing: {exc}") from None
                wait = self._backoff(attempt, exc.retry_after)
                if deadline is not None and time.monotonic() + wait > deadline - MIN_CALL_S:
                    raise _Fallback(f"the provider failed ({exc}) and no time was left to retry") from None
                with self._lock:
                    self.usage.retries += 1
                time.sleep(wait)
                continue
            latency = time.monotonic() - start
            cost = self._cost(reply.input_tokens, reply.output_tokens)
            with self._lock:
                self.usage.seconds += latency
                self.timeouts = 0
                self.usage.calls += 1
                self.usage.input_tokens += reply.input_tokens
                self.usage.output_tokens += reply.output_tokens
                self.usage.cost_usd += cost
            self.calls.write({**base, **limits, "cached": False, "response": reply.text,
                              "input_tokens": reply.input_tokens, "output_tokens": reply.output_tokens,
                              "cost_usd": round(cost, 6), "latency_s": round(latency, 3)})
            self.cache.put(key, conversation.role, reply)
            return reply
        raise AssertionError("unreachable")

    def _needed_s(self, conversation: Conversation, max_tokens: int, left: float) -> float:
        """Seconds the model should need to read ``conversation`` and write a quarter of ``max_tokens``, from its
        measured speed (measured on the first call that has a deadline); 0 when unknown."""
        if self._speed == "unmeasured":
            self._speed = None
            started = time.monotonic()
            try:
                self._speed = self.provider.speed(timeout=SPEED_PROBE_S)
            except ProviderError as exc:  # a model that cannot say OK in time is as slow as a timeout says
                with self._lock:
                    self.timeouts += exc.timed_out
            with self._lock:
                self.usage.seconds += time.monotonic() - started
            self.calls.write({"kind": "speed", "backend": self.name, "tokens_per_s": self._speed,
                              "latency_s": round(time.monotonic() - started, 3)})
        if not self._speed:
            return 0.0
        prompt_tps, generated_tps = self._speed
        return conversation.tokens() / prompt_tps + max_tokens / 4 / generated_tps

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, self.max_backoff_s)
        return min(self.max_backoff_s, 0.5 * 2 ** attempt) * random.uniform(0.8, 1.2)

    def _cost(self, input_tokens: int, output_tokens: int) -> float:
        if self.prices is None:
            return 0.0
        return (input_tokens * self.prices[0] + output_tokens * self.prices[1]) / 1e6

    def _check_budget(self, conversation: Conversation, max_tokens: int) -> None:
        """Refuse a call whose worst case (its prompt, a full ``max_tokens`` reply) breaks the cost cap."""
        if self.max_cost is None:
            return
        worst = self._cost(conversation.tokens(), max_tokens)
        if self.usage.cost_usd + worst > self.max_cost:
            raise _Fallback(f"the LLM cost cap ${self.max_cost:.2f} is reached "
                            f"(spent ${self.usage.cost_usd:.4f}, next call up to ${worst:.4f})")

    def _event(self, kind: str, role: str | None, message: str, **extra) -> None:
        event = {"kind": kind, "role": role, "message": message, **extra}
        with self._lock:
            self.events.append(event)
        self.calls.write(event)
        if self.on_event is not None:
            self.on_event(event)
        if kind in ("fallback", "warning"):
            log.warning("%s", message)
