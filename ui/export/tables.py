"""Workbook and CSV exports of the current, baseline and pinned scenarios: pure functions,
no Streamlit, unit-tested.

:func:`export_tables` builds the tables once (numbers stay numbers); :func:`workbook_bytes`
writes them as an Excel workbook with number formats of the reader's language (cell formats,
not text), :func:`csv_zip_bytes` as one CSV per table in a zip (Danish: ``;`` between fields and
a decimal comma, as Danish Excel reads them). Every figure is the model's
(:func:`sib_model.evaluate`, :func:`sib_model.creaming_frontier`, ...), unrounded.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from dataclasses import dataclass
from typing import Literal

import pandas as pd
import xlsxwriter

from sib_model import CreamingFrontier, ParkingFrontier, Scenario, ScenarioResult
from sib_model.fields import field_specs
from ui.spec.inputs import INPUTS
from ui.text.translator import Translator

__all__ = ["Entry", "Table", "export_tables", "workbook_bytes", "csv_zip_bytes", "kind_of"]

Kind = Literal["money", "percent", "multiple", "count", "number", "integer"]


@dataclass(frozen=True)
class Entry:
    """One scenario to export: its name as shown, the scenario and its result."""

    name: str
    scenario: Scenario
    result: ScenarioResult


@dataclass(frozen=True)
class Table:
    """One exported table: sheet (and file) name, the data, each column's kind, and for
    columns not listed there, each row's kind (a table of one figure per row)."""

    name: str
    frame: pd.DataFrame
    kinds: dict[str, Kind]
    row_kinds: tuple[Kind, ...] = ()


def kind_of(column: str) -> Kind:
    """How a model column reads, from its name: money unless it is a rate, a multiple, a
    count of citizens or outcomes, a difficulty or a year."""
    if column == "year":
        return "integer"
    if "irr" in column or column.startswith("probability") or "probability" in column:
        return "percent"
    if column.endswith("_share") or column == "deadweight_share":
        return "percent"
    if "moic" in column:
        return "multiple"
    if any(word in column for word in ("outcomes", "starters", "served")):
        return "count"
    if column == "difficulty":
        return "number"
    return "money"


def _input_value(value: object) -> object:
    if isinstance(value, float) and math.isinf(value):
        return "∞"
    return "" if value is None else value


def _sheet_name(text: str, used: set[str]) -> str:
    name = re.sub(r"[\[\]:*?/\\]", "", text).strip("' ")[:31] or "Sheet"
    candidate, number = name, 2
    while candidate.lower() in used:
        suffix = f" ({number})"
        candidate, number = name[: 31 - len(suffix)] + suffix, number + 1
    used.add(candidate.lower())
    return candidate


def export_tables(
    entries: list[Entry],
    creaming: CreamingFrontier,
    parking: ParkingFrontier,
    t: Translator,
) -> list[Table]:
    """Inputs of every scenario (with unit and meaning), a summary per scenario, every
    scenario's yearly cash flows, and the first scenario's creaming and parking frontiers."""
    used: set[str] = set()
    specs = field_specs()
    inputs = pd.DataFrame(
        {
            t("col_field"): [t.label(field) for field in INPUTS],
            t("col_key"): list(INPUTS),
            t("col_unit"): [
                t(f"unit_{spec.unit}") if spec.kind != "choice" else specs[field].unit
                for field, spec in INPUTS.items()
            ],
            t("col_meaning"): [t.help(field) for field in INPUTS],
            **{
                entry.name: [_input_value(getattr(entry.scenario, f)) for f in INPUTS]
                for entry in entries
            },
        }
    )
    unit_kinds: dict[str, Kind] = {
        "fraction": "percent",
        "money": "money",
        "count": "integer",
        "years": "integer",
        "number": "number",
    }
    tables = [
        Table(
            _sheet_name(t("sheet_inputs"), used),
            inputs,
            {},
            tuple(unit_kinds[spec.unit] for spec in INPUTS.values()),
        )
    ]
    for entry in entries:
        summary = entry.result.summary
        frame = pd.DataFrame(
            {t("col_key"): list(summary), entry.name: [float(v) for v in summary.values()]}  # type: ignore[arg-type]
        )
        tables.append(
            Table(
                _sheet_name(f"{t('sheet_summary')} – {entry.name}", used),
                frame,
                {},
                tuple(kind_of(key) for key in summary),
            )
        )
    cash = pd.concat(
        [entry.result.cash_flows.assign(**{t("col_scenario"): entry.name}) for entry in entries],
        ignore_index=True,
    )
    cash = cash[[t("col_scenario"), *entry.result.cash_flows.columns]]
    tables.append(
        Table(
            _sheet_name(t("sheet_cash_flows"), used),
            cash,
            {c: kind_of(c) for c in cash.columns if c != t("col_scenario")},
        )
    )
    for name, frontier_table in (
        (t("sheet_creaming"), creaming.table),
        (t("sheet_parking"), parking.table),
    ):
        tables.append(
            Table(
                _sheet_name(name, used),
                frontier_table,
                {
                    str(c): "percent" if c == "parked_share" else kind_of(str(c))
                    for c in frontier_table
                },
            )
        )
    return tables


#: Excel number formats per kind and language (Excel shows its own locale's separators;
#: the unit words follow the language).
_FORMATS: dict[str, dict[str, str]] = {
    "en": {
        "money": '"DKK "#,##0',
        "percent": "0.0%",
        "multiple": '0.00"×"',
        "count": "#,##0.0",
        "number": "0.00",
        "integer": "0",
    },
    "da": {
        "money": '#,##0" kr."',
        "percent": "0.0 %",
        "multiple": '0.00"×"',
        "count": "#,##0.0",
        "number": "0.00",
        "integer": "0",
    },
}


def workbook_bytes(tables: list[Table], t: Translator) -> bytes:
    """The tables as an Excel workbook (one sheet each), numbers formatted as numbers."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "nan_inf_to_errors": True})
    header = book.add_format({"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    formats = {
        kind: book.add_format({"num_format": code}) for kind, code in _FORMATS[t.lang].items()
    }
    for table in tables:
        sheet = book.add_worksheet(table.name)
        sheet.freeze_panes(1, 0)
        frame = table.frame
        for col, column in enumerate(frame.columns):
            sheet.write_string(0, col, str(column), header)
            kind = table.kinds.get(column)
            width = 14
            for row, value in enumerate(frame[column].tolist(), 1):
                cell_kind = kind or (table.row_kinds[row - 1] if table.row_kinds else "number")
                if isinstance(value, str):
                    sheet.write_string(row, col, value, wrap if len(value) > 40 else None)
                    width = max(width, min(len(value), 60))
                elif value is None or (isinstance(value, float) and math.isnan(value)):
                    sheet.write_blank(row, col, None)
                else:
                    sheet.write_number(row, col, float(value), formats[cell_kind])
            sheet.set_column(col, col, width)
    book.close()
    return buffer.getvalue()


def csv_zip_bytes(tables: list[Table], t: Translator) -> bytes:
    """One CSV per table in a zip; Danish files use ``;`` and a decimal comma."""
    sep, decimal = (";", ",") if t.lang == "da" else (",", ".")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in tables:
            text = table.frame.to_csv(index=False, sep=sep, decimal=decimal)
            archive.writestr(f"{table.name}.csv", text.encode("utf-8-sig"))
    return buffer.getvalue()
