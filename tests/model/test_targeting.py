"""Who is in the target group: p(d), c(d), the rate card and the savings gradient."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import logit

from sib_model import Scenario, evaluate, price_at
from sib_model.targeting import (
    N_STRATA,
    counterfactual_probability_at,
    saving_tilt_at,
    strata_difficulties,
    success_probability_at,
)


def test_reference_group_has_the_slider_values():
    s = Scenario(success_probability=0.37, counterfactual_probability=0.12)
    assert success_probability_at(s, 0.5) == pytest.approx(0.37)
    assert counterfactual_probability_at(s, 0.5) == pytest.approx(0.12)


def test_the_odds_ratio_of_the_intervention_is_the_same_for_every_group():
    s = Scenario()
    d = np.linspace(0, 1, 11)
    log_odds_ratio = logit(success_probability_at(s, d)) - logit(
        counterfactual_probability_at(s, d)
    )
    np.testing.assert_allclose(log_odds_ratio, logit(0.40) - logit(0.15))


@settings(max_examples=50, deadline=None)
@given(st.floats(0, 1), st.floats(1, 1e8))
def test_a_rate_card_never_prices_the_easiest_group_below_half_the_reference_price(premium, price):
    s = Scenario(difficulty_premium=premium, price_per_outcome=price)
    assert price_at(s, 0.0) >= 0.5 * price * (1 - 1e-12)
    assert price_at(s, 0.5) == pytest.approx(price)


def test_the_largest_premium_prices_the_easiest_group_at_exactly_half():
    assert price_at(Scenario(difficulty_premium=1.0), 0.0) == pytest.approx(100_000)
    assert price_at(Scenario(difficulty_premium=1.0), 0.9) == pytest.approx(1.4 * 200_000)


def test_savings_grow_with_difficulty_by_the_gradient():
    s = Scenario(savings_gradient=1.0)
    np.testing.assert_allclose(saving_tilt_at(s, [0.0, 0.5, 1.0]), [0.5, 1.0, 1.5])


def test_the_savings_gradient_changes_nothing_for_the_reference_group():
    flat = evaluate(Scenario(savings_gradient=0.0)).summary
    for gradient in (1.0, 2.0):
        assert evaluate(Scenario(savings_gradient=gradient)).summary == flat


def test_a_uniform_cohort_is_one_stratum_and_a_mixed_one_spreads_evenly_and_is_clipped():
    assert list(strata_difficulties(Scenario(difficulty=0.3))) == [0.3]
    spread = strata_difficulties(Scenario(difficulty=0.5, difficulty_spread=0.3))
    assert spread.size == N_STRATA >= 5
    assert spread.mean() == pytest.approx(0.5)
    np.testing.assert_allclose(np.diff(spread), 0.6 / N_STRATA)
    clipped = strata_difficulties(Scenario(difficulty=0.9, difficulty_spread=0.5))
    assert clipped.min() >= 0.4
    assert clipped.max() == 1.0
