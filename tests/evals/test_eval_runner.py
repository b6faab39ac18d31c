"""The runner end to end on tiny tasks: real child processes, real fits, real grading, resume, failures."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
import yaml
from typer.testing import CliRunner

from mlpilot.errors import MlpilotError
from mlpilot.evals import runner
from mlpilot.evals.curve import learning_curve
from mlpilot.evals.runner import RESULTS_FILE, evaluate, read_rows


def _suite(tmp_path: Path, make_task, *specs) -> Path:
    tasks = [{"name": root.name, "path": str(root)} for root in (make_task(t, m) for t, m in specs)]
    path = tmp_path / "suite.yaml"
    path.write_text(yaml.safe_dump({"name": "tiny", "tasks": tasks}))
    return path


def test_two_task_suite_with_baselines(tmp_path, make_task, monkeypatch):
    suite = _suite(tmp_path, make_task, ("binary", "roc_auc"), ("regression", "mae"))
    monkeypatch.chdir(tmp_path)  # a relative --out, as people type it; each attempt runs in its own folder
    scored = evaluate(suite, time_budget="5s", jobs=2, baselines=["lgbm", "hgb"], out=Path("runs"), mlpilot=False)
    run_dir = Path(scored.attrs["run_dir"])
    assert run_dir == Path("runs") / "tiny-5s"
    assert len(scored) == 6 and set(scored["status"]) == {"ok"}
    for _, group in scored.groupby("task"):
        dummy = group[group.system == "dummy"].iloc[0]
        assert dummy.normalized == 0
        assert group["normalized"].max() == pytest.approx(1.0)
        assert group.loc[group.normalized.idxmax(), "system"] in group["winner"].iloc[0].split("/")
        assert (group[group.system != "dummy"]["score"] != dummy.score).all()
    on_disk = pd.read_csv(run_dir / "results.csv")
    assert len(on_disk) == 6 and "normalized" in on_disk
    report = (run_dir / "report.html").read_text()
    assert report.count("data:image/png;base64,") == 3 and "regression_mae" in report
    for system in ("dummy", "lgbm", "hgb"):
        assert (run_dir / "tasks" / "binary_roc_auc" / system / "submission.csv").is_file()


@pytest.mark.slow
def test_failures_and_timeouts_are_rows_and_the_suite_goes_on(tmp_path, make_task, monkeypatch):
    broken = make_task("multiclass", "accuracy", name="broken")
    train = broken / "public" / "train.csv"
    good_train = train.read_bytes()
    train.write_text("nothing,useful\n1,2\n")
    suite = tmp_path / "suite.yaml"
    suite.write_text(yaml.safe_dump({"name": "mixed", "root": str(broken.parent),
                                     "tasks": [{"name": "broken"}, {"name": make_task("binary", "f1").name}]}))
    monkeypatch.setattr(runner, "time_limit", lambda budget: 10.0)
    scored = evaluate(suite, time_budget=60, jobs=2, baselines=["lgbm", "flaml"], out=tmp_path, mlpilot=False)
    rows = scored.set_index(["task", "system"])
    assert rows.loc[("broken", "lgbm"), "status"] == "failed"
    assert "KeyError" in rows.loc[("broken", "lgbm"), "reason"]
    assert rows.loc[("binary_f1", "lgbm"), "status"] == "ok"
    assert rows.loc[("binary_f1", "flaml"), "status"] == "timeout"  # a 60 s FLAML budget cut at 10 s
    assert rows.loc[("binary_f1", "flaml"), "rank"] == 2  # failures rank last

    train.write_bytes(good_train)  # fixed: --retry-failed reruns only the attempts without a valid score
    before = {(r.task, r.system): r for r in read_rows(tmp_path / "mixed-60s")}
    scored = evaluate(suite, time_budget=60, jobs=2, baselines=["lgbm", "flaml"], out=tmp_path, mlpilot=False,
                      retry_failed=True)
    after = {(r.task, r.system): r for r in read_rows(tmp_path / "mixed-60s")}
    assert after.keys() == before.keys()
    assert after[("broken", "lgbm")].status == "ok"
    assert after[("binary_f1", "lgbm")] == before[("binary_f1", "lgbm")]
    assert after[("binary_f1", "flaml")].finished_at >= before[("binary_f1", "flaml")].finished_at


@pytest.mark.slow
def test_resume_after_interruption(tmp_path, make_task):
    suite = _suite(tmp_path, make_task, ("binary", "accuracy"), ("multiclass", "f1_macro"))
    out = tmp_path / "runs"
    child = subprocess.Popen([sys.executable, "-m", "mlpilot", "eval", str(suite), "-t", "8s", "--baselines",
                              "flaml,lgbm", "--out", str(out), "--no-mlpilot"])
    results = out / "tiny-8s" / RESULTS_FILE
    deadline = time.monotonic() + 120
    while not (results.is_file() and results.read_text().count("\n") >= 1) and time.monotonic() < deadline:
        time.sleep(0.2)
    child.send_signal(signal.SIGTERM)  # mid-suite: FLAML (8 s) is running on the first task
    assert child.wait(timeout=60) == 130
    first = read_rows(out / "tiny-8s")
    assert 1 <= len(first) < 6
    scored = evaluate(suite, time_budget=8, jobs=1, baselines=["flaml", "lgbm"], out=out, mlpilot=False)
    after = read_rows(out / "tiny-8s")
    assert after[:len(first)] == first  # finished attempts were kept, not rerun
    assert sorted((r.task, r.system) for r in after) == sorted(
        (t, s) for t in ("binary_accuracy", "multiclass_f1_macro") for s in ("dummy", "flaml", "lgbm"))
    assert set(scored["status"]) == {"ok"}


def test_bad_arguments_name_the_fix(tmp_path, make_task):
    task = make_task("regression", "rmse")
    with pytest.raises(MlpilotError, match="unknown baseline 'xgb'"):
        evaluate(task, baselines=["xgb"], out=tmp_path)
    with pytest.raises(MlpilotError, match="neither a suite file"):
        evaluate(tmp_path / "nowhere.yaml", out=tmp_path)
    with pytest.raises(MlpilotError, match="jobs must be at least 1"):
        evaluate(task, jobs=0, out=tmp_path)
    with pytest.raises(MlpilotError, match="cannot read time budget"):
        evaluate(task, time_budget="soon", out=tmp_path)


def test_cli_eval_and_eval_report(tmp_path, make_task):
    import typer

    from mlpilot.evals.cli import register

    app = typer.Typer()
    register(app)
    task = make_task("binary", "log_loss")
    result = CliRunner().invoke(app, ["eval", str(task), "-t", "5s", "--baselines", "lgbm", "--no-mlpilot",
                                      "--out", str(tmp_path / "runs"), "--run-id", "one"])
    assert result.exit_code == 0, result.output
    assert "lgbm" in result.output and "runs/one" in result.output.replace("\n", "")
    (tmp_path / "runs" / "one" / "report.html").unlink()
    result = CliRunner().invoke(app, ["eval-report", str(tmp_path / "runs" / "one")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "runs" / "one" / "report.html").is_file()
    result = CliRunner().invoke(app, ["eval-report", str(tmp_path)])
    assert result.exit_code == 2 and "has no results yet" in result.output
    result = CliRunner().invoke(app, ["eval", str(task), "-t", "2s", "--baselines", "lgbm,hgb", "--no-mlpilot",
                                      "--out", str(tmp_path / "runs"), "--run-id", "two"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(app, ["eval-report", str(tmp_path / "runs" / "one"), str(tmp_path / "runs" / "two")])
    assert result.exit_code == 0, result.output
    assert "<img" in (tmp_path / "runs" / "learning-curve.html").read_text()
    curve = learning_curve([tmp_path / "runs" / "one", tmp_path / "runs" / "two"])
    assert set(zip(curve["system"], curve["budget"])) == {("lgbm", 5.0), ("lgbm", 2.0), ("hgb", 2.0)}
    assert curve["mean_normalized"].max() == 1.0 and (curve["valid"] == 1.0).all()
    lgbm = curve[curve["system"] == "lgbm"]["mean_normalized"]
    assert lgbm.nunique() == 1  # the same deterministic fit at both budgets: the same point, normalized together


def test_cli_eval_checks_the_llm_once_before_any_attempt(tmp_path, make_task, monkeypatch):
    import typer

    from mlpilot.evals.cli import register

    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    app = typer.Typer()
    register(app)
    result = CliRunner().invoke(app, ["eval", str(make_task("binary", "log_loss")), "--llm", "openai:gpt-4.1-mini",
                                      "--out", str(tmp_path / "runs")])
    assert result.exit_code == 2 and "OPENAI_API_KEY is not set" in result.output
    assert not (tmp_path / "runs").exists()


@pytest.mark.slow
def test_two_task_suite_end_to_end_with_mlpilot(tmp_path, make_task):
    suite = _suite(tmp_path, make_task, ("binary", "roc_auc"), ("regression", "rmse"))
    scored = evaluate(suite, time_budget=20, jobs=2, baselines=["lgbm"], out=tmp_path / "runs")
    agent = scored[scored.system == "mlpilot"]
    assert len(agent) == 2
    assert (agent["status"] == "ok").all(), agent["reason"].tolist()
    assert (agent["normalized"] > 0.5).all()
    assert agent["cv_score"].notna().all()
