"""The expert's target: which column a plain-words request and the data say to predict.

The target follows the evidence, strongest first:

1. a target given outside the request (``target=`` / ``--target``);
2. the test file: the one training column it lacks (or leaves empty in every row), or the one sample-submission
   column that is a training column the test file lacks;
3. the request's words: a name marked as the target ("target: y", "the column 'SalePrice'", a quoted name, "use
   y as the label", "a, b -> y", "y ~ a + b"), else the noun phrase after predict / estimate / forecast / how much /
   whether / ... ("estimate each person's weekly wage" -> ``wage``); "how far / old / long ..." asks for a distance,
   an age, a duration ... whatever its subject ("How far is the house from the trail?"); a wh-question asks for the
   noun before its auxiliary ("Which grade | did the student get?") or for what its rows do ("which patients |
   improved"). Never
   a column after each/every/per (the row's unit: "the temperature each hour"), the subject of a question, a
   "whether" clause given as an input, an id, or a text column with a value per row; then two or more values of
   one column ("up or down" names the column holding Up and Down). A list (parenthesised, of inputs, or any
   enumeration of three or more: "(education, experience, ...)") describes inputs and never names the target; a
   parenthesis right after the phrase may clarify it ("the price (column 'SalePrice')"). A column name may be
   abbreviated ("graduation rate" is Grad.Rate, "miles per gallon" mpg: ``expert_words.abbreviates``; "hours of
   TV" tvhours: ``covered_words``), a name spelled out still wins unless another column holds more of the
   phrase's words; a compound name may be meant by its head noun ("the price": SalePrice). A yes/no question's
   predicate ("Did the passenger survive?") and what the request cares about ("what we care about is the
   sales") count too;
4. a column whose name says so (target, label, class, y, outcome), unless the request lists it;
5. a column mentioned anywhere else in the request (outside lists of inputs, exclusions and "grouped by").

Each decision is a note; a weaker source that disagrees with the chosen one gets a note too. A name the request
marks as the target, or an identifier-looking token right after the verb ("predict zzz_missing"), that is no
column is an error listing the closest columns: it is never silently replaced by another column; words naming no
column get the error with the column a misspelling likely meant ("Outsate": Outstate).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from mlpilot.agent.backends.expert_words import (EXCLUDE, GROUP_BY, NAME, QUOTED, STOP, Match,
                                                 column_matches, head_match, identifier_like, is_unit, resolve,
                                                 head_words, short_for, singular, spaced_words, spelled_exactly,
                                                 word_tokens)
from mlpilot.agent.roles import UnderstandInput
from mlpilot.errors import MlpilotError, UnclearTarget
from mlpilot.tools.load import column_hint, find_column
from mlpilot.tools.metrics import metric_named_in
from mlpilot.tools.task_type import TargetValues

TARGET_HINTS = ("target", "label", "class", "y", "outcome")


# --- how requests name the target ---------------------------------------------------------------------------
# Verbs whose object is the target ("predict the price"), then weaker question words ("which customers churn").
STRONG_VERBS = re.compile(
    r"\b(?:predict(?:s|ed|ing)?|predictions? (?:of|for)|forecast(?:s|ed|ing)?|estimat(?:e|es|ed|ing)|"
    r"classif(?:y|ies|ying)|guess(?:es|ing)?|how (?:much|many|likely|long|often|big|high|large|fast|far|old|tall|"
    r"heavy)|"
    r"whether|tell (?:me |us )?(?:if|whether)|find out|determine|(?:want|need|like|wish) to know|model(?:s|ing|ling)?(?= (?:the|how|whether|which)\b)|"
    r"(?:target|label|outcome)(?: column| variable)? (?:is|will be|should be)|"
    r"(?:care (?:most )?about|(?:are|am) interested in|of interest|matters(?: most)?)(?: (?:is|are|here is))?)\b", re.I)
# The quantity a "how ..." question asks for, whatever its subject: "How old is the house?" asks for an age.
HOW_ASKS = {"far": ("distance",), "old": ("age",), "long": ("duration", "length"), "fast": ("speed",),
            "tall": ("height",), "high": ("height",), "heavy": ("weight",), "big": ("size",), "large": ("size",),
            "often": ("frequency",)}
# Weaker cues: question words, and a yes/no question's auxiliary ("Did the passenger survive?": its predicate).
WEAK_VERBS = re.compile(r"\b(?:which|what)\b|(?:^|(?<=[.!?;]\s))(?:did|does|do|is|are|was|were|will|would|has|have|"
                        r"can)\b", re.I)
# A list of inputs the request gives ("using age, income and region", "Use sex, age and class", "Inputs: ..."): the
# columns it names are features, never the target a loose mention could pick.
INPUT_LIST = re.compile(r"\b(?:using|use|from|based on|given|including|inputs?|features?|predictors?)\b\s*:?\s+"
                        r"[^.;?!\n]*?(?:,|\band\b)[^.;?!\n]*", re.I)
# Three or more things listed ("lot size, age, living area and bathrooms"): what a table holds, not its target.
_ITEM = r"[^\W_][\w.'/-]*(?:[ \t]+[^\W_][\w.'/-]*){0,3}"
ENUMERATION = re.compile(rf"{_ITEM}(?:\s*,\s*{_ITEM}){{2,}}(?:\s*,?\s+(?:and|or)\s+{_ITEM})?|"
                         rf"{_ITEM}\s*,\s*{_ITEM},?\s+(?:and|or)\s+{_ITEM}", re.I)
# Where the phrase after the verb ends: punctuation, a clause about inputs, metric, budget or constraints.
PHRASE_END = re.compile(
    r"[;:!?,()\[\]{}\n]|\.(?=\s|$)|\s[-\u2013\u2014]\s|\b(?:using|with|without|from|given|based on|so that|because|"
    r"since|while|but|excluding|except|ignoring|ignore|don'?t|do not|then|within|under|optimi[sz]\w*|minimi[sz]\w*|"
    r"maximi[sz]\w*|scored|score(?=\s*(?:[:=]|is\b|by\b|with\b|using\b|will\b|metric\b))|measured|evaluated|"
    r"judged|graded|metric|budget|in \d|and (?:use|optimi|report|score))\b",
    re.I)
# "target: y", "(label = 'churn')", "outcome column: SalePrice": whatever follows names the target.
COLON_MARK = re.compile(r"\b(?:target|label|outcome|response|dependent variable)(?:\s+(?:column|variable|field))?"
                        r"\s*[:=]\s*([^,;)\n]+?)\s*(?=[,;)\n]|\.(?:\s|$)|$)", re.I)
AS_MARK = re.compile(rf"{NAME}\s+(?:column\s+)?as\s+(?:the\s+|our\s+|my\s+)?(?:target|label|outcome)\b", re.I)
COLUMN_BEFORE = re.compile(rf"\b(?:column|col|field|variable)\s+{NAME}", re.I)
COLUMN_AFTER = re.compile(rf"{NAME}\s+(?:column|field|variable)\b", re.I)
AUXILIARY = {"did", "does", "do", "is", "are", "was", "were", "will", "would", "has", "have", "had", "can", "could",
             "should", "may", "might"}
SUBJECT_START = {"the", "a", "an", "this", "that", "these", "those", "each", "every", "he", "she", "it", "they", "we",
                 "you", "i", "his", "her", "their", "its", "our", "my", "your"}  # after an auxiliary: its subject
WHETHER_INPUT = {"use", "using", "given", "and", "plus", "with", "from", "know", "including", "knowing"}
GENERIC = {"target", "label", "outcome", "response", "output", "answer", "value", "right", "correct", "last", "first",
           "same", "new", "one", "this", "that", "which", "what", "whole", "entire", "other", "missing"}

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


# Notation for "inputs give the target": "age, sex -> time" and R's formula "time ~ age + sex" read as words.
ARROW = re.compile(r"\s*(?:->|=>|\u2192|\u21d2)\s*")
FORMULA = re.compile(r"(?:^|(?<=[.;:\n]))\s*([A-Za-z_][\w.]*)\s*~\s*")


def _masked(request: str) -> str:
    """The request with its notation in words (``ARROW``, ``FORMULA``), then exclusions and "grouped by" clauses
    blanked (same length, so offsets hold)."""
    out = request = FORMULA.sub(r" predict \1 from ", ARROW.sub("; predict ", request))
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


def read_request(request: str, columns: list[str], rejected: set[str] = frozenset(),
                 levels: dict[str, list[str]] | None = None) -> Reading:
    """What the request's words say the target is: a marked name, the phrase after the verb, the values of one
    column ("Will the market go up or down?": the column holding Up and Down), or a mention."""
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
            loose = head_match(name, column_matches(name, columns, rejected)) if how == "marked as the target" else None
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

    strong = [m for m in STRONG_VERBS.finditer(text) if not _described_input(text, m)]
    verbs = [(m, True) for m in sorted(strong, key=lambda m: m.group().lower() == "whether")]  # a verb's object first
    verbs += [(m, False) for m in WEAK_VERBS.finditer(text)]
    for verb, strong in verbs:
        rest = re.sub(r"^\s*[:\-\u2013\u2014]\s", " ", text[verb.end():])  # "Predict: price"
        end = PHRASE_END.search(rest)
        phrase = rest[:end.start()] if end else rest
        words = phrase.split()
        if len(words) > 12:
            phrase = " ".join(words[:12])
        if not phrase.strip():
            continue
        asked = HOW_ASKS.get(verb.group().lower().split()[-1], ()) if verb.group().lower().startswith("how ") else ()
        named = {m.column for noun in asked for m in column_matches(noun, columns, rejected, loose=True)}
        if len(named) == 1:  # "How far is the house from the trail?" asks for its distance, not the house
            reading.pick = Pick(named.pop(), f"{verb.group()!r} asks for it", "request")
            return reading
        phrases = [phrase]
        if not strong and verb.group().lower() not in ("which", "what"):
            phrases = [_predicate(phrase, columns, rejected)]  # "Is the worker's wage set by a union?": not wage
        elif re.match(r"which|what|how", verb.group(), re.I):
            phrases = _asked_for(verb.group(), phrase, columns, rejected)
        for phrase in phrases:
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
            head = head_match(phrase, column_matches(phrase, columns, rejected, loose=True))
            loose, cover = _loose(phrase, columns, rejected) or (None, set())
            spelled = {singular(w) for w, _ in word_tokens(phrase)[1][head.start:head.end]} - STOP if head else set()
            if head and loose and _modifies(phrase, head) and cover & set(head_words(phrase)):
                head = None  # "the 2014 house price": Price2014 holds the head noun, HouseNum only modifies it
            if head and not (spelled < cover):  # "population growth": not population; "attendance rate": atndrte
                why = f"named after the verb ({verb.group().strip()} {phrase.strip()!r})"
                reading.pick = Pick(head.column, why, "request", spelled_exactly(head.text, head.column, columns))
                return reading
            if loose:
                why = f"most words of it follow the verb ({verb.group().strip()} {phrase.strip()!r})"
                reading.pick = Pick(loose, why, "request")
                return reading
            compound = _ending_in(phrase, columns, rejected)
            if compound:
                why = f"its name ends in the phrase's head noun ({verb.group().strip()} {phrase.strip()!r})"
                reading.pick = Pick(compound, why, "request")
                return reading
            # "predict zzz_missing": a token written like a column name, right after a verb, that is no column
            content = [w for w in re.findall(r"[A-Za-z0-9][\w.]*", phrase) if w.lower() not in STOP]
            if strong and content and identifier_like(content[0]) and not _shares_words(content[0], columns):
                reading.unknown, reading.unknown_how = content[0].rstrip("."), "named right after the verb"
                return reading

    by_values = _named_by_values(text, levels or {}, rejected)
    if by_values:
        column, named = by_values
        reading.pick = Pick(column, f"the request names its values ({', '.join(map(repr, named))})", "request")
        return reading
    mentions = sorted(_mentions(text, columns, rejected), key=lambda m: m.start)
    if mentions:
        first = mentions[0]
        reading.mention = Pick(first.column, f"mentioned in the request ({first.text!r})", "mention")
    return reading


def _described_input(text: str, verb: re.Match) -> bool:
    """A "whether" clause that the request uses or knows ("use whether their workplace has a ban", "given age and
    whether there is a ban"): an input it describes, not what to predict."""
    before = re.findall(r"[\w']+", text[:verb.start()].lower())[-1:]
    return verb.group().lower() == "whether" and bool(before) and before[0] in WHETHER_INPUT


def _predicate(question: str, columns: list[str], rejected: set[str]) -> str:
    """A yes/no question without its subject: a column named first, right after the auxiliary and its article (or
    a possessive), is the unit the question is about ("Was the airbag deployed?" asks about the deployment, not
    the airbag)."""
    tokens, words = word_tokens(question)
    lead = next((i for i, (w, _) in enumerate(words) if w not in STOP), len(words))
    if lead + 2 < len(words) and words[lead + 1][0] == "s":  # a possessive: "the worker's wage"
        lead += 2
    first = min(column_matches(question, columns, rejected), key=lambda m: m.start, default=None)
    if first is None or first.start != lead or first.end >= len(words):
        return question
    return question[tokens[words[first.end - 1][1]].end():]


def _asked_for(question: str, phrase: str, columns: list[str], rejected: set[str]) -> list[str]:
    """What a wh-question asks for, most likely first. Asking about an object ("Which grade | did the student get?",
    "How much feed | did the pig eat?"), the noun before the auxiliary, then what the subject does ("how many car
    seats will each store | sell"), never the subject; asking which rows do something ("which patients |
    improved", "which customers | will churn"), the predicate, not the rows' unit, when the predicate names a
    column."""
    tokens, words = word_tokens(phrase)
    aux = next((i for i in range(1, len(words)) if words[i][0] in AUXILIARY), None)
    if aux is not None and aux + 1 < len(words) and words[aux + 1][0] in SUBJECT_START:
        subject = next((i for i in range(aux + 1, len(words)) if words[i][0] not in STOP), len(words))
        does = phrase[tokens[words[subject][1]].end():] if subject < len(words) else ""
        return [phrase[:tokens[words[aux][1]].start()]] + ([does] if does.strip() else [])
    if question.lower() in ("which", "what"):
        matches = column_matches(phrase, columns, rejected, loose=True)
        lead = next((i for i, (w, _) in enumerate(words) if w not in STOP), len(words))
        first = min(matches, key=lambda m: m.start, default=None)
        if first and first.start == lead and any(m.start >= first.end for m in matches):
            return [phrase[tokens[words[first.end - 1][1]].end():]]
    return [phrase]


def _modifies(phrase: str, match: Match) -> bool:
    """Whether a match names none of the phrase's head nouns (``head_words``), only words before or after them."""
    spanned = {singular(w) for w, _ in word_tokens(phrase)[1][match.start:match.end]}
    return not spanned & set(head_words(phrase))


def _words(column: str) -> set[str]:
    return {singular(w) for w in spaced_words(column).split()} - STOP


def _loose(phrase: str, columns: list[str], rejected: set[str]) -> tuple[str, set[str]] | None:
    """The one column at least two of whose pieces stand for words of the phrase, all pieces but one, in any order,
    with the phrase words they stand for: "the probability of default next month" -> default.payment.next.month,
    "hours of TV watched" -> tvhours, "the average past gift" -> avggift (``covered_words``)."""
    words = {singular(w) for w, _ in word_tokens(phrase)[1]} - STOP
    scored = []
    for column in columns:
        if column not in rejected and (cover := covered_words(column, words)):
            scored.append((len(cover), column, cover))
    scored.sort(key=lambda s: s[0], reverse=True)
    if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return scored[0][1], scored[0][2]
    return None


def covered_words(column: str, words: set[str]) -> set[str]:
    """The phrase ``words`` a column's pieces stand for, when at least two do and at most one piece stands for
    none (else empty). A piece is a word of the name (``spaced_words``, letters and digits apart) that is a phrase
    word, abbreviates one, or splits into abbreviations of distinct ones ("totwrk": total, work)."""
    pieces = _pieces(column)
    covered: set[str] = set()
    matched = unmatched = 0
    for piece in (singular(p) for p in pieces if p not in STOP):
        found = _stands_for(piece, words - covered)
        if found:
            covered |= found
            matched += len(found)
        else:
            unmatched += 1
    return covered if matched >= 2 and unmatched <= 1 else set()


def _pieces(column: str) -> list[str]:
    """A column name's words, letters and digits apart ("hiv2004": hiv, 2004)."""
    return re.sub(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])", " ", spaced_words(column)).split()


def _ending_in(phrase: str, columns: list[str], rejected: set[str]) -> str | None:
    """The one compound column name ending in the phrase's head noun: a SalePrice is a price, a policePrecinct a
    precinct ("predict the price", "Which precinct ...", "the number of cylinders": no_cylinders)."""
    for word in head_words(phrase):
        ending = [c for c in columns if c not in rejected and len(pieces := _pieces(c)) > 1
                  and singular(pieces[-1]) == word]
        if len(ending) == 1:
            return ending[0]
    return None


def _stands_for(piece: str, words: set[str], parts: int = 3) -> set[str]:
    """The words a piece of a column name stands for: one word it is or abbreviates, or up to ``parts`` words its
    letters split into, each part a word or an abbreviation of three letters or more ("avggift": average, gift)."""
    if piece in words:
        return {piece}
    direct = next((w for w in sorted(words) if short_for(piece, w)), None)
    if direct:
        return {direct}
    for i in range(2, len(piece) - 1) if parts > 1 else ():
        for word in sorted(words):
            if piece[:i] == word or i >= 3 and short_for(piece[:i], word):  # "mc" + "at": too loose
                rest = _stands_for(piece[i:], words - {word}, parts - 1) if len(piece) - i >= 3 or \
                    piece[i:] in words else set()
                if rest:
                    return {word} | rest
    return set()


def _shares_words(token: str, columns: list[str]) -> bool:
    """Whether a column's words all appear in ``token``'s words (or the other way round)."""
    words = {singular(w) for w in spaced_words(token).split()}
    for column in columns:
        own = _words(column)
        if own and (own <= words or words <= own):
            return True
    return False


def _named_by_values(text: str, levels: dict[str, list[str]], rejected: set[str]) -> tuple[str, list[str]] | None:
    """The one column two or more of whose values the request names as words ("lunch or dinner"), or one of its
    two ("Is the email spam?"), outside lists."""
    said = spaced_words(_unlisted(text))
    found = []
    for column, values in levels.items():
        named = [v for v in values if re.search(r"[A-Za-z]{2}", v) and spaced_words(v).strip() not in STOP
                 and spaced_words(v) in said]
        one_of_two = len(values) == 2 and len(named) == 1  # "Is the email spam?": spam or not
        if (len(named) >= 2 or one_of_two) and column not in rejected:
            found.append((column, named))
    return found[0] if len(found) == 1 else None


def _lists(text: str) -> list[tuple[int, int]]:
    """Where the request lists things: parenthesised lists, then lists of inputs, then enumerations of three or
    more in what is left."""
    spans = [p.span() for p in _parens(text) if _is_list(p.group(1))]
    for pattern in (INPUT_LIST, ENUMERATION):
        for start, end in spans:
            text = text[:start] + " " * (end - start) + text[end:]
        spans += [m.span() for m in pattern.finditer(text)]
    return spans


def _unlisted(text: str) -> str:
    """The text with its lists (``_lists``) blanked, offsets kept."""
    for start, end in _lists(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def listed_columns(request: str, columns: list[str]) -> set[str]:
    """Columns the request lists (as inputs, or as what the table holds): never the target a name hint picks."""
    text = _masked(request)
    return {m.column for start, end in _lists(text) for m in column_matches(text[start:end], columns)}


def _mentions(text: str, columns: list[str], rejected: set[str]) -> list[Match]:
    """Columns named anywhere outside lists (``_lists``); quoted names first."""
    text = _unlisted(text)
    quoted = [Match(q.start(), q.end(), c, q.group(1)) for q in re.finditer(QUOTED, text)
              if (c := resolve(q.group(1), columns)) and c not in rejected]
    if quoted:
        return quoted
    words = [w for w, _ in word_tokens(text)[1]]
    return [m for m in column_matches(text, columns, rejected)
            if len(m.text) > 1 and not is_unit(words, m)]  # "y", "x": too short to trust unmarked


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
    """The one column named like a target; a "y" beside an "x" is a coordinate, not a hint."""
    coordinates = {"x", "y"} <= {c.lower() for c in columns}
    named = [c for c in columns if c.lower() in TARGET_HINTS and c not in rejected
             and not (coordinates and c.lower() == "y")]
    return Pick(named[0], "its name says so", "name") if len(named) == 1 else None


def unfit_targets(inp: UnderstandInput) -> set[str]:
    """Columns the request's words cannot mean as the target: text with a different value in most rows (a name, an
    id, a free-text field) has no classes to learn ("the total population of each county" is not ``county``), and
    a number named as an id with a different value in most rows identifies the row ("which patients improved" is
    not ``patient_id``)."""
    return {c for c in inp.columns if inp.n_rows >= 10 and inp.n_unique.get(c, 0) > 0.5 * inp.n_rows and (
        not TargetValues.described(inp.dtypes.get(c, ""), inp.n_unique.get(c, 0)).numeric or identifier_named(c))}


def _misspelled(phrases: list[str], columns: list[str]) -> str | None:
    """The column a word after the verb looks like a misspelling of ("Outsate": Outstate), for the error's hint."""
    for word in (w for phrase in phrases for w in re.findall(r"[A-Za-z]\w{3,}", phrase) if w.lower() not in STOP):
        near = difflib.get_close_matches(word.lower(), [c.lower() for c in columns], n=1, cutoff=0.75)
        if near:
            return next(c for c in columns if c.lower() == near[0])
    return None


def identifier_named(column: str) -> bool:
    """A column name with the word id in it: patient_id, customerID, ID."""
    return "id" in spaced_words(column).split()


def unknown_column_error(name: str, how: str, columns: list[str], extra: str = "") -> MlpilotError:
    return MlpilotError(f"the request names {name!r} as the target ({how}) but the data has no such column: "
                        f"{column_hint(name, columns)}{extra}; name an existing column or pass --target (target= in Python)")


def find_target(inp: UnderstandInput) -> tuple[str, list[str]]:
    """The target column and the notes saying why; a one-line error when the evidence names no column."""
    rejected = {c for c in inp.rejected_targets or [] if c != inp.target}
    reading = read_request(inp.request, inp.columns, rejected | unfit_targets(inp), inp.levels)
    test = from_test_file(inp, rejected)
    excluded = set(inp.exclude) | {m.column for e in EXCLUDE.finditer(inp.request)
                                   for m in column_matches(e.group(1), inp.columns)}  # "Don't use TIME or Y"
    names = from_names(inp.columns, rejected | excluded | listed_columns(inp.request, inp.columns))
    if inp.target:
        column = find_column(inp.target, inp.columns)
        if column is None:
            raise MlpilotError(f"target column {inp.target!r} (given with --target / target=) not found: "
                               f"{column_hint(inp.target, inp.columns)}")
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
        near = _misspelled(reading.phrases, inp.columns)
        heads = {w for phrase in reading.phrases for w in head_words(phrase)}
        if near in unfit_targets(inp) and singular(near.lower()) in heads and not identifier_named(near):
            # "predict price", the price column text with a value per row ("42.000,84 EUR")
            sample = next((row[near] for row in inp.preview if row.get(near) not in (None, "nan")), None)
            raise MlpilotError(
                f"cannot predict {near!r}: it is text with a different value in most rows"
                f"{f' (such as {sample!r})' if sample else ''}, so there are no classes to learn; if it holds "
                f"numbers, write them as plain numbers (1234.5), or name another column to predict")
        words = (f"the words {reading.phrases[0]!r} name no column"
                 f"{f' (did you mean {near!r}?)' if near else ''}; " if reading.phrases else "")
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
