"""Each provider and structured-output format, end to end through the real SDK clients and a local server."""

from __future__ import annotations

import json

import pytest
from wire_server import WireServer

from mlpilot.agent.backends.registry import ROLES
from mlpilot.agent.roles import UnderstandReply
from mlpilot.schemas import TaskSpec

SPEC = {"task_type": "binary", "target": "churn", "metric": "roc_auc", "id_column": "customer_id",
        "notes": ["churn is the yes/no column"]}


@pytest.mark.parametrize("spec, mode, request_key", [
    ("openai:gpt-4.1-mini", "json_schema", "response_format"),
    ("openai:gpt-4.1-mini", "tools", "tools"),
    ("openai:gpt-4.1-mini", "json", None),
    ("openai-compatible:qwen2.5-coder", "json_schema", "response_format"),
    ("anthropic:claude-sonnet-4-5", "tools", "tools"),
    ("anthropic:claude-sonnet-4-5", "json", None),
])
def test_understand_over_each_wire_format(make_backend, understand_input, spec, mode, request_key):
    with WireServer({"understand": [{"json": SPEC}]}) as server:
        backend = make_backend(server, spec, mode=mode)
        answer = backend.complete("understand", understand_input)
    assert isinstance(answer, UnderstandReply) and isinstance(answer, TaskSpec)
    assert (answer.target, answer.metric, answer.id_column, answer.question) == ("churn", "roc_auc",
                                                                                 "customer_id", None)
    body = server.requests[0].body
    assert body["model"] == spec.split(":")[1]
    if request_key:
        assert request_key in body
    else:
        assert "tools" not in body and "response_format" not in body
    prompt = json.dumps(body["messages"])
    assert "will the customer leave" in prompt and "question" in prompt  # input and schema rendered
    assert backend.usage.calls == 1 and backend.usage.input_tokens > 0 and backend.usage.output_tokens > 0


def test_openai_request_shapes(make_backend, plan_input):
    plan = {"candidates": [{"family": "lightgbm"}, {"family": "random_forest"}],
            "cv": {"kind": "stratified", "n_splits": 5}, "search_budget_s": 60}
    with WireServer({"plan": [{"json": plan}]}) as server:
        make_backend(server, "openai:gpt-4.1-mini").complete("plan", plan_input)
        make_backend(server, "openai-compatible:llama3", mode="tools").complete("plan", plan_input)
    first, second = (r.body for r in server.requests)
    assert first["response_format"]["json_schema"]["name"] == "plan"
    assert first["max_completion_tokens"] == ROLES["plan"].max_tokens and "max_tokens" not in first  # the role's cap
    assert second["tool_choice"] == {"type": "function", "function": {"name": "plan"}}
    assert second["max_tokens"] == ROLES["plan"].max_tokens
    assert server.requests[0].headers["authorization"] == "Bearer sk-test-0123456789abcdef"


def test_anthropic_request_shape(make_backend, verify_input):
    rewritten = [{**c.model_dump(), "passed": True, "evidence": "all fine"} for c in verify_input.checks]
    verdict = {"decision": "pass", "checks": rewritten,
               "explanation": "The model beats the baseline; the holdout is a little below CV."}
    with WireServer({"verify": [{"json": verdict}]}) as server:
        answer = make_backend(server, "anthropic:claude-sonnet-4-5").complete("verify", verify_input)
    assert answer.decision == "pass"
    assert answer.checks == verify_input.checks  # the model cannot rewrite our checks or their numbers
    request = server.requests[0]
    assert request.path == "/v1/messages" and "anthropic-version" in request.headers
    sent = request.headers.get("x-api-key") or request.headers["authorization"].removeprefix("Bearer ")
    assert sent == "sk-test-0123456789abcdef"
    assert request.body["tool_choice"] == {"type": "tool", "name": "verify"}
    assert request.body["tools"][0]["input_schema"]["properties"]["decision"]["enum"] == ["pass", "replan", "warn"]
    assert "[mlpilot:role=verify]" in request.body["system"]


def test_propose_prompt_is_llambo_style(make_backend, propose_input):
    configs = [{"family": "lightgbm", "learning_rate": 0.04, "num_leaves": 40},
               {"family": "linear", "C": 3.0}]
    with WireServer({"propose": [{"json": {"configs": configs}}]}) as server:
        answer = make_backend(server).complete("propose", propose_input)
    assert answer.configs == configs
    prompt = server.requests[0].last_user
    assert "best so far 0.81" in prompt and "0.8103" in prompt  # target slightly better than the best
    assert "higher is better" in prompt and "MemoryError" in prompt and "num_leaves" in prompt
    assert "seconds" not in prompt  # timings vary between runs and would defeat the cache


def test_call_log_redacts_the_key_and_records_usage(make_backend, understand_input, tmp_path):
    with WireServer({"understand": [{"json": SPEC, "usage": [1000, 200]}]}) as server:
        backend = make_backend(server, "openai:gpt-4.1-mini")
        backend.complete("understand", understand_input)
    lines = [json.loads(line) for line in (tmp_path / "run" / "llm_calls.jsonl").read_text().splitlines()]
    call = next(line for line in lines if line["kind"] == "call")
    assert call["role"] == "understand" and call["input_tokens"] == 1000 and call["output_tokens"] == 200
    assert call["cost_usd"] == pytest.approx((1000 * 0.40 + 200 * 1.60) / 1e6)
    assert call["latency_s"] >= 0 and "churn" in call["response"]
    assert backend.usage.cost_usd == pytest.approx(call["cost_usd"])
    assert "sk-test-0123456789abcdef" not in (tmp_path / "run" / "llm_calls.jsonl").read_text()
    assert backend.calls.redact("Authorization: Bearer abc.def and sk-test-0123456789abcdef") == \
        "Authorization: Bearer [REDACTED] and [REDACTED]"


def test_plan_prompt_retrieves_similar_past_runs(make_backend, plan_input, spec, profile, tmp_path):
    from mlpilot.agent.backends.experience import ExperienceStore
    from mlpilot.schemas import TrialRecord

    store = ExperienceStore(tmp_path / "experience.jsonl")
    trials = [TrialRecord(number=0, state="COMPLETE", config={"family": "lightgbm", "num_leaves": 15}, value=0.90),
              TrialRecord(number=1, state="COMPLETE", config={"family": "linear", "C": 0.5}, value=0.85),
              TrialRecord(number=2, state="COMPLETE", config={"family": "lightgbm", "num_leaves": 99}, value=0.80)]
    store.record(spec, profile, trials)
    store.record(spec.model_copy(update={"task_type": "regression", "metric": "rmse"}),
                 profile.model_copy(update={"task_type": "regression"}), trials)
    plan = {"candidates": [{"family": "lightgbm"}], "cv": {"kind": "stratified"}, "search_budget_s": 60}
    with WireServer({"plan": [{"json": plan}]}) as server:
        make_backend(server).complete("plan", plan_input)
    prompt = server.requests[0].last_user
    section = prompt.split("similar past datasets")[1].splitlines()
    past = [json.loads(line) for line in section if line.startswith('{"task_type"')]
    assert len(past) == 1 and past[0]["task_type"] == "binary"  # the regression run is not retrieved
    assert [(r["family"], r["score"], r["config"].get("num_leaves")) for r in past[0]["ranking"]] == \
        [("lightgbm", 0.90, 15), ("linear", 0.85, None)]


def test_propose_prompt_stays_small_in_a_long_search(make_backend, propose_input):
    from mlpilot.schemas import TrialRecord

    history = [TrialRecord(number=i, state="COMPLETE" if i % 3 else "PRUNED", value=0.8 - 0.001 * i if i % 3 else None,
                           config={"family": "linear", "C": 1.0 + i}) for i in range(300)]
    history.append(TrialRecord(number=300, state="FAIL", config={"family": "linear", "C": 2.0}, reason="boom"))
    log_loss = propose_input.spec.model_copy(update={"metric": "log_loss"})
    configs = {"configs": [{"family": "linear", "C": 5.0}]}
    with WireServer({"propose": [{"json": configs}]}) as server:
        backend = make_backend(server)
        backend.complete("propose", propose_input.model_copy(update={"history": history}))
        backend.complete("propose", propose_input.model_copy(update={"history": history, "spec": log_loss}))
    prompt, lower = server.requests[0].last_user, server.requests[1].last_user
    rows = [line for line in prompt.splitlines() if line.startswith('{"config"') and '"score"' in line]
    assert len(rows) == 25 and "175 other finished trials not shown" in prompt  # 200 finished: 15 best + 10 latest
    assert '"C": 2.0, "family": "linear"}, "score": 0.799' in prompt  # the best
    assert '"C": 300.0' in prompt and '"C": 150.0' not in prompt  # the latest, not the middle
    assert "boom" in prompt and "PRUNED" not in prompt
    assert "best so far 0.799; propose configurations expected to reach about 0.80198" in prompt
    assert "best so far 0.501; propose configurations expected to reach about 0.49802" in lower  # lower is better
    assert len(prompt) < 12_000
