"""The expert reading of a plain-words request: target (``expert_target``), task type, metric, budget, id,
excluded columns and other constraints."""

from __future__ import annotations

import re

from mlpilot.agent.backends.expert_target import find_target
from mlpilot.agent.backends.expert_words import (COLUMN_WORDS, EXCLUDE, FAMILY_LIKE, GROUP_BY, LIST_SPLIT, QUOTED,
                                                 identifier_like, resolve, spaced_words)
from mlpilot.agent.roles import UnderstandInput
from mlpilot.errors import MlpilotError
from mlpilot.schemas import Constraints, TaskSpec
from mlpilot.tools.durations import find_duration
from mlpilot.tools.load import column_hint, find_column
from mlpilot.tools.metrics import default_metric, get_metric, metric_named_in
from mlpilot.tools.task_type import TargetValues, infer_task_type

# ids by name, and the names pandas and R give a table's written-out index
ID_HINT = re.compile(r"(^|[_\s.-])id$|^id|Id$|ID$|^unnamed: ?0$|^index$|^rownames$", re.I)
FAMILY_WORDS = {"lightgbm": "lightgbm", "xgboost": "xgboost", "catboost": "catboost",
                "random forest": "random_forest", "extra trees": "extra_trees", "linear": "linear", "logistic": "linear", "neural": "mlp", "mlp": "mlp"}


# ---------------------------------------------------------------------------------------------- task type


def find_task_type(inp: UnderstandInput, target: str, metric: str | None = None) -> tuple[str, str]:
    """The task type and why, read from the data summary the role gets (see ``tools/task_type.py``)."""
    try:
        named = get_metric(metric) if metric else None
    except MlpilotError:
        named = None
    values = TargetValues.described(inp.dtypes.get(target, "object"), inp.n_unique.get(target, 0))
    return infer_task_type(values, named, inp.request)


def find_id(inp: UnderstandInput, target: str) -> str | None:
    if inp.submission_columns and inp.submission_columns[0] in inp.columns and inp.submission_columns[0] != target:
        return inp.submission_columns[0]
    ids = [c for c in inp.columns if c != target and ID_HINT.search(c) and inp.n_unique.get(c, 0) == inp.n_rows]
    return ids[0] if ids else None


# ---------------------------------------------------------------------------------------------- constraints


def find_exclusions(request: str, columns: list[str]) -> list[str]:
    """Columns the request rules out ("don't use tenure", "without 'zip' and 'city'", "ignore the customer id").

    Families ("without xgboost", "no neural nets") are left to ``find_constraints``; plain English ("without
    overfitting") is no column. A name that is quoted, written like an identifier or called a column, but is no
    column, is an error listing the closest columns.
    """
    out: list[str] = []
    for m in EXCLUDE.finditer(request):
        for item in LIST_SPLIT.split(m.group(1)):
            column = _excluded_column(item, columns)
            if column and column not in out:
                out.append(column)
    return out


def _excluded_column(item: str, columns: list[str]) -> str | None:
    item = item.strip()
    quoted = re.fullmatch(r"(?:the\s+)?" + QUOTED + rf"(?:\s+{COLUMN_WORDS})?", item, re.I)
    marked = bool(re.search(r"\b(?:column|feature|variable|field|attribute)\b", item, re.I))  # "leaky columns": no
    name = quoted.group(1) if quoted else re.sub(
        rf"^(?:(?:the|a|an|any|either|neither|both|all)\s+)*(?:{COLUMN_WORDS}\s+)?|\s+{COLUMN_WORDS}$", "",
        item, flags=re.I).strip()
    if not name:
        return None
    words = set(spaced_words(name).split())
    column = resolve(name, columns)
    if column:
        return column
    if not quoted and words & FAMILY_LIKE:
        return None
    single = len(name.split()) == 1
    if quoted or (single and (identifier_like(name) or marked)):
        raise MlpilotError(f"the request excludes {name!r} but the data has no such column: {column_hint(name, columns)}; "
                           "name existing columns (or pass --exclude with exact names)")
    return None


def find_constraints(request: str, columns: list[str] | None = None) -> Constraints:
    text = request.lower()
    c = Constraints()
    if re.search(r"\b(interpretable|explainable|transparent|simple model)\b", text):
        c.interpretable = True
    if re.search(r"\bno (neural|deep|nn|mlp)|without (neural|deep)", text):
        c.exclude_families.append("mlp")
    size = re.search(r"(under|below|less than|at most|<)\s*(\d+(?:\.\d+)?)\s*mb", text)
    if size:
        c.max_model_mb = float(size.group(2))
    for word, family in FAMILY_WORDS.items():
        if re.search(rf"\b(only|use|using|just)\s+(a\s+)?{word}", text):
            c.include_families.append(family)
        elif re.search(rf"\bno {word}|without {word}", text):
            c.exclude_families.append(family)
    if columns:
        c.exclude_columns = find_exclusions(request, columns)
    return c


# ---------------------------------------------------------------------------------------------- the spec


def understand(inp: UnderstandInput) -> TaskSpec:
    target, notes = find_target(inp)
    metric = inp.metric or metric_named_in(inp.request, inp.columns)
    task_type, why = find_task_type(inp, target, metric)
    notes.append(f"task {task_type}: {why}")
    if inp.metric:
        notes.append(f"metric {metric}: given with --metric / metric=")
    elif metric:
        notes.append(f"metric {metric}: named in the request")
    else:
        metric = default_metric(task_type)
        notes.append(f"metric {metric}: the default for {task_type} tasks")
    budget = inp.time_budget_s or find_duration(inp.request) or 120.0
    time_column = None
    if re.search(r"\b(over time|time[- ]aware|chronolog|forecast|future|time series|temporal)", inp.request, re.I):
        dates = [c for c in inp.columns if c != target and re.search(r"date|time|timestamp|day", c, re.I)]
        time_column = dates[0] if dates else None
    group = GROUP_BY.search(inp.request)
    group_column = find_column(group.group(1).strip(), inp.columns) if group else None
    constraints = find_constraints(inp.request, inp.columns)
    for name in inp.exclude:
        column = find_column(name, inp.columns)
        if column is None:
            raise MlpilotError(f"excluded column {name!r} (given with --exclude / exclude=) not found: "
                               f"{column_hint(name, inp.columns)}")
        if column not in constraints.exclude_columns:
            constraints.exclude_columns.append(column)
    if constraints.exclude_columns:
        notes.append(f"columns left out as asked: {', '.join(constraints.exclude_columns)}")
    return TaskSpec(task_type=task_type, target=target, metric=metric, id_column=find_id(inp, target),
                    time_budget_s=budget, group_column=group_column, time_column=time_column,
                    constraints=constraints, notes=notes)
