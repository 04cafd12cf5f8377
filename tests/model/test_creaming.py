"""The creaming frontier: the investor wants easy groups, the municipality hard ones."""

import math

import numpy as np
import pytest

from sib_model import CreamingFrontier, Scenario, creaming_frontier


def test_creaming_frontier_has_a_row_per_difficulty_including_both_ends():
    frontier = creaming_frontier(Scenario(), n_points=11)
    assert isinstance(frontier, CreamingFrontier)
    assert list(frontier.table["difficulty"]) == pytest.approx(list(np.linspace(0, 1, 11)))
    assert {
        "expected_investor_irr",
        "cost_per_additional_outcome",
        "deadweight_share",
        "probability_of_loss",
    } <= set(frontier.table.columns)


def test_the_scenarios_own_difficulty_joins_the_grid():
    frontier = creaming_frontier(Scenario(difficulty=0.37), n_points=11)
    assert len(frontier.table) == 12
    assert frontier.at(0.37)["difficulty"] == 0.37
    with pytest.raises(KeyError, match=r"0\.38"):
        frontier.at(0.38)


def test_investor_prefers_easy_groups_and_municipality_hard_ones_by_default():
    frontier = creaming_frontier(Scenario(), n_points=21)
    investor, municipality = frontier.investor, frontier.municipality
    assert investor.clear
    assert municipality.clear
    assert investor.at < municipality.at
    assert (investor.at, municipality.at) == (0.0, 1.0)
    assert frontier.creaming_gap == pytest.approx(municipality.at - investor.at)
    # Each preference is judged by the party's own objective.
    assert investor.objective == "expected_investor_irr"
    assert municipality.objective == "expected_commissioner_net"
    assert frontier.society.objective == "expected_society_net"
    assert frontier.value_for_money.objective == "cost_per_additional_outcome"
    # Deadweight falls as groups get harder: fewer of their outcomes would happen anyway.
    assert (np.diff(frontier.table["deadweight_share"]) < 0).all()


def test_common_random_numbers_make_the_frontier_smooth():
    frontier = creaming_frontier(Scenario(), n_points=51)
    # Expected outcomes fall monotonically with difficulty.
    assert (np.diff(frontier.table["expected_outcomes"]) <= 0).all()
    assert (np.diff(frontier.table["expected_investor_moic"]) <= 1e-12).all()


def test_a_mixed_cohorts_frontier_is_smooth_too():
    s = Scenario(difficulty_spread=0.2, evidence_strength=math.inf)
    frontier = creaming_frontier(s, n_points=11)
    assert (np.diff(frontier.table["expected_outcomes"]) <= 1e-9).all()


def test_municipalitys_preference_is_none_when_no_group_has_additional_outcomes():
    s = Scenario(success_probability=0.2, counterfactual_probability=0.3)
    frontier = creaming_frontier(s, n_points=5)
    assert frontier.municipality.reason == "nothing_at_stake"
    assert math.isnan(frontier.municipality.at)
    assert frontier.society.reason == "nothing_at_stake"


def test_no_preference_when_the_investor_puts_in_no_money():
    s = Scenario(fixed_costs=0.0, provider_fee_at_risk=1.0)
    frontier = creaming_frontier(s, n_points=5)
    assert frontier.investor.reason == "nothing_at_stake"
    assert math.isnan(frontier.investor.at)


def test_no_preference_and_no_gap_when_nothing_is_ever_paid():
    s = Scenario(success_threshold=1.0, payment_cap=0.0)
    frontier = creaming_frontier(s, n_points=11)
    assert not frontier.investor.clear
    assert math.isnan(frontier.investor.at)
    assert math.isnan(frontier.creaming_gap)


def test_the_largest_rate_card_premium_moves_the_investor_toward_harder_groups():
    plain = creaming_frontier(Scenario(evidence_strength=100.0), n_points=11)
    card = creaming_frontier(Scenario(evidence_strength=100.0, difficulty_premium=1.0), n_points=11)
    assert plain.investor.at == 0.0
    assert card.investor.clear
    assert card.investor.at > plain.investor.at
