"""The payoff picture: each party's result against the achieved success rate."""

import pytest

from sib_model import Scenario, payoff_curve


def test_payoff_curve_shows_threshold_and_cap_kinks():
    s = Scenario(success_threshold=0.3, payment_cap=10_000_000)
    curve = payoff_curve(s, n_points=101)
    below = curve[curve["success_rate"] < 0.3]
    assert (below["payment"] == 0).all()
    assert not below["threshold_met"].any()
    assert curve["payment"].max() == 10_000_000
    # The cap binds from 10m / (100 × 200k) = 50 % success.
    assert curve.loc[curve["success_rate"] > 0.5, "payment_capped"].all()
    assert not curve.loc[curve["success_rate"] < 0.5, "payment_capped"].any()


def test_a_guarantee_is_a_floor_under_the_investors_profit():
    # 20 % of the 7m capital is guaranteed: the investor never loses more than 5.6m.
    curve = payoff_curve(Scenario(guarantee_share=0.2), n_points=51)
    assert curve["investor_profit"].min() == pytest.approx(-5_600_000)
    plain = payoff_curve(Scenario(), n_points=51)
    assert plain["investor_profit"].min() == pytest.approx(-7_000_000)


def test_a_return_cap_is_a_ceiling_on_the_investors_money_multiple():
    curve = payoff_curve(Scenario(investor_return_cap=1.3), n_points=51)
    assert curve["investor_moic"].max() == pytest.approx(1.3)


@pytest.mark.parametrize("n_points", [1, 10_002])
def test_payoff_curve_refuses_an_unreasonable_number_of_points(n_points):
    with pytest.raises(ValueError, match="n_points"):
        payoff_curve(Scenario(), n_points=n_points)
