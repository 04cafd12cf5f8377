"""A mixed cohort without zigzag: strata that keep the mean difficulty the slider's, and
random numbers that do not change when a citizen is added (issue 16, item 2)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special, stats

from sib_model import Scenario, evaluate
from sib_model.cohort import (
    CohortOutcomes,
    binomial_quantile,
    parked_counts,
    strata_sizes,
)
from sib_model.contract import settle
from sib_model.summary import summarise
from sib_model.targeting import (
    N_STRATA,
    counterfactual_probability_at,
    saving_tilt_at,
    strata_difficulties,
)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 10_000), st.floats(0.3, 0.7), st.floats(0.01, 0.2))
def test_every_cohorts_mean_difficulty_is_the_sliders(cohort, difficulty, spread):
    """Citizen j of 10 used to sit in stratum 9j // 10: mean 0.456 for 0.5 (issue 16)."""
    s = Scenario(cohort_size=cohort, difficulty=difficulty, difficulty_spread=spread)
    sizes = strata_sizes(cohort, N_STRATA)
    assert sizes.sum() == cohort
    assert sizes.max() - sizes.min() <= 1
    mean = float(np.dot(sizes, strata_difficulties(s)) / cohort)
    assert mean == pytest.approx(difficulty, abs=1e-12)


def test_ten_citizens_with_the_widest_spread_are_centred():
    s = Scenario(cohort_size=10, difficulty_spread=0.5, evidence_strength=np.inf)
    centres = strata_difficulties(s)
    sizes = strata_sizes(10, N_STRATA)
    assert float(np.dot(sizes, centres)) / 10 == pytest.approx(0.5)
    exact = float(np.dot(sizes, counterfactual_probability_at(s, centres)))
    assert evaluate(s).summary["expected_counterfactual_outcomes"] == pytest.approx(exact)


@pytest.mark.parametrize("trials", [0, 1, 7, 64, 65, 400, 5_000])
@pytest.mark.parametrize("p", [0.0, 0.03, 0.4, 0.5, 0.93, 1.0])
def test_the_binomial_quantile_is_scipys(trials, p):
    # Off the exact ties (u = F(k) exactly, e.g. 0.5 for p = 0.5), which have probability 0.
    u = np.linspace(0.0005, 0.9995, 401) + 1e-9 * np.pi
    expected = stats.binom.ppf(u, trials, p)
    np.testing.assert_array_equal(binomial_quantile(u, trials, p), expected)


def test_parking_rounds_by_a_futures_own_uniform_not_half_to_even():
    uniforms = np.linspace(0.0, 1.0, 1000, endpoint=False)
    parked = parked_counts(np.full(1000, 10.0), 0.05, uniforms)
    assert set(parked.tolist()) == {0.0, 1.0}
    assert parked.mean() == pytest.approx(0.5)


def _independent_reference(s: Scenario, futures: int) -> dict:
    """numpy's own beta and binomial generators, stratum by stratum: the same model drawn
    another way, 100,000 futures."""
    rng = np.random.default_rng(11)
    centres = strata_difficulties(s)
    sizes = strata_sizes(s.cohort_size, centres.size)
    kappa, p = s.evidence_strength, s.success_probability
    theta = rng.beta(kappa * p, kappa * (1 - p), futures)
    rates = special.expit(
        special.logit(theta)[:, None] - s.difficulty_slope * (centres - s.difficulty)[None, :]
    )
    successes = rng.binomial(sizes[None, :], rates).astype(float)
    c = counterfactual_probability_at(s, centres)
    additional = successes - sizes * c
    starters = np.full(futures, float(s.cohort_size))
    saving = additional @ saving_tilt_at(s, centres)
    cohort = CohortOutcomes(
        np.full(futures, 1.0 / futures),
        starters,
        starters,
        np.zeros(futures),
        successes.sum(axis=1),
        np.full(futures, float(sizes @ c)),
        successes.sum(axis=1),
        saving,
        s.municipal_share_of_savings * saving,
    )
    return summarise(settle(s, cohort), cohort.probability, futures)


def test_adjacent_mixed_cohorts_move_only_as_much_as_a_citizen_does():
    """1,000 / 1,001 / 1,002 citizens with spread 0.3 gave IRR 31.7 / 33.1 / 30.0 % and
    P(loss) 7.6 / 6.2 / 11.0 % (futures redrawn for every size); now each agrees with an
    independent 100,000-future reference and a citizen moves the IRR by hundredths of a
    point."""
    cohorts = (1_000, 1_001, 1_002)
    results = [evaluate(Scenario(cohort_size=n, difficulty_spread=0.3)) for n in cohorts]
    irr = np.array([r.summary["expected_investor_irr"] for r in results])
    loss = np.array([r.summary["probability_of_loss"] for r in results])
    assert np.abs(np.diff(irr)).max() < 0.0005
    assert np.abs(np.diff(loss)).max() < 0.005
    reference = _independent_reference(Scenario(cohort_size=1_000, difficulty_spread=0.3), 100_000)
    error = np.hypot(
        results[0].summary["investor_irr_standard_error"],
        reference["investor_irr_standard_error"],
    )
    assert abs(irr[0] - reference["expected_investor_irr"]) < 4 * error
    assert abs(loss[0] - reference["probability_of_loss"]) < 0.015
    assert results[0].summary["expected_outcomes"] == pytest.approx(
        reference["expected_outcomes"], rel=0.005
    )


def test_a_mixed_cohorts_cost_does_not_grow_with_the_cohort():
    """Citizens are counted per stratum: 10,000 citizens use the same 4,000 futures."""
    small = evaluate(Scenario(cohort_size=50, difficulty_spread=0.2))
    large = evaluate(Scenario(cohort_size=10_000, difficulty_spread=0.2))
    assert small.n_simulations == large.n_simulations
