"""The baseline ghost: the pinned starting scenario drawn faintly behind every kind of chart."""

from __future__ import annotations

import pytest

from sib_model import (
    Scenario,
    evaluate,
)
from ui import charts
from ui.charts import baseline
from ui.text.translator import Translator

EN, DA = Translator("en"), Translator("da")


NOW = Scenario(cohort_size=60, difficulty=0.7)


BEFORE = Scenario()


def _figure(builder):
    return builder(NOW).to_plotly_json(), builder(BEFORE).to_plotly_json()


def _cash(s):
    return charts.cash_flow_chart(evaluate(s).cash_flows, EN)


def _payoff(s):
    from sib_model import payoff_curve

    return charts.payoff_chart(payoff_curve(s, n_points=21), s, EN)


@pytest.mark.parametrize("builder", [_cash, _payoff])
def test_the_baseline_is_drawn_faintly_with_one_legend_entry(builder):
    now, before = _figure(builder)
    combined = charts.add_baseline(now, before, "Baseline")
    ghosts = [trace for trace in combined["data"] if trace.get("legendgroup") == "baseline"]
    lines = [t for t in before["data"] if t["type"] == "scatter"]
    # The baseline's lines become one trace (the lines apart, points on a straight piece
    # left out), its bars one outline: plotly redraws every trace on each slider move.
    merged = ghosts[0]
    assert merged["x"].count(None) == len(lines) - 1
    assert len(merged["x"]) <= sum(len(baseline._array(t["x"])) for t in lines) + len(lines) - 1
    assert len(ghosts) == (2 if any(t["type"] == "bar" for t in before["data"]) else 1)
    assert [g.get("showlegend") for g in ghosts].count(True) == 1
    assert next(g for g in ghosts if g.get("showlegend"))["name"] == "Baseline"
    for ghost in ghosts:
        colour = (
            ghost["marker"]["line"]["color"] if ghost["type"] == "bar" else ghost["line"]["color"]
        )
        assert colour == charts.GHOST
        assert ghost["hoverinfo"] == "skip"
        assert "text" not in ghost
        assert "error_y" not in ghost
    # The current scenario's traces are all still there, unchanged but for their bar groups.
    current = [trace for trace in combined["data"] if trace.get("legendgroup") != "baseline"]
    assert [t["name"] for t in current] == [t["name"] for t in now["data"]]


def _rectangles(outline):
    """The (left, right, height) of each bar an outline trace draws."""
    xs, ys = outline["x"] + [None], outline["y"] + [None]
    return [(xs[k], xs[k + 2], ys[k + 1]) for k in range(0, len(xs), 5)]


@pytest.mark.parametrize("build", ["cash", "commissioner"])
def test_each_partys_baseline_bar_is_outlined_over_its_current_bar(build):
    def figure(s):
        result = evaluate(s)
        if build == "cash":
            return charts.cash_flow_chart(result.cash_flows, EN).to_plotly_json()
        return charts.commissioner_comparison(result.summary, EN).to_plotly_json()

    before = figure(BEFORE)
    combined = charts.add_baseline(figure(NOW), before, "Baseline")
    outline = next(t for t in combined["data"] if t.get("legendgroup") == "baseline")
    if build == "cash":
        outline = [t for t in combined["data"] if t.get("legendgroup") == "baseline"][-1]
    drawn = _rectangles(outline)
    current = [t for t in combined["data"] if t["type"] == "bar"]
    slots = {
        (x + bar["offset"], x + bar["offset"] + bar["width"])
        for bar in current
        for x in baseline._array(bar["x"])
    }
    assert {(left, right) for left, right, _ in drawn} <= slots
    heights = [h for t in before["data"] if t["type"] == "bar" for h in baseline._array(t["y"])]
    assert sorted(h for _, _, h in drawn) == pytest.approx(sorted(heights))
    if build == "commissioner":  # categories became positions, named on the axis
        assert combined["layout"]["xaxis"]["ticktext"] == ["Social impact bond", "Direct funding"]


def test_a_ghost_line_keeps_its_kinks_and_drops_only_points_on_straight_pieces():
    x = [0, 1, 2, 3, 4, 5]
    y = [0, 1, 2, 2, 2, 5]
    assert baseline._simplified(x, y) == ([0.0, 2.0, 4.0, 5.0], [0.0, 2.0, 2.0, 5.0])


def test_lines_go_behind_and_bar_outlines_in_front():
    now, before = _figure(_payoff)
    combined = charts.add_baseline(now, before, "Baseline")
    kinds = [trace.get("legendgroup") == "baseline" for trace in combined["data"]]
    assert kinds == sorted(kinds, reverse=True), "scatter ghosts are drawn first"


def test_an_overlaid_histograms_baseline_is_one_outline_of_its_bins():
    def histogram(s):
        result = evaluate(s)
        return charts.investor_return_histogram(
            result.distribution, result.summary, EN
        ).to_plotly_json()

    before = histogram(BEFORE)
    combined = charts.add_baseline(histogram(NOW), before, "Baseline")
    ghosts = [t for t in combined["data"] if t.get("legendgroup") == "baseline"]
    assert [g["type"] for g in ghosts] == ["scatter"]
    bins = sum(len(baseline._array(t["x"])) for t in before["data"])
    assert len(ghosts[0]["x"]) == 5 * bins + len(before["data"]) - 1


def test_a_heatmap_gets_no_ghost_grid_only_the_baseline_marker():
    from sib_model import deal_space

    def heatmap(s):
        grid = deal_space(s.replace(difficulty=0.5), n_prices=5, n_difficulties=5)
        return charts.deal_space_heatmap(grid, s, EN).to_plotly_json()

    combined = charts.add_baseline(heatmap(NOW), heatmap(BEFORE), "Baseline")
    ghosts = [t for t in combined["data"] if t.get("legendgroup") == "baseline"]
    assert [g["type"] for g in ghosts] == ["scatter"]


def test_the_compare_return_chart_bins_the_baseline_like_the_scenarios():
    figure = charts.compare_return_chart(
        [("A", evaluate(NOW).distribution)], EN, baseline=evaluate(BEFORE).distribution
    )
    ghost, scenario = figure.data
    assert ghost.legendgroup == "baseline"
    assert ghost.name == "Comparison scenario"
    assert list(ghost.x) == list(scenario.x)
