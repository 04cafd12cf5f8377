"""The Deal space heatmap: a price by difficulty grid with the scenario marked."""

from __future__ import annotations

import numpy as np

from sib_model import (
    Scenario,
    deal_space,
)
from ui import charts
from ui.text.translator import Translator

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
