"""The Docker sandbox's life with the real engine: choosing it, its image, its containers removed after Ctrl-C,
crashes and dead runs, a whole run in it.
"""

from __future__ import annotations

import importlib.metadata
import os
import signal
import socket
import subprocess
import sys
import time
import uuid

import pandas as pd
import pytest
from engine import containers

from mlpilot.errors import MlpilotError
from mlpilot.sandboxes import get_sandbox, resolve_kind
from mlpilot.sandboxes.docker import LABEL, DockerSandbox, remove_leftovers
from mlpilot.sandboxes.image import OFFICIAL_BASE, _base_image, apt_mirror, current_spec, docker_client
from mlpilot.sandboxes.testing import SandboxContract, evil, variant, write_dataset
from mlpilot.tools.model_io import load_model


@pytest.mark.docker
def test_auto_chooses_docker_when_ready(tmp_path):
    write_dataset(tmp_path / "data")
    assert resolve_kind("auto")[0] == "docker"
    with get_sandbox("auto", tmp_path / "data", tmp_path / "out") as box:
        assert box.name == "docker" and box.warm_up() < 10


@pytest.mark.docker
def test_leftovers_of_dead_runs_are_removed(docker_ready):
    dead = subprocess.Popen(["true"])
    dead.wait()
    client = docker_client()
    labels = {LABEL: "1", "mlpilot.host": socket.gethostname()}
    stale = client.containers.run(docker_ready, ["sleep", "300"], detach=True, network_mode="none",
                                  labels={**labels, "mlpilot.pid": str(dead.pid)})
    live = client.containers.run(docker_ready, ["sleep", "300"], detach=True, network_mode="none",
                                 labels={**labels, "mlpilot.pid": str(os.getpid())})
    try:
        assert remove_leftovers(client) == [stale.name]
        assert [c.name for c in containers()] == [live.name]
    finally:
        live.remove(force=True)


DRIVER = """
import signal, sys, time
# Ctrl-C as a terminal delivers it, whatever the suite's process ignored or blocked when this one was spawned
signal.signal(signal.SIGINT, signal.default_int_handler)
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
from mlpilot.sandboxes.docker import DockerSandbox
from mlpilot.sandboxes.testing import evil, variant, write_dataset
from pathlib import Path
root = Path(sys.argv[1])
job = write_dataset(root / "data")
box = DockerSandbox(root / "data", root / "out", run_id=sys.argv[2])
with box:
    box.warm_up()
    print("running", flush=True)
    box.run(variant(job, "loop", evil("while True:\\n    pass")), timeout_s=300)
"""


@pytest.mark.docker
@pytest.mark.parametrize("how", ["ctrl-c", "crash"])
def test_containers_are_removed_on_ctrl_c_and_after_a_crash(how, tmp_path, docker_ready):
    run_id = f"test-{how}-{uuid.uuid4().hex[:6]}"
    driver = subprocess.Popen([sys.executable, "-c", DRIVER, str(tmp_path), run_id], stdout=subprocess.PIPE,
                              text=True)
    assert driver.stdout.readline().strip() == "running"
    time.sleep(1)
    assert len(containers(**{"mlpilot.run": run_id})) == 1
    driver.send_signal(signal.SIGINT if how == "ctrl-c" else signal.SIGKILL)
    driver.wait(timeout=30)
    if how == "crash":  # nothing could clean up: the next sandbox to start does
        assert len(containers(**{"mlpilot.run": run_id})) == 1
        remove_leftovers()
    assert containers(**{"mlpilot.run": run_id}) == []


@pytest.mark.docker
@pytest.mark.slow
def test_a_hostile_search_still_delivers_a_model(tmp_path):
    """Hostile generated feature steps in real Optuna searches sharing one container: each fails with its
    reason, the worker is replaced, and a clean search then fits and loads a model."""
    from mlpilot.schemas import Candidate, CVSpec, Plan, TaskSpec
    from mlpilot.tools.search import SearchData, enqueue, open_study, run_search

    job = write_dataset(tmp_path / "data")
    spec = TaskSpec(task_type="binary", target="y", metric="roc_auc")
    plan = Plan(candidates=[Candidate(family="linear")], cv=CVSpec(kind="stratified", n_splits=3), search_budget_s=120)
    hostile = {
        "fork bomb": evil("import os\nwhile True:\n    os.fork()"),
        "memory": evil("blocks = []\nwhile True:\n    blocks.append(b'x' * (64 << 20))"),
        "secret": evil(f"open({str(tmp_path / 'secret.txt')!r}).read()"),
        "network": evil("import socket\nsocket.create_connection(('1.1.1.1', 443), timeout=3)"),
        "write": evil("open('/opt/mlpilot/mlpilot/__init__.py', 'w').write('pwned')"),
        "loop": evil("while True:\n    pass"),
    }
    (tmp_path / "secret.txt").write_text("s3cret")
    limits = SandboxContract.limits
    with DockerSandbox(tmp_path / "data", tmp_path / "out", limits) as box:
        def finished(study) -> int:
            return sum(t.state.is_finished() for t in study.trials)

        def search(name: str, code: str | None, n_trials: int) -> list:
            study = open_study(tmp_path, spec, name=name)
            enqueue(study, [{"family": "linear", "C": 1.0}], "test")
            end = time.monotonic() + 40  # the first trial's limit: 34% of that; killed at 1.5 x + 5 s
            data = SearchData("train.parquet", "folds.npy", [0, 1], feature_code=code)
            return run_search(study, spec=spec, profile=job.profile, plan=plan, data=data, sandboxes=[box],
                              deadline=lambda: end if finished(study) < n_trials else 0, threads=1)

        reasons = {}
        for name, code in hostile.items():
            failed = search(name.replace(" ", "-"), code, 1)
            assert [t.state for t in failed] == ["TIMEOUT" if name == "loop" else "FAIL"], failed
            reasons[name] = failed[0].reason
        assert "Resource temporarily unavailable" in reasons["fork bomb"]
        assert "out of memory" in reasons["memory"]
        assert reasons["secret"].startswith("FileNotFoundError")
        assert reasons["network"].startswith("OSError") and "unreachable" in reasons["network"]
        assert reasons["write"].startswith("OSError") and "Read-only file system" in reasons["write"]
        assert reasons["loop"].startswith("timed out after") and reasons["loop"].endswith("s; worker killed")

        trials = search("clean", None, 3)
        assert [t.state for t in trials] == ["COMPLETE"] * 3
        best = max((t for t in trials if t.state == "COMPLETE"), key=lambda t: t.value)
        fit = variant(job, "final", kind="fit", folds_file=None, configs=[best.config])
        outcome = box.run(fit, timeout_s=60)
    assert outcome.status == "COMPLETE", outcome.reason
    model = load_model(tmp_path / "out" / outcome.model_file)
    assert model.predict(pd.read_parquet(tmp_path / "data" / "train.parquet").drop(columns="y")).shape == (240,)


def test_without_an_engine_auto_falls_back_to_local_and_docker_says_why(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/no-engine.sock")
    kind, why = resolve_kind("auto")
    assert kind == "local" and why.startswith("no Docker engine reachable") and "--sandbox local" in why
    write_dataset(tmp_path / "data")
    with get_sandbox("auto", tmp_path / "data", tmp_path / "out") as box:
        assert box.name == "local"
    with pytest.raises(MlpilotError, match="no Docker engine reachable"):
        get_sandbox("docker", tmp_path / "data", tmp_path / "out")
    with pytest.raises(MlpilotError, match="unknown sandbox 'podman'"):
        get_sandbox("podman", tmp_path / "data", tmp_path / "out")


def test_mirror_comes_from_the_hosts_apt_sources(tmp_path):
    sources = tmp_path / "sources.list.d"
    sources.mkdir()
    (sources / "debian.sources").write_text(
        "Types: deb\nURIs: http://security.example/debian-security\nSuites: bookworm-security\n\n"
        "Types: deb-src\nURIs: http://src.example/debian\nSuites: bookworm\n\n"
        "Types: deb\nURIs: http://mirror.example/debian/\nSuites: bookworm bookworm-updates\n"
    )
    assert apt_mirror(sources, tmp_path / "none.list") == "http://mirror.example/debian"
    one_line = tmp_path / "sources.list"
    one_line.write_text("# old style\ndeb [signed-by=/k.gpg] http://old.example/debian bookworm main\n")
    assert apt_mirror(tmp_path / "missing", one_line) == "http://old.example/debian"
    with pytest.raises(MlpilotError, match="no Debian mirror"):
        apt_mirror(tmp_path / "missing", tmp_path / "none.list")


def test_image_tag_is_a_hash_of_the_dependency_spec():
    spec = current_spec()
    assert spec.tag == current_spec().tag and spec.tag.startswith("mlpilot-sandbox:")
    assert "scikit-learn==" + importlib.metadata.version("scikit-learn") in spec.requirements
    assert spec.model_copy(update={"requirements": [*spec.requirements[:-1], "skops==0.1"]}).tag != spec.tag
    assert spec.model_copy(update={"dockerfile": spec.dockerfile + "\n# changed"}).tag != spec.tag


@pytest.mark.docker
@pytest.mark.slow
def test_solve_with_the_docker_sandbox(tmp_path):
    import mlpilot

    write_dataset(tmp_path / "data")
    frame = pd.read_parquet(tmp_path / "data" / "train.parquet")
    frame.to_csv(tmp_path / "train.csv", index=False)
    result = mlpilot.solve("predict y", data=tmp_path / "train.csv", target="y", time_budget=40,
                           out=tmp_path / "runs", sandbox="docker")
    assert result.summary["sandbox"] == "docker" and result.score is not None
    assert result.model.predict(frame.drop(columns="y").head(10)).shape == (10,)
    assert containers(**{"mlpilot.pid": str(os.getpid())}) == []  # removed at the end of the run


@pytest.mark.docker
def test_official_base_is_used_when_a_registry_answers_else_the_fix_is_named(tmp_path):
    client = docker_client()
    with open(tmp_path / "build.log", "w") as log:
        try:
            base = _base_image(client, "python", lambda *_: None, log)
        except MlpilotError as err:  # no registry (as on the CI machines): say how to build offline
            assert f"cannot pull {OFFICIAL_BASE}" in str(err) and "--base debootstrap" in str(err)
        else:
            assert base == OFFICIAL_BASE
        assert _base_image(client, "debootstrap", lambda *_: None, log).startswith("mlpilot-base:bookworm-")
