"""The charts' shared look: party colours, the plotly templates (screen and presenter),
the common layout and the weighted histogram every money distribution is drawn with.
"""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
import plotly.graph_objects as go

from ui.text.translator import Translator

__all__ = [
    "COLOURS",
    "ZONE_COLOURS",
    "HEIGHT",
    "MILLION",
    "figure_of",
    "TEMPLATE",
    "PRESENT_FONT",
    "PRESENT_TEMPLATE",
    "OKABE_ITO",
    "presenter_figure",
    "base_layout",
    "vline",
    "weighted_histogram",
]


#: One colour per party, the same on every page.
COLOURS = {
    "investor": "#1f77b4",
    "provider": "#9467bd",
    "commissioner": "#d62728",
    "conventional": "#7f7f7f",
    "society": "#2ca02c",
    "payment": "#ff7f0e",
    "saving": "#17becf",
    "loss": "#e45756",
    "gain": "#4c78a8",
    "guarantor": "#8c564b",
    "state": "#5254a3",
    "region": "#bcbd22",
}
ZONE_COLOURS = ("#e8e8e8", "#9ecae1", "#fdae6b", "#31a354")
HEIGHT = 360
MILLION = 1e6


#: Whether :func:`figure_of` has plotly check every property of every figure. Off in the app:
#: the checks were two thirds of building a figure (the Explorer's five: about 22 ms checked,
#: 7 ms not, of a slider move's 30 ms budget), and they find nothing new at run time, since
#: the figures are built from the same code for every scenario. On in the chart tests
#: (``tests/ui/charts/conftest.py``), which build every chart with every check.
VALIDATE = False


def figure_of(data: list[dict[str, Any]], layout: dict[str, Any]) -> go.Figure:
    """One figure built in a single pass.

    plotly validates every ``add_trace``/``add_vline``/``update_layout`` call separately,
    which made a chart cost 50–130 ms; handing it plain dicts once costs 5–15 ms, and
    without the checks (:data:`VALIDATE`) 1–3 ms. Empty lists are dropped from the layout,
    as the checked path drops them, so the JSON is the same either way.
    """
    layout = {key: value for key, value in layout.items() if not _empty_list(value)}
    return go.Figure(data=data, layout=layout, _validate=VALIDATE)


def _empty_list(value: object) -> bool:
    return isinstance(value, list) and not value


def _template(
    *,
    text: str,
    muted: str,
    grid: str,
    line: str,
    font: int,
    title: int,
    title_weight: int,
    axis_title: int,
    tick: int,
    legend: int,
    standoff: int,
    hover: int | None = None,
    automargin: bool = False,
) -> dict[str, Any]:
    """A small plotly template: one font family, transparent backgrounds, light grid; with
    ``automargin``, every axis widens the chart's margin to fit its tick labels and title."""
    family = '"Source Sans Pro", "Source Sans 3", sans-serif'
    hover_font: dict[str, Any] = {"family": '"Source Sans Pro", sans-serif'}
    if hover is not None:
        hover_font["size"] = hover
    return {
        "layout": {
            "font": {"family": family, "size": font, "color": text},
            "title": {"font": {"size": title, "color": text, "weight": title_weight}},
            "paper_bgcolor": "rgba(0,0,0,0)",
            "plot_bgcolor": "rgba(0,0,0,0)",
            **{
                axis: {
                    "gridcolor": grid,
                    "zerolinecolor": line,
                    "linecolor": line,
                    "title": {"font": {"size": axis_title, "color": muted}, "standoff": standoff},
                    "tickfont": {"size": tick, "color": muted},
                    **({"automargin": True} if automargin else {}),
                }
                for axis in ("xaxis", "yaxis")
            },
            "legend": {"font": {"size": legend}},
            "hoverlabel": {"font": hover_font},
        }
    }


#: The dashboard's own small chart style. Charts are drawn without Streamlit's plotly theme:
#: merging that large theme into every figure cost the browser about a quarter of plotly's
#: work on each slider move; these few settings give the same quiet look.
TEMPLATE = _template(
    text="#31333F",
    muted="#808495",
    grid="#E6EAF1",
    line="#B8BEC9",
    font=12,
    title=15,
    title_weight=600,
    axis_title=12,
    tick=11,
    legend=12,
    standoff=8,
)

#: Presenter mode (a projector at 1280×720 or 1920×1080): the same charts with every text at
#: least 16 px, darker text and lines, and colours a colour-blind audience tells apart.
PRESENT_FONT = 16
PRESENT_TEMPLATE = _template(
    text="#000000",
    muted="#000000",
    grid="#D0D4DC",
    line="#555555",
    font=18,
    title=22,
    title_weight=700,
    axis_title=18,
    tick=PRESENT_FONT,
    legend=PRESENT_FONT,
    standoff=10,
    hover=18,
    # Large ticks and titles need more room than the charts' margins give (a heatmap's
    # "500.000" ran into its axis title).
    automargin=True,
)
#: The Okabe–Ito palette (safe for the common colour-vision deficiencies), taking the place of
#: each party's colour in presenter mode.
OKABE_ITO = {
    "investor": "#0072B2",
    "provider": "#CC79A7",
    "commissioner": "#D55E00",
    "conventional": "#666666",
    "society": "#009E73",
    "payment": "#E69F00",
    "saving": "#56B4E9",
    "loss": "#D55E00",
    "gain": "#0072B2",
    "guarantor": "#000000",
    "state": "#0072B2",
    "region": "#F0E442",
}


def _bigger_fonts(node: Any) -> None:
    """Raise every explicit font size in ``node`` (a figure's JSON) to at least 16 px."""
    if isinstance(node, dict):
        for key, value in node.items():
            sized = isinstance(value, dict) and isinstance(value.get("size"), (int, float))
            if sized and key in ("font", "tickfont", "textfont", "insidetextfont"):
                value["size"] = max(value["size"], PRESENT_FONT)
            _bigger_fonts(value)
    elif isinstance(node, list):
        for item in node:
            _bigger_fonts(item)


def presenter_figure(figure: dict[str, Any], height: int | None = None) -> dict[str, Any]:
    """``figure`` (plotly JSON as a dict) drawn for a projector: the presenter template, no
    text under 16 px, Okabe–Ito colours; ``height`` in px if given. Changes ``figure``."""
    text = json.dumps(figure)
    for party, colour in COLOURS.items():
        text = text.replace(colour, OKABE_ITO[party]).replace(colour.upper(), OKABE_ITO[party])
    figure = json.loads(text)
    layout = figure.setdefault("layout", {})
    layout["template"] = PRESENT_TEMPLATE
    _bigger_fonts(figure)
    margin = layout.setdefault("margin", {})
    margin.update(l=max(margin.get("l", 0), 80), b=max(margin.get("b", 0), 70))
    if height is not None:
        layout["height"] = height
    return figure


def base_layout(
    t: Translator, title: str, height: int = HEIGHT, **layout: object
) -> dict[str, Any]:
    """The layout every chart starts from (plotly JSON), so the charts look alike: title at
    the left, the legend in a row under the plot, the language's decimal mark, and empty
    ``shapes``/``annotations`` lists that :func:`vline` and the builders append to.
    ``layout`` adds or replaces top-level entries."""
    base = dict(
        title=dict(text=title, x=0, xanchor="left"),
        height=height,
        template=TEMPLATE,
        margin=dict(l=60, r=10, t=60, b=50),
        separators=t.fmt.plotly_separators,
        legend=dict(orientation="h", yanchor="top", y=-0.28, x=0),
        hovermode="closest",
        shapes=[],
        annotations=[],
    )
    base.update(layout)
    return base


def vline(
    layout: dict[str, Any],
    x: float,
    colour: str,
    text: str | None = None,
    *,
    dash: str = "dash",
    width: float = 1.5,
    side: str = "right",
    top: bool = True,
    xref: str = "x",
) -> None:
    """A vertical line across the whole plot at ``x``, labelled at the top or bottom."""
    layout["shapes"].append(
        dict(
            type="line",
            xref=xref,
            yref="paper",
            x0=x,
            x1=x,
            y0=0,
            y1=1,
            line=dict(color=colour, dash=dash, width=width),
        )
    )
    if text:
        layout["annotations"].append(
            dict(
                x=x,
                xref=xref,
                y=1 if top else 0,
                yref="paper",
                text=text,
                showarrow=False,
                font=dict(color=colour),
                xanchor="left" if side == "right" else "right",
                yanchor="bottom",
            )
        )


def weighted_histogram(
    values: np.ndarray, weights: np.ndarray, n_bins: int = 30, anchor: float = 0.0
) -> tuple[np.ndarray, np.ndarray]:
    """Bin edges and the weight in each bin; one edge falls exactly on ``anchor`` (so the bars
    split cleanly at zero into losses and gains). NaN values are left out."""
    values = np.asarray(values, dtype=float)
    weights = np.asarray(weights, dtype=float)
    keep = ~np.isnan(values) & (weights > 0)
    values, weights = values[keep], weights[keep]
    if values.size == 0:
        return np.array([anchor - 0.5, anchor + 0.5]), np.array([0.0])
    lo, hi = float(values.min()), float(values.max())
    width = (hi - lo) / n_bins if hi > lo else max(abs(lo) * 0.05, 1e-3)
    first = anchor + math.floor((lo - anchor) / width) * width
    count = max(1, math.ceil((hi - first) / width + 1e-9))
    edges = first + width * np.arange(count + 1)
    if edges[-1] <= hi:
        edges = np.append(edges, edges[-1] + width)
    totals, _ = np.histogram(values, bins=edges, weights=weights)
    return edges, totals
