"""Greedy ensemble selection (Caruana et al., 2004) over the trials' out-of-fold predictions."""

from __future__ import annotations

from collections import Counter

import numpy as np

from mlpilot.tools.metrics import Metric
from mlpilot.tools.space import BASELINE

STEERED = ("tpe", "proposer")  # trial sources whose configurations were picked by looking at this data's scores


def candidate_pool(ranked: list, size: int) -> list:
    """The trials (best first, as ``ranked``) the ensemble is chosen among: at most ``size``, each configured
    before any score was seen (portfolio, defaults, a plan) and, of the search's own (steered) trials, the best
    of each family only.

    The search's many near-copies of one family would fill the pool with the draws most flattered by these
    rows (the winner's curse grows with the draws) and leave the blend nothing different to average; one per
    family keeps what the search found and bounds its luck.
    """
    searched: set[str] = set()
    pool = []
    for trial in ranked:
        family = trial.config.get("family")
        if trial.source in STEERED:
            if family in searched:
                continue
            searched.add(family)
        pool.append(trial)
    return pool[:size]


def blendable(pool: list, metric: Metric) -> list:
    """``pool`` without the constant baseline unless shrinking toward it can help (a metric that scores values):
    under a ranking or label metric it adds nothing real (its fold-wise priors shift each fold's scores: noise in
    a pooled AUC) and would flatten the probabilities delivered."""
    return [t for t in pool if metric.scores_values or t.config.get("family") != BASELINE["family"]] or pool


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
    return {n: c / len(chosen) for n, c in counts.items()}, float(best_score)


def choose_ensemble(oofs: dict[int, np.ndarray], y: np.ndarray, metric: Metric, max_members: int = 5,
                    seed: int = 0) -> tuple[dict[int, float], float, float]:
    """Ensemble selection or the best single trial, whichever generalises better; returns
    ``(weights, in-sample score, honest score)``, both in ``metric``.

    Choosing among many trials on the same out-of-fold rows is optimistic, the more so on small data. The
    honest score cross-fits the choice itself: each procedure (greedy blend, best single trial) picks on one
    half of the rows and is scored on the other, both ways round. The procedure with the better honest score
    is then run on all rows. Both the picking and the comparison use ``metric.chooses_by``.
    """
    by = metric.chooses_by
    halves = np.random.default_rng(seed).permutation(len(y)) % 2 == 0
    honest = {"blend": [], "single": []}  # (score in ``by``, score in ``metric``) on the other half
    for pick in (halves, ~halves):
        part = {n: o[pick] for n, o in oofs.items()}
        for way, weights in (("blend", select_ensemble(part, y[pick], by, max_members=max_members)[0]),
                             ("single", {_best_single(part, y[pick], by): 1.0})):
            other = _blend(oofs, weights, ~pick)
            honest[way].append((by.score(y[~pick], other), metric.score(y[~pick], other)))
    means = {way: np.mean(scores, axis=0) for way, scores in honest.items()}
    if not np.all(np.isfinite([*means["blend"], *means["single"]])):  # halves too small (a class missing from one)
        weights = select_ensemble(oofs, y, by, max_members=max_members)[0]
        score = metric.score(y, _blend(oofs, weights, slice(None)))
        return weights, score, score
    way = "blend" if by.better(means["blend"][0], means["single"][0]) else "single"
    weights = select_ensemble(oofs, y, by, max_members=max_members)[0] if way == "blend" \
        else {_best_single(oofs, y, by): 1.0}
    return weights, metric.score(y, _blend(oofs, weights, slice(None))), float(means[way][1])


def _blend(oofs: dict[int, np.ndarray], weights: dict[int, float], rows: np.ndarray) -> np.ndarray:
    return sum(w * oofs[n][rows] for n, w in weights.items())


def _best_single(oofs: dict[int, np.ndarray], y: np.ndarray, metric: Metric) -> int:
    scores = {n: metric.score(y, o) for n, o in oofs.items()}
    return max(scores, key=lambda n: scores[n] if metric.greater_is_better else -scores[n])
