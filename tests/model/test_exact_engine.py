"""The exact engine of a homogeneous cohort: one method for every cohort up to 10,000, so no
figure jumps where a method used to switch (issue 16, item 1).

The truth is the full table of every (starters, outcomes) pair from scipy's binomial and
beta-binomial pmfs, settled pair by pair: no pooling, no quadrature.
"""

import math

import numpy as np
import pytest
from scipy import stats

from sib_model import Scenario, evaluate
from sib_model.cohort import (
    PAIR_BUDGET,
    gauss_rule,
    homogeneous_outcomes,
    outcome_pairs,
    starter_distribution,
)
from sib_model.contract import settle
from sib_model.simulation import group_figures
from sib_model.summary import Summary, summarise
from sib_model.targeting import success_probability_at

#: Tolerances the engine promises against the full table (stated in sib_model/cohort.py and
#: sib_model/distribution.py): expectations and probabilities exact to rounding while every
#: starter count is listed; the mean IRR within 1e-5 (pooled outcome bins); percentiles
#: within 2e-3 (a pooled bin's outcome is its mean).
EXACT = 1e-9
IRR = 1e-5
PERCENTILE = 2e-3
#: Beyond PAIR_BUDGET (large cohorts with a referral shortfall) the starters are a Gauss rule.
QUADRATURE = 2e-4


def truth(s: Scenario) -> Summary:
    """The summary from every pair of the full table."""
    N = s.cohort_size
    n_all = np.arange(N + 1)
    p_n = stats.binom.pmf(n_all, N, s.referral_rate)
    kept = p_n > 1e-18
    n_all, p_n = n_all[kept], p_n[kept]
    sizes = n_all + 1
    row = np.repeat(np.arange(n_all.size), sizes)
    k = np.arange(sizes.sum()) - (np.cumsum(sizes) - sizes)[row]
    n = n_all[row]
    p = float(success_probability_at(s))
    kappa = s.evidence_strength
    if math.isinf(kappa):
        conditional = stats.binom.pmf(k, n, p)
    else:
        conditional = stats.betabinom.pmf(k, n, kappa * p, kappa * (1 - p))
    probability = p_n[row] * conditional
    cohort = homogeneous_outcomes(s, n, k, probability)
    return summarise(settle(s, cohort), probability, 0, group_figures(s))


HEADLINES = (
    "expected_investor_irr",
    "probability_of_loss",
    "expected_commissioner_net",
    "cost_per_additional_outcome",
    "expected_payment",
    "probability_threshold_met",
    "probability_guarantor_pays",
)


def _close(
    figure: str,
    value: float,
    reference: Summary,
    tolerance: float,
    irr: float = IRR,
) -> bool:
    """Within tolerance: IRR and probabilities absolutely; money relative to the money that
    changes hands (a net near zero is a difference of two large sums)."""
    exact = reference[figure]  # type: ignore[literal-required]
    if figure == "expected_investor_irr":
        return abs(value - exact) <= irr
    if figure.startswith("probability"):
        return abs(value - exact) <= tolerance
    scale = max(1.0, abs(exact), reference["expected_payment"])
    return abs(value - exact) <= tolerance * scale


# The reproductions of issue 16: referral 0.5 at 469/470/471 and referral 0.8 at 405/406 and
# 730/731 used to switch between Monte Carlo and the exact table.
SWITCH_POINTS = [(0.5, (469, 470, 471)), (0.8, (405, 406)), (0.8, (730, 731))]


@pytest.mark.parametrize(("referral", "cohorts"), SWITCH_POINTS)
@pytest.mark.parametrize(
    "terms",
    [dict(), dict(success_threshold=0.3, payment_cap=40_000_000.0, guarantee_share=0.5)],
    ids=["defaults", "threshold_cap_guarantee"],
)
def test_adjacent_cohorts_at_every_former_switch_point_move_only_as_the_truth_does(
    referral, cohorts, terms
):
    """Each figure equals the full table's within the stated tolerance, so a step from one
    cohort to the next moves a figure by the true change plus at most twice that."""
    model = [evaluate(Scenario(cohort_size=n, referral_rate=referral, **terms)) for n in cohorts]
    exact = [truth(Scenario(cohort_size=n, referral_rate=referral, **terms)) for n in cohorts]
    for result in model:
        assert result.method == "exact"
    for figure in HEADLINES:
        for result, reference in zip(model, exact, strict=True):
            assert _close(figure, result.summary[figure], reference, EXACT), figure
        for step in range(len(cohorts) - 1):
            moved = model[step + 1].summary[figure] - model[step].summary[figure]
            true_move = exact[step + 1][figure] - exact[step][figure]
            scale = max(1.0, abs(exact[step][figure]), exact[step]["expected_payment"])
            slack = 2 * (IRR if figure == "expected_investor_irr" else EXACT * scale)
            assert abs(moved - true_move) <= slack, figure
        for result, reference in zip(model, exact, strict=True):
            assert abs(
                result.summary["median_investor_irr"] - reference["median_investor_irr"]
            ) <= (PERCENTILE)


def test_the_municipalitys_net_falls_as_a_citizen_is_added_as_it_truly_does():
    """At referral 0.8 adding the 406th citizen raised the municipality's net (a method
    switch); now it moves the way the exact table moves."""
    nets = [evaluate(Scenario(cohort_size=n, referral_rate=0.8)).summary for n in (404, 405, 406)]
    steps = np.diff([net["expected_commissioner_net"] for net in nets])
    assert (steps < 0).all()


def test_a_large_cohort_with_a_referral_shortfall_uses_the_gauss_rule_and_stays_within_it():
    s = Scenario(cohort_size=4_000, referral_rate=0.5, success_threshold=0.3)
    starters, _ = starter_distribution(s, 1_000.0)
    assert starters.size < 60  # the rule, not every number of starters
    result, reference = evaluate(s).summary, truth(s)
    for figure in HEADLINES:
        assert _close(figure, result[figure], reference, QUADRATURE, 1e-4), figure


def test_every_pair_is_listed_while_the_table_fits_the_budget():
    s = Scenario(cohort_size=1_000, referral_rate=0.8)
    pairs = outcome_pairs(s)
    n = np.arange(1_001)
    possible = n[stats.binom.pmf(n, 1_000, 0.8) > 1e-12]
    assert set(possible.tolist()) <= set(pairs.starters.tolist())
    assert pairs.probability.size <= PAIR_BUDGET


def test_the_gauss_rule_integrates_polynomials_of_its_degree_exactly():
    x = np.arange(200, dtype=float)
    w = stats.binom.pmf(x, 400, 0.5)
    nodes, weights = gauss_rule(x, w, 6)
    assert (weights > 0).all()
    for degree in range(12):
        z = (x - 200) / 10
        assert np.dot(weights, ((nodes - 200) / 10) ** degree) == pytest.approx(
            np.dot(w, z**degree), rel=1e-9, abs=1e-9
        )


@pytest.mark.parametrize("referral", [1.0, 0.9, 0.5])
def test_a_cohort_of_ten_thousand_is_exact_and_sums_to_one(referral):
    s = Scenario(cohort_size=10_000, referral_rate=referral)
    result = evaluate(s)
    assert result.method == "exact"
    assert result.distribution["probability"].sum() == pytest.approx(1.0, abs=1e-12)
    assert result.summary["expected_starters"] == pytest.approx(10_000 * referral, rel=1e-9)


@pytest.mark.parametrize("step", [0.002])
def test_a_slider_step_moves_the_figures_smoothly_at_a_large_cohort(step):
    """Success probability 0.400 → 0.402 → 0.404 at cohort 2,000 and referral 0.7: the
    second difference of each headline figure is small next to the first (no kinks)."""
    summaries = [
        evaluate(
            Scenario(cohort_size=2_000, referral_rate=0.7, success_probability=0.4 + i * step)
        ).summary
        for i in range(3)
    ]
    for figure in ("expected_investor_irr", "probability_of_loss", "expected_commissioner_net"):
        values = np.array([summary[figure] for summary in summaries])
        first, second = np.diff(values), np.diff(values, 2)
        assert abs(second[0]) < 0.1 * abs(first).max(), figure
