"""Settling a contract: hand-worked cash flows, caps, the return cap, the guarantee and
when savings arrive."""

import math

import numpy as np
import numpy_financial as npf
import pytest
from scipy import stats

from sib_model import Scenario, evaluate
from sib_model.contract import investor_cash_flows, year_weights
from tests.model.settling import settle_one


def test_hand_worked_cash_flows_and_irr_of_the_default_contract():
    """Defaults, 40 of 100 succeed: paid 40 × 200,000 = 8m over years 1–3 (lag 1); capital
    1m at year 0 plus 6m delivery over years 0–2. Investor flows, year by year:
    −1m − 2m, −2m + 8m/3, −2m + 8m/3, +8m/3."""
    s = Scenario()
    settled = settle_one(s, 100, 40)
    flows = [-3_000_000, -2_000_000 + 8e6 / 3, -2_000_000 + 8e6 / 3, 8e6 / 3]
    assert float(settled.payment) == 8_000_000
    assert float(settled.capital) == 7_000_000
    assert float(settled.investor_moic) == pytest.approx(8 / 7)
    assert float(settled.investor_irr) == pytest.approx(npf.irr(flows), abs=1e-9)
    assert float(settled.investor_irr) == pytest.approx(0.12380, abs=1e-5)
    # Commissioner: pays 8m/3 in years 1..3 at 3 %; saves 25 additional × 500k × ½, same years.
    factor = sum(1.03**-t for t in (1, 2, 3)) / 3
    assert float(settled.commissioner_payment_pv) == pytest.approx(8e6 * factor)
    assert float(settled.commissioner_net) == pytest.approx((25 * 250_000 - 8e6) * factor)
    conventional = 1e6 + 6e6 * sum(1.03**-t for t in (0, 1, 2)) / 3
    assert float(settled.conventional_cost_pv) == pytest.approx(conventional)
    assert float(settled.society_net) == pytest.approx(25 * 500_000 * factor - conventional)


def test_nothing_paid_is_a_total_loss_of_minus_100_percent():
    settled = settle_one(Scenario(success_threshold=0.5), 100, 49)
    assert float(settled.payment) == 0.0
    assert float(settled.investor_irr) == -1.0
    assert float(settled.investor_moic) == 0.0


def test_exactly_at_the_threshold_is_paid():
    settled = settle_one(Scenario(success_threshold=0.3), 10, 3)  # 3 / 10 == 0.3 in spirit
    assert bool(settled.threshold_met)
    assert float(settled.payment) == 600_000


def test_provider_fee_at_risk_is_repaid_pro_rata():
    s = Scenario(provider_fee_at_risk=0.5)
    settled = settle_one(s, 100, 40)
    # Provider funds half of 6m delivery = 3m of 7m capital, so gets 3/7 of the 8m payment.
    assert float(settled.provider_capital) == 3_000_000
    assert float(settled.provider_payment) == pytest.approx(8e6 * 3 / 7)
    assert float(settled.provider_net) == pytest.approx(8e6 * 3 / 7 - 3e6)


def test_payments_above_the_investors_return_cap_are_not_made():
    # 60 of 100 would be paid 12m on 7m of capital: 1.71×; the cap is 1.2× = 8.4m.
    settled = settle_one(Scenario(investor_return_cap=1.2), 100, 60)
    assert float(settled.payment) == pytest.approx(8_400_000)
    assert bool(settled.return_capped)
    assert float(settled.investor_moic) == pytest.approx(1.2)
    below = settle_one(Scenario(investor_return_cap=1.2), 100, 40)
    assert float(below.payment) == 8_000_000
    assert not bool(below.return_capped)


def test_a_guarantee_covers_the_investors_loss_up_to_its_share_of_the_capital():
    s = Scenario(guarantee_share=0.2)  # up to 1.4m of the 7m capital
    small_loss = settle_one(s, 100, 30)  # paid 6m: a 1m shortfall, covered in full
    assert float(small_loss.guarantor_payment) == pytest.approx(1_000_000)
    assert float(small_loss.investor_received) == pytest.approx(7_000_000)
    assert float(small_loss.investor_moic) == pytest.approx(1.0)
    assert float(small_loss.investor_moic_unguaranteed) == pytest.approx(6 / 7)
    big_loss = settle_one(s, 100, 10)  # paid 2m: 5m short, 1.4m covered
    assert float(big_loss.guarantor_payment) == pytest.approx(1_400_000)
    # The guarantee is paid in the last payment year, year 3.
    flows = investor_cash_flows(s, 6e6, 2e6, 1.4e6)
    assert flows[3] == pytest.approx(2e6 / 3 + 1.4e6)
    assert float(big_loss.investor_irr) == pytest.approx(npf.irr(flows), abs=1e-9)


@pytest.mark.parametrize("share", [0.1, 0.3, 1.0])
def test_the_guarantors_expected_cost_matches_the_binomial_reference(share):
    """κ = ∞, 20 citizens who all start: outcomes ~ Binomial(20, 0.4) exactly. The investor
    puts in 1m + 20 × 60k = 2.2m and is paid 200k per outcome; the guarantor pays
    min(max(0, 2.2m − 200k·S), share × 2.2m)."""
    s = Scenario(cohort_size=20, evidence_strength=math.inf, guarantee_share=share)
    k = np.arange(21)
    pmf = stats.binom.pmf(k, 20, 0.4)
    capital = 1_000_000 + 20 * 60_000
    guarantee = np.minimum(np.maximum(0.0, capital - 200_000 * k), share * capital)
    summary = evaluate(s).summary
    assert summary["expected_guarantor_payment"] == pytest.approx(pmf @ guarantee, rel=1e-9)
    assert summary["probability_guarantor_pays"] == pytest.approx(pmf[k < 11].sum(), rel=1e-9)
    received = 200_000 * k + guarantee
    assert summary["expected_investor_moic"] == pytest.approx(pmf @ received / capital, rel=1e-9)
    assert summary["expected_investor_moic_unguaranteed"] == pytest.approx(
        pmf @ (200_000 * k) / capital, rel=1e-9
    )


def test_one_years_savings_fall_in_the_payment_years():
    delivery, payment, savings, _ = year_weights(Scenario())
    np.testing.assert_allclose(savings, payment)
    np.testing.assert_allclose(delivery, [1 / 3, 1 / 3, 1 / 3, 0])


def test_savings_spread_over_savings_years_by_hand():
    """One year of delivery, paid a year later; each outcome saves over three years from
    then: years 1, 2, 3 get a third each. 10 start, 5 succeed, 1.5 would anyway: 3.5
    additional × 500k, discounted at 3 %."""
    s = Scenario(cohort_size=10, duration_years=1, savings_years=3)
    _, payment, savings, _ = year_weights(s)
    np.testing.assert_allclose(payment, [0, 1, 0, 0])
    np.testing.assert_allclose(savings, [0, 1 / 3, 1 / 3, 1 / 3])
    settled = settle_one(s, 10, 5)
    factor = (1.03**-1 + 1.03**-2 + 1.03**-3) / 3
    assert float(settled.public_saving_pv) == pytest.approx(3.5 * 500_000 * factor)
    assert float(settled.commissioner_saving_pv) == pytest.approx(3.5 * 250_000 * factor)
    assert float(settled.commissioner_payment_pv) == pytest.approx(5 * 200_000 / 1.03)


def test_two_years_of_payments_each_saving_over_two_years_overlap():
    """Paid in years 1 and 2 (half each); each half saves over two years: years 1, 2, 3
    receive ¼, ½, ¼ of the saving."""
    _, payment, savings, _ = year_weights(Scenario(duration_years=2, savings_years=2))
    np.testing.assert_allclose(payment, [0, 0.5, 0.5, 0])
    np.testing.assert_allclose(savings, [0, 0.25, 0.5, 0.25])


def test_later_savings_show_the_gap_between_repaying_investors_and_saving():
    """The Aarhus problem: with savings over six years the municipality's own cash flow is
    negative in the payment years and positive after them."""
    flows = evaluate(Scenario(savings_years=6)).cash_flows
    assert len(flows) == 3 + 1 + 6 - 1
    net = flows["commissioner_net"].to_numpy()
    assert (net[1:4] < 0).all()
    assert (net[4:] > 0).all()
    # Nominal savings are the same however they are spread.
    one_year = evaluate(Scenario()).cash_flows["commissioner_saving"].sum()
    assert flows["commissioner_saving"].sum() == pytest.approx(one_year)
