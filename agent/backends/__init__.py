"""Backends answer the graph's roles: the built-in expert policy (default) or an LLM provider.

Which one, and every setting, in order of precedence: the arguments (``--llm``, ``--base-url``,
``--max-llm-cost``), the environment (``MLPILOT_LLM``, ``MLPILOT_BASE_URL``, ``MLPILOT_MAX_LLM_COST``,
``MLPILOT_LLM_CACHE``, ``MLPILOT_LLM_CACHE_DIR``), the ``[llm]`` table of ``mlpilot.toml`` (in the working
directory, or the file named by ``MLPILOT_CONFIG``), then "expert".
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
ENVIRONMENT = {"backend": "MLPILOT_LLM", "base_url": "MLPILOT_BASE_URL", "max_cost": "MLPILOT_MAX_LLM_COST",
               "cache_dir": "MLPILOT_LLM_CACHE_DIR", "cache_mode": "MLPILOT_LLM_CACHE"}
SETTINGS = {
    "backend": str, "base_url": str, "max_cost": float, "timeout": float, "max_tokens": int, "mode": str,
    "context_window": int,
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

    ``options`` override the config file's: timeout, max_tokens, mode, context_window (tokens; else asked of
    the server), cache_dir, cache_mode, max_repairs,
    max_retries, input_price, output_price (USD per million tokens), experience (the experience store
    file). An LLM backend passed in as an object gets ``log_dir`` set, so its calls are logged there.
    """
    if isinstance(spec, Backend):
        if log_dir is not None:
            spec.log_dir = log_dir
        return spec
    unknown = sorted(set(options) - set(SETTINGS))
    if unknown:
        raise MlpilotError(f"unknown LLM options {', '.join(unknown)}: use {', '.join(SETTINGS)}")
    # arguments, then the environment, then mlpilot.toml
    given = {"backend": spec, "base_url": base_url, "max_cost": max_cost,
             **{k: v for k, v in options.items() if v is not None}}
    settings = load_settings(config_file)
    for key, variable in ENVIRONMENT.items():
        if os.environ.get(variable):
            try:
                settings[key] = SETTINGS[key](os.environ[variable])
            except ValueError:
                value = os.environ[variable]
                raise MlpilotError(f"{variable}={value!r} is not a valid {key}: fix or unset it") from None
    settings.update({k: v for k, v in given.items() if v is not None})
    spec = settings.pop("backend", None) or "expert"
    from mlpilot.agent.backends.experience import ExperienceStore

    experience = ExperienceStore(settings.pop("experience", None))
    if spec == "expert":
        from mlpilot.agent.backends.expert import ExpertBackend

        return ExpertBackend(experience)
    provider_name, _, model = spec.partition(":")
    if provider_name not in PROVIDERS or not model:
        raise MlpilotError(
            f"unknown LLM backend {spec!r}: use 'expert', 'openai:MODEL', 'anthropic:MODEL' "
            "or 'openai-compatible:MODEL' with --base-url"
        )
    base_url = settings.pop("base_url", None)
    max_cost = settings.pop("max_cost", None)
    provider_args = {k: settings.pop(k) for k in ("timeout", "max_tokens", "mode", "context_window") if k in settings}
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
    cache_dir = settings.pop("cache_dir", None) or Path.home() / ".cache" / "mlpilot" / "llm"
    cache_mode = settings.pop("cache_mode", "auto")
    if cache_mode not in ("auto", "record", "replay", "off"):
        raise MlpilotError(f"unknown LLM cache mode {cache_mode!r}: use auto, record, replay or off")
    return LLMBackend(provider, max_cost=max_cost, log_dir=log_dir, cache_dir=Path(cache_dir),
                      cache_mode=cache_mode, prices=prices, experience=experience, **settings)
