"""The sandbox image: its specification, hash tag, offline-capable build, and status.

The image holds Python 3.11 and the ML stack pinned to the versions installed on the host (so models
saved in a container load on the host), plus a non-root user. It is tagged ``mlpilot-sandbox:<hash>``
where the hash covers the Dockerfile and the pinned requirements only: it is rebuilt when they change.

Base image: the official ``python:3.11-slim-bookworm`` when present or pullable; otherwise (no registry)
a Debian bookworm root filesystem made with debootstrap from the host's apt mirror and ``docker import``-ed.
The same Dockerfile goes on top of either; pip runs with ``--network host`` and the host's CA bundle.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import re
import shutil
import ssl
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from mlpilot.errors import MlpilotError

IMAGE_REPO = "mlpilot-sandbox"
OFFICIAL_BASE = "python:3.11-slim-bookworm"
BOOTSTRAP_SUITE = "bookworm"  # Debian 12 ships Python 3.11, the interpreter the image must have
BOOTSTRAP_PACKAGES = ("python3", "python3-venv", "libgomp1", "ca-certificates")
PINNED = (
    "numpy", "scipy", "pandas", "pyarrow", "scikit-learn", "joblib", "threadpoolctl", "lightgbm",
    "xgboost-cpu", "catboost", "optuna", "torch", "pydantic", "skops",
)
SANDBOX_UID = 10001
BaseChoice = Literal["auto", "python", "debootstrap"]
Progress = Callable[[str, int | None, int | None], None]
"""Called with (message, step, total steps or None) as a build goes along."""


def _quiet(message: str, step: int | None, total: int | None) -> None:
    return None


class ImageSpec(BaseModel):
    """What the image is made of; ``tag`` is a hash of it."""

    dockerfile: str
    requirements: list[str]

    @property
    def digest(self) -> str:
        text = self.dockerfile + "\n--\n" + "\n".join(self.requirements)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    @property
    def tag(self) -> str:
        return f"{IMAGE_REPO}:{self.digest}"


def current_spec() -> ImageSpec:
    """The spec for this installation: the packaged Dockerfile and the host's versions of ``PINNED``."""
    dockerfile = files("mlpilot.sandboxes").joinpath("docker/Dockerfile").read_text()
    requirements = []
    for name in PINNED:
        try:
            requirements.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError as err:
            raise MlpilotError(f"{name} is not installed on the host: reinstall mlpilot (pip install mlpilot)") from err
    return ImageSpec(dockerfile=dockerfile, requirements=requirements)


def docker_client():
    """A client for the local engine, or MlpilotError saying how to get one."""
    import docker

    try:
        client = docker.from_env(timeout=120)
        client.ping()
    except Exception as err:  # docker raises DockerException or requests errors depending on the failure
        why = (str(err).splitlines() or [type(err).__name__])[0][:120]
        raise MlpilotError(f"no Docker engine reachable ({why}): start dockerd, or use --sandbox local") from err
    return client


class ImageStatus(BaseModel):
    engine: bool
    engine_detail: str
    cli: str | None
    tag: str
    present: bool
    base: str | None = None
    size_mb: float | None = None
    created: str | None = None
    stale_tags: list[str] = []

    @property
    def ready(self) -> bool:
        return self.engine and self.present and self.cli is not None


def image_status(spec: ImageSpec | None = None) -> ImageStatus:
    """Is the engine reachable, and is the image for the current spec present?"""
    spec = spec or current_spec()
    cli = shutil.which("docker")
    try:
        client = docker_client()
    except MlpilotError as err:
        return ImageStatus(engine=False, engine_detail=str(err), cli=cli, tag=spec.tag, present=False)
    version = client.version()
    status = ImageStatus(
        engine=True, engine_detail=f"Docker {version.get('Version')} (API {version.get('ApiVersion')})",
        cli=cli, tag=spec.tag, present=False,
    )
    for image in client.images.list(name=IMAGE_REPO):
        for tag in image.tags:
            if tag == spec.tag:
                status.present = True
                status.base = image.labels.get("mlpilot.base")
                status.size_mb = round(image.attrs["Size"] / 1e6, 1)
                status.created = image.attrs["Created"][:19]
            elif tag.startswith(IMAGE_REPO + ":"):
                status.stale_tags.append(tag)
    return status


class BuildReport(BaseModel):
    tag: str
    reused: bool
    base: str
    seconds: float
    size_mb: float


def build_image(
    *, force: bool = False, base: BaseChoice = "auto", progress: Progress = _quiet, log_path: Path | None = None
) -> BuildReport:
    """Build the sandbox image for the current spec, or reuse it when it already exists."""
    start = time.monotonic()
    spec = current_spec()
    client = docker_client()
    log_path = log_path or cache_dir() / "sandbox-build.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    if not force and client.images.list(name=spec.tag):
        image = client.images.get(spec.tag)
        progress(f"image {spec.tag} is current; nothing to build", None, None)
        return BuildReport(tag=spec.tag, reused=True, base=image.labels.get("mlpilot.base", "?"),
                           seconds=time.monotonic() - start, size_mb=round(image.attrs["Size"] / 1e6, 1))
    with open(log_path, "w") as log:
        base_image = _base_image(client, base, progress, log)
        with _context(spec) as (context, pip_options):
            progress(f"building {spec.tag} on {base_image}", 0, None)
            stream = client.api.build(
                path=str(context), tag=spec.tag, network_mode="host", rm=True, forcerm=True, decode=True,
                buildargs={"BASE": base_image, "PIP_OPTIONS": pip_options},
                labels={"mlpilot.spec": spec.digest, "mlpilot.base": base_image},
            )
            _follow_build(stream, progress, log, log_path)
    _remove_stale(client, spec.tag)
    image = client.images.get(spec.tag)
    return BuildReport(tag=spec.tag, reused=False, base=base_image, seconds=time.monotonic() - start,
                       size_mb=round(image.attrs["Size"] / 1e6, 1))


def _remove_stale(client, current: str) -> None:
    """Drop sandbox images of older specs, except any a container still uses."""
    import docker.errors

    for image in client.images.list(name=IMAGE_REPO):
        for tag in image.tags:
            if tag != current:
                try:
                    client.images.remove(tag)
                except docker.errors.APIError:  # in use by a container of another run
                    pass


def _follow_build(stream: Iterator[dict], progress: Progress, log, log_path: Path) -> None:
    last = ""
    for event in stream:
        if "error" in event:
            raise MlpilotError(f"sandbox image build failed: {event['error'].strip()[:200]} (full log: {log_path})")
        text = event.get("stream", "")
        log.write(text)
        log.flush()
        if step := re.match(r"Step (\d+)/(\d+) : (.*)", text):
            progress(step.group(3)[:80], int(step.group(1)), int(step.group(2)))
        elif text.strip():
            last = text.strip()
    if last:
        progress(last[:80], None, None)


def cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "mlpilot"


@contextmanager
def _context(spec: ImageSpec) -> Iterator[tuple[Path, str]]:
    """A build context: Dockerfile, requirements.txt, the host CA bundle and local wheels."""
    with tempfile.TemporaryDirectory(prefix="mlpilot-build-") as tmp:
        context = Path(tmp)
        (context / "Dockerfile").write_text(spec.dockerfile)
        (context / "requirements.txt").write_text("\n".join(spec.requirements) + "\n")
        shutil.copyfile(_ca_bundle(), context / "ca.crt")
        wheels = context / "wheels"
        wheels.mkdir()
        pip_options = ""
        for requirement in spec.requirements:
            name, version = requirement.split("==")
            if "+" not in version:  # a plain release: pip gets it from the index
                continue
            wheel = _local_wheel(name, version)
            if wheel is None:
                if name == "torch":
                    pip_options = "--extra-index-url https://download.pytorch.org/whl/cpu"
                    continue
                raise MlpilotError(f"no local wheel for {requirement}: put it in a pip find-links directory")
            _link_or_copy(wheel, wheels / wheel.name)
        yield context, pip_options


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _pip_config() -> dict[str, str]:
    """``pip config list`` as {key: value}, keys like 'global.find-links' or ':env:.cert'."""
    out = subprocess.run([sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True).stdout
    pairs = (re.match(r"([^=]+)='(.*)'$", line.strip()) for line in out.splitlines())
    return {m.group(1): m.group(2) for m in pairs if m}


def _ca_bundle() -> Path:
    """The CA bundle pip trusts on the host, else the system's, else certifi's."""
    config = _pip_config()
    candidates = [v for k, v in config.items() if k.endswith(".cert")]
    candidates.append(ssl.get_default_verify_paths().cafile or "")
    try:
        import certifi

        candidates.append(certifi.where())
    except ImportError:
        pass
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    raise MlpilotError("no CA bundle found for pip: set `pip config set global.cert /path/to/ca.pem`")


def _local_wheel(name: str, version: str) -> Path | None:
    """A cp311 Linux wheel of name==version in pip's find-links directories."""
    folders = [d for k, v in _pip_config().items() if k.endswith(".find-links") for d in v.split()]
    stem = f"{name.replace('-', '_')}-{version}-cp311-cp311-"
    for folder in folders:
        folder = Path(folder.removeprefix("file://"))
        if folder.is_dir():
            for wheel in sorted(folder.glob(stem + "*linux*x86_64.whl")):
                return wheel
    return None


def _base_image(client, choice: BaseChoice, progress: Progress, log) -> str:
    """The base to build on: the official Python image if available, else a debootstrapped Debian."""
    if choice in ("auto", "python"):
        if client.images.list(name=OFFICIAL_BASE):
            return OFFICIAL_BASE
        progress(f"pulling {OFFICIAL_BASE}", None, None)
        try:
            client.images.pull(OFFICIAL_BASE)
            return OFFICIAL_BASE
        except Exception as err:  # no registry: docker raises APIError/ImageNotFound/ConnectionError
            if choice == "python":
                raise MlpilotError(f"cannot pull {OFFICIAL_BASE} ({str(err)[:120]}): use --base debootstrap") from err
            log.write(f"pull {OFFICIAL_BASE} failed, bootstrapping Debian instead: {err}\n")
    return _bootstrapped_base(client, progress, log)


def _bootstrapped_base(client, progress: Progress, log) -> str:
    """``mlpilot-base:bookworm-<hash>``: debootstrap + docker import, made once and reused."""
    digest = hashlib.sha256(" ".join((BOOTSTRAP_SUITE, *BOOTSTRAP_PACKAGES)).encode()).hexdigest()[:12]
    tag = f"mlpilot-base:{BOOTSTRAP_SUITE}-{digest}"
    if client.images.list(name=tag):
        return tag
    if shutil.which("debootstrap") is None:
        raise MlpilotError("no registry and no debootstrap to make a base image: apt-get install debootstrap")
    if os.geteuid() != 0:
        raise MlpilotError("debootstrap needs root to make the base image: run `sudo mlpilot sandbox build` once")
    mirror = apt_mirror()
    with tempfile.TemporaryDirectory(prefix="mlpilot-rootfs-") as tmp:
        root = Path(tmp) / "rootfs"
        command = ["debootstrap", "--variant=minbase", "--include=" + ",".join(BOOTSTRAP_PACKAGES),
                   BOOTSTRAP_SUITE, str(root), mirror]
        progress(f"debootstrap {BOOTSTRAP_SUITE} from {mirror}", None, None)
        log.write("$ " + " ".join(command) + "\n")
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for line in proc.stdout:
            log.write(line)
            if line.startswith("I: "):
                progress(line[3:].strip()[:80], None, None)
        if proc.wait() != 0:
            raise MlpilotError(f"debootstrap failed (exit {proc.returncode}): see {log.name}")
        for junk in ("var/cache/apt/archives", "var/lib/apt/lists", "usr/share/doc", "usr/share/man",
                     "usr/share/info", "usr/share/locale"):
            shutil.rmtree(root / junk, ignore_errors=True)
        progress(f"importing the root filesystem as {tag}", None, None)
        archive = Path(tmp) / "rootfs.tar"
        with tarfile.open(archive, "w") as tar:
            tar.add(root, arcname=".")
        repository, version = tag.split(":")
        client.api.import_image_from_file(str(archive), repository=repository, tag=version)
    return tag


def apt_mirror(sources_dir: Path = Path("/etc/apt/sources.list.d"),
               sources_list: Path = Path("/etc/apt/sources.list")) -> str:
    """The host's Debian archive mirror (not its security mirror), read from its apt sources."""
    uris: list[str] = []
    for path in sorted(sources_dir.glob("*.sources")) if sources_dir.is_dir() else []:
        for stanza in path.read_text().split("\n\n"):
            fields = dict(re.findall(r"^(\w[\w-]*):\s*(.*)$", stanza, flags=re.MULTILINE))
            if "deb" in fields.get("Types", "").split() and fields.get("Enabled", "yes") != "no":
                uris += fields.get("URIs", "").split()
    if sources_list.is_file():
        for line in sources_list.read_text().splitlines():
            if match := re.match(r"\s*deb\s+(?:\[[^]]*\]\s+)?(\S+)\s+\S+", line):
                uris.append(match.group(1))
    for uri in uris:
        if "security" not in uri and uri.startswith(("http://", "https://", "file:/")):
            return uri.rstrip("/")
    raise MlpilotError("no Debian mirror in the host's apt sources: add one to /etc/apt/sources.list")
