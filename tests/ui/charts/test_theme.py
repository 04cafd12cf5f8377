"""The charts' shared helpers: the weighted histogram every money distribution is drawn with."""

from __future__ import annotations

import numpy as np
import pytest

from ui import charts
from ui.charts import theme


def test_weighted_histogram_keeps_all_weight_and_splits_bins_at_zero():
    values = np.array([-1.0, -0.05, 0.0, 0.12, 0.3, np.nan])
    weights = np.array([0.1, 0.2, 0.1, 0.3, 0.2, 0.1])
    edges, totals = charts.weighted_histogram(values, weights)
    assert totals.sum() == pytest.approx(0.9)  # the NaN draw is left out
    assert np.any(np.isclose(edges, 0.0, atol=1e-12))
    assert edges[0] <= -1.0
    assert edges[-1] > 0.3


def test_weighted_histogram_of_a_single_value_still_has_a_bar():
    edges, totals = charts.weighted_histogram(np.array([0.1]), np.array([1.0]))
    assert totals.sum() == pytest.approx(1.0)
    assert len(edges) >= 2


def test_a_figure_is_the_same_with_or_without_plotlys_checks(monkeypatch):
    data = [{"type": "bar", "x": ["a", "b"], "y": [1.0, 2.5], "name": "n"}]
    layout = {"title": {"text": "t"}, "shapes": [], "annotations": [], "height": 300}
    checked = theme.figure_of(data, layout).to_json()
    monkeypatch.setattr(theme, "VALIDATE", False)
    assert theme.figure_of(data, layout).to_json() == checked


def test_the_checks_find_a_wrong_property():
    with pytest.raises(ValueError, match="colour"):
        theme.figure_of([{"type": "bar", "marker": {"colour": "red"}}], {})
