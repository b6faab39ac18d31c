"""The LLM backend: prompts, structured replies, repairs, retries, cost, cache, call log, expert fallback.

A ``Provider`` (OpenAI chat completions, Anthropic messages) only sends one conversation and returns the
raw reply. ``LLMBackend`` does everything else, the same way for every provider:

* renders ``prompts/<role>.md`` with the role input as JSON and the answer's JSON schema (narrowed to the
  input where it can be: the target must be one of the columns), compacted to fit the model's context window;
* asks for at most the role's ``ROLE_MAX_TOKENS``, within the role's deadline: each call's timeout is the
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

import email.utils
import hashlib
import json
import logging
import random
import re
import string
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, create_model

from mlpilot.agent.backends.base import Backend, T
from mlpilot.agent.backends.experience import ExperienceStore
from mlpilot.errors import MlpilotError
from mlpilot.schemas import TaskSpec
from mlpilot.tools.metrics import METRICS, check_metric_fits, get_metric
from mlpilot.tools.space import space_for

log = logging.getLogger(__name__)

CacheMode = Literal["auto", "record", "replay", "off"]

# USD per million (input, output) tokens; the longest matching model-name prefix wins.
PRICES: dict[str, tuple[float, float]] = {
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-5-nano": (0.05, 0.40),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5": (1.25, 10.00),
    "o4-mini": (1.10, 4.40),
    "o3-mini": (1.10, 4.40),
    "o3": (2.00, 8.00),
    "claude-haiku-4-5": (1.00, 5.00),
    "claude-3-5-haiku": (0.80, 4.00),
    "claude-sonnet-4": (3.00, 15.00),
    "claude-3-7-sonnet": (3.00, 15.00),
    "claude-opus-4-1": (15.00, 75.00),
    "claude-opus-4": (15.00, 75.00),
}


# context windows (tokens) of hosted models; a compatible server is asked for its own (``context_window``)
CONTEXT_WINDOWS: dict[str, int] = {"gpt-4.1": 1_047_576, "gpt-4o": 128_000, "gpt-5": 400_000, "o3": 200_000,
                                   "o4-mini": 200_000, "claude": 200_000}

# most output tokens a role's answer may take: 2-3x what the expert's answers need (a plan for a 20-column table
# is ~450 tokens, a task spec with its notes ~250)
ROLE_MAX_TOKENS = {"understand": 500, "plan": 1200, "propose": 600, "verify": 400, "code": 1500}
MIN_CALL_S = 2.0  # a call is not started with less time than this left before its role's deadline
MAX_TIMEOUTS = 2  # calls in a row that time out (or would, at the measured speed): the model is too slow for
# this run, and the expert answers every later role at once
SPEED_PROBE_S = 5.0  # the one short request that measures a local server's speed
CHARS_PER_TOKEN = 3.0  # prompt size estimate (JSON-heavy text); conservative


def _by_prefix(table: dict, model: str):
    matches = [p for p in table if model.startswith(p)]
    return table[max(matches, key=len)] if matches else None


def price_for(model: str) -> tuple[float, float] | None:
    """(input, output) USD per million tokens for ``model``, or None when unknown."""
    return _by_prefix(PRICES, model)


class UnderstandReply(TaskSpec):
    """The understand role's answer: a best-guess TaskSpec, plus a question when the request is ambiguous."""

    question: str | None = Field(
        None, description="one short question for the user when the request is ambiguous, else null"
    )


WIRE_SCHEMAS: dict[tuple[str, type], type[BaseModel]] = {("understand", TaskSpec): UnderstandReply}
"""Answer models LLMs fill instead of the graph's schema; each subclasses the graph's schema."""
MAX_ENUM_COLUMNS = 300  # beyond, the target's schema lists no columns (the check after the reply still does)


def wire_schema(role: str, schema: type[BaseModel], payload: BaseModel) -> type[BaseModel]:
    """The answer model for this call, narrowed to its input where a schema can say so: an understand reply's
    column fields must name real columns and its metric a known one, so a server that enforces the schema
    with a grammar cannot produce a non-existent target."""
    wire = WIRE_SCHEMAS.get((role, schema), schema)
    if role != "understand" or len(payload.columns) > MAX_ENUM_COLUMNS:
        return wire
    column = Literal[tuple(payload.columns)]
    optional = (column | None, None)
    return create_model(wire.__name__, __base__=wire, target=(column, ...), id_column=optional,
                        group_column=optional, time_column=optional, metric=(Literal[tuple(METRICS)], ...))


class LLMUsage(BaseModel):
    """Running totals of one backend's LLM traffic."""

    calls: int = 0
    cached_calls: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float = 0.0
    retries: int = 0
    repairs: int = 0
    fallbacks: int = 0
    seconds: float = Field(0.0, description="wall time spent waiting for the provider")


@dataclass
class Reply:
    text: str
    input_tokens: int = 0
    output_tokens: int = 0


class ProviderError(Exception):
    """A failed provider call. ``retryable`` errors are retried; ``fatal`` ones stop the run."""

    def __init__(self, message: str, *, retryable: bool = False, fatal: bool = False,
                 retry_after: float | None = None, timed_out: bool = False):
        super().__init__(message)
        self.retryable = retryable
        self.fatal = fatal
        self.retry_after = retry_after
        self.timed_out = timed_out


@dataclass
class Conversation:
    """What a provider sends: system text, alternating user/assistant turns, the answer tool."""

    role: str
    system: str
    messages: list[dict]
    schema: dict

    def repair(self, reply: str, issue: str) -> Conversation:
        """This (first) prompt, the rejected reply and why it was rejected: the same size at every repair."""
        return Conversation(role=self.role, system=self.system, schema=self.schema, messages=[
            self.messages[0], {"role": "assistant", "content": reply[:1500] or "(empty)"},
            {"role": "user", "content": f"That answer was rejected: {_short(issue, 600)}\n"
                                        "Reply again with only the corrected JSON object."}])

    def tokens(self) -> int:
        """About how many tokens the provider will count for it."""
        size = len(self.system) + sum(len(m["content"]) for m in self.messages) + len(json.dumps(self.schema))
        return int(size / CHARS_PER_TOKEN)


class Provider(ABC):
    """One LLM API. ``send`` raises ``ProviderError`` for anything but a reply."""

    name: str = "provider"

    def __init__(self, model: str, *, timeout: float, max_tokens: int, mode: str, context_window: int | None = None):
        self.model = model
        self.timeout = timeout
        self.max_tokens = max_tokens
        self.mode = mode
        self.secrets: list[str] = []
        self._context_window = context_window

    @abstractmethod
    def send(self, conversation: Conversation, *, timeout: float, max_tokens: int) -> Reply:
        """One reply within ``timeout`` seconds, of at most ``max_tokens`` tokens."""

    def context_window(self) -> int | None:
        """Tokens the model can take (prompt and reply): the setting, else what the server or the known limits
        of hosted models say, else None (unknown)."""
        if self._context_window is None:
            self._context_window = self.probe_context_window() or _by_prefix(CONTEXT_WINDOWS, self.model) or 0
        return self._context_window or None

    def probe_context_window(self) -> int | None:
        """Ask the server; providers that can override this."""
        return None

    def speed(self, timeout: float) -> tuple[float, float] | None:
        """(prompt, generated) tokens per second, measured once on a short request where the server reports its
        timings (llama.cpp); None when it does not (hosted APIs: fast enough that their timeouts are rare).
        Raises ``ProviderError`` when the request fails."""
        return None


def sdk_error(exc: Exception, sdk: Any, provider: str, model: str) -> ProviderError:
    """Map an OpenAI/Anthropic SDK exception (both share the same classes) to a ``ProviderError``."""
    if isinstance(exc, sdk.APITimeoutError):
        return ProviderError(f"{provider} timed out", retryable=True, timed_out=True)
    if isinstance(exc, sdk.APIConnectionError):
        return ProviderError(f"cannot reach {provider}: {exc}", retryable=True)
    if not isinstance(exc, sdk.APIStatusError):
        return ProviderError(f"{provider} failed: {exc}")
    status = exc.status_code
    if status in (401, 403):
        return ProviderError(
            f"{provider} rejected the API key (HTTP {status}): set a valid key or use --llm expert", fatal=True
        )
    if status == 404:
        return ProviderError(
            f"{provider} does not know model {model!r} (HTTP 404): check the model name and --base-url",
            fatal=True,
        )
    retryable = status in (408, 409, 429) or status >= 500
    return ProviderError(f"{provider} answered HTTP {status}: {_short(str(exc))}", retryable=retryable,
                         retry_after=retry_after_s(exc.response.headers))


def retry_after_s(headers: Any) -> float | None:
    """Seconds to wait from ``retry-after-ms`` / ``retry-after`` (seconds or an HTTP date), else None."""
    if value := headers.get("retry-after-ms"):
        try:
            return float(value) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        when = email.utils.parsedate_to_datetime(value)
        return max(0.0, when.timestamp() - time.time()) if when else None


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


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "..."


def validation_message(exc: ValidationError) -> str:
    lines = [f"{'.'.join(map(str, e['loc'])) or '(root)'}: {e['msg']}" for e in exc.errors()[:12]]
    return "; ".join(lines)


# ---------------------------------------------------------------------------------------------- prompts

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
    values.update(role_context(role, payload, experience, compact))
    user = string.Template(template).substitute(values)
    system = string.Template(SYSTEM).substitute(role=role)
    return Conversation(role=role, system=system, messages=[{"role": "user", "content": user}],
                        schema=json_schema)


SHOWN = {False: (15, 10), True: (5, 3)}  # (best, latest) history rows in a propose prompt, by compactness


def role_context(role: str, payload: BaseModel, experience: ExperienceStore | None,
                 compact: bool = False) -> dict[str, str]:
    """Extra template values a role needs beyond its input JSON."""
    if role == "plan":
        return {"experience": experience.prompt_text(payload.profile) if experience else "(none)"}
    if role != "propose":
        return {}
    metric = get_metric(payload.spec.metric)
    done = [t for t in payload.history if t.state == "COMPLETE" and t.value is not None]
    ranked = sorted(done, key=lambda t: t.value, reverse=metric.greater_is_better)
    best_shown, recent_shown = SHOWN[compact]
    shown = sorted({t.number: t for t in ranked[:best_shown] + done[-recent_shown:]}.values(), key=lambda t: t.number)
    rows = [json.dumps({"config": t.config, "score": round(t.value, 6), "source": t.source}, sort_keys=True)
            for t in shown]
    if len(done) > len(shown):
        rows.append(f"({len(done) - len(shown)} other finished trials not shown: the best {best_shown} and the "
                    f"latest {recent_shown} are above)")
    broken = [t for t in payload.history if t.state in ("FAIL", "TIMEOUT")]
    failed = [json.dumps({"config": t.config, "state": t.state, "reason": _short(t.reason or "", 120)},
                         sort_keys=True) for t in broken[-recent_shown:]]
    if done:
        best = ranked[0].value
        step = 0.01 * (abs(ranked[0].value - ranked[-1].value) or abs(best) or 1.0)
        target = best + step if metric.greater_is_better else best - step
        goal = f"best so far {best:.6g}; propose configurations expected to reach about {target:.6g}"
    else:
        goal = "no finished trial yet; propose strong, diverse starting configurations"
    context = payload.model_dump(mode="json", include={"spec", "plan"}, exclude_none=True)
    context["data"] = _profile_summary(payload.profile)
    indent = None if compact else 1
    return {
        "context": json.dumps(context, indent=indent),
        "space": json.dumps(payload.space, indent=indent),
        "history": "\n".join(rows) or "(none)",
        "failed": "\n".join(failed) or "(none)",
        "direction": "higher" if metric.greater_is_better else "lower",
        "goal": goal,
        "n": str(payload.n),
    }


def _profile_summary(profile) -> dict:
    roles: dict[str, int] = {}
    for column in profile.features():
        roles[column.role] = roles.get(column.role, 0) + 1
    return {"n_rows": profile.n_rows, "n_features": len(profile.features()), "feature_roles": roles,
            "task_type": profile.task_type, "class_counts": profile.class_counts,
            "missing_frac": round(profile.missing_frac, 4), "target_skew": profile.target_skew}


# ------------------------------------------------------------------------------------- answer checks


def problems(role: str, payload: BaseModel, answer: BaseModel) -> list[str]:
    """What is wrong with a schema-valid answer given its input; fed back to the model as a repair."""
    if role == "understand":
        columns = set(payload.columns)
        out = [f"{field} {getattr(answer, field)!r} is not a column; columns are {sorted(columns)}"
               for field in ("target", "id_column", "group_column", "time_column")
               if getattr(answer, field) is not None and getattr(answer, field) not in columns]
        try:
            check_metric_fits(get_metric(answer.metric), answer.task_type)
        except MlpilotError as exc:
            out.append(str(exc))
        return out
    if role == "plan":
        excluded = set(payload.spec.constraints.exclude_families)
        out = [f"family {c.family} is excluded by the request" for c in answer.candidates if c.family in excluded]
        space = space_for([c.family for c in answer.candidates], payload.spec.task_type)
        defaults = [{**d, "family": c.family} for c in answer.candidates for d in c.defaults]
        out += [p for i, d in enumerate(defaults) for p in config_problems(i, d, space, "defaults")]
        return out + ([] if answer.candidates else ["candidates is empty: give at least one family"])
    if role == "propose":
        return [p for i, c in enumerate(answer.configs) for p in config_problems(i, c, payload.space, "configs")]
    if role == "verify":
        failed = [c.name for c in payload.checks if not c.passed and c.severity == "error"]
        if answer.decision == "pass" and failed:
            return [f"decision cannot be 'pass' while error checks failed: {', '.join(failed)}"]
    return []


def tidy(role: str, payload: BaseModel, answer: BaseModel) -> BaseModel:
    """Fixes that need no round trip: integer parameters as ints, at most ``n`` proposals, each default
    configuration naming its family, the verdict carrying our own checks."""
    if role == "propose":
        answer.configs = [_as_ints(c, payload.space) for c in answer.configs[: payload.n]]
    if role == "plan":
        space = space_for([c.family for c in answer.candidates], payload.spec.task_type)
        for c in answer.candidates:
            c.defaults = [_as_ints({**d, "family": c.family}, space) for d in c.defaults]
    if role == "verify":
        answer.checks = list(payload.checks)  # the checks and their numbers are ours, never the model's
    return answer


def _as_ints(config: dict, space: dict[str, dict]) -> dict:
    params = space[config["family"]]
    return {k: int(v) if k != "family" and _bounds(params[k])[3] == "int" else v for k, v in config.items()}


def config_problems(i: int, config: dict, space: dict[str, dict], where: str) -> list[str]:
    family = config.get("family")
    if family not in space:
        return [f"{where}[{i}].family {family!r} is not one of {sorted(space)}"]
    out = []
    for name, value in config.items():
        if name == "family":
            continue
        if name not in space[family]:
            out.append(f"{where}[{i}]: {family} has no parameter {name!r}; parameters: {sorted(space[family])}")
            continue
        low, high, choices, kind = _bounds(space[family][name])
        if choices is not None and value not in choices:
            out.append(f"{where}[{i}].{name}={value!r} is not one of {choices}")
        elif choices is None and not (isinstance(value, (int, float)) and not isinstance(value, bool)
                                      and low <= value <= high):
            out.append(f"{where}[{i}].{name}={value!r} is outside [{low}, {high}]")
        elif kind == "int" and value != int(value):
            out.append(f"{where}[{i}].{name}={value!r} must be an integer")
    return out


def _bounds(param: list) -> tuple[float | None, float | None, list | None, str]:
    """(low, high, choices, kind) of a space entry: ``[kind, low, high, scale]``, ``["cat", choices]``,
    ``[low, high]`` or a plain list of choices."""
    if param and param[0] in ("float", "int"):
        return param[1], param[2], None, param[0]
    if param and param[0] == "cat":
        return None, None, list(param[1]), "cat"
    numeric = len(param) == 2 and all(isinstance(b, (int, float)) and not isinstance(b, bool) for b in param)
    return (param[0], param[1], None, "float") if numeric else (None, None, list(param), "cat")


# ------------------------------------------------------------------------------------ cache and log


class ResponseCache:
    """Replies on disk, one JSON file per key, so a rerun (or a test) replays them exactly.

    "record" also writes ``order.jsonl``, the sequence of (role, key) of the recorded run. A replayed run
    whose prompt for a role differs (budgets and timings never repeat exactly) gets that role's next
    recorded reply in order, which still has to pass validation.
    """

    def __init__(self, directory: Path | None, mode: CacheMode):
        self.dir = Path(directory) if directory else None
        self.mode: CacheMode = mode if self.dir else "off"
        self._lock = threading.Lock()
        self._order: dict[str, list[str]] = {}
        self._cursor: dict[str, int] = {}
        if self.mode == "replay":
            if not (self.dir and self.dir.is_dir()):
                raise MlpilotError(f"replay needs a recorded cache directory, {directory} does not exist: record first")
            order = self.dir / "order.jsonl"
            for line in order.read_text().splitlines() if order.exists() else []:
                entry = json.loads(line)
                self._order.setdefault(entry["role"], []).append(entry["key"])
        elif self.mode == "record":
            self.dir.mkdir(parents=True, exist_ok=True)
            (self.dir / "order.jsonl").write_text("")

    @staticmethod
    def key(provider: Provider, conversation: Conversation) -> str:
        blob = json.dumps([provider.name, provider.model, provider.mode, conversation.system,
                           conversation.messages, conversation.schema], sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()

    def get(self, key: str, role: str) -> tuple[Reply | None, str]:
        """(reply, how): how is "exact", "in order" (replay of a changed prompt) or "miss"."""
        if self.mode not in ("auto", "replay"):
            return None, "miss"
        with self._lock:
            found, how = key, "exact"
            if self.mode == "replay":
                i = self._cursor.get(role, 0)
                self._cursor[role] = i + 1
                recorded = self._order.get(role, [])
                if not (self.dir / f"{key}.json").exists() and i < len(recorded):
                    found, how = recorded[i], "in order"
            path = self.dir / f"{found}.json"
            return (Reply(**json.loads(path.read_text())), how) if path.exists() else (None, "miss")

    def put(self, key: str, role: str, reply: Reply) -> None:
        if self.mode not in ("auto", "record"):
            return
        with self._lock:
            self.dir.mkdir(parents=True, exist_ok=True)
            tmp = self.dir / f"{key}.tmp"
            tmp.write_text(json.dumps(reply.__dict__))
            tmp.replace(self.dir / f"{key}.json")
            if self.mode == "record":
                with open(self.dir / "order.jsonl", "a") as fh:
                    fh.write(json.dumps({"role": role, "key": key}) + "\n")


class CallLog:
    """``llm_calls.jsonl``: one line per call or event, secrets redacted."""

    PATTERNS = [re.compile(r"sk-[A-Za-z0-9_\-]{8,}"), re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._\-]+"),
                re.compile(r"(?i)(x-api-key\W+)[A-Za-z0-9._\-]+")]

    def __init__(self, secrets: list[str]):
        self.secrets = [s for s in secrets if s and len(s) >= 4]
        self.dir: Path | None = None
        self._lock = threading.Lock()

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "[REDACTED]")
        for pattern in self.PATTERNS:
            text = pattern.sub(lambda m: (m.group(1) if m.groups() else "") + "[REDACTED]", text)
        return text

    def write(self, record: dict) -> None:
        if self.dir is None:
            return
        line = self.redact(json.dumps({"time": round(time.time(), 3), **record}, default=str))
        with self._lock:
            self.dir.mkdir(parents=True, exist_ok=True)
            with open(self.dir / "llm_calls.jsonl", "a") as fh:
                fh.write(line + "\n")


# -------------------------------------------------------------------------------------------- backend


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

    def complete(self, role: str, payload: BaseModel, schema: type[T], *, deadline: float | None = None) -> T:
        answer = self.try_complete(role, payload, schema, deadline=deadline)
        return self.fallback.complete(role, payload, schema) if answer is None else answer

    def try_complete(self, role: str, payload: BaseModel, schema: type[T], *,
                     deadline: float | None = None) -> T | None:
        """The LLM's validated answer, or None (with a fallback event) when it cannot give one by ``deadline``."""
        started = time.monotonic()
        outcome = {"kind": "outcome", "role": role,
                   "deadline_s": None if deadline is None else round(deadline - started, 2)}
        try:
            answer, turns = self._ask(role, payload, schema, deadline)
        except _Fallback as why:
            with self._lock:
                self.usage.fallbacks += 1
            self.calls.write({**outcome, "outcome": "expert", "seconds": round(time.monotonic() - started, 2)})
            self._event("fallback", role, f"{role}: the expert policy took this step because {why}")
            return None
        self.calls.write({**outcome, "outcome": "used" if turns == 1 else f"repaired ({turns} replies)",
                          "seconds": round(time.monotonic() - started, 2)})
        return answer

    def _ask(self, role: str, payload: BaseModel, schema: type[T], deadline: float | None) -> tuple[T, int]:
        """The validated answer and the number of replies it took."""
        wire = WIRE_SCHEMAS.get((role, schema), schema)
        narrow = wire_schema(role, schema, payload)
        max_tokens = min(self.provider.max_tokens, ROLE_MAX_TOKENS.get(role, self.provider.max_tokens))
        first = self._fitted(role, payload, narrow, max_tokens)
        conversation = first
        for turn in range(self.max_repairs + 1):
            reply = self._call(conversation, turn, deadline, max_tokens)
            try:
                answer = wire.model_validate(narrow.model_validate(parse_json(reply.text)).model_dump())
                issue = "; ".join(problems(role, payload, answer))
            except json.JSONDecodeError as exc:
                issue = f"the reply is not valid JSON ({exc})"
            except ValidationError as exc:
                issue = f"the reply does not match the schema: {validation_message(exc)}"
            if not issue:
                return tidy(role, payload, answer), turn + 1
            self._event("invalid", role, _short(issue, 600), turn=turn)
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
        room = window - max_tokens - 800  # a repair adds the rejected reply (at most ~500 tokens) and the error
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
