"""The generalization scorecard of an eval run (issue #9's targets) and its CV-vs-test gaps.

    python bench/generalization.py eval-runs/general-holdout-30s [more run dirs...]
"""

import json
import sys
from pathlib import Path

from mlpilot.evals.runner import read_rows, rows_frame
from mlpilot.evals.summary import cv_gaps, per_task, scorecard

for run in map(Path, sys.argv[1:]):
    scored = per_task(rows_frame(read_rows(run)))
    budget = json.loads((run / "run.json").read_text())["time_budget"]
    print(f"## {run.name} ({budget:g} s per task)")
    print(json.dumps({k: round(v, 3) for k, v in scorecard(scored, budget).items()}))
    print(cv_gaps(scored).to_string(index=False, float_format=lambda v: f"{v:.4g}"))
