"""The understand node holds any backend's reading to the evidence in the real tables."""

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from mlpilot.agent.backends.base import Backend
from mlpilot.agent.backends.expert import ExpertBackend
from mlpilot.agent.roles import UnderstandInput, UnderstandReply
from mlpilot.agent.state import Clock, Deps, RunState
from mlpilot.agent.understand import _validated, understand
from mlpilot.errors import MlpilotError
from mlpilot.schemas import TaskSpec
from mlpilot.tools.load import load_table


class Scripted(Backend):
    """An LLM stand-in: answers understand with a fixed spec, whatever the evidence."""

    name = "scripted"

    def __init__(self, **spec):
        self.spec = spec
        self.payloads = []

    def complete(self, role, payload, *, deadline=None):
        self.payloads.append(payload)
        return UnderstandReply.model_validate({"time_budget_s": 60, "notes": ["the model's reading"], **self.spec})


def census(n=200, seed=0):
    rng = np.random.default_rng(seed)
    education = rng.integers(6, 19, n)
    experience = rng.integers(0, 45, n)
    return pd.DataFrame({"wage": np.round(np.exp(5 + 0.08 * education + rng.normal(0, 0.5, n)), 2),
                         "education": education, "experience": experience,
                         "ethnicity": rng.choice(["cauc", "afam"], n), "region": rng.choice(list("NSEW"), n)})


def run(tmp_path, request, train, test=None, backend=None, **state):
    return node(tmp_path, request, train, test, backend, **state)["spec"]


def node(tmp_path, request, train, test=None, backend=None, interactive=False, **state) -> dict:
    """The understand node's whole output (spec, warnings, or a question for a person at hand) on real files."""
    data = tmp_path / "train.csv"
    train.to_csv(data, index=False)
    test_path = None
    if test is not None:
        test_path = tmp_path / "test.csv"
        test.to_csv(test_path, index=False)
    s = RunState(request=request, data_path=str(data), test_path=None if test_path is None else str(test_path),
                 run_dir=str(tmp_path), **state)
    deps = Deps(backend=backend or ExpertBackend(), sandbox=None, run_dir=tmp_path, clock=Clock(60), train=load_table(data),
                test=None if test_path is None else load_table(test_path), interactive=interactive)
    return understand(s, SimpleNamespace(context=deps))


CENSUS = ("Census survey of workers (education, experience, ethnicity, region...). Estimate each person's weekly "
          "wage; score is RMSLE because wages are skewed.")


def test_census_request_reads_wage_as_a_regression(tmp_path):
    train = census()
    spec = run(tmp_path, CENSUS, train, test=train.drop(columns="wage"))
    assert (spec.target, spec.task_type, spec.metric) == ("wage", "regression", "rmsle")
    assert "missing from the test file" in spec.notes[0]


def test_a_regression_metric_makes_an_integer_target_a_regression(tmp_path):
    spec = run(tmp_path, "predict the years of education; RMSE", census())
    assert (spec.target, spec.task_type) == ("education", "regression")


def test_unknown_named_column_on_a_tiny_table_is_an_error_not_a_traceback(tmp_path):
    tiny = pd.DataFrame({"a": range(6), "b": [1, 0] * 3, "y": [0, 1, 0, 1, 1, 0]})
    with pytest.raises(MlpilotError, match="'zzz_missing'.*no such column.*columns are: a, b, y"):
        run(tmp_path, "predict the column zzz_missing", tiny)


def test_too_few_rows_names_the_target_and_the_fix(tmp_path):
    tiny = pd.DataFrame({"a": range(6), "b": [1, 0] * 3, "y": [0, 1, 0, 1, 1, 0]})
    with pytest.raises(MlpilotError, match=r"only 6 labelled rows.*target 'y'.*--target") as err:
        run(tmp_path, "predict y", tiny)
    assert "\n" not in str(err.value)


def test_metric_that_does_not_fit_names_target_type_why_and_overrides(tmp_path):
    with pytest.raises(MlpilotError) as err:
        run(tmp_path, "predict the region; RMSE", census())
    message = str(err.value)
    for part in ("metric rmse does not fit a multiclass task", "target 'region'", "named after the verb",
                 "--target", "target=", "--metric", "metric="):
        assert part in message
    assert "\n" not in message


def test_classification_metric_on_a_continuous_target_is_an_error_naming_it(tmp_path):
    with pytest.raises(MlpilotError, match=r"roc_auc scores classes.*target 'wage'.*--target"):
        run(tmp_path, "predict the weekly wage; AUC", census())


def test_single_valued_target_names_why_it_was_chosen(tmp_path):
    train = census().assign(flag=1)
    with pytest.raises(MlpilotError, match=r"single value.*target 'flag': the only training column missing"):
        run(tmp_path, "fit a model", train, test=train.drop(columns="flag"))


def test_a_class_with_one_row_and_unlabelled_rows_are_left_out_with_a_warning(tmp_path):
    train = census().assign(grade=["a", "b"] * 98 + [None, None, "a", "z"])
    out = node(tmp_path, "classify the grade", train)
    assert out["spec"].task_type == "multiclass"
    assert any("single labelled row ('z')" in w and "left out of training" in w for w in out["warnings"])
    assert "2 of 200 rows have no value of the target 'grade': left out of training" in out["warnings"]


def test_labels_differing_only_in_case_are_one_label(tmp_path):
    train = census().assign(answer=["Yes", "yes ", "No", "NO"] * 50)
    spec = run(tmp_path, "predict the answer", train)
    assert (spec.target, spec.task_type, spec.metric) == ("answer", "binary", "roc_auc")


def test_too_few_classes_with_two_rows_is_an_error_naming_the_target(tmp_path):
    train = census().assign(grade=["a"] * 198 + ["y", "z"])
    with pytest.raises(MlpilotError, match=r"fewer than two classes.*'y', 'z'.*target 'grade'"):
        run(tmp_path, "classify the grade", train)


def test_integer_levels_seen_once_are_a_quantity(tmp_path):
    train = census().assign(score=[20, 21, 22, 23] * 49 + [30, 31, 32, 40])
    spec = run(tmp_path, "predict the score", train)
    assert spec.task_type == "regression"


def test_target_and_metric_are_fields_not_request_text(tmp_path):
    backend = Scripted(task_type="regression", target="wage", metric="rmse")
    spec = run(tmp_path, "make a model", census(), backend=backend, target="experience", metric="mae")
    payload = backend.payloads[0]
    assert payload.request == "make a model" and payload.target == "experience" and payload.metric == "mae"
    assert (spec.target, spec.metric) == ("experience", "mae")


def test_an_llm_target_present_in_the_test_file_is_overridden(tmp_path):
    train = census()
    backend = Scripted(task_type="multiclass", target="education", metric="rmsle")
    spec = run(tmp_path, CENSUS, train, test=train.drop(columns="wage"), backend=backend)
    assert (spec.target, spec.task_type, spec.metric) == ("wage", "regression", "rmsle")
    assert any("not 'education'" in n and "missing from the test file" in n for n in spec.notes)


def test_target_argument_beats_the_test_file(tmp_path):
    train = census()
    backend = Scripted(task_type="regression", target="wage", metric="rmse")
    spec = run(tmp_path, "predict it", train, test=train.drop(columns="wage"), backend=backend, target="experience")
    assert spec.target == "experience"


def test_an_llm_metric_that_does_not_fit_is_replaced_when_the_user_named_none(tmp_path):
    backend = Scripted(task_type="regression", target="region", metric="rmse")
    spec = run(tmp_path, "predict the region", census(), backend=backend)
    assert (spec.task_type, spec.metric) == ("multiclass", "log_loss")
    assert any(n.startswith("metric log_loss, not rmse") for n in spec.notes)


def test_an_llm_cannot_replace_a_named_column_that_does_not_exist(tmp_path):
    backend = Scripted(task_type="regression", target="wage", metric="rmse")
    with pytest.raises(MlpilotError, match="'hourly_pay'.*no such column.*columns are: wage"):
        run(tmp_path, "predict hourly_pay", census(), backend=backend)


def test_exclusions_from_words_flag_and_backend_are_merged_and_checked(tmp_path):
    spec = run(tmp_path, "predict the wage; don't use ethnicity", census(), exclude=["region"])
    assert spec.constraints.exclude_columns == ["ethnicity", "region"]
    with pytest.raises(MlpilotError, match="excluded column 'regio'.*did you mean 'region'"):
        run(tmp_path, "predict the wage", census(), exclude=["regio"])
    with pytest.raises(MlpilotError, match="target 'wage'.*can not also be excluded"):
        run(tmp_path, "predict the wage", census(), exclude=["wage"])
    backend = Scripted(task_type="regression", target="wage", metric="rmse",
                       constraints={"exclude_columns": ["zip_code"]})
    with pytest.raises(MlpilotError, match="excluded column 'zip_code' not found"):
        run(tmp_path, "predict the wage", census(), backend=backend)


def test_an_llm_that_drops_the_requests_exclusion_is_held_to_it(tmp_path):
    backend = Scripted(task_type="regression", target="wage", metric="rmse")
    spec = run(tmp_path, "predict the wage without experience", census(), backend=backend)
    assert spec.constraints.exclude_columns == ["experience"]


def test_a_rejected_llm_target_is_replaced_from_the_evidence():
    train = census()
    columns = list(train.columns)
    payload = UnderstandInput(request="Estimate each person's years of experience", columns=columns,
                              dtypes={c: str(t) for c, t in train.dtypes.items()}, n_rows=len(train),
                              n_unique={c: int(train[c].nunique()) for c in columns},
                              test_columns=[c for c in columns if c != "wage"], rejected_targets=["wage"])
    spec = TaskSpec(task_type="regression", target="wage", metric="rmse")
    state = RunState(request=payload.request, data_path="-", run_dir="-")
    held = _validated(spec, state, payload, train)
    assert held.target == "experience" and any("ruled 'wage' out" in n for n in held.notes)


def test_a_class_metric_on_a_label_target_is_a_classification(tmp_path):
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"x": rng.normal(size=60), "kind": rng.choice(["dog", "cat", "goat"], 60)})
    spec = run(tmp_path, "which kind is it? log loss", frame)
    assert (spec.target, spec.task_type, spec.metric) == ("kind", "multiclass", "log_loss")


def test_a_person_asked_which_column_hears_which_one_a_misspelled_name_means(tmp_path):
    out = node(tmp_path, "predict the wgae", census(), interactive=True)
    assert out["question"].text.startswith("Which column should I predict (did you mean 'wage'?)? Columns: wage")
    with pytest.raises(MlpilotError, match="did you mean 'wage'"):
        node(tmp_path, "predict the wgae", census())  # no one to ask: the error says it


def test_a_target_only_mentioned_is_delivered_with_a_warning_that_it_is_a_guess(tmp_path):
    out = node(tmp_path, "Census data on workers; we also have wage. Go.", census())
    assert out["spec"].target == "wage"
    assert any("the target 'wage' is a guess (mentioned in the request" in w and "--target" in w
               for w in out["warnings"])
    said = node(tmp_path, "Census data on workers. Estimate each person's weekly wage.", census())
    assert not any("is a guess" in w for w in said["warnings"])  # the words ask for it


def test_a_numeric_looking_target_read_as_text_is_an_error_saying_why(tmp_path):
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"size": rng.integers(40, 200, 60),
                          "price": [f"{v:,.2f} EUR/m2 approx" for v in rng.uniform(1e4, 9e4, 60)]})
    with pytest.raises(MlpilotError, match=r"cannot predict 'price': it is text with a different value in most rows "
                                           r"\(such as '.*EUR/m2 approx'\).*write them as plain numbers"):
        run(tmp_path, "predict price", frame)
