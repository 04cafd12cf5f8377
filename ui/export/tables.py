"""Workbook and CSV exports of the current, baseline and pinned scenarios: pure functions,
no Streamlit, unit-tested.

:func:`export_tables` builds the tables once, in the reader's language: every row and column
is labelled with the words the dashboard uses (a scenario field's label, a result's label from
:meth:`~ui.text.translator.Translator.result`, a choice by its name), never a model name. Every
figure is the model's (:func:`sib_model.evaluate`, :func:`sib_model.creaming_frontier`, ...),
rounded to the precision it means (:func:`rounded`): kroner to the øre, shares and multiples to
four significant digits, counts of citizens to hundredths, whole numbers whole; no ``-0``.
:func:`workbook_bytes` writes the tables as an Excel workbook (numbers as numbers, with number
formats of the reader's language), :func:`csv_zip_bytes` as one CSV per table in a zip, each
number written plainly with the hyphen minus spreadsheets parse (:func:`csv_number`): Danish
files with ``;`` between fields and a decimal comma, as Danish Excel reads them; English files
with ``,`` and a decimal point.

Users' words (a pinned scenario's name comes from the link) are data, never code: every text
cell of a CSV goes through :func:`neutralise_cell`, the workbook writes text with
``write_string`` (a string cell, never a formula), and sheet and file names go through
:func:`portable_name`.
"""

from __future__ import annotations

import csv
import io
import math
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
import xlsxwriter

from sib_model import CreamingFrontier, ParkingFrontier, Scenario, ScenarioResult
from sib_model.summary import SUMMARY_KEYS
from ui.spec.inputs import INPUTS
from ui.text.english import FIELD_LABELS
from ui.text.translator import Translator
from ui.words.comparison import input_text

__all__ = [
    "Entry",
    "Table",
    "export_tables",
    "workbook_bytes",
    "csv_zip_bytes",
    "kind_of",
    "rounded",
    "csv_number",
    "neutralise_cell",
    "portable_name",
    "SHEET_NAME_LENGTH",
    "FILE_NAME_LENGTH",
]

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
    """How a model column reads, from its name: money unless it is a rate, a share or a
    chance, a multiple, a count of citizens or outcomes, a difficulty or a year. A statistic
    reads as its figure does (``investor_irr_p10``, ``investor_irr_standard_error``)."""
    if column == "year":
        return "integer"
    if "irr" in column or "probability" in column or column.endswith("_share"):
        return "percent"
    if "moic" in column or "multiple" in column:
        return "multiple"
    if "outcomes" in column or column.endswith(("starters", "served", "parked")):
        return "count"
    if column == "difficulty":
        return "number"
    return "money"


#: Significant digits of a share, a multiple or a plain number, and the most decimals any of
#: them keeps (a share of 0.000001 is a ten-thousandth of a percentage point).
SIGNIFICANT = 4
_MOST_DECIMALS = 6


def rounded(value: float, kind: Kind) -> float:
    """``value`` at the precision it means, as exported: money to the øre (2 decimals), an
    expected count of citizens or outcomes to hundredths, a whole number whole, anything else
    (a share, a rate, a multiple, a difficulty) to :data:`SIGNIFICANT` significant digits but
    no whole digit lost and at most six decimals. The float noise of the model's arithmetic
    (``250.00000000000006``, ``0.30000000000000004``, ``3.4e-09`` for zero) goes, and so does
    the sign of a zero (``-0.0``). NaN and infinities are returned as they are."""
    if not math.isfinite(value):
        return value
    if kind in ("money", "count"):
        out = round(value, 2)
    elif kind == "integer":
        out = float(round(value))
    elif value == 0:
        out = 0.0
    else:
        magnitude = math.floor(math.log10(abs(value)))
        out = round(value, min(max(SIGNIFICANT - 1 - magnitude, 0), _MOST_DECIMALS))
    return 0.0 if out == 0 else out


def csv_number(value: float, lang: str) -> str:
    """A (rounded) number as a CSV cell of ``lang``: every digit written out, never an
    exponent, no trailing zeros, no thousands separator, the hyphen minus a spreadsheet
    parses and the language's decimal mark (``-2999999,99`` in Danish, ``0.3`` in
    English). Empty for NaN and infinities."""
    if not math.isfinite(value):
        return ""
    text = np.format_float_positional(value + 0.0, trim="-")
    return text.replace(".", ",") if lang == "da" else text


def _input_value(field: str, value: object, kind: Kind, t: Translator) -> object:
    """An input as exported: a choice by its name, no limit as a blank, a number rounded."""
    if INPUTS[field].kind == "choice":
        return input_text(field, value, t)
    if value is None:
        return ""
    if isinstance(value, float) and math.isinf(value):
        return "∞"
    return rounded(float(value), kind)  # type: ignore[arg-type]


#: The characters that make a spreadsheet read a CSV cell as a formula (OWASP's list), and their
#: full-width forms, which some spreadsheets fold into the ASCII ones.
_FORMULA_STARTS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")


def neutralise_cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as the text it is, never runs as a formula.

    Text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (or a line
    feed, or a full-width ``＝＋－＠``) gets a leading apostrophe, as OWASP's *CSV Injection*
    page advises (https://owasp.org/www-community/attacks/CSV_Injection): Excel and
    LibreOffice read such a cell as a formula — ``=HYPERLINK(...)`` in a pinned scenario's name
    would become a live link that can send the sheet's data away. Text that starts with spaces
    followed by one of them is treated the same way. Numbers (including negative ones) and
    blanks are returned unchanged: a number is data, and stays a number in the file. Quotes
    and separators inside a cell are the CSV writer's business (it quotes the cell).
    """
    if not isinstance(value, str) or not value:
        return value
    stripped = value.lstrip(" ")
    if value[0] in _FORMULA_STARTS or (stripped and stripped[0] in _FORMULA_STARTS):
        return "'" + value
    return value


#: Excel's limit for a sheet name (characters).
SHEET_NAME_LENGTH = 31
#: A file name's stem inside the zip: well under the 255 bytes most file systems allow, even
#: in UTF-8 with three bytes a character.
FILE_NAME_LENGTH = 80
#: Punctuation kept in a name: all of it means the same on Windows, macOS, Linux and in Excel.
_NAME_PUNCTUATION = frozenset(" -_.,()–&")
#: Names Windows reserves for devices, whatever their extension.
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "HISTORY"]
    + [f"COM{n}" for n in range(10)]
    + [f"LPT{n}" for n in range(10)]
)


def portable_name(text: str, used: set[str], limit: int, fallback: str = "Sheet") -> str:
    """``text`` as a sheet or file name every system and Excel accept, unique in ``used``.

    Letters and digits of any language are kept (after NFKC normalisation, within the Basic
    Multilingual Plane, so one character is one character everywhere), and the punctuation in
    ``_NAME_PUNCTUATION``; anything else — quotes, slashes, colons, brackets, ``*?<>|``,
    control and format characters — becomes a space, and runs of spaces one space. Leading
    dots, dashes and spaces go (no hidden files, no command-line options), as do trailing dots
    and spaces (Windows drops them); device names (``CON``, ``NUL``, ...) get a ``_``. The name
    is cut to ``limit`` characters and, if ``used`` (lower-cased names, updated here) already
    holds it, numbered `` (2)``, `` (3)``, ... within the same limit; ``fallback`` when nothing
    is left.
    """
    normal = unicodedata.normalize("NFKC", text)
    kept = "".join(
        ch if (ch.isalnum() or ch in _NAME_PUNCTUATION) and ord(ch) <= 0xFFFF else " "
        for ch in normal
    )
    name = " ".join(kept.split()).lstrip(".-– ")[:limit].rstrip(". ") or fallback
    if name.split(".")[0].strip().upper() in _RESERVED:
        name = f"{name[: limit - 1]}_"
    candidate, number = name, 2
    while candidate.lower() in used:
        suffix = f" ({number})"
        candidate, number = name[: limit - len(suffix)].rstrip(". ") + suffix, number + 1
    used.add(candidate.lower())
    return candidate


def _sheet_name(text: str, used: set[str]) -> str:
    return portable_name(text, used, SHEET_NAME_LENGTH)


def _distinct(names: list[str]) -> list[str]:
    """``names`` with repeats numbered (a pin named like the baseline keeps its own column)."""
    seen: set[str] = set()
    out = []
    for name in names:
        candidate, number = name, 2
        while candidate in seen:
            candidate, number = f"{name} ({number})", number + 1
        seen.add(candidate)
        out.append(candidate)
    return out


#: The unit column's text per kind (the keys of the inputs' ``unit_<unit>`` texts).
_UNIT_TEXTS: dict[Kind, str] = {
    "money": "unit_money",
    "percent": "unit_fraction",
    "multiple": "unit_multiple",
    "count": "unit_count",
    "integer": "unit_count",
    "number": "unit_number",
}
#: An input's kind by its unit (``ui.spec.inputs``).
_UNIT_KINDS: dict[str, Kind] = {
    "fraction": "percent",
    "money": "money",
    "count": "integer",
    "years": "integer",
    "number": "number",
}


def _column_label(column: str, t: Translator) -> str:
    """A model table's column as the reader's words: a scenario field's label, a cash flow's
    series name (as in the Explorer's cash-flow chart), the year, or a result's label."""
    if column in FIELD_LABELS:
        return t.label(column)
    if column == "year":
        return t("col_year")
    if column in _CASH_FLOW_SERIES:
        return t(column)
    return t.result(column)


#: The parties' columns of :attr:`sib_model.ScenarioResult.cash_flows`, labelled with the
#: cash-flow chart's series names.
_CASH_FLOW_SERIES = frozenset(
    [
        "investor",
        "provider",
        "guarantor",
        "commissioner_payment",
        "commissioner_saving",
        "commissioner_net",
        "conventional_funding",
    ]
)


def _labelled(frame: pd.DataFrame, t: Translator) -> tuple[pd.DataFrame, dict[str, Kind]]:
    """A model table with its numbers rounded (:func:`rounded`) and its columns labelled
    (:func:`_column_label`), and each labelled column's kind (:func:`kind_of`)."""
    kinds = {_column_label(str(c), t): kind_of(str(c)) for c in frame.columns}
    out = pd.DataFrame(
        {
            label: [rounded(float(v), kind) for v in frame[column]]
            for (label, kind), column in zip(kinds.items(), frame.columns, strict=True)
        }
    )
    return out, kinds


def export_tables(
    entries: list[Entry],
    creaming: CreamingFrontier,
    parking: ParkingFrontier,
    t: Translator,
) -> list[Table]:
    """Inputs of every scenario (with unit and meaning), a summary per scenario, every
    scenario's yearly cash flows, and the first scenario's creaming and parking frontiers,
    in the reader's language (module docstring)."""
    used: set[str] = set()
    names = _distinct([entry.name for entry in entries])
    input_kinds = tuple(_UNIT_KINDS[spec.unit] for spec in INPUTS.values())
    inputs = pd.DataFrame(
        {
            t("col_field"): [t.label(field) for field in INPUTS],
            t("col_unit"): [
                t(f"unit_{spec.unit}") if spec.kind != "choice" else "" for spec in INPUTS.values()
            ],
            t("col_meaning"): [t.help(field) for field in INPUTS],
            **{
                name: [
                    _input_value(f, getattr(entry.scenario, f), kind, t)
                    for f, kind in zip(INPUTS, input_kinds, strict=True)
                ]
                for name, entry in zip(names, entries, strict=True)
            },
        }
    )
    tables = [Table(_sheet_name(t("sheet_inputs"), used), inputs, {}, input_kinds)]
    summary_kinds = tuple(kind_of(key) for key in SUMMARY_KEYS)
    for name, entry in zip(names, entries, strict=True):
        summary = entry.result.summary
        frame = pd.DataFrame(
            {
                t("col_figure"): [t.result(key) for key in SUMMARY_KEYS],
                t("col_unit"): [t(_UNIT_TEXTS[kind]) for kind in summary_kinds],
                name: [
                    rounded(float(summary[key]), kind)  # type: ignore[literal-required]
                    for key, kind in zip(SUMMARY_KEYS, summary_kinds, strict=True)
                ],
            }
        )
        tables.append(
            Table(_sheet_name(f"{t('sheet_summary')} – {name}", used), frame, {}, summary_kinds)
        )
    flows = [_labelled(entry.result.cash_flows, t) for entry in entries]
    cash = pd.concat(
        [
            frame.assign(**{t("col_scenario"): name})
            for name, (frame, _) in zip(names, flows, strict=True)
        ],
        ignore_index=True,
    )
    frame, kinds = flows[0]
    cash = cash[[t("col_scenario"), *frame.columns]]
    tables.append(Table(_sheet_name(t("sheet_cash_flows"), used), cash, kinds))
    for name, frontier_table in (
        (t("sheet_creaming"), creaming.table),
        (t("sheet_parking"), parking.table),
    ):
        frame, kinds = _labelled(frontier_table, t)
        tables.append(Table(_sheet_name(name, used), frame, kinds))
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
                elif value is None or not math.isfinite(value):
                    sheet.write_blank(row, col, None)
                else:
                    sheet.write_number(row, col, float(value), formats[cell_kind])
            sheet.set_column(col, col, width)
    book.close()
    return buffer.getvalue()


def _csv_cell(value: object, lang: str) -> str:
    """One CSV cell: text neutralised (:func:`neutralise_cell`), a number as
    :func:`csv_number` writes it, a blank empty."""
    if isinstance(value, str):
        return str(neutralise_cell(value))
    if value is None:
        return ""
    return csv_number(float(value), lang)  # type: ignore[arg-type]


def csv_zip_bytes(tables: list[Table], t: Translator) -> bytes:
    """One CSV per table in a zip (UTF-8 with a byte-order mark, so Excel reads æøå); Danish
    files use ``;`` and a decimal comma, English ones ``,`` and a point.

    Every text cell and column name is neutralised (:func:`neutralise_cell`), numbers are
    written by :func:`csv_number`; lines end in CRLF (RFC 4180), so a cell holding a line
    break or a carriage return is quoted. Entry names are :func:`portable_name` s of the
    tables' names, unique in the zip.
    """
    sep = ";" if t.lang == "da" else ","
    buffer = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in tables:
            text = io.StringIO()
            writer = csv.writer(text, delimiter=sep, lineterminator="\r\n")
            writer.writerow([_csv_cell(str(column), t.lang) for column in table.frame.columns])
            for row in table.frame.itertuples(index=False):
                writer.writerow([_csv_cell(value, t.lang) for value in row])
            name = portable_name(table.name, used, FILE_NAME_LENGTH, fallback="table")
            archive.writestr(f"{name}.csv", text.getvalue().encode("utf-8-sig"))
    return buffer.getvalue()
