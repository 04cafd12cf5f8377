"""The baseline ghost: the pinned starting scenario drawn faintly in grey behind any
chart, so a room sees what moved.
"""

from __future__ import annotations

import base64
import itertools
from typing import Any

import numpy as np

__all__ = [
    "GHOST",
    "ghost_trace",
    "add_baseline",
]


#: The baseline's colour: one quiet grey for every party, so it reads as "before", not as
#: another party.
GHOST = "#8c8c8c"
_GHOST_KEEP = (
    "type", "x", "y", "width", "orientation", "xaxis", "yaxis", "mode", "offsetgroup", "line",
    "marker", "base",
)  # fmt: skip


def ghost_trace(trace: dict[str, Any]) -> dict[str, Any] | None:
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
        ghost = ghost_trace(trace)
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
