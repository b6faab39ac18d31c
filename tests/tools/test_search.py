"""A real Optuna study over a real local sandbox: defaults first, failures recorded, resumable."""

import time

import numpy as np

from mlpilot.sandboxes import LocalSandbox
from mlpilot.sandboxes.testing import write_dataset
from mlpilot.schemas import Candidate, CVSpec, Plan, TaskSpec
from mlpilot.tools.search import SearchData, enqueue, open_study, records, run_search


def test_search_runs_defaults_then_tpe_and_survives_a_crash(tmp_path):
    job = write_dataset(tmp_path / "data")
    spec = TaskSpec(task_type="binary", target="y", metric="roc_auc")
    plan = Plan(candidates=[Candidate(family="linear", defaults=[{"family": "linear", "C": 1.0}]),
                            Candidate(family="hist_gb")], cv=CVSpec(kind="stratified", n_splits=3),
                search_budget_s=30)
    data = SearchData(data_file="train.parquet", folds_file="folds.npy", classes=[0, 1])
    study = open_study(tmp_path, spec)
    enqueue(study, [{"family": "linear", "C": -1.0}], "proposer")  # invalid: the trial fails, the search goes on
    enqueue(study, plan.warm_start(), "default")
    seen = []
    with LocalSandbox(tmp_path / "data", tmp_path / "trials") as box:
        stop = time.monotonic() + 25
        trials = run_search(study, spec=spec, profile=job.profile, plan=plan, data=data, sandboxes=[box],
                            deadline=lambda: stop if len(seen) < 6 else 0, threads=1, on_trial=seen.append)
    assert [t.number for t in seen] == list(range(6)) and len(trials) == 6
    assert trials[0].state == "FAIL" and "'C' parameter" in trials[0].reason
    assert trials[1].source == "default" and trials[1].state == "COMPLETE" and trials[1].value > 0.8
    assert {t.config["family"] for t in trials[2:]} <= {"linear", "hist_gb"}
    oof = np.load(tmp_path / "trials" / study.study_name / "trial-1" / "oof.npy")
    assert oof.shape == (240, 2)
    resumed = open_study(tmp_path, spec)
    assert [t.number for t in records(resumed)] == list(range(6))


def test_two_sandboxes_run_trials_side_by_side_in_one_study(tmp_path):
    job = write_dataset(tmp_path / "data")
    spec = TaskSpec(task_type="binary", target="y", metric="roc_auc")
    plan = Plan(candidates=[Candidate(family="hist_gb"), Candidate(family="linear")],
                cv=CVSpec(kind="stratified", n_splits=3), search_budget_s=30)
    study = open_study(tmp_path, spec)
    seen = []
    with LocalSandbox(tmp_path / "data", tmp_path / "trials") as first, first.sibling("worker-2") as second:
        stop = time.monotonic() + 60
        trials = run_search(study, spec=spec, profile=job.profile, plan=plan, sandboxes=[first, second], threads=1,
                            data=SearchData(data_file="train.parquet", folds_file="folds.npy", classes=[0, 1]),
                            deadline=lambda: stop if len(seen) < 8 else 0, on_trial=seen.append)
    assert len(trials) >= 8 and sorted(t.number for t in seen) == list(range(len(seen)))
    assert all(t.state in ("COMPLETE", "PRUNED") for t in trials)
    assert (tmp_path / "trials" / "local-worker.log").exists() and (tmp_path / "trials" / "local-worker-2.log").exists()
    spans = sorted((t.datetime_start, t.datetime_complete) for t in study.trials if t.datetime_complete)
    assert any(later_start < end for (_, end), (later_start, _) in zip(spans, spans[1:]))  # they overlapped


def test_a_journal_record_half_written_when_the_run_died_is_cut_off(tmp_path):
    spec = TaskSpec(task_type="regression", target="y", metric="rmse")
    study = open_study(tmp_path, spec)
    for x in (1.0, 2.0):
        trial = study.ask()
        study.tell(trial, x)
    journal = tmp_path / "study.journal"
    with open(journal, "ab") as fh:
        fh.write(b'{"op_code":7,"worker_id":"dead-pro')  # the write a kill or a full disk cut short
    again = open_study(tmp_path, spec)
    again.tell(again.ask(), 3.0)
    assert [t.value for t in open_study(tmp_path, spec).trials] == [1.0, 2.0, 3.0]
    assert journal.read_bytes().endswith(b"\n")


def test_the_sampler_steers_away_from_a_family_that_keeps_failing(tmp_path):
    """Failed trials count as bad results to TPE: a family that breaks on a table stops being drawn."""
    from mlpilot.sandboxes.base import TrialOutcome
    from mlpilot.tools.search import tell
    from mlpilot.tools.space import suggest

    study = open_study(tmp_path, TaskSpec(task_type="binary", target="y", metric="roc_auc"))
    rng = np.random.default_rng(0)
    drawn = []
    for n in range(40):
        trial = study.ask()
        family = suggest(trial, ["hist_gb", "linear", "lightgbm"], "binary")["family"]
        drawn.append(family)
        outcome = TrialOutcome(job_id=f"trial-{n}", status="FAIL", reason="ValueError: broken") if family == "hist_gb" \
            else TrialOutcome(job_id=f"trial-{n}", status="COMPLETE", value=float(rng.uniform(0.7, 0.8)))
        tell(study, trial, outcome)
    assert "hist_gb" in drawn[:10] and drawn[20:].count("hist_gb") <= 3, drawn
    assert [t.state == "FAIL" for t in records(study)] == [f == "hist_gb" for f in drawn]  # reported as they were


STRONG, WEAK = {"family": "linear", "C": 1.0}, {"family": "linear", "C": 1e-6}  # the weak one: near-constant


def _search_queued(tmp_path, queued: list[tuple[dict, str]]):
    """Run the queued (configuration, source) trials in order on a binary table; room for 3 candidates
    (ensemble size 1). Returns the finished trials and the study's name."""
    job = write_dataset(tmp_path / "data")
    spec = TaskSpec(task_type="binary", target="y", metric="roc_auc")
    plan = Plan(candidates=[Candidate(family="linear"), Candidate(family="hist_gb")], ensemble_size=1,
                cv=CVSpec(kind="stratified", n_splits=3), search_budget_s=30)
    study = open_study(tmp_path, spec)
    for config, source in queued:
        enqueue(study, [config], source)
    seen = []
    with LocalSandbox(tmp_path / "data", tmp_path / "trials") as box:
        stop = time.monotonic() + 60
        trials = run_search(study, spec=spec, profile=job.profile, plan=plan,
                            deadline=lambda: stop if len(seen) < len(queued) else 0,
                            data=SearchData(data_file="train.parquet", folds_file="folds.npy", classes=[0, 1]),
                            sandboxes=[box], threads=1, on_trial=seen.append)
    assert plan.candidate_trials == 3
    return [t for t in trials if t.state == "COMPLETE"], study.study_name


def test_only_trials_among_the_ensemble_candidates_keep_their_fold_models(tmp_path):
    """A trial that finishes below the third best so far is never chosen: its out-of-fold predictions are
    kept, its fold models are not saved."""
    queued = [STRONG, STRONG | {"C": 2.0}, STRONG | {"C": 0.5}, WEAK, WEAK | {"C": 2e-6}]
    done, name = _search_queued(tmp_path, [(c, "default") for c in queued])
    assert len(done) == 5
    best = sorted(done, key=lambda t: t.value, reverse=True)[:3]
    assert {t.number for t in best} == {0, 1, 2}
    for t in best:
        assert (tmp_path / "trials" / t.model_file).is_file()
    for t in done[3:]:  # below the third best when they started: scored, not saved
        assert t.model_file is None and (tmp_path / "trials" / t.oof_file).is_file()
        assert not (tmp_path / "trials" / name / f"trial-{t.number}" / "model.skops").exists()


def test_a_searched_trial_below_its_familys_searched_best_is_not_a_candidate(tmp_path):
    """Of the search's own trials only each family's best joins the ensemble's pool, so a searched trial below
    it keeps no fold models even with room in the pool; a default below it does."""
    done, _ = _search_queued(tmp_path, [(STRONG, "tpe"), (WEAK, "tpe"), (WEAK | {"C": 2e-6}, "default")])
    assert [t.number for t in done] == [0, 1, 2] and done[0].value > done[1].value
    assert done[0].model_file and done[1].model_file is None and done[2].model_file
