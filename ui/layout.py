"""Placing things on a page the same way everywhere: charts and lists of sentences."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import streamlit as st

__all__ = ["PLOTLY_CONFIG", "show_chart", "show_sentences"]

#: No mode bar (its dozen SVG buttons per chart cost drawing time on every redraw and a
#: workshop audience does not need them); the chart still zooms and shows hover values.
PLOTLY_CONFIG = {"displayModeBar": False, "responsive": True}


def show_chart(figure: go.Figure, key: str, where: Any = st) -> None:
    """Draw ``figure`` under a stable ``key`` in ``where`` (a column, or the page)."""
    # theme=None: the figures carry their own small template (ui.charts.TEMPLATE).
    where.plotly_chart(figure, key=key, config=PLOTLY_CONFIG, theme=None)


def show_sentences(sentences: list[str], where: Any = st) -> None:
    where.markdown("\n".join(f"- {sentence}" for sentence in sentences))
