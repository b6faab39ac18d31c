"""The library changes nothing global: no plotting backend, no Optuna verbosity, no signal handler, no output;
and a run is recorded in the experience store the backend was configured with. One real run."""

import signal
import sys

import optuna

import mlpilot
from mlpilot.agent.backends import get_backend


def test_a_run_leaves_the_process_as_it_found_it(tmp_path, penguins, capfd):
    optuna.logging.set_verbosity(optuna.logging.INFO)
    handler = signal.getsignal(signal.SIGTERM)
    had_pyplot = "matplotlib.pyplot" in sys.modules
    backend = get_backend("expert", experience=str(tmp_path / "experience.jsonl"))
    result = mlpilot.solve("classify the penguin species", data=penguins, time_budget=10, out=tmp_path / "runs",
                           llm=backend)
    assert (result.run_dir / "report.html").read_text().count("data:image/png") >= 2  # the plots were drawn
    assert had_pyplot or "matplotlib.pyplot" not in sys.modules  # so no backend was chosen for the user's notebook
    assert optuna.logging.get_verbosity() == optuna.logging.INFO
    assert signal.getsignal(signal.SIGTERM) is handler
    out, err = capfd.readouterr()
    assert out == "" and err == ""
    assert result.verification.decision == "pass"  # so the run is recorded, in the configured store only
    assert (tmp_path / "experience.jsonl").read_text().count("\n") == 1
