"""The expert reading of a plain-words request: target, task type, metric, budget, constraints.

The target follows the evidence, strongest first:

1. a target given outside the request (``target=`` / ``--target``);
2. the test file: the one training column it lacks (or leaves empty in every row), or the one sample-submission
   column that is a training column the test file lacks;
3. the request's words: a name marked as the target ("target: y", "the column 'SalePrice'", a quoted name, "use
   y as the label"), else the noun phrase after predict / estimate / forecast / how much / whether / ...
   ("estimate each person's weekly wage" -> ``wage``). A parenthesised list ("(education, experience, ...)")
   describes inputs and never names the target; a parenthesis right after the phrase may clarify it
   ("the price (column 'SalePrice')");
4. a column whose name says so (target, label, class, y, outcome);
5. a column mentioned anywhere else in the request (outside lists, exclusions and "grouped by").

Each decision is a note; a weaker source that disagrees with the chosen one gets a note too. A name the request
marks as the target, or an identifier-looking token right after the verb ("predict zzz_missing"), that is no
column is an error listing the closest columns: it is never silently replaced by another column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mlpilot.agent.roles import UnderstandInput
from mlpilot.errors import MlpilotError, UnclearTarget
from mlpilot.schemas import Constraints, TaskSpec
from mlpilot.tools.durations import find_duration
from mlpilot.tools.load import close_matches, find_column
from mlpilot.tools.metrics import default_metric, get_metric, metric_named_in

TARGET_HINTS = ("target", "label", "class", "y", "outcome")
ID_HINT = re.compile(r"(^|[_\s.-])id$|^id|Id$|ID$", re.I)
FAMILY_WORDS = {"lightgbm": "lightgbm", "xgboost": "xgboost", "random forest": "random_forest",
                "extra trees": "extra_trees", "linear": "linear", "logistic": "linear", "neural": "mlp", "mlp": "mlp"}
CLASSIFY_WORDS = re.compile(r"\b(classify|classification|whether|which|category|class|label|churn|yes or no)\b", re.I)
REGRESS_WORDS = re.compile(r"\b(how much|how many|price|amount|regression|estimate the|value of|number of)\b", re.I)
MAX_CLASS_LEVELS = 20  # integer targets with at most this many levels read as classes unless the words say otherwise
ABBREVIATIONS = {"avg": "average", "num": "number", "no": "number", "qty": "quantity", "pct": "percent",
                 "amt": "amount", "temp": "temperature", "cnt": "count", "yr": "year"}

# --- how requests name the target ---------------------------------------------------------------------------
# Verbs whose object is the target ("predict the price"), then weaker question words ("which customers churn").
STRONG_VERBS = re.compile(
    r"\b(?:predict(?:s|ed|ing)?|predictions? (?:of|for)|forecast(?:s|ed|ing)?|estimat(?:e|es|ed|ing)|"
    r"classif(?:y|ies|ying)|guess(?:es|ing)?|how (?:much|many|likely|long|often|big|high|large|fast|far)|"
    r"whether|tell (?:me |us )?(?:if|whether)|find out|determine|(?:want|need|like|wish) to know|model(?:s|ing|ling)?(?= (?:the|how|whether|which)\b)|"
    r"(?:target|label|outcome)(?: column| variable)? (?:is|will be|should be))\b", re.I)
WEAK_VERBS = re.compile(r"\b(?:which|what)\b", re.I)
# Where the phrase after the verb ends: punctuation, a clause about inputs, metric, budget or constraints.
PHRASE_END = re.compile(
    r"[;:!?,()\[\]{}\n]|\.(?=\s|$)|\s[-\u2013\u2014]\s|\b(?:using|with|without|from|given|based on|so that|because|"
    r"since|while|but|excluding|except|ignoring|ignore|don'?t|do not|then|within|under|optimi[sz]\w*|minimi[sz]\w*|"
    r"maximi[sz]\w*|scored?|measured|evaluated|judged|graded|metric|budget|in \d|and (?:use|optimi|report|score))\b",
    re.I)
QUOTED = r"(?<![\w])[\"'`\u2018\u201c]([^\"'`\u2019\u201d\n]{1,80})[\"'`\u2019\u201d](?![\w])"
BARE = r"(?<![\w./-])([A-Za-z_][\w./-]*\w|[A-Za-z])"
NAME = rf"(?:{QUOTED}|{BARE})"
# "target: y", "(label = 'churn')", "outcome column: SalePrice": whatever follows names the target.
COLON_MARK = re.compile(r"\b(?:target|label|outcome|response|dependent variable)(?:\s+(?:column|variable|field))?"
                        r"\s*[:=]\s*([^,;)\n]+?)\s*(?=[,;)\n]|\.(?:\s|$)|$)", re.I)
AS_MARK = re.compile(rf"{NAME}\s+(?:column\s+)?as\s+(?:the\s+|our\s+|my\s+)?(?:target|label|outcome)\b", re.I)
COLUMN_BEFORE = re.compile(rf"\b(?:column|col|field|variable)\s+{NAME}", re.I)
COLUMN_AFTER = re.compile(rf"{NAME}\s+(?:column|field|variable)\b", re.I)
GENERIC = {"target", "label", "outcome", "response", "output", "answer", "value", "right", "correct", "last", "first",
           "same", "new", "one", "this", "that", "which", "what", "whole", "entire", "other", "missing"}
STOP = {"a", "an", "the", "each", "every", "any", "all", "its", "their", "his", "her", "our", "my", "your", "this",
        "that", "these", "those", "s", "of", "for", "to", "in", "on", "at", "by", "per", "with", "and", "or", "is",
        "are", "was", "were", "be", "will", "would", "does", "do", "did", "can", "could", "should", "it", "they",
        "them", "which", "what", "whether", "if", "how", "much", "many", "who", "whose", "when", "where", "not",
        "no", "likely", "next", "tomorrow", "today", "one"}
# Words that end the head noun phrase: "the price | of the house", "the number | of bikes".
CHUNK_BREAK = {"of", "for", "at", "in", "on", "per", "from", "by", "with", "that", "who", "which", "when", "where",
               "if", "whether", "to", "and", "or", "than", "after", "before", "over", "during", "given", "across",
               "between", "among", "so", "will", "would", "is", "are", "was", "were"}
# --- how requests rule columns out ----------------------------------------------------------------------------
EXCLUDE = re.compile(
    r"\b(?:(?:don'?t|do not|never|not|shouldn'?t|should not|mustn'?t|must not)\s+(?:use|include|rely on|touch)|"
    r"without(?:\s+using)?|ignor(?:e|ing)|exclud(?:e|ing)|leav(?:e|ing) out|except(?:\s+for)?)\s+(.+?)"
    r"(?=\.(?:\s|$)|[;:!?\n()]|$|\s+(?:as|because|since|when|while|but|so|to|for|in the|from the|then|"
    r"it|they|otherwise|if|during|when|predict\w*|and (?:use|optimi\w*|predict\w*|report|score))\b)", re.I)
LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|nor|&)\s+", re.I)
COLUMN_WORDS = r"(?:columns?|features?|variables?|fields?|attributes?|predictors?|inputs?)"
FAMILY_LIKE = {"neural", "deep", "net", "nets", "network", "networks", "nn", "nns", "mlp", "boosting", "boosted",
               "gbm", "lightgbm", "xgboost", "catboost", "tree", "trees", "forest", "forests", "ensemble",
               "ensembles", "model", "models", "gpu", "gpus", "svm", "knn", "linear", "logistic", "regression",
               "learning", "extra", "random"}
GROUP_BY = re.compile(r"\bgroup(?:ed)? by\s+[\"'`]?([\w ]+?)[\"'`]?(?=[,.;)]|$| so| to)", re.I)


@dataclass
class Pick:
    """A target candidate and the evidence for it."""

    column: str
    why: str
    source: str  # "argument" | "test file" | "request" | "name" | "mention"
    exact: bool = False  # the request spells the column's name (not a loose word match)


@dataclass
class Reading:
    """What the request's words say about the target."""

    pick: Pick | None = None
    unknown: str | None = None  # a name the request marks as the target that is no column
    unknown_how: str = ""
    mention: Pick | None = None
    phrases: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------- words and names


def _words(text: str) -> str:
    """Lower-case words padded with spaces; camelCase is split ("MonthlyCharges" -> " monthly charges ")."""
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", text)
    return " " + re.sub(r"[\W_]+", " ", text.lower()).strip() + " "


def _singular(key: str) -> str:
    if key.endswith("ies") and len(key) > 4:
        return key[:-3] + "y"
    if key.endswith("sses"):
        return key[:-2]
    if key.endswith("s") and not key.endswith(("ss", "us", "is")) and len(key) > 3:
        return key[:-1]
    return key


def _keys(words: list[str], request_side: bool = False) -> set[str]:
    """Match keys of a word sequence: the words joined, as written and with abbreviations spelled out."""
    spelled = [w if request_side and w == "no" else ABBREVIATIONS.get(w, w) for w in words]
    return {_singular("".join(words)), _singular("".join(spelled))}


def identifier_like(token: str) -> bool:
    """A token written like a column name rather than an English word: snake_case, camelCase, letters+digits."""
    token = token.strip("\"'`\u2018\u2019\u201c\u201d")
    return bool(re.fullmatch(r"[A-Za-z][\w.]*", token) and (
        "_" in token.strip("_") or re.search(r"[a-z]{2,}[A-Z]", token) or re.fullmatch(r"[A-Za-z]+\d+\w*", token)))


def _column_index(columns: list[str]) -> tuple[dict[str, str | None], int]:
    """Match key -> column (None when two columns share the key), and the longest column in words."""
    index: dict[str, str | None] = {}
    longest = 1
    for column in columns:
        words = _words(column).split()
        if not words:
            continue
        longest = max(longest, len(words))
        for key in _keys(words) | {_singular(re.sub(r"[\W_]+", "", column.lower()))}:
            index[key] = None if index.get(key, column) != column else column
    return index, longest


@dataclass
class _Match:
    start: int
    end: int
    column: str
    text: str


def _tokens(text: str) -> tuple[list[re.Match], list[tuple[str, int]]]:
    """The text's tokens ("Sale_Price", "day", "s") and its words, each with the number of its token."""
    tokens = list(re.finditer(r"[^\W_][\w./-]*|_+[^\W_][\w./-]*", text))
    words: list[tuple[str, int]] = []
    for t, m in enumerate(tokens):
        words += [(w, t) for w in _words(m.group().rstrip("./-")).split()]
    return tokens, words


def _matches(text: str, columns: list[str], skip: set[str] = frozenset()) -> list[_Match]:
    """Columns named in ``text`` word by word (spans of whole words), outermost spans only."""
    index, longest = _column_index(columns)
    tokens, words = _tokens(text)
    found = []
    for i in range(len(words)):
        for j in range(min(len(words), i + longest + 1), i, -1):
            span = [w for w, _ in words[i:j]]
            if all(w in STOP for w in span):
                continue
            hits = {index.get(k) for k in _keys(span, request_side=True)} - {None}
            hits -= set(skip)
            if len(hits) == 1:
                first, last = words[i][1], words[j - 1][1]
                raw = text[tokens[first].start():tokens[last].end()]
                found.append(_Match(i, j, hits.pop(), raw))
                break
    return [m for m in found if not any(o is not m and o.start <= m.start and m.end <= o.end
                                        and (o.end - o.start) > (m.end - m.start) for o in found)]


def _head(text: str, matches: list[_Match]) -> _Match | None:
    """The match that is the phrase's head noun: rightmost in the first chunk ("the day's ridership"), else the
    first one after it ("the number of rides")."""
    if not matches:
        return None
    words = [w for w, _ in _tokens(text)[1]]
    lead = 0
    while lead < len(words) and words[lead] in STOP:
        lead += 1
    cut = next((i for i in range(lead + 1, len(words)) if words[i] in CHUNK_BREAK), len(words))
    first = [m for m in matches if m.start < cut]
    if first:
        return max(first, key=lambda m: (m.end, m.end - m.start))
    return min(matches, key=lambda m: m.start)


def resolve(name: str, columns: list[str]) -> str | None:
    """The column a marked name means: exactly (find_column), else with abbreviations spelled out."""
    name = name.strip().strip("\"'`\u2018\u2019\u201c\u201d").strip()
    column = find_column(name, columns)
    if column or not name:
        return column
    keys = _keys(_words(name).split(), request_side=True)
    index, _ = _column_index(columns)
    hits = {index.get(k) for k in keys} - {None}
    return hits.pop() if len(hits) == 1 else None


def _exact(text: str, column: str, columns: list[str]) -> bool:
    return find_column(text.strip(), columns) == column


def _masked(request: str) -> str:
    """The request with exclusions and "grouped by" clauses blanked (same length, so offsets hold)."""
    out = request
    for pattern in (EXCLUDE, GROUP_BY):
        for m in pattern.finditer(request):
            out = out[:m.start()] + " " * (m.end() - m.start()) + out[m.end():]
    return out


def _parens(text: str) -> list[re.Match]:
    return list(re.finditer(r"\(([^()]*)\)", text))


def _is_list(inner: str) -> bool:
    """A parenthesis listing several things ("education, experience, ...") rather than naming one."""
    return bool(re.search(r",|;|\.\.\.|\u2026|\betc\b|\s(?:and|or)\s", inner))


# --------------------------------------------------------------------------------------------- the request's words


def read_request(request: str, columns: list[str], rejected: set[str] = frozenset()) -> Reading:
    """What the request's words say the target is: a marked name, the phrase after the verb, or a mention."""
    reading = Reading()
    text = _masked(request)

    def marked(name: str, how: str) -> bool:
        """Record a name the request marks as the target; True when it settled the reading."""
        quoted = bool(re.fullmatch(QUOTED, name.strip()))
        name = name.strip().strip("\"'`\u2018\u2019\u201c\u201d").strip()
        if not name:
            return False
        column = resolve(name, columns)
        if column is None:
            loose = _head(name, _matches(name, columns, rejected)) if how == "marked as the target" else None
            if loose:
                reading.pick = Pick(loose.column, f"the request marks {name!r} as the target", "request")
                return True
            if metric_named_in(name) or not (quoted or identifier_like(name) or re.fullmatch(r"[A-Za-z]\w*", name)):
                return False  # "target: 0.9 AUC", "target: accuracy" set a goal, they name no column
            reading.unknown, reading.unknown_how = name, how
            return True
        if column in rejected:
            return False
        reading.pick = Pick(column, f"{how} ({name!r})", "request", exact=True)
        return True

    for m in COLON_MARK.finditer(text):
        if marked(m.group(1), "marked as the target"):
            return reading
    for m in AS_MARK.finditer(text):
        name = m.group(1) or m.group(2)
        if (m.group(1) or identifier_like(name) or resolve(name, columns)) and marked(name, "marked as the target"):
            return reading

    verbs = [(m, True) for m in STRONG_VERBS.finditer(text)] + [(m, False) for m in WEAK_VERBS.finditer(text)]
    for verb, strong in verbs:
        rest = re.sub(r"^\s*[:\-\u2013\u2014]\s", " ", text[verb.end():])  # "Predict: price"
        end = PHRASE_END.search(rest)
        phrase = rest[:end.start()] if end else rest
        words = phrase.split()
        if len(words) > 12:
            phrase = " ".join(words[:12])
        if not phrase.strip():
            continue
        reading.phrases.append(phrase.strip())
        # a quoted name, or one marked "column X" / "X column", in the phrase
        for q in re.finditer(QUOTED, phrase):
            if marked(q.group(1), "quoted after the verb"):
                return reading
        for pattern in (COLUMN_BEFORE, COLUMN_AFTER):
            for c in pattern.finditer(phrase):
                name = c.group(1) or c.group(2)
                plain = c.group(2) and not identifier_like(name)
                unresolved_after = pattern is COLUMN_AFTER and not resolve(name, columns)
                if plain and (name.lower() in STOP | GENERIC or unresolved_after):
                    continue
                if marked(name, "named as a column after the verb"):
                    return reading
        # a parenthesis right after the phrase may say which column is meant: "the price (column 'SalePrice')"
        after = rest[end.start():] if end else ""
        paren = re.match(r"\s*\(([^()]*)\)", after)
        if paren and not _is_list(paren.group(1)):
            inner = paren.group(1).strip()
            mark = re.search(QUOTED, inner) or re.search(rf"\b(?:column|col|field|variable)\s+{NAME}", inner, re.I)
            if mark and marked(next(g for g in mark.groups() if g), "named in the parenthesis after the verb"):
                return reading
            bare = re.sub(r"\b(?:the|column|col|field|variable)\b", " ", inner, flags=re.I).strip()
            column = resolve(bare, columns)
            if column and column not in rejected:
                reading.pick = Pick(column, f"named in the parenthesis after the verb ({inner!r})", "request", True)
                return reading
            if (column is None and bare != inner and re.fullmatch(r"[A-Za-z][\w.]*", bare)
                    and bare.lower() not in GENERIC | STOP):  # "(income column)" with no such column
                reading.unknown, reading.unknown_how = bare, "named as a column after the verb"
                return reading
        head = _head(phrase, _matches(phrase, columns, rejected))
        if head:
            why = f"named after the verb ({verb.group().strip()} {phrase.strip()!r})"
            reading.pick = Pick(head.column, why, "request", _exact(head.text, head.column, columns))
            return reading
        loose = _loose(phrase, columns, rejected)
        if loose:
            why = f"most words of it follow the verb ({verb.group().strip()} {phrase.strip()!r})"
            reading.pick = Pick(loose, why, "request")
            return reading
        # "predict zzz_missing": a token written like a column name, right after a verb, that is no column
        content = [w for w in re.findall(r"[A-Za-z0-9][\w.]*", phrase) if w.lower() not in STOP]
        if strong and content and identifier_like(content[0]) and not _shares_words(content[0], columns):
            reading.unknown, reading.unknown_how = content[0].rstrip("."), "named right after the verb"
            return reading

    mentions = sorted(_mentions(text, columns, rejected), key=lambda m: m.start)
    if mentions:
        first = mentions[0]
        reading.mention = Pick(first.column, f"mentioned in the request ({first.text!r})", "mention")
    return reading


def _loose(phrase: str, columns: list[str], rejected: set[str]) -> str | None:
    """The one column sharing at least two words with the phrase, all but one of its own ("the probability of
    default next month" -> default.payment.next.month)."""
    words = {_singular(w) for w, _ in _tokens(phrase)[1]} - STOP
    scored = []
    for column in columns:
        own = {_singular(w) for w in _words(column).split()} - STOP
        shared = len(own & words)
        if column not in rejected and shared >= 2 and shared >= len(own) - 1:
            scored.append((shared, column))
    scored.sort(reverse=True)
    if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return scored[0][1]
    return None


def _shares_words(token: str, columns: list[str]) -> bool:
    """Whether a column's words all appear in ``token``'s words (or the other way round)."""
    words = {_singular(w) for w in _words(token).split()}
    for column in columns:
        own = {_singular(w) for w in _words(column).split()} - STOP
        if own and (own <= words or words <= own):
            return True
    return False


def _mentions(text: str, columns: list[str], rejected: set[str]) -> list[_Match]:
    """Columns named anywhere outside parenthesised lists; quoted names first."""
    for p in _parens(text):
        if _is_list(p.group(1)):
            text = text[:p.start()] + " " * (p.end() - p.start()) + text[p.end():]
    quoted = [_Match(q.start(), q.end(), c, q.group(1)) for q in re.finditer(QUOTED, text)
              if (c := resolve(q.group(1), columns)) and c not in rejected]
    if quoted:
        return quoted
    found = []
    for m in _matches(text, columns, rejected):
        single = len(m.text) == 1  # "y", "x": too short to trust unmarked
        if not single:
            found.append(m)
    return found


# ---------------------------------------------------------------------------------------------- the target


def from_test_file(inp: UnderstandInput, rejected: set[str] = frozenset()) -> Pick | None:
    """The column the test file asks for: the one training column it lacks or leaves empty, or the one
    sample-submission column among those."""
    if inp.test_columns is None:
        return None
    present, empty = set(inp.test_columns), set(inp.test_empty_columns)
    absent = [c for c in inp.columns if c not in present and c not in rejected]
    blank = [c for c in inp.columns if c in empty and c not in rejected]
    if inp.submission_columns:
        asked = [c for c in inp.submission_columns if c in absent or c in blank]
        if len(asked) == 1:
            return Pick(asked[0], "the sample-submission column that the test file lacks", "test file", True)
    if len(absent) == 1:
        return Pick(absent[0], "the only training column missing from the test file", "test file", True)
    if not absent and len(blank) == 1:
        return Pick(blank[0], "the only training column left empty in the test file", "test file", True)
    return None


def from_names(columns: list[str], rejected: set[str] = frozenset()) -> Pick | None:
    named = [c for c in columns if c.lower() in TARGET_HINTS and c not in rejected]
    return Pick(named[0], "its name says so", "name") if len(named) == 1 else None


def _hint(name: str, columns: list[str]) -> str:
    near = close_matches(name, columns)
    return f"did you mean {', '.join(map(repr, near))}?" if near else f"columns are: {', '.join(columns[:30])}"


def unknown_column_error(name: str, how: str, columns: list[str], extra: str = "") -> MlpilotError:
    return MlpilotError(f"the request names {name!r} as the target ({how}) but the data has no such column: "
                        f"{_hint(name, columns)}{extra}; name an existing column or pass --target (target= in Python)")


def find_target(inp: UnderstandInput) -> tuple[str, list[str]]:
    """The target column and the notes saying why; a one-line error when the evidence names no column."""
    rejected = {c for c in inp.rejected_targets or [] if c != inp.target}
    reading = read_request(inp.request, inp.columns, rejected)
    test = from_test_file(inp, rejected)
    names = from_names(inp.columns, rejected)
    if inp.target:
        column = find_column(inp.target, inp.columns)
        if column is None:
            raise MlpilotError(f"target column {inp.target!r} (given with --target / target=) not found: "
                               f"{_hint(inp.target, inp.columns)}")
        chosen = Pick(column, "given with --target / target=", "argument", True)
        if reading.unknown:
            reading.pick = Pick(reading.unknown, f"{reading.unknown_how}; no such column", "request")
    elif reading.unknown:
        extra = (f" (the test file lacks only {test.column!r}: pass --target {test.column} to predict it)"
                 if test else "")
        raise unknown_column_error(reading.unknown, reading.unknown_how, inp.columns, extra)
    else:
        chosen = test or reading.pick or names or reading.mention
    if chosen is None:
        ruled = f" (ruled out: {', '.join(map(repr, sorted(rejected)))})" if rejected else ""
        words = f"the words {reading.phrases[0]!r} name no column; " if reading.phrases else ""
        raise UnclearTarget(
            f"cannot tell which column to predict: {words}name it in the request (e.g. \"predict 'price'\") or "
            f"pass --target{ruled}; columns are: {', '.join(inp.columns[:40])}")
    notes = [f"target {chosen.column!r}: {chosen.why}"]
    if reading.pick and reading.pick is not chosen and reading.pick.column == chosen.column:
        notes.append(f"the request's words agree: {reading.pick.why}")
    for other in (test, reading.pick, names):
        if other and other.column != chosen.column:
            notes.append(f"{other.source} evidence points to {other.column!r} instead ({other.why}); "
                         f"{chosen.source} evidence ranks higher: pass --target {other.column} to predict it")
    if rejected:
        notes.append(f"ruled out as the target by the verifier: {', '.join(map(repr, sorted(rejected)))}")
    if inp.test_columns is not None and test is None:
        missing = [c for c in inp.columns if c not in inp.test_columns or c in inp.test_empty_columns]
        notes.append(f"columns missing from the test file: {', '.join(map(repr, missing[:8]))}" if missing else
                     "every training column is in the test file with values (is the test file labelled?)")
    return chosen.column, notes


# ---------------------------------------------------------------------------------------------- task type


def find_task_type(inp: UnderstandInput, target: str, metric: str | None = None) -> tuple[str, str]:
    """The task type and why: the target's values, then the metric the request names, then its words."""
    dtype = inp.dtypes.get(target, "object")
    levels = inp.n_unique.get(target, 0)
    numeric = any(k in dtype for k in ("int", "float")) and "bool" not in dtype
    integral = "int" in dtype
    values = f"{levels} distinct values ({dtype})"
    try:
        tasks = get_metric(metric).tasks if metric else ()
    except MlpilotError:
        tasks = ()
    if not numeric:
        return ("binary" if levels == 2 else "multiclass"), f"the target holds labels, {values}"
    if tasks == ("regression",):
        return "regression", f"metric {metric} scores a quantity and the target is numeric, {values}"
    if tasks and "regression" not in tasks:
        return ("binary" if levels == 2 else "multiclass"), f"metric {metric} scores classes, {values}"
    if levels == 2:
        return "binary", f"the target has two values ({dtype})"
    if integral and levels <= MAX_CLASS_LEVELS and not REGRESS_WORDS.search(inp.request):
        return "multiclass", f"few integer levels, {values}"
    if CLASSIFY_WORDS.search(inp.request) and integral and levels <= 50:
        return "multiclass", f"the request speaks of classes, {values}"
    return "regression", f"a numeric target, {values}"


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
    words = set(_words(name).split())
    column = resolve(name, columns)
    if column:
        return column
    if not quoted and words & FAMILY_LIKE:
        return None
    single = len(name.split()) == 1
    if quoted or (single and (identifier_like(name) or marked)):
        raise MlpilotError(f"the request excludes {name!r} but the data has no such column: {_hint(name, columns)}; "
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
    metric = inp.metric or metric_named_in(inp.request)
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
                               f"{_hint(name, inp.columns)}")
        if column not in constraints.exclude_columns:
            constraints.exclude_columns.append(column)
    if constraints.exclude_columns:
        notes.append(f"columns left out as asked: {', '.join(constraints.exclude_columns)}")
    return TaskSpec(task_type=task_type, target=target, metric=metric, id_column=find_id(inp, target),
                    time_budget_s=budget, group_column=group_column, time_column=time_column,
                    constraints=constraints, notes=notes)
