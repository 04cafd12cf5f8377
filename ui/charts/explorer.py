"""The Explorer's charts: the investor's return distribution, what the municipality pays
against funding the programme directly, where the saving lands, the payoff curve and the
money by year.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from sib_model import (
    Scenario,
    counterfactual_probability_at,
    success_probability_at,
)
from sib_model.summary import Summary
from ui.charts.theme import COLOURS, MILLION, base_layout, figure_of, vline, weighted_histogram
from ui.text.translator import Translator

__all__ = [
    "investor_return_histogram",
    "commissioner_comparison",
    "wrong_pocket_chart",
    "payoff_chart",
    "cash_flow_chart",
]


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
    layout = base_layout(
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
        vline(layout, expected, "black", f"{t('expected')} {t.fmt.percent(expected, 1)}")
    # The median beside the mean (a few total losses pull the mean far down), labelled at the
    # bottom so the two labels never overlap.
    median = summary["median_investor_irr"]
    if not math.isnan(median):
        vline(
            layout,
            median,
            "#555555",
            f"{t('median')} {t.fmt.percent(median, 1)}",
            dash="dot",
            top=False,
        )
    return figure_of(data, layout)


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
            y=[v / MILLION for v in values],
            name=name,
            marker=dict(color=colour),
            text=[t.fmt.amount(v) for v in values],
            hovertext=[f"{name}: {t.fmt.amount(v)}" for v in values],
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
        array=[(h - c) / MILLION for h, c in zip(high, centre, strict=True)],
        arrayminus=[(c - lo) / MILLION for lo, c in zip(low, centre, strict=True)],
    )
    net["hovertext"] = [
        t(
            "net_spread_hover",
            name=net["name"],
            net=t.fmt.amount(c),
            low=t.fmt.amount(lo),
            high=t.fmt.amount(h),
        )
        for c, lo, h in zip(centre, low, high, strict=True)
    ]
    layout = base_layout(
        t,
        t("chart_commissioner_title"),
        barmode="group",
        yaxis=dict(title=dict(text=t("chart_money_axis")), zeroline=True, zerolinecolor="#444"),
    )
    return figure_of(data, layout)


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
            x=[payment / MILLION],
            name=t("pocket_payment"),
            marker=dict(color=COLOURS["payment"]),
            text=[t.fmt.amount(payment)],
            hovertext=[f"{t('pocket_payment')}: {t.fmt.amount(payment)}"],
        )
    ]
    start = 0.0
    for key, value, colour in pockets:
        share = value / public if public != 0 else math.nan
        data.append(
            dict(
                bar,
                y=[1],
                x=[value / MILLION],
                base=[start / MILLION],
                name=t(key),
                marker=dict(color=COLOURS[colour]),
                text=[t.fmt.amount(value)],
                hovertext=[
                    t(
                        "pocket_hover",
                        pocket=t(key),
                        money=t.fmt.amount(value),
                        share=t.fmt.percent(share),
                    )
                ],
            )
        )
        start += value
    layout = base_layout(
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
    return figure_of(data, layout)


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
                y=values / MILLION,
                name=name,
                mode="lines",
                line=dict(color=COLOURS[colour_of[column]], dash=dash, width=2),
                customdata=np.column_stack([values, rate * 100]),
                hovertemplate=f"{name}: {t.fmt.hover_money('customdata[0]')}"
                f" ({t.fmt.hover_percent('customdata[1]', 0)})"
                "<extra></extra>",
            )
        )
    layout = base_layout(
        t,
        t("chart_payoff_title"),
        height=420,
        xaxis=dict(title=dict(text=t("chart_payoff_x")), tickformat=".0%", range=[0, 1]),
        yaxis=dict(title=dict(text=t("chart_payoff_y")), zeroline=True, zerolinecolor="#444"),
    )
    if s.success_threshold > 0:
        vline(
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
        vline(
            layout,
            at,
            COLOURS["payment"],
            f"{t('cap_reached')} {t.fmt.percent(at)}",
            dash="dot",
            top=False,
        )
    p, c = float(success_probability_at(s)), float(counterfactual_probability_at(s))
    vline(layout, p, "#555", t("expected_rate"), width=1)
    vline(layout, c, "#999", t("counterfactual_rate"), width=1, side="right", top=False)
    return figure_of(data, layout)


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
                y=values / MILLION,
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
            y=net / MILLION,
            name=t("commissioner_net"),
            mode="markers+lines",
            line=dict(color=COLOURS["commissioner"]),
            hovertext=[f"{t('commissioner_net')}: {t.fmt.money(v)}" for v in net],
            hoverinfo="text+x",
        )
    )
    layout = base_layout(
        t,
        t("chart_cash_title"),
        barmode="group",
        xaxis=dict(title=dict(text=t("chart_cash_x")), dtick=1),
        yaxis=dict(title=dict(text=t("chart_cash_y")), zeroline=True, zerolinecolor="#444"),
    )
    return figure_of(data, layout)
