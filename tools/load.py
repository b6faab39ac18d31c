"""Load a table from a file or a DataFrame, and match loosely written column names.

Formats go by extension: delimited text (.csv .txt .tsv .tab, optionally .gz/.bz2/.xz/.zip compressed, with
delimiter and encoding detected), Parquet, JSON (records, columns or lines), JSON lines, Excel and
Feather/Arrow. Every problem becomes a one-line ``MlpilotError`` naming the file and the fix.
"""

from __future__ import annotations

import bz2
import codecs
import csv
import difflib
import gzip
import json
import lzma
import re
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, NamedTuple

import charset_normalizer
import pandas as pd

from mlpilot.errors import MlpilotError
from mlpilot.tools.cells import column_names, tidy_cells

FORMATS = {
    **dict.fromkeys((".csv", ".txt", ".tsv", ".tab"), "text"),
    **dict.fromkeys((".parquet", ".pq"), "parquet"),
    ".json": "json",
    **dict.fromkeys((".jsonl", ".ndjson"), "jsonl"),
    **dict.fromkeys((".xlsx", ".xls"), "excel"),
    **dict.fromkeys((".feather", ".arrow"), "feather"),
}
COMPRESSION = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz", ".zip": "zip"}
OPENERS = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
DELIMITERS = ",;\t|"
SNIFF_CHARS = 65_536
CHUNK_BYTES = 1 << 20
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class _Source(NamedTuple):
    path: Path
    label: str
    ext: str
    compression: str | None


def load_table(source: str | Path | pd.DataFrame, *, what: str = "data") -> pd.DataFrame:
    """Read ``source`` into a DataFrame with stripped, unique column names and at least one row.

    ``what`` names the table in error messages ("data", "test", ...). A DataFrame is copied.
    """
    if isinstance(source, pd.DataFrame):
        return _tidy(source.copy(), f"{what} DataFrame", python_objects=True)
    if re.match(r"^[a-z][a-z0-9+.-]*://", str(source), re.IGNORECASE):
        raise MlpilotError(f"{what} source {str(source)!r} is a URL; download the file and give its local path")
    src = _source(Path(source).expanduser(), what)
    if src.path.stat().st_size == 0:
        raise MlpilotError(f"{src.label} is empty; point to a file with a header row and data rows")
    fmt = FORMATS[src.ext]
    try:
        df = _READERS[fmt](src)
    except PermissionError:
        raise MlpilotError(f"{src.label} cannot be read (permission denied); fix its permissions") from None
    return _tidy(df, src.label, python_objects=fmt != "text")


def find_column(name: str, columns: list[str]) -> str | None:
    """The column ``name`` refers to, ignoring case, spaces, underscores, dashes and plural -s; None if unclear."""
    if name in columns:
        return name
    for key in (_norm, _singular):
        hits = [c for c in columns if key(c) == key(name)]
        if hits:
            return hits[0] if len(hits) == 1 else None
    return None


def column_hint(name: str, columns: list[str]) -> str:
    """What to say after "no column ``name``": the close matches, else the columns there are."""
    near = close_matches(name, columns)
    return f"did you mean {', '.join(map(repr, near))}?" if near else f"columns are: {', '.join(columns[:30])}"


def close_matches(name: str, columns: list[str], n: int = 3) -> list[str]:
    """Up to ``n`` columns that look like ``name``, best first, for "did you mean" hints."""
    by_norm: dict[str, str] = {}
    for c in columns:
        by_norm.setdefault(_norm(c), c)
    key = _norm(name)
    hits = [by_norm[k] for k in difflib.get_close_matches(key, list(by_norm), n=n, cutoff=0.6)]
    hits += [c for c in columns if key and key in _norm(c) and c not in hits]
    return hits[:n]


def _norm(name: str) -> str:
    return re.sub(r"[\W_]+", "", str(name).lower())


def _singular(name: str) -> str:
    key = _norm(name)
    if key.endswith("ies") and len(key) > 4:
        return key[:-3] + "y"
    if key.endswith("sses"):
        return key[:-2]
    if key.endswith("s") and not key.endswith("ss") and len(key) > 3:
        return key[:-1]
    return key


def _source(path: Path, what: str) -> _Source:
    if path.is_dir():
        raise MlpilotError(f"{what} path {str(path)!r} is a folder; give the path of a data file inside it")
    if not path.is_file():
        folder = path.parent
        if not folder.is_dir():
            raise MlpilotError(f"{what} file {str(path)!r} not found (no folder {str(folder)!r}); check the path")
        try:
            names = [p.name for p in folder.iterdir() if p.is_file()]
        except OSError:
            names = []
        near = difflib.get_close_matches(path.name, names, n=3, cutoff=0.75)
        hint = f"did you mean {' or '.join(repr(str(folder / n)) for n in near)}?" if near else "check the path"
        raise MlpilotError(f"{what} file {str(path)!r} not found; {hint}")
    label = f"{what} file {str(path)!r}"
    suffixes = [s.lower() for s in path.suffixes]
    compression = suffixes.pop() if suffixes and suffixes[-1] in COMPRESSION else None
    ext = suffixes[-1] if suffixes else ""
    if ext not in FORMATS or (compression and FORMATS[ext] not in ("text", "json", "jsonl")):
        raise MlpilotError(
            f"{label} has an unsupported extension {''.join(path.suffixes[-2:]) or '(none)'!r}; save it as one of "
            f"{' '.join(FORMATS)} (text and JSON may also end in {' '.join(COMPRESSION)})"
        )
    return _Source(path, label, ext, compression)


@contextmanager
def _open_binary(src: _Source) -> Iterator[IO[bytes]]:
    """The file's (decompressed) bytes; a corrupt archive becomes an MlpilotError."""
    corrupt = f"{src.label} is a corrupt {src.compression} archive"
    try:
        if src.compression == ".zip":
            with zipfile.ZipFile(src.path) as archive:
                members = [m for m in archive.namelist() if not m.endswith("/")]
                if len(members) != 1:
                    raise MlpilotError(f"{src.label} holds {len(members)} files, not one; unzip it and point to the table")
                with archive.open(members[0]) as fh:
                    yield fh
        else:
            with OPENERS.get(src.compression, open)(src.path, "rb") as fh:
                yield fh
    except (zipfile.BadZipFile, EOFError, zlib.error, lzma.LZMAError, gzip.BadGzipFile) as exc:
        raise MlpilotError(f"{corrupt} ({exc}); re-create it or decompress it first") from None
    except OSError as exc:
        if src.compression and not isinstance(exc, PermissionError):
            raise MlpilotError(f"{corrupt} ({exc}); re-create it or decompress it first") from None
        raise


def _decodes(src: _Source, encoding: str) -> bool:
    """True if the whole file decodes strictly in ``encoding`` and holds no NUL characters."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        with _open_binary(src) as fh:
            while chunk := fh.read(CHUNK_BYTES):
                if "\x00" in decoder.decode(chunk):
                    return False
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _encoding(src: _Source) -> str:
    """UTF-8/16/32 by byte-order mark, else UTF-8, else charset_normalizer's guesses, Windows code pages first
    (short samples are ambiguous and most non-UTF-8 tables are Windows exports; Latin script -> cp1252)."""
    with _open_binary(src) as fh:
        head = fh.read(CHUNK_BYTES)
    if not head:
        raise MlpilotError(f"{src.label} is empty; point to a file with a header row and data rows")
    candidates = [enc for bom, enc in BOMS if head.startswith(bom)][:1]
    if not candidates:
        if _decodes(src, "utf-8"):
            return "utf-8"
        guesses = charset_normalizer.from_bytes(head)
        if guesses:
            latin = all("Latin" in a or a == "Control character" for a in guesses.best().alphabets)
            windows = [m.encoding for m in guesses if m.encoding.startswith("cp125")]
            candidates = ["cp1252"] * latin + windows + [guesses.best().encoding]
    for encoding in candidates:
        if _decodes(src, encoding):
            return encoding
    raise MlpilotError(f"{src.label} is not text in any encoding we could detect; re-save it as UTF-8 CSV")


def _dialect(src: _Source, encoding: str) -> tuple[str, str, str | None]:
    """(delimiter, decimal mark, thousands mark) from a sample: tab for .tsv/.tab, else csv.Sniffer, else the
    delimiter counted the same on every line; a decimal comma, with dots between thousands, when ';'-separated
    fields hold numbers like 1,5, or whole numbers only in groups of three like 1.038 (European)."""
    with _open_binary(src) as raw:
        sample = codecs.getreader(encoding)(raw, errors="replace").read(SNIFF_CHARS)
    lines = sample.splitlines()[:-1] if len(sample) == SNIFF_CHARS else sample.splitlines()
    lines = [ln for ln in lines[:50] if ln.strip()]
    if src.ext in (".tsv", ".tab"):
        sep = "\t"
    else:
        try:
            sep = csv.Sniffer().sniff("\n".join(lines), delimiters=DELIMITERS).delimiter
        except csv.Error:
            counts = {d: [ln.count(d) for ln in lines] for d in DELIMITERS}
            steady = [d for d, c in counts.items() if c and c[0] > 0 and min(c) == max(c)]
            sep = max(steady, key=lambda d: counts[d][0]) if steady else ","
    comma_number = re.compile(rf"(^|{re.escape(sep)})-?\d+,\d+({re.escape(sep)}|$)")
    if sep != "," and any(comma_number.search(ln) for ln in lines[1:]):
        return sep, ",", "."
    fields = [f.strip().strip('"') for ln in lines[1:] for f in ln.split(sep)]
    grouped = any(re.fullmatch(r"-?[1-9]\d{0,2}(?:\.\d{3})+", f) for f in fields)
    decimals = any(re.fullmatch(r"-?\d+\.(?:\d{1,2}|\d{4,})", f) for f in fields)
    if sep == ";" and grouped and not decimals:
        return sep, ",", "."
    return sep, ".", None


def _read_text(src: _Source) -> pd.DataFrame:
    encoding = _encoding(src)
    sep, decimal, thousands = _dialect(src, encoding)
    try:
        df = pd.read_csv(
            src.path, sep=sep, decimal=decimal, thousands=thousands, encoding=encoding,
            compression=COMPRESSION.get(src.compression), skipinitialspace=True, na_values=["?"], low_memory=False,
        )
        header = pd.read_csv(src.path, sep=sep, encoding=encoding, compression=COMPRESSION.get(src.compression),
                             skipinitialspace=True, header=None, nrows=1, dtype=str).iloc[0].dropna().str.strip()
        if header.duplicated().any():  # pandas would rename a repeated "Income" to "Income.1" without a word
            raise MlpilotError(f"{src.label} has duplicate column names {sorted(set(header[header.duplicated()]))}; "
                               "make them unique")
        return df
    except pd.errors.EmptyDataError:
        raise MlpilotError(f"{src.label} has no columns; point to a file with a header row and data rows") from None
    except pd.errors.ParserError as exc:
        detail = str(exc).strip().splitlines()[-1]
        raise MlpilotError(
            f"{src.label} is not a well-formed table ({detail}); fix its quoting or delimiter ({sep!r} detected)"
        ) from None


def _read_json(src: _Source) -> pd.DataFrame:
    """.json: records or columns, else JSON lines; .jsonl/.ndjson: JSON lines."""
    encoding = _encoding(src)
    error = ""
    for lines in (False, True) if src.ext == ".json" else (True,):
        try:
            return pd.read_json(src.path, lines=lines, encoding=encoding, compression=COMPRESSION.get(src.compression))
        except ValueError as exc:
            error = error or str(exc).strip().splitlines()[0]
    raise MlpilotError(f"{src.label} is not a JSON table ({error}); write a list of records or one object per line")


def _binary_reader(read, kind: str, fix: str):
    """Wrap a pandas reader so that a missing engine or a corrupt file becomes an MlpilotError."""

    def reader(src: _Source) -> pd.DataFrame:
        try:
            return read(src.path)
        except ImportError as exc:
            raise MlpilotError(f"{src.label} needs a package that is not installed ({exc}); {fix}") from None
        except PermissionError:
            raise
        except Exception as exc:  # noqa: BLE001 - each engine raises its own types for a corrupt file
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise MlpilotError(f"{src.label} is not a valid {kind} file ({detail}); {fix}") from None

    return reader


_READERS = {
    "text": _read_text,
    "json": _read_json,
    "jsonl": _read_json,
    "parquet": _binary_reader(pd.read_parquet, "Parquet", "re-export it or save it as CSV"),
    "excel": _binary_reader(lambda path: _fullest_sheet(pd.read_excel(path, sheet_name=None)), "Excel",
                            "re-save it as .xlsx or CSV"),
    "feather": _binary_reader(pd.read_feather, "Feather", "re-export it or save it as CSV"),
}


def _fullest_sheet(sheets: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The workbook's sheet holding the most cells: the data, not the notes or the cover sheet before it."""
    return max(sheets.values(), key=lambda sheet: int(sheet.notna().to_numpy().sum()))


def _below_title(df: pd.DataFrame) -> pd.DataFrame:
    """A sheet with a title above its header ("Sales report 2023", then the real column names): the first row is
    the header. Seen as a named first column, every other one unnamed, and a first row of names in every cell."""
    unnamed = [str(c).startswith("Unnamed:") for c in df.columns]
    first = df.iloc[0] if len(df) else None
    if len(df.columns) < 3 or unnamed[0] or not all(unnamed[1:]) or first is None or first.isna().any() or \
            pd.to_numeric(first, errors="coerce").notna().any():
        return df
    body = df.iloc[1:].reset_index(drop=True)
    body.columns = [str(v) for v in first]
    return body.infer_objects()


def _tidy(df: pd.DataFrame, label: str, *, python_objects: bool) -> pd.DataFrame:
    """Strip column names, refuse duplicates and empty tables. With ``python_objects`` (sources other than text),
    nested cells (lists, dicts) become JSON text. Cells are read as ``tools.cells`` reads them: columns mixing
    value types (Excel: 12 and "12a") as text, numbers written as text as numbers."""
    df = _below_title(df)
    df.columns = column_names(df.columns)
    counts = df.columns.value_counts()
    if (counts > 1).any():
        raise MlpilotError(f"{label} has duplicate column names {sorted(counts[counts > 1].index)}; make them unique")
    if df.shape[1] == 0:
        raise MlpilotError(f"{label} has no columns; point to a table with a header row and data rows")
    if len(df) == 0:
        raise MlpilotError(f"{label} has a header but no rows; point to a table with data rows")
    if python_objects:
        for col in df.columns[df.dtypes == object]:
            nested = df[col].map(lambda v: isinstance(v, list | dict | tuple))
            if nested.any():
                df[col] = df[col].where(~nested, df[col].map(lambda v: json.dumps(v, default=str)))
    return tidy_cells(df)
