"""The Creaming page's charts: the frontiers mark each party's preferred group and parked share."""

from __future__ import annotations

import pytest

from sib_model import (
    Scenario,
    creaming_frontier,
    evaluate,
    parking_frontier,
)
from ui import charts
from ui.spec.result_types import LeverFrontiers
from ui.text.translator import Translator

EN, DA = Translator("en"), Translator("da")


def _shapes_at(fig, x):
    return [s for s in fig.layout.shapes if s.x0 == pytest.approx(x) and s.type == "line"]


def test_creaming_chart_marks_both_preferred_difficulties_and_the_chosen_group():
    s = Scenario(difficulty=0.3)
    frontier = creaming_frontier(s, n_points=11)
    fig = charts.creaming_chart(frontier, s, EN)
    assert frontier.investor.clear
    assert frontier.municipality.clear
    assert _shapes_at(fig, frontier.investor.at)
    assert _shapes_at(fig, frontier.municipality.at)
    markers = [trace for trace in fig.data if trace.mode == "markers"]
    assert len(markers) == 3
    assert all(m.x == (0.3,) for m in markers)
    # The chosen group's marker sits on the frontier's own row for it: the Explorer's figure.
    assert markers[0].y == (evaluate(s).summary["expected_investor_irr"],)
    assert {trace.yaxis for trace in fig.data} == {"y", "y2", "y3"}


def test_lever_table_reports_each_variants_preferred_difficulty():
    frontier = creaming_frontier(Scenario(), n_points=5)
    levers = LeverFrontiers(((0.0, "every_outcome", frontier), (1.0, "above_baseline", frontier)))
    table = charts.lever_table(levers, EN)
    assert list(table["Contract terms"]) == [
        "premium 0.0, Every outcome",
        "premium 1.0, Only outcomes above the contract's baseline",
    ]
    assert list(table["Investor's preferred difficulty"]) == ["0.00", "0.00"]


def test_parking_chart_marks_the_parked_share_and_each_partys_preference():
    s = Scenario(difficulty_spread=0.3, parked_share=0.2)
    frontier = parking_frontier(s, n_points=6)
    fig = charts.parking_chart(frontier, s, EN)
    markers = [trace for trace in fig.data if trace.mode == "markers"]
    assert all(m.x == (0.2,) for m in markers)
    assert markers[0].y == (evaluate(s).summary["expected_investor_irr"],)
    assert _shapes_at(fig, frontier.investor.at)
