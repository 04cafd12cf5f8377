"""The Deal space heatmap: a price by difficulty grid with the scenario marked."""

from __future__ import annotations

import numpy as np

from sib_model import (
    Scenario,
    deal_space,
    evaluate,
)
from ui import charts
from ui.text.translator import Translator
from ui.words.headline import headline_figures

EN, DA = Translator("en"), Translator("da")


def test_deal_space_heatmap_is_a_price_by_difficulty_grid_with_the_scenario_marked():
    s = Scenario(difficulty=0.4)
    grid = deal_space(s, n_prices=6, n_difficulties=5, n_simulations=2_000)
    fig = charts.deal_space_heatmap(grid, s, EN)
    heatmap, marker, *zones = fig.data
    assert [z.name for z in zones] == list(heatmap.colorbar.ticktext)  # legend below the plot
    assert heatmap.showscale is False
    assert np.array(heatmap.z).shape == (6 + 1, 5)  # six prices plus the scenario's own
    assert set(np.unique(heatmap.z)) <= {0, 1, 2, 3}
    assert marker.x == (0.4,)
    assert marker.y == (200_000.0,)
    assert list(heatmap.colorbar.ticktext) == [
        "Neither signs",
        "Only the investor signs",
        "Only the municipality signs",
        "Both sign: a deal",
    ]


def test_the_hover_in_the_scenarios_own_cell_reads_as_the_headlines_municipality_net():
    # One true number: the heatmap's hover writes the municipality's net as the headline
    # does (three significant figures), not to the krone.
    s = Scenario(difficulty=1.0)  # the grid's difficulties run from 0 to 1
    heatmap = charts.deal_space_heatmap(deal_space(s), s, DA).data[0]
    row = list(heatmap.y).index(s.price_per_outcome)
    column = list(heatmap.x).index(s.difficulty)
    net = next(f for f in headline_figures(evaluate(s).summary, DA) if f.key == "commissioner")
    assert heatmap.customdata[row][column][2] == net.value
    assert net.value == DA.fmt.amount(evaluate(s).summary["expected_commissioner_net"])
    assert "%{customdata[2]}" in heatmap.hovertemplate
