"""The Sensitivity page's tornado chart: which input moves a figure most."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from ui.charts.theme import MILLION, base_layout, figure_of
from ui.spec.inputs import INPUTS
from ui.text.translator import Translator

__all__ = [
    "format_input_value",
    "tornado_chart",
]


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
    scale = 100.0 if is_irr else 1 / MILLION
    base = float(rows["base_result"].iloc[0]) if len(rows) else math.nan
    shown = (lambda v: t.fmt.percent(v, 1)) if is_irr else t.fmt.amount
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
    layout = base_layout(
        t,
        title,
        barmode="overlay",
        height=420,
        xaxis=dict(title=dict(text=x_title), zeroline=True, zerolinecolor="#444"),
        yaxis=dict(automargin=True),
    )
    return figure_of(data, layout)
