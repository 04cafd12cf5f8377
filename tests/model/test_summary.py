"""The typed summary: named statistics, percentiles as numpy computes them, honest ratios."""

import math
import typing

import numpy as np
import pytest

from sib_model import Scenario, Summary, evaluate, simulate
from sib_model.summary import SUMMARY_KEYS


def test_summary_holds_the_statistics_the_pages_need():
    summary = simulate(Scenario(), 2_000, seed=1).summary
    for key in [
        "expected_starters",
        "expected_outcomes",
        "expected_additional_outcomes",
        "deadweight_share",
        "expected_payment",
        "expected_capital",
        "expected_investor_moic",
        "expected_investor_irr",
        "median_investor_irr",
        "probability_of_loss",
        "probability_of_total_loss",
        "expected_commissioner_net",
        "cost_per_additional_outcome",
        "conventional_cost",
        "expected_society_net",
        "investor_irr_p05",
        "investor_irr_p95",
        "commissioner_net_p50",
        "group_success_probability",
        "expected_guarantor_payment",
        "probability_guarantor_pays",
    ]:
        assert key in summary
        assert isinstance(summary[key], float)


def test_summary_has_exactly_the_declared_keys():
    summary = evaluate(Scenario()).summary
    assert tuple(summary) == SUMMARY_KEYS == tuple(typing.get_type_hints(Summary))


def test_summary_percentiles_equal_numpys_over_every_draw():
    result = simulate(Scenario(referral_rate=0.8), 5_000, seed=9)
    irr = result.draws["investor_irr"].to_numpy()
    for p in (5, 25, 50, 75, 95):
        assert result.summary[f"investor_irr_p{p:02d}"] == pytest.approx(
            np.percentile(irr, p, method="inverted_cdf")
        )
    assert result.summary["expected_payment"] == pytest.approx(result.draws["payment"].mean())
    assert result.summary["probability_of_loss"] == pytest.approx(
        (result.draws["investor_moic"] < 1).mean()
    )


def test_cost_per_additional_outcome_is_undefined_when_nothing_is_additional():
    s = Scenario(success_probability=0.2, counterfactual_probability=0.2)
    assert math.isnan(evaluate(s).summary["cost_per_additional_outcome"])


def test_deadweight_share_never_exceeds_all_of_the_outcomes():
    """A programme that does harm (40 % would succeed anyway, 5 % do with it) still has at
    most 100 % deadweight: a share of the outcomes, not a ratio that runs away."""
    summary = evaluate(Scenario(success_probability=0.05, counterfactual_probability=0.40)).summary
    assert summary["expected_counterfactual_outcomes"] > summary["expected_outcomes"]
    assert summary["deadweight_share"] == 1.0


def test_deadweight_share_is_counterfactual_over_success_rate_for_a_full_referral():
    summary = evaluate(Scenario(evidence_strength=math.inf)).summary
    # E[n·c] / E[S] = c / p at the reference group: 0.15 / 0.40.
    assert summary["deadweight_share"] == pytest.approx(0.15 / 0.40, rel=1e-9)
    assert summary["cost_per_additional_outcome"] == pytest.approx(
        summary["expected_payment"] / summary["expected_additional_outcomes"]
    )


def test_exact_figures_carry_no_standard_error_and_sampled_ones_do():
    exact = evaluate(Scenario()).summary
    sampled = evaluate(Scenario(difficulty_spread=0.2)).summary
    assert exact["investor_irr_standard_error"] == 0.0
    assert sampled["investor_irr_standard_error"] > 0.0
