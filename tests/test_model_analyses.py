"""The analyses built on the core: payoff curve, creaming frontier, deal space, sensitivity."""

import math
import subprocess
import sys

import numpy as np
import pytest

from sib_model import (PRESET_DETAILS, PRESETS, Scenario, creaming_frontier, deal_space,
                       payoff_curve, preferred_difficulties, sensitivity, simulate)


def test_default_scenario_gives_the_plausible_picture_of_the_design():
    summary = simulate(Scenario(), 50_000, seed=1).summary
    assert 0.01 <= summary["expected_investor_irr"] <= 0.20  # Brookings: about 1–20 %
    assert 0.18 <= summary["probability_of_loss"] <= 0.33  # about one in four
    assert summary["deadweight_share"] == pytest.approx(0.375, abs=0.01)
    assert summary["expected_commissioner_net"] < 0 < summary["expected_society_net"]


def test_summary_holds_the_statistics_the_pages_need():
    summary = simulate(Scenario(), 2_000, seed=1).summary
    for key in ["expected_starters", "expected_outcomes", "expected_additional_outcomes",
                "deadweight_share", "expected_payment", "expected_capital",
                "expected_investor_moic", "expected_investor_irr", "median_investor_irr",
                "probability_of_loss", "probability_of_total_loss",
                "expected_commissioner_net", "cost_per_additional_outcome",
                "conventional_cost", "expected_society_net", "investor_irr_p05",
                "investor_irr_p95", "commissioner_net_p50", "group_success_probability"]:
        assert key in summary and isinstance(summary[key], float)


def test_summary_percentiles_equal_numpys_over_every_draw():
    result = simulate(Scenario(referral_rate=0.8), 5_000, seed=9)
    irr = result.draws["investor_irr"].to_numpy()
    for p in (5, 25, 50, 75, 95):
        assert result.summary[f"investor_irr_p{p:02d}"] == pytest.approx(
            np.percentile(irr, p, method="inverted_cdf"))
    assert result.summary["expected_payment"] == pytest.approx(result.draws["payment"].mean())
    assert result.summary["probability_of_loss"] == pytest.approx(
        (result.draws["investor_moic"] < 1).mean())


def test_draws_table_has_one_row_per_simulated_contract():
    draws = simulate(Scenario(), 1_234, seed=3).draws
    assert len(draws) == 1_234
    for column in ["starters", "outcomes", "additional_outcomes", "payment", "capital",
                   "investor_irr", "investor_moic", "commissioner_net", "true_success_rate"]:
        assert column in draws


def test_cost_per_additional_outcome_is_undefined_when_nothing_is_additional():
    s = Scenario(success_probability=0.2, counterfactual_probability=0.2)
    assert math.isnan(simulate(s, 2_000, seed=1).summary["cost_per_additional_outcome"])


def test_payoff_curve_shows_threshold_and_cap_kinks():
    s = Scenario(success_threshold=0.3, payment_cap=10_000_000)
    curve = payoff_curve(s, n_points=101)
    below = curve[curve["success_rate"] < 0.3]
    assert (below["payment"] == 0).all() and not below["threshold_met"].any()
    assert curve["payment"].max() == 10_000_000
    # The cap binds from 10m / (100 × 200k) = 50 % success.
    assert curve.loc[curve["success_rate"] > 0.5, "payment_capped"].all()
    assert not curve.loc[curve["success_rate"] < 0.5, "payment_capped"].any()


def test_creaming_frontier_has_a_row_per_difficulty_including_both_ends():
    frontier = creaming_frontier(Scenario(), n_points=11, n_simulations=2_000, seed=1)
    assert list(frontier["difficulty"]) == pytest.approx(list(np.linspace(0, 1, 11)))
    assert {"expected_investor_irr", "cost_per_additional_outcome", "deadweight_share",
            "probability_of_loss"} <= set(frontier.columns)
    assert frontier["investor_preferred"].sum() == 1
    assert frontier["commissioner_preferred"].sum() == 1


def test_investor_prefers_easy_groups_and_commissioner_hard_ones_by_default():
    frontier = creaming_frontier(Scenario(), n_points=21, n_simulations=4_000, seed=1)
    investor, commissioner = preferred_difficulties(frontier)
    assert investor < commissioner
    assert frontier.attrs["creaming_gap"] == pytest.approx(commissioner - investor)
    # Deadweight falls as groups get harder: fewer of their outcomes would happen anyway.
    assert (np.diff(frontier["deadweight_share"]) < 0).all()


def test_common_random_numbers_make_the_frontier_smooth():
    frontier = creaming_frontier(Scenario(), n_points=51, n_simulations=3_000, seed=4)
    # Expected outcomes fall monotonically with difficulty, draw by draw.
    assert (np.diff(frontier["expected_outcomes"]) <= 0).all()
    assert (np.diff(frontier["expected_investor_moic"]) <= 1e-12).all()


def test_commissioners_preference_is_none_when_no_group_has_additional_outcomes():
    s = Scenario(success_probability=0.2, counterfactual_probability=0.3)
    frontier = creaming_frontier(s, n_points=5, n_simulations=500)
    assert math.isnan(frontier.attrs["commissioner_preferred_difficulty"])
    assert not frontier["commissioner_preferred"].any()


def test_deal_space_marks_cells_where_both_parties_sign():
    grid = deal_space(Scenario(municipal_share_of_savings=1.0), n_prices=12, n_difficulties=6,
                      n_simulations=1_000)
    assert len(grid) == (12 + 1) * 6  # the scenario's own price joins the grid
    assert (grid["price_per_outcome"] == 200_000).sum() == 6
    assert (grid["deal"] == (grid["investor_ok"] & grid["commissioner_ok"])).all()
    # A higher price helps the investor and hurts the commissioner, at every difficulty.
    for _, column in grid.groupby("difficulty"):
        assert (np.diff(column["expected_investor_irr"]) >= -1e-12).all()
        assert (np.diff(column["expected_commissioner_net"]) <= 1e-6).all()
    assert grid["deal"].any()


def test_deal_space_uses_willingness_to_pay_when_given():
    grid = deal_space(Scenario(), prices=[100_000, 400_000], difficulties=[0.5],
                      n_simulations=1_000, willingness_to_pay=500_000)
    assert list(grid["commissioner_ok"]) == [True, False]


def test_sensitivity_swings_each_input_and_ranks_by_effect():
    table = sensitivity(Scenario(), n_simulations=1_000)
    assert {"field", "metric", "low_value", "high_value", "low_result", "high_result",
            "swing"} <= set(table.columns)
    irr = table[table["metric"] == "expected_investor_irr"]
    assert list(irr["swing"]) == sorted(irr["swing"], reverse=True)
    assert "payment_cap" not in set(table["field"])  # no cap set: nothing to swing
    price = irr.set_index("field").loc["price_per_outcome"]
    assert price["high_result"] > price["base_result"] > price["low_result"]


def test_at_least_five_illustrative_presets_each_with_sources():
    assert {"article", "ballerup", "aalborg", "peterborough", "utah"} <= set(PRESETS)
    for key, scenario in PRESETS.items():
        details = PRESET_DETAILS[key]
        assert isinstance(scenario, Scenario)
        assert details.title["en"] and details.story["en"] and len(details.sources) > 200
        simulate(scenario, 500, seed=1)


def test_presets_tell_their_lessons():
    assert PRESETS["ballerup"].referral_rate < 1  # referral shortfall
    peterborough = PRESETS["peterborough"]
    assert peterborough.payment_basis == "above_baseline" and peterborough.success_threshold > 0
    utah = simulate(PRESETS["utah"], 5_000, seed=1).summary
    # Paying against a baseline of zero buys mostly deadweight: each truly additional outcome
    # costs many times the price.
    assert utah["deadweight_share"] > 0.9
    assert utah["cost_per_additional_outcome"] > 10 * PRESETS["utah"].price_per_outcome


def test_importing_the_model_loads_no_user_interface():
    code = ("import sys, sib_model; "
            "bad = [m for m in ('streamlit', 'plotly') if m in sys.modules]; "
            "print(','.join(bad)); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, f"sib_model imported {done.stdout.strip()}"


def test_sensitivity_swings_an_input_at_its_limit_one_way_only():
    table = sensitivity(Scenario(), n_simulations=500)
    lag = table[table["field"] == "payment_lag_years"].iloc[0]
    # The default lag is already at the floor: a one-sided bar, from 1 to 2 years.
    assert (lag["low_value"], lag["high_value"]) == (1, 2)
    assert lag["low_result"] == lag["base_result"]


def test_no_preference_when_the_investor_puts_in_no_money():
    s = Scenario(fixed_costs=0.0, provider_fee_at_risk=1.0)
    frontier = creaming_frontier(s, n_points=5, n_simulations=300)
    assert math.isnan(frontier.attrs["investor_preferred_difficulty"])
    assert not frontier["investor_preferred"].any()


def test_no_preference_when_every_group_gives_the_same_result():
    s = Scenario(success_threshold=1.0, payment_cap=0.0)  # nothing is ever paid
    frontier = creaming_frontier(s, n_points=11, n_simulations=500)
    assert math.isnan(frontier.attrs["investor_preferred_difficulty"])
    assert math.isnan(frontier.attrs["creaming_gap"])
