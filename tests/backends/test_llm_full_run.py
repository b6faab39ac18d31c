"""A whole run whose every role is answered by a (scripted) LLM over the real OpenAI SDK; then replayed offline."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from scripted import scripted_llm
from wire_server import WireServer

import mlpilot
from mlpilot.settings import Settings

SPEC = {"task_type": "binary", "target": "churn", "metric": "roc_auc"}


def churn_frame(n: int = 400) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    X = rng.normal(size=(n, 4))
    frame = pd.DataFrame(X, columns=["tenure", "monthly", "calls", "age"])
    frame["plan"] = rng.choice(["basic", "plus", "pro"], size=n)
    frame["churn"] = ((X[:, 0] - 0.8 * X[:, 1] + rng.normal(scale=0.7, size=n)) > 0).astype(int)
    return frame


def calls(run_dir) -> list[dict]:
    return [json.loads(line) for line in (run_dir / "llm_calls.jsonl").read_text().splitlines()]


@pytest.mark.slow
def test_llm_driven_run_is_verified_and_replays_offline(make_backend, monkeypatch, tmp_path):
    monkeypatch.setenv("MLPILOT_LLM_CACHE_DIR", str(tmp_path / "cassette"))
    monkeypatch.setenv("MLPILOT_LLM_CACHE", "record")
    frame = churn_frame()
    with WireServer(scripted_llm(SPEC)) as server:
        result = mlpilot.solve("which customers will churn?", data=frame, time_budget=40, out=tmp_path / "runs",
                               llm="openai:gpt-4.1-mini", base_url=server.url + "/v1")
    assert result.verification.decision == "pass" and result.score > 0.8
    assert result.summary["backend"] == "openai:gpt-4.1-mini"
    recorded = [c for c in calls(result.run_dir) if c["kind"] == "call"]
    assert {"understand", "plan", "code", "verify"} <= {c["role"] for c in recorded}
    features = result.summary["features"]
    assert features["attempts"] and (features["code"] is None) == (result.model.feature_code is None)
    assert all(not c["cached"] and c["input_tokens"] > 0 and c["cost_usd"] > 0 for c in recorded)
    assert not [c for c in calls(result.run_dir) if c["kind"] == "fallback"]
    assert set(server.roles()) == {c["role"] for c in recorded}

    # Replay: no server at all, every answer comes from the recording.
    monkeypatch.setenv("MLPILOT_LLM_CACHE", "replay")
    replayed = mlpilot.solve("which customers will churn?", data=frame, time_budget=40, out=tmp_path / "runs",
                             llm="openai:gpt-4.1-mini", base_url=server.url + "/v1")
    assert replayed.verification.decision == "pass"
    served = [c for c in calls(replayed.run_dir) if c["kind"] == "call"]
    assert served and all(c["cached"] in ("exact", "in order") for c in served)
    assert next(c for c in served if c["role"] == "understand")["cached"] == "exact"
    assert replayed.spec.model_dump() == result.spec.model_dump()


def test_an_ambiguous_request_pauses_the_graph_for_an_answer(make_backend, tmp_path):
    question = "Which column is the outcome to predict: churn or plan?"
    scripted = scripted_llm(SPEC)

    def script(request):
        if request.role == "understand" and "(asked:" not in request.first_user:
            return {"json": {**SPEC, "target": "plan", "task_type": "multiclass", "metric": "log_loss",
                             "question": question}}
        return scripted(request)

    asked = []
    with WireServer(script) as server:
        result = mlpilot.solve("predict what customers do next", data=churn_frame(), time_budget=15,
                               out=tmp_path / "runs", llm="openai:gpt-4.1-mini", base_url=server.url + "/v1",
                               ask=lambda q: asked.append(q) or "churn, whether they leave")
        unasked = mlpilot.solve("predict what customers do next", data=churn_frame(), time_budget=15,
                                out=tmp_path / "runs", llm="openai:gpt-4.1-mini", base_url=server.url + "/v1")
    assert asked == [question]
    assert result.spec.target == "churn" and result.metric == "roc_auc"
    understand = [r.first_user for r in server.requests if r.role == "understand"]
    assert any(f"(asked: {question} answer: churn, whether they leave)" in prompt for prompt in understand)
    assert not [w for w in result.warnings if "ambiguous" in w]
    # without a person to ask, the best reading goes on, with a warning that says so
    assert unasked.spec.target == "plan"
    notes = [json.loads(line) for line in (unasked.run_dir / "events.jsonl").read_text().splitlines()]
    assert any("ambiguous" in n.get("message", "") and question in n["message"] for n in notes)


def test_a_slow_plan_never_holds_the_search(make_backend, tmp_path):
    """The LLM's plan is asked in the background: the search starts on the expert's plan while the model thinks,
    and the model's configurations join the same study when it answers."""
    scripted = scripted_llm(SPEC)

    def slow_plan(request):
        return scripted(request) | ({"delay": 3.5} if request.role == "plan" else {})

    with WireServer(slow_plan) as server:
        result = mlpilot.solve("which customers will churn?", data=churn_frame(), time_budget=30,
                               out=tmp_path / "runs", llm="openai:gpt-4.1-mini", base_url=server.url + "/v1",
                               settings=Settings(code_min_left_s=1e9))  # no feature code: plan and search only
    events = [json.loads(line) for line in (result.run_dir / "events.jsonl").read_text().splitlines()]
    started = next(e["elapsed_s"] for e in events if e["kind"] == "search_started")
    joined = next(e["elapsed_s"] for e in events if e.get("message", "").startswith("LLM: boosted trees"))
    assert started + 2.5 < joined  # the search ran while the model answered
    plan_call = next(c for c in calls(result.run_dir) if c["kind"] == "outcome" and c["role"] == "plan")
    assert plan_call["outcome"] == "used" and plan_call["seconds"] >= 3.5
    late = [e["trial"] for e in events if e["kind"] == "trial" and e["trial"]["source"] == "llm-plan"]
    assert [t["config"]["num_leaves"] for t in late] == [15]  # the one configuration the expert had not
    # it was scored like any other trial: the median pruner may stop it after two folds if it is below the others
    assert late[0]["state"] in ("COMPLETE", "PRUNED") and len(late[0]["fold_scores"]) >= 2
    assert result.verification.decision == "pass"
