"""Invariants that must hold for every contract (Hypothesis).

Small cohorts and a modest number of examples keep the file to a few seconds; each property
compares scenarios on the same futures (exact pair tables, or the same fixed common random
numbers), so a difference is the input's effect and never the luck of the draw.
"""

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sib_model import Scenario, creaming_frontier, evaluate, simulate
from tests.model.settling import every_outcome_count
from tests.model.strategies import contracts, small_contracts


@settings(max_examples=100, deadline=None)
@given(contracts, st.data())
def test_payments_never_exceed_the_caps_and_money_is_conserved(s, data):
    settled = every_outcome_count(s, data.draw(st.integers(0, s.cohort_size)))
    if s.payment_cap is not None:
        assert (settled.payment <= s.payment_cap).all()
    assert (settled.payment >= 0).all()
    # Whatever the commissioner pays reaches investor and provider, and nothing else.
    np.testing.assert_allclose(
        settled.investor_payment + settled.provider_payment, settled.payment, rtol=1e-12, atol=1e-6
    )
    np.testing.assert_allclose(
        settled.investor_capital + settled.provider_capital, settled.capital, rtol=1e-12, atol=1e-6
    )
    # What the investor receives is the commissioner's share plus the guarantor's.
    np.testing.assert_allclose(
        settled.investor_received,
        settled.investor_payment + settled.guarantor_payment,
        rtol=1e-12,
        atol=1e-6,
    )
    # Nets add up: investor and provider together get the payment (and the guarantee)
    # back against their capital.
    np.testing.assert_allclose(
        settled.investor_profit + settled.provider_net,
        settled.payment + settled.guarantor_payment - settled.capital,
        rtol=1e-9,
        atol=1e-3,
    )


@settings(max_examples=100, deadline=None)
@given(contracts.filter(lambda s: s.investor_return_cap is not None), st.data())
def test_the_investors_return_cap_is_never_exceeded_in_any_future(s, data):
    settled = every_outcome_count(s, data.draw(st.integers(0, s.cohort_size)))
    cap = s.investor_return_cap
    invested = settled.investor_capital > 0
    # The money multiple from outcome payments (the guarantee is a separate promise).
    assert (settled.investor_moic_unguaranteed[invested] <= cap * (1 + 1e-12)).all()
    assert (settled.payment <= cap * settled.capital * (1 + 1e-12) + 1e-6).all()


@settings(max_examples=100, deadline=None)
@given(contracts, st.data())
def test_one_more_outcome_never_pays_less(s, data):
    settled = every_outcome_count(s, data.draw(st.integers(1, s.cohort_size)))
    assert (np.diff(settled.payment) >= -1e-6).all()
    assert (np.diff(settled.investor_payment) >= -1e-6).all()


@settings(max_examples=40, deadline=None)
@given(small_contracts, st.floats(0.01, 0.98), st.floats(0.005, 0.3))
def test_more_success_never_lowers_the_investors_expected_return(s, p, step):
    """Outcomes are stochastically larger with a larger success probability (exactly so on
    the pair table; draw by draw on common random numbers), and every payment is a
    non-decreasing function of outcomes, so the expected IRR and money multiple cannot
    fall."""
    higher = min(0.99, p + step)
    low = evaluate(s.replace(success_probability=p)).summary
    high = evaluate(s.replace(success_probability=higher)).summary
    assert high["expected_investor_irr"] >= low["expected_investor_irr"] - 1e-9
    assert high["expected_investor_moic"] >= low["expected_investor_moic"] - 1e-9
    assert high["probability_of_loss"] <= low["probability_of_loss"] + 1e-9


@settings(max_examples=40, deadline=None)
@given(small_contracts, st.floats(0, 1), st.floats(0, 1))
def test_a_larger_guarantee_never_lowers_the_investors_expected_return(s, first, second):
    """In every future the guarantor's payment min(shortfall, g · capital) grows with g and
    arrives as an extra receipt, so the money multiple and the IRR cannot fall."""
    small, large = sorted((first, second))
    low = evaluate(s.replace(guarantee_share=small)).summary
    high = evaluate(s.replace(guarantee_share=large)).summary
    assert high["expected_investor_irr"] >= low["expected_investor_irr"] - 1e-9
    assert high["expected_investor_moic"] >= low["expected_investor_moic"] - 1e-9
    assert high["probability_of_loss"] <= low["probability_of_loss"] + 1e-9


@settings(max_examples=40, deadline=None)
@given(small_contracts, st.floats(0.5, 1, exclude_min=True), st.floats(0, 2), st.floats(0, 2))
def test_a_larger_savings_gradient_never_lowers_the_municipalitys_net_for_harder_groups(
    s, difficulty, first, second
):
    """For d > 0.5 each additional outcome saves 1 + g·(d − 0.5) times the reference saving,
    more for a larger g; with a programme that helps (p ≥ c, so the expected additional
    outcomes are not negative) the municipality's expected net cannot fall. Homogeneous
    groups only: their expectations are exact."""
    assume(s.success_probability >= s.counterfactual_probability)
    small, large = sorted((first, second))
    s = s.replace(difficulty=difficulty)
    low = evaluate(s.replace(savings_gradient=small)).summary
    high = evaluate(s.replace(savings_gradient=large)).summary
    # Rounding in sums of terms as large as cohort × saving, not in the net itself (which can
    # be zero when nothing is additional).
    scale = 1e-12 * s.cohort_size * s.public_savings_per_outcome * 2
    assert high["expected_commissioner_net"] >= low["expected_commissioner_net"] - scale


@settings(max_examples=30, deadline=None)
@given(small_contracts, st.floats(0.0, 0.5))
def test_everybody_parked_leaves_nothing_additional_and_all_outcomes_deadweight(s, spread):
    """A parked citizen's outcome is the one they would have had anyway, future by future:
    with everybody parked nothing is additional — exactly zero, not a noisy estimate near
    it — so deadweight is the whole of the outcomes and the cost per additional outcome is
    undefined (issue 16, items 3 and 8)."""
    summary = evaluate(s.replace(parked_share=1.0, difficulty_spread=spread)).summary
    assert summary["expected_served"] == 0.0
    assert summary["expected_additional_outcomes"] == 0.0
    assert math.isnan(summary["cost_per_additional_outcome"])
    if summary["expected_outcomes"] > 0:
        assert summary["deadweight_share"] == 1.0


@settings(max_examples=40, deadline=None)
@given(small_contracts)
def test_deadweight_share_never_exceeds_one(s):
    share = evaluate(s).summary["deadweight_share"]
    assert math.isnan(share) or 0.0 <= share <= 1.0


@settings(max_examples=10, deadline=None)
@given(st.floats(0, 0.5), st.floats(0.2, 0.5), st.floats(0.3, 0.6))
def test_higher_difficulty_premium_moves_investors_optimum_toward_harder_groups(
    premium, extra, success
):
    s = Scenario(success_probability=success, evidence_strength=100.0)
    low = creaming_frontier(s.replace(difficulty_premium=premium), n_points=11)
    high = creaming_frontier(s.replace(difficulty_premium=premium + extra), n_points=11)
    assert low.investor.clear
    assert high.investor.clear
    assert high.investor.at >= low.investor.at


@settings(max_examples=20, deadline=None)
@given(contracts, st.integers(0, 2**32 - 1))
def test_same_seed_gives_the_same_draws(s, seed):
    first = simulate(s, 300, seed=seed).draws
    second = simulate(s, 300, seed=seed).draws
    assert first.equals(second)


def test_a_fully_guaranteed_investor_never_counts_a_loss():
    """The case Hypothesis found: a full guarantee pays back exactly what was put in, which
    floats write as 0.9999999999999998 in a fifth of the futures; that is no loss."""
    s = Scenario(
        cohort_size=30,
        success_probability=0.0625,
        counterfactual_probability=0.0,
        difficulty=0.0,
        evidence_strength=1.0,
        duration_years=1,
        price_per_outcome=1.8541127127828076,
        delivery_cost_per_participant=34620.99883099817,
        fixed_costs=10000.0,
        payment_lag_years=1,
        savings_years=1,
        guarantee_share=1.0,
    )
    for p in (0.0625, 0.3125, 0.9):
        summary = evaluate(s.replace(success_probability=p)).summary
        assert summary["probability_of_loss"] == 0.0
        assert summary["expected_investor_moic"] == pytest.approx(1.0)
