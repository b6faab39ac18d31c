"""Bad replies get repaired, provider errors retried, and what cannot be fixed goes to the expert policy."""

from __future__ import annotations

import json

import pytest
from wire_server import WireServer

from mlpilot.agent.backends.expert import ExpertBackend
from mlpilot.agent.roles import Proposals
from mlpilot.errors import MlpilotError

SPEC = {"task_type": "binary", "target": "churn", "metric": "roc_auc"}


def test_malformed_json_is_repaired(make_backend, understand_input):
    with WireServer({"understand": [{"text": '{"task_type": "binary", "target": '}, {"json": SPEC}]}) as server:
        backend = make_backend(server, mode="json")
        answer = backend.complete("understand", understand_input)
    assert answer.target == "churn" and backend.usage.repairs == 1 and backend.usage.fallbacks == 0
    retry = server.requests[1].body["messages"]
    assert retry[-2] == {"role": "assistant", "content": '{"task_type": "binary", "target": '}
    assert "not valid JSON" in retry[-1]["content"]


def test_json_in_prose_and_fences_is_accepted(make_backend, understand_input):
    text = "Here is the spec:\n```json\n" + json.dumps(SPEC) + "\n```\nHope this helps."
    with WireServer([{"text": text}]) as server:
        backend = make_backend(server, "openai-compatible:qwen2.5-coder", mode="json")
        assert backend.complete("understand", understand_input).target == "churn"
    assert backend.usage.repairs == 0


@pytest.mark.parametrize("spec", ["openai:gpt-4.1-mini", "anthropic:claude-haiku-4-5"])
def test_schema_violation_goes_back_with_the_error(make_backend, understand_input, spec):
    bad = {**SPEC, "task_type": "yes-or-no"}
    with WireServer({"understand": [{"json": bad}, {"json": SPEC}]}) as server:
        backend = make_backend(server, spec)
        assert backend.complete("understand", understand_input).task_type == "binary"
    assert "task_type" in server.requests[1].last_user and "does not match the schema" in server.requests[1].last_user


def test_malformed_tool_call_arguments_are_repaired(make_backend, understand_input):
    with WireServer([{"tool_args": '{"task_type": binary}'}, {"json": SPEC}]) as server:
        backend = make_backend(server, mode="tools")
        assert backend.complete("understand", understand_input).target == "churn"
    assert backend.usage.repairs == 1 and len(server.requests) == 2


def test_answers_are_checked_against_the_input(make_backend, understand_input, propose_input, verify_input):
    wrong_target = {**SPEC, "target": "Churned"}
    outside = {"configs": [{"family": "lightgbm", "num_leaves": 999}, {"family": "svm"}]}
    inside = {"configs": [{"family": "lightgbm", "num_leaves": 64}]}
    checks = [c.model_dump() for c in verify_input.checks]
    verify_input.checks[0].passed = False
    script = {"understand": [{"json": wrong_target}, {"json": SPEC}],
              "propose": [{"json": outside}, {"json": inside}],
              "verify": [{"json": {"decision": "pass", "checks": checks}},
                         {"json": {"decision": "replan", "checks": checks}}]}
    with WireServer(script) as server:
        backend = make_backend(server)
        assert backend.complete("understand", understand_input).target == "churn"
        assert backend.complete("propose", propose_input).configs == inside["configs"]
        assert backend.complete("verify", verify_input).decision == "replan"
    feedback = [r.last_user for r in server.requests if "That answer was rejected" in r.last_user]
    assert "target: Input should be 'customer_id', 'tenure'" in feedback[0]  # the schema lists the real columns
    assert "num_leaves=999 is outside [8, 256]" in feedback[1] and "'svm' is not one of" in feedback[1]
    assert "cannot be 'pass' while error checks failed: beats_baseline" in feedback[2]


@pytest.mark.parametrize("spec", ["openai:gpt-4.1-mini", "anthropic:claude-sonnet-4-5"])
def test_429_waits_for_retry_after(make_backend, understand_input, spec):
    script = [{"status": 429, "headers": {"retry-after": "1"}, "message": "slow down"}, {"json": SPEC}]
    with WireServer(script) as server:
        backend = make_backend(server, spec)
        assert backend.complete("understand", understand_input).target == "churn"
    gap = server.requests[1].started - server.requests[0].started
    assert gap >= 0.95 and backend.usage.retries == 1 and backend.usage.calls == 1


def test_500_is_retried_with_backoff(make_backend, understand_input):
    with WireServer([{"status": 500}, {"status": 503}, {"json": SPEC}]) as server:
        backend = make_backend(server)
        assert backend.complete("understand", understand_input).target == "churn"
    assert backend.usage.retries == 2 and len(server.requests) == 3


def test_slow_response_times_out_and_is_retried(make_backend, understand_input):
    with WireServer([{"json": SPEC, "delay": 2.0}, {"json": SPEC}]) as server:
        backend = make_backend(server, "anthropic:claude-sonnet-4-5", timeout=0.5)
        assert backend.complete("understand", understand_input).target == "churn"
    assert backend.usage.retries == 1 and len(server.requests) == 2
    lines = (backend.log_dir / "llm_calls.jsonl").read_text()
    assert "timed out" in lines


@pytest.mark.parametrize("spec", ["openai:gpt-4.1-mini", "anthropic:claude-sonnet-4-5"])
def test_bad_key_is_a_clear_error(make_backend, understand_input, spec):
    with WireServer([{"json": SPEC}], api_key="sk-the-right-key-000") as server:
        backend = make_backend(server, spec)
        with pytest.raises(MlpilotError, match="rejected the API key .HTTP 401."):
            backend.complete("understand", understand_input)
    assert len(server.requests) == 1  # no retries on a bad key


@pytest.mark.parametrize("spec", ["openai:gpt-5.5-ultra", "anthropic:claude-nonexistent"])
def test_unknown_model_is_a_clear_error(make_backend, understand_input, spec):
    with WireServer([{"json": SPEC}], models={"gpt-4.1-mini"}) as server:
        with pytest.raises(MlpilotError, match=f"does not know model '{spec.split(':')[1]}'"):
            make_backend(server, spec).complete("understand", understand_input)


def test_missing_key_and_base_url_are_clear_errors(monkeypatch, make_backend):
    from mlpilot.agent.backends import get_backend

    monkeypatch.delenv("OPENAI_API_KEY")
    with pytest.raises(MlpilotError, match="OPENAI_API_KEY is not set"):
        get_backend("openai:gpt-4.1-mini")
    with pytest.raises(MlpilotError, match="needs the server address"):
        get_backend("openai-compatible:llama3")


def events(backend, kind: str) -> list[dict]:
    return [e for e in backend.events if e["kind"] == kind]


def test_still_invalid_after_repairs_falls_back_to_the_expert(make_backend, understand_input):
    with WireServer({"understand": [{"text": "I think the target is churn."}]}) as server:
        backend = make_backend(server, max_repairs=2)
        answer = backend.complete("understand", understand_input)
    assert answer == ExpertBackend().complete("understand", understand_input)  # the expert's answer
    assert len(server.requests) == 3 and backend.usage.repairs == 2 and backend.usage.fallbacks == 1
    assert "still invalid after 2 repairs" in events(backend, "fallback")[0]["message"]
    logged = (backend.log_dir / "llm_calls.jsonl").read_text()
    assert logged.count('"kind": "invalid"') == 3 and '"kind": "fallback"' in logged


def test_persistent_provider_errors_fall_back_to_the_expert(make_backend, understand_input):
    with WireServer([{"status": 502}]) as server:
        backend = make_backend(server, max_retries=2)
        backend.max_backoff_s = 0.2
        assert backend.complete("understand", understand_input).target == "churn"
    assert len(server.requests) == 3 and backend.usage.fallbacks == 1
    assert "kept failing" in events(backend, "fallback")[0]["message"]


def test_cost_cap_is_hard(make_backend, understand_input, propose_input, verify_input):
    # gpt-4.1 costs $2 / $8 per million tokens; each scripted reply reports 20k in + 1k out = $0.048
    script = [{"json": SPEC, "usage": [20_000, 1_000]}]
    with WireServer({"understand": script}) as server:
        backend = make_backend(server, "openai:gpt-4.1", max_cost=0.1, max_tokens=1000)
        for _ in range(5):
            backend.complete("understand", understand_input)
    assert len(server.requests) == 2 and backend.usage.calls == 2
    assert backend.usage.cost_usd == pytest.approx(0.096) and backend.usage.cost_usd <= 0.1
    assert backend.usage.fallbacks == 3
    assert "cost cap $0.10 is reached" in events(backend, "fallback")[0]["message"]


def test_replay_miss_falls_back(make_backend, understand_input, tmp_path):
    (tmp_path / "empty").mkdir()
    with WireServer([]) as server:
        backend = make_backend(server, cache_mode="replay", cache_dir=str(tmp_path / "empty"))
        assert backend.complete("understand", understand_input).target == "churn"
    assert server.requests == [] and "no recorded reply" in events(backend, "fallback")[0]["message"]


def test_plan_defaults_are_checked_and_named(make_backend, plan_input):
    bad = {"candidates": [{"family": "lightgbm", "defaults": [{"num_leaves": 4000}]}],
           "cv": {"kind": "stratified"}, "search_budget_s": 60}
    good = {"candidates": [{"family": "lightgbm", "defaults": [{"num_leaves": 63.0, "learning_rate": 0.05}]}],
            "cv": {"kind": "stratified"}, "search_budget_s": 60}
    with WireServer({"plan": [{"json": bad}, {"json": good}]}) as server:
        answer = make_backend(server).complete("plan", plan_input)
    assert "defaults[0].num_leaves=4000 is outside [8, 256]" in server.requests[1].last_user
    assert answer.candidates[0].defaults == [{"family": "lightgbm", "num_leaves": 63, "learning_rate": 0.05}]
    assert type(answer.candidates[0].defaults[0]["num_leaves"]) is int


def test_repairs_resend_the_first_prompt_and_the_error_not_the_conversation(make_backend, understand_input):
    bad = {**SPEC, "task_type": "yes-or-no"}
    with WireServer({"understand": [{"json": bad}, {"json": bad}, {"json": SPEC}]}) as server:
        backend = make_backend(server)
        assert backend.complete("understand", understand_input).target == "churn"
    first, *repairs = [r.body["messages"] for r in server.requests]
    assert len(repairs) == 2
    for messages in repairs:
        assert [m["role"] for m in messages] == ["system", "user", "assistant", "user"]
        assert messages[1] == first[1] and "That answer was rejected" in messages[-1]["content"]
    assert len(json.dumps(repairs[1])) < len(json.dumps(first)) + 2000  # the same size, not growing


def test_a_slow_model_is_cut_at_its_deadline_and_the_expert_answers(make_backend, understand_input, tmp_path):
    """The model would take 30 s; the role has 4: the request times out at the deadline, no retry starts after
    it, and the expert's answer comes back in time."""
    import time

    with WireServer({"understand": [{"json": SPEC, "delay": 30}]}) as server:
        backend = make_backend(server, timeout=60.0)
        started = time.monotonic()
        answer = backend.complete("understand", understand_input, deadline=started + 4.0)
        took = time.monotonic() - started
    assert answer.target == "churn" and 3.5 < took < 6.0
    log = [json.loads(line) for line in (tmp_path / "run" / "llm_calls.jsonl").read_text().splitlines()]
    calls = [e for e in log if e["kind"] == "call"]
    assert calls and all(c["timeout_s"] <= 4.0 for c in calls)
    [outcome] = [e for e in log if e["kind"] == "outcome"]
    assert outcome["outcome"] == "expert" and outcome["deadline_s"] == pytest.approx(4.0, abs=0.1)
    assert backend.usage.fallbacks == 1


def test_a_prompt_is_compacted_to_the_context_window_or_not_sent(make_backend, propose_input):
    from mlpilot.agent.backends.llm import REPAIR_ROOM, render
    from mlpilot.agent.backends.registry import ROLES

    full, compact = (render("propose", propose_input, Proposals, compact=c).tokens() for c in (False, True))
    assert compact < full
    room = ROLES["propose"].max_tokens + REPAIR_ROOM  # the reply and one repair
    answer = {"configs": [{"family": "lightgbm", "num_leaves": 64}]}
    with WireServer({"propose": [{"json": answer}]}) as server:
        fits = make_backend(server, context_window=(full + compact) // 2 + room)
        assert fits.complete("propose", propose_input).configs == answer["configs"]
        assert '\n "' not in server.requests[0].last_user  # compact JSON
        tiny = make_backend(server, context_window=compact // 2 + room)
        tiny.complete("propose", propose_input)
    assert len(server.requests) == 1 and tiny.usage.fallbacks == 1
    assert "does not fit the model's context window" in tiny.events[-1]["message"]
