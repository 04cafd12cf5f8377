"""The deal space: prices and groups where both the investor and the municipality sign."""

import numpy as np
import pytest

from sib_model import Scenario, deal_space


def test_deal_space_marks_cells_where_both_parties_sign():
    grid = deal_space(Scenario(municipal_share_of_savings=1.0), n_prices=12, n_difficulties=6)
    assert len(grid) == (12 + 1) * 6  # the scenario's own price joins the grid
    assert (grid["price_per_outcome"] == 200_000).sum() == 6
    assert (grid["deal"] == (grid["investor_ok"] & grid["commissioner_ok"])).all()
    # A higher price helps the investor and hurts the commissioner, at every difficulty.
    for _, column in grid.groupby("difficulty"):
        assert (np.diff(column["expected_investor_irr"]) >= -1e-12).all()
        assert (np.diff(column["expected_commissioner_net"]) <= 1e-6).all()
    assert grid["deal"].any()


def test_deal_space_uses_willingness_to_pay_when_given():
    grid = deal_space(
        Scenario(), prices=[100_000, 400_000], difficulties=[0.5], willingness_to_pay=500_000
    )
    assert list(grid["commissioner_ok"]) == [True, False]


def test_the_scenarios_own_cell_shows_what_evaluate_shows():
    from sib_model import evaluate

    s = Scenario(difficulty=0.4)
    cell = deal_space(s, prices=[s.price_per_outcome], difficulties=[0.4]).iloc[0]
    summary = evaluate(s).summary
    for name in (
        "expected_investor_irr",
        "probability_of_loss",
        "expected_commissioner_net",
        "cost_per_additional_outcome",
    ):
        assert cell[name] == pytest.approx(summary[name], rel=1e-9), name
