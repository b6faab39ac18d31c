"""TPE alone vs TPE + LLM proposals in the same Optuna study, at equal trial counts, on dev tasks.

    .venv/bin/python bench/hpo_proposer.py [--tasks penguins,hr_attrition,credit_data] [--trials 24]

Arms (every arm runs exactly ``--trials`` trials of one study per task, same seed, same folds, same
expert plan and default configurations enqueued first):
    tpe        TPE only
    expert     TPE + the expert backend's proposals
    scripted   TPE + proposals from a scripted LLM (tests/backends/scripted.py: local search around the
               best configurations, computed from the prompt), served by a local OpenAI-wire server and read
               through the real OpenAI SDK and LLMBackend, exactly as a real model would be
    llm        TPE + a real provider, from MLPILOT_LLM (or --llm) when its API key is set; skipped otherwise,
               and the output says so
Proposals are asked for every ``--propose-every`` trials. Prints a table of the best CV score per arm and
writes bench/results/hpo_proposer.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from mlpilot.agent.backends import get_backend
from mlpilot.agent.backends.base import Backend
from mlpilot.agent.backends.expert import ExpertBackend
from mlpilot.agent.roles import PlanInput, ProposeInput
from mlpilot.evals.make_suite import generate
from mlpilot.evals.task import load_task
from mlpilot.sandboxes.local import LocalSandbox
from mlpilot.schemas import TaskSpec, TrialRecord
from mlpilot.tools.metrics import get_metric
from mlpilot.tools.profile import profile_dataset
from mlpilot.tools.search import SearchData, enqueue, open_study, run_search
from mlpilot.tools.space import space_for
from mlpilot.tools.splits import make_folds

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "backends"))
from real_llm import real_llm  # noqa: E402
from scripted import propose as scripted_propose  # noqa: E402
from wire_server import WireServer  # noqa: E402

RESULTS = Path(__file__).parent / "results" / "hpo_proposer.json"


def prepare(name: str, work: Path):
    """The task's training data as the search sees it: spec, profile, expert plan, data dir, folds."""
    task = load_task(generate(name))
    frame = task.read("train")
    spec = TaskSpec(task_type=task.config.task_type, target=task.config.target, metric=task.config.metric,
                    id_column=task.config.id_column)
    profile = profile_dataset(frame, spec.target, spec.task_type, id_column=spec.id_column)
    plan = ExpertBackend().complete("plan", PlanInput(spec=spec, profile=profile, search_budget_s=600))
    plan.cv.n_splits = 3
    y = frame[spec.target].to_numpy()
    classes = None
    if spec.task_type != "regression":
        classes, y = np.unique(y.astype(str), return_inverse=True)
        classes = classes.tolist()
    data_dir = work / name / "data"
    data_dir.mkdir(parents=True)
    table = frame[[c.name for c in profile.features()]].copy()
    table[spec.target] = y
    table.to_parquet(data_dir / "train.parquet")
    folds, _ = make_folds(frame, y, plan.cv, plan.holdout_frac, classify=classes is not None)
    np.save(data_dir / "folds.npy", folds)
    return spec, profile, plan, data_dir, SearchData(data_file="train.parquet", folds_file="folds.npy",
                                                      classes=classes)


def run_arm(name: str, arm: str, backend: Backend | None, setup, trials: int, propose_every: int, work: Path) -> dict:
    spec, profile, plan, data_dir, data = setup
    run_dir = work / name / arm
    run_dir.mkdir(parents=True)
    study = open_study(run_dir, spec, seed=0)
    defaults = [d for c in plan.candidates for d in c.defaults[:1]]
    enqueue(study, defaults, "default")
    families = [c.family for c in plan.candidates]
    done: list[TrialRecord] = []

    def propose(history: list[TrialRecord]) -> list[dict]:
        payload = ProposeInput(spec=spec, profile=profile, plan=plan, space=space_for(families, spec.task_type),
                               history=history)
        return [c for c in backend.complete("propose", payload).configs if c.get("family") in families]

    start = time.monotonic()
    with LocalSandbox(data_dir, run_dir / "trials") as sandbox:
        run_search(study, spec=spec, profile=profile, plan=plan, data=data, sandboxes=[sandbox],
                   deadline=lambda: time.monotonic() + 3600 if len(done) < trials else 0.0,
                   propose=propose if backend else None, propose_every=propose_every, on_trial=done.append)
    metric = get_metric(spec.metric)
    scores = [t.value for t in done if t.state == "COMPLETE" and t.value is not None and np.isfinite(t.value)]
    best = (max if metric.greater_is_better else min)(scores) if scores else None
    from_proposals = [t for t in done if t.source == "proposer" and t.value is not None]
    usage = getattr(backend, "usage", None)
    return {"task": name, "arm": arm, "metric": metric.name, "best": best, "trials": len(done),
            "proposed_trials": len(from_proposals), "seconds": round(time.monotonic() - start, 1),
            "best_source": next((t.source for t in done if t.value == best), None),
            "llm_usage": usage.model_dump() if usage else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", default="penguins,hr_attrition,credit_data")
    parser.add_argument("--trials", type=int, default=24)
    parser.add_argument("--propose-every", type=int, default=6)
    parser.add_argument("--llm", default=os.environ.get("MLPILOT_LLM"), help="a real provider for the llm arm")
    parser.add_argument("--base-url", default=None)
    args = parser.parse_args()
    console = Console()
    llm_spec, why_not = real_llm(args.llm, args.base_url)
    if llm_spec is None:
        console.print(f"[yellow]llm arm skipped: {why_not}; running tpe, expert and scripted arms only[/]")
    rows = []
    with tempfile.TemporaryDirectory() as tmp, WireServer(lambda r: {"json": scripted_propose(r.first_user)}) as wire:
        work = Path(tmp)
        for name in args.tasks.split(","):
            setup = prepare(name, work)
            arms: dict[str, Backend | None] = {
                "tpe": None, "expert": ExpertBackend(),
                "scripted": get_backend("openai-compatible:scripted", base_url=wire.url + "/v1", cache_mode="off",
                                        log_dir=work / name / "scripted-calls"),
            }
            if llm_spec:
                arms["llm"] = get_backend(llm_spec, base_url=args.base_url, log_dir=work / name / "llm-calls")
            for arm, backend in arms.items():
                row = run_arm(name, arm, backend, setup, args.trials, args.propose_every, work)
                console.print(row)
                rows.append(row)
    table = Table(title=f"best CV score after {args.trials} trials (same study seed, folds, defaults)")
    for column in ("task", "metric", *dict.fromkeys(r["arm"] for r in rows)):
        table.add_column(column)
    for name in args.tasks.split(","):
        mine = {r["arm"]: r for r in rows if r["task"] == name}
        cells = [f"{r['best']:.4f} ({r['proposed_trials']} proposed)" if r["best"] is not None else "-"
                 for r in mine.values()]
        table.add_row(name, next(iter(mine.values()))["metric"], *cells)
    console.print(table)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"trials": args.trials, "propose_every": args.propose_every,
                                   "llm_arm": llm_spec or f"skipped: {why_not}", "rows": rows}, indent=1))
    console.print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
