"""Placing things on a page the same way everywhere: charts and lists of sentences."""

from __future__ import annotations

import json
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from .charts import add_baseline
from .live_chart import ChartJSON, live_chart

__all__ = ["PLOTLY_CONFIG", "show_chart", "show_sentences", "ghosted"]

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


def ghosted(
    figure: go.Figure | ChartJSON, baseline: go.Figure | ChartJSON, label: str
) -> ChartJSON:
    """``figure`` with ``baseline`` (the same chart for the baseline scenario) drawn faintly
    behind it (see :func:`ui.charts.add_baseline`), as ready JSON."""
    current, ghost = (
        f if isinstance(f, ChartJSON) else ChartJSON.of(f) for f in (figure, baseline)
    )
    combined = add_baseline(json.loads(current.json), json.loads(ghost.json), label)
    return ChartJSON(json.dumps(combined, separators=(",", ":")), current.height)


def show_chart(
    figure: go.Figure | ChartJSON,
    key: str,
    where: Any = st,
    baseline: go.Figure | ChartJSON | None = None,
    label: str = "baseline",
) -> None:
    """Draw ``figure`` under a stable ``key`` in ``where`` (a column, or the page); on the next
    run the same chart is redrawn in place (see :mod:`ui.live_chart`). With ``baseline``,
    that figure's traces are drawn faintly behind, under the legend entry ``label``."""
    if baseline is not None:
        figure = ghosted(figure, baseline, label)
    config = {**PLOTLY_CONFIG, "toImageButtonOptions": {"filename": key, "scale": 2}}
    live_chart(figure, key, config, where)


def show_sentences(sentences: list[str], where: Any = st) -> None:
    where.markdown("\n".join(f"- {sentence}" for sentence in sentences))
