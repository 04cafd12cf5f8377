"""The game's pure rules: who signs a contract, why not, and the red lines' ranges."""

from __future__ import annotations

import math

import pytest

from sib_game.rules import (
    RED_LINE_LIMITS,
    RedLineError,
    RedLines,
    checked_red_lines,
    clean_contract,
    role_figures,
    verdicts,
    verdicts_of_figures,
)
from sib_model import Scenario, evaluate
from sib_model.workspace import SETTINGS

#: Hand-set figures every role's default red lines accept.
OK = {
    "investor_irr": 0.10,
    "probability_of_loss": 0.10,
    "municipality_net": 1.0,
    "cost_per_additional_outcome": 200_000.0,
    "provider_risk": 0.0,
    "served_share": 1.0,
    "state_saving": 1.0,
}
#: 5 % of the starters parked: 95 % served, which the provider's default 90 % accepts.
PARKING = Scenario(parked_share=0.05)


def test_hand_checked_figures_everybody_signs():
    found = verdicts_of_figures(OK, RedLines())
    assert all(v.signs and not v.reasons for v in found.values())


@pytest.mark.parametrize(
    ("change", "role", "reason"),
    [
        ({"investor_irr": 0.04}, "investor", "irr"),
        ({"investor_irr": math.nan}, "investor", "irr"),
        ({"probability_of_loss": 0.30}, "investor", "loss"),
        ({"municipality_net": -1.0}, "municipality", "net"),
        ({"provider_risk": 600_000.0}, "provider", "risk"),
        ({"served_share": 0.8}, "provider", "parked"),
        ({"state_saving": -1.0}, "state", "state_saving"),
    ],
)
def test_one_red_line_crossed(change, role, reason):
    found = verdicts_of_figures({**OK, **change}, RedLines())
    assert found[role].reasons == (reason,)
    assert not found[role].signs
    assert all(v.signs for r, v in found.items() if r != role)


def test_willingness_to_pay_replaces_the_net_test():
    lines = RedLines(willingness_to_pay=150_000.0)
    assert verdicts_of_figures({**OK, "municipality_net": -5.0}, lines)["municipality"].reasons == (
        "wtp",
    )
    lines = RedLines(willingness_to_pay=250_000.0)
    assert verdicts_of_figures({**OK, "municipality_net": -5.0}, lines)["municipality"].signs


def test_the_default_scenario():
    # evaluate(Scenario()): IRR 12 %, P(loss) 26 %, municipal net −1.65 m DKK, no provider
    # money at risk, everybody served, 5.9 m DKK saved outside the municipality.
    found = verdicts(Scenario(), RedLines())
    assert found["investor"].reasons == ("loss",)
    assert found["municipality"].reasons == ("net",)
    assert found["provider"].signs
    assert found["state"].signs
    # All delivery costs funded by the provider: 6 m DKK at risk.
    assert verdicts(Scenario(provider_fee_at_risk=1.0), RedLines())["provider"].reasons == ("risk",)
    # Three times the price: the investor is happy, the municipality is not.
    tripled = Scenario().replace(price_per_outcome=Scenario().price_per_outcome * 3)
    assert verdicts(tripled, RedLines())["investor"].signs


def test_the_investors_default_lines_are_the_deal_space_pages_defaults():
    assert RedLines().target_irr == SETTINGS["deal_target_irr"].default
    assert RedLines().max_loss == SETTINGS["deal_max_loss"].default


def test_clean_contract_keeps_only_levers():
    clean = clean_contract({"price_per_outcome": 1.0, "cohort_size": 5, "evil": 1}, Scenario())
    assert clean["price_per_outcome"] == 1.0
    assert "cohort_size" not in clean


def test_raising_the_served_share_makes_the_provider_refuse_a_parked_contract():
    assert verdicts(PARKING, RedLines())["provider"].signs  # 95 % served ≥ 90 %
    stricter = checked_red_lines({"min_served_share": 0.97})
    assert verdicts(PARKING, stricter)["provider"].reasons == ("parked",)


@pytest.mark.parametrize(
    ("values", "bad"),
    [
        ({"target_irr": 0.31}, ("target_irr",)),
        ({"max_loss": -0.01, "min_served_share": 1.5}, ("max_loss", "min_served_share")),
        ({"max_provider_risk": math.nan}, ("max_provider_risk",)),
        ({"min_state_saving": math.inf}, ("min_state_saving",)),
        ({"willingness_to_pay": "300000"}, ("willingness_to_pay",)),
        ({"target_irr": True}, ("target_irr",)),
        ({"max_loss": None}, ("max_loss",)),
    ],
)
def test_red_lines_outside_their_range_are_named(values, bad):
    with pytest.raises(RedLineError) as error:
        checked_red_lines(values)
    assert error.value.fields == bad


def test_every_red_line_has_a_range():
    assert set(RED_LINE_LIMITS) == set(RedLines.__dataclass_fields__)


def test_red_lines_in_range_and_a_missing_willingness_to_pay():
    lines = checked_red_lines({"target_irr": 0.3, "max_loss": 0, "willingness_to_pay": None})
    assert lines == RedLines(target_irr=0.3, max_loss=0.0, willingness_to_pay=None)
    assert isinstance(lines.max_loss, float)


@pytest.mark.parametrize("payer", ["state", "municipality"])
def test_a_guarantee_is_paid_by_a_party_at_the_table(payer):
    # A full guarantee makes the investor sign; its expected payment falls on the party that
    # stands behind it, in that party's red-line figure (issue 16, item 6).
    plain = Scenario()
    guaranteed = plain.replace(guarantee_share=1.0, guarantee_payer=payer)
    summary = evaluate(guaranteed).summary
    payment = summary["expected_guarantor_payment_pv"]
    assert payment > 100_000
    before, after = role_figures(plain), role_figures(guaranteed)
    if payer == "state":
        assert after["state_saving"] == pytest.approx(before["state_saving"] - payment)
        assert after["municipality_net"] == pytest.approx(before["municipality_net"])
    else:
        assert after["municipality_net"] == pytest.approx(before["municipality_net"] - payment)
        assert after["state_saving"] == pytest.approx(before["state_saving"])
