"""What each chat intent does: runs through ``mlpilot.solve`` and ``predict``, answers from the run directories and
the data. Each action takes the chat state and its deps and returns the state update with a ``reply``."""

from __future__ import annotations

import json
import re
import shutil
from functools import lru_cache
from pathlib import Path

import pandas as pd

from mlpilot.chat.data_answers import answer as answer_about_data
from mlpilot.chat.intents import Intent
from mlpilot.chat.session import ChatDeps, ChatState
from mlpilot.errors import MlpilotError
from mlpilot.layout import MODEL_FILE, RunLayout

CAN = ("describe a task (\"predict churn from customers.csv, ROC AUC\"); \"give it 5 more minutes\"; \"try only "
       "linear models\"; \"drop customer_id and rerun\"; \"predict on new.csv\"; \"save the model to models/churn\"; "
       "\"why is tenure important?\"; \"what did the verifier check?\"; \"compare with the previous run\"; "
       "\"show the leaderboard\"; questions about the data (\"how many rows have a missing age?\")")


@lru_cache(maxsize=8)
def _table(path: str, mtime: float) -> pd.DataFrame:
    from mlpilot.tools.load import load_table

    return load_table(path, what="data")


def table(path: str) -> pd.DataFrame:
    return _table(path, Path(path).stat().st_mtime)


def train_and_test(files: list[str]) -> tuple[str | None, str | None]:
    """The training file and the test file, if any. A file is for predicting, not training, when its columns are a
    strict subset of another file's (it lacks the target), or when another file is there to train on and its name
    has the word test ("test.csv", "x_test": not "latest"); the last of each wins."""
    columns = {f: set(table(f).columns) for f in files}
    tests = [f for f in files if any(columns[f] < columns[g] for g in files) or len(files) > 1 and re.search(
        r"(?<![a-z])test(?![a-z])", Path(f).stem.lower())]
    trains = [f for f in files if f not in tests]
    return (trains[-1] if trains else None), (tests[-1] if tests else None)


def columns_of(files: list[str]) -> list[str]:
    train, _ = train_and_test(files)
    return [str(c) for c in table(train).columns] if train else []


def _last_run(state: ChatState) -> RunLayout:
    if not state.runs:
        raise MlpilotError("nothing has run yet: describe the task first (e.g. \"predict churn, ROC AUC\")")
    return RunLayout(Path(state.runs[-1]))


def _summary(layout: RunLayout) -> dict:
    if not layout.file("summary").is_file():
        raise MlpilotError(f"the run in {layout.root} stopped before it delivered: \"give it 30 more seconds\" "
                           "continues it")
    return json.loads(layout.file("summary").read_text())


# ---------------------------------------------------------------------------------------------- runs


def run_task(state: ChatState, deps: ChatDeps, new_request: str | None = None, **changes) -> dict:
    """A search with the session's settings and ``changes``: for ``new_request`` (its words decide the target, the
    metric and the budget), else the last request again, with the target and budget it ended up with."""
    from mlpilot.api import solve

    rerun = new_request is None
    request = state.request if rerun else new_request
    settings = {"exclude": state.exclude, "families": state.families,
                "without_families": state.without_families} | changes
    train, test = train_and_test(state.files)
    if train is None:
        return {"request": request, **settings,
                "reply": "Which data? Name a file (\"the data is customers.csv\"), start with --data FILE, or upload "
                         "one; I will then run: " + request}
    families = [f for f in settings["families"] if f not in settings["without_families"]]
    if settings["without_families"] and not families:
        from mlpilot.schemas import FAMILIES

        families = [f for f in FAMILIES if f not in settings["without_families"]]
    result = solve(request, train, test=test, target=state.target if rerun else None, exclude=settings["exclude"],
                   families=families or None, time_budget=state.budget_s if rerun else None, out=deps.root,
                   sandbox=deps.sandbox, llm=deps.llm, base_url=deps.base_url, on_event=deps.on_event,
                   ask=deps.ask, review=deps.ask is not None, finish=deps.finish)
    held = result.spec.constraints  # what the run ended up with, changes at the plan review included
    settings |= {"families": list(held.include_families) or settings["families"],
                 "exclude": list(held.exclude_columns)}
    return {"request": request, **settings, "target": result.spec.target,
            "budget_s": result.summary.get("time_budget_s"), "runs": state.runs + [str(result.run_dir)],
            "reply": delivered(result)}


def delivered(result) -> str:
    """What a run delivered, in a few lines."""
    summary = result.summary
    lines = [f"Delivered a model of {result.spec.target!r} ({result.spec.task_type}): CV {result.metric} "
             f"{_fmt(result.score)}, holdout {_fmt(summary.get('holdout_score'))}, verdict "
             f"{summary.get('verdict')}, {summary.get('n_trials')} trials in {summary.get('elapsed_s', 0):.0f} s.",
             f"Files in {result.run_dir}: model.skops, report.html"
             + (", predictions.csv" if result.submission_path else "") + "."]
    return "\n".join(lines + [f"Warning: {w}" for w in dict.fromkeys(result.warnings)])


def task(state: ChatState, deps: ChatDeps) -> dict:
    return run_task(state, deps, new_request=state.intent.text)


def more_time(state: ChatState, deps: ChatDeps) -> dict:
    """The last run's own study searched again for the time asked (else its budget again), then delivered anew."""
    from mlpilot.api import resume

    layout = _last_run(state)
    if not layout.file("summary").is_file():  # a run stopped before it delivered: on with the time asked
        result = resume(layout.root, time_budget=state.intent.seconds, sandbox=deps.sandbox, llm=deps.llm,
                        base_url=deps.base_url, on_event=deps.on_event, ask=deps.ask, finish=deps.finish)
        return {"request": result.summary["request"], "target": result.spec.target,
                "reply": "Continued the stopped run.\n" + delivered(result)}
    before = _summary(layout)
    seconds = state.intent.seconds or before["time_budget_s"]
    result = resume(layout.root, time_budget=seconds, sandbox=deps.sandbox, llm=deps.llm, base_url=deps.base_url,
                    on_event=deps.on_event, ask=deps.ask, finish=deps.finish)
    return {"reply": f"Searched the same study {seconds:.0f} s more: {before['n_trials']} -> "
                     f"{result.summary['n_trials']} trials, CV {before['metric']} {_fmt(before['cv_score'])} -> "
                     f"{_fmt(result.score)}.\n" + delivered(result)}


def families(state: ChatState, deps: ChatDeps) -> dict:
    intent = state.intent
    change = {"families": intent.families, "without_families": intent.without_families}
    if not state.request:
        return change | {"reply": f"Noted: next run uses {_families_text(intent)}. Now describe the task."}
    return run_task(state, deps, **change)


def _families_text(intent: Intent) -> str:
    return " and ".join(p for p in [f"only {', '.join(intent.families)}" if intent.families else "",
                                    f"no {', '.join(intent.without_families)}" if intent.without_families else ""] if p)


def exclude(state: ChatState, deps: ChatDeps) -> dict:
    columns = state.exclude + [c for c in state.intent.columns if c not in state.exclude]
    if not state.request:
        return {"exclude": columns, "reply": f"Noted: {', '.join(columns)} will be left out. Now describe the task."}
    return run_task(state, deps, exclude=columns)


# ---------------------------------------------------------------------------------------------- the delivered model


def predict(state: ChatState, deps: ChatDeps) -> dict:
    from mlpilot.api import predict as predict_rows

    layout = _last_run(state)
    source = Path(state.intent.path).expanduser()
    given = [Path(f) for f in state.files if Path(f).name == source.name]  # an uploaded file, by its name
    source = source if source.is_file() or not given else given[-1]
    if not source.is_file():
        return {"reply": f"I found no file {source}: give the path of a table with the training columns."}
    out = predict_rows(layout.root, source)
    path = layout.root / f"predictions-{source.stem}.csv"
    out.to_csv(path, index=False)
    return {"reply": f"Wrote {len(out):,} predictions for {source.name} to {path}.\n{out.head(5).to_string(index=False)}"}


def save(state: ChatState, deps: ChatDeps) -> dict:
    layout = _last_run(state)
    where = Path(state.intent.path or f"models/{layout.root.name}").expanduser()
    where.mkdir(parents=True, exist_ok=True)
    for name in (MODEL_FILE, "summary.json", "report.html"):
        if (layout.root / name).exists():
            shutil.copy2(layout.root / name, where / name)
    return {"reply": f"Saved the model to {where / MODEL_FILE} (with summary.json and report.html); load it with "
                     f"mlpilot.load({str(where)!r}) or predict with: mlpilot predict {where} FILE.csv"}


def explain(state: ChatState, deps: ChatDeps) -> dict:
    layout = _last_run(state)
    verify_dirs = sorted(layout.trials.glob("verify-*"), key=lambda p: int(p.name.split("-")[1]))
    importance_file = verify_dirs[-1] / "importance.json" if verify_dirs else None
    if not importance_file or not importance_file.exists():
        return {"reply": "This run kept no feature importances (its model was a fallback); run longer to get them."}
    importance = json.loads(importance_file.read_text())
    ranked = list(importance)
    asked = [c for c in state.intent.columns if c != _summary(layout)["spec"]["target"]]
    lines = []
    for column in asked:
        if column not in importance:
            lines.append(f"{column} is not used by the delivered model (excluded, an id, constant or a leak suspect).")
            continue
        lines.append(f"{column} ranks {ranked.index(column) + 1} of {len(ranked)} by the model's own importance "
                     f"({importance[column]:.1%} of the total).")
        lines.append(_target_by(column, state, layout))
    top = ", ".join(f"{c} {v:.1%}" for c, v in list(importance.items())[:8])
    lines.append(f"Most important inputs (share of the model's importance): {top}.")
    return {"reply": "\n".join(line for line in lines if line)}


def _target_by(column: str, state: ChatState, layout: RunLayout) -> str:
    """How the target moves with ``column`` in the training data: the evidence behind an importance."""
    spec = _summary(layout)["spec"]
    frame = table(train_and_test(state.files)[0])
    target, x = frame[spec["target"]], frame[column]
    if spec["task_type"] == "multiclass":
        return ""
    y = pd.to_numeric(target, errors="coerce")
    positive = sorted(target.dropna().astype(str).unique())[-1]
    if spec["task_type"] == "binary":
        y = (target.astype(str) == positive).astype(float)
    groups = pd.qcut(x, 4, duplicates="drop") if pd.api.types.is_numeric_dtype(x) and x.nunique() > 8 else x
    means = y.groupby(groups, observed=True).mean().head(8)
    what = (f"the share of {spec['target']} = {positive}" if spec["task_type"] == "binary"
            else f"the mean {spec['target']}")
    return f"In the training data, {what} by {column}: " + ", ".join(f"{k}: {v:.3g}" for k, v in means.items()) + "."


def checks(state: ChatState, deps: ChatDeps) -> dict:
    layout = _last_run(state)
    _summary(layout)  # a stopped run has no verdict yet
    verdict = json.loads(layout.file("verification").read_text())
    lines = [f"Verdict: {verdict['decision']}. {verdict.get('explanation', '')}"]
    for c in verdict["checks"]:
        mark = "ok" if c["passed"] else ("FAILED" if c["severity"] == "error" else "warning")
        lines.append(f"- {c['name']} [{mark}]: {c['evidence']}")
    return {"reply": "\n".join(lines)}


def compare(state: ChatState, deps: ChatDeps) -> dict:
    if len(state.runs) < 2:
        return {"reply": "There is only one run so far: change something (\"try only linear models\", \"give it "
                         "2 more minutes\") and I will compare the two."}
    before, now = summaries = [_summary(RunLayout(Path(r))) for r in state.runs[-2:]]
    rows = [{"run": Path(run).name, "metric": s["metric"], "CV": _fmt(s["cv_score"]),
             "holdout": _fmt(s.get("holdout_score")), "trials": s["n_trials"], "budget s": f"{s['time_budget_s']:.0f}",
             "left out": ", ".join(s["spec"]["constraints"]["exclude_columns"]) or "-",
             "families": ", ".join(s["spec"]["constraints"]["include_families"]) or "all", "model": s["model"]}
            for run, s in zip(state.runs[-2:], summaries)]
    from mlpilot.tools.metrics import get_metric

    better = get_metric(now["metric"]).greater_is_better
    verdict = ("about the same" if before["cv_score"] is None or now["cv_score"] is None
               or abs(now["cv_score"] - before["cv_score"]) < 1e-4
               else "better" if (now["cv_score"] > before["cv_score"]) == better else "worse")
    return {"reply": f"The latest run is {verdict} by CV than the one before.\n"
                     + pd.DataFrame(rows).to_string(index=False)}


def show(state: ChatState, deps: ChatDeps) -> dict:
    layout = _last_run(state)
    s = _summary(layout)
    board = pd.read_csv(layout.file("leaderboard"))
    cols = [c for c in ("trial", "family", s["metric"], "seconds", "state") if c in board.columns]
    return {"reply": f"CV {s['metric']} {_fmt(s['cv_score'])} (holdout {_fmt(s.get('holdout_score'))}), verdict "
                     f"{s['verdict']}; report: {layout.file('report')}\n{board[cols].head(8).to_string(index=False)}"}


# ---------------------------------------------------------------------------------------------- words


def data(state: ChatState, deps: ChatDeps) -> dict:
    train, _ = train_and_test(state.files)
    if train is None:
        return {"reply": "No data yet: name a file or upload one, then ask again."}
    return {"reply": answer_about_data(state.intent.text, table(train), state.intent.columns)}


def help_text(state: ChatState, deps: ChatDeps) -> dict:
    return {"reply": f"I can: {CAN}."}


def unsupported(state: ChatState, deps: ChatDeps) -> dict:
    return {"reply": "That is not something mlpilot does yet: it learns to predict one column of a table "
                     "(classification or regression) from the other columns. The closest I can do: predict a column "
                     "that stands for what you are after (e.g. \"predict churn\", \"estimate monthly_charges\"), "
                     "then explain which columns drive it."}


def unknown(state: ChatState, deps: ChatDeps) -> dict:
    return {"reply": f"I did not read that as something I can do. The closest things I can do: {CAN}."}


def _fmt(value) -> str:
    return "-" if value is None else f"{value:.4g}"


ACTIONS = {"task": task, "more_time": more_time, "families": families, "exclude": exclude, "predict": predict,
           "save": save, "explain": explain, "checks": checks, "compare": compare, "show": show, "data": data,
           "help": help_text, "unsupported": unsupported, "unknown": unknown}
