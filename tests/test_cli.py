"""Bad input: a one-line error naming the problem and the fix, exit code 2, no traceback, nothing lost."""

import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest


def mlpilot(*args, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "mlpilot", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300, env=None if env is None else {**os.environ, **env})


def assert_clean_error(result, *fragments):
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.strip().splitlines() if line.strip()]
    message = " ".join(lines)
    assert message.startswith("error:"), result.stderr
    for fragment in fragments:
        assert fragment in message, message


@pytest.fixture
def csv(tmp_path, penguins):
    path = tmp_path / "train.csv"
    penguins.to_csv(path, index=False)
    return path


def run(request, data, tmp_path, *extra):
    return mlpilot("run", request, "--data", str(data), "--out", str(tmp_path / "runs"), "--time-budget", "20s",
                   "--quiet", *extra)


def test_missing_file(tmp_path):
    assert_clean_error(run("predict species", tmp_path / "nope.csv", tmp_path), "nope.csv", "not found")


def test_the_cli_module_runs_as_the_package_does(tmp_path):
    result = subprocess.run([sys.executable, "-m", "mlpilot.cli", "run", "predict species", "--data",
                             str(tmp_path / "nope.csv")], capture_output=True, text=True, timeout=300)
    assert_clean_error(result, "nope.csv", "not found")  # before: nothing ran and it exited 0


def test_empty_file(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    assert_clean_error(run("predict species", empty, tmp_path), "empty")


def test_unreadable_encoding(tmp_path):
    garbage = tmp_path / "garbage.csv"
    garbage.write_bytes(bytes(np.random.default_rng(0).integers(0, 256, 4000, dtype=np.uint8)))
    result = run("predict species", garbage, tmp_path)
    assert_clean_error(result)


def test_target_not_found_shows_close_matches(csv, tmp_path):
    assert_clean_error(run("predict species", csv, tmp_path, "--target", "specie"), "'specie' (given with --target / target=) not found",
                       "'species'")


def test_target_all_missing(tmp_path, penguins):
    path = tmp_path / "t.csv"
    penguins.assign(label=np.nan).to_csv(path, index=False)
    assert_clean_error(run("predict the label", path, tmp_path, "--target", "label"), "label")


def test_single_class_target(tmp_path, penguins):
    path = tmp_path / "t.csv"
    penguins.assign(species="Adelie").to_csv(path, index=False)
    assert_clean_error(run("predict species", path, tmp_path), "species", "single")


def test_unknown_metric(csv, tmp_path):
    assert_clean_error(run("predict species", csv, tmp_path, "--metric", "recall"), "unknown metric", "roc_auc")


def test_metric_that_does_not_fit(csv, tmp_path):
    assert_clean_error(run("predict species", csv, tmp_path, "--metric", "rmse"), "does not fit a multiclass")


def test_test_file_columns_do_not_match(csv, tmp_path):
    other = tmp_path / "test.csv"
    pd.DataFrame({"x": [1, 2], "z": [3, 4]}).to_csv(other, index=False)
    assert_clean_error(run("predict species", csv, tmp_path, "--test", str(other)), "test")
    assert not list((tmp_path / "runs").rglob("*worker.log"))  # checked before any trial worker started


@pytest.mark.parametrize("budget,says", [("0", "must be positive"), ("-5m", "must be positive"),
                                         ("soon", "cannot read")])
def test_bad_budget(csv, tmp_path, budget, says):
    result = mlpilot("run", "predict species", "--data", str(csv), "--out", str(tmp_path), "--time-budget", budget)
    assert_clean_error(result, "time budget", says)


def test_output_directory_not_writable(csv, tmp_path):
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("keep me")
    result = mlpilot("run", "predict species", "--data", str(csv), "--out", str(blocked / "runs"))
    assert_clean_error(result, "cannot be a folder to write to", "pass --out")
    assert blocked.read_text() == "keep me"


def test_bad_input_loses_nothing_in_an_existing_output_folder(csv, tmp_path):
    runs = tmp_path / "runs"
    (runs / "run-old").mkdir(parents=True)
    (runs / "run-old" / "model.skops").write_text("previous model")
    assert_clean_error(run("predict species", csv, tmp_path, "--metric", "nope"), "unknown metric")
    assert (runs / "run-old" / "model.skops").read_text() == "previous model"


def test_sandbox_build_without_an_engine(tmp_path):
    assert_clean_error(mlpilot("sandbox", "build", env={"DOCKER_HOST": f"unix://{tmp_path}/no-engine.sock"}),
                       "no Docker engine reachable", "--sandbox local")


def test_predict_needs_a_run_directory(tmp_path, csv):
    assert_clean_error(mlpilot("predict", str(tmp_path), str(csv)), "not a finished run directory")


@pytest.mark.parametrize("command", [["chat"], ["serve", "--port", "0"]])
def test_an_output_folder_that_is_a_file(tmp_path, command):
    taken = tmp_path / "taken"
    taken.write_text("keep me")
    assert_clean_error(mlpilot(*command, "--out", str(taken)), "cannot be a folder to write to", "pass --out")
    assert taken.read_text() == "keep me"


def _exclude_csv(tmp_path):
    """A small regression: a strong legitimate column, a copy of the target in cents, and a column to exclude."""
    rng = np.random.default_rng(0)
    n = 400
    x = rng.normal(size=n)
    y = 3 * x + rng.normal(scale=0.1, size=n)
    path = tmp_path / "train.csv"
    pd.DataFrame({"sqft": x, "noise": rng.normal(size=n), "Zone": rng.choice(list("abc"), n),
                  "rooms": rng.integers(1, 6, n), "cents": y * 100, "y": y}).to_csv(path, index=False)
    return path


def test_exclude_reaches_the_profile_the_model_and_the_run_files(tmp_path):
    import json

    from typer.testing import CliRunner

    from mlpilot.api import load
    from mlpilot.cli import app

    result = CliRunner().invoke(app, ["run", "predict y", "--data", str(_exclude_csv(tmp_path)), "--target", "y",
                                      "--out", str(tmp_path / "runs"), "--time-budget", "15s", "--quiet",
                                      "--exclude", "zone", "-x", "rooms"])
    assert result.exit_code == 0, result.output
    run_dir = next((tmp_path / "runs").iterdir())
    summary = json.loads((run_dir / "summary.json").read_text())
    assert "column 'Zone' dropped: excluded by the user" in summary["warnings"]
    assert "column 'rooms' dropped: excluded by the user" in summary["warnings"]
    assert any(w.startswith("leakage suspect 'cents' dropped: a fixed linear map") for w in summary["warnings"])
    checks = {c["name"]: c for c in json.loads((run_dir / "verification.json").read_text())["checks"]}
    evidence = checks["target_not_feature"]["evidence"]
    assert checks["target_not_feature"]["passed"]
    for fragment in ("'Zone' dropped: excluded by the user", "'rooms' dropped: excluded by the user",
                     "'cents' dropped: a fixed linear map of the target", "'sqft' kept: alone predicts the target"):
        assert fragment in evidence, evidence
    assert set(load(run_dir).features) == {"sqft", "noise"}
    report = (run_dir / "report.html").read_text()
    assert "<h2>Leakage suspects</h2>" in report and "<code>Zone</code>" in report and "<code>sqft</code>" in report


def test_exclude_of_an_unknown_column_is_a_clean_error(tmp_path):
    from typer.testing import CliRunner

    from mlpilot.cli import app

    result = CliRunner().invoke(app, ["run", "predict y", "--data", str(_exclude_csv(tmp_path)), "--target", "y",
                                      "--out", str(tmp_path / "runs"), "--time-budget", "10s", "--quiet",
                                      "--exclude", "sqft,zones,romos"])
    message = " ".join(result.output.split())
    assert result.exit_code == 2 and message.startswith("error:"), result.output
    assert "'romos'" in message and "did you mean 'rooms'?" in message


def test_quiet_prints_nothing_when_the_llm_is_unreachable(tmp_path, csv):
    """A provider nobody answers: every role falls back to the expert within its deadline, the run delivers,
    and --quiet keeps the terminal silent (the fallbacks are warnings in the run's files, the summary too, not raw
    log lines)."""
    import json
    import socket

    with socket.socket() as s:  # a loopback port with nothing listening
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = run("predict species", csv, tmp_path, "--llm", "openai-compatible:nobody", "--base-url",
                 f"http://127.0.0.1:{port}/v1")
    assert result.returncode == 0 and result.stdout == "" and result.stderr == "", result.stderr
    [run_dir] = (tmp_path / "runs").iterdir()
    summary = json.loads((run_dir / "summary.json").read_text())
    events = [json.loads(line) for line in (run_dir / "events.jsonl").read_text().splitlines()]
    assert summary["llm_usage"]["fallbacks"] >= 2
    warned = [e["message"] for e in events if e.get("level") == "warning"]
    assert any(m.startswith("LLM: ") for m in warned)
    assert set(warned) <= set(summary["warnings"])  # told on the way and kept in the summary
    assert summary["elapsed_s"] <= 30
