"""The two samplers of starters and outcomes against scipy's exact distributions."""

import math

import numpy as np
import pytest
from scipy import stats

from sib_model import Scenario
from sib_model.outcomes import CommonUniforms, common_outcomes, draw_outcomes

from ._reference import chi_square_p_value, outcome_pmf

N_LARGE = 200_000


@pytest.mark.parametrize("evidence_strength", [math.inf, 50.0, 5.0])
def test_simulated_outcomes_follow_scipys_binomial_and_beta_binomial(evidence_strength):
    s = Scenario(cohort_size=60, success_probability=0.35, evidence_strength=evidence_strength)
    draws = draw_outcomes(s, N_LARGE, seed=11)
    observed = np.bincount(draws.outcomes, minlength=s.cohort_size + 1)
    assert chi_square_p_value(observed, outcome_pmf(s, s.cohort_size)) > 1e-4


@pytest.mark.parametrize("route", ["table", "quantiles"])
@pytest.mark.parametrize("evidence_strength", [math.inf, 30.0])
def test_common_random_number_sampler_has_the_same_exact_distribution(
    evidence_strength, route, monkeypatch
):
    if route == "quantiles":  # the route large cohorts take: θ's and S's quantile functions
        monkeypatch.setattr("sib_model.outcomes._TABLE_BUDGET", 0)
    s = Scenario(
        cohort_size=40,
        referral_rate=0.7,
        success_probability=0.45,
        evidence_strength=evidence_strength,
    )
    starters, outcomes = common_outcomes(s, CommonUniforms.draw(N_LARGE, seed=5))
    observed_n = np.bincount(starters, minlength=41)
    assert chi_square_p_value(observed_n, stats.binom.pmf(np.arange(41), 40, 0.7)) > 1e-4
    # Outcomes among draws with exactly 28 starters are beta-binomial(28, ·).
    sub = outcomes[starters == 28]
    assert chi_square_p_value(np.bincount(sub, minlength=29), outcome_pmf(s, 28)) > 1e-4


def test_referral_shortfall_makes_starters_binomial():
    s = Scenario(cohort_size=10, referral_rate=0.6)
    draws = draw_outcomes(s, N_LARGE, seed=2)
    observed = np.bincount(draws.starters, minlength=11)
    assert chi_square_p_value(observed, stats.binom.pmf(np.arange(11), 10, 0.6)) > 1e-4
