"""The guarantee has a payer, money is conserved across every pocket, and the municipality's
share of a saving may rise with difficulty (issue 16, items 6 and 7)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sib_model import Scenario, evaluate
from sib_model.cohort import strata_sizes
from sib_model.contract import settle
from sib_model.distribution import outcome_distribution
from sib_model.targeting import (
    counterfactual_probability_at,
    municipal_share_at,
    saving_tilt_at,
    strata_difficulties,
    success_probability_at,
)
from tests.model.strategies import small_contracts

GUARANTEED = Scenario(guarantee_share=1.0)


def test_a_guarantee_costs_the_party_that_pays_it():
    """Defaults with a full guarantee: the guarantor's expected payment (about 280,000 DKK
    in the issue) falls on the state or on the municipality, as the field says, and on
    nobody else."""
    by_state = evaluate(GUARANTEED).summary
    by_municipality = evaluate(GUARANTEED.replace(guarantee_payer="municipality")).summary
    unguaranteed = evaluate(Scenario()).summary
    cost = by_state["expected_guarantor_payment_pv"]
    assert 200_000 < by_state["expected_guarantor_payment"] < 400_000
    assert by_state["expected_commissioner_net"] == pytest.approx(
        unguaranteed["expected_commissioner_net"]
    )
    assert by_state["expected_state_net"] == pytest.approx(
        by_state["expected_state_saving_pv"] - cost
    )
    assert by_municipality["expected_commissioner_net"] == pytest.approx(
        unguaranteed["expected_commissioner_net"] - cost
    )
    assert by_municipality["expected_state_net"] == pytest.approx(
        by_municipality["expected_state_saving_pv"]
    )
    # All public budgets bear it either way; society counts it as the transfer it is.
    for summary in (by_state, by_municipality):
        assert summary["expected_public_net"] == pytest.approx(
            unguaranteed["expected_public_net"] - cost
        )
        assert summary["expected_society_net"] == pytest.approx(
            unguaranteed["expected_society_net"]
        )


@settings(max_examples=60, deadline=None)
@given(
    small_contracts,
    st.sampled_from(["state", "municipality"]),
    st.floats(0, 0.3),
    st.floats(0, 0.5),
)
def test_money_is_conserved_across_every_party(s, payer, spread, parked):
    """At a zero discount rate, municipality + state + region + investor + provider = society
    in every future: payments and the guarantee only move money between the parties; what
    society has is the public saving less the programme's real cost."""
    s = s.replace(
        guarantee_payer=payer, discount_rate=0.0, difficulty_spread=spread, parked_share=parked
    )
    cohort, _, _ = outcome_distribution(s, 200)
    settled = settle(s, cohort)
    parties = (
        settled.commissioner_net
        + settled.state_net
        + settled.region_saving_pv
        + settled.investor_profit
        + settled.provider_net
    )
    scale = 1.0 + np.abs(settled.public_saving_pv) + settled.capital + settled.payment
    np.testing.assert_array_less(np.abs(parties - settled.society_net), 1e-9 * scale)
    np.testing.assert_allclose(
        settled.public_net,
        settled.commissioner_net + settled.state_net + settled.region_saving_pv,
        rtol=1e-12,
        atol=1e-6,
    )


def test_the_municipal_share_gradient_is_off_by_default_and_leaves_every_figure():
    assert Scenario().municipal_share_gradient == 0.0
    before = evaluate(Scenario(difficulty=0.8)).summary
    share = municipal_share_at(Scenario(difficulty=0.8))
    assert float(share) == 0.5
    assert before["expected_commissioner_saving_pv"] == pytest.approx(
        0.5 * before["expected_public_saving_pv"]
    )


@pytest.mark.parametrize(("difficulty", "share"), [(0.0, 0.2), (0.5, 0.5), (1.0, 0.8)])
def test_the_municipalitys_share_rises_with_difficulty_like_the_refusion_staircase(
    difficulty, share
):
    """A gradient of 0.6 around 0.5 spans the staircase's 20 % to 80 % own share."""
    s = Scenario(difficulty=difficulty, municipal_share_gradient=0.6)
    assert float(municipal_share_at(s)) == pytest.approx(share)
    summary = evaluate(s).summary
    assert summary["expected_commissioner_saving_pv"] == pytest.approx(
        share * summary["expected_public_saving_pv"]
    )


def test_the_share_is_clipped_and_a_mixed_cohort_applies_it_per_stratum():
    s = Scenario(municipal_share_of_savings=0.9, municipal_share_gradient=1.0, difficulty=1.0)
    assert float(municipal_share_at(s)) == 1.0
    mixed = Scenario(
        difficulty_spread=0.4, municipal_share_gradient=0.6, evidence_strength=math.inf
    )
    summary = evaluate(mixed).summary
    # Each stratum's expected saving, weighted by its own share: N_k·(p_k − c_k)·tilt_k.
    centres = strata_difficulties(mixed)
    weight = (
        strata_sizes(mixed.cohort_size, centres.size)
        * (success_probability_at(mixed, centres) - counterfactual_probability_at(mixed, centres))
        * saving_tilt_at(mixed, centres)
    )
    share = float(np.dot(weight, municipal_share_at(mixed, centres)) / weight.sum())
    assert share != pytest.approx(0.5, abs=0.005)  # the strata's shares differ
    kept = summary["expected_commissioner_saving_pv"] / summary["expected_public_saving_pv"]
    assert kept == pytest.approx(share, abs=0.01)
