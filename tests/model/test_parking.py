"""The parking frontier: creaming inside a signed contract, and the levers against it."""

import numpy as np
import pytest

from sib_model import ParkingFrontier, Scenario, parking_frontier

MIXED = Scenario(difficulty_spread=0.3)


@pytest.fixture(scope="module")
def plain() -> ParkingFrontier:
    return parking_frontier(MIXED, n_points=11)


def test_parking_frontier_sweeps_the_parked_share_from_none_to_all(plain):
    assert list(plain.table["parked_share"]) == pytest.approx(list(np.linspace(0, 1, 11)))
    # Parked citizens cost nothing to serve.
    assert (np.diff(plain.table["expected_served"]) < 0).all()
    assert plain.table["expected_served"].iloc[-1] == pytest.approx(0.0, abs=1e-9)


def test_a_contract_paying_every_outcome_rewards_parking_and_the_municipality_pays(plain):
    assert plain.contract_rewards_parking
    assert plain.investor.at > 0
    assert plain.municipality.clear
    assert plain.municipality.at == 0.0
    assert plain.society.clear
    assert plain.society.at == 0.0


def test_parking_buys_deadweight(plain):
    deadweight = plain.table["deadweight_share"].to_numpy()
    assert (np.diff(deadweight) > 0).all()
    assert deadweight[-1] == pytest.approx(1.0)


def test_paying_only_above_the_baseline_moves_the_investors_preferred_share_down(plain):
    above = parking_frontier(MIXED.replace(payment_basis="above_baseline"), n_points=11)
    assert above.investor.clear
    assert above.investor.at < plain.investor.at


def test_a_rate_card_priced_per_citizen_lowers_the_reward_for_parking_everybody(plain):
    """The parked are the hardest, so a premium makes them the best-paid outcomes: parking
    them all earns the investor less than without the premium."""
    card = parking_frontier(MIXED.replace(difficulty_premium=1.0), n_points=11)
    all_parked = card.table["expected_investor_irr"].iloc[-1]
    assert all_parked < plain.table["expected_investor_irr"].iloc[-1]


def test_the_scenarios_own_share_joins_the_grid():
    frontier = parking_frontier(MIXED.replace(parked_share=0.37), n_points=5)
    assert 0.37 in set(frontier.table["parked_share"])
    assert len(frontier.table) == 6
