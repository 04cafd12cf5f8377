"""The Compare page's two tables, as pure functions of named scenarios and their summaries.

Each figure is formatted by :func:`ui.words.headline.headline_figures`, so a pinned scenario shows
exactly the strings the Explorer shows for it (one true number).
"""

from __future__ import annotations

import pandas as pd

from sib_model import Scenario
from sib_model.summary import Summary
from ui.charts import format_input_value
from ui.spec.inputs import INPUTS
from ui.text.translator import Translator
from ui.words.headline import headline_figures

__all__ = ["input_text", "differing_inputs", "key_results", "RESULT_KEYS"]

#: Headline figures compared, in this order (keys of :class:`ui.words.headline.Figure`).
RESULT_KEYS = ("irr", "loss", "commissioner", "cost", "deadweight")


def input_text(field: str, value: object, t: Translator) -> str:
    """An input's value as the sidebar would read it (a choice by its name)."""
    if INPUTS[field].kind == "choice":
        return t(f"{field}_{value}")
    return format_input_value(field, value, t)  # type: ignore[arg-type]


def differing_inputs(entries: list[tuple[str, Scenario]], t: Translator) -> pd.DataFrame:
    """One row per input whose value is not the same in every scenario; a column per
    scenario (its name), the input's label first."""
    rows = []
    for field in INPUTS:
        values = [getattr(s, field) for _, s in entries]
        if all(v == values[0] for v in values):
            continue
        row = {t("compare_input"): t.label(field)}
        row.update(
            {name: input_text(field, v, t) for (name, _), v in zip(entries, values, strict=True)}
        )
        rows.append(row)
    return pd.DataFrame(rows, columns=[t("compare_input"), *(name for name, _ in entries)])


def key_results(entries: list[tuple[str, Summary]], t: Translator) -> pd.DataFrame:
    """Each party's key results, one column per scenario: the investor's IRR and chance of
    loss, the municipality's net, the cost per additional outcome, the deadweight share and
    society's net."""
    columns = {}
    labels: list[str] = []
    for name, summary in entries:
        figures = {figure.key: figure for figure in headline_figures(summary, t)}
        labels = [figures[key].label for key in RESULT_KEYS] + [t("compare_society_net")]
        columns[name] = [figures[key].value for key in RESULT_KEYS] + [
            t.fmt.money_millions(summary["expected_society_net"])
        ]
    table = pd.DataFrame({t("compare_result"): labels, **columns})
    return table
