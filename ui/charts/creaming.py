"""The Creaming page's charts: the creaming and parking frontiers (each party's figure
against the target group or the parked share) and the contract levers that move them.
"""

from __future__ import annotations

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
)
from ui.charts.theme import COLOURS, MILLION, base_layout, figure_of, vline
from ui.spec.result_types import LeverFrontiers, ParkingLevers
from ui.text.translator import Translator

__all__ = [
    "creaming_chart",
    "parking_chart",
    "lever_chart",
    "lever_table",
    "parking_lever_table",
]


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
    return values / MILLION if column in _MONEY_ROWS else values


def _row_text(column: str, t: Translator) -> Callable[[float], str]:
    if column in _MONEY_ROWS:
        return t.fmt.amount
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
    data: list[dict[str, Any]] = []
    layout = base_layout(
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
                    y=society / MILLION,
                    yaxis=axis_name,
                    mode="lines",
                    name=t("society"),
                    line=dict(color=COLOURS["society"], width=2, dash="dot"),
                    hovertext=[f"{t('society')}: {t.fmt.amount(v)}" for v in society],
                    hoverinfo="text+x",
                    showlegend=row == 2,
                )
            )
        here = float(raw[here_index])
        data.append(
            dict(
                type="scatter",
                x=[x[here_index]],
                y=[here / MILLION if column in _MONEY_ROWS else here],
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
            vline(
                layout,
                preference.at,
                COLOURS[colour],
                t(text_key),
                side="left" if preference.at > 0.5 else "right",
            )
    # The line labels sit above the panels; move them clear of the first panel's title.
    for note in layout["annotations"][panel_titles:]:
        note["y"] = 1.06
    return figure_of(data, layout)


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
    layout = base_layout(
        t,
        t("chart_levers_title"),
        height=420,
        xaxis=dict(title=dict(text=t("chart_difficulty_x")), range=[0, 1]),
        yaxis=dict(title=dict(text=t("frontier_irr")), tickformat=".0%"),
    )
    vline(layout, s.difficulty, "#555", t("current_group"), dash="dot", width=1)
    return figure_of(data, layout)


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
