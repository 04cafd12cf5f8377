"""The Compare page's two tables, as pure functions of named scenarios and their summaries,
and the same figures as one card per scenario, for a phone.

Each figure is formatted by :func:`ui.words.headline.headline_figures`, so a pinned scenario shows
exactly the strings the Explorer shows for it (one true number); a card reads its figures out
of the two tables, so a phone and a laptop show the same strings.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sib_model import Scenario
from sib_model.summary import Summary
from ui.charts import format_input_value
from ui.spec.inputs import INPUTS
from ui.text.translator import Translator
from ui.words.headline import headline_figures

__all__ = [
    "input_text",
    "differing_inputs",
    "key_results",
    "ScenarioCard",
    "scenario_cards",
    "RESULT_KEYS",
]

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


@dataclass(frozen=True)
class ScenarioCard:
    """One pinned scenario as a phone shows it: its name, its key results and the inputs in
    which the pinned scenarios differ, each as (label, value)."""

    name: str
    results: tuple[tuple[str, str], ...]
    inputs: tuple[tuple[str, str], ...]


def scenario_cards(
    results: pd.DataFrame, inputs: pd.DataFrame, t: Translator
) -> list[ScenarioCard]:
    """One card per scenario, read out of the tables of :func:`key_results` (``results``) and
    :func:`differing_inputs` (``inputs``): a table's column per scenario becomes a card's rows
    (the tables' columns are the scenarios' names, unique among the pinned)."""
    result_labels = results[t("compare_result")].tolist()
    input_labels = inputs[t("compare_input")].tolist()
    return [
        ScenarioCard(
            str(name),
            tuple(zip(result_labels, map(str, results[name]), strict=True)),
            tuple(zip(input_labels, map(str, inputs[name]), strict=True)),
        )
        for name in results.columns[1:]
    ]
