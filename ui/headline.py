"""The scenario's headline figures, formatted once and placed the same way on every page.

The Explorer shows all six; the Creaming and Sensitivity pages show the first three above
their charts, so a room comparing pages sees the very same strings (one true number).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from sib_model.summary import Summary

from .i18n import Translator
from .narrative import deadweight_shown, sib_vs_direct_difference

__all__ = ["Figure", "headline_figures", "show_figures"]


@dataclass(frozen=True)
class Figure:
    """One headline figure: label, value as shown, help text and an optional delta."""

    key: str
    label: str
    value: str
    help: str
    delta: str | None = None


def headline_figures(summary: Summary, t: Translator) -> list[Figure]:
    """The six headline figures of the Explorer, investor's first."""
    f = t.fmt
    difference = sib_vs_direct_difference(summary)
    return [
        Figure(
            "irr",
            t("metric_irr"),
            f.percent(summary["expected_investor_irr"], 1),
            t("metric_irr_help", median=f.percent(summary["median_investor_irr"], 1)),
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
        ),
        Figure(
            "moic",
            t("metric_moic"),
            f.multiple(summary["expected_investor_moic"]),
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


def show_figures(figures: list[Figure], where: Any = st) -> None:
    """Place figures side by side as metrics."""
    for column, figure in zip(where.columns(len(figures)), figures, strict=True):
        column.metric(
            figure.label, figure.value, delta=figure.delta, help=figure.help, delta_color="normal"
        )
