"""Invariants that must hold for every contract (Hypothesis)."""

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from sib_model import Scenario, creaming_frontier, simulate
from sib_model.common_numbers import common_summary
from sib_model.contract import settle
from sib_model.outcomes import CommonUniforms

contracts = st.builds(
    Scenario,
    cohort_size=st.integers(1, 300),
    referral_rate=st.floats(0.05, 1),
    success_probability=st.floats(0.01, 0.99),
    counterfactual_probability=st.floats(0, 0.9),
    difficulty=st.floats(0, 1),
    evidence_strength=st.one_of(st.floats(1, 500), st.just(math.inf)),
    duration_years=st.integers(1, 6),
    price_per_outcome=st.floats(0, 1e6),
    difficulty_premium=st.floats(0, 2),
    payment_basis=st.sampled_from(["every_outcome", "above_baseline"]),
    contract_baseline=st.one_of(st.none(), st.floats(0, 1)),
    success_threshold=st.floats(0, 1),
    payment_cap=st.one_of(st.none(), st.floats(0, 5e7)),
    delivery_cost_per_participant=st.floats(0, 2e5),
    fixed_costs=st.floats(1e4, 5e6),  # a contract with no capital is no investment
    payment_lag_years=st.integers(1, 4),
    provider_fee_at_risk=st.floats(0, 1),
)


@settings(max_examples=150, deadline=None)
@given(contracts, st.data())
def test_payments_never_exceed_the_cap_and_money_is_conserved(s, data):
    n = data.draw(st.integers(0, s.cohort_size))
    outcomes = np.arange(n + 1)
    settled = settle(s, n, outcomes)
    if s.payment_cap is not None:
        assert (settled.payment <= s.payment_cap).all()
    assert (settled.payment >= 0).all()
    # Whatever the commissioner pays reaches investor and provider, and nothing else.
    np.testing.assert_allclose(settled.investor_payment + settled.provider_payment,
                               settled.payment, rtol=1e-12, atol=1e-6)
    np.testing.assert_allclose(settled.investor_capital + settled.provider_capital,
                               settled.capital, rtol=1e-12, atol=1e-6)
    # The commissioner's payment is the investor's and provider's receipt: their nets add up
    # to payment − capital.
    np.testing.assert_allclose(settled.investor_profit + settled.provider_net,
                               settled.payment - settled.capital, rtol=1e-9, atol=1e-3)


@settings(max_examples=150, deadline=None)
@given(contracts, st.data())
def test_one_more_outcome_never_pays_less(s, data):
    n = data.draw(st.integers(1, s.cohort_size))
    settled = settle(s, n, np.arange(n + 1))
    assert (np.diff(settled.payment) >= -1e-6).all()
    assert (np.diff(settled.investor_payment) >= -1e-6).all()


@settings(max_examples=40, deadline=None)
@given(contracts, st.floats(0.01, 0.98), st.floats(0.005, 0.3))
def test_more_success_never_lowers_the_investors_expected_return(s, p, step):
    """On common random numbers each draw's outcomes rise with the success probability, so
    the expected IRR and money multiple cannot fall."""
    higher = min(0.99, p + step)
    uniforms = CommonUniforms.draw(400, seed=1)
    low = common_summary(s.replace(success_probability=p), uniforms)
    high = common_summary(s.replace(success_probability=higher), uniforms)
    assert high["expected_investor_irr"] >= low["expected_investor_irr"] - 1e-9
    assert high["expected_investor_moic"] >= low["expected_investor_moic"] - 1e-9
    assert high["probability_of_loss"] <= low["probability_of_loss"] + 1e-12


@settings(max_examples=12, deadline=None)
@given(st.floats(0, 1.5), st.floats(0.2, 0.5), st.floats(0.3, 0.6))
def test_higher_difficulty_premium_moves_investors_optimum_toward_harder_groups(
        premium, extra, success):
    s = Scenario(success_probability=success, evidence_strength=100.0)
    low = creaming_frontier(s.replace(difficulty_premium=premium), n_points=11,
                            n_simulations=1_000, seed=2)
    high = creaming_frontier(s.replace(difficulty_premium=premium + extra), n_points=11,
                             n_simulations=1_000, seed=2)
    assert (high.attrs["investor_preferred_difficulty"]
            >= low.attrs["investor_preferred_difficulty"])


@settings(max_examples=20, deadline=None)
@given(contracts, st.integers(0, 2**32 - 1))
def test_same_seed_gives_the_same_draws(s, seed):
    first = simulate(s, 300, seed=seed).draws
    second = simulate(s, 300, seed=seed).draws
    assert first.equals(second)


def test_different_seeds_give_different_draws():
    s = Scenario()
    assert not simulate(s, 300, seed=1).draws.equals(simulate(s, 300, seed=2).draws)
