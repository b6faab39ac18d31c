"""The generalization suite: its registry, its held-out third, subset selection, and real generated tasks."""

from __future__ import annotations

import pytest
import yaml

from mlpilot.errors import MlpilotError
from mlpilot.evals.general_tasks import GENERAL
from mlpilot.evals.grade import grade
from mlpilot.evals.make_suite import GENERATORS, find_generator
from mlpilot.evals.suite import SUITES_DIR, Suite, resolve_suite
from mlpilot.evals.task import TaskConfig, load_task

TYPES = {"binary", "multiclass", "regression"}


def test_registry_spreads_types_and_holds_out_every_third_task():
    assert len(GENERAL) >= 40 and not set(GENERAL) & set(GENERATORS)
    assert [g.holdout for g in GENERAL.values()] == [i % 3 == 2 for i in range(len(GENERAL))]
    held = [g for g in GENERAL.values() if g.holdout]
    assert len(held) >= 13
    assert {g.task_type for g in GENERAL.values()} == {g.task_type for g in held} == TYPES
    assert any(g.train_only for g in GENERAL.values()) and len({g.metric for g in GENERAL.values()}) >= 8
    assert len({g.request for g in GENERAL.values()}) == len(GENERAL)
    for name, gen in GENERAL.items():  # the metric fits the task type: what write_task's TaskConfig checks
        TaskConfig(id=name, task_type=gen.task_type, metric=gen.metric, id_column="id", target=gen.target)
    assert find_generator("car_mpg") == ("general", GENERAL["car_mpg"])
    with pytest.raises(MlpilotError, match="unknown generator"):
        find_generator("no_such_task")


def test_general_yaml_lists_every_task_with_its_holdout_flag():
    suite = Suite(**yaml.safe_load((SUITES_DIR / "general.yaml").read_text()))
    assert suite.name == "general"
    assert [(t.name, t.generator, t.holdout) for t in suite.tasks] == [(n, n, g.holdout) for n, g in GENERAL.items()]


def test_subsets_select_tuning_and_held_out_tasks_and_generate_valid_dirs(tmp_path):
    names = ["vote_1992", "pbc_outcome", "car_mpg", "oj_purchase"]  # small; pbc_outcome and oj_purchase are held out
    path = tmp_path / "mini.yaml"
    path.write_text(yaml.safe_dump({"name": "mini", "root": "cache", "tasks": [
        {"name": n, "generator": n, "holdout": GENERAL[n].holdout} for n in names]}))
    name, held = resolve_suite(f"{path}:holdout")
    assert name == "mini-holdout" and [d.name for d in held] == ["pbc_outcome", "oj_purchase"]
    assert not (tmp_path / "cache" / "vote_1992").exists()  # the other subset is not generated
    for directory in held:
        gen, task = GENERAL[directory.name], load_task(directory)
        train, test, answers = task.read("train"), task.read("test"), task.read("answers")
        sample = task.read("sample_submission")
        assert gen.target in train and gen.target not in test and gen.target in answers
        assert set(train.columns) - set(test.columns) == {gen.target, *gen.train_only}
        assert list(test[task.config.id_column]) == list(answers[task.config.id_column]) == list(
            sample[task.config.id_column])
        assert task.config.task_type == gen.task_type and grade(task, task.path("sample_submission")).valid
    assert (tmp_path / "cache" / "pbc_outcome" / "description.md").read_text().strip() == GENERAL["pbc_outcome"].request
    tune_name, tune = resolve_suite(f"{path}:tune")
    assert tune_name == "mini-tune" and [d.name for d in tune] == ["vote_1992", "car_mpg"]
    assert resolve_suite(path) == ("mini", [tmp_path / "cache" / n for n in names])
    with pytest.raises(MlpilotError, match="unknown subset 'test'"):
        resolve_suite(f"{path}:test")
