"""OpenAI chat completions, for OpenAI itself and any OpenAI-compatible server (vLLM, Ollama, LM Studio...).

Structured output ``mode``: "json_schema" (response_format, the default), "tools" (a forced function
call, for servers without JSON-schema output) or "json" (the prompt alone asks for JSON).
"""

from __future__ import annotations

import os

from mlpilot.agent.backends.provider import Conversation, Provider, ProviderError, Reply, sdk_error
from mlpilot.errors import MlpilotError

MODES = ("json_schema", "tools", "json")


class OpenAIProvider(Provider):
    def __init__(self, model: str, *, base_url: str | None = None, compatible: bool = False,
                 api_key: str | None = None, timeout: float = 60.0, max_tokens: int = 4096,
                 mode: str = "json_schema", context_window: int | None = None):
        if mode not in MODES:
            raise MlpilotError(f"unknown structured-output mode {mode!r}: use one of {', '.join(MODES)}")
        super().__init__(model, timeout=timeout, max_tokens=max_tokens, mode=mode, context_window=context_window)
        self.base_url = base_url
        self.name = "openai-compatible" if compatible else "openai"
        if compatible and not base_url:
            raise MlpilotError("openai-compatible needs the server address: pass --base-url http://host:port/v1")
        key = api_key or os.environ.get("MLPILOT_LLM_API_KEY") or os.environ.get("OPENAI_API_KEY")
        if not key and not compatible:
            raise MlpilotError("OPENAI_API_KEY is not set: export it, or use --llm expert")
        import openai

        self._sdk = openai
        self.secrets = [key] if key else []
        self.client = openai.OpenAI(api_key=key or "not-needed", base_url=base_url, timeout=timeout,
                                    max_retries=0)

    def probe_context_window(self) -> int | None:
        """A compatible server's context size: llama.cpp's ``/props`` or ``/v1/models`` metadata, vLLM's
        ``max_model_len``, Ollama's ``/api/show``; None when it says nothing."""
        if self.name != "openai-compatible":
            return None
        import httpx

        api = self.base_url.rstrip("/")
        root = api.removesuffix("/v1")
        probes = [("GET", f"{root}/props", None, lambda d: d["default_generation_settings"]["n_ctx"]),
                  ("GET", f"{api}/models", None, lambda d: _model_entry(d["data"], self.model)),
                  ("POST", f"{root}/api/show", {"model": self.model},
                   lambda d: next(v for k, v in d["model_info"].items() if k.endswith(".context_length")))]
        for method, url, body, read in probes:
            try:
                response = httpx.request(method, url, json=body, timeout=1.0)  # once per run, outside any deadline
                value = read(response.raise_for_status().json())
                if value:
                    return int(value)
            except (httpx.HTTPError, ValueError, KeyError, TypeError, StopIteration, IndexError, AttributeError):
                continue
        return None

    def speed(self, timeout: float) -> tuple[float, float] | None:
        if self.name != "openai-compatible":
            return None
        words = " ".join(["the table has columns and rows"] * 12)  # ~80 tokens: a prompt, not a single word
        try:
            response = self.client.chat.completions.create(
                model=self.model, messages=[{"role": "user", "content": f"{words}. Say OK."}], max_tokens=4,
                timeout=timeout)
        except self._sdk.OpenAIError as exc:
            raise sdk_error(exc, self._sdk, self.name, self.model) from None
        timings = (response.model_extra or {}).get("timings") or {}
        rates = timings.get("prompt_per_second"), timings.get("predicted_per_second")
        return tuple(float(r) for r in rates) if all(rates) else None

    def send(self, conversation: Conversation, *, timeout: float, max_tokens: int) -> Reply:
        kwargs: dict = {
            "model": self.model,
            "messages": [{"role": "system", "content": conversation.system}, *conversation.messages],
            # OpenAI's newer models want max_completion_tokens; compatible servers know max_tokens.
            ("max_tokens" if self.name == "openai-compatible" else "max_completion_tokens"): max_tokens,
            "timeout": timeout,
        }
        if self.mode == "json_schema":
            kwargs["response_format"] = {"type": "json_schema", "json_schema": {
                "name": conversation.role, "schema": conversation.schema, "strict": False}}
        elif self.mode == "tools":
            kwargs["tools"] = [{"type": "function", "function": {
                "name": conversation.role, "description": f"Give the {conversation.role} answer.",
                "parameters": conversation.schema}}]
            kwargs["tool_choice"] = {"type": "function", "function": {"name": conversation.role}}
        try:
            response = self.client.chat.completions.create(**kwargs)
        except self._sdk.OpenAIError as exc:
            raise sdk_error(exc, self._sdk, self.name, self.model) from None
        if not response.choices:
            raise ProviderError(f"{self.name} returned no choices", retryable=True)
        message = response.choices[0].message
        calls = message.tool_calls or []
        text = calls[0].function.arguments if calls else (message.content or "")
        usage = response.usage
        return Reply(text=text, input_tokens=usage.prompt_tokens if usage else 0,
                     output_tokens=usage.completion_tokens if usage else 0)


def _model_entry(models: list[dict], model: str) -> int | None:
    """The context size in a ``/v1/models`` entry (the one named ``model``, else the only one)."""
    entry = next((m for m in models if m.get("id") == model), models[0] if len(models) == 1 else None)
    return entry and (entry.get("max_model_len") or (entry.get("meta") or {}).get("n_ctx"))
