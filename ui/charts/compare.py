"""The Compare page's charts: up to four pinned scenarios side by side."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from sib_model import (
    CreamingFrontier,
)
from ui.charts.baseline import ghost_trace
from ui.charts.theme import COLOURS, MILLION, base_layout, figure_of, vline
from ui.text.translator import Translator

__all__ = [
    "SERIES_COLOURS",
    "compare_return_chart",
    "compare_frontier_chart",
    "compare_cash_chart",
]


#: One colour per pinned scenario (none of them grey, which is the baseline's).
SERIES_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e")


def _series(name: str, k: int, x: Any, y: Any, **extra: Any) -> dict[str, Any]:
    trace = dict(
        type="scatter",
        x=x,
        y=y,
        name=name,
        mode="lines",
        line=dict(color=SERIES_COLOURS[k % len(SERIES_COLOURS)], width=2),
    )
    trace.update(extra)
    return trace


def compare_return_chart(
    entries: list[tuple[str, pd.DataFrame]], t: Translator, baseline: pd.DataFrame | None = None
) -> go.Figure:
    """The investor's IRR across simulated futures for each named scenario, on common bins,
    drawn as step lines so several overlay legibly (``entries``: name, distribution). The
    ``baseline`` distribution, if given, is binned alike and drawn faintly behind."""
    if baseline is not None:
        ghost = compare_return_chart([*entries, (t("baseline"), baseline)], t)
        data = [trace.to_plotly_json() for trace in ghost.data]
        faint = ghost_trace(data[-1])
        assert faint is not None
        faint.update(showlegend=True, name=t("baseline"))
        return go.Figure({"data": [faint, *data[:-1]], "layout": ghost.layout})
    values = [d["investor_irr"].to_numpy(dtype=float) for _, d in entries]
    finite = np.concatenate([v[~np.isnan(v)] for v in values]) if values else np.array([])
    data = []
    if finite.size:
        lo, hi = float(finite.min()), float(finite.max())
        width = (hi - lo) / 30 if hi > lo else 0.01
        edges = lo + width * np.arange(32) - width / 2
        centres = (edges[:-1] + edges[1:]) / 2
        for k, ((name, distribution), irr) in enumerate(zip(entries, values, strict=True)):
            weights = distribution["probability"].to_numpy(dtype=float)
            keep = ~np.isnan(irr)
            totals, _ = np.histogram(irr[keep], bins=edges, weights=weights[keep])
            data.append(
                _series(
                    name,
                    k,
                    centres,
                    totals,
                    line=dict(color=SERIES_COLOURS[k % 4], width=2, shape="hvh"),
                    hovertext=[f"{name}: {t.fmt.percent(v, 1)}" for v in totals],
                    hoverinfo="text+x",
                )
            )
    layout = base_layout(
        t,
        t("chart_compare_irr_title"),
        xaxis=dict(title=dict(text=t("chart_irr_x")), tickformat=".0%"),
        yaxis=dict(title=dict(text=t("chart_share_of_futures")), tickformat=".0%"),
    )
    vline(layout, 0.0, COLOURS["loss"], None, dash="dot", width=1)
    return figure_of(data, layout)


def compare_frontier_chart(entries: list[tuple[str, CreamingFrontier]], t: Translator) -> go.Figure:
    """The investor's expected IRR against target-group difficulty, one line per scenario."""
    data = []
    for k, (name, frontier) in enumerate(entries):
        table = frontier.table
        irr = table["expected_investor_irr"].to_numpy(dtype=float)
        data.append(
            _series(
                name,
                k,
                table["difficulty"].to_numpy(dtype=float),
                irr,
                hovertext=[f"{name}: {t.fmt.percent(v, 1)}" for v in irr],
                hoverinfo="text+x",
            )
        )
    layout = base_layout(
        t,
        t("chart_compare_frontier_title"),
        xaxis=dict(title=dict(text=t("chart_difficulty_x")), range=[0, 1]),
        yaxis=dict(title=dict(text=t("frontier_irr")), tickformat=".0%"),
    )
    return figure_of(data, layout)


def compare_cash_chart(entries: list[tuple[str, pd.DataFrame]], t: Translator) -> go.Figure:
    """The municipality's expected net cash flow per year, one line per scenario."""
    data = []
    for k, (name, cash_flows) in enumerate(entries):
        net = cash_flows["commissioner_net"].to_numpy(dtype=float)
        data.append(
            _series(
                name,
                k,
                cash_flows["year"].to_numpy(),
                net / MILLION,
                mode="lines+markers",
                hovertext=[f"{name}: {t.fmt.money(v)}" for v in net],
                hoverinfo="text+x",
            )
        )
    layout = base_layout(
        t,
        t("chart_compare_cash_title"),
        xaxis=dict(title=dict(text=t("chart_cash_x")), dtick=1),
        yaxis=dict(title=dict(text=t("chart_cash_y")), zeroline=True, zerolinecolor="#444"),
    )
    return figure_of(data, layout)
