"""The Excel workbook and CSV zip: every sheet, with the model's own numbers."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from sib_model import (
    PRESETS,
    Scenario,
    creaming_frontier,
    evaluate,
    parking_frontier,
)
from ui.export.tables import Entry, csv_zip_bytes, export_tables, kind_of, workbook_bytes
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
