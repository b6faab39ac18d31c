"""Greedy ensemble selection (Caruana et al., 2004) over the trials' out-of-fold predictions."""

from __future__ import annotations

from collections import Counter

import numpy as np

from mlpilot.tools.metrics import Metric


def select_ensemble(oofs: dict[int, np.ndarray], y: np.ndarray, metric: Metric, rounds: int = 25,
                    max_members: int = 5) -> tuple[dict[int, float], float]:
    """Pick trials with replacement to best improve the averaged OOF score; returns weights and score.

    ``oofs`` maps trial number to its OOF predictions on the same rows as ``y``, best trial first.
    """
    chosen: list[int] = []
    total = None
    best_score = metric.worst()
    for _ in range(rounds):
        pool = list(oofs) if len(set(chosen)) < max_members else sorted(set(chosen))
        scored = []
        for number in pool:
            blend = oofs[number] if total is None else (total + oofs[number]) / (len(chosen) + 1)
            scored.append((metric.score(y, blend), number))
        score, number = max(scored, key=lambda s: s[0] if metric.greater_is_better else -s[0])
        if chosen and not metric.better(score, best_score):
            break
        chosen.append(number)
        total = oofs[number] if total is None else total + oofs[number]
        best_score = score
    counts = Counter(chosen)
    return {n: c / len(chosen) for n, c in counts.items()}, best_score
