"""Headline figures placed as Streamlit metrics, side by side, the same way on every page."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.words.headline import Figure

__all__ = ["show_figures"]


def show_figures(figures: list[Figure], where: Any = st) -> None:
    """Place figures side by side as metrics."""
    for column, figure in zip(where.columns(len(figures)), figures, strict=True):
        column.metric(
            figure.label,
            figure.value,
            delta=figure.delta,
            help=figure.help,
            delta_color=figure.shown_colour,
            delta_arrow=figure.delta_arrow,
        )
