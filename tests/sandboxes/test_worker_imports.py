"""The trial worker runs in the Docker image, which installs only ``sandboxes.image.PINNED`` and what they need. The
worker is imported here with every other installed package hidden, as in the image, and builds each family's learner:
an import the image cannot satisfy (such as the file loader's charset detection) fails here, not in every Docker
worker."""

import importlib.metadata
import json
import subprocess
import sys

from packaging.requirements import Requirement

from mlpilot.sandboxes.image import PINNED

IN_THE_IMAGE = """
import importlib.abc, importlib.metadata, json, sys
allowed = set(json.loads(sys.argv[1]))
owners = importlib.metadata.packages_distributions()

class Hidden(importlib.abc.MetaPathFinder):  # a package the image does not install cannot be found
    def find_spec(self, name, path=None, target=None):
        top = name.split(".")[0]
        dists = {d.lower().replace("_", "-") for d in owners.get(top, ())}
        if dists and top != "mlpilot" and not dists & allowed:
            raise ModuleNotFoundError(f"No module named {name!r} (not in the sandbox image)", name=name)
        return None

sys.meta_path.insert(0, Hidden())
import mlpilot.sandboxes.worker
from mlpilot.tools.space import FAMILIES
for family in FAMILIES.values():  # the learner each family builds imports its package lazily
    for task in ("binary", "regression"):
        family.make({"family": family.name, **(family.defaults or [{}])[0]}, task, 0, 1)
print("imports ok")
"""


def _closure(names) -> set[str]:
    """Distributions ``names`` install, with their dependencies (extras left out), normalized."""
    seen, todo = set(), [Requirement(n).name for n in names]
    while todo:
        name = todo.pop().lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = importlib.metadata.requires(name) or []
        except importlib.metadata.PackageNotFoundError:
            continue
        todo += [r.name for r in map(Requirement, requires) if not r.marker or r.marker.evaluate({"extra": ""})]
    return seen


def test_the_worker_needs_only_what_the_sandbox_image_installs():
    run = subprocess.run([sys.executable, "-c", IN_THE_IMAGE, json.dumps(sorted(_closure(PINNED)))],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0 and "imports ok" in run.stdout, run.stderr[-1500:]
