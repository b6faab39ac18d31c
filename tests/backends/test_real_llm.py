"""The LLM paths against a real model: llama.cpp's OpenAI-compatible server with SmolLM2-135M (tiny, slow on two
cores, often wrong). Its answers may be rejected; the run must go on, within its budget."""

import json

import pytest

import mlpilot
from mlpilot.agent.backends import get_backend
from mlpilot.evals.local_llm import MODEL
from mlpilot.schemas import TaskSpec

pytestmark = pytest.mark.slow
SPEC = f"openai-compatible:{MODEL}"


def calls(run_dir) -> list[dict]:
    return [json.loads(line) for line in (run_dir / "llm_calls.jsonl").read_text().splitlines()]


def test_the_server_says_its_context_window_and_a_grammar_keeps_answers_schema_valid(local_llm, understand_input,
                                                                                       tmp_path):
    """llama.cpp enforces the JSON schema with a grammar, and the understand schema lists the real columns: the
    weak model's first reply parses into a TaskSpec whose target is a column (it may still be the wrong one)."""
    backend = get_backend(SPEC, base_url=local_llm.base_url, log_dir=tmp_path, cache_mode="off")
    assert backend.provider.context_window() == 8192
    answer = backend.try_complete("understand", understand_input)
    log = calls(tmp_path)
    [first] = [c for c in log if c["kind"] == "call" and c["turn"] == 0]
    assert first["max_tokens"] == 500 and "error" not in first
    assert not any(e["kind"] == "invalid" and "schema" in e["message"] and e["turn"] == 0 for e in log)
    if answer is not None:
        assert answer.target in understand_input.columns


def test_a_60s_run_with_the_real_model_keeps_its_budget_and_searches(local_llm, churn, tmp_path, within_budget):
    """Each role asks the real model under its own deadline (a model that keeps timing out is dropped for the
    rest of the run); the run keeps the budget rule and finishes at least half as many trials as the expert."""
    request = "Predict whether each customer churns (the churn column). Score: ROC AUC."
    expert = mlpilot.solve(request, data=churn, time_budget=60, out=tmp_path / "expert")
    run = mlpilot.solve(request, data=churn, time_budget=60, out=tmp_path / "llm", llm=SPEC,
                        base_url=local_llm.base_url)
    assert within_budget(run.summary["elapsed_s"], 60)
    done = lambda result: int((result.leaderboard["state"] == "COMPLETE").sum())  # noqa: E731
    assert done(run) >= done(expert) / 2
    log = calls(run.run_dir)
    for call in (c for c in log if c["kind"] == "call" and "timeout_s" in c):
        assert call["timeout_s"] <= 60 and call["max_tokens"] <= 1500
    outcomes = [c for c in log if c["kind"] == "outcome"]
    assert "understand" in {o["role"] for o in outcomes} and all(o["outcome"] in ("used", "expert") or o["outcome"].startswith("repaired")
                            for o in outcomes)
    [speed] = [c for c in log if c["kind"] == "speed"]  # measured once; roles it cannot read in time skip at once
    assert speed["tokens_per_s"] and 0 < run.summary["llm_usage"]["seconds"] < 0.2 * 60
    assert "waiting for the model" in (run.run_dir / "report.html").read_text()
    assert len(run.model.predict(churn.head(5))) == 5


def test_a_clarifying_question_round_trip_with_the_real_model(local_llm, churn, tmp_path, within_budget):
    """An ambiguous request with someone to ask: whatever the model asks (or not), the answer reaches it and the
    run delivers within its budget, the time spent answering not counted."""
    questions: list[str] = []

    def ask(question: str) -> str:
        questions.append(question)
        return "the churn column; score by ROC AUC"

    run = mlpilot.solve("which ones will leave?", data=churn, time_budget=30, out=tmp_path, llm=SPEC,
                        base_url=local_llm.base_url, ask=ask)
    assert within_budget(run.summary["elapsed_s"], 30)
    assert run.model is not None and run.spec.target in churn.columns
    log = calls(run.run_dir)
    assert [o for o in log if o["kind"] == "outcome" and o["role"] == "understand"]
    sent = [c["messages"][0]["content"] for c in log if c["kind"] == "call" and c["role"] == "understand"]
    if questions and len(sent) > 1:  # asked, and the model was asked again: its prompt carries the answer
        assert "the churn column" in sent[-1]


def test_the_code_writer_runs_against_the_real_model(local_llm, tmp_path):
    """The model's feature code (often broken) goes through the same checks and sandbox as any: the step ends
    with a kept step or none, never an error."""
    import time

    from test_engineer import xor_job

    from mlpilot.agent.engineer import write_feature_code
    from mlpilot.sandboxes.local import LocalSandbox

    job = xor_job(tmp_path / "data")
    spec = TaskSpec(task_type="binary", target="y", metric="roc_auc")
    backend = get_backend(SPEC, base_url=local_llm.base_url, log_dir=tmp_path, cache_mode="off", timeout=60.0)
    with LocalSandbox(tmp_path / "data", tmp_path / "out") as sandbox:
        baseline = sandbox.run(job, timeout_s=120)
        step = write_feature_code(backend, spec, job.profile, sandbox, job, baseline.value,
                                  deadline=time.monotonic() + 300, max_attempts=1)
    assert any(c["kind"] == "call" and c["role"] == "code" for c in calls(tmp_path))
    assert step.code is None or step.value > baseline.value
    assert all(a.result for a in step.attempts)


def test_chat_turns_read_by_the_real_model_never_break_the_conversation(local_llm, churn, tmp_path):
    """The real model reads each turn into an intent under a grammar that lists the real columns; whatever it
    says (checked against the data, the expert's reading where it cannot place a turn), every turn is answered."""
    from mlpilot.chat.session import ChatSession

    train = tmp_path / "train.csv"
    churn.to_csv(train, index=False)
    session = ChatSession("llm", tmp_path / "out", llm=SPEC, base_url=local_llm.base_url)
    session.add_file(train)
    replies = [session.send(text) for text in ("how many rows are there?", "what is the average tenure?",
                                                "banana", "help")]
    assert all(reply.strip() for reply in replies)
    chat_calls = [c for c in calls(session.dir) if c.get("role") == "chat"]
    assert chat_calls and all(c.get("deadline_s", 0) <= 20 for c in chat_calls if c["kind"] == "outcome")
    assert len([t for t in session.state.turns if t.role == "assistant"]) == 4
    assert not session.state.runs  # a weak model's "task" on a question starts no run
