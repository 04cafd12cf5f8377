"""``evaluate`` (exact, or fixed common random numbers) and ``simulate`` (seeded draws) tell
the same story, and every analysis shows one scenario's one true number."""

import math

import numpy as np
import pandas as pd
import pytest

from sib_model import Scenario, creaming_frontier, evaluate, parking_frontier, sensitivity, simulate

from ._reference import pair_pmf

N_LARGE = 200_000


def test_default_scenario_gives_the_plausible_picture_of_the_design():
    summary = evaluate(Scenario()).summary
    assert 0.01 <= summary["expected_investor_irr"] <= 0.20  # Brookings: about 1–20 %
    assert 0.18 <= summary["probability_of_loss"] <= 0.33  # about one in four
    assert summary["deadweight_share"] == pytest.approx(0.375, abs=0.01)
    assert summary["expected_commissioner_net"] < 0 < summary["expected_society_net"]


def test_draws_table_has_one_row_per_simulated_contract():
    draws = simulate(Scenario(), 1_234, seed=3).draws
    assert len(draws) == 1_234
    for column in [
        "starters",
        "outcomes",
        "additional_outcomes",
        "payment",
        "capital",
        "investor_irr",
        "investor_moic",
        "commissioner_net",
        "true_success_rate",
    ]:
        assert column in draws


def test_a_mixed_cohort_is_simulated_with_exactly_the_draws_asked_for():
    result = simulate(Scenario(difficulty_spread=0.2, cohort_size=30), 700, seed=2)
    assert len(result.draws) == 700
    assert result.n_simulations == 700


@pytest.mark.parametrize("n", [0, -1, 10_000_001, 2.5, True])
def test_simulate_refuses_a_number_of_draws_that_is_no_count(n):
    with pytest.raises(ValueError, match="n_simulations"):
        simulate(Scenario(), n)


def test_evaluate_and_simulate_refuse_anything_but_a_scenario():
    with pytest.raises(TypeError, match="Scenario"):
        evaluate({"cohort_size": 10})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Scenario"):
        simulate({"cohort_size": 10})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "terms",
    [
        dict(),
        dict(referral_rate=0.6),
        dict(evidence_strength=math.inf),
        dict(success_threshold=0.4),
        dict(payment_cap=7_000_000.0),
        dict(payment_basis="above_baseline", contract_baseline=0.2, price_per_outcome=320_000.0),
    ],
    ids=["default", "referral", "known", "threshold", "cap", "above_baseline"],
)
def test_evaluate_equals_a_large_simulation_within_monte_carlo_error(terms):
    s = Scenario(**terms)
    exact = evaluate(s)
    assert exact.method == "exact"
    drawn = simulate(s, N_LARGE, seed=3)
    draws = drawn.draws
    for name in ("payment", "outcomes", "investor_irr", "commissioner_net", "investor_moic"):
        error = draws[name].std() / math.sqrt(N_LARGE)
        # Four standard errors: a correct model fails one comparison with probability 6e-5.
        assert abs(exact.summary[f"expected_{name}"] - draws[name].mean()) <= 4 * error + 1e-9
    loss = (draws["investor_moic"] < 1).mean()
    assert (
        abs(exact.summary["probability_of_loss"] - loss)
        <= 4 * math.sqrt(loss * (1 - loss) / N_LARGE) + 1e-9
    )


@pytest.mark.parametrize(
    "terms",
    [
        dict(cohort_size=30),
        dict(cohort_size=30, referral_rate=0.7, success_threshold=0.45),
        dict(cohort_size=30, payment_cap=1_500_000.0, evidence_strength=math.inf),
        dict(
            cohort_size=30,
            payment_basis="above_baseline",
            contract_baseline=0.1,
            success_threshold=0.35,
            payment_cap=1_800_000.0,
            referral_rate=0.8,
        ),
    ],
)
def test_expected_payment_is_exactly_the_pmfs_with_threshold_cap_and_baseline(terms):
    """E[P] = Σ P(n, k) · min(cap, price · payable(n, k)) · [k/n ≥ threshold], over every
    pair from scipy's binomial × beta-binomial pmfs, by hand."""
    s = Scenario(**terms)
    n, k, p = pair_pmf(s)
    baseline = s.contract_baseline or 0.0
    payable = np.maximum(0.0, k - n * baseline) if s.payment_basis == "above_baseline" else k
    with np.errstate(invalid="ignore", divide="ignore"):
        met = (n > 0) & (k / np.where(n > 0, n, 1) >= s.success_threshold)
    paid = np.minimum(
        np.where(met, payable * s.price_per_outcome, 0.0),
        s.payment_cap if s.payment_cap is not None else np.inf,
    )
    summary = evaluate(s).summary
    assert summary["expected_payment"] == pytest.approx(p @ paid, rel=1e-9)
    assert summary["probability_threshold_met"] == pytest.approx(p @ met, rel=1e-9)
    assert summary["expected_starters"] == pytest.approx(s.cohort_size * s.referral_rate)


def _same(first: dict, second: pd.Series | dict) -> None:
    """Every figure of the summary equal, NaN equal to NaN."""
    for name, value in first.items():
        other = second[name]
        assert (value == other) or (math.isnan(value) and math.isnan(other)), name


@pytest.mark.parametrize(
    "s",
    [
        Scenario(difficulty=0.37, parked_share=0.0),  # exact
        Scenario(difficulty=0.43, difficulty_spread=0.2, parked_share=0.15),  # Monte Carlo
    ],
    ids=["exact", "monte_carlo"],
)
def test_one_scenario_has_one_true_number_on_every_page(s):
    """evaluate, the creaming frontier at its own difficulty, the parking frontier at its own
    parked share and the sensitivity's base all show the very same figures."""
    result = evaluate(s)
    summary = result.summary
    creaming = creaming_frontier(s, n_points=5).at(s.difficulty)
    _same(summary, creaming)
    parking = parking_frontier(s, n_points=5).table
    _same(summary, parking[parking["parked_share"] == s.parked_share].iloc[0])
    metrics = ("expected_investor_irr", "expected_commissioner_net", "deadweight_share")
    table = sensitivity(s, metrics=metrics)
    for metric in metrics:
        assert (table.loc[table["metric"] == metric, "base_result"] == summary[metric]).all()
    if s.difficulty_spread > 0:
        assert result.method == "monte_carlo"


@pytest.mark.parametrize("s", [Scenario(), Scenario(difficulty_spread=0.3, cohort_size=40)])
def test_the_same_seed_gives_the_same_draws_and_another_seed_others(s):
    first = simulate(s, 300, seed=1).draws
    assert first.equals(simulate(s, 300, seed=1).draws)
    # A generator seeded alike is the same seed.
    assert first.equals(simulate(s, 300, seed=np.random.default_rng(1)).draws)
    assert not first.equals(simulate(s, 300, seed=2).draws)


def test_cash_flows_add_up_to_the_expected_totals():
    s = Scenario(guarantee_share=0.3, provider_fee_at_risk=0.2)
    result = evaluate(s)
    flows, summary = result.cash_flows, result.summary
    assert flows["commissioner_payment"].sum() == pytest.approx(-summary["expected_payment"])
    assert flows["guarantor"].sum() == pytest.approx(-summary["expected_guarantor_payment"])
    assert flows["investor"].sum() == pytest.approx(summary["expected_investor_profit"])
    assert flows["provider"].sum() == pytest.approx(summary["expected_provider_net"])
