"""Placing things on a page the same way everywhere: charts and lists of sentences."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import streamlit as st

from .live_chart import ChartJSON, live_chart

__all__ = ["PLOTLY_CONFIG", "show_chart", "show_sentences"]

#: The mode bar holds one button, "download as PNG" (at twice the screen's resolution, named
#: after the chart), shown while the pointer is over the chart; plotly's dozen other buttons
#: (zoom, pan, lasso, ...) cost drawing time on every redraw and a workshop audience does not
#: need them. The chart still zooms and shows hover values.
PLOTLY_CONFIG = {
    "displayModeBar": "hover",
    "modeBarButtons": [["toImage"]],
    "displaylogo": False,
    "responsive": False,
}


def show_chart(figure: go.Figure | ChartJSON, key: str, where: Any = st) -> None:
    """Draw ``figure`` under a stable ``key`` in ``where`` (a column, or the page); on the next
    run the same chart is redrawn in place (see :mod:`ui.live_chart`)."""
    config = {**PLOTLY_CONFIG, "toImageButtonOptions": {"filename": key, "scale": 2}}
    live_chart(figure, key, config, where)


def show_sentences(sentences: list[str], where: Any = st) -> None:
    where.markdown("\n".join(f"- {sentence}" for sentence in sentences))
