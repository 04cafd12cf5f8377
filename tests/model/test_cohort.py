"""The cohort's futures: the exact pair table, where Monte Carlo takes over, and the mixed,
partly parked cohort sampled citizen by citizen — each against an exact reference."""

import math

import numpy as np
import pytest
from scipy import stats
from scipy.special import expit, logit

from sib_model import Scenario, evaluate
from sib_model.cohort import DEFAULT_DRAWS, exact_pairs
from sib_model.targeting import N_STRATA


@pytest.mark.parametrize(
    "terms",
    [
        dict(),
        dict(referral_rate=0.6, cohort_size=40),
        dict(evidence_strength=math.inf, cohort_size=30, referral_rate=0.8),
        dict(evidence_strength=3.0, difficulty=0.8),
    ],
)
def test_exact_pairs_are_scipys_binomial_times_beta_binomial_and_sum_to_one(terms):
    s = Scenario(**terms)
    starters, outcomes, probability = exact_pairs(s)
    p = float(expit(logit(s.success_probability) - s.difficulty_slope * (s.difficulty - 0.5)))
    if math.isinf(s.evidence_strength):
        conditional = stats.binom.pmf(outcomes, starters, p)
    else:
        kappa = s.evidence_strength
        conditional = stats.betabinom.pmf(outcomes, starters, kappa * p, kappa * (1 - p))
    reference = stats.binom.pmf(starters, s.cohort_size, s.referral_rate) * conditional
    # Pairs below 1e-15 are left out and the rest renormalised: a relative change of < 1e-12.
    np.testing.assert_allclose(probability, reference, rtol=1e-9, atol=1e-15)
    assert probability.sum() == pytest.approx(1.0, abs=1e-12)
    assert reference.sum() == pytest.approx(1.0, abs=1e-9)


@pytest.mark.parametrize(
    ("terms", "method"),
    [
        (dict(cohort_size=10_000), "exact"),
        (dict(cohort_size=10_000, referral_rate=0.5), "exact"),
        (dict(cohort_size=1_000, referral_rate=0.8), "exact"),
        (dict(difficulty_spread=0.2), "monte_carlo"),  # a mixed cohort
        (dict(parked_share=0.1), "monte_carlo"),  # parking
    ],
)
def test_the_route_depends_on_what_the_cohort_is_never_on_its_size(terms, method):
    result = evaluate(Scenario(**terms))
    assert result.method == method
    assert result.n_simulations == (0 if method == "exact" else DEFAULT_DRAWS)


# --- the mixed cohort against an exact reference --------------------------------------------
#
# With κ = ∞ the true success rate is known, so the strata are independent binomials and the
# total's pmf is the convolution of the strata's binomial pmfs. 90 citizens, everybody starts,
# N_STRATA = 9 strata of 10 citizens each.

MIXED = Scenario(
    cohort_size=90,
    evidence_strength=math.inf,
    difficulty=0.5,
    difficulty_spread=0.3,
    success_threshold=0.4,
)
PER_STRATUM = 10


def _strata_rates(s: Scenario, probability: float) -> np.ndarray:
    """The documented strata: centres evenly over d ± w, rate shifted on the log-odds scale."""
    centres = s.difficulty + s.difficulty_spread * (2 * (np.arange(9) + 0.5) / 9 - 1)
    return expit(logit(probability) - s.difficulty_slope * (centres - 0.5))


def _total_pmf(rates: np.ndarray) -> np.ndarray:
    pmf = np.array([1.0])
    for rate in rates:
        pmf = np.convolve(pmf, stats.binom.pmf(np.arange(PER_STRATUM + 1), PER_STRATUM, rate))
    return pmf


def _expected_payment_and_error(s: Scenario, pmf: np.ndarray, futures: int) -> tuple[float, float]:
    """E[payment] with the threshold from the total's pmf, and the standard error of a mean
    of ``futures`` independent futures (from the same pmf's variance)."""
    k = np.arange(pmf.size)
    paid = np.where(k / s.cohort_size >= s.success_threshold, k * s.price_per_outcome, 0.0)
    mean = float(pmf @ paid)
    return mean, math.sqrt(float(pmf @ (paid - mean) ** 2) / futures)


def test_a_mixed_cohort_matches_the_convolution_of_its_strata():
    assert N_STRATA == 9  # the reference below is built for nine strata of ten
    result = evaluate(MIXED)
    summary, futures = result.summary, result.n_simulations
    assert result.method == "monte_carlo"
    assert futures == DEFAULT_DRAWS >= 4_000
    served = _strata_rates(MIXED, MIXED.success_probability)
    pmf = _total_pmf(served)
    # The threshold (36 of 90) cuts through the middle of the distribution: it matters.
    assert 0.2 < pmf[36:].sum() < 0.8
    outcomes_mean = PER_STRATUM * served.sum()
    outcomes_error = math.sqrt(PER_STRATUM * (served * (1 - served)).sum() / futures)
    payment, payment_error = _expected_payment_and_error(MIXED, pmf, futures)
    # Four standard errors: a correct model fails this with probability about 6e-5 (and the
    # seed is fixed, so the test is deterministic).
    assert abs(summary["expected_outcomes"] - outcomes_mean) < 4 * outcomes_error
    assert abs(summary["expected_payment"] - payment) < 4 * payment_error
    assert summary["probability_threshold_met"] == pytest.approx(pmf[36:].sum(), abs=0.03)
    # Everybody starts, so the counterfactual outcomes are known exactly (float32 sums).
    counterfactual = PER_STRATUM * _strata_rates(MIXED, MIXED.counterfactual_probability).sum()
    assert summary["expected_counterfactual_outcomes"] == pytest.approx(counterfactual, rel=1e-6)


def test_parked_citizens_get_the_minimum_service_and_succeed_at_their_counterfactual_rate():
    s = MIXED.replace(parked_share=1 / 3)  # the hardest 30: strata 6, 7 and 8
    result = evaluate(s)
    summary, futures = result.summary, result.n_simulations
    assert summary["expected_served"] == pytest.approx(60.0)
    assert summary["expected_parked"] == pytest.approx(30.0)
    # A parked citizen still costs the minimum service: a share of the delivery cost.
    minimum_service = s.parked_service_cost_share * s.delivery_cost_per_participant
    assert summary["expected_capital"] == pytest.approx(
        s.fixed_costs + 60 * s.delivery_cost_per_participant + 30 * minimum_service
    )
    rates = np.where(
        np.arange(9) < 6,
        _strata_rates(s, s.success_probability),
        _strata_rates(s, s.counterfactual_probability),
    )
    pmf = _total_pmf(rates)
    outcomes_error = math.sqrt(PER_STRATUM * (rates * (1 - rates)).sum() / futures)
    assert abs(summary["expected_outcomes"] - PER_STRATUM * rates.sum()) < 4 * outcomes_error
    # On the every-outcome basis the parked citizens' spontaneous successes are paid too.
    payment, payment_error = _expected_payment_and_error(s, pmf, futures)
    assert abs(summary["expected_payment"] - payment) < 4 * payment_error


def test_parking_everybody_leaves_only_what_would_have_happened_anyway():
    """Nothing is additional, exactly (not a noisy estimate near zero): deadweight is all of
    the outcomes and the cost per additional outcome is undefined (issue 16, item 8)."""
    s = Scenario(evidence_strength=math.inf, parked_share=1.0, difficulty=0.7)
    summary = evaluate(s).summary
    assert summary["expected_served"] == 0.0
    assert summary["expected_capital"] == pytest.approx(
        s.fixed_costs + 100 * s.parked_service_cost_share * s.delivery_cost_per_participant
    )
    assert summary["expected_additional_outcomes"] == 0.0
    assert summary["deadweight_share"] == 1.0
    assert math.isnan(summary["cost_per_additional_outcome"])
