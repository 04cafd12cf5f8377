"""The wrong pocket, split: of the public saving, the municipality keeps its share and the
rest lands with the state and the region. Hand-worked figures, money conserved in every
future, and nothing else in the contract moved by the split."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sib_game.rules import RedLines, role_figures, verdicts
from sib_model import Scenario, evaluate, scenario_from_query, scenario_to_query
from tests.model.settling import every_outcome_count, settle_one
from tests.model.strategies import small_contracts

#: Present value of one krone a year over years 1–3 (the defaults: 3 years, paid a year
#: after delivery, savings in the payment years), at 3 %, per krone in total.
DEFAULT_FACTOR = sum(1.03**-t for t in (1, 2, 3)) / 3


def test_the_default_sends_the_whole_wrong_pocket_to_the_state():
    """The default (state share 1) keeps every earlier figure: what the municipality does not
    keep is the state's, and the region gets nothing."""
    summary = evaluate(Scenario()).summary
    assert Scenario().state_share_of_other_savings == 1.0
    assert summary["expected_region_saving_pv"] == 0.0
    assert summary["expected_state_saving_pv"] == pytest.approx(
        summary["expected_public_saving_pv"] - summary["expected_commissioner_saving_pv"],
        rel=1e-12,
    )


def test_one_future_split_by_hand():
    """Defaults with a quarter of the wrong pocket to the state; 40 of 100 succeed, 15 would
    have anyway: 25 additional × 500,000 DKK = 12.5m, paid (and saved) in years 1–3. The
    municipality keeps half (6.25m), the state a quarter of the rest (1.5625m), the region
    three quarters of the rest (4.6875m), all discounted at 3 %."""
    settled = settle_one(Scenario(state_share_of_other_savings=0.25), 100, 40)
    assert float(settled.public_saving_pv) == pytest.approx(12_500_000 * DEFAULT_FACTOR)
    assert float(settled.commissioner_saving_pv) == pytest.approx(6_250_000 * DEFAULT_FACTOR)
    assert float(settled.state_saving_pv) == pytest.approx(1_562_500 * DEFAULT_FACTOR)
    assert float(settled.region_saving_pv) == pytest.approx(4_687_500 * DEFAULT_FACTOR)


def test_expected_pockets_by_hand():
    """Everybody starts and the success rate's mean is p, so E[S] = 100 × 0.4 = 40 exactly
    (beta-binomial mean) and E[A] = 40 − 15 = 25 at the reference group: an expected saving
    of 12.5m DKK, 30 % of it the municipality's, 80 % of the other 70 % the state's."""
    s = Scenario(municipal_share_of_savings=0.3, state_share_of_other_savings=0.8)
    summary = evaluate(s).summary
    public = 12_500_000 * DEFAULT_FACTOR
    assert summary["expected_public_saving_pv"] == pytest.approx(public, rel=1e-9)
    assert summary["expected_commissioner_saving_pv"] == pytest.approx(0.3 * public, rel=1e-9)
    assert summary["expected_state_saving_pv"] == pytest.approx(0.7 * 0.8 * public, rel=1e-9)
    assert summary["expected_region_saving_pv"] == pytest.approx(0.7 * 0.2 * public, rel=1e-9)


@settings(max_examples=100, deadline=None)
@given(small_contracts, st.floats(0, 1), st.floats(0, 1), st.data())
def test_the_three_pockets_hold_the_whole_public_saving_in_every_future(s, share, state, data):
    s = s.replace(municipal_share_of_savings=share, state_share_of_other_savings=state)
    settled = every_outcome_count(s, data.draw(st.integers(0, s.cohort_size)))
    pockets = settled.commissioner_saving_pv + settled.state_saving_pv + settled.region_saving_pv
    np.testing.assert_allclose(pockets, settled.public_saving_pv, rtol=1e-12, atol=1e-6)
    # Each pocket has the saving's sign: a programme that does harm costs every pocket.
    for pocket in (settled.state_saving_pv, settled.region_saving_pv):
        assert (pocket * settled.public_saving_pv >= -1e-9).all()
    summary = evaluate(s).summary
    assert summary["expected_commissioner_saving_pv"] + summary[
        "expected_state_saving_pv"
    ] + summary["expected_region_saving_pv"] == pytest.approx(
        summary["expected_public_saving_pv"], rel=1e-9, abs=1e-3
    )


def test_the_split_moves_no_money_between_the_parties_to_the_contract():
    """Only the state's and the region's figures change: investor, provider, municipality and
    society see the same numbers — which is why the split has no sensitivity swing."""
    before = evaluate(Scenario()).summary
    after = evaluate(Scenario(state_share_of_other_savings=0.3)).summary
    changed = {key for key in before if not _same(before[key], after[key])}
    assert changed == {
        "expected_state_saving_pv",
        "expected_region_saving_pv",
        "expected_state_net",
    }


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == b


def test_the_split_travels_in_links_under_its_short_key():
    s = Scenario(state_share_of_other_savings=0.6)
    assert scenario_to_query(s) == {"state": "0.6"}
    assert scenario_from_query({"state": "0.6"}) == (s, [])
    _, problems = scenario_from_query({"state": "1.5"})
    assert [p.reason for p in problems] == ["invalid_value"]
    assert problems[0].allowed == "a number from 0 to 1"


def test_the_states_role_in_the_game_sees_only_the_states_pocket():
    """The region has no seat at the table: what lands with it is no saving of the state's."""
    to_region = Scenario(state_share_of_other_savings=0.0)
    assert role_figures(to_region)["state_saving"] == 0.0
    lines = RedLines(min_state_saving=1_000_000.0)
    assert verdicts(to_region, lines)["state"].reasons == ("state_saving",)
    # By default the whole wrong pocket is the state's, about 5.9m DKK: it signs.
    figures = role_figures(Scenario())
    assert figures["state_saving"] == evaluate(Scenario()).summary["expected_state_saving_pv"]
    assert verdicts(Scenario(), lines)["state"].signs
