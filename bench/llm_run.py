"""Whole runs with every role answered by an LLM, next to the expert planner, graded on dev tasks' answers.

    .venv/bin/python bench/llm_run.py [--tasks telco_churn,ames_housing] [--budgets 90] [--arms expert,scripted,llm]
    .venv/bin/python bench/llm_run.py --tasks telco_churn,ames_housing,penguins,seattle_weather,hr_attrition \
        --budgets 60,120 --arms expert,local      # the real local model against the expert

Arms (same request, data, budget and sandbox; the request is the task's description):
    expert     the built-in expert planner
    scripted   a scripted LLM (tests/backends/scripted.py) behind a local OpenAI-wire server, read through
               the real OpenAI SDK as gpt-4.1-mini (so tokens are priced): it understands, plans, proposes
               configurations, writes a feature step and verifies, from the prompts mlpilot sends
    llm        a real provider, from --llm or MLPILOT_LLM, when its key is set; skipped otherwise, and the
               output says so
    local      a real model offline: SmolLM2-135M behind llama.cpp's server (``mlpilot.evals.local_llm``)
Prints verdict, CV and graded test score, LLM calls, its share of the wall time, fallbacks, tokens and cost,
and what became of the feature step; writes bench/results/llm_run.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from contextlib import nullcontext
from pathlib import Path

from rich.console import Console
from rich.table import Table

import mlpilot
from mlpilot.evals.grade import grade
from mlpilot.evals.local_llm import MODEL, LocalLLM
from mlpilot.evals.make_suite import generate
from mlpilot.evals.task import Task, load_task

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "backends"))
from real_llm import real_llm  # noqa: E402
from scripted import scripted_llm  # noqa: E402
from wire_server import WireServer  # noqa: E402

RESULTS = Path(__file__).parent / "results" / "llm_run.json"


def run(task: Task, arm: str, llm: str, base_url: str | None, budget: float, out: Path) -> dict:
    result = mlpilot.solve(task.description(), data=task.path("train"), test=task.path("test"), time_budget=budget,
                           out=out / task.id / arm, llm=llm, base_url=base_url)
    summary, usage = result.summary, result.summary["llm_usage"]
    features = summary["features"]
    step = "-" if not features else (f"kept: {features['baseline']:.4f} -> {features['value']:.4f}" if features["code"]
                                     else f"dropped ({len(features['attempts'])} attempts)")
    return {"task": task.id, "arm": arm, "budget_s": budget, "metric": result.metric, "verdict": summary["verdict"],
            "cv": result.score, "test": grade(task, result.submission_path).score, "seconds": summary["elapsed_s"],
            "calls": usage.get("calls", 0), "input_tokens": usage.get("input_tokens", 0),
            "output_tokens": usage.get("output_tokens", 0), "cost_usd": usage.get("cost_usd", 0.0),
            "fallbacks": usage.get("fallbacks", 0), "llm_share": usage.get("seconds", 0.0) / summary["elapsed_s"],
            "feature_step": step}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", default="telco_churn,ames_housing")
    parser.add_argument("--budgets", default="90", help="comma list of seconds per run")
    parser.add_argument("--arms", default="expert,scripted,llm", help="comma list of expert, scripted, llm, local")
    parser.add_argument("--llm", default=os.environ.get("MLPILOT_LLM"), help="a real provider for the llm arm")
    parser.add_argument("--base-url", default=None)
    args = parser.parse_args()
    console = Console(width=160)
    os.environ["MLPILOT_LLM_CACHE"] = "off"  # every arm pays for its calls: no answers from earlier runs
    wanted = args.arms.split(",")
    real, why_not = real_llm(args.llm, args.base_url) if "llm" in wanted else (None, "not asked for")
    if real is None and "llm" in wanted:
        console.print(f"[yellow]llm arm skipped: {why_not}[/]")
    rows = []
    with tempfile.TemporaryDirectory() as tmp, LocalLLM() if "local" in wanted else nullcontext() as local:
        for name in args.tasks.split(","):
            task = load_task(generate(name))
            spec = {"task_type": task.config.task_type, "target": task.config.target, "metric": task.config.metric}
            with WireServer(scripted_llm(spec)) as wire:
                os.environ.setdefault("OPENAI_API_KEY", "sk-scripted-local")  # only ever sent to the local server
                arms = {"expert": ("expert", None), "scripted": ("openai:gpt-4.1-mini", wire.url + "/v1"),
                        "llm": (real, args.base_url), "local": (f"openai-compatible:{MODEL}", local and local.base_url)}
                for budget in (float(b) for b in args.budgets.split(",")):
                    for arm in (a for a in wanted if arms[a][0]):
                        rows.append(run(task, arm, *arms[arm], budget, Path(tmp)))
                        console.print(rows[-1])
    table = Table(title="whole runs (test = graded on the task's private answers)")
    for column in ("task", "budget", "arm", "metric", "verdict", "cv", "test", "seconds", "calls", "LLM share",
                   "fallbacks", "tokens in/out", "cost", "feature step"):
        table.add_column(column)
    for r in rows:
        table.add_row(r["task"], f"{r['budget_s']:.0f}", r["arm"], r["metric"], r["verdict"], _num(r["cv"]),
                      _num(r["test"]), f"{r['seconds']:.0f}", str(r["calls"]), f"{r['llm_share']:.0%}",
                      str(r["fallbacks"]), f"{r['input_tokens']:,}/{r['output_tokens']:,}", f"${r['cost_usd']:.4f}",
                      r["feature_step"])
    console.print(table)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"arms": wanted, "llm_arm": real or f"skipped: {why_not}", "rows": rows}, indent=1))
    console.print(f"wrote {RESULTS}")


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}"


if __name__ == "__main__":
    main()
