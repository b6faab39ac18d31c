"""Bad input: a one-line error naming the problem and the fix, exit code 2, no traceback, nothing lost."""

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest


def mlpilot(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "mlpilot", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300)


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
    assert_clean_error(run("predict species", csv, tmp_path, "--target", "specie"), "'specie' not found",
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
    assert_clean_error(run("predict species", csv, tmp_path, "--metric", "auprc"), "unknown metric", "roc_auc")


def test_metric_that_does_not_fit(csv, tmp_path):
    assert_clean_error(run("predict species", csv, tmp_path, "--metric", "rmse"), "does not fit a multiclass")


def test_test_file_columns_do_not_match(csv, tmp_path):
    other = tmp_path / "test.csv"
    pd.DataFrame({"x": [1, 2], "z": [3, 4]}).to_csv(other, index=False)
    assert_clean_error(run("predict species", csv, tmp_path, "--test", str(other)), "test")


@pytest.mark.parametrize("budget", ["0", "-5m", "soon"])
def test_bad_budget(csv, tmp_path, budget):
    result = mlpilot("run", "predict species", "--data", str(csv), "--out", str(tmp_path), "--time-budget", budget)
    assert_clean_error(result, "time budget")


def test_output_directory_not_writable(csv, tmp_path):
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("keep me")
    result = mlpilot("run", "predict species", "--data", str(csv), "--out", str(blocked / "runs"))
    assert_clean_error(result, "not writable")
    assert blocked.read_text() == "keep me"


def test_bad_input_loses_nothing_in_an_existing_output_folder(csv, tmp_path):
    runs = tmp_path / "runs"
    (runs / "run-old").mkdir(parents=True)
    (runs / "run-old" / "model.skops").write_text("previous model")
    assert_clean_error(run("predict species", csv, tmp_path, "--metric", "nope"), "unknown metric")
    assert (runs / "run-old" / "model.skops").read_text() == "previous model"


def test_predict_needs_a_run_directory(tmp_path, csv):
    assert_clean_error(mlpilot("predict", str(tmp_path), str(csv)), "not a finished run directory")
