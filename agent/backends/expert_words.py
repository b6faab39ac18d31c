"""Words and column names: how the expert matches the words of a request to the columns of a table."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from mlpilot.tools.load import find_column

ABBREVIATIONS = {"avg": "average", "num": "number", "no": "number", "qty": "quantity", "pct": "percent",
                 "amt": "amount", "temp": "temperature", "cnt": "count", "yr": "year", "lb": "pound", "lbs": "pounds", "ln": "log"}
# How people ask for a quantity or an outcome without naming it: "how much is it worth" asks for the price, "how much
# do they earn" for the wage, "how many will sell" for the sales, "did they die" for a death, "who will leave" for churn (the values are columns' match
# keys: singular, lower case)
MEANS = {**dict.fromkeys(("worth", "cost", "costs", "sellfor", "sellsfor", "soldfor"), ("price", "value")),
         **dict.fromkeys(("earn", "earns", "earned", "earning"), ("wage", "salary", "income", "earning", "pay")),
         **dict.fromkeys(("die", "dies", "died", "dying"), ("died", "dead", "death", "mortality", "fatal",
                                                            "survived", "survival")),
         **dict.fromkeys(("sell", "sells", "selling"), ("sale", "sold")),
         **dict.fromkeys(("leave", "leaves", "quit", "quits", "cancel", "cancels", "churn"),
                         ("churn", "churned", "attrition", "exited", "left", "quit"))}
QUOTED = r"(?<![\w])[\"'`\u2018\u201c]([^\"'`\u2019\u201d\n]{1,80})[\"'`\u2019\u201d](?![\w])"
BARE = r"(?<![\w./-])([A-Za-z_][\w./-]*\w|[A-Za-z])"
NAME = rf"(?:{QUOTED}|{BARE})"
STOP = {"a", "an", "the", "each", "every", "any", "all", "its", "their", "his", "her", "our", "my", "your", "this",
        "that", "these", "those", "s", "of", "for", "to", "in", "on", "at", "by", "per", "with", "and", "or", "is",
        "are", "was", "were", "be", "will", "would", "does", "do", "did", "can", "could", "should", "it", "they",
        "them", "which", "what", "whether", "if", "how", "much", "many", "who", "whose", "when", "where", "not",
        "no", "likely", "next", "tomorrow", "today", "one"}
ENDINGS = {"ion", "ing", "ies", "ity", "ive", "ial", "ian", "ern", "ers", "ful", "ism", "ist", "ous", "ent", "ant",
           "ted", "ble", "ise", "ize", "ary", "ory", "ate"}  # three letters a name's word may add to a stem
SKIPPABLE = {"of", "per", "the", "a", "an", "in", "on", "and", "to", "for"}  # words an abbreviation may drop
LOOSE_SPAN = 4  # words one abbreviated column name may stand for ("length of stay" -> los)
UNIT = {"each", "every", "per"}
AMOUNT = {"number", "count", "amount", "total", "share", "proportion", "percentage", "percent", "fraction", "level",
          "quantity", "rate"}  # "the number of X" counts X
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


def spaced_words(text: str) -> str:
    """Lower-case words padded with spaces; camelCase is split ("MonthlyCharges" -> " monthly charges ")."""
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", text)
    return " " + re.sub(r"[\W_]+", " ", text.lower()).strip() + " "


def singular(key: str) -> str:
    if key.endswith("ies") and len(key) > 4:
        return key[:-3] + "y"
    if key.endswith("sses"):
        return key[:-2]
    if key.endswith("s") and not key.endswith(("ss", "us", "is")) and len(key) > 3:
        return key[:-1]
    return key


def match_keys(words: list[str], request_side: bool = False) -> set[str]:
    """Match keys of a word sequence: the words joined, as written and with abbreviations spelled out; a request's
    word for what a quantity is ("worth", "earn") also names the column that holds it (``MEANS``)."""
    spelled = [w if request_side and w == "no" else ABBREVIATIONS.get(w, w) for w in words]
    means = MEANS.get("".join(words), ()) if request_side else ()
    return {singular("".join(words)), singular("".join(spelled)), *means}


def identifier_like(token: str) -> bool:
    """A token written like a column name rather than an English word: snake_case, camelCase, letters+digits."""
    token = token.strip("\"'`\u2018\u2019\u201c\u201d")
    return bool(re.fullmatch(r"[A-Za-z][\w.]*", token) and (
        "_" in token.strip("_") or re.search(r"[a-z]{2,}[A-Z]", token) or re.fullmatch(r"[A-Za-z]+\d+\w*", token)))


def column_index(columns: list[str]) -> tuple[dict[str, str | None], int]:
    """Match key -> column (None when two columns share the key), and the longest column in words."""
    index: dict[str, str | None] = {}
    longest = 1
    for column in columns:
        words = spaced_words(column).split()
        if not words:
            continue
        longest = max(longest, len(words))
        for key in match_keys(words) | {singular(re.sub(r"[\W_]+", "", column.lower()))}:
            index[key] = None if index.get(key, column) != column else column
    return index, longest


@dataclass
class Match:
    start: int
    end: int
    column: str
    text: str
    abbreviated: bool = False  # by ``abbreviates``, not spelled out


def word_tokens(text: str) -> tuple[list[re.Match], list[tuple[str, int]]]:
    """The text's tokens ("Sale_Price", "day", "s") and its words, each with the number of its token."""
    tokens = list(re.finditer(r"[^\W_][\w./-]*|_+[^\W_][\w./-]*", text))
    words: list[tuple[str, int]] = []
    for t, m in enumerate(tokens):
        words += [(w, t) for w in spaced_words(m.group().rstrip("./-")).split()]
    return tokens, words


def column_matches(text: str, columns: list[str], skip: set[str] = frozenset(), loose: bool = False) -> list[Match]:
    """Columns named in ``text`` word by word (spans of whole words), outermost spans only. A column spelled with
    its own capitals matches even when its name is a common word ("Today"). With ``loose``, a span that names no
    column exactly may abbreviate one (``abbreviates``): "graduation rate" is Grad.Rate, "miles per gallon" mpg."""
    index, longest = column_index(columns)
    letters = {c: _letters(c) for c in columns if c not in skip} if loose else {}  # abbreviations only
    tokens, words = word_tokens(text)
    found = []
    for i in range(len(words)):
        for j in range(min(len(words), i + max(longest, LOOSE_SPAN if loose else 0) + 1), i, -1):
            span = [w for w, _ in words[i:j]]
            raw = text[tokens[words[i][1]].start():tokens[words[j - 1][1]].end()]
            if all(w in STOP for w in span) and raw not in columns:
                continue
            hits = {index.get(k) for k in match_keys(span, request_side=True)} - {None}
            abbreviated = not hits and loose and span[0] not in STOP and span[-1] not in STOP
            if abbreviated:
                hits = {c for c, key in letters.items() if abbreviates(key, span)}
            hits -= set(skip)
            if len(hits) == 1:
                found.append(Match(i, j, hits.pop(), raw, abbreviated))
                if not abbreviated:  # a shorter span may still spell a name out: "price | of the property"
                    break

    def covers(o: Match, m: Match) -> bool:  # an abbreviation covers an exact name only by extending it
        return (o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
                and (not o.abbreviated or m.abbreviated or letters[m.column] in letters[o.column]
                     or len(letters[o.column]) >= 5))

    return [m for m in found if not any(covers(o, m) for o in found)]


def abbreviates(key: str, words: list[str]) -> bool:
    """Whether a column's letters ``key`` (lower case, no separators: ``_letters``) abbreviate ``words`` in order.
    Each word gives the next piece of the key: the start of the word ("grad" graduation, "ins" insurance, "l" log),
    its first letter and later consonants ("hwy" highway, "wt" weight, "nb" number), or most of its stem
    ("participation" participates, "deny" denied); "of", "per" and the like may give nothing ("los": length of
    stay). The pieces are initials (one letter each: "mpg"), or words (two letters or more after the first:
    "lwage"); a whole key of one word is at least three letters."""
    if len(key) < 2 or len(words) == 1 and len(key) < 3 and not words[0].startswith(key):
        return False

    def pieces(i: int, k: int, initials: bool | None) -> bool:  # initials: None until the second piece says
        if k == len(words):
            return i == len(key)
        word = words[k]
        if word in SKIPPABLE and pieces(i, k + 1, initials):
            return True
        for m in range(len(key), i, -1):
            size = m - i
            if initials is not None and (size == 1) != initials or not _abbreviation(key[i:m], word):
                continue
            if pieces(m, k + 1, None if i == 0 else size == 1):
                return True
        return False

    return pieces(0, 0, None)


def _abbreviation(piece: str, word: str) -> bool:
    if piece[0] != word[0]:
        return False
    if word.startswith(piece):
        return True
    rest = iter(word[1:])
    if all(ch in rest for ch in piece[1:]) and not set(piece[1:]) & set("aeiou"):  # a consonant skeleton
        return True
    stem, full = piece.replace("y", "i"), word.replace("y", "i")
    shared = len(os.path.commonprefix([stem, full]))
    rest = stem[shared:]  # an ending ("ion", "ed", "y"), not a word: motherAge is no "mother", HouseNum no "house"
    word_rest = rest.rstrip("0123456789")  # digits number a name ("prestg10"), they add no word
    return shared >= max(4, 0.6 * len(piece)) and len(rest) <= 3 and (len(word_rest) < 3 or word_rest in ENDINGS)


def short_for(piece: str, word: str) -> bool:
    """Whether a piece of a column name (two letters or more) is short for a word: a known abbreviation
    (``ABBREVIATIONS``), ``_abbreviation``'s rules, or the word without some of its letters, same first and last
    ("rte": rate)."""
    if len(piece) < 2:
        return False
    if singular(ABBREVIATIONS.get(piece, "")) == word or _abbreviation(piece, word):
        return True
    rest = iter(word[1:])
    return len(piece) >= 3 and piece[-1] == word[-1] and piece[0] == word[0] and all(ch in rest for ch in piece[1:])


def _letters(column: str) -> str:
    return re.sub(r"[\W_]+", "", column.lower())


def is_unit(words: list[str], match: Match) -> bool:
    """Whether a match follows "each", "every" or "per": the unit a row stands for or its time step ("the
    temperature each hour", "sales per store"), never what to predict."""
    return match.start > 0 and words[match.start - 1] in UNIT


def head_match(text: str, matches: list[Match]) -> Match | None:
    """The match that is the phrase's head noun: rightmost in the first chunk ("the day's ridership"), a name
    spelled out before an abbreviation, else the first one after it ("the number of rides"); never a unit
    (``is_unit``)."""
    words = [w for w, _ in word_tokens(text)[1]]
    matches = [m for m in matches if not is_unit(words, m)]
    if not matches:
        return None
    lead = 0
    while lead < len(words) and words[lead] in STOP:
        lead += 1
    cut = next((i for i in range(lead + 1, len(words)) if words[i] in CHUNK_BREAK), len(words))
    first = [m for m in matches if m.start < cut]
    if first:
        first = [m for m in first if not m.abbreviated] or first  # a name spelled out beats an abbreviation
        return max(first, key=lambda m: (m.end, m.end - m.start))
    return min(matches, key=lambda m: m.start)


def head_words(text: str) -> list[str]:
    """The head noun of a phrase's first chunk ("the sale price | of the house": price), then, after a word for an
    amount ("the number | of cylinders"), the head of the chunk it counts; singular."""
    words = [w for w, _ in word_tokens(text)[1]]
    heads = []
    lead = 0
    while lead < len(words):
        while lead < len(words) and words[lead] in STOP:
            lead += 1
        cut = next((i for i in range(lead + 1, len(words)) if words[i] in CHUNK_BREAK), len(words))
        if cut <= lead:
            break
        heads.append(singular(words[cut - 1]))
        if heads[-1] not in AMOUNT or cut >= len(words) or words[cut] != "of":
            break
        lead = cut + 1
    return heads


def resolve(name: str, columns: list[str]) -> str | None:
    """The column a marked name means: exactly (find_column), else with abbreviations spelled out."""
    name = name.strip().strip("\"'`\u2018\u2019\u201c\u201d").strip()
    column = find_column(name, columns)
    if column or not name:
        return column
    keys = match_keys(spaced_words(name).split(), request_side=True)
    index, _ = column_index(columns)
    hits = {index.get(k) for k in keys} - {None}
    return hits.pop() if len(hits) == 1 else None


def spelled_exactly(text: str, column: str, columns: list[str]) -> bool:
    return find_column(text.strip(), columns) == column


