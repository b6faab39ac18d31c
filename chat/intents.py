"""What a chat turn asks for, as one structured ``Intent``: the expert's deterministic reading, documented rule by rule.

The rules, first match wins (``read_turn``):

- ``help``: "help", "what can you do", "?" alone.
- ``save``: save / export / store / copy / write ... the model ... to a path ("save the model to models/churn").
- ``predict``: a data file named (``*.csv``, ``.parquet``, ...) with predict / score / apply / run it on, unless
  the file is named as training data ("predict churn from customers.csv" is a task on that file).
- ``more_time``: more / another / extra / longer / keep going / continue, with a duration or without ("give it
  5 more minutes": 300 s; "run it longer": the last budget again); a duration with again / rerun / try / budget
  and nothing else to change ("now try with a 40s budget").
- ``unsupported``: images, audio or video; or a kind of ML task mlpilot does not do yet (clustering, anomaly
  detection, recommendation, text generation, causal effects, ...) with no predict / estimate / classify /
  forecast of a column.
- ``checks``: what the verifier checked, the verdict, whether it passed.
- ``compare``: compare / previous / last / earlier run, better or worse than before.
- ``explain``: why / important / importance / matters / drivers / influence, with the columns named.
- ``data``: a question about the data itself (how many rows, missing values, mean, distinct values, columns).
- ``show``: the leaderboard, the best model, the score, the results, the report.
- ``families``: only / just / use / try / no / without a model family ("try only linear models").
- ``exclude``: drop / remove / exclude / don't use / ignore / leave out named columns ("drop customer_id").
- ``task``: anything else that reads as an ML task (predict, estimate, forecast, classify, model, which, ...).
- ``unknown``: none of these; the reply offers the closest things it can do.

With an LLM backend the model reads the turn (role ``chat``, its columns held to the data's) and
``reconcile`` keeps its reading unless it would act where these rules read no such act.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from mlpilot.agent.backends.expert_words import column_matches
from mlpilot.schemas import Family

IntentKind = Literal["help", "save", "predict", "more_time", "checks", "compare", "explain", "data", "families",
                     "exclude", "show", "unsupported", "task", "unknown"]


class Intent(BaseModel):
    """One turn, read: what to do and with what."""

    kind: IntentKind
    text: str = Field("", description="the turn as typed (filled in by mlpilot)")
    seconds: float | None = Field(None, description="more_time: how much more time, if said")
    families: list[Family] = Field(default_factory=list, description="families: the only ones to search")
    without_families: list[Family] = Field(default_factory=list, description="families: the ones not to search")
    columns: list[str] = Field(default_factory=list, description="exclude / explain / data: the columns named")
    path: str | None = Field(None, description="predict: the file to predict; save: where to save the model")


DATA_FILE = re.compile(r"(?<![\w/.~-])((?:[\w.~-]*/)*[\w.-]+\.(?:csv|tsv|txt|parquet|pq|json|jsonl|xlsx|xls|feather))"
                       r"(?![\w])", re.I)
PATH_AFTER = re.compile(r"\b(?:to|into|in|at|as|under)\s+['\"`]?([\w.~/-]+?)['\"`]?\s*[.!]?\s*$", re.I)


def _rule(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


HELP = _rule(r"^\W*(help|\?+|what can you do|what do you do|how does this work|commands|options)\W*$")
SAVE = _rule(r"\b(save|export|store|copy|write|put|dump|persist)\b.*\bmodel\b|\bmodel\b.*\b(save|export)")
PREDICT = _rule(r"\b(predict\w*|scor\w*|apply|label|classify|forecast|(run|use)(\s+\w+){0,2}\s+on)\b")
TRAINING_FILE = _rule(r"\b(from|using|with|based on|trained on|learn from|data( is| file( is)?)?|"
                      r"train(ing)?( data| file| set)?( is)?)\s+(the\s+)?(file\s+|table\s+)?\W*$")
MORE_TIME = _rule(r"\b(more time|extra time|additional time|(run|go|search|tune|train) (it )?longer|keep (going|searching|tuning|at it)|continue|"
                  r"extend( the (budget|search|run))?)\b")
MORE = _rule(r"\b(more|another|extra|additional|further)\b")
AGAIN = _rule(r"\b(again|re-?run|retry|redo|try|budget)\b")  # with a duration: the same task, searched for it
DURATION = _rule(r"\b(\d+(?:\.\d+)?|a|an|one|two|three|four|five|ten|another)\s*(?:(?:more|extra|additional|further)\s+)?"
                 r"(s|secs?|seconds?|m|mins?|minutes?|h|hours?)\b")
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "another": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}
UNIT_S = {"s": 1, "m": 60, "h": 3600}
QUESTIONS: list[tuple[IntentKind, re.Pattern]] = [
    ("checks", _rule(r"\b(verif\w*|checks?|checked|verdict|sanity|did it pass|pass(ed)? the|validat\w*)\b")),
    ("compare", _rule(r"\bcompar\w*|\b(previous|prior|earlier|last|first|other) (run|model|attempt|try|result|one)s?\b|"
                      r"\b(better|worse|improve\w*) (than|on|over) (before|the (last|previous|first|earlier)\b)")),
    ("explain", _rule(r"\b(why|importan\w*|matters?|drivers?|drives?|influen\w*|contribut\w*|explain\w*|shap|"
                      r"affects?|effect of|impact)\b")),
    ("data", _rule(r"^\W*(how many|how much|what('s| is| are)? the (mean|average|median|max\w*|min\w*|range|std|"
                   r"standard deviation|sum|total|distribution|spread|most common|share)|what (columns|fields|features|"
                   r"values)|(list|show|describe|summari[sz]e)( me)? the (columns|data|table|dataset|values|types)|"
                   r"which columns|are there (any )?missing|count|(mean|average|median|max\w*|min\w*) (of|for) )"
                   r"|\b(missing values?|nulls?|nans?|distinct|unique values?|value counts)\b")),
    ("show", _rule(r"\b(leaderboard|best (model|trial|score)|(trial|model|run) (was|is) best|results?|score|"
                   r"how (well )?(did|do|does) (it|we|you|the model) do|how well|report|"
                   r"what did (you|it) (find|get|deliver)|summary|status|plots?)\b")),
]
UNSUPPORTED = _rule(r"\b(clusters?|clustering|cluster (the|my|our|these)|group (the|my|these) \w+ into|segment (the|my|our)|"
                    r"segmentation|unsupervised|anomal\w*|outliers?|novelty|fraud rings?|recommend\w*|"
                    r"generat\w* (text|images?|captions?)|translat\w*|reinforcement|topic model\w*|dimensionality reduction|pca|t-?sne|umap|"
                    r"embeddings?|chatbot|survival (analysis|curves?)|causal (effect|impact|inference))\b")
MEDIA = _rule(r"\b(images?|photos?|pictures?|audio|speech|videos?|object detection)\b")  # not tables, whatever the verb
PREDICT_VERB = _rule(r"\b(predict\w*|estimat\w*|classif\w*|forecast\w*|regress\w*)\b")
TASK = _rule(r"\b(predict\w*|estimat\w*|forecast\w*|classif\w*|regress\w*|model\w*|train\w*|learn|fit|which|who|"
             r"whether|will|churn\w*|detect|guess|tell apart|probabilit\w*|chance|likel\w*)\b")
DROP = _rule(r"\b(drop|remove|delete|exclude|skip|omit|ignore|without|leave out|take out|don'?t use|do not use|"
             r"stop using|get rid of|no longer use|not use)\b")  # before a column name
FAMILY_NAMES = {"lightgbm": "lightgbm", "light gbm": "lightgbm", "xgboost": "xgboost", "xgb": "xgboost",
                "cat ?boost": "catboost",
                "hist(?:ogram)?[ _-]?gb|hist(?:ogram)? gradient boosting": "hist_gb",
                "random[ _-]?forests?": "random_forest", "extra[ _-]?trees|extremely randomi[sz]ed trees": "extra_trees",
                "linear|logistic|ridge|lasso|glm": "linear", "neural( net(work)?s?)?|mlps?|deep learning": "mlp"}
NOT = _rule(r"\b(no|not|without|except|exclude|drop|skip|avoid|never|don'?t|do not|stop using)\s+(\w+\s+){0,2}$")


def read_turn(text: str, columns: list[str]) -> Intent:
    """The expert's reading of one chat turn against the data's ``columns`` (see the module's rules)."""
    if HELP.match(text):
        return Intent(kind="help", text=text)
    if SAVE.search(text):
        where = PATH_AFTER.search(text)
        return Intent(kind="save", text=text, path=where.group(1) if where else None)
    file = DATA_FILE.search(text)
    if file and PREDICT.search(text) and not TRAINING_FILE.search(text[:file.start()]):
        return Intent(kind="predict", text=text, path=file.group(1))
    seconds = duration(text)
    if MORE_TIME.search(text) or seconds and MORE.search(text) or (
            seconds and AGAIN.search(text) and not PREDICT_VERB.search(text) and not changes(text, columns)):
        return Intent(kind="more_time", text=text, seconds=seconds)
    if MEDIA.search(text) or UNSUPPORTED.search(text) and not PREDICT_VERB.search(text):
        return Intent(kind="unsupported", text=text)
    for kind, rule in QUESTIONS:
        if rule.search(text):
            return Intent(kind=kind, text=text, columns=[m.column for m in column_matches(text, columns)])
    change = changes(text, columns)
    if change:
        return change
    if TASK.search(text) or len(text.split()) >= 6:
        return Intent(kind="task", text=text)
    return Intent(kind="unknown", text=text)


ACTS = {"task", "more_time", "families", "exclude", "predict", "save"}  # start a run or write files


def reconcile(llm: Intent, expert: Intent) -> Intent:
    """An LLM's reading, unless it would act (run, predict, save) where the expert reads no such act, or places
    nothing: a weak model must not start a run on a question. Where the two agree, the LLM's fields stand."""
    if llm.kind == expert.kind or (llm.kind not in ACTS and llm.kind != "unknown"):
        return llm
    return expert


def duration(text: str) -> float | None:
    """Seconds a turn names ("5 more minutes", "another 30 s", "one more minute"), or None."""
    parts = DURATION.findall(text)
    return sum(float(NUMBER_WORDS.get(n.lower(), n) if not n[0].isdigit() else n) * UNIT_S[u[0].lower()]
               for n, u in parts) if parts else None


def changes(text: str, columns: list[str]) -> Intent | None:
    """A turn that changes what the next run may use: families to use or avoid, or columns to leave out."""
    use, avoid = [], []
    for pattern, family in FAMILY_NAMES.items():
        for m in re.finditer(rf"\b(?:{pattern})\b", text, re.I):
            (avoid if NOT.search(text[:m.start()]) else use).append(family)
    if use or avoid:
        return Intent(kind="families", text=text, families=list(dict.fromkeys(f for f in use if f not in avoid)),
                      without_families=list(dict.fromkeys(avoid)))
    drop = DROP.search(text)
    named = [m.column for m in column_matches(text[drop.end():], columns)] if drop else []
    return Intent(kind="exclude", text=text, columns=named) if named else None
