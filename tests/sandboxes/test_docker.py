"""The Docker sandbox with the real engine: the sandbox contract, then the walls.

Each wall test sends a CV trial whose generated feature code does the hostile thing, checks the trial
comes back FAIL/TIMEOUT with a clear reason, that the host is untouched, and that the same sandbox runs
the next normal trial.
"""

from __future__ import annotations

import importlib.metadata
import ipaddress
import os
import pickle
import signal
import socket
import subprocess
import sys
import time
import uuid

import numpy as np
import pandas as pd
import pytest

from mlpilot.errors import MlpilotError
from mlpilot.sandboxes import get_sandbox, resolve_kind, trial_output
from mlpilot.agent.engineer import with_columns
from mlpilot.sandboxes.docker import LABEL, DockerSandbox, remove_leftovers
from mlpilot.sandboxes.feature_code import apply_feature_code, feature_sandbox
from mlpilot.sandboxes.image import OFFICIAL_BASE, _base_image, apt_mirror, current_spec, docker_client
from mlpilot.sandboxes.testing import SandboxContract, evil, variant, write_dataset
from mlpilot.tools.model_io import load_model

def containers(**labels) -> list:
    selector = [f"{k}={v}" for k, v in labels.items()] or [LABEL]
    return docker_client().containers.list(all=True, filters={"label": selector})


def host_address() -> str:
    """The host's address on its outward interface (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))
        return probe.getsockname()[0]


@pytest.mark.docker
class TestDockerSandbox(SandboxContract):
    def make(self, data_dir, out_dir, limits):
        return DockerSandbox(data_dir, out_dir, limits)

    def test_container_is_locked_down(self, sandbox):
        host = docker_client().containers.get(sandbox._container).attrs["HostConfig"]
        assert host["NetworkMode"] == "none" and host["ReadonlyRootfs"] is True
        assert host["CapDrop"] == ["ALL"] and "no-new-privileges" in host["SecurityOpt"]
        assert host["Memory"] == self.limits.memory_mb << 20 and host["MemorySwap"] == host["Memory"]
        assert host["PidsLimit"] == self.limits.pids and host["NanoCpus"] == self.limits.cpus * 10**9
        assert host["Tmpfs"] == {"/tmp": f"rw,nosuid,nodev,noexec,size={self.limits.tmpfs_mb}m"}
        modes = {bind.split(":")[1]: bind.split(":")[2] for bind in host["Binds"]}
        assert modes == {"/data": "ro", "/out": "rw", "/opt/mlpilot/mlpilot": "ro"}
        user = docker_client().containers.get(sandbox._container).attrs["Config"]["User"]
        assert not user.startswith("0")

    def test_cannot_read_a_host_secret(self, sandbox, job, tmp_path):
        secret = tmp_path / "host-secret.txt"
        token = uuid.uuid4().hex
        secret.write_text(token)
        code = evil(f"""
            import os
            token = {token[::-1]!r}[::-1]
            found = []
            for path in [{str(secret)!r}, '/proc/1/root' + {str(secret)!r}]:
                try:
                    found.append(open(path).read())
                except OSError:
                    pass
            for top in ['/data', '/out', '/opt', '/tmp', '/etc', '/root', '/home', '/mnt', '/srv', '/var', '/run']:
                for folder, _, names in os.walk(top):
                    for name in names:
                        try:
                            with open(os.path.join(folder, name), 'rb') as f:
                                if token.encode() in f.read(1 << 20):
                                    found.append(os.path.join(folder, name))
                        except OSError:
                            pass
            raise PermissionError(f'found {{found}}')
        """)
        outcome = sandbox.run(variant(job, "secret", code), timeout_s=60)
        assert outcome.status == "FAIL" and outcome.reason == "PermissionError: found []"
        self.assert_still_works(sandbox, job)

    def test_cannot_reach_the_host_or_the_outside(self, sandbox, job):
        server = socket.create_server(("0.0.0.0", 0))
        port = server.getsockname()[1]
        subnet = docker_client().networks.get("bridge").attrs["IPAM"]["Config"][0]["Subnet"]
        gateway = str(ipaddress.ip_network(subnet)[1])  # the host, as bridged containers see it
        targets = [("127.0.0.1", port), (gateway, port), (host_address(), port), ("1.1.1.1", 443), ("pypi.org", 443)]
        code = evil(f"""
            import socket
            results = []
            for host, port in {targets!r}:
                try:
                    socket.create_connection((host, port), timeout=3).sendall(b'leak')
                    results.append(host + ' connected')
                except OSError as err:
                    results.append(host + ' ' + type(err).__name__)
            raise ConnectionError('; '.join(results))
        """)
        outcome = sandbox.run(variant(job, "net", code), timeout_s=60)
        assert outcome.status == "FAIL" and outcome.reason.startswith("ConnectionError: ")
        assert "connected" not in outcome.reason and all(f"{host} " in outcome.reason for host, _ in targets)
        server.settimeout(0.5)
        with pytest.raises(TimeoutError):
            server.accept()  # nothing reached the server...
        with socket.create_connection(("127.0.0.1", port)):
            server.accept()[0].close()  # ...which was listening all along
        server.close()
        self.assert_still_works(sandbox, job)

    def test_fork_bomb_is_contained(self, sandbox, job):
        first = sandbox._container
        outcome = sandbox.run(variant(job, "forks", evil("import os\nwhile True:\n    os.fork()")), timeout_s=60)
        assert outcome.status == "FAIL" and "Resource temporarily unavailable" in outcome.reason
        sandbox.warm_up()
        running = [c.name for c in containers(**{"mlpilot.run": sandbox.run_id})]
        assert running == [sandbox._container] != [first]  # the container and its forks are gone
        self.assert_still_works(sandbox, job)

    def test_memory_past_the_limit_is_contained(self, sandbox, job):
        code = evil("blocks = []\nwhile True:\n    blocks.append(b'x' * (64 << 20))")
        outcome = sandbox.run(variant(job, "memory", code), timeout_s=60)
        assert outcome.status == "FAIL" and "out of memory" in outcome.reason
        self.assert_still_works(sandbox, job)

    def test_loop_forever_is_killed_and_removed(self, sandbox, job):
        first = sandbox._container
        outcome = sandbox.run(variant(job, "loop", evil("while True:\n    pass")), timeout_s=4)
        assert outcome.status == "TIMEOUT"
        sandbox.warm_up()
        replacement = [c.name for c in containers(**{"mlpilot.run": sandbox.run_id})]
        assert replacement == [sandbox._container] and sandbox._container != first
        self.assert_still_works(sandbox, job)

    def test_cannot_write_outside_the_output_mount(self, sandbox, job, tmp_path):
        planted = tmp_path / "planted.txt"
        targets = ["/evil", "/etc/evil", "/data/evil", "/data/train.parquet", "/opt/mlpilot/mlpilot/evil.py",
                   "/opt/venv/lib/python3.11/site-packages/sitecustomize.py", str(planted),
                   "/proc/sys/kernel/hostname", "/sys/fs/cgroup/evil"]
        code = evil(f"""
            wrote = []
            for path in {targets!r}:
                try:
                    with open(path, 'w') as f:
                        f.write('x')
                    wrote.append(path)
                except OSError:
                    pass
            with open('/out/trials/allowed.txt', 'w') as f:
                f.write('ok')
            raise PermissionError(f'wrote {{wrote}}')
        """)
        before = {p.name: p.stat().st_mtime for p in (tmp_path / "data").iterdir()}
        outcome = sandbox.run(variant(job, "write", code), timeout_s=60)
        assert outcome.status == "FAIL" and outcome.reason == "PermissionError: wrote []"
        assert (tmp_path / "out" / "trials" / "allowed.txt").read_text() == "ok"  # the code did run
        assert not planted.exists() and {p.name: p.stat().st_mtime for p in (tmp_path / "data").iterdir()} == before
        self.assert_still_works(sandbox, job)

    def test_filling_scratch_space_is_contained(self, sandbox, job):
        code = evil("""
            import os
            sizes = []
            for path in ['/tmp/fill', '/dev/shm/fill']:
                fd, mb = os.open(path, os.O_WRONLY | os.O_CREAT), 0
                try:
                    while True:
                        os.write(fd, b'0' * (1 << 20))
                        mb += 1
                except OSError as err:
                    sizes.append(f'{path} full at {mb} MB ({err.strerror})')
            raise OSError('; '.join(sizes))
        """)
        outcome = sandbox.run(variant(job, "fill", code), timeout_s=60)
        assert outcome.status == "FAIL", outcome.reason
        written = [int(part.split(" full at ")[1].split()[0]) for part in outcome.reason.split("; ")]
        assert written[0] <= self.limits.tmpfs_mb and written[1] <= 64, outcome.reason
        assert outcome.reason.count("No space left on device") == 2
        self.assert_still_works(sandbox, job)

    def test_malicious_model_files_are_refused(self, sandbox, job, tmp_path):
        marker = tmp_path / "pwned"
        code = evil(f"""
            import os, pickle
            import numpy as np
            import skops.io as sio
            from sklearn.preprocessing import FunctionTransformer

            class Payload:
                def __reduce__(self):
                    return (os.system, ('touch ' + {str(marker)!r},))

            out = '/out/final'
            os.makedirs(out, exist_ok=True)
            with open(out + '/model.pkl', 'wb') as f:
                pickle.dump(Payload(), f)
            with open(out + '/pickled.skops', 'wb') as f:
                pickle.dump(Payload(), f)
            np.save(out + '/oof.npy', np.array([Payload()], dtype=object), allow_pickle=True)
            sio.dump(FunctionTransformer(func=os.system, kw_args={{}}), out + '/model.skops')
        """)
        outcome = sandbox.run(variant(job, "pickle", code), timeout_s=60)
        assert outcome.status == "COMPLETE", outcome.reason  # the trial itself looks innocent
        final = tmp_path / "out" / "final"
        for name in ("model.pkl", "pickled.skops", "model.skops"):
            with pytest.raises(MlpilotError, match="refusing to load it"):
                load_model(final / name)
        with pytest.raises(ValueError, match="allow_pickle"):
            np.load(final / "oof.npy")
        assert not marker.exists()
        pickle.loads((final / "model.pkl").read_bytes())  # proof the payload was live: unpickling runs it
        assert marker.exists()

    def test_planted_links_and_devices_are_not_read(self, sandbox, job, tmp_path):
        secret = tmp_path / "host-secret.txt"
        secret.write_text("s3cret")
        code = evil(f"""
            import os
            os.makedirs('/out/trials/t9', exist_ok=True)
            os.symlink({str(secret)!r}, '/out/trials/t9/oof.npy')
            os.symlink('/', '/out/trials/root')
            os.mkfifo('/out/trials/t9/model.skops')
        """)
        outcome = sandbox.run(variant(job, "links", code), timeout_s=60)
        assert outcome.status == "COMPLETE", outcome.reason
        out = tmp_path / "out"
        assert (out / "trials/t9/oof.npy").read_text() == "s3cret"  # what a naive host read would get
        for planted in ("trials/t9/oof.npy", f"trials/root{secret}", "trials/t9/model.skops", "../data/folds.npy"):
            with pytest.raises(MlpilotError, match="refusing to read it"):
                trial_output(out, planted)
        assert trial_output(out, "trials/links/oof.npy").is_file()

    def test_model_with_generated_code_transforms_in_the_container(self, sandbox, job, tmp_path):
        code = evil("import socket\ndf = df.assign(e=df['a'] * 2, host=socket.gethostname())")
        fit = variant(job, "fitcode", code, kind="fit", folds_file=None,
                      profile=with_columns(job.profile, {"e": "numeric"}))
        outcome = sandbox.run(fit, timeout_s=60)
        assert outcome.status == "COMPLETE", outcome.reason
        model = load_model(sandbox.out_dir / outcome.model_file)
        frame = pd.read_parquet(sandbox.data_dir / "train.parquet").drop(columns="y")
        with feature_sandbox(sandbox):
            transformed = apply_feature_code(model.feature_code, frame.head(3))
            assert model.predict(frame).shape == (len(frame),)
        assert (transformed["host"] != socket.gethostname()).all() and "e" in transformed


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
