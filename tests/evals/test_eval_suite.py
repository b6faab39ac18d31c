"""Dev-suite generation (deterministic, MLE-bench layout), suite resolution, and the summary arithmetic."""

from __future__ import annotations

import filecmp

import pandas as pd
import pytest
import yaml

from mlpilot.errors import MlpilotError
from mlpilot.evals.grade import grade
from mlpilot.evals.make_suite import GENERATORS, generate
from mlpilot.evals.suite import SUITES_DIR, Suite, resolve_suite
from mlpilot.evals.summary import nps, overall, per_task
from mlpilot.evals.task import load_task


def test_generation_is_deterministic_and_follows_the_layout(tmp_path):
    a, b = generate("penguins", tmp_path / "a" / "penguins"), generate("penguins", tmp_path / "b" / "penguins")
    files = ["task.yaml", "description.md", "public/train.csv", "public/test.csv", "public/sample_submission.csv",
             "private/answers.csv"]
    match, mismatch, errors = filecmp.cmpfiles(a, b, files, shallow=False)
    assert match == files, (mismatch, errors)
    task = load_task(a)
    train, test, answers = task.read("train"), task.read("test"), task.read("answers")
    assert "species" in train and "species" not in test
    assert list(test["id"]) == list(answers["id"]) and not set(test["id"]) & set(train["id"])
    assert len(train) + len(test) == 344
    assert grade(task, task.path("sample_submission")).valid
    assert not list(a.parent.glob(".*partial"))


def test_leak_columns_are_in_train_only(tmp_path):
    task = load_task(generate("bikeshare", tmp_path / "bikeshare"))
    train, test = task.read("train"), task.read("test")
    assert {"casual", "registered"} <= set(train.columns)
    assert not {"casual", "registered"} & set(test.columns)
    assert (train["casual"] + train["registered"] == train["bikers"]).all()


def test_dev_suite_lists_known_generators_covering_the_task_kinds():
    suite = Suite(**yaml.safe_load((SUITES_DIR / "dev.yaml").read_text()))
    assert len(suite.tasks) >= 10
    assert all(t.generator in GENERATORS for t in suite.tasks)
    used = [GENERATORS[t.generator] for t in suite.tasks]
    assert {g.task_type for g in used} == {"binary", "multiclass", "regression"}
    assert any(g.train_only for g in used)
    assert len({g.metric for g in used}) >= 6


def test_missing_tasks_are_generated_and_a_task_dir_is_a_suite(tmp_path):
    path = tmp_path / "suite.yaml"
    path.write_text(yaml.safe_dump({"name": "mini", "root": "cache", "tasks": [{"name": "penguins", "generator": "penguins"}]}))
    name, dirs = resolve_suite(path)
    assert name == "mini" and dirs == [tmp_path / "cache" / "penguins"]
    assert load_task(dirs[0]).id == "penguins"
    assert resolve_suite(dirs[0]) == ("penguins", dirs)


def _rows(task, greater, scores):
    return [{"task": task, "system": s, "status": "ok" if v is not None else "failed", "score": v,
             "greater_is_better": greater, "seconds": 1.0, "llm_cost": None} for s, v in scores.items()]


def test_normalized_score_rank_and_comprehensive_score():
    rows = pd.DataFrame(_rows("auc", True, {"dummy": 0.5, "a": 0.9, "b": 0.7, "c": None})
                        + _rows("mae", False, {"dummy": 10.0, "a": 4.0, "b": 2.0, "c": 6.0}))
    scored = per_task(rows).set_index(["task", "system"])
    assert scored.loc[("auc", "dummy"), "normalized"] == 0
    assert scored.loc[("auc", "a"), "normalized"] == 1
    assert scored.loc[("auc", "b"), "normalized"] == pytest.approx((0.7 - 0.5) / (0.9 - 0.5))
    assert scored.loc[("mae", "a"), "normalized"] == pytest.approx((10 - 4) / (10 - 2))
    assert scored.loc[("auc", "c"), "rank"] == 3 and scored.loc[("mae", "b"), "rank"] == 1
    assert scored.loc[("auc", "a"), "winner"] == "a" and scored.loc[("mae", "a"), "winner"] == "b"
    table = overall(per_task(rows)).set_index("system")
    assert "dummy" not in table.index
    assert table.loc["c", "success_rate"] == 0.5
    assert table.loc["c", "mean_normalized"] == pytest.approx((0 + (10 - 6) / 8) / 2)
    assert table.loc["a", "comprehensive"] == pytest.approx(0.5 * 1 + 0.5 * (nps(0.9, True) + nps(4.0, False)) / 2)
    assert nps(4.0, False) == pytest.approx(1 / 5)
    assert list(table.index) == ["a", "b", "c"]  # best mean normalized score first
    # a system below a dummy that the best beats by a hair is scored as the dummy, not thousands below it
    below = per_task(pd.DataFrame(_rows("acc", True, {"dummy": 0.66984, "a": 0.66990, "b": 0.3756})))
    assert below.set_index("system")["normalized"].to_dict() == {"dummy": 0, "a": 1, "b": 0}
    tie = per_task(pd.DataFrame(_rows("acc", True, {"dummy": 0.5, "a": 0.9, "b": 0.9})))
    assert set(tie["winner"]) == {"a/b"} and list(overall(tie)["wins"]) == [1, 1]


def test_a_task_whose_data_package_is_missing_names_the_install(tmp_path):
    from mlpilot.evals.make_suite import Generator, write_task

    def load():
        import mlpilot_no_such_dataset_package  # noqa: F401 - the missing extra, as a user without it sees it

    gen = Generator(load, "y", "binary", "roc_auc", "predict y")
    with pytest.raises(MlpilotError, match=r'mlpilot_no_such_dataset_package package.*pip install "mlpilot\[datasets\]"'):
        write_task(gen, tmp_path / "task")
