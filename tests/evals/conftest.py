"""Tiny eval tasks written through the same generator path as the dev suite."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from mlpilot.evals.make_suite import Generator, write_task

LABELS = {"binary": ["no", "yes"], "multiclass": ["ant", "bee", "cat"]}


def synthetic(task_type: str, n: int = 120, seed: int = 0) -> pd.DataFrame:
    """Numeric + categorical features with real signal, a few NaN, and a target of the given type."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=n)
    colour = rng.choice(["red", "green", "blue"], size=n)
    z = x + (colour == "red") + rng.normal(scale=0.5, size=n)
    frame = pd.DataFrame({"x": x, "colour": colour, "noise": rng.normal(size=n)})
    frame.loc[rng.choice(n, 5, replace=False), "noise"] = np.nan
    if task_type == "regression":
        frame["y"] = 10 + 3 * z
    else:
        labels = LABELS[task_type]
        cuts = np.quantile(z, np.linspace(0, 1, len(labels) + 1)[1:-1])
        frame["y"] = np.asarray(labels)[np.searchsorted(cuts, z)]
    return frame


@pytest.fixture
def make_task(tmp_path: Path):
    def make(task_type: str, metric: str, name: str | None = None, n: int = 120, **extra) -> Path:
        root = tmp_path / "tasks" / (name or f"{task_type}_{metric}")
        gen = Generator(lambda: synthetic(task_type, n), "y", task_type, metric,
                        f"predict y, scored by {metric}", **extra)
        write_task(gen, root)
        return root

    return make
