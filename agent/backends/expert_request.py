"""The expert reading of a plain-words request: target, task type, metric, budget, constraints."""

from __future__ import annotations

import re

from mlpilot.agent.roles import UnderstandInput
from mlpilot.errors import MlpilotError
from mlpilot.schemas import Constraints, TaskSpec
from mlpilot.tools.durations import find_duration
from mlpilot.tools.load import find_column
from mlpilot.tools.metrics import default_metric, metric_named_in

VERBS = r"predict(?:ing)?|forecast(?:ing)?|estimat(?:e|ing)|classify(?:ing)?|model(?:ing)?|guess(?:ing)?|" \
        r"how much|how many|whether|which|what|target(?: is| column is|:)?|label(?: is|:)?"
TARGET_HINTS = ("target", "label", "class", "y", "outcome")
ID_HINT = re.compile(r"(^|[_\s.-])id$|^id|Id$|ID$", re.I)
FAMILY_WORDS = {"lightgbm": "lightgbm", "xgboost": "xgboost", "random forest": "random_forest",
                "extra trees": "extra_trees", "linear": "linear", "logistic": "linear", "neural": "mlp", "mlp": "mlp"}
CLASSIFY_WORDS = re.compile(r"\b(classify|classification|whether|which|category|class|label|churn|yes or no)\b", re.I)
REGRESS_WORDS = re.compile(r"\b(how much|how many|price|amount|regression|estimate the|value of|number of)\b", re.I)


ABBREVIATIONS = {"avg": "average", "num": "number", "no": "number", "qty": "quantity", "pct": "percent",
                 "amt": "amount", "temp": "temperature", "cnt": "count", "yr": "year"}


def _words(text: str) -> str:
    """Lower-case words padded with spaces; camelCase is split ("MonthlyCharges" -> " monthly charges ")."""
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", text)
    return " " + re.sub(r"[\W_]+", " ", text.lower()).strip() + " "


def _spelled_out(column: str) -> str:
    """A column name with common abbreviations written out ("avg_price" -> " average price ")."""
    return " " + " ".join(ABBREVIATIONS.get(w, w) for w in _words(column).split()) + " "


def find_target(inp: UnderstandInput) -> tuple[str, str]:
    """The target column and why it was chosen; a one-line error listing the columns if it cannot tell."""
    request = inp.request
    marked = re.findall(r"[\"'`‘“]([^\"'`’”]+)[\"'`’”]", request) + re.findall(r"\(([^)]*)\)", request)
    for phrase in marked:
        for part in [phrase, *re.split(r"[,;]\s*|\s+", phrase)]:
            column = find_column(part.strip(), inp.columns)
            if column:
                return column, f"target {column!r}: quoted in the request"
    if inp.submission_columns and inp.test_columns is not None:
        guesses = [c for c in inp.submission_columns if c in inp.columns and c not in inp.test_columns]
        if len(guesses) == 1:
            return guesses[0], f"target {guesses[0]!r}: the sample-submission column missing from the test file"
    text = _words(request)
    verbs = [m.end() for m in re.finditer(rf"\b({VERBS})\b", request.lower())]
    verb_pos = [len(_words(request.lower()[:v])) for v in verbs]
    hits = []
    for column in inp.columns:
        for variant in {_words(column), _words(column.rstrip("s")), _spelled_out(column),
                        " " + _words(column).replace(" ", "") + " "}:
            at = text.find(variant) if variant.strip() else -1
            if at >= 0:
                after = [at - v for v in verb_pos if at >= v - 1]
                hits.append((min(after) if after else 10_000, -len(variant), column))
    if hits:
        column = min(hits)[2]
        return column, f"target {column!r}: named in the request"
    if inp.test_columns is not None:
        missing = [c for c in inp.columns if c not in inp.test_columns]
        if len(missing) == 1:
            return missing[0], f"target {missing[0]!r}: the only column missing from the test file"
    named = [c for c in inp.columns if c.lower() in TARGET_HINTS]
    if len(named) == 1:
        return named[0], f"target {named[0]!r}: its name says so"
    raise MlpilotError(
        "cannot tell which column to predict: name it in the request (e.g. \"predict 'price'\") or pass "
        f"--target; columns are: {', '.join(inp.columns[:40])}"
    )


def find_task_type(inp: UnderstandInput, target: str) -> str:
    dtype = inp.dtypes.get(target, "object")
    levels = inp.n_unique.get(target, 0)
    numeric = any(k in dtype for k in ("int", "float"))
    if levels == 2:
        return "binary"
    if not numeric or "bool" in dtype:
        return "multiclass"
    integral = "int" in dtype
    if integral and levels <= 20 and not REGRESS_WORDS.search(inp.request):
        return "multiclass"
    if CLASSIFY_WORDS.search(inp.request) and integral and levels <= 50:
        return "multiclass"
    return "regression"


def find_id(inp: UnderstandInput, target: str) -> str | None:
    if inp.submission_columns and inp.submission_columns[0] in inp.columns and inp.submission_columns[0] != target:
        return inp.submission_columns[0]
    ids = [c for c in inp.columns if c != target and ID_HINT.search(c) and inp.n_unique.get(c, 0) == inp.n_rows]
    return ids[0] if ids else None


def find_constraints(request: str) -> Constraints:
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
    return c


def understand(inp: UnderstandInput) -> TaskSpec:
    target, why = find_target(inp)
    task_type = find_task_type(inp, target)
    notes = [why, f"task {task_type}: target has {inp.n_unique.get(target, '?')} distinct values ({inp.dtypes.get(target)})"]
    metric = metric_named_in(inp.request)
    if metric:
        notes.append(f"metric {metric}: named in the request")
    else:
        metric = default_metric(task_type)
        notes.append(f"metric {metric}: the default for {task_type} tasks")
    budget = inp.time_budget_s or find_duration(inp.request) or 120.0
    time_column = None
    if re.search(r"\b(over time|time[- ]aware|chronolog|forecast|future|time series|temporal)", inp.request, re.I):
        dates = [c for c in inp.columns if c != target and re.search(r"date|time|timestamp|day", c, re.I)]
        time_column = dates[0] if dates else None
    group = re.search(r"\bgroup(?:ed)? by ['\"]?([\w ]+?)['\"]?(?:[,.;]|$| so| to)", inp.request, re.I)
    group_column = find_column(group.group(1).strip(), inp.columns) if group else None
    return TaskSpec(task_type=task_type, target=target, metric=metric, id_column=find_id(inp, target),
                    time_budget_s=budget, group_column=group_column, time_column=time_column,
                    constraints=find_constraints(inp.request), notes=notes)
