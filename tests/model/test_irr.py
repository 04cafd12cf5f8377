"""The vectorised IRR against numpy-financial, including its awkward cases."""

import math

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sib_model import Scenario, irr
from sib_model.contract import investor_cash_flows


def test_vectorised_irr_equals_numpy_financial_on_simulated_cash_flows():
    rng = np.random.default_rng(8)
    s = Scenario(payment_lag_years=2, duration_years=4)
    delivery = rng.uniform(1e6, 1e7, 2_000)
    payment = rng.uniform(1e5, 3e7, 2_000)
    flows = investor_cash_flows(s, delivery, payment)
    reference = np.array([npf.irr(row) for row in flows])
    np.testing.assert_allclose(irr(flows), reference, atol=1e-6)


# numpy_financial.irr's documented examples, including two with several sign changes.
@pytest.mark.parametrize(
    "flows",
    [
        [-100, 39, 59, 55, 20],
        [-100, 0, 0, 74],
        [-100, 100, 0, 7],
        [-100, 100, 0, -7],
        [-5, 10.5, 1, -8, 1],
        [0, -5, 2, 2, 2],
        [-1, 0, 0, 0, 0, 0, 1e6],
    ],
)
def test_irr_matches_numpy_financials_documented_examples(flows):
    assert irr(flows) == pytest.approx(npf.irr(flows), abs=1e-9)


def test_irr_of_flows_without_a_change_of_sign_is_nan():
    assert math.isnan(irr([-1, -2, -3]))
    assert np.isnan(irr([[1, 2, 3], [0, 0, 0]])).all()


def test_two_roots_give_the_one_closest_to_zero_not_minus_100_percent():
    """−100 + 230x − 132x² has roots at 10 % and 20 %; it is negative at both ends of the
    bracket the solver grows, which once read as 'a total loss'."""
    assert irr([-100, 230, -132]) == pytest.approx(0.10)
    assert irr([100, -230, 132]) == pytest.approx(0.10)
    # Such a row among ordinary ones gets its own answer without disturbing theirs.
    rows = irr([[-100, 230, -132], [-100, 39, 59], [-100, 0, 121]])
    np.testing.assert_allclose(rows, [0.10, npf.irr([-100, 39, 59]), 0.10], atol=1e-9)


def test_flows_with_several_sign_changes_and_no_root_are_nan():
    assert math.isnan(irr([-100, 50, 50, 50, -60]))  # numpy_financial says NaN too
    assert math.isnan(npf.irr([-100, 50, 50, 50, -60]))


def test_no_years_is_a_clear_error_and_infinite_flows_have_no_irr():
    with pytest.raises(ValueError, match="at least one year"):
        irr([])
    assert math.isnan(irr([-1, math.inf]))
    assert math.isnan(irr([math.nan, 1.0, 1.0]))
    rows = irr([[-100, 110], [-math.inf, 110]])
    assert rows[0] == pytest.approx(0.10)
    assert math.isnan(rows[1])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.floats(-1e6, 1e6).filter(lambda x: abs(x) > 1e-3 or x == 0), min_size=2, max_size=6)
)
def test_irr_is_a_root_or_nan_and_never_a_spurious_total_loss(flows):
    rate = irr(flows)
    reference = npf.irr(np.array(flows))
    if math.isnan(reference):
        return  # numpy_financial finds no real root either (or the flows have no sign change)
    assert not math.isnan(rate)
    # The rate found is a root: the NPV at it is tiny next to the flows' size.
    x = 1 / (1 + rate)
    npv = sum(c * x**t for t, c in enumerate(flows))
    assert abs(npv) <= 1e-6 * sum(abs(c) * x**t for t, c in enumerate(flows))


@pytest.mark.parametrize("scale", [1e-310, 1e-320, 5e-324, 1e300])
def test_subnormal_and_huge_flows_have_the_irr_of_their_shape(scale):
    """[-1e-310, 2e-310] doubles the money in a year: 100 %, not 4e62 (issue 16, item 8)."""
    assert irr([-scale, 2 * scale]) == pytest.approx(1.0)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.one_of(st.just(0.0), st.floats(1.0, 1e6)), min_size=1, max_size=5),
    st.floats(1e3, 1e6),
    st.sampled_from([1e-310, 1e-200, 1.0, 1e200]),
)
def test_the_irr_does_not_depend_on_the_unit_of_money(receipts, outlay, unit):
    """The same flows in any unit — down to subnormal numbers — have the same IRR (every
    flow here stays representable in the unit: none below 1e-310)."""
    flows = np.array([-outlay, *receipts])
    reference, scaled = irr(flows), irr(flows * unit)
    if math.isnan(reference):
        assert math.isnan(scaled)
    else:
        assert scaled == pytest.approx(reference, rel=1e-6, abs=1e-9)
