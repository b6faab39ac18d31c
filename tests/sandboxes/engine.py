"""Helpers for the Docker tests: the containers mlpilot left, the host's address."""

import socket

from mlpilot.sandboxes.docker import LABEL
from mlpilot.sandboxes.image import docker_client


def containers(**labels) -> list:
    selector = [f"{k}={v}" for k, v in labels.items()] or [LABEL]
    return docker_client().containers.list(all=True, filters={"label": selector})


def host_address() -> str:
    """The host's address on its outward interface (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))
        return probe.getsockname()[0]
