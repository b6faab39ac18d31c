"""The response cache, record/replay, and how a backend is chosen from arguments, environment and mlpilot.toml."""

from __future__ import annotations

import pytest
from wire_server import WireServer

from mlpilot.agent.backends import get_backend
from mlpilot.agent.backends.llm import LLMBackend
from mlpilot.errors import MlpilotError

SPEC = {"task_type": "binary", "target": "churn", "metric": "roc_auc"}


def test_cache_makes_a_rerun_reproducible_without_the_server(make_backend, understand_input):
    with WireServer([{"json": SPEC}, {"json": {**SPEC, "metric": "accuracy"}}]) as server:
        first = make_backend(server, cache_mode="auto").complete("understand", understand_input)
    # The server is gone: a new backend with the same cache answers identically, for free.
    rerun = make_backend(server, cache_mode="auto")
    again = rerun.complete("understand", understand_input)
    assert again == first and again.metric == "roc_auc"
    assert rerun.usage.cached_calls == 1 and rerun.usage.calls == 0 and rerun.usage.cost_usd == 0


def test_record_then_replay_offline(make_backend, understand_input, tmp_path):
    cassette = tmp_path / "cassette"
    with WireServer([{"json": SPEC}, {"json": {**SPEC, "metric": "f1"}}]) as server:
        make_backend(server, cache_mode="record", cache_dir=str(cassette)).complete(
            "understand", understand_input)
        # record mode never reads the cache: it asks the provider again and overwrites the recording
        recorded = make_backend(server, cache_mode="record", cache_dir=str(cassette)).complete(
            "understand", understand_input)
    assert len(server.requests) == 2 and recorded.metric == "f1"
    replay = make_backend(server, cache_mode="replay", cache_dir=str(cassette))
    assert replay.complete("understand", understand_input).metric == "f1"
    assert replay.usage.cached_calls == 1


def test_replay_needs_a_recording(make_backend, tmp_path):
    with WireServer([]) as server, pytest.raises(MlpilotError, match="record first"):
        make_backend(server, cache_mode="replay", cache_dir=str(tmp_path / "nothing"))


def test_spec_from_environment_and_config_file(make_backend, monkeypatch, tmp_path):
    monkeypatch.setenv("MLPILOT_LLM", "anthropic:claude-sonnet-4-5")
    backend = get_backend(cache_mode="off")
    assert isinstance(backend, LLMBackend) and backend.name == "anthropic:claude-sonnet-4-5"
    monkeypatch.delenv("MLPILOT_LLM")
    (tmp_path / "mlpilot.toml").write_text(
        '[llm]\nbackend = "openai-compatible:qwen2.5-coder"\nbase_url = "http://127.0.0.1:9/v1"\n'
        'max_cost = 0.5\ncache_mode = "off"\nmax_repairs = 1\ninput_price = 0.1\noutput_price = 0.2\n'
    )
    backend = get_backend()
    assert backend.name == "openai-compatible:qwen2.5-coder"
    assert str(backend.provider.client.base_url).startswith("http://127.0.0.1:9/v1")
    assert (backend.max_cost, backend.max_repairs, backend.prices, backend.cache.mode) == (0.5, 1, (0.1, 0.2), "off")
    # arguments beat the environment, which beats the file
    monkeypatch.setenv("MLPILOT_MAX_LLM_COST", "0.25")
    assert get_backend().max_cost == 0.25
    assert get_backend(max_cost=0.1).max_cost == 0.1
    assert get_backend("openai:gpt-4.1", cache_mode="off").name == "openai:gpt-4.1"


@pytest.mark.parametrize("text, message", [
    ('[llm]\nbackend = "openai:gpt-4.1-mini"\ntemperature = 0.2\n', "unknown .llm. keys in .*: temperature"),
    ('[llm]\nbackend = "openai:gpt-4.1-mini"\nmax_cost = "lots"\n', "bad value in the .llm. table"),
    ("[llm\n", "is not valid TOML"),
])
def test_bad_config_file_is_a_clear_error(make_backend, tmp_path, text, message):
    (tmp_path / "mlpilot.toml").write_text(text)
    with pytest.raises(MlpilotError, match=message):
        get_backend()


@pytest.mark.parametrize("spec", ["gpt-4", "openai:", "cohere:command-r", "expert:x"])
def test_unknown_backend_spec(make_backend, spec):
    with pytest.raises(MlpilotError, match="unknown LLM backend"):
        get_backend(spec)


def test_unknown_price_is_a_warning(make_backend):
    with WireServer([]) as server:
        backend = make_backend(server, "openai:gpt-9-preview", max_cost=1.0)
    assert backend.prices is None
    assert any("cannot cap it" in e["message"] for e in backend.events)


def test_backend_object_gets_the_run_directory(make_backend, tmp_path):
    with WireServer([]) as server:
        backend = make_backend(server)
    assert get_backend(backend, log_dir=tmp_path / "other") is backend
    assert backend.log_dir == tmp_path / "other"


def test_replay_serves_a_changed_prompt_the_next_recorded_reply_of_its_role(make_backend, understand_input,
                                                                           tmp_path):
    cassette = str(tmp_path / "cassette")
    first, second = {**SPEC, "metric": "accuracy"}, {**SPEC, "metric": "f1"}
    with WireServer({"understand": [{"json": first}, {"json": second}]}) as server:
        recorder = make_backend(server, cache_mode="record", cache_dir=cassette)
        recorder.complete("understand", understand_input)
        recorder.complete("understand", understand_input.model_copy(update={"n_rows": 501}))
    replay = make_backend(server, cache_mode="replay", cache_dir=cassette)
    changed = understand_input.model_copy(update={"time_budget_s": 33.3})  # a budget that never repeats
    assert replay.complete("understand", changed).metric == "accuracy"
    assert replay.complete("understand", changed).metric == "f1"
    assert replay.complete("understand", changed).metric == "roc_auc"  # recording exhausted: expert
    assert replay.usage.cached_calls == 2 and replay.usage.fallbacks == 1
    logged = (replay.log_dir / "llm_calls.jsonl").read_text()
    assert logged.count('"cached": "in order"') == 2


def test_environment_beats_the_config_file(make_backend, monkeypatch, tmp_path):
    (tmp_path / "mlpilot.toml").write_text('[llm]\nbackend = "openai:gpt-4.1"\ncache_mode = "auto"\nmax_cost = 2.0\n')
    monkeypatch.setenv("MLPILOT_LLM_CACHE", "off")
    monkeypatch.setenv("MLPILOT_LLM", "anthropic:claude-haiku-4-5")
    backend = get_backend()
    assert (backend.name, backend.cache.mode, backend.max_cost) == ("anthropic:claude-haiku-4-5", "off", 2.0)
    assert get_backend(cache_mode="auto", cache_dir=str(tmp_path / "c")).cache.mode == "auto"
    monkeypatch.setenv("MLPILOT_MAX_LLM_COST", "cheap")
    with pytest.raises(MlpilotError, match="MLPILOT_MAX_LLM_COST='cheap' is not a valid max_cost"):
        get_backend()
