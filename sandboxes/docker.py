"""The Docker sandbox: the worker runs in one long-lived, locked-down container per sandbox.

The container has no network, a read-only root filesystem with a size-limited tmpfs for scratch,
memory/CPU/pids limits, no capabilities and no-new-privileges. It sees the data read-only at /data,
the trial output directory writable at /out, and a staged copy of mlpilot's own Python sources read-only
at /opt/mlpilot/mlpilot (so the image stays a pure function of its dependency spec). A trial that fails
or times out retires its container: a fresh one warms up at once, whatever state the trial left.
Containers carry ``mlpilot.*`` labels; ones left by dead processes are removed when a sandbox starts.
"""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import stat
import subprocess
import tempfile
import uuid
from pathlib import Path

import mlpilot
from mlpilot.errors import MlpilotError
from mlpilot.sandboxes.base import STARTUP_S, FoldCallback, Limits, TrialJob, TrialOutcome, WorkerSandbox
from mlpilot.sandboxes.image import SANDBOX_UID, current_spec, docker_client

LABEL = "mlpilot.sandbox"


class DockerSandbox(WorkerSandbox):
    """Runs trials in a locked-down container built from the sandbox image."""

    name = "docker"

    def __init__(self, data_dir: str | Path | None = None, out_dir: str | Path | None = None,
                 limits: Limits | None = None, *,
                 image: str | None = None, run_id: str | None = None, label: str = "worker"):
        super().__init__(data_dir, out_dir, limits, label=label)
        self.image = image or current_spec().tag
        self.run_id = run_id or uuid.uuid4().hex[:12]
        self._cli = shutil.which("docker")
        if self._cli is None:
            raise MlpilotError("the docker command is not installed: install Docker, or use --sandbox local")
        self._client = docker_client()
        if not self._client.images.list(name=self.image):
            raise MlpilotError(f"sandbox image {self.image} is not built: run `mlpilot sandbox build`")
        self._container: str | None = None
        self._spawned = 0
        self._src: Path | None = None
        remove_leftovers(self._client)
        atexit.register(self.close)

    def sibling(self, label: str) -> DockerSandbox:
        return DockerSandbox(self.data_dir, self.out_dir, self.limits, image=self.image, label=label)

    def _spawn(self, log) -> subprocess.Popen:
        self._remove_container()  # the previous worker's, if it died
        if not self.data_dir.is_dir():
            raise MlpilotError(f"data directory {self.data_dir} does not exist: pass the run's data directory")
        if self._src is None:
            self._src = _stage_sources()
        self.out_dir.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:  # the container user must own its output directory
            _chown_tree(self.out_dir, SANDBOX_UID)
        self._spawned += 1
        self._container = f"mlpilot-{self.run_id}-{self._spawned}"
        return subprocess.Popen(
            self.command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, start_new_session=True,
        )

    def command(self) -> list[str]:
        """The ``docker run`` command line for the current container."""
        limits, threads = self.limits, str(self.limits.cpus)
        labels = {LABEL: "1", "mlpilot.run": self.run_id, "mlpilot.pid": str(os.getpid()),
                  "mlpilot.host": socket.gethostname()}
        return [
            self._cli, "run", "-i", "--name", self._container,
            *[arg for key, value in labels.items() for arg in ("--label", f"{key}={value}")],
            "--network", "none", "--read-only",
            "--tmpfs", f"/tmp:rw,nosuid,nodev,noexec,size={limits.tmpfs_mb}m",
            "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
            "--memory", f"{limits.memory_mb}m", "--memory-swap", f"{limits.memory_mb}m",
            "--cpus", threads, "--pids-limit", str(limits.pids), "--ulimit", "core=0",
            "--user", _container_user(self.data_dir),
            "-v", f"{self.data_dir}:/data:ro", "-v", f"{self.out_dir}:/out:rw",
            "-v", f"{self._src}:/opt/mlpilot/mlpilot:ro",
            "-e", f"OMP_NUM_THREADS={threads}", "-e", f"OPENBLAS_NUM_THREADS={threads}",
            "-e", f"MKL_NUM_THREADS={threads}",
            self.image, "python", "-m", "mlpilot.sandboxes.worker", "--data-dir", "/data", "--out-dir", "/out",
        ]

    def run(self, job: TrialJob, *, timeout_s: float, on_fold: FoldCallback | None = None,
            startup_s: float = STARTUP_S) -> TrialOutcome:
        outcome = super().run(job, timeout_s=timeout_s, on_fold=on_fold, startup_s=startup_s)
        if outcome.status == "FAIL":  # (after a TIMEOUT the base class has already replaced the worker)
            self._retire()
            self.start()
        return outcome

    def _kill(self, proc: subprocess.Popen) -> None:
        self._remove_container()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def _lost(self, job: TrialJob, proc: subprocess.Popen, start: float) -> TrialOutcome:
        outcome = super()._lost(job, proc, start)
        if self._oom_killed():
            outcome.reason = (f"out of memory: the trial went past the sandbox's {self.limits.memory_mb} MB "
                              "limit and its container was killed")
        return outcome

    def _oom_killed(self) -> bool:
        import docker.errors

        if self._container is None:
            return False
        try:
            return bool(self._client.containers.get(self._container).attrs["State"]["OOMKilled"])
        except docker.errors.NotFound:
            return False

    def _retire(self) -> None:
        """Kill and remove the current container."""
        if self._proc is not None:
            self._kill(self._proc)
            self._proc = None

    def _remove_container(self) -> None:
        import docker.errors

        if self._container is None:
            return
        try:
            self._client.api.remove_container(self._container, force=True)
        except docker.errors.NotFound:
            pass
        except docker.errors.APIError as err:  # removal already in progress
            if "in progress" not in str(err):
                raise

    def close(self) -> None:
        if self._proc is not None:  # the worker keeps no state: removing its container is the fast exit
            self._kill(self._proc)
            self._proc = None
        self._remove_container()
        self._container = None
        if self._src is not None:
            shutil.rmtree(self._src, ignore_errors=True)
            self._src = None
        atexit.unregister(self.close)


def remove_leftovers(client=None) -> list[str]:
    """Remove this host's sandbox containers whose owning process is gone; returns their names."""
    client = client or docker_client()
    removed = []
    for container in client.containers.list(all=True, filters={"label": LABEL}):
        labels = container.labels
        if labels.get("mlpilot.host") != socket.gethostname() or _alive(int(labels.get("mlpilot.pid", "0"))):
            continue
        container.remove(force=True)
        removed.append(container.name)
    return removed


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _container_user(data_dir: Path) -> str:
    """Run as the host user; when that is root, as the image's unprivileged user instead."""
    if os.geteuid() != 0:
        return f"{os.geteuid()}:{os.getegid()}"
    mode = data_dir.stat().st_mode
    if not (mode & stat.S_IROTH and mode & stat.S_IXOTH):
        raise MlpilotError(f"{data_dir} is not readable by the sandbox user (uid {SANDBOX_UID}): chmod o+rx it")
    return f"{SANDBOX_UID}:{SANDBOX_UID}"


def _chown_tree(root: Path, uid: int) -> None:
    for path in [root, *root.rglob("*")]:
        if not path.is_symlink() and path.stat().st_uid != uid:
            os.chown(path, uid, uid)


def _stage_sources() -> Path:
    """A world-readable copy of mlpilot's Python sources: the ``*.py`` files of its packages only."""
    stage = Path(tempfile.mkdtemp(prefix="mlpilot-src-"))
    _copy_package(Path(mlpilot.__file__).parent, stage)
    return stage


def _copy_package(source: Path, target: Path) -> None:
    target.mkdir(exist_ok=True)
    target.chmod(0o755)
    for entry in source.iterdir():
        if entry.suffix == ".py" and entry.is_file():
            shutil.copyfile(entry, target / entry.name)
            (target / entry.name).chmod(0o644)
        elif entry.is_dir() and not entry.name.startswith(".") and (entry / "__init__.py").is_file():
            _copy_package(entry, target / entry.name)
