"""Docker sandbox costs: image build, container start, worker ready time, and trial overhead vs local.

    .venv/bin/python bench/docker_overhead.py [--trials 100] [--from-nothing]

``--from-nothing`` first deletes the sandbox image, the bootstrapped base and dangling build layers, and
times the full build. Prints a table and writes bench/results/docker_overhead.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from mlpilot.sandboxes.base import Limits
from mlpilot.sandboxes.docker import DockerSandbox
from mlpilot.sandboxes.image import IMAGE_REPO, build_image, current_spec, docker_client
from mlpilot.sandboxes.local import LocalSandbox
from mlpilot.sandboxes.testing import variant, write_dataset

RESULTS = Path(__file__).parent / "results" / "docker_overhead.json"
SANDBOXES = {"local": LocalSandbox, "docker": DockerSandbox}


def wipe_images() -> None:
    client = docker_client()
    for repository in (IMAGE_REPO, None, "mlpilot-base"):  # children first: image, build layers, base
        if repository is None:
            client.images.prune(filters={"dangling": True})
        for image in client.images.list(name=repository) if repository else []:
            client.images.remove(image.id, force=True)


def timed(fn) -> float:
    start = time.monotonic()
    fn()
    return time.monotonic() - start


def ready_seconds(kind: str, data: Path, out: Path, limits: Limits) -> float:
    with SANDBOXES[kind](data, out, limits) as box:
        return box.warm_up()


def trial_batch(kind: str, data: Path, out: Path, limits: Limits, job, n: int) -> tuple[float, list[float]]:
    """(seconds for start + n trials + close, each trial's seconds)."""
    start = time.monotonic()
    each = []
    with SANDBOXES[kind](data, out, limits) as box:
        box.warm_up()
        for i in range(n):
            trial_start = time.monotonic()
            outcome = box.run(variant(job, f"{kind}-{i}"), timeout_s=60)
            each.append(time.monotonic() - trial_start)
            assert outcome.status == "COMPLETE", outcome.reason
    return time.monotonic() - start, each


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=2, help="alternating local/docker batches per sandbox")
    parser.add_argument("--from-nothing", action="store_true", help="delete the images and time a full build")
    args = parser.parse_args()
    results: dict = {"trials": args.trials}
    client = docker_client()

    if args.from_nothing:
        wipe_images()
        report = build_image()
        results["build_from_nothing_s"] = round(report.seconds, 1)
    report = build_image()
    results["image"], results["image_base"], results["image_size_mb"] = report.tag, report.base, report.size_mb
    results["rebuild_no_change_s"] = round(report.seconds, 2)
    results["rebuild_forced_cached_s"] = round(build_image(force=True).seconds, 2)
    tag = current_spec().tag
    starts = [timed(lambda: subprocess.run(["docker", "run", "--rm", "--network", "none", tag, "true"], check=True))
              for _ in range(3)]
    results["container_start_s"] = round(statistics.median(starts), 2)

    limits = Limits(memory_mb=2048, cpus=1, pids=256, tmpfs_mb=128)
    with tempfile.TemporaryDirectory(prefix="mlpilot-bench-") as tmp:
        root = Path(tmp)
        root.chmod(0o755)
        job = write_dataset(root / "data")
        for kind in SANDBOXES:
            ready = [ready_seconds(kind, root / "data", root / kind, limits) for _ in range(3)]
            results[f"ready_{kind}_s"] = round(statistics.median(ready), 2)
        totals: dict[str, list[float]] = {kind: [] for kind in SANDBOXES}
        trials: dict[str, list[float]] = {kind: [] for kind in SANDBOXES}
        for _ in range(args.repeats):
            for kind in SANDBOXES:
                total, each = trial_batch(kind, root / "data", root / kind, limits, job, args.trials)
                totals[kind].append(total)
                trials[kind] += each
    for kind in SANDBOXES:
        results[f"{kind}_total_s"] = round(min(totals[kind]), 2)
        results[f"{kind}_median_trial_ms"] = round(1000 * statistics.median(trials[kind]), 1)
    results["ratio_total"] = round(results["docker_total_s"] / results["local_total_s"], 3)
    results["ratio_median_trial"] = round(results["docker_median_trial_ms"] / results["local_median_trial_ms"], 3)
    results["engine"] = client.version()["Version"]

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2))
    table = Table("measure", "value", title=f"Docker sandbox costs ({args.trials} trials per batch)")
    for key, value in results.items():
        table.add_row(key, str(value))
    Console().print(table)
    print(f"written to {RESULTS}")


if __name__ == "__main__":
    main()
