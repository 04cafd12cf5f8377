"""A party's preference is reported only when it is clear (DESIGN.md, second step, item 3)."""

import math

import pandas as pd
import pytest

from sib_model.preferences import CLEAR_MARGIN, preferred


def _table(values, noise=None):
    return pd.DataFrame(
        {"x": [0.0, 0.5, 1.0][: len(values)], "y": values, "noise": noise or [0.0] * len(values)}
    )


def test_a_clear_best_point_is_reported_with_its_value():
    pref = preferred(_table([1.0, 3.0, 2.0]), "x", "y", party="p")
    assert (pref.at, pref.result, pref.reason, pref.clear) == (0.5, 3.0, "clear", True)


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
