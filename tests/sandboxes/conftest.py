"""Docker tests need an engine and the current sandbox image: under CI=true their absence is a failure,
elsewhere the tests skip and say why."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session")
def docker_ready() -> str:
    """The sandbox image tag, once the engine and image are known to be ready."""
    from mlpilot.sandboxes import resolve_kind
    from mlpilot.sandboxes.image import current_spec

    kind, why = resolve_kind("auto")
    if kind != "docker":
        if os.environ.get("CI") == "true":
            pytest.fail(f"Docker tests cannot run under CI: {why}", pytrace=False)
        pytest.skip(f"Docker not ready: {why}")
    return current_spec().tag


@pytest.fixture(autouse=True)
def _needs_docker(request):
    if request.node.get_closest_marker("docker") is not None:
        request.getfixturevalue("docker_ready")
