"""The experience store: what won on the user's own past, verified runs, retrieved for similar datasets.

One JSON line per verified run in ``~/.mlpilot/experience.jsonl`` (or ``MLPILOT_EXPERIENCE``): the
dataset's meta-features, the metric, and the best configuration of each family with its CV score. The plan
role gets the nearest past runs of the same task type in its prompt.
"""

from __future__ import annotations

import json
import math
import os
import time
from pathlib import Path

from pydantic import BaseModel

from mlpilot.schemas import DatasetProfile, TaskSpec, TrialRecord
from mlpilot.tools.metrics import get_metric


class FamilyResult(BaseModel):
    family: str
    score: float
    config: dict


class Experience(BaseModel):
    task_type: str
    metric: str
    meta: dict[str, float]
    ranking: list[FamilyResult]
    recorded: str = ""


def meta_features(profile: DatasetProfile) -> dict[str, float]:
    """Scale-free numbers that describe a dataset well enough to compare two of them."""
    features = profile.features()
    n = max(1, len(features))
    share = lambda *roles: sum(c.role in roles for c in features) / n  # noqa: E731
    minority = 0.0
    if profile.class_counts:
        counts = list(profile.class_counts.values())
        minority = min(counts) / max(1, sum(counts))
    return {
        "log_rows": math.log10(max(1, profile.n_rows)),
        "log_features": math.log10(n),
        "numeric": share("numeric", "boolean"),
        "categorical": share("categorical", "high_card_categorical"),
        "text_or_date": share("text", "datetime"),
        "missing": profile.missing_frac,
        "minority": minority,
        "skew": min(5.0, abs(profile.target_skew or 0.0)) / 5,
    }


class ExperienceStore:
    def __init__(self, path: Path | str | None = None):
        self.path = Path(path or os.environ.get("MLPILOT_EXPERIENCE") or Path.home() / ".mlpilot" / "experience.jsonl")

    def record(self, spec: TaskSpec, profile: DatasetProfile, trials: list[TrialRecord]) -> Experience | None:
        """Append a verified run: the best finished configuration of each family, best first."""
        metric = get_metric(spec.metric)
        best: dict[str, TrialRecord] = {}
        for t in metric.best_first(t for t in trials if "family" in t.config):
            best.setdefault(t.config["family"], t)
        if not best:
            return None
        ranked = list(best.values())
        entry = Experience(
            task_type=spec.task_type, metric=metric.name, meta=meta_features(profile),
            ranking=[FamilyResult(family=t.config["family"], score=t.value, config=t.config) for t in ranked],
            recorded=time.strftime("%Y-%m-%d"),
        )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "a") as fh:
            fh.write(entry.model_dump_json() + "\n")
        return entry

    def similar(self, profile: DatasetProfile, k: int = 3, max_distance: float = 1.0) -> list[Experience]:
        """The ``k`` past runs of the same task type nearest to ``profile`` in meta-feature space."""
        if not self.path.is_file():
            return []
        here = meta_features(profile)
        scored = []
        for line in self.path.read_text().splitlines():
            try:
                past = Experience.model_validate_json(line)
            except ValueError:
                continue  # a torn line from a crashed write
            if past.task_type != profile.task_type:
                continue
            distance = math.sqrt(sum((here[key] - past.meta.get(key, 0.0)) ** 2 for key in here))
            if distance <= max_distance:
                scored.append((distance, past))
        return [past for _, past in sorted(scored, key=lambda pair: pair[0])[:k]]

    def prompt_text(self, profile: DatasetProfile) -> str:
        """The nearest past runs as JSON lines for the plan prompt, or "(none)"."""
        found = self.similar(profile)
        return "\n".join(json.dumps(e.model_dump(exclude={"recorded"})) for e in found) or "(none)"
