"""The model against exact results: scipy's distributions and hand-worked cash flows."""

import math

import numpy as np
import numpy_financial as npf
import pytest
from scipy import stats

from sib_model import Scenario, simulate
from sib_model.contract import settle
from sib_model.outcomes import CommonUniforms, common_outcomes, draw_outcomes

N_LARGE = 200_000


def _exact_outcome_pmf(s: Scenario) -> np.ndarray:
    """P(S = k) for a full referral (n = cohort) from scipy's beta-binomial / binomial."""
    k = np.arange(s.cohort_size + 1)
    if math.isinf(s.evidence_strength):
        return stats.binom.pmf(k, s.cohort_size, s.success_probability)
    kappa, p = s.evidence_strength, s.success_probability
    return stats.betabinom.pmf(k, s.cohort_size, kappa * p, kappa * (1 - p))


def _chi_square_p_value(observed: np.ndarray, expected_pmf: np.ndarray) -> float:
    """Chi-square goodness of fit, pooling the sparse tails so every cell expects ≥ 5."""
    n = observed.sum()
    expected = expected_pmf * n
    cells_obs, cells_exp, acc_o, acc_e = [], [], 0.0, 0.0
    for o, e in zip(observed, expected):
        acc_o, acc_e = acc_o + o, acc_e + e
        if acc_e >= 5:
            cells_obs.append(acc_o)
            cells_exp.append(acc_e)
            acc_o = acc_e = 0.0
    cells_obs[-1] += acc_o
    cells_exp[-1] += acc_e
    return stats.chisquare(cells_obs, cells_exp).pvalue


@pytest.mark.parametrize("evidence_strength", [math.inf, 50.0, 5.0])
def test_simulated_outcomes_follow_scipys_binomial_and_beta_binomial(evidence_strength):
    s = Scenario(cohort_size=60, success_probability=0.35, evidence_strength=evidence_strength)
    draws = draw_outcomes(s, N_LARGE, seed=11)
    observed = np.bincount(draws.outcomes, minlength=s.cohort_size + 1)
    assert _chi_square_p_value(observed, _exact_outcome_pmf(s)) > 1e-4


@pytest.mark.parametrize("route", ["table", "quantiles"])
@pytest.mark.parametrize("evidence_strength", [math.inf, 30.0])
def test_common_random_number_sampler_has_the_same_exact_distribution(
        evidence_strength, route, monkeypatch):
    if route == "quantiles":  # the route large cohorts take: θ's and S's quantile functions
        monkeypatch.setattr("sib_model.outcomes._TABLE_BUDGET", 0)
    s = Scenario(cohort_size=40, referral_rate=0.7, success_probability=0.45,
                 evidence_strength=evidence_strength)
    starters, outcomes = common_outcomes(s, CommonUniforms.draw(N_LARGE, seed=5))
    observed_n = np.bincount(starters, minlength=41)
    assert _chi_square_p_value(observed_n, stats.binom.pmf(np.arange(41), 40, 0.7)) > 1e-4
    # Outcomes among draws with exactly 28 starters are beta-binomial(28, ·).
    sub = outcomes[starters == 28]
    k = np.arange(29)
    pmf = (stats.binom.pmf(k, 28, 0.45) if math.isinf(evidence_strength)
           else stats.betabinom.pmf(k, 28, 30 * 0.45, 30 * 0.55))
    assert _chi_square_p_value(np.bincount(sub, minlength=29), pmf) > 1e-4


def test_referral_shortfall_makes_starters_binomial():
    s = Scenario(cohort_size=10, referral_rate=0.6)
    draws = draw_outcomes(s, N_LARGE, seed=2)
    observed = np.bincount(draws.starters, minlength=11)
    assert _chi_square_p_value(observed, stats.binom.pmf(np.arange(11), 10, 0.6)) > 1e-4


def _exact_expected_payment(s: Scenario) -> float:
    """E[P] from the pmf: threshold, above-baseline payable outcomes and cap, by hand."""
    pmf = _exact_outcome_pmf(s)
    k = np.arange(s.cohort_size + 1, dtype=float)
    n = s.cohort_size
    baseline = s.contract_baseline
    payable = np.maximum(0.0, k - n * baseline) if s.payment_basis == "above_baseline" else k
    paid = np.where(k / n >= s.success_threshold, payable * s.price_per_outcome, 0.0)
    return float(pmf @ np.minimum(paid, s.payment_cap or np.inf))


@pytest.mark.parametrize("terms", [
    dict(),
    dict(success_threshold=0.4),
    dict(payment_cap=7_000_000.0),
    dict(payment_basis="above_baseline", contract_baseline=0.2, price_per_outcome=320_000.0),
    dict(payment_basis="above_baseline", contract_baseline=0.1, success_threshold=0.35,
         payment_cap=6_000_000.0),
])
def test_expected_payment_matches_the_exact_pmf_with_threshold_cap_and_baseline(terms):
    s = Scenario(**terms)
    exact = _exact_expected_payment(s)
    result = simulate(s, N_LARGE, seed=3)
    standard_error = result.draws["payment"].std() / math.sqrt(N_LARGE)
    assert abs(result.summary["expected_payment"] - exact) < 4 * standard_error + 1.0


def test_deadweight_share_is_counterfactual_over_success_rate_for_a_full_referral():
    s = Scenario(evidence_strength=math.inf)
    summary = simulate(s, N_LARGE, seed=4).summary
    # E[n·c] / E[S] = c / p at the reference group: 0.15 / 0.40.
    assert summary["deadweight_share"] == pytest.approx(0.15 / 0.40, rel=0.01)
    assert summary["cost_per_additional_outcome"] == pytest.approx(
        summary["expected_payment"] / summary["expected_additional_outcomes"])


def test_hand_worked_cash_flows_and_irr_of_the_default_contract():
    """Defaults, 40 of 100 succeed: paid 40 × 200,000 = 8m over years 1–3 (lag 1); capital
    1m at year 0 plus 6m delivery over years 0–2. Investor flows, year by year:
    −1m − 2m, −2m + 8m/3, −2m + 8m/3, +8m/3."""
    s = Scenario()
    settled = settle(s, 100, 40)
    flows = [-3_000_000, -2_000_000 + 8e6 / 3, -2_000_000 + 8e6 / 3, 8e6 / 3]
    assert float(settled.payment) == 8_000_000
    assert float(settled.capital) == 7_000_000
    assert float(settled.investor_moic) == pytest.approx(8 / 7)
    assert float(settled.investor_irr) == pytest.approx(npf.irr(flows), abs=1e-9)
    assert float(settled.investor_irr) == pytest.approx(0.12380, abs=1e-5)
    # Commissioner: pays 8m/3 in years 1..3 at 3 %; saves 25 additional × 500k × ½, same years.
    factor = sum(1.03 ** -t for t in (1, 2, 3)) / 3
    assert float(settled.commissioner_payment_pv) == pytest.approx(8e6 * factor)
    assert float(settled.commissioner_net) == pytest.approx((25 * 250_000 - 8e6) * factor)
    conventional = 1e6 + 6e6 * sum(1.03 ** -t for t in (0, 1, 2)) / 3
    assert float(settled.conventional_cost_pv) == pytest.approx(conventional)
    assert float(settled.society_net) == pytest.approx(25 * 500_000 * factor - conventional)


def test_nothing_paid_is_a_total_loss_of_minus_100_percent():
    settled = settle(Scenario(success_threshold=0.5), 100, 49)
    assert float(settled.payment) == 0.0
    assert float(settled.investor_irr) == -1.0
    assert float(settled.investor_moic) == 0.0


def test_provider_fee_at_risk_is_repaid_pro_rata():
    s = Scenario(provider_fee_at_risk=0.5)
    settled = settle(s, 100, 40)
    # Provider funds half of 6m delivery = 3m of 7m capital, so gets 3/7 of the 8m payment.
    assert float(settled.provider_capital) == 3_000_000
    assert float(settled.provider_payment) == pytest.approx(8e6 * 3 / 7)
    assert float(settled.provider_net) == pytest.approx(8e6 * 3 / 7 - 3e6)


def test_vectorised_irr_equals_numpy_financial_on_simulated_cash_flows():
    from sib_model import irr
    from sib_model.contract import investor_cash_flows
    rng = np.random.default_rng(8)
    s = Scenario(payment_lag_years=2, duration_years=4)
    delivery = rng.uniform(1e6, 1e7, 2_000)
    payment = rng.uniform(1e5, 3e7, 2_000)
    flows = investor_cash_flows(s, delivery, payment)
    reference = np.array([npf.irr(row) for row in flows])
    np.testing.assert_allclose(irr(flows), reference, atol=1e-6)


@pytest.mark.parametrize("flows", [[-100, 39, 59, 55, 20], [-100, 0, 0, 74], [-100, 100, 0, 7],
                                   [0, -5, 2, 2, 2], [-1, 0, 0, 0, 0, 0, 1e6]])
def test_irr_matches_numpy_financials_documented_examples(flows):
    from sib_model import irr
    assert irr(flows) == pytest.approx(npf.irr(flows), abs=1e-9)


def test_irr_of_flows_without_a_change_of_sign_is_nan():
    from sib_model import irr
    assert math.isnan(irr([-1, -2, -3]))
    assert np.isnan(irr([[1, 2, 3], [0, 0, 0]])).all()
