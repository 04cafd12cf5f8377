"""The Explorer's charts, checked without Streamlit: return distribution, municipality against
direct funding, where the saving lands, payoff curve, money by year."""

from __future__ import annotations

import json

import numpy as np
import pytest

from sib_model import (
    Scenario,
    evaluate,
    payoff_curve,
    simulate,
)
from ui import charts
from ui.text.translator import Translator

EN, DA = Translator("en"), Translator("da")


def _shapes_at(fig, x):
    return [s for s in fig.layout.shapes if s.x0 == pytest.approx(x) and s.type == "line"]


def test_investor_histogram_shares_sum_to_one_and_losses_sit_left_of_zero(default_result):
    fig = charts.investor_return_histogram(default_result.distribution, default_result.summary, EN)
    loss, gain = fig.data
    assert loss.name == "Loss"
    assert gain.name == "Money back or more"
    assert sum(loss.y) + sum(gain.y) == pytest.approx(1.0)
    assert max(loss.x) < 0 <= min(gain.x)
    # The default loses money in about a quarter of futures (DESIGN.md).
    assert sum(loss.y) == pytest.approx(default_result.summary["probability_of_loss"], abs=0.02)
    assert any(s.type == "rect" and s.x1 == 0 for s in fig.layout.shapes), "loss region"
    assert _shapes_at(fig, default_result.summary["expected_investor_irr"]), "expected IRR"


def test_commissioner_comparison_sets_the_sib_against_direct_funding(default_result):
    fig = charts.commissioner_comparison(default_result.summary, EN)
    net = next(trace for trace in fig.data if trace.name == "Net")
    s = default_result.summary
    assert net.y == pytest.approx(
        (s["expected_commissioner_net"] / 1e6, s["expected_conventional_net"] / 1e6)
    )
    # The wrong pocket: with half the saving, the municipality's SIB net is negative.
    assert net.y[0] < 0
    # Whiskers span the 5th to 95th percentile of the net across futures.
    assert net.y[0] + net.error_y.array[0] == pytest.approx(s["commissioner_net_p95"] / 1e6)
    assert net.y[0] - net.error_y.arrayminus[0] == pytest.approx(s["commissioner_net_p05"] / 1e6)
    assert "90 %" in net.hovertext[0]


#: Three pockets with something in each: 30 % for the municipality, 80 % of the rest for the
#: state (56 % of the whole), 20 % of the rest for the region (14 %).
SPLIT = Scenario(municipal_share_of_savings=0.3, state_share_of_other_savings=0.8)


def test_wrong_pocket_chart_sets_the_payments_against_where_the_saving_lands():
    summary = evaluate(SPLIT).summary
    fig = charts.wrong_pocket_chart(summary, EN)
    assert [trace.name for trace in fig.data] == [
        "Outcome payments",
        "Municipality",
        "State",
        "Region",
    ]
    pays, municipality, state, region = fig.data
    assert pays.x[0] == pytest.approx(summary["expected_commissioner_payment_pv"] / 1e6)
    assert pays.y != municipality.y  # two bars: who pays, where the saving lands
    assert municipality.y == state.y == region.y
    # The pockets lie end to end from zero, and the bar ends at the whole public saving.
    for trace, key in (
        (municipality, "expected_commissioner_saving_pv"),
        (state, "expected_state_saving_pv"),
        (region, "expected_region_saving_pv"),
    ):
        assert trace.x[0] == pytest.approx(summary[key] / 1e6)
    assert municipality.base[0] == 0
    assert state.base[0] == pytest.approx(municipality.x[0])
    assert region.base[0] == pytest.approx(municipality.x[0] + state.x[0])
    assert region.base[0] + region.x[0] == pytest.approx(summary["expected_public_saving_pv"] / 1e6)
    # The amount as the sentences write it (three significant figures) on the bar and on
    # hover, the share of the saving beside it on hover.
    assert state.hovertext[0] == "State: DKK 6.6m (56% of the public saving)"
    assert region.hovertext[0].endswith("(14% of the public saving)")
    assert state.text[0] == "DKK 6.6m"
    # Each bar named above it, the legend below the plot (readable on a phone).
    assert [a.text for a in fig.layout.annotations] == ["Municipality pays", "Saving lands with"]
    assert fig.layout.legend.orientation == "h"
    assert fig.layout.legend.y < 0
    assert fig.layout.title.text == "Who pays, and where the saving lands"


def test_wrong_pocket_chart_in_danish():
    summary = evaluate(SPLIT).summary
    fig = charts.wrong_pocket_chart(summary, DA)
    assert [trace.name for trace in fig.data] == [
        "Betaling for resultater",
        "Kommunen",
        "Staten",
        "Regionen",
    ]
    assert fig.layout.separators == ",."
    state = fig.data[2]
    assert summary["expected_state_saving_pv"] == pytest.approx(6_600_093, abs=1)
    assert state.hovertext[0] == "Staten: 6,6 mio. kr. (56 % af den offentlige besparelse)"
    assert state.text[0].endswith(" mio. kr.")


def test_wrong_pocket_chart_keeps_an_empty_pocket_in_the_legend():
    """By default the whole wrong pocket is the state's: the region's piece is empty but its
    legend entry stays, so the room sees that a region could have had a share."""
    summary = evaluate(Scenario()).summary
    region = charts.wrong_pocket_chart(summary, EN).data[3]
    assert region.name == "Region"
    assert region.x[0] == 0.0
    assert region.hovertext[0] == "Region: DKK 0 (0% of the public saving)"


def test_wrong_pocket_chart_of_a_programme_that_saves_nothing():
    summary = evaluate(Scenario(counterfactual_probability=0.9)).summary
    assert summary["expected_public_saving_pv"] < 0  # fewer outcomes than without it
    fig = charts.wrong_pocket_chart(summary, EN)
    pockets = fig.data[1:]
    assert all(trace.x[0] <= 0 for trace in pockets)  # every pocket loses
    end = pockets[-1].base[0] + pockets[-1].x[0]
    assert end == pytest.approx(summary["expected_public_saving_pv"] / 1e6)


def test_wrong_pocket_chart_on_the_projector_and_behind_a_baseline():
    summary = evaluate(SPLIT).summary
    figure = json.loads(charts.wrong_pocket_chart(summary, EN).to_json())
    shown = json.dumps(charts.presenter_figure(json.loads(json.dumps(figure))))
    for pocket in ("state", "region"):
        assert charts.COLOURS[pocket] not in shown
        assert charts.OKABE_ITO[pocket] in shown
    baseline = json.loads(charts.wrong_pocket_chart(evaluate(Scenario()).summary, EN).to_json())
    combined = charts.add_baseline(figure, baseline, "Baseline")
    ghosts = [trace for trace in combined["data"] if trace.get("legendgroup") == "baseline"]
    # Each of the baseline's four pieces outlined where it lay, under one legend entry.
    assert len(ghosts) == 4
    assert [g.get("showlegend") for g in ghosts].count(True) == 1
    region_ghost = ghosts[-1]
    assert region_ghost["base"] == baseline["data"][3]["base"]


def test_payoff_chart_marks_threshold_cap_and_expected_rates():
    s = Scenario(success_threshold=0.3, payment_cap=6_000_000)
    fig = charts.payoff_chart(payoff_curve(s), s, EN)
    names = [trace.name for trace in fig.data]
    assert names == [
        "Outcome payment",
        "Investor",
        "Municipality (SIB)",
        "Municipality funds it directly",
        "Society",
    ]
    notes = [a.text for a in fig.layout.annotations]
    assert any(text.startswith("threshold 30%") for text in notes)
    assert any(text.startswith("cap reached") for text in notes)
    assert _shapes_at(fig, 0.4)
    assert _shapes_at(fig, 0.15)
    payment = np.array(fig.data[0].y)
    assert payment.max() == pytest.approx(6.0)  # DKK million: the cap binds


def test_payoff_chart_shows_the_provider_only_when_it_has_money_at_risk():
    s = Scenario(provider_fee_at_risk=0.5)
    fig = charts.payoff_chart(payoff_curve(s), s, EN)
    assert "Provider" in [trace.name for trace in fig.data]


def test_cash_flow_chart_has_one_bar_per_year_and_party(default_result):
    fig = charts.cash_flow_chart(default_result.cash_flows, EN)
    bars = [trace for trace in fig.data if trace.type == "bar"]
    assert {trace.name for trace in bars} == {
        "Investor",
        "Municipality pays",
        "Municipality saves",
        "Direct funding (no SIB)",
    }
    assert all(len(trace.x) == 4 for trace in bars)  # 3 years of delivery + 1 year of lag
    investor = next(trace for trace in bars if trace.name == "Investor")
    assert investor.y[0] == pytest.approx(-3.0)  # fixed 1m + a third of 6m delivery, in DKK m


def test_histograms_survive_a_scenario_where_the_investor_puts_in_nothing():
    s = Scenario(provider_fee_at_risk=1.0, fixed_costs=0)
    result = simulate(s, n_simulations=500, seed=1)
    fig = charts.investor_return_histogram(result.distribution, result.summary, EN)
    assert json.loads(fig.to_json())["layout"]["title"]["text"] == EN("chart_irr_title")
