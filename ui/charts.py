"""Chart builders: model results in, plotly figures out. No Streamlit here.

Every builder is a pure function of model results and a :class:`~ui.i18n.Translator` (which
carries the number format), so it can be unit-tested without a server and the same result
always gives the same figure. Histograms are drawn from the model's compact ``distribution``
table (one row per distinct outcome, weighted by its probability), never from raw draws, to
keep each figure a few kilobytes.

Money on axes is in DKK million; exact amounts are in the hover text, formatted for the
reader's language.
"""

from __future__ import annotations

import base64
import itertools
import json
import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from sib_model import (
    CreamingFrontier,
    ParkingFrontier,
    Preference,
    Scenario,
    counterfactual_probability_at,
    success_probability_at,
)
from sib_model.analysis_deal_space import ZONES
from sib_model.reality import Check
from sib_model.summary import Summary

from .i18n import Translator
from .inputs import INPUTS
from .result_types import LeverFrontiers, ParkingLevers

__all__ = [
    "COLOURS",
    "weighted_histogram",
    "investor_return_histogram",
    "commissioner_comparison",
    "wrong_pocket_chart",
    "payoff_chart",
    "cash_flow_chart",
    "creaming_chart",
    "parking_chart",
    "lever_chart",
    "lever_table",
    "parking_lever_table",
    "ZONE_TEXT",
    "deal_space_heatmap",
    "tornado_chart",
    "format_input_value",
    "reality_table",
    "GHOST",
    "SERIES_COLOURS",
    "compare_return_chart",
    "compare_frontier_chart",
    "compare_cash_chart",
    "add_baseline",
    "with_baseline",
    "PRESENT_TEMPLATE",
    "OKABE_ITO",
    "presenter_figure",
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
_HEIGHT = 360
_MILLION = 1e6


def _figure(data: list[dict], layout: dict) -> go.Figure:
    """One validated figure built in a single pass.

    plotly validates every ``add_trace``/``add_vline``/``update_layout`` call separately,
    which made a chart cost 50–130 ms; handing it plain dicts once costs 5–15 ms.
    """
    return go.Figure(data=data, layout=layout)


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


def presenter_figure(figure: dict, height: int | None = None) -> dict:
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


def _layout(t: Translator, title: str, height: int = _HEIGHT, **layout: object) -> dict:
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


def _vline(
    layout: dict,
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


# --- Baseline ghost ---------------------------------------------------------------------

#: The baseline's colour: one quiet grey for every party, so it reads as "before", not as
#: another party.
GHOST = "#8c8c8c"
_GHOST_KEEP = (
    "type", "x", "y", "width", "orientation", "xaxis", "yaxis", "mode", "offsetgroup", "line",
    "marker", "base",
)  # fmt: skip


def _ghost_trace(trace: dict[str, Any]) -> dict[str, Any] | None:
    """A faint copy of one trace: lines grey and dashed, markers grey and translucent, bars
    as grey outlines; no text, hover or error bars. None for traces with no sensible ghost
    (heatmaps: the baseline's grid would hide the current one)."""
    kind = trace.get("type", "scatter")
    if kind not in ("scatter", "bar"):
        return None
    ghost = {key: trace[key] for key in _GHOST_KEEP if key in trace}
    ghost.update(hoverinfo="skip", legendgroup="baseline", showlegend=False)
    if kind == "bar":
        ghost["marker"] = {"color": "rgba(0,0,0,0)", "line": {"color": GHOST, "width": 1.5}}
        return ghost
    line = trace.get("line") or {}
    ghost["line"] = {"color": GHOST, "dash": "dash", "width": min(float(line.get("width", 2)), 1.8)}
    marker = dict(trace.get("marker") or {})
    marker.update(color=GHOST, line={"width": 0})
    ghost["marker"] = marker
    ghost["opacity"] = 0.55
    return ghost


def _array(values: Any) -> list[Any] | None:
    """The numbers of a plotly JSON array (a list, or plotly's ``{"dtype", "bdata"}``
    base64 form of a 1-d numpy array); None for anything else."""
    if isinstance(values, list):
        return values
    if isinstance(values, dict) and "bdata" in values and "shape" not in values:
        raw = base64.b64decode(values["bdata"])
        return np.frombuffer(raw, dtype=np.dtype(values["dtype"])).tolist()  # type: ignore[no-any-return]
    return None


def _bar_outline(ghost: dict[str, Any]) -> dict[str, Any] | None:
    """An overlaid vertical bar trace with explicit widths as one outline path (a scatter
    trace costs the browser far less than a bar per bin); None when that is not exact."""
    x, y, width = (_array(ghost.get(key)) for key in ("x", "y", "width"))
    if x is None or y is None or width is None or ghost.get("orientation") == "h":
        return None
    if "base" in ghost or not all(isinstance(v, (int, float)) for v in x):
        return None
    xs: list[float | None] = []
    ys: list[float | None] = []
    for centre, height, w in zip(x, y, width, strict=True):
        xs += [centre - w / 2, centre - w / 2, centre + w / 2, centre + w / 2, None]
        ys += [0.0, height, height, 0.0, None]
    outline: dict[str, Any] = {key: ghost[key] for key in ("xaxis", "yaxis") if key in ghost}
    outline.update(
        type="scatter",
        x=xs,
        y=ys,
        mode="lines",
        line={"color": GHOST, "width": 1.2},
        hoverinfo="skip",
        legendgroup="baseline",
        showlegend=False,
    )
    return outline


def _simplified(x: list[Any], y: list[Any]) -> tuple[list[Any], list[Any]]:
    """A line's points without those that lie on the straight line through their
    neighbours (a payoff line of 101 points is a few straight pieces): the same picture
    from fewer points."""
    try:
        xs, ys = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    except (TypeError, ValueError):
        return x, y
    if xs.size < 3 or not (np.isfinite(xs).all() and np.isfinite(ys).all()):
        return x, y
    cross = (xs[1:-1] - xs[:-2]) * (ys[2:] - ys[:-2]) - (ys[1:-1] - ys[:-2]) * (xs[2:] - xs[:-2])
    scale = max(float(np.ptp(xs)) * float(np.ptp(ys)), 1e-300)
    keep = np.concatenate([[True], np.abs(cross) > 1e-9 * scale, [True]])
    return xs[keep].tolist(), ys[keep].tolist()


def _merged(ghosts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Scatter ghosts on the same axes joined into one trace (gaps between them), so the
    baseline adds one trace per panel rather than one per party: plotly redraws every
    trace on each slider move."""
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    kept: list[dict[str, Any]] = []
    for ghost in ghosts:
        x, y = _array(ghost.get("x")), _array(ghost.get("y"))
        if ghost["type"] != "scatter" or x is None or y is None:
            kept.append(ghost)
            continue
        key = (ghost.get("xaxis", "x"), ghost.get("yaxis", "y"), ghost.get("mode", "lines"))
        if key[2] == "lines":
            x, y = _simplified(x, y)
        if key not in merged:
            merged[key] = {**ghost, "x": list(x), "y": list(y)}
            kept.append(merged[key])
        else:
            merged[key]["x"] += [None, *x]
            merged[key]["y"] += [None, *y]
    return kept


def _outline(
    ghosts: list[tuple[list[float], list[float], float, float]],
) -> dict[str, Any]:
    """One scatter trace tracing the outline of bars given as (x, heights, offset, width)
    each: a bar from ``x + offset`` to ``x + offset + width``, from 0 to its height."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for x, heights, offset, width in ghosts:
        for centre, height in zip(x, heights, strict=True):
            left = centre + offset
            xs += [left, left, left + width, left + width, None]
            ys += [0.0, height, height, 0.0, None]
    return {
        "type": "scatter",
        "x": xs[:-1],
        "y": ys[:-1],
        "mode": "lines",
        "line": {"color": GHOST, "width": 1.2},
        "hoverinfo": "skip",
        "legendgroup": "baseline",
        "showlegend": False,
    }


def _grouped_outline(
    data: list[dict[str, Any]], ghosts: list[dict[str, Any]], layout: dict[str, Any]
) -> dict[str, Any] | None:
    """The baseline's grouped bars as one outline, each over its party's current bar.

    plotly draws a bar trace far more slowly than a line, so the bars are placed here rather
    than by plotly's grouping: every bar trace gets the slot plotly's ``barmode="group"``
    would give it (``offset`` and ``width``, in x units; bars that set them are not grouped
    again), category names on x become positions 0, 1, … with the names as tick labels.
    Changes ``data`` and ``layout`` in place; None (and nothing changed) where the bars are
    horizontal, stacked or on axes other than the first."""
    bars = [t for t in data if t.get("type") == "bar"]
    if layout.get("barmode", "group") != "group" or not bars:
        return None
    everything = bars + ghosts
    if any(
        t.get("orientation") == "h" or "base" in t or t.get("xaxis", "x") != "x" for t in everything
    ):
        return None
    columns = [(_array(t.get("x")), _array(t.get("y"))) for t in everything]
    if any(x is None or y is None for x, y in columns):
        return None
    text_x = any(isinstance(v, str) for x, _ in columns for v in x or [])
    if text_x and any(
        t.get("type") != "bar" and any(isinstance(v, str) for v in _array(t.get("x")) or [])
        for t in data
    ):
        return None
    categories: dict[Any, int] = {}
    if text_x:
        for x, _ in columns:
            for v in x or []:
                categories.setdefault(v, len(categories))
    positions = [[categories.get(v, v) if text_x else v for v in x or []] for x, _ in columns]
    distinct = sorted({float(v) for xs in positions for v in xs})
    step = min((b - a for a, b in itertools.pairwise(distinct)), default=1.0)
    groups: dict[str, int] = {}
    for trace in everything:
        groups.setdefault(str(trace.get("name", "")), len(groups))
    bargap = float(layout.get("bargap", 0.2))
    width = (1 - bargap) * step / len(groups)
    start = -(1 - bargap) * step / 2

    def offset(trace: dict[str, Any]) -> float:
        return start + groups[str(trace.get("name", ""))] * width

    for trace, xs in zip(bars, positions, strict=False):
        trace.update(x=xs, offset=offset(trace), width=width)
        trace.pop("offsetgroup", None)
    outline = _outline(
        [
            (xs, list(y or []), offset(ghost), width)
            for ghost, xs, (_, y) in zip(
                ghosts, positions[len(bars) :], columns[len(bars) :], strict=True
            )
        ]
    )
    if text_x:
        axis = dict(layout.get("xaxis") or {})
        axis.update(tickvals=list(categories.values()), ticktext=list(categories), type="linear")
        axis.setdefault("range", [-0.5, len(categories) - 0.5])
        layout["xaxis"] = axis
    return outline


def add_baseline(figure: dict[str, Any], baseline: dict[str, Any], label: str) -> dict[str, Any]:
    """``figure`` (plotly JSON as a dict) with the traces of the same chart drawn for the
    baseline scenario added faintly: lines and markers grey and dashed behind the current
    traces, bars as grey outlines over them (a filled bar would hide the one in front), one
    legend entry ``label`` that shows and hides them all.

    Each party's baseline bar outlines its current bar: in an overlaid histogram at the same
    bins, in a grouped chart in the same slot. The baseline adds as few traces as it can —
    lines on the same axes joined into one, bars drawn as one outline — because plotly
    redraws every trace on each slider move, and a bar trace costs several lines."""
    data = [dict(trace) for trace in figure.get("data", [])]
    layout = dict(figure.get("layout", {}))
    overlay = layout.get("barmode") == "overlay"
    behind: list[dict[str, Any]] = []
    bars: list[dict[str, Any]] = []
    for trace in baseline.get("data", []):
        ghost = _ghost_trace(trace)
        if ghost is None:
            continue
        if ghost["type"] == "bar":
            ghost["name"] = trace.get("name", "")
            bars.append(ghost)
        else:
            behind.append(ghost)
    over: list[dict[str, Any]] = []
    if bars and overlay:
        outlines = [_bar_outline(ghost) for ghost in bars]
        over = [o if o is not None else g for o, g in zip(outlines, bars, strict=True)]
    elif bars:
        outline = _grouped_outline(data, bars, layout)
        if outline is not None:
            over = [outline]
        else:  # plotly groups them: each baseline bar shares its party's offset group
            for trace in data + bars:
                if trace.get("type") == "bar":
                    trace["offsetgroup"] = str(trace.get("name", ""))
            over = bars
    behind, over = _merged(behind), _merged(over)
    ghosts = behind + over
    if ghosts:
        for ghost in ghosts:
            if ghost["type"] == "bar":
                ghost.pop("name", None)
        ghosts[0].update(showlegend=True, name=label)
        layout["showlegend"] = True
    return {**figure, "layout": layout, "data": behind + data + over}


def with_baseline(figure: go.Figure, baseline: go.Figure, t: Translator) -> go.Figure:
    """:func:`add_baseline` for plotly figures (the legend entry in the reader's language)."""
    combined = add_baseline(figure.to_plotly_json(), baseline.to_plotly_json(), t("baseline"))
    return go.Figure(combined)


# --- Explorer ---------------------------------------------------------------------------


def investor_return_histogram(
    distribution: pd.DataFrame, summary: Summary, t: Translator
) -> go.Figure:
    """Investor IRR across simulated futures, weighted by probability; losses in red, the
    loss region shaded and the expected IRR marked."""
    edges, totals = weighted_histogram(
        distribution["investor_irr"].to_numpy(), distribution["probability"].to_numpy()
    )
    centres = (edges[:-1] + edges[1:]) / 2
    widths = np.diff(edges)
    data = []
    for name, mask, colour in (
        (t("loss"), centres < 0, COLOURS["loss"]),
        (t("gain"), centres >= 0, COLOURS["gain"]),
    ):
        if not mask.any():
            continue
        hover = [
            f"{t.fmt.percent(a, 1)} … {t.fmt.percent(b, 1)}: {t.fmt.percent(w, 1)}"
            for a, b, w in zip(edges[:-1][mask], edges[1:][mask], totals[mask], strict=True)
        ]
        data.append(
            dict(
                type="bar",
                x=centres[mask],
                y=totals[mask],
                width=widths[mask],
                name=name,
                marker=dict(color=colour),
                hovertext=hover,
                hoverinfo="text",
            )
        )
    layout = _layout(
        t,
        t("chart_irr_title"),
        bargap=0.05,
        barmode="overlay",
        xaxis=dict(title=dict(text=t("chart_irr_x")), tickformat=".0%"),
        yaxis=dict(title=dict(text=t("chart_share_of_futures")), tickformat=".0%"),
    )
    if edges[0] < 0:
        layout["shapes"].append(
            dict(
                type="rect",
                xref="x",
                yref="paper",
                x0=edges[0],
                x1=0,
                y0=0,
                y1=1,
                fillcolor=COLOURS["loss"],
                opacity=0.08,
                line=dict(width=0),
                layer="below",
            )
        )
        layout["annotations"].append(
            dict(
                x=edges[0],
                xref="x",
                y=1,
                yref="paper",
                text=t("loss_region"),
                showarrow=False,
                xanchor="left",
                yanchor="top",
                font=dict(color=COLOURS["loss"]),
            )
        )
    expected = summary["expected_investor_irr"]
    if not math.isnan(expected):
        _vline(layout, expected, "black", f"{t('expected')} {t.fmt.percent(expected, 1)}")
    return _figure(data, layout)


def commissioner_comparison(summary: Summary, t: Translator) -> go.Figure:
    """The municipality's cost, own saving and net under the SIB and when funding the same
    programme directly (present values, expected)."""
    sib_cost = summary["expected_commissioner_payment_pv"]
    direct_cost = summary["expected_conventional_cost_pv"]
    saving = summary["expected_commissioner_saving_pv"]
    rows = (
        (t("cost"), [-sib_cost, -direct_cost], COLOURS["payment"]),
        (t("own_saving"), [saving, saving], COLOURS["saving"]),
        (
            t("net"),
            [summary["expected_commissioner_net"], summary["expected_conventional_net"]],
            COLOURS["commissioner"],
        ),
    )
    data = [
        dict(
            type="bar",
            x=[t("sib"), t("direct")],
            y=[v / _MILLION for v in values],
            name=name,
            marker=dict(color=colour),
            text=[t.fmt.money_millions(v) for v in values],
            hovertext=[f"{name}: {t.fmt.money(v)}" for v in values],
            hoverinfo="text",
            textposition="outside",
            cliponaxis=False,
        )
        for name, values, colour in rows
    ]
    # The net's spread across futures as a whisker from the 5th to the 95th percentile: the
    # municipality's risk in one glance, without a chart of its own to redraw.
    net = data[-1]
    low = [summary["commissioner_net_p05"], summary["conventional_net_p05"]]
    high = [summary["commissioner_net_p95"], summary["conventional_net_p95"]]
    centre = [summary["expected_commissioner_net"], summary["expected_conventional_net"]]
    net["error_y"] = dict(
        type="data",
        symmetric=False,
        color="#444",
        thickness=1.2,
        array=[(h - c) / _MILLION for h, c in zip(high, centre, strict=True)],
        arrayminus=[(c - lo) / _MILLION for lo, c in zip(low, centre, strict=True)],
    )
    net["hovertext"] = [
        t(
            "net_spread_hover",
            name=net["name"],
            net=t.fmt.money(c),
            low=t.fmt.money(lo),
            high=t.fmt.money(h),
        )
        for c, lo, h in zip(centre, low, high, strict=True)
    ]
    layout = _layout(
        t,
        t("chart_commissioner_title"),
        barmode="group",
        yaxis=dict(title=dict(text=t("chart_money_axis")), zeroline=True, zerolinecolor="#444"),
    )
    return _figure(data, layout)


def wrong_pocket_chart(summary: Summary, t: Translator) -> go.Figure:
    """Who pays and where the saving lands: the municipality's outcome payments on one bar,
    the expected public saving on the other, split into the municipality's, the state's and
    the region's pockets (present values, expected; DESIGN.md's "wrong pockets").

    The saving's pieces are laid end to end with explicit bases (not plotly's stacking), so
    a baseline drawn behind outlines each pocket where it lay, and the bar's end is the
    whole public saving. Each bar's name stands above it rather than beside it, so on a
    phone the bars keep the chart's whole width. A piece too narrow for its amount keeps
    its hover text and its legend entry."""
    payment = summary["expected_commissioner_payment_pv"]
    public = summary["expected_public_saving_pv"]
    pockets = (
        ("pocket_municipality", summary["expected_commissioner_saving_pv"], "saving"),
        ("pocket_state", summary["expected_state_saving_pv"], "state"),
        ("pocket_region", summary["expected_region_saving_pv"], "region"),
    )
    bar: dict[str, Any] = dict(
        type="bar",
        orientation="h",
        width=_POCKET_BAR,
        textposition="inside",
        insidetextanchor="middle",
        hoverinfo="text",
    )
    data = [
        dict(
            bar,
            y=[0],
            x=[payment / _MILLION],
            name=t("pocket_payment"),
            marker=dict(color=COLOURS["payment"]),
            text=[t.fmt.money_millions(payment)],
            hovertext=[f"{t('pocket_payment')}: {t.fmt.money(payment)}"],
        )
    ]
    start = 0.0
    for key, value, colour in pockets:
        share = value / public if public != 0 else math.nan
        data.append(
            dict(
                bar,
                y=[1],
                x=[value / _MILLION],
                base=[start / _MILLION],
                name=t(key),
                marker=dict(color=COLOURS[colour]),
                text=[t.fmt.money_millions(value)],
                hovertext=[
                    t(
                        "pocket_hover",
                        pocket=t(key),
                        money=t.fmt.money(value),
                        share=t.fmt.percent(share),
                    )
                ],
            )
        )
        start += value
    layout = _layout(
        t,
        t("chart_pocket_title"),
        barmode="overlay",
        margin=dict(l=10, r=10, t=60, b=50),
        uniformtext=dict(minsize=10, mode="hide"),
        xaxis=dict(title=dict(text=t("chart_money_axis")), zeroline=True, zerolinecolor="#444"),
        # Row 0 on top; room above each bar for its name.
        yaxis=dict(range=[1.5, -0.9], showticklabels=False, showgrid=False, zeroline=False),
    )
    for row, key in ((0, "pocket_pays"), (1, "pocket_saving")):
        layout["annotations"].append(
            dict(
                x=0,
                xref="paper",
                y=row - _POCKET_BAR / 2,
                yref="y",
                text=t(key),
                showarrow=False,
                xanchor="left",
                yanchor="bottom",
                yshift=2,
            )
        )
    return _figure(data, layout)


#: Thickness of the wrong-pocket chart's bars, in rows.
_POCKET_BAR = 0.55


def payoff_chart(curve: pd.DataFrame, s: Scenario, t: Translator) -> go.Figure:
    """Each party's result against the achieved success rate, with the threshold, the point
    where the cap binds, and the chosen group's expected rate p(d) and c(d) marked."""
    series = [("payment", t("payment"), "dash"), ("investor_profit", t("investor"), "solid")]
    if s.provider_fee_at_risk > 0:
        series.append(("provider_net", t("provider"), "solid"))
    series += [
        ("commissioner_net", t("commissioner"), "solid"),
        ("conventional_net", t("conventional"), "dot"),
        ("society_net", t("society"), "solid"),
    ]
    colour_of = {
        "payment": "payment",
        "investor_profit": "investor",
        "provider_net": "provider",
        "commissioner_net": "commissioner",
        "conventional_net": "conventional",
        "society_net": "society",
    }
    rate = curve["success_rate"].to_numpy()
    data = []
    for column, name, dash in series:
        values = curve[column].to_numpy()
        data.append(
            dict(
                type="scatter",
                x=rate,
                y=values / _MILLION,
                name=name,
                mode="lines",
                line=dict(color=COLOURS[colour_of[column]], dash=dash, width=2),
                customdata=np.column_stack([values, rate * 100]),
                hovertemplate=f"{name}: {t.fmt.hover_money('customdata[0]')}"
                f" ({t.fmt.hover_percent('customdata[1]', 0)})"
                "<extra></extra>",
            )
        )
    layout = _layout(
        t,
        t("chart_payoff_title"),
        height=420,
        xaxis=dict(title=dict(text=t("chart_payoff_x")), tickformat=".0%", range=[0, 1]),
        yaxis=dict(title=dict(text=t("chart_payoff_y")), zeroline=True, zerolinecolor="#444"),
    )
    if s.success_threshold > 0:
        _vline(
            layout,
            s.success_threshold,
            "black",
            f"{t('threshold')} {t.fmt.percent(s.success_threshold)}",
            dash="dot",
            side="left",
        )
    capped = curve["payment_capped"].to_numpy().astype(bool)
    if capped.any():
        at = float(rate[np.argmax(capped)])
        _vline(
            layout,
            at,
            COLOURS["payment"],
            f"{t('cap_reached')} {t.fmt.percent(at)}",
            dash="dot",
            top=False,
        )
    p, c = float(success_probability_at(s)), float(counterfactual_probability_at(s))
    _vline(layout, p, "#555", t("expected_rate"), width=1)
    _vline(layout, c, "#999", t("counterfactual_rate"), width=1, side="right", top=False)
    return _figure(data, layout)


def cash_flow_chart(cash_flows: pd.DataFrame, t: Translator) -> go.Figure:
    """Expected yearly cash flows (+ in, − out) of each party, and of direct funding."""
    series = [("investor", t("investor"), COLOURS["investor"])]
    if cash_flows["provider"].abs().sum() > 0:
        series.append(("provider", t("provider"), COLOURS["provider"]))
    if cash_flows["guarantor"].abs().sum() > 0:
        series.append(("guarantor", t("guarantor"), COLOURS["guarantor"]))
    series += [
        ("commissioner_payment", t("commissioner_payment"), COLOURS["payment"]),
        ("commissioner_saving", t("commissioner_saving"), COLOURS["saving"]),
        ("conventional_funding", t("conventional_funding"), COLOURS["conventional"]),
    ]
    years = cash_flows["year"].to_numpy()
    data = []
    for column, name, colour in series:
        values = cash_flows[column].to_numpy()
        data.append(
            dict(
                type="bar",
                x=years,
                y=values / _MILLION,
                name=name,
                marker=dict(color=colour),
                hovertext=[f"{name}: {t.fmt.money(v)}" for v in values],
                hoverinfo="text+x",
            )
        )
    net = cash_flows["commissioner_net"].to_numpy()
    data.append(
        dict(
            type="scatter",
            x=years,
            y=net / _MILLION,
            name=t("commissioner_net"),
            mode="markers+lines",
            line=dict(color=COLOURS["commissioner"]),
            hovertext=[f"{t('commissioner_net')}: {t.fmt.money(v)}" for v in net],
            hoverinfo="text+x",
        )
    )
    layout = _layout(
        t,
        t("chart_cash_title"),
        barmode="group",
        xaxis=dict(title=dict(text=t("chart_cash_x")), dtick=1),
        yaxis=dict(title=dict(text=t("chart_cash_y")), zeroline=True, zerolinecolor="#444"),
    )
    return _figure(data, layout)


# --- Creaming ---------------------------------------------------------------------------

#: The creaming chart's panels: (summary column, text key, colour, tick format, domain).
_FRONTIER_ROWS = (
    ("expected_investor_irr", "frontier_irr", "investor", ".0%", (0.70, 1.0)),
    ("expected_commissioner_net", "frontier_net", "commissioner", ",.1f", (0.36, 0.64)),
    ("deadweight_share", "frontier_deadweight", "conventional", ".0%", (0.0, 0.30)),
)
#: Panels whose values are money, drawn in DKK million.
_MONEY_ROWS = {"expected_commissioner_net", "expected_society_net"}


def _row_values(table: pd.DataFrame, column: str) -> np.ndarray:
    values = table[column].to_numpy(dtype=float)
    return values / _MILLION if column in _MONEY_ROWS else values


def _row_text(column: str, t: Translator) -> Callable[[float], str]:
    if column in _MONEY_ROWS:
        return t.fmt.money
    return lambda v: t.fmt.percent(v, 1)


def _stacked_frontier(
    table: pd.DataFrame,
    axis: str,
    current: float,
    title: str,
    x_title: str,
    preferences: list[tuple[Preference, str, str]],
    t: Translator,
    x_format: str | None = None,
) -> go.Figure:
    """Three panels on one shared x axis (the swept input): investor IRR, the municipality's
    net (society's dotted beside it) and the deadweight share, with the chosen point and
    each clear preference marked."""
    x = table[axis].to_numpy(dtype=float)
    data: list[dict] = []
    layout = _layout(
        t,
        title,
        height=620,
        margin=dict(l=70, r=10, t=90, b=50),
        xaxis=dict(
            title=dict(text=x_title),
            range=[0, 1],
            anchor="y3",
            **({"tickformat": x_format} if x_format else {}),
        ),
    )
    here_index = int(np.argmin(np.abs(x - current)))
    for row, (column, text_key, colour, tickformat, domain) in enumerate(_FRONTIER_ROWS, 1):
        axis_name = "y" if row == 1 else f"y{row}"
        shown = _row_text(column, t)
        raw = table[column].to_numpy(dtype=float)
        data.append(
            dict(
                type="scatter",
                x=x,
                y=_row_values(table, column),
                yaxis=axis_name,
                mode="lines",
                name=t(text_key),
                line=dict(color=COLOURS[colour], width=2),
                hovertext=[shown(v) for v in raw],
                hoverinfo="text+x",
                showlegend=False,
            )
        )
        if column == "expected_commissioner_net":
            society = table["expected_society_net"].to_numpy(dtype=float)
            data.append(
                dict(
                    type="scatter",
                    x=x,
                    y=society / _MILLION,
                    yaxis=axis_name,
                    mode="lines",
                    name=t("society"),
                    line=dict(color=COLOURS["society"], width=2, dash="dot"),
                    hovertext=[f"{t('society')}: {t.fmt.money(v)}" for v in society],
                    hoverinfo="text+x",
                    showlegend=row == 2,
                )
            )
        here = float(raw[here_index])
        data.append(
            dict(
                type="scatter",
                x=[x[here_index]],
                y=[here / _MILLION if column in _MONEY_ROWS else here],
                yaxis=axis_name,
                mode="markers",
                name=t("current_group"),
                showlegend=row == 1,
                marker=dict(color="black", size=10, symbol="diamond"),
                hovertext=[f"{t('current_group')}: {shown(here)}"],
                hoverinfo="text",
            )
        )
        layout["yaxis" if row == 1 else f"yaxis{row}"] = dict(
            domain=list(domain), tickformat=tickformat, anchor="x"
        )
        layout["annotations"].append(
            dict(
                text=f"<b>{t(text_key)}</b>",
                x=0,
                xref="paper",
                y=domain[1],
                yref="paper",
                showarrow=False,
                xanchor="left",
                yanchor="bottom",
            )
        )
    panel_titles = len(layout["annotations"])
    for preference, colour, text_key in preferences:
        if preference.clear:
            # The label reads toward the middle, so one at either end stays on the chart.
            _vline(
                layout,
                preference.at,
                COLOURS[colour],
                t(text_key),
                side="left" if preference.at > 0.5 else "right",
            )
    # The line labels sit above the panels; move them clear of the first panel's title.
    for note in layout["annotations"][panel_titles:]:
        note["y"] = 1.06
    return _figure(data, layout)


def creaming_chart(frontier: CreamingFrontier, s: Scenario, t: Translator) -> go.Figure:
    """Investor IRR, the municipality's (and society's) net and the deadweight share against
    difficulty, with each party's preferred difficulty and the chosen group marked."""
    return _stacked_frontier(
        frontier.table,
        "difficulty",
        s.difficulty,
        t("chart_frontier_title"),
        t("chart_difficulty_x"),
        [
            (frontier.investor, "investor", "investor_prefers"),
            (frontier.municipality, "commissioner", "commissioner_prefers"),
        ],
        t,
    )


def parking_chart(frontier: ParkingFrontier, s: Scenario, t: Translator) -> go.Figure:
    """The same three panels against the share of starters the provider parks."""
    return _stacked_frontier(
        frontier.table,
        "parked_share",
        s.parked_share,
        t("chart_parking_title"),
        t("chart_parking_x"),
        [
            (frontier.investor, "investor", "investor_prefers"),
            (frontier.municipality, "commissioner", "commissioner_prefers"),
        ],
        t,
        x_format=".0%",
    )


def _basis_name(basis: str, t: Translator) -> str:
    return t(f"payment_basis_{basis}")


def _lever_name(premium: float, basis: str, t: Translator) -> str:
    return t("lever_label", premium=t.fmt.number(premium, 1), basis=_basis_name(basis, t))


def lever_chart(levers: LeverFrontiers, s: Scenario, t: Translator) -> go.Figure:
    """Investor IRR against difficulty for each contract variant, its optimum starred."""
    data: list[dict[str, Any]] = []
    dashes = ("solid", "dash", "solid", "dash")
    colours = (COLOURS["investor"], COLOURS["investor"], COLOURS["society"], COLOURS["society"])
    for (premium, basis, frontier), dash, colour in zip(
        levers.variants, dashes, colours, strict=False
    ):
        name = _lever_name(premium, basis, t)
        irr = frontier.table["expected_investor_irr"].to_numpy(dtype=float)
        d = frontier.table["difficulty"].to_numpy()
        data.append(
            {
                "type": "scatter",
                "x": d,
                "y": irr,
                "mode": "lines",
                "name": name,
                "line": {"dash": dash, "color": colour, "width": 2},
                "hovertext": [f"{name}: {t.fmt.percent(v, 1)}" for v in irr],
                "hoverinfo": "text+x",
            }
        )
        if frontier.investor.clear:
            data.append(
                dict(
                    type="scatter",
                    x=[frontier.investor.at],
                    y=[frontier.investor.result],
                    mode="markers",
                    showlegend=False,
                    hoverinfo="skip",
                    marker=dict(color=colour, size=12, symbol="star"),
                )
            )
    layout = _layout(
        t,
        t("chart_levers_title"),
        height=420,
        xaxis=dict(title=dict(text=t("chart_difficulty_x")), range=[0, 1]),
        yaxis=dict(title=dict(text=t("frontier_irr")), tickformat=".0%"),
    )
    _vline(layout, s.difficulty, "#555", t("current_group"), dash="dot", width=1)
    return _figure(data, layout)


def _preferred_text(preference: Preference, t: Translator, *, share: bool = False) -> str:
    if not preference.clear:
        return t(f"prefers_{preference.reason}")
    return t.fmt.percent(preference.at) if share else t.fmt.number(preference.at, 2)


def lever_table(levers: LeverFrontiers, t: Translator) -> pd.DataFrame:
    """Each variant's preferred difficulties (investor's and municipality's), as text."""
    rows = []
    for premium, basis, frontier in levers.variants:
        rows.append(
            {
                t("lever_terms"): _lever_name(premium, basis, t),
                t("lever_investor_d"): _preferred_text(frontier.investor, t),
                t("lever_investor_irr"): t.fmt.percent(
                    float(frontier.table["expected_investor_irr"].max()), 1
                ),
                t("lever_commissioner_d"): _preferred_text(frontier.municipality, t),
            }
        )
    return pd.DataFrame(rows)


def parking_lever_table(levers: ParkingLevers, t: Translator) -> pd.DataFrame:
    """The investor's and the municipality's preferred parked share under each lever."""
    rows = []
    for key, _, frontier in levers.variants:
        rows.append(
            {
                t("lever_terms"): t(key),
                t("parking_investor_share"): _preferred_text(frontier.investor, t, share=True),
                t("parking_municipality_share"): _preferred_text(
                    frontier.municipality, t, share=True
                ),
                t("parking_rewarded"): t("yes") if frontier.contract_rewards_parking else t("no"),
            }
        )
    return pd.DataFrame(rows)


# --- Deal space -------------------------------------------------------------------------

#: Text key of each deal-space zone (``sib_model.analysis_deal_space.ZONES``, in order).
ZONE_TEXT = dict(
    zip(ZONES, ("zone_neither", "zone_investor", "zone_commissioner", "zone_deal"), strict=True)
)


def deal_space_heatmap(grid: pd.DataFrame, s: Scenario, t: Translator) -> go.Figure:
    """Price × difficulty coloured by who would sign, with the current scenario marked."""
    prices = np.sort(grid["price_per_outcome"].unique())
    difficulties = np.sort(grid["difficulty"].unique())
    wide = grid.pivot(index="price_per_outcome", columns="difficulty")

    def cells(column: str) -> np.ndarray:
        return wide[column].loc[prices, difficulties].to_numpy()

    zone, irr, loss, net = (
        cells(c)
        for c in (
            "zone",
            "expected_investor_irr",
            "probability_of_loss",
            "expected_commissioner_net",
        )
    )
    names = [t(ZONE_TEXT[z]) for z in ZONES]
    zone_names = np.array(names, dtype=object)[zone.astype(int)]
    hover = (
        f"%{{text}}<br>{t('hover_irr')}: {t.fmt.hover_percent('customdata[0]')}"
        f"<br>{t('hover_loss')}: {t.fmt.hover_percent('customdata[1]', 0)}"
        f"<br>{t('hover_net')}: {t.fmt.hover_money('customdata[2]')}<extra></extra>"
    )
    scale = []
    for k, colour in enumerate(ZONE_COLOURS):
        scale += [[k / 4, colour], [(k + 1) / 4, colour]]
    data = [
        dict(
            type="heatmap",
            x=difficulties,
            y=prices,
            z=zone,
            zmin=-0.5,
            zmax=3.5,
            colorscale=scale,
            text=zone_names,
            hovertemplate=hover,
            customdata=np.dstack([irr * 100, loss * 100, net]),
            # The zones are named in the legend below the plot, not in a colour bar beside
            # it: there, the zone names took half a phone's width from the plot.
            showscale=False,
            colorbar=dict(tickvals=[0, 1, 2, 3], ticktext=names, thickness=14),
        ),
        dict(
            type="scatter",
            x=[s.difficulty],
            y=[s.price_per_outcome],
            mode="markers",
            name=t("current_scenario"),
            marker=dict(symbol="x", size=14, color="black", line=dict(width=2, color="white")),
            hovertext=[f"{t('current_scenario')}: {t.fmt.money(s.price_per_outcome)}"],
            hoverinfo="text",
        ),
        *(
            dict(
                type="scatter",
                x=[None],
                y=[None],
                mode="markers",
                name=name,
                marker=dict(symbol="square", size=14, color=colour),
                hoverinfo="skip",
            )
            for name, colour in zip(names, ZONE_COLOURS, strict=True)
        ),
    ]
    layout = _layout(
        t,
        t("chart_deal_title"),
        height=520,
        margin=dict(l=60, r=10, t=60, b=120),
        xaxis=dict(title=dict(text=t("chart_difficulty_x"))),
        yaxis=dict(title=dict(text=t("chart_price_y")), tickformat=",.0f"),
    )
    return _figure(data, layout)


# --- Sensitivity ------------------------------------------------------------------------


def format_input_value(field: str, value: float | None, t: Translator) -> str:
    """An input's value in its unit: money, percentage or plain number."""
    unit = INPUTS[field].unit
    if unit == "money":
        return t.fmt.money(value)
    if unit == "fraction":
        return t.fmt.percent(value, 1)
    if unit in ("count", "years"):
        return t.fmt.number(value)
    return t.fmt.number(value, 2)


def tornado_chart(table: pd.DataFrame, metric: str, t: Translator, top: int = 10) -> go.Figure:
    """How far ``metric`` moves when each input swings low and high (largest swing on top).

    ``metric`` is ``"expected_investor_irr"`` (shown in percentage points) or
    ``"expected_commissioner_net"`` (DKK million)."""
    rows = table[table["metric"] == metric].sort_values("swing", ascending=False).head(top)
    rows = rows.iloc[::-1]
    is_irr = metric == "expected_investor_irr"
    scale = 100.0 if is_irr else 1 / _MILLION
    base = float(rows["base_result"].iloc[0]) if len(rows) else math.nan
    shown = (lambda v: t.fmt.percent(v, 1)) if is_irr else t.fmt.money_millions
    labels = [t.label(field) for field in rows["field"]]
    data = []
    for side, colour in (("low", "#6baed6"), ("high", "#fd8d3c")):
        delta = (rows[f"{side}_result"].to_numpy() - base) * scale
        hover = [
            f"{t.label(f)} = {format_input_value(f, v, t)} → {shown(r)}"
            for f, v, r in zip(
                rows["field"], rows[f"{side}_value"], rows[f"{side}_result"], strict=True
            )
        ]
        data.append(
            dict(
                type="bar",
                y=labels,
                x=delta,
                orientation="h",
                name=t(f"tornado_{side}"),
                marker=dict(color=colour),
                opacity=0.85,
                hovertext=hover,
                hoverinfo="text",
            )
        )
    title = t("chart_tornado_irr" if is_irr else "chart_tornado_net", base=shown(base))
    x_title = t("tornado_x_irr" if is_irr else "tornado_x_net")
    layout = _layout(
        t,
        title,
        barmode="overlay",
        height=420,
        xaxis=dict(title=dict(text=x_title), zeroline=True, zerolinecolor="#444"),
        yaxis=dict(automargin=True),
    )
    return _figure(data, layout)


# --- Compare ----------------------------------------------------------------------------

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
        faint = _ghost_trace(data[-1])
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
    layout = _layout(
        t,
        t("chart_compare_irr_title"),
        xaxis=dict(title=dict(text=t("chart_irr_x")), tickformat=".0%"),
        yaxis=dict(title=dict(text=t("chart_share_of_futures")), tickformat=".0%"),
    )
    _vline(layout, 0.0, COLOURS["loss"], None, dash="dot", width=1)
    return _figure(data, layout)


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
    layout = _layout(
        t,
        t("chart_compare_frontier_title"),
        xaxis=dict(title=dict(text=t("chart_difficulty_x")), range=[0, 1]),
        yaxis=dict(title=dict(text=t("frontier_irr")), tickformat=".0%"),
    )
    return _figure(data, layout)


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
                net / _MILLION,
                mode="lines+markers",
                hovertext=[f"{name}: {t.fmt.money(v)}" for v in net],
                hoverinfo="text+x",
            )
        )
    layout = _layout(
        t,
        t("chart_compare_cash_title"),
        xaxis=dict(title=dict(text=t("chart_cash_x")), dtick=1),
        yaxis=dict(title=dict(text=t("chart_cash_y")), zeroline=True, zerolinecolor="#444"),
    )
    return _figure(data, layout)


# --- Reality check ----------------------------------------------------------------------


def _benchmark_value(unit: str, value: float, t: Translator) -> str:
    if unit == "money":
        return t.fmt.money_millions(value)
    if unit == "fraction":
        return t.fmt.percent(value, 1)
    if unit == "ratio":
        return t("reality_times", value=t.fmt.number(value, 1))
    return t.fmt.number(value)


def reality_table(checks: list[Check], t: Translator) -> pd.DataFrame:
    """Each published figure beside the scenario's: the figure, this scenario's value, the
    published range, where the scenario sits and the source, in the reader's language."""
    rows = []
    for check in checks:
        b = check.benchmark
        rows.append(
            {
                t("reality_figure"): t(f"reality_{b.key}"),
                t("reality_this"): _benchmark_value(b.unit, check.value, t),
                t("reality_published"): (
                    f"{_benchmark_value(b.unit, b.low, t)} – {_benchmark_value(b.unit, b.high, t)}"
                ),
                t("reality_where"): t(f"reality_{check.verdict}"),
                t("reality_source"): t(f"reality_source_{b.key}"),
            }
        )
    return pd.DataFrame(rows)
