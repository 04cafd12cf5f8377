"""The parking frontier: creaming inside a signed contract, parking as it happens (minimal
service, not none), and the levers against it (issue 16, item 4)."""

import numpy as np
import pytest

from sib_model import ParkingFrontier, Scenario, parking_frontier
from sib_model.analysis_parking import MAX_PLAUSIBLE_PARKED_SHARE

MIXED = Scenario(difficulty_spread=0.3)


@pytest.fixture(scope="module")
def plain() -> ParkingFrontier:
    return parking_frontier(MIXED, n_points=11)


def test_parking_frontier_sweeps_the_parked_share_from_none_to_all(plain):
    assert list(plain.table["parked_share"]) == pytest.approx(list(np.linspace(0, 1, 11)))
    assert (np.diff(plain.table["expected_served"]) < 0).all()
    assert plain.table["expected_served"].iloc[-1] == 0.0


def test_a_parked_citizen_still_costs_the_minimum_service():
    """Everybody parked: the capital is the fixed costs plus the minimum service of every
    starter (a share of the delivery cost), never the fixed costs alone."""
    everyone = parking_frontier(MIXED, n_points=3).table.iloc[-1]
    minimum = MIXED.parked_service_cost_share * MIXED.delivery_cost_per_participant
    assert everyone["expected_capital"] == pytest.approx(MIXED.fixed_costs + 100 * minimum)


def test_preferences_are_found_only_among_the_shares_a_contract_could_let_pass(plain):
    for preference in (plain.investor, plain.investor_by_profit, plain.society):
        assert preference.least_bad_at <= MAX_PLAUSIBLE_PARKED_SHARE


def test_the_investor_is_ranked_on_the_capital_at_stake_with_its_profit_beside(plain):
    """Parking shrinks the capital, and the IRR rewards a smaller capital base: by IRR the
    investor wants the most parking allowed, by expected profit in kroner less."""
    assert plain.investor.objective == "expected_investor_irr"
    assert plain.investor_by_profit.objective == "expected_investor_profit"
    assert plain.investor.clear
    assert plain.investor_by_profit.clear
    assert plain.investor.at == MAX_PLAUSIBLE_PARKED_SHARE
    assert 0 < plain.investor_by_profit.at < plain.investor.at
    assert plain.contract_rewards_parking


def test_without_a_minimum_service_parking_would_look_even_better_to_the_investor(plain):
    free = parking_frontier(MIXED.replace(parked_service_cost_share=0.0), n_points=11)
    assert free.investor_by_profit.at > plain.investor_by_profit.at


def test_the_municipality_loses_whatever_is_parked_and_society_wants_nobody_parked(plain):
    """On the defaults the municipality's own net is below zero at every parked share: it
    would not sign, and its least bad choice is to have everybody served."""
    assert plain.municipality.reason == "would_not_sign"
    assert plain.municipality.least_bad_at == 0.0
    assert plain.society.clear
    assert plain.society.at == 0.0


def test_parking_buys_deadweight(plain):
    deadweight = plain.table["deadweight_share"].to_numpy()
    assert (np.diff(deadweight) > 0).all()
    assert deadweight[-1] == 1.0


def test_paying_only_above_the_baseline_takes_away_the_reward_for_parking(plain):
    above = parking_frontier(
        MIXED.replace(payment_basis="above_baseline", price_per_outcome=320_000.0), n_points=11
    )
    assert above.investor.clear
    assert above.investor.at < plain.investor.at
    assert above.investor.near_low == 0.0  # serving everybody is as good, by IRR
    assert above.investor_by_profit.clear
    assert above.investor_by_profit.at == 0.0
    assert not above.contract_rewards_parking


def test_on_the_every_outcome_basis_a_rate_card_does_not_move_the_investors_choice(plain):
    """DESIGN.md expected the rate card to move the parked share; measured, it does not: a
    parked citizen's paid spontaneous success outweighs any price per difficulty."""
    card = parking_frontier(MIXED.replace(difficulty_premium=1.0), n_points=11)
    assert card.investor.at == plain.investor.at
    assert card.investor_by_profit.at == plain.investor_by_profit.at
    all_parked = card.table["expected_investor_irr"].iloc[-1]
    assert all_parked < plain.table["expected_investor_irr"].iloc[-1]


def test_the_frontier_means_something_only_for_a_mixed_cohort():
    alike = parking_frontier(Scenario(), n_points=5)
    assert not alike.meaningful
    assert not alike.contract_rewards_parking


def test_the_scenarios_own_share_joins_the_grid():
    frontier = parking_frontier(MIXED.replace(parked_share=0.37), n_points=5)
    assert 0.37 in set(frontier.table["parked_share"])
    assert len(frontier.table) == 6


@pytest.mark.parametrize("cohort", [10, 20])
def test_five_percent_of_ten_parks_half_a_citizen_on_average(cohort):
    """⌊π·n⌋ parked, and one more with probability π·n − ⌊π·n⌋: 5 % of 10 parks one
    citizen in about half the futures (not nobody by rounding half to even), and the
    figures move with π."""
    s = Scenario(cohort_size=cohort, difficulty_spread=0.2, parked_share=0.05)
    from sib_model import evaluate

    parked = evaluate(s).summary["expected_parked"]
    assert parked == pytest.approx(0.05 * cohort, abs=0.03)
    assert evaluate(s.replace(parked_share=0.06)).summary["expected_parked"] > parked
