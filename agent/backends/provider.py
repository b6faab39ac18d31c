"""The provider seam: one LLM API sends one conversation and returns the raw reply (or a ``ProviderError``).

``OpenAIProvider`` and ``AnthropicProvider`` implement it; everything else (prompts, checks, retries, cache,
cost) is the LLM backend's, the same for every provider.
"""

from __future__ import annotations

import email.utils
import json
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any

CHARS_PER_TOKEN = 3.0  # prompt size estimate (JSON-heavy text); conservative

# context windows (tokens) of hosted models; a compatible server is asked for its own (``context_window``)
CONTEXT_WINDOWS: dict[str, int] = {"gpt-4.1": 1_047_576, "gpt-4o": 128_000, "gpt-5": 400_000, "o3": 200_000,
                                   "o4-mini": 200_000, "claude": 200_000}


def by_prefix(table: dict, model: str):
    """``table``'s entry for the longest key that ``model`` starts with, or None."""
    matches = [p for p in table if model.startswith(p)]
    return table[max(matches, key=len)] if matches else None


def shorten(text: str, limit: int = 300) -> str:
    """``text`` on one line, cut to ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "..."


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
            {"role": "user", "content": f"That answer was rejected: {shorten(issue, 600)}\n"
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
            self._context_window = self.probe_context_window() or by_prefix(CONTEXT_WINDOWS, self.model) or 0
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
    return ProviderError(f"{provider} answered HTTP {status}: {shorten(str(exc))}", retryable=retryable,
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
