"""The scenario's headline figures, formatted once and placed the same way on every page.

The Explorer shows all six; the Creaming and Sensitivity pages show the first three above
their charts (placed by :func:`ui.app.headline.show_figures`), so a room comparing pages
sees the very same strings (one true number).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Literal

from sib_model.summary import Summary
from ui.text.numbers import MINUS
from ui.text.translator import Translator
from ui.words.narrative import deadweight_shown, sib_vs_direct_difference

__all__ = ["Arrow", "Figure", "headline_figures", "change_text", "returns_note"]


#: The arrow beside a delta: Streamlit's ``delta_arrow``.
Arrow = Literal["auto", "up", "down", "off"]

#: A delta's colour as Streamlit's ``delta_color`` takes it.
Colour = Literal["red", "green", "off"]

#: The colour of a delta going up or down, by its ``delta_color`` ("inverse": a rise is bad).
_COLOURS: dict[str, dict[str, Colour]] = {
    "normal": {"up": "green", "down": "red"},
    "inverse": {"up": "red", "down": "green"},
}


@dataclass(frozen=True)
class Figure:
    """One headline figure: label, value as shown, help text and an optional delta.

    A delta's direction is stated (``delta_arrow``), not left to Streamlit, which reads a
    delta string as falling only when it starts with a hyphen: the delta starts with the
    typographic minus every number shown uses (:data:`ui.text.numbers.MINUS`)."""

    key: str
    label: str
    value: str
    help: str
    delta: str | None = None
    delta_color: str = "normal"
    delta_arrow: Arrow = "auto"

    @property
    def shown_colour(self) -> Colour:
        """The delta's colour for Streamlit's ``delta_color``: red, green or off, from
        :attr:`delta_color` and the direction."""
        return _COLOURS.get(self.delta_color, {}).get(self.delta_arrow, "off")


def _arrow(shown: float) -> Arrow:
    """The arrow of a change whose shown (rounded) value is ``shown``."""
    return "off" if shown == 0 else "up" if shown > 0 else "down"


#: How each figure's change from the baseline is written and coloured: (summary value,
#: kind, colour). "inverse": a rise is bad news (more loss risk, dearer outcomes).
_CHANGES: dict[str, tuple[str, str, str]] = {
    "irr": ("expected_investor_irr", "points", "normal"),
    "loss": ("probability_of_loss", "points", "inverse"),
    "commissioner": ("expected_commissioner_net", "millions", "normal"),
    "moic": ("expected_money_multiple", "multiple", "normal"),
    "cost": ("cost_per_additional_outcome", "money", "inverse"),
    "deadweight": ("deadweight_share", "points", "inverse"),
}


def _value(summary: Summary, key: str, name: str) -> float:
    return deadweight_shown(summary) if key == "deadweight" else float(summary[name])  # type: ignore[literal-required]


def change_text(key: str, now: Summary, before: Summary, t: Translator) -> tuple[str, str]:
    """The change of headline figure ``key`` from ``before`` to ``now`` as shown under the
    number ("+1.2 pp vs baseline"), and its colour ("off" when it rounds to nothing)."""
    text, colour, _ = _change(key, now, before, t)
    return text, colour


def _change(key: str, now: Summary, before: Summary, t: Translator) -> tuple[str, str, Arrow]:
    """:func:`change_text` and the change's arrow."""
    name, kind, colour = _CHANGES[key]
    change = _value(now, key, name) - _value(before, key, name)
    f = t.fmt
    if math.isnan(change):
        return t("delta_vs_baseline", change="–"), "off", "off"
    shown, digits = {
        "points": (change * 100, 1),
        "millions": (change / 1e6, 1),
        "multiple": (change, 2),
        "money": (change, 0),
    }[kind]
    if round(shown, digits) == 0:
        change, colour = 0.0, "off"
    text = {
        "points": lambda: t("percentage_points", value=f.number(abs(change) * 100, 1)),
        "millions": lambda: f.money_millions(abs(change)),
        "multiple": lambda: f.multiple(abs(change)),
        "money": lambda: f.money(abs(change)),
    }[kind]()
    sign = "±" if change == 0 else "+" if change > 0 else MINUS
    text = sign + text
    return t("delta_vs_baseline", change=text), colour, _arrow(change)


def headline_figures(
    summary: Summary, t: Translator, baseline: Summary | None = None
) -> list[Figure]:
    """The six headline figures of the Explorer, investor's first; with a ``baseline``
    summary, each shows its change from the baseline instead of its usual note."""
    figures = _figures(summary, t)
    if baseline is None:
        return figures
    return [
        replace(figure, delta=text, delta_color=colour, delta_arrow=arrow)
        for figure in figures
        for text, colour, arrow in [_change(figure.key, summary, baseline, t)]
    ]


def _figures(summary: Summary, t: Translator) -> list[Figure]:
    f = t.fmt
    difference = sib_vs_direct_difference(summary)
    return [
        Figure(
            "irr",
            t("metric_irr"),
            f.percent(summary["expected_investor_irr"], 1),
            t(
                "metric_irr_help",
                median=f.percent(summary["median_investor_irr"], 1),
                book=f.percent(summary["investor_irr_of_expected_flows"], 1),
            ),
        ),
        Figure(
            "loss",
            t("metric_loss"),
            f.percent(summary["probability_of_loss"]),
            t("metric_loss_help", total=f.percent(summary["probability_of_total_loss"])),
        ),
        Figure(
            "commissioner",
            t("metric_commissioner"),
            f.money_millions(summary["expected_commissioner_net"]),
            t(
                "metric_commissioner_help",
                conventional=f.money(summary["expected_conventional_net"]),
            ),
            t("metric_commissioner_delta", diff=f.money_millions(difference)),
            delta_arrow=_arrow(round(difference / 1e6, 1)),
        ),
        Figure(
            "moic",
            t("metric_moic"),
            f.multiple(summary["expected_money_multiple"]),
            t("metric_moic_help"),
        ),
        Figure(
            "cost",
            t("metric_cost_per_additional"),
            f.money(summary["cost_per_additional_outcome"]),
            t("metric_cost_per_additional_help"),
        ),
        Figure(
            "deadweight",
            t("metric_deadweight"),
            f.percent(deadweight_shown(summary)),
            t("metric_deadweight_help"),
        ),
    ]


def returns_note(summary: Summary, t: Translator) -> str:
    """The return figures beside the headline's mean IRR, in one line: the median (what a
    typical future earns), the IRR of the expected cash flows (a whole book of such
    contracts) and the money multiple (expected money back per krone of expected capital).

    The mean of per-future IRRs is floored at −100 % in every future, so a few total losses
    pull it far below what a typical contract earns (Peterborough: mean −30 %, median +3 %);
    a finance officer should see the three side by side."""
    f = t.fmt
    return t(
        "returns_note",
        median=f.percent(summary["median_investor_irr"], 1),
        book=f.percent(summary["investor_irr_of_expected_flows"], 1),
        multiple=f.multiple(summary["expected_money_multiple"]),
    )
