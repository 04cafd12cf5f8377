"""One-at-a-time sensitivity: swings declared with each field, ranked by effect."""

import pytest

from sib_model import Scenario, sensitivity


@pytest.fixture(scope="module")
def default_table():
    return sensitivity(Scenario())


def test_sensitivity_swings_each_input_and_ranks_by_effect(default_table):
    table = default_table
    assert {
        "field",
        "metric",
        "low_value",
        "high_value",
        "low_result",
        "high_result",
        "swing",
    } <= set(table.columns)
    irr = table[table["metric"] == "expected_investor_irr"]
    assert list(irr["swing"]) == sorted(irr["swing"], reverse=True)
    assert "payment_cap" not in set(table["field"])  # no cap set: nothing to swing
    assert "payment_basis" not in set(table["field"])  # a choice does not swing
    price = irr.set_index("field").loc["price_per_outcome"]
    assert price["high_result"] > price["base_result"] > price["low_result"]


def test_sensitivity_swings_an_input_at_its_limit_one_way_only(default_table):
    lag = default_table[default_table["field"] == "payment_lag_years"].iloc[0]
    # The default lag is already at the floor: a one-sided bar, from 1 to 2 years.
    assert (lag["low_value"], lag["high_value"]) == (1, 2)
    assert lag["low_result"] == lag["base_result"]


def test_the_savings_gradient_does_not_move_the_reference_groups_net(default_table):
    gradient = default_table[
        (default_table["field"] == "savings_gradient")
        & (default_table["metric"] == "expected_commissioner_net")
    ]
    assert gradient["swing"].iloc[0] == 0.0


def test_an_unknown_metric_is_refused_by_name():
    with pytest.raises(ValueError, match="expected_happiness"):
        sensitivity(Scenario(), metrics=("expected_happiness",))
