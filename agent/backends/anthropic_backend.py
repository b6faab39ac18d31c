"""Anthropic messages. Structured output ``mode``: "tools" (a forced tool call, the default) or "json"."""

from __future__ import annotations

import json
import os

from mlpilot.agent.backends.provider import Conversation, Provider, Reply, sdk_error
from mlpilot.errors import MlpilotError

MODES = ("tools", "json")


class AnthropicProvider(Provider):
    name = "anthropic"

    def __init__(self, model: str, *, base_url: str | None = None, api_key: str | None = None,
                 timeout: float = 60.0, max_tokens: int = 4096, mode: str = "tools", context_window: int | None = None):
        if mode not in MODES:
            raise MlpilotError(f"unknown structured-output mode {mode!r}: use one of {', '.join(MODES)}")
        super().__init__(model, timeout=timeout, max_tokens=max_tokens, mode=mode, context_window=context_window)
        key = api_key or os.environ.get("ANTHROPIC_API_KEY")
        if not key:
            raise MlpilotError("ANTHROPIC_API_KEY is not set: export it, or use --llm expert")
        import anthropic

        self._sdk = anthropic
        self.secrets = [key]
        self.client = anthropic.Anthropic(api_key=key, base_url=base_url, timeout=timeout, max_retries=0)

    def send(self, conversation: Conversation, *, timeout: float, max_tokens: int) -> Reply:
        kwargs: dict = {"model": self.model, "max_tokens": max_tokens, "system": conversation.system,
                        "messages": conversation.messages, "timeout": timeout}
        if self.mode == "tools":
            kwargs["tools"] = [{"name": conversation.role, "description": f"Give the {conversation.role} answer.",
                                "input_schema": conversation.schema}]
            kwargs["tool_choice"] = {"type": "tool", "name": conversation.role}
        try:
            response = self.client.messages.create(**kwargs)
        except self._sdk.AnthropicError as exc:
            raise sdk_error(exc, self._sdk, self.name, self.model) from None
        tool = next((b for b in response.content if b.type == "tool_use"), None)
        if tool is not None:
            text = json.dumps(tool.input)
        else:
            text = "".join(b.text for b in response.content if b.type == "text")
        return Reply(text=text, input_tokens=response.usage.input_tokens, output_tokens=response.usage.output_tokens)
