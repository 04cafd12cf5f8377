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

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from sib_model import Scenario, counterfactual_probability_at, success_probability_at

from .i18n import Translator
from .inputs import INPUTS

__all__ = ["COLOURS", "weighted_histogram", "investor_return_histogram",
           "commissioner_comparison", "commissioner_net_distribution", "payoff_chart",
           "cash_flow_chart", "creaming_chart", "lever_chart", "lever_table",
           "deal_zones", "deal_space_heatmap", "tornado_chart", "format_input_value"]

#: One colour per party, the same on every page.
COLOURS = {"investor": "#1f77b4", "provider": "#9467bd", "commissioner": "#d62728",
           "conventional": "#7f7f7f", "society": "#2ca02c", "payment": "#ff7f0e",
           "saving": "#17becf", "loss": "#e45756", "gain": "#4c78a8"}
ZONE_COLOURS = ("#e8e8e8", "#9ecae1", "#fdae6b", "#31a354")
_HEIGHT = 360
_MILLION = 1e6


def _layout(fig: go.Figure, t: Translator, title: str, height: int = _HEIGHT,
            **layout: object) -> go.Figure:
    fig.update_layout(title=dict(text=title, x=0, xanchor="left"), height=height,
                      margin=dict(l=10, r=10, t=60, b=10), separators=t.fmt.plotly_separators,
                      legend=dict(orientation="h", yanchor="top", y=-0.18, x=0),
                      hovermode="closest", **layout)
    return fig


def weighted_histogram(values: np.ndarray, weights: np.ndarray, n_bins: int = 30,
                       anchor: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
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


# --- Explorer ---------------------------------------------------------------------------

def investor_return_histogram(distribution: pd.DataFrame, summary: dict,
                              t: Translator) -> go.Figure:
    """Investor IRR across simulated futures, weighted by probability; losses in red, the
    loss region shaded and the expected IRR marked."""
    edges, totals = weighted_histogram(distribution["investor_irr"].to_numpy(),
                                       distribution["probability"].to_numpy())
    centres = (edges[:-1] + edges[1:]) / 2
    widths = np.diff(edges)
    fig = go.Figure()
    for name, mask, colour in ((t("loss"), centres < 0, COLOURS["loss"]),
                               (t("gain"), centres >= 0, COLOURS["gain"])):
        if not mask.any():
            continue
        hover = [f"{t.fmt.percent(a, 1)} … {t.fmt.percent(b, 1)}: {t.fmt.percent(w, 1)}"
                 for a, b, w in zip(edges[:-1][mask], edges[1:][mask], totals[mask])]
        fig.add_trace(go.Bar(x=centres[mask], y=totals[mask], width=widths[mask], name=name,
                             marker_color=colour, hovertext=hover, hoverinfo="text"))
    if edges[0] < 0:
        fig.add_vrect(x0=edges[0], x1=0, fillcolor=COLOURS["loss"], opacity=0.08, line_width=0,
                      annotation_text=t("loss_region"), annotation_position="top left")
    expected = summary.get("expected_investor_irr", math.nan)
    if not math.isnan(expected):
        fig.add_vline(x=expected, line_dash="dash", line_color="black",
                      annotation_text=f"{t('expected')} {t.fmt.percent(expected, 1)}",
                      annotation_position="top right")
    _layout(fig, t, t("chart_irr_title"), bargap=0.05)
    fig.update_xaxes(title_text=t("chart_irr_x"), tickformat=".0%")
    fig.update_yaxes(title_text=t("chart_share_of_futures"), tickformat=".0%")
    return fig


def commissioner_comparison(summary: dict, t: Translator) -> go.Figure:
    """The municipality's cost, own saving and net under the SIB and when funding the same
    programme directly (present values, expected)."""
    sib_cost = summary["expected_commissioner_payment_pv"]
    direct_cost = summary["expected_conventional_cost_pv"]
    saving = summary["expected_commissioner_saving_pv"]
    rows = ((t("cost"), [-sib_cost, -direct_cost], COLOURS["payment"]),
            (t("own_saving"), [saving, saving], COLOURS["saving"]),
            (t("net"), [summary["expected_commissioner_net"],
                        summary["expected_conventional_net"]], COLOURS["commissioner"]))
    fig = go.Figure()
    for name, values, colour in rows:
        fig.add_trace(go.Bar(x=[t("sib"), t("direct")], y=[v / _MILLION for v in values],
                             name=name, marker_color=colour,
                             text=[t.fmt.money_millions(v) for v in values],
                             hovertext=[f"{name}: {t.fmt.money(v)}" for v in values],
                             hoverinfo="text", textposition="outside", cliponaxis=False))
    _layout(fig, t, t("chart_commissioner_title"), barmode="group")
    fig.update_yaxes(title_text=t("chart_money_axis"), zeroline=True, zerolinecolor="#444")
    return fig


def commissioner_net_distribution(distribution: pd.DataFrame, t: Translator) -> go.Figure:
    """Spread of the municipality's net across futures, SIB against direct funding."""
    weights = distribution["probability"].to_numpy()
    sib = distribution["commissioner_net"].to_numpy() / _MILLION
    direct = distribution["conventional_net"].to_numpy() / _MILLION
    edges, _ = weighted_histogram(np.concatenate([sib, direct]),
                                  np.concatenate([weights, weights]))
    centres = (edges[:-1] + edges[1:]) / 2
    fig = go.Figure()
    for name, values, colour in ((t("sib"), sib, COLOURS["commissioner"]),
                                 (t("direct"), direct, COLOURS["conventional"])):
        totals, _ = np.histogram(values, bins=edges, weights=weights)
        hover = [f"{name}: {t.fmt.money_millions(a * _MILLION)} … "
                 f"{t.fmt.money_millions(b * _MILLION)}: {t.fmt.percent(w, 1)}"
                 for a, b, w in zip(edges[:-1], edges[1:], totals)]
        fig.add_trace(go.Bar(x=centres, y=totals, width=np.diff(edges), name=name,
                             marker_color=colour, opacity=0.6, hovertext=hover,
                             hoverinfo="text"))
    fig.add_vline(x=0, line_color="#444", line_width=1)
    _layout(fig, t, t("chart_commissioner_dist_title"), barmode="overlay")
    fig.update_xaxes(title_text=t("chart_net_axis"))
    fig.update_yaxes(title_text=t("chart_share_of_futures"), tickformat=".0%")
    return fig


def payoff_chart(curve: pd.DataFrame, s: Scenario, t: Translator) -> go.Figure:
    """Each party's result against the achieved success rate, with the threshold, the point
    where the cap binds, and the chosen group's expected rate p(d) and c(d) marked."""
    series = [("payment", t("payment"), "dash"), ("investor_profit", t("investor"), "solid")]
    if s.provider_fee_at_risk > 0:
        series.append(("provider_net", t("provider"), "solid"))
    series += [("commissioner_net", t("commissioner"), "solid"),
               ("conventional_net", t("conventional"), "dot"),
               ("society_net", t("society"), "solid")]
    colour_of = {"payment": "payment", "investor_profit": "investor", "provider_net": "provider",
                 "commissioner_net": "commissioner", "conventional_net": "conventional",
                 "society_net": "society"}
    rate = curve["success_rate"].to_numpy()
    fig = go.Figure()
    for column, name, dash in series:
        values = curve[column].to_numpy()
        fig.add_trace(go.Scatter(
            x=rate, y=values / _MILLION, name=name, mode="lines",
            line=dict(color=COLOURS[colour_of[column]], dash=dash, width=2),
            hovertext=[f"{name}: {t.fmt.money(v)}" for v in values], hoverinfo="text+x"))
    if s.success_threshold > 0:
        fig.add_vline(x=s.success_threshold, line_dash="dot", line_color="black",
                      annotation_text=f"{t('threshold')} {t.fmt.percent(s.success_threshold)}",
                      annotation_position="top left")
    capped = curve["payment_capped"].to_numpy().astype(bool)
    if capped.any():
        at = float(rate[np.argmax(capped)])
        fig.add_vline(x=at, line_dash="dot", line_color=COLOURS["payment"],
                      annotation_text=f"{t('cap_reached')} {t.fmt.percent(at)}",
                      annotation_position="bottom right")
    p, c = float(success_probability_at(s)), float(counterfactual_probability_at(s))
    fig.add_vline(x=p, line_dash="dash", line_color="#555", line_width=1,
                  annotation_text=t("expected_rate"), annotation_position="top right")
    fig.add_vline(x=c, line_dash="dash", line_color="#aaa", line_width=1,
                  annotation_text=t("counterfactual_rate"), annotation_position="bottom left")
    _layout(fig, t, t("chart_payoff_title"), height=420)
    fig.update_xaxes(title_text=t("chart_payoff_x"), tickformat=".0%", range=[0, 1])
    fig.update_yaxes(title_text=t("chart_payoff_y"), zeroline=True, zerolinecolor="#444")
    return fig


def cash_flow_chart(cash_flows: pd.DataFrame, t: Translator) -> go.Figure:
    """Expected yearly cash flows (+ in, − out) of each party, and of direct funding."""
    series = [("investor", t("investor"), COLOURS["investor"])]
    if cash_flows["provider"].abs().sum() > 0:
        series.append(("provider", t("provider"), COLOURS["provider"]))
    series += [("commissioner_payment", t("commissioner_payment"), COLOURS["payment"]),
               ("commissioner_saving", t("commissioner_saving"), COLOURS["saving"]),
               ("conventional_funding", t("conventional_funding"), COLOURS["conventional"])]
    years = cash_flows["year"].to_numpy()
    fig = go.Figure()
    for column, name, colour in series:
        values = cash_flows[column].to_numpy()
        fig.add_trace(go.Bar(x=years, y=values / _MILLION, name=name, marker_color=colour,
                             hovertext=[f"{name}: {t.fmt.money(v)}" for v in values],
                             hoverinfo="text+x"))
    net = cash_flows["commissioner_net"].to_numpy()
    fig.add_trace(go.Scatter(x=years, y=net / _MILLION, name=t("commissioner_net"),
                             mode="markers+lines", line=dict(color=COLOURS["commissioner"]),
                             hovertext=[f"{t('commissioner_net')}: {t.fmt.money(v)}"
                                        for v in net], hoverinfo="text+x"))
    _layout(fig, t, t("chart_cash_title"), barmode="group")
    fig.update_xaxes(title_text=t("chart_cash_x"), dtick=1)
    fig.update_yaxes(title_text=t("chart_cash_y"), zeroline=True, zerolinecolor="#444")
    return fig


# --- Creaming ---------------------------------------------------------------------------

def creaming_chart(frontier: pd.DataFrame, s: Scenario, t: Translator) -> go.Figure:
    """Investor IRR, cost per additional outcome and deadweight share against difficulty,
    with both parties' preferred difficulties and the chosen group marked."""
    fig = make_subplots(rows=3, cols=1, shared_xaxes=True, vertical_spacing=0.06,
                        subplot_titles=(t("frontier_irr"), t("frontier_cost"),
                                        t("frontier_deadweight")))
    d = frontier["difficulty"].to_numpy()
    rows = (("expected_investor_irr", COLOURS["investor"], lambda v: t.fmt.percent(v, 1)),
            ("cost_per_additional_outcome", COLOURS["commissioner"], t.fmt.money),
            ("deadweight_share", COLOURS["conventional"], lambda v: t.fmt.percent(v, 1)))
    for row, (column, colour, shown) in enumerate(rows, start=1):
        values = frontier[column].to_numpy(dtype=float)
        fig.add_trace(go.Scatter(x=d, y=values, mode="lines", line=dict(color=colour, width=2),
                                 name=t(("frontier_irr", "frontier_cost",
                                         "frontier_deadweight")[row - 1]),
                                 hovertext=[shown(v) for v in values], hoverinfo="text+x",
                                 showlegend=False), row=row, col=1)
        keep = ~np.isnan(values)
        here = float(np.interp(s.difficulty, d[keep], values[keep])) if keep.any() else math.nan
        fig.add_trace(go.Scatter(x=[s.difficulty], y=[here], mode="markers",
                                 marker=dict(color="black", size=10, symbol="diamond"),
                                 name=t("current_group"), showlegend=row == 1,
                                 hovertext=[f"{t('current_group')}: {shown(here)}"],
                                 hoverinfo="text"), row=row, col=1)
    investor_d = frontier.attrs.get("investor_preferred_difficulty", math.nan)
    commissioner_d = frontier.attrs.get("commissioner_preferred_difficulty", math.nan)
    for x, text, colour, position in (
            (investor_d, t("investor_prefers"), COLOURS["investor"], "top right"),
            (commissioner_d, t("commissioner_prefers"), COLOURS["commissioner"], "top left")):
        if not math.isnan(x):
            fig.add_vline(x=x, line_dash="dash", line_color=colour, row="all", col=1)
            fig.add_annotation(x=x, y=1, yref="paper", text=text, showarrow=False,
                               font=dict(color=colour), yanchor="bottom",
                               xanchor="left" if position == "top right" else "right")
    _layout(fig, t, t("chart_frontier_title"), height=620)
    fig.update_layout(margin=dict(l=10, r=10, t=90, b=10))
    fig.update_yaxes(tickformat=".0%", row=1, col=1)
    fig.update_yaxes(tickformat=",.0f", row=2, col=1)
    fig.update_yaxes(tickformat=".0%", row=3, col=1)
    fig.update_xaxes(title_text=t("chart_difficulty_x"), range=[0, 1], row=3, col=1)
    return fig


def _basis_name(basis: str, t: Translator) -> str:
    return t(f"basis_{basis}")


def _lever_name(premium: float, basis: str, t: Translator) -> str:
    return t("lever_label", premium=t.fmt.number(premium, 1), basis=_basis_name(basis, t))


def lever_chart(levers: list[tuple[float, str, pd.DataFrame]], s: Scenario,
                t: Translator) -> go.Figure:
    """Investor IRR against difficulty for each contract variant, its optimum marked."""
    fig = go.Figure()
    dashes = ("solid", "dash", "solid", "dash")
    colours = (COLOURS["investor"], COLOURS["investor"], COLOURS["society"], COLOURS["society"])
    for (premium, basis, frontier), dash, colour in zip(levers, dashes, colours):
        name = _lever_name(premium, basis, t)
        irr = frontier["expected_investor_irr"].to_numpy(dtype=float)
        d = frontier["difficulty"].to_numpy()
        fig.add_trace(go.Scatter(x=d, y=irr, mode="lines", name=name,
                                 line=dict(dash=dash, color=colour, width=2),
                                 hovertext=[f"{name}: {t.fmt.percent(v, 1)}" for v in irr],
                                 hoverinfo="text+x"))
        best = frontier.attrs.get("investor_preferred_difficulty", math.nan)
        if not math.isnan(best):
            fig.add_trace(go.Scatter(x=[best], y=[float(np.nanmax(irr))], mode="markers",
                                     marker=dict(color=colour, size=11, symbol="star"),
                                     showlegend=False, hoverinfo="skip"))
    fig.add_vline(x=s.difficulty, line_dash="dot", line_color="#555",
                  annotation_text=t("current_group"), annotation_position="bottom right")
    _layout(fig, t, t("chart_levers_title"), height=400)
    fig.update_xaxes(title_text=t("chart_difficulty_x"), range=[0, 1])
    fig.update_yaxes(title_text=t("frontier_irr"), tickformat=".0%")
    return fig


def lever_table(levers: list[tuple[float, str, pd.DataFrame]], t: Translator) -> pd.DataFrame:
    """Each variant's preferred difficulties (investor's and municipality's), as text."""
    rows = []
    for premium, basis, frontier in levers:
        investor_d = frontier.attrs.get("investor_preferred_difficulty", math.nan)
        commissioner_d = frontier.attrs.get("commissioner_preferred_difficulty", math.nan)
        rows.append({t("lever_terms"): _lever_name(premium, basis, t),
                     t("lever_investor_d"): t.fmt.number(investor_d, 2),
                     t("lever_investor_irr"): t.fmt.percent(
                         float(frontier["expected_investor_irr"].max()), 1),
                     t("lever_commissioner_d"): t.fmt.number(commissioner_d, 2)})
    return pd.DataFrame(rows)


# --- Deal space -------------------------------------------------------------------------

ZONES = ("zone_neither", "zone_investor", "zone_commissioner", "zone_deal")


def deal_zones(grid: pd.DataFrame) -> pd.Series:
    """Zone code of each cell: 0 neither, 1 only the investor, 2 only the municipality,
    3 both (a deal)."""
    return grid["investor_ok"].astype(int) + 2 * grid["commissioner_ok"].astype(int)


def deal_space_heatmap(grid: pd.DataFrame, s: Scenario, t: Translator) -> go.Figure:
    """Price × difficulty coloured by who would sign, with the current scenario marked."""
    table = grid.assign(zone=deal_zones(grid))
    prices = np.sort(table["price_per_outcome"].unique())
    difficulties = np.sort(table["difficulty"].unique())
    wide = table.pivot(index="price_per_outcome", columns="difficulty")
    zone = wide["zone"].loc[prices, difficulties].to_numpy()
    irr = wide["expected_investor_irr"].loc[prices, difficulties].to_numpy()
    loss = wide["probability_of_loss"].loc[prices, difficulties].to_numpy()
    net = wide["expected_commissioner_net"].loc[prices, difficulties].to_numpy()
    names = [t(z) for z in ZONES]
    hover = [[f"{names[int(zone[i, j])]}<br>{t('hover_irr')}: {t.fmt.percent(irr[i, j], 1)}"
              f"<br>{t('hover_loss')}: {t.fmt.percent(loss[i, j])}"
              f"<br>{t('hover_net')}: {t.fmt.money(net[i, j])}"
              for j in range(len(difficulties))] for i in range(len(prices))]
    scale = []
    for k, colour in enumerate(ZONE_COLOURS):
        scale += [[k / 4, colour], [(k + 1) / 4, colour]]
    fig = go.Figure(go.Heatmap(
        x=difficulties, y=prices, z=zone, zmin=-0.5, zmax=3.5, colorscale=scale,
        hovertext=hover, hoverinfo="text+x+y",
        colorbar=dict(tickvals=[0, 1, 2, 3], ticktext=names, thickness=14)))
    fig.add_trace(go.Scatter(x=[s.difficulty], y=[s.price_per_outcome], mode="markers",
                             name=t("current_scenario"),
                             marker=dict(symbol="x", size=14, color="black",
                                         line=dict(width=2, color="white")),
                             hovertext=[f"{t('current_scenario')}: "
                                        f"{t.fmt.money(s.price_per_outcome)}"],
                             hoverinfo="text"))
    _layout(fig, t, t("chart_deal_title"), height=480)
    fig.update_xaxes(title_text=t("chart_difficulty_x"))
    fig.update_yaxes(title_text=t("chart_price_y"), tickformat=",.0f")
    return fig


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
    shown = (lambda v: t.fmt.percent(v, 1)) if is_irr else t.fmt.money
    labels = [t.label(field) for field in rows["field"]]
    fig = go.Figure()
    for side, colour in (("low", "#6baed6"), ("high", "#fd8d3c")):
        delta = (rows[f"{side}_result"].to_numpy() - base) * scale
        hover = [f"{t.label(f)} = {format_input_value(f, v, t)} → {shown(r)}"
                 for f, v, r in zip(rows["field"], rows[f"{side}_value"],
                                    rows[f"{side}_result"])]
        fig.add_trace(go.Bar(y=labels, x=delta, orientation="h", name=t(f"tornado_{side}"),
                             marker_color=colour, opacity=0.85, hovertext=hover,
                             hoverinfo="text"))
    title = t("chart_tornado_irr" if is_irr else "chart_tornado_net")
    _layout(fig, t, title, barmode="overlay", height=420)
    fig.update_xaxes(title_text=t("tornado_x_irr" if is_irr else "tornado_x_net",
                                  base=shown(base)), zeroline=True, zerolinecolor="#444")
    return fig
