"""load_table on real files in every supported format, encoding and failure; find_column and close_matches."""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
import zipfile

import numpy as np
import pandas as pd
import pytest

from mlpilot.errors import MlpilotError
from mlpilot.tools.load import close_matches, find_column, load_table

FRAME = pd.DataFrame(
    {
        "id": [1, 2, 3, 4],
        "price": [1.5, 2.25, np.nan, 4.0],
        "city": ["Paris", "Lyon", "Nice", "Lille"],
    }
)


def _write(df: pd.DataFrame, path) -> None:
    name = path.name
    if name.endswith((".csv", ".txt")):
        df.to_csv(path, index=False)
    elif name.endswith((".tsv", ".tab")):
        df.to_csv(path, sep="\t", index=False)
    elif name.endswith((".parquet", ".pq")):
        df.to_parquet(path)
    elif name.endswith((".feather", ".arrow")):
        df.to_feather(path)
    elif name.endswith(".json"):
        df.to_json(path, orient="records")
    elif name.endswith((".jsonl", ".ndjson")):
        df.to_json(path, orient="records", lines=True)
    elif name.endswith(".xlsx"):
        df.to_excel(path, index=False)
    else:
        raise AssertionError(name)


@pytest.mark.parametrize(
    "name",
    ["t.csv", "t.txt", "t.tsv", "t.tab", "t.parquet", "t.pq", "t.feather", "t.arrow", "t.json", "t.jsonl",
     "t.ndjson", "t.xlsx"],
)
def test_every_format_round_trips(tmp_path, name):
    path = tmp_path / name
    _write(FRAME, path)
    pd.testing.assert_frame_equal(load_table(path), FRAME, check_dtype=False)


@pytest.mark.parametrize("ext,opener", [(".gz", gzip.open), (".bz2", bz2.open), (".xz", lzma.open)])
def test_compressed_text_and_json(tmp_path, ext, opener):
    for inner, text in ((".csv", FRAME.to_csv(index=False)), (".json", FRAME.to_json(orient="records"))):
        path = tmp_path / f"t{inner}{ext}"
        with opener(path, "wt", encoding="utf-8") as fh:
            fh.write(text)
        pd.testing.assert_frame_equal(load_table(path), FRAME, check_dtype=False)


def test_zipped_csv_with_one_member(tmp_path):
    path = tmp_path / "t.csv.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("inner.csv", FRAME.to_csv(index=False))
    pd.testing.assert_frame_equal(load_table(path), FRAME, check_dtype=False)


def test_json_in_column_orientation(tmp_path):
    path = tmp_path / "cols.json"
    FRAME.to_json(path, orient="columns")
    pd.testing.assert_frame_equal(load_table(path), FRAME, check_dtype=False)


def test_json_lines_in_a_json_file_and_nested_cells_as_json_text(tmp_path):
    path = tmp_path / "events.json"
    path.write_text('{"user": 1, "tags": ["a", "b"]}\n{"user": 2, "tags": {"k": 1}}\n')
    df = load_table(path)
    assert df["user"].tolist() == [1, 2]
    assert df["tags"].tolist() == ['["a", "b"]', '{"k": 1}']


@pytest.mark.parametrize(
    "text,sep",
    [("a;b;c\n1;x;2\n3;y;4\n", ";"), ("a|b|c\n1|x|2\n3|y|4\n", "|"), ("a\tb\tc\n1\tx\t2\n3\ty\t4\n", "\t")],
)
def test_delimiter_is_sniffed_in_csv_files(tmp_path, text, sep):
    path = tmp_path / "d.csv"
    path.write_text(text)
    df = load_table(path)
    assert df.columns.tolist() == ["a", "b", "c"], sep
    assert df["c"].tolist() == [2, 4]


def test_semicolon_file_with_decimal_commas(tmp_path):
    path = tmp_path / "eu.csv"
    path.write_text("name;price;qty\nA;1,5;3\nB;-2,25;4\n")
    df = load_table(path)
    assert df["price"].tolist() == [1.5, -2.25]
    assert df["qty"].tolist() == [3, 4]


def test_european_numbers_with_thousands_dots(tmp_path):
    path = tmp_path / "rent.csv"
    path.write_text("size;rooms;rent;price\n60;2;1.038;42.000,84\n45;1;950;9.500,5\n120;4;2.310;120.000,00\n")
    df = load_table(path)
    assert df["rent"].tolist() == [1038, 950, 2310] and df["price"].tolist() == [42000.84, 9500.5, 120000.0]
    whole = tmp_path / "whole.csv"  # no decimal comma anywhere: dotted whole numbers in groups of three
    whole.write_text("size;rent\n60;1.038\n45;950\n120;2.310\n")
    assert load_table(whole)["rent"].tolist() == [1038, 950, 2310]
    dotted = tmp_path / "dotted.csv"  # a decimal point that is one
    dotted.write_text("size;ratio\n60;1.038\n45;0.95\n")
    assert load_table(dotted)["ratio"].tolist() == [1.038, 0.95]


def test_single_column_csv(tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("score\n1\n2\n3\n")
    assert load_table(path)["score"].tolist() == [1, 2, 3]


def test_spaces_after_delimiters_and_question_marks_as_missing(tmp_path):
    path = tmp_path / "adult.csv"
    path.write_text("age, workclass , income\n39, State-gov, <=50K\n50, ?, >50K\n")
    df = load_table(path)
    assert df.columns.tolist() == ["age", "workclass", "income"]
    assert df["workclass"].isna().tolist() == [False, True]
    assert df["income"].tolist() == ["<=50K", ">50K"]


@pytest.mark.parametrize(
    "encoding,rows",
    [
        ("latin-1", [("José", "Bogotá"), ("François", "Montréal"), ("Zoë", "Köln")]),
        ("cp1252", [("Café", "3 €"), ("Thé", "2 €")]),
        ("utf-8-sig", [("Ærø", "Øst"), ("Åse", "Nord")]),
        ("utf-16", [("Ünïcödé", "tëxt"), ("plain", "ascii")]),
        ("cp1251", [("Москва", "Россия"), ("Санкт-Петербург", "Россия"), ("Новосибирск", "Россия")]),
        ("shift_jis", [("東京", "日本"), ("大阪", "日本"), ("名古屋", "日本")]),
    ],
)
def test_encodings_are_detected(tmp_path, encoding, rows):
    path = tmp_path / f"{encoding}.csv"
    path.write_text("name,place\n" + "".join(f"{a},{b}\n" for a, b in rows), encoding=encoding)
    df = load_table(path)
    assert df.columns.tolist() == ["name", "place"]
    assert list(df.itertuples(index=False, name=None)) == rows


def test_mixed_value_types_become_text_that_parquet_can_store(tmp_path):
    path = tmp_path / "mixed.xlsx"
    pd.DataFrame({"code": [12, "12a", None, 7.5], "n": [1, 2, 3, 4]}).to_excel(path, index=False)
    df = load_table(path)
    assert df["code"].tolist()[:2] == ["12", "12a"] and df["code"].isna().tolist() == [False, False, True, False]
    assert df["n"].tolist() == [1, 2, 3, 4]
    df.to_parquet(tmp_path / "out.parquet")


def test_dataframe_is_copied_with_clean_names(tmp_path):
    source = pd.DataFrame({" a ": [1, 2], "b": [[1], [2, 3]]})
    df = load_table(source)
    df.loc[0, "a"] = 99
    assert source.iloc[0, 0] == 1
    assert df.columns.tolist() == ["a", "b"]
    assert df["b"].tolist() == ["[1]", "[2, 3]"]


def test_numbers_written_as_text_are_read_as_numbers(tmp_path):
    prices = [f"${v:,.2f}" for v in np.linspace(900, 4200, 40)]
    prices[3] = "unknown"  # a word among numbers is a missing value
    pd.DataFrame({"price": prices, "share": [f"{v} %" for v in range(40)], "plan": ["basic ", " pro"] * 20,
                  "code": ["1,5"] * 40}).to_csv(tmp_path / "t.csv", index=False)
    df = load_table(tmp_path / "t.csv")
    assert df["price"].dtype == float and df["price"].iloc[0] == 900 and df["price"].iloc[-1] == 4200
    assert df["price"].isna().tolist() == [i == 3 for i in range(40)]
    assert df["share"].tolist() == list(range(40))
    assert set(df["plan"]) == {"basic", "pro"}  # labels differing only in surrounding spaces are one label
    assert set(df["code"]) == {"1,5"}  # not a thousands separator: text


def test_numbers_no_learner_can_hold_are_missing_and_typed_text_stays_text():
    df = load_table(pd.DataFrame({"x": [1.0, np.inf, -1e300, 1e40, 2.0], "zip": ["02134", "00123", "1", "2", "3"],
                                  "medv": ["24.0", "21.6", "34.7", "33.4", "36.2"]}))
    assert df["x"].isna().tolist() == [False, True, True, True, False]
    assert df["zip"].tolist() == ["02134", "00123", "1", "2", "3"]  # codes with leading zeros stay text
    assert df["medv"].tolist() == [24.0, 21.6, 34.7, 33.4, 36.2]  # a typed source's numbers stored as text


def test_placeholders_are_missing_and_accounting_negatives_are_negative(tmp_path):
    pd.DataFrame({"rating": ["3", "-", "5", "N/A", "4", "?"] * 5, "grade": ["A", "-", "B", "--", "A", "."] * 5,
                  "profit": ["$4,966.95", "($5,732.59)", "(12)", "$1.00", "-", "$0.50"] * 5}).to_csv(
        tmp_path / "t.csv", index=False)
    df = load_table(tmp_path / "t.csv")
    assert df["rating"].isna().tolist()[:6] == [False, True, False, True, False, True]
    assert df["rating"].dropna().tolist()[:3] == [3, 5, 4]  # numbers once the placeholders are out
    assert df["grade"].isna().tolist()[:6] == [False, True, False, True, False, True]  # "-" is no class
    assert df["profit"].tolist()[:4] == [4966.95, -5732.59, -12.0, 1.0] and df["profit"].isna().sum() == 5


def _error(source, **kw) -> str:
    with pytest.raises(MlpilotError) as info:
        load_table(source, **kw)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_missing_file_suggests_similar_names(tmp_path):
    (tmp_path / "train.csv").write_text("a\n1\n")
    message = _error(tmp_path / "trian.csv")
    assert "not found" in message and "train.csv" in message


def test_missing_file_without_similar_names(tmp_path):
    (tmp_path / "unrelated.parquet").write_text("x")
    message = _error(tmp_path / "sales.csv", what="test")
    assert message.startswith("test file") and "check the path" in message and "unrelated" not in message


def test_missing_folder(tmp_path):
    assert "no folder" in _error(tmp_path / "nowhere" / "x.csv")


def test_url_is_refused_with_a_fix():
    assert "download the file" in _error("https://example.org/data.csv")


def test_folder_instead_of_a_file(tmp_path):
    assert "is a folder" in _error(tmp_path)


def test_unknown_extension_lists_supported_formats(tmp_path):
    path = tmp_path / "data.sav"
    path.write_text("a,b\n1,2\n")
    message = _error(path)
    assert ".sav" in message and ".csv" in message and ".parquet" in message


@pytest.mark.parametrize(
    "content,expected",
    [(b"", "is empty"), (b"\n\n\n", "no columns"), (b"a,b,c\n", "no rows"), (b"   \n", "no columns")],
)
def test_empty_inputs(tmp_path, content, expected):
    path = tmp_path / "e.csv"
    path.write_bytes(content)
    message = _error(path)
    assert expected in message and "e.csv" in message


def test_binary_garbage_is_not_text(tmp_path):
    path = tmp_path / "garbage.csv"
    path.write_bytes(np.random.default_rng(0).integers(0, 256, 4000, dtype=np.uint8).tobytes())
    assert "re-save it as UTF-8" in _error(path)


def test_ragged_rows_name_the_line(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("a,b\n1,2\n3,4,5,6\n")
    message = _error(path)
    assert "not a well-formed table" in message and "line 3" in message


def test_duplicate_column_names_after_stripping(tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text("a,a ,b\n1,2,3\n")
    assert "duplicate column names ['a']" in _error(path)


@pytest.mark.parametrize("name,kind", [("bad.parquet", "Parquet"), ("bad.xlsx", "Excel"), ("bad.feather", "Feather")])
def test_corrupt_binary_formats(tmp_path, name, kind):
    path = tmp_path / name
    path.write_bytes(b"this is not a real file" * 20)
    message = _error(path)
    assert name in message and (f"not a valid {kind} file" in message or "not installed" in message)


def test_legacy_xls_fails_with_a_fix(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(os.urandom(512))
    assert "re-save it as .xlsx or CSV" in _error(path)


def test_corrupt_and_ambiguous_archives(tmp_path):
    bad_gz = tmp_path / "bad.csv.gz"
    bad_gz.write_bytes(b"not gzip at all" * 10)
    assert "corrupt .gz archive" in _error(bad_gz)
    truncated = tmp_path / "cut.csv.gz"
    truncated.write_bytes(gzip.compress(FRAME.to_csv(index=False).encode() * 50)[:-30])
    assert "corrupt .gz archive" in _error(truncated)
    two = tmp_path / "two.csv.zip"
    with zipfile.ZipFile(two, "w") as archive:
        archive.writestr("a.csv", "a\n1\n")
        archive.writestr("b.csv", "b\n2\n")
    assert "holds 2 files" in _error(two)


def test_compressed_binary_formats_are_refused(tmp_path):
    path = tmp_path / "t.parquet.gz"
    path.write_bytes(gzip.compress(b"x"))
    assert "unsupported extension" in _error(path)


def test_empty_dataframes():
    assert "no rows" in _error(pd.DataFrame({"a": []}))
    assert "no columns" in _error(pd.DataFrame(index=[0, 1]))


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Sale_Price", "Sale_Price"),
        ("sale price", "Sale_Price"),
        ("SALE-PRICE", "Sale_Price"),
        ("sale prices", "Sale_Price"),
        ("quantities", "quantity"),
        ("class", "classes"),
        ("city", "City"),
        ("salary", None),
    ],
)
def test_find_column(name, expected):
    assert find_column(name, ["Sale_Price", "quantity", "classes", "City", "Id"]) == expected


def test_find_column_is_none_when_ambiguous():
    assert find_column("price", ["Price", "PRICE"]) is None
    assert find_column("price", ["price", "Price"]) == "price"


def test_close_matches():
    columns = ["SalePrice", "LotArea", "YearBuilt", "Neighborhood"]
    assert close_matches("sale_prise", columns)[0] == "SalePrice"
    assert close_matches("year", columns) == ["YearBuilt"]
    assert close_matches("zzz", columns) == []


def test_local_times_across_a_clock_change_and_durations_are_read(tmp_path):
    """Offsets that change along a column (+01:00, then +02:00 after the clock change) are dates, as UTC; a duration
    column is its seconds: both are things a learner can use."""
    from mlpilot.tools.features import DateParts
    from mlpilot.tools.profile import profile_dataset

    stamps = pd.date_range("2021-03-20 12:00", periods=40, freq="D").tz_localize("Europe/Paris")
    pd.DataFrame({"when": stamps.astype(str), "y": [0, 1] * 20}).to_csv(tmp_path / "t.csv", index=False)
    frame = load_table(tmp_path / "t.csv")
    minutes = np.random.default_rng(0).uniform(0, 90, 40)
    frame["wait"] = pd.to_timedelta(minutes, unit="min")
    frame = load_table(frame)
    assert np.allclose(frame["wait"], 60 * minutes)
    roles = {c.name: c.role for c in profile_dataset(frame, "y", "binary").columns}
    assert roles == {"when": "datetime", "wait": "numeric"}
    hours = DateParts().fit(frame[["when"]]).transform(frame[["when"]])["when__hour"]
    assert set(hours) == {10.0, 11.0}  # noon in Paris, in UTC before and after the change


def test_a_repeated_header_in_a_text_file_is_an_error_naming_it(tmp_path):
    (tmp_path / "t.csv").write_text("Income,age,Income,y\n1,2,3,a\n4,5,6,b\n")
    with pytest.raises(MlpilotError, match=r"duplicate column names \['Income'\]; make them unique"):
        load_table(tmp_path / "t.csv")


def test_day_first_dates_are_read_day_first_in_training_and_new_rows(tmp_path):
    from mlpilot.tools.features import DateParts

    days = pd.date_range("2021-01-01", periods=60, freq="D")
    frame = pd.DataFrame({"date": days.strftime("%d/%m/%Y")})
    parts = DateParts().fit(frame)
    assert parts.transform(frame)["date__month"].tolist() == days.month.tolist()  # 05/02/2021 is 5 February
    new = pd.DataFrame({"date": ["05/02/2021", "01/03/2021"]})  # no day over 12 among the new rows
    assert parts.transform(new)["date__month"].tolist() == [2.0, 3.0]
    us = pd.DataFrame({"date": days.strftime("%m/%d/%Y")})
    assert DateParts().fit(us).transform(us)["date__month"].tolist() == days.month.tolist()


@pytest.mark.parametrize("name", ["title.csv", "title.xlsx"])
def test_a_title_row_above_the_header_is_skipped(tmp_path, name):
    rows = [["Sales report 2023", None, None], ["region", "ads", "Sales"], ["north", 10, 100.5], ["south", 20, 210]]
    path = tmp_path / name
    frame = pd.DataFrame(rows)
    frame.to_csv(path, index=False, header=False) if name.endswith(".csv") else \
        frame.to_excel(path, index=False, header=False)
    df = load_table(path)
    assert df.columns.tolist() == ["region", "ads", "Sales"] and df["Sales"].tolist() == [100.5, 210.0]


def test_a_workbook_whose_first_sheet_holds_notes_loads_the_data_sheet(tmp_path):
    path = tmp_path / "book.xlsx"
    with pd.ExcelWriter(path) as book:
        notes = pd.DataFrame({"About": ["Sales by store, 2023", "source: finance"]})
        notes.to_excel(book, sheet_name="README", index=False)
        pd.DataFrame({"store": ["a", "b", "c"], "sales": [10.5, 3.0, 7.25]}).to_excel(book, sheet_name="data",
                                                                                     index=False)
    frame = load_table(path)
    assert list(frame.columns) == ["store", "sales"] and frame["sales"].tolist() == [10.5, 3.0, 7.25]
