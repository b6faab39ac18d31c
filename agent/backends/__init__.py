"""Backends answer the graph's roles: the built-in expert policy (default) or an LLM provider.

Which one, in order of precedence: the ``spec`` argument (``--llm``), ``MLPILOT_LLM``, the ``[llm]`` table
of ``mlpilot.toml`` (in the working directory, or the file named by ``MLPILOT_CONFIG``), then "expert".
Specs: ``expert``, ``openai:MODEL``, ``anthropic:MODEL``, ``openai-compatible:MODEL`` (with a base URL).
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from mlpilot.agent.backends.base import Backend
from mlpilot.errors import MlpilotError

__all__ = ["Backend", "get_backend", "load_settings"]

PROVIDERS = ("openai", "anthropic", "openai-compatible")
SETTINGS = {
    "backend": str, "base_url": str, "max_cost": float, "timeout": float, "max_tokens": int, "mode": str,
    "cache_dir": str, "cache_mode": str, "max_repairs": int, "max_retries": int,
    "input_price": float, "output_price": float, "experience": str,
}


def load_settings(config_file: Path | str | None = None) -> dict:
    """The ``[llm]`` table of ``mlpilot.toml``, checked; {} when there is no file."""
    path = Path(config_file or os.environ.get("MLPILOT_CONFIG") or "mlpilot.toml")
    if not path.is_file():
        if config_file or os.environ.get("MLPILOT_CONFIG"):
            raise MlpilotError(f"config file {path} does not exist: fix the path or unset MLPILOT_CONFIG")
        return {}
    try:
        table = tomllib.loads(path.read_text()).get("llm", {})
    except tomllib.TOMLDecodeError as exc:
        raise MlpilotError(f"{path} is not valid TOML ({exc}): fix the file") from None
    unknown = sorted(set(table) - set(SETTINGS))
    if unknown:
        raise MlpilotError(f"unknown [llm] keys in {path}: {', '.join(unknown)}; known: {', '.join(SETTINGS)}")
    try:
        return {key: SETTINGS[key](value) for key, value in table.items()}
    except (TypeError, ValueError) as exc:
        raise MlpilotError(f"bad value in the [llm] table of {path} ({exc}): fix the file") from None


def get_backend(
    spec: str | Backend | None = None,
    *,
    base_url: str | None = None,
    max_cost: float | None = None,
    log_dir: Path | None = None,
    config_file: Path | str | None = None,
    **options,
) -> Backend:
    """Resolve ``"expert"`` (default) or a provider spec such as ``"openai:gpt-4.1-mini"``.

    ``options`` override the config file's: timeout, max_tokens, mode, cache_dir, cache_mode, max_repairs,
    max_retries, input_price, output_price (USD per million tokens), experience (the experience store
    file). An LLM backend passed in as an object gets ``log_dir`` set, so its calls are logged there.
    """
    if isinstance(spec, Backend):
        if log_dir is not None and hasattr(spec, "log_dir"):
            spec.log_dir = log_dir
        return spec
    settings = {**load_settings(config_file), **{k: v for k, v in options.items() if v is not None}}
    unknown = sorted(set(settings) - set(SETTINGS))
    if unknown:
        raise MlpilotError(f"unknown LLM options {', '.join(unknown)}: use {', '.join(SETTINGS)}")
    configured = {key: settings.pop(key, None) for key in ("backend", "base_url", "max_cost")}
    spec = spec or os.environ.get("MLPILOT_LLM") or configured["backend"] or "expert"
    if spec == "expert":
        from mlpilot.agent.backends.expert import ExpertBackend

        return ExpertBackend()
    provider_name, _, model = spec.partition(":")
    if provider_name not in PROVIDERS or not model:
        raise MlpilotError(
            f"unknown LLM backend {spec!r}: use 'expert', 'openai:MODEL', 'anthropic:MODEL' "
            "or 'openai-compatible:MODEL' with --base-url"
        )
    base_url = base_url or os.environ.get("MLPILOT_BASE_URL") or configured["base_url"]
    if max_cost is None:
        env_cost = os.environ.get("MLPILOT_MAX_LLM_COST")
        max_cost = float(env_cost) if env_cost else configured["max_cost"]
    provider_args = {k: settings.pop(k) for k in ("timeout", "max_tokens", "mode") if k in settings}
    if provider_name == "anthropic":
        from mlpilot.agent.backends.anthropic_backend import AnthropicProvider

        provider = AnthropicProvider(model, base_url=base_url, **provider_args)
    else:
        from mlpilot.agent.backends.openai_backend import OpenAIProvider

        provider = OpenAIProvider(model, base_url=base_url, compatible=provider_name == "openai-compatible",
                                  **provider_args)
    from mlpilot.agent.backends.llm import LLMBackend

    prices = None
    if "input_price" in settings or "output_price" in settings:
        prices = (settings.pop("input_price", 0.0), settings.pop("output_price", 0.0))
    cache_dir = settings.pop("cache_dir", None) or os.environ.get("MLPILOT_LLM_CACHE_DIR") or (
        Path.home() / ".cache" / "mlpilot" / "llm"
    )
    cache_mode = settings.pop("cache_mode", None) or os.environ.get("MLPILOT_LLM_CACHE") or "auto"
    if cache_mode not in ("auto", "record", "replay", "off"):
        raise MlpilotError(f"unknown LLM cache mode {cache_mode!r}: use auto, record, replay or off")
    from mlpilot.agent.backends.experience import ExperienceStore

    experience = ExperienceStore(settings.pop("experience", None))
    return LLMBackend(provider, max_cost=max_cost, log_dir=log_dir, cache_dir=Path(cache_dir),
                      cache_mode=cache_mode, prices=prices, experience=experience, **settings)
