"""Fixtures for the LLM backend tests: small role inputs and a factory for backends wired to a WireServer."""

from __future__ import annotations

import pytest

from mlpilot.agent.backends import get_backend
from mlpilot.agent.roles import PlanInput, ProposeInput, UnderstandInput, VerifyInput
from mlpilot.schemas import Check, ColumnProfile, CVSpec, DatasetProfile, Plan, TaskSpec, TrialRecord

KEY = "sk-test-0123456789abcdef"


@pytest.fixture
def understand_input() -> UnderstandInput:
    return UnderstandInput(
        request="predict 'churn' (will the customer leave?), scored by AUC",
        columns=["customer_id", "tenure", "plan", "monthly", "churn"],
        dtypes={"customer_id": "int64", "tenure": "int64", "plan": "object", "monthly": "float64",
                "churn": "int64"},
        preview=[{"customer_id": "1", "tenure": "12", "plan": "basic", "monthly": "29.5", "churn": "0"}],
        n_rows=500,
    )


@pytest.fixture
def spec() -> TaskSpec:
    return TaskSpec(task_type="binary", target="churn", metric="roc_auc", id_column="customer_id")


@pytest.fixture
def profile() -> DatasetProfile:
    columns = [
        ColumnProfile(name="customer_id", dtype="int64", role="id", n_unique=500, missing_frac=0.0),
        ColumnProfile(name="tenure", dtype="int64", role="numeric", n_unique=60, missing_frac=0.0),
        ColumnProfile(name="plan", dtype="object", role="categorical", n_unique=3, missing_frac=0.0),
        ColumnProfile(name="monthly", dtype="float64", role="numeric", n_unique=400, missing_frac=0.02),
        ColumnProfile(name="churn", dtype="int64", role="boolean", n_unique=2, missing_frac=0.0),
    ]
    return DatasetProfile(n_rows=500, n_cols=5, target="churn", task_type="binary", columns=columns,
                          class_counts={"0": 400, "1": 100})


@pytest.fixture
def plan() -> Plan:
    return Plan(candidates=[{"family": "lightgbm"}, {"family": "linear"}], cv=CVSpec(kind="stratified"),
                search_budget_s=60)


@pytest.fixture
def plan_input(spec, profile) -> PlanInput:
    return PlanInput(spec=spec, profile=profile, search_budget_s=60)


@pytest.fixture
def propose_input(spec, profile, plan) -> ProposeInput:
    from mlpilot.tools.space import space_for

    history = [
        TrialRecord(number=0, state="COMPLETE", config={"family": "lightgbm", "learning_rate": 0.05,
                                                        "num_leaves": 31}, value=0.81, seconds=1.2),
        TrialRecord(number=1, state="COMPLETE", config={"family": "linear", "C": 1.0}, value=0.78, seconds=0.3),
        TrialRecord(number=2, state="FAIL", config={"family": "lightgbm", "num_leaves": 256},
                    reason="MemoryError", seconds=0.5),
    ]
    return ProposeInput(spec=spec, profile=profile, plan=plan, space=space_for(["lightgbm", "linear"], "binary"),
                        history=history, n=2)


@pytest.fixture
def verify_input(spec) -> VerifyInput:
    checks = [Check(name="beats_baseline", passed=True, evidence="CV 0.81 vs baseline 0.50"),
              Check(name="holdout_vs_cv", passed=False, severity="warning", evidence="holdout 0.77 vs CV 0.81")]
    return VerifyInput(spec=spec, checks=checks, attempt=1, max_attempts=2)


@pytest.fixture
def make_backend(tmp_path, monkeypatch):
    """``make_backend(server, "openai:gpt-4.1-mini", **options)``: a real backend whose SDK talks to ``server``."""
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("ANTHROPIC_API_KEY", KEY)
    for name in ("MLPILOT_LLM", "MLPILOT_BASE_URL", "MLPILOT_MAX_LLM_COST", "MLPILOT_CONFIG", "MLPILOT_LLM_CACHE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MLPILOT_EXPERIENCE", str(tmp_path / "experience.jsonl"))

    def make(server, spec: str = "openai:gpt-4.1-mini", **options):
        base_url = server.url if spec.startswith("anthropic") else server.url + "/v1"
        options.setdefault("cache_mode", "off")
        options.setdefault("timeout", 5.0)
        options.setdefault("cache_dir", str(tmp_path / "cache"))
        return get_backend(spec, base_url=base_url, log_dir=tmp_path / "run", **options)

    return make


@pytest.fixture(scope="session")
def local_llm():
    """The real local model (llama.cpp serving SmolLM2-135M) on a free loopback port, for the whole session."""
    from mlpilot.evals.local_llm import LocalLLM

    with LocalLLM() as server:
        yield server
