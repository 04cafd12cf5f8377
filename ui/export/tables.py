"""Workbook and CSV exports of the current, baseline and pinned scenarios: pure functions,
no Streamlit, unit-tested.

:func:`export_tables` builds the tables once (numbers stay numbers); :func:`workbook_bytes`
writes them as an Excel workbook with number formats of the reader's language (cell formats,
not text), :func:`csv_zip_bytes` as one CSV per table in a zip (Danish: ``;`` between fields and
a decimal comma, as Danish Excel reads them). Every figure is the model's
(:func:`sib_model.evaluate`, :func:`sib_model.creaming_frontier`, ...), unrounded.

Users' words (a pinned scenario's name comes from the link) are data, never code: every text
cell of a CSV goes through :func:`neutralise_cell`, the workbook writes text with
``write_string`` (a string cell, never a formula), and sheet and file names go through
:func:`portable_name`.
"""

from __future__ import annotations

import io
import math
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import Literal

import pandas as pd
import xlsxwriter

from sib_model import CreamingFrontier, ParkingFrontier, Scenario, ScenarioResult
from sib_model.fields import field_specs
from ui.spec.inputs import INPUTS
from ui.text.translator import Translator

__all__ = [
    "Entry",
    "Table",
    "export_tables",
    "workbook_bytes",
    "csv_zip_bytes",
    "kind_of",
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
    names = _distinct([entry.name for entry in entries])
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
                name: [_input_value(getattr(entry.scenario, f)) for f in INPUTS]
                for name, entry in zip(names, entries, strict=True)
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
    for name, entry in zip(names, entries, strict=True):
        summary = entry.result.summary
        frame = pd.DataFrame(
            {t("col_key"): list(summary), name: [float(v) for v in summary.values()]}  # type: ignore[arg-type]
        )
        tables.append(
            Table(
                _sheet_name(f"{t('sheet_summary')} – {name}", used),
                frame,
                {},
                tuple(kind_of(key) for key in summary),
            )
        )
    cash = pd.concat(
        [
            entry.result.cash_flows.assign(**{t("col_scenario"): name})
            for name, entry in zip(names, entries, strict=True)
        ],
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


def _csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every text cell and column name passed through :func:`neutralise_cell`."""
    out = frame.rename(columns=lambda c: str(neutralise_cell(str(c))))
    for k in range(out.shape[1]):
        column = out.iloc[:, k]
        if not pd.api.types.is_numeric_dtype(column):  # object or pandas' string dtype
            out.isetitem(k, column.map(neutralise_cell).tolist())
    return out


def csv_zip_bytes(tables: list[Table], t: Translator) -> bytes:
    """One CSV per table in a zip; Danish files use ``;`` and a decimal comma.

    Every text cell is neutralised (:func:`neutralise_cell`), numbers are written as numbers;
    lines end in CRLF (RFC 4180), so a cell holding a line break or a carriage return is quoted.
    Entry names are :func:`portable_name` s of the tables' names, unique in the zip.
    """
    sep, decimal = (";", ",") if t.lang == "da" else (",", ".")
    buffer = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in tables:
            text = _csv_frame(table.frame).to_csv(
                index=False, sep=sep, decimal=decimal, lineterminator="\r\n"
            )
            name = portable_name(table.name, used, FILE_NAME_LENGTH, fallback="table")
            archive.writestr(f"{name}.csv", text.encode("utf-8-sig"))
    return buffer.getvalue()
