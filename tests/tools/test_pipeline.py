"""Every family fits and predicts on raw frames with every column role; the result survives skops."""

import numpy as np
import pandas as pd
import pytest

from mlpilot.schemas import FAMILIES as SEARCHED
from mlpilot.tools.features import CategoryCodes, TargetMeans
from mlpilot.tools.model import TabularModel
from mlpilot.tools.model_io import load_model, save_model
from mlpilot.tools.pipeline import build_pipeline, levels_choice
from mlpilot.tools.profile import profile_dataset
from mlpilot.tools.space import FAMILIES, FLAGS


@pytest.fixture(scope="module")
def mixed():
    rng = np.random.default_rng(0)
    n = 300
    frame = pd.DataFrame({
        "amount": rng.normal(size=n), "plan": rng.choice(["basic", "plus", "pro"], n),
        "city": rng.choice([f"c{i}" for i in range(120)], n), "active": rng.choice(["yes", "no"], n),
        "signed_up": pd.date_range("2021-01-01", periods=n, freq="D").astype(str),
        "note": [f"customer wrote about the {w} service and billing issue number {i % 23}"
                 for i, w in zip(range(n), rng.choice(["mobile", "fibre", "tv"], n))],
    })
    frame.loc[::17, "amount"] = np.nan
    y = ((frame["amount"].fillna(0) + (frame["plan"] == "pro")) > 0.4).astype(int).to_numpy()
    profile = profile_dataset(frame.assign(y=y), "y", "binary")
    return frame, y, profile


@pytest.mark.parametrize("family", SEARCHED)
def test_family_fits_raw_frame(family, mixed):
    frame, y, profile = mixed
    config = {"family": family, **FAMILIES[family].defaults[0]}
    if FAMILIES[family].early_stopping:
        config["n_estimators"] = 50
    pipe = build_pipeline(config, profile).fit(frame, y)
    proba = pipe.predict_proba(frame.head(20))
    assert proba.shape == (20, 2) and np.allclose(proba.sum(axis=1), 1)
    assert (pipe.predict(frame) == y).mean() > 0.7


def test_log_target_regression_predicts_on_original_scale(mixed):
    frame, _, profile = mixed
    y = np.exp(frame["amount"].fillna(0).to_numpy() + 3)
    reg = profile.model_copy(update={"task_type": "regression"})
    pipe = build_pipeline({"family": "lightgbm", "n_estimators": 100, "log_target": True}, reg).fit(frame, y)
    assert abs(np.median(pipe.predict(frame)) - np.median(y)) / np.median(y) < 0.2


def test_ensemble_round_trips_through_skops(mixed, tmp_path):
    frame, y, profile = mixed
    members = [build_pipeline({"family": f, "n_estimators": 30} if FAMILIES[f].early_stopping else {"family": f}, profile)
               .fit(frame, y) for f in ("lightgbm", "catboost", "linear", "mlp")]
    model = TabularModel(members=members, weights=[0.4, 0.2, 0.2, 0.2], classes=["no", "yes"], task="binary",
                         features=list(frame.columns))
    loaded = load_model(save_model(model, tmp_path / "model.skops"))
    assert np.allclose(loaded.predict_proba(frame), model.predict_proba(frame))
    assert set(loaded.predict(frame)) <= {"no", "yes"}


@pytest.mark.parametrize("family", ["lightgbm", "catboost", "xgboost", "hist_gb"])
def test_l1_loss_fits_the_median(family, mixed):
    frame, _, profile = mixed
    rng = np.random.default_rng(1)
    y = np.where(rng.random(len(frame)) < 0.2, 500.0, 1.0)  # heavy tail: mean far above the median
    reg = profile.model_copy(update={"task_type": "regression"})
    config = {"family": family, "l1_loss": True, **({"n_estimators": 50} if family != "hist_gb" else {})}
    pred = build_pipeline(config, reg).fit(frame, y).predict(frame)
    assert np.median(pred) < 50


@pytest.mark.parametrize("family", ["lightgbm", "linear"])
def test_text_in_a_numeric_column_of_new_data_is_missing_not_a_crash(mixed, family):
    frame, y, profile = mixed
    pipe = build_pipeline({"family": family, "n_estimators": 20}, profile).fit(frame, y)
    new = frame.head(5).astype({"amount": object})
    new.loc[new.index[:2], "amount"] = ["n/a", "unknown"]
    proba = pipe.predict_proba(new)
    assert proba.shape == (5, 2) and np.isfinite(proba).all()


def test_constant_baseline_predicts_the_priors(mixed):
    frame, y, profile = mixed
    proba = build_pipeline({"family": "constant"}, profile).fit(frame, y).predict_proba(frame.head(3))
    assert np.allclose(proba, [1 - y.mean(), y.mean()])


def test_target_means_are_cross_fitted_and_handle_new_and_missing_levels(tmp_path):
    rng = np.random.default_rng(0)
    effect = {f"shop{i}": rng.normal(scale=3) for i in range(150)}
    city = rng.choice(list(effect), 3000)
    frame = pd.DataFrame({"shop": city})
    frame.loc[::50, "shop"] = None
    y = np.array([effect.get(c, 0.0) if c else 0.0 for c in frame["shop"]]) + rng.normal(size=3000) + 10
    means = TargetMeans("regression")
    fitted = means.fit_transform(frame, y)["shop__target"].to_numpy()
    again = means.transform(frame)["shop__target"].to_numpy()
    assert not np.allclose(fitted, again)  # training rows are encoded from the other folds
    assert np.corrcoef(again, y)[0, 1] > 0.9
    new = means.transform(pd.DataFrame({"shop": ["never seen", None]}))["shop__target"].to_numpy()
    assert abs(new[0] - y.mean()) < 1e-6 and abs(new[1] - y[frame["shop"].isna()].mean()) < 1.0
    loaded = load_model(save_model(means, tmp_path / "means.skops"))
    assert np.allclose(loaded.transform(frame.head(100)), means.transform(frame.head(100)))


def test_target_means_only_for_levels_that_repeat():
    rng = np.random.default_rng(1)
    n = 2000
    shop = rng.choice([f"shop{i}" for i in range(200)], n)  # 10 rows per level: a rate to learn
    name = np.array([f"name{i}" for i in rng.integers(0, 1500, n)])  # mostly one row per level
    y = pd.Series(shop).str[4:].astype(int).to_numpy() % 7 + rng.normal(size=n)
    frame = pd.DataFrame({"shop": shop, "name": name, "x": rng.normal(size=n)})
    profile = profile_dataset(frame.assign(y=y), "y", "regression")
    assert set(profile.by_role("high_card_categorical")) == {"shop", "name"}
    prep = build_pipeline({"family": "lightgbm", **FAMILIES["lightgbm"].defaults[0]}, profile)["prep"]
    encoded = {name: cols for name, _, cols in prep.transformers}
    assert encoded["target"] == ["shop"] and set(encoded["high"]) == {"shop", "name"}


def test_under_many_classes_repeated_levels_are_categories_the_trees_split():
    """No per-class rates for a multiclass target: a 51-level state column (15 rows per level) reaches LightGBM
    as a category, not as arbitrary integer codes; mostly unique names stay codes."""
    rng = np.random.default_rng(2)
    n = 765
    state = rng.choice([f"S{i:02d}" for i in range(51)], n)
    law = np.array(["no", "primary", "secondary"])[pd.Series(state).str[1:].astype(int).to_numpy() % 3]
    frame = pd.DataFrame({"state": state, "name": [f"n{i}" for i in rng.integers(0, 700, n)],
                          "year": rng.integers(1983, 1998, n)})
    profile = profile_dataset(frame.assign(law=law), "law", "multiclass")
    assert set(profile.by_role("high_card_categorical")) == {"state", "name"}
    pipe = build_pipeline({"family": "lightgbm", **FAMILIES["lightgbm"].defaults[0], "n_estimators": 50}, profile)
    encoded = {name: cols for name, _, cols in pipe["prep"].transformers}
    assert "state" in encoded["cat"] and encoded["high"] == ["name"] and "target" not in encoded
    codes = pd.Series(law).astype("category").cat.codes.to_numpy()
    pipe.fit(frame.iloc[:600], codes[:600])
    assert isinstance(pipe["prep"].transform(frame.head(5))["state"].dtype, pd.CategoricalDtype)
    assert (pipe.predict(frame.iloc[600:]) == codes[600:]).mean() > 0.9  # the law is the state's


def test_levels_as_categories_lets_the_trees_split_on_a_level_interaction():
    """A level whose effect is an interaction (each shop's sign on x) has no mean to learn: as target means the
    name carries nothing, as a LightGBM category with all of its 300 levels the trees split on it. HistGB takes
    at most 250 levels (its bins); the search chooses (``levels_choice``)."""
    rng = np.random.default_rng(3)
    n = 6000
    shop = rng.integers(0, 300, n)
    x = rng.normal(size=n)
    y = np.where(shop % 2, 1.0, -1.0) * x + 0.1 * rng.normal(size=n)
    frame = pd.DataFrame({"shop": [f"shop {i}" for i in shop], "x": x})
    profile = profile_dataset(frame.assign(y=y), "y", "regression")
    assert levels_choice(profile) and not levels_choice(profile.model_copy(update={"task_type": "multiclass"}))
    config = {"family": "lightgbm", **FAMILIES["lightgbm"].defaults[0], **FAMILIES["lightgbm"].few_rows_per_level,
              "n_estimators": 200}
    train, new = slice(0, 5000), slice(5000, n)
    errors = {}
    for levels in (False, True):
        pipe = build_pipeline(config | {"levels_as_categories": levels}, profile).fit(frame[train], y[train])
        errors[levels] = np.abs(pipe.predict(frame[new]) - y[new]).mean()
        encoded = {name: cols for name, _, cols in pipe["prep"].transformers}
        assert ("shop" in encoded.get("cat", [])) is levels and ("target" in encoded) is not levels
    assert pipe["prep"].transform(frame.head(3))["shop"].cat.categories.size == 300
    assert errors[True] < 0.5 * errors[False]
    capped = build_pipeline({"family": "hist_gb", "levels_as_categories": True}, profile).fit(frame, y)
    assert capped["prep"].transform(frame.head(3))["shop"].cat.categories.size == 250


@pytest.mark.parametrize("family", sorted(SEARCHED))
def test_the_search_flags_configure_the_pipeline_never_the_learner(family):
    """Every flag a trial may carry (``FLAGS``) is the pipeline's: each family fits with all of them set."""
    rng = np.random.default_rng(4)
    n = 800
    frame = pd.DataFrame({"row_id": np.arange(n), "shop": [f"s{i}" for i in rng.integers(0, 80, n)],
                          "x": rng.normal(size=n)})
    y = frame["x"] + frame["row_id"] * 2.0
    profile = profile_dataset(frame.assign(y=y), "y", "regression")
    assert profile.ordered_ids == ["row_id"] and levels_choice(profile)
    config = {"family": family, **FAMILIES[family].defaults[0], **dict.fromkeys(FLAGS, True)}
    pipe = build_pipeline(config | ({"n_estimators": 50} if FAMILIES[family].early_stopping else {}), profile)
    assert np.isfinite(pipe.fit(frame, y).predict(frame)).all()


def test_category_codes_leave_rare_levels_without_a_code():
    frame = pd.DataFrame({"make": ["ford"] * 6 + ["fiat"] * 5 + ["delorean"]})
    codes = CategoryCodes(as_category=False).fit(frame).transform(frame)
    assert codes["make"].iloc[:11].notna().all() and np.isnan(codes["make"].iloc[11])
    assert codes["make__freq"].iloc[11] == pytest.approx(1 / 12)  # its rarity itself is still a feature


def test_ids_as_numbers_adds_integer_ids_to_the_features():
    frame = pd.DataFrame({"row_id": np.arange(200), "x": np.random.default_rng(0).normal(size=200)})
    y = frame["row_id"] * 2.0
    profile = profile_dataset(frame.assign(y=y), "y", "regression")
    assert profile.ordered_ids == ["row_id"]
    plain = build_pipeline({"family": "linear"}, profile).fit(frame, y)
    ordered = build_pipeline({"family": "linear", "ids_as_numbers": True}, profile).fit(frame, y)
    assert "row_id" not in plain[:-1].get_feature_names_out() and "row_id" in ordered[:-1].get_feature_names_out()
    assert np.abs(ordered.predict(frame) - y).mean() < 0.05 * y.std() < 0.5 * y.std() < np.abs(plain.predict(frame) - y).mean()


def test_columns_with_nothing_to_learn_are_left_out_so_every_family_fits():
    """In a fold where no name repeats, the name's category code is missing on every row, and a date part that
    never changes is constant; HistGradientBoosting fails on an all-missing column unless they are left out."""
    rng = np.random.default_rng(0)
    n = 300
    names = ["car 0"] * 6 + [f"car {1 + i % 150}" for i in range(n - 6)]  # only "car 0" has 5 rows: rows 0-5
    frame = pd.DataFrame({"name": names, "x": rng.normal(size=n),
                          "year": pd.to_datetime(rng.integers(1970, 1983, n).astype(str) + "-01-01")})
    y = frame["x"] * 3 + frame["year"].dt.year * 0.1 + rng.normal(size=n)
    profile = profile_dataset(frame.assign(y=y), "y", "regression")
    assert "name" in profile.by_role("high_card_categorical")
    fold, y_fold = frame.iloc[6:], y.iloc[6:]
    for family in ("hist_gb", "lightgbm", "linear", "extra_trees"):
        pipe = build_pipeline({"family": family, **FAMILIES[family].defaults[0]}, profile).fit(fold, y_fold)
        kept = set(pipe[:-1].get_feature_names_out())
        assert {"x", "year__year"} <= kept and not kept & {"name", "year__month", "year__hour"}, (family, kept)
        assert np.corrcoef(pipe.predict(frame), y)[0, 1] > 0.8


@pytest.mark.parametrize("family", ["lightgbm", "linear"])
def test_integer_codes_read_as_floats_in_new_rows_are_the_same_values(family, penguins):
    """A column of 0/1 or of integer codes is read as floats once a value is missing: new rows with 1.0 where the
    training rows had 1 mean the same (a 0/1 column read as floats was all missing to the model)."""
    frame = penguins.dropna(subset=["species"]).reset_index(drop=True)
    frame = frame.assign(male=(frame["sex"] == "male").astype(int), code=frame["island"].factorize()[0] + 1)
    X = frame[["bill_length_mm", "male", "code"]]
    y = frame["species"].factorize()[0]
    profile = profile_dataset(X.assign(y=y), "y", "multiclass")
    assert next(c.role for c in profile.columns if c.name == "male") == "boolean"
    pipe = build_pipeline({"family": family, **FAMILIES[family].defaults[0]}, profile).fit(X, y)
    as_floats = X.astype({"male": float, "code": float})
    assert np.allclose(pipe.predict_proba(as_floats), pipe.predict_proba(X))
