"""A party's preference is reported only when something is at stake (DESIGN.md, second step,
item 3; issue 16, item 3)."""

import math

import pandas as pd
import pytest

from sib_model import PRESETS, Scenario, creaming_frontier, parking_frontier
from sib_model.preferences import CLEAR_MARGIN, IRR_FLOOR, MONEY_FLOOR, preferred


def _table(values, noise=None, x=None):
    x = x or [0.0, 0.5, 1.0][: len(values)]
    return pd.DataFrame({"x": x, "y": values, "noise": noise or [0.0] * len(values)})


def test_a_clear_best_point_is_reported_with_its_value_and_the_points_as_good():
    pref = preferred(_table([1.0, 3.0, 2.0]), "x", "y", party="p")
    assert (pref.at, pref.result, pref.reason, pref.clear) == (0.5, 3.0, "clear", True)
    assert (pref.near_low, pref.near_high) == (0.5, 0.5)


def test_the_lowest_is_preferred_where_lower_is_better():
    pref = preferred(_table([1.0, 3.0, 2.0]), "x", "y", party="p", highest=False)
    assert (pref.at, pref.result) == (0.0, 1.0)


def test_a_curve_flatter_than_one_percent_gives_no_preference():
    assert CLEAR_MARGIN == 0.01
    pref = preferred(_table([100.0, 100.5, 100.2]), "x", "y", party="p")
    assert pref.reason == "flat"
    assert not pref.clear
    assert math.isnan(pref.at)
    assert pref.result == 100.5


def test_a_tenth_of_a_point_of_irr_is_no_preference_however_small_the_irr():
    """−0.10 % against −0.09 %: ten per cent apart relatively, but a hundredth of a
    percentage point — below the investor's absolute floor."""
    table = _table([0.0009, 0.0010, 0.00095])
    pref = preferred(table, "x", "y", party="investor", floor=IRR_FLOOR)
    assert pref.reason == "flat"


def test_a_thousand_kroner_is_no_preference_and_450000_on_minus_50m_is_one():
    small = preferred(_table([-1_000.0, 1_000.0, 0.0]), "x", "y", party="m", floor=MONEY_FLOOR)
    assert small.reason == "flat"
    large = preferred(
        _table([-50_450_000.0, -50_000_000.0, -50_300_000.0]),
        "x",
        "y",
        party="m",
        floor=MONEY_FLOOR,
        relative=0.005,
    )
    assert large.clear
    assert large.at == 0.5


def test_the_best_is_compared_with_each_runner_up_not_only_the_worst():
    """Two points tie for best: either is as good, so the report says so in the range of
    points as good as the best."""
    pref = preferred(
        _table([1.0, 5.0, 5.0001, 0.0], x=[0.0, 0.3, 0.6, 1.0]), "x", "y", party="p", floor=0.01
    )
    assert pref.clear
    assert (pref.near_low, pref.near_high) == (0.3, 0.6)


def test_a_party_that_loses_on_every_option_would_not_sign():
    pref = preferred(_table([-3.0, -1.0, -2.0]), "x", "y", party="p", signs=True)
    assert pref.reason == "would_not_sign"
    assert math.isnan(pref.at)
    assert pref.least_bad_at == 0.5
    assert pref.result == -1.0


def test_a_difference_within_twice_the_standard_error_is_noise():
    table = _table([1.0, 1.2, 1.1], noise=[0.05, 0.11, 0.05])
    pref = preferred(table, "x", "y", party="p", noise=table["noise"])
    assert pref.reason == "within_noise"
    assert math.isnan(pref.at)
    table = _table([1.0, 1.2, 1.1], noise=[0.05, 0.09, 0.05])
    assert preferred(table, "x", "y", party="p", noise=table["noise"]).at == 0.5


def test_a_point_where_nothing_is_at_stake_is_never_preferred():
    table = _table([1.0, 5.0, 2.0])
    at_stake = pd.Series([True, False, True])
    assert preferred(table, "x", "y", party="p", at_stake=at_stake).at == 1.0
    nothing = preferred(table, "x", "y", party="p", at_stake=pd.Series([False] * 3))
    assert nothing.reason == "nothing_at_stake"
    assert math.isnan(nothing.result)


@pytest.mark.parametrize("values", [[math.nan, math.nan], [2.0, 2.0]])
def test_undefined_or_equal_values_give_no_preference(values):
    pref = preferred(_table(values), "x", "y", party="p")
    assert not pref.clear
    assert math.isnan(pref.at)


def test_nothing_additional_is_never_preferred_by_the_municipality_or_society():
    """Ballerup with a spread: parking everybody leaves exactly nothing additional (not a
    noisy 0.005), so nobody 'clearly prefers 100 % parked'."""
    frontier = parking_frontier(PRESETS["ballerup"].replace(difficulty_spread=0.2), n_points=11)
    everyone = frontier.table.iloc[-1]
    assert everyone["expected_additional_outcomes"] == 0.0
    for preference in (frontier.municipality, frontier.society):
        assert not (preference.clear and preference.at == 1.0)


def test_a_programme_that_adds_nothing_leaves_the_municipality_without_a_preference():
    """The intervention works no better than nothing: no group has an additional outcome."""
    s = Scenario(success_probability=0.15, counterfactual_probability=0.15)
    frontier = creaming_frontier(s, n_points=11)
    assert frontier.municipality.reason == "nothing_at_stake"
    assert frontier.society.reason == "nothing_at_stake"
    assert frontier.value_for_money.reason == "nothing_at_stake"
