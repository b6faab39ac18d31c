"""A scripted LLM for WireServer: sensible answers for every role, computed from the prompt mlpilot sent.

It stands in for a real model in offline tests and in bench/hpo_proposer.py: it reads the same prompt a
model would (the input JSON, the search space, the trial history) and answers in the same format.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import re

from wire_server import WireRequest


def block(prompt: str, heading: str) -> str:
    """The body of the ``## heading`` section (a fenced block's content when it has one)."""
    section = prompt.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    fenced = re.search(r"```(?:json)?\n(.*?)\n```", section, re.S)
    return (fenced.group(1) if fenced else section).strip()


def propose(prompt: str) -> dict:
    """LLAMBO-like local search: perturb the best configurations of the history, inside the space."""
    space = json.loads(block(prompt, "Search space"))
    higher = "higher is better" in prompt
    n = int(re.search(r"Propose exactly (\d+)", prompt).group(1))
    history = [json.loads(line) for line in block(prompt, "History").splitlines() if line.startswith("{")]
    top = sorted(history, key=lambda h: h["score"], reverse=higher)[:3]
    rng = random.Random(hashlib.sha256(prompt.encode()).hexdigest())
    configs = []
    for i in range(n):
        family = top[i % len(top)]["config"]["family"] if top else sorted(space)[i % len(space)]
        base = top[i % len(top)]["config"] if top else {}
        config = {"family": family}
        for name, (kind, *args) in space[family].items():
            if kind == "cat":
                config[name] = base.get(name, args[0][0])
                continue
            low, high, scale = args
            if scale == "log":
                centre = base.get(name, math.sqrt(low * high))
                value = centre * math.exp(rng.gauss(0, 0.3))
            else:
                value = base.get(name, (low + high) / 2) + rng.gauss(0, 0.1 * (high - low))
            value = min(high, max(low, value))
            config[name] = round(value) if kind == "int" else value
        configs.append(config)
    return {"configs": configs}


def plan(prompt: str) -> dict:
    data = json.loads(block(prompt, "Input"))
    budget = data["search_budget_s"]
    task = data["spec"]["task_type"]
    return {"candidates": [{"family": "lightgbm", "defaults": [{"learning_rate": 0.1, "num_leaves": 15}]},
                           {"family": "linear", "defaults": []}],
            "cv": {"kind": "kfold" if task == "regression" else "stratified", "n_splits": 3},
            "holdout_frac": 0.2, "search_budget_s": budget, "ensemble_size": 3,
            "rationale": ["boosted trees for the interactions, a linear model as a strong simple baseline"]}


def code(prompt: str) -> dict:
    """Row-wise difference and ratio of two numeric features, another pair after each failed attempt."""
    data = json.loads(block(prompt, "Input"))
    numeric = [c["name"] for c in data["columns"] if c["role"] == "numeric"]
    pairs = [(a, b) for i, a in enumerate(numeric) for b in numeric[i + 1:]] or [(numeric[0], numeric[0])]
    a, b = pairs[len(data["previous"]) % len(pairs)]
    source = ("import numpy as np\n\n"
              "def transform(df):\n"
              f"    df['{a}_minus_{b}'] = df['{a}'] - df['{b}']\n"
              f"    df['{a}_per_{b}'] = df['{a}'] / df['{b}'].replace(0, np.nan)\n"
              "    return df\n")
    return {"code": source, "new_columns": {f"{a}_minus_{b}": "numeric", f"{a}_per_{b}": "numeric"},
            "idea": f"difference and ratio of {a} and {b}"}


def verify(prompt: str) -> dict:
    data = json.loads(block(prompt, "Input"))
    failed = [c["name"] for c in data["checks"] if not c["passed"] and c.get("severity", "error") == "error"]
    decision = "pass" if not failed else "replan" if data["attempt"] < data["max_attempts"] else "warn"
    return {"decision": decision, "checks": data["checks"],
            "explanation": "Every error check passed." if not failed else f"Failed: {', '.join(failed)}."}


def scripted_llm(spec: dict):
    """A WireServer script answering understand with ``spec`` and every other role from its prompt."""
    def answer(request: WireRequest) -> dict:
        prompt = request.first_user
        role = request.role
        if role == "understand":
            return {"json": {**spec, "notes": ["scripted"], "question": None}}
        return {"json": {"plan": plan, "propose": propose, "code": code, "verify": verify}[role](prompt)}

    return answer
