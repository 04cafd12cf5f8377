"""Issue 10, item 1: presenter mode (toggle in the sidebar, ``?present=1`` in the link)."""

from __future__ import annotations

import json

import pytest

from tests._app import PAGES, chart_layouts, charts, slider, start
from ui.app.live_chart import ELEMENT_TYPE
from ui.app.presenter import PRESENT_CHART_HEIGHT
from ui.charts import COLOURS, OKABE_ITO
from ui.spec.pages import PRESENTER_SCREEN

pytestmark = pytest.mark.apptest


def _sizes(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if (
                key in ("font", "tickfont", "textfont")
                and isinstance(value, dict)
                and "size" in value
            ):
                found.append(value["size"])
            _sizes(value, found)
    elif isinstance(node, list):
        for item in node:
            _sizes(item, found)
    return found


def test_a_present_link_opens_the_explorer_for_a_projector():
    at = start({"present": "1"})
    assert at.toggle(key="present").value is True
    assert at.query_params["present"] in ("1", ["1"])
    assert not at.warning  # present=1 is not an unknown link key
    assert set(charts(at)) == {"explorer_investor_irr"}
    assert len(at.metric) == 3
    figure = charts(at)["explorer_investor_irr"]
    sizes = _sizes(figure, [])
    assert sizes
    assert min(sizes) >= 16, sizes
    text = str(figure)
    assert COLOURS["investor"] not in text
    assert OKABE_ITO["investor"] in text


def test_the_toggle_switches_presenter_mode_and_the_link_follows():
    at = start()
    assert "present" not in at.query_params
    assert len(charts(at)) == 2  # the open tab's
    at.toggle(key="present").set_value(True).run()
    assert at.query_params["present"] in ("1", ["1"])
    assert list(chart_layouts(at)) == ["explorer_investor_irr"]
    at.toggle(key="present").set_value(False).run()
    assert "present" not in at.query_params
    assert len(charts(at)) == 2


def _magnify(at) -> list:
    """What each chart of the run is told about magnification (``live_chart``'s ``magnify``)."""
    return [
        json.loads(element.proto.json)["magnify"]
        for element in at.get(ELEMENT_TYPE)
        if element.proto.component_name == "sib_live_chart"
    ]


def test_presenter_charts_grow_with_a_screen_larger_than_the_one_they_are_made_for():
    # The browser draws them magnified on a 1920×1080 projector (live_chart.js), by the same
    # factor as the page's CSS magnifies the rest.
    at = start({"present": "1"})
    assert _magnify(at) == [list(PRESENTER_SCREEN)]
    at.toggle(key="present").set_value(False).run()
    assert _magnify(at) == [None, None]


def test_presenter_keys_move_the_headline_sliders_a_visible_amount():
    at = start({"present": "1", "lang": "da"})
    cohort = slider(at, "in_cohort_size")
    assert {"10", "20", "1.000"} <= set(cohort.options)
    assert "11" not in cohort.options
    assert "45 %" in slider(at, "in_success_probability").options
    assert "41 %" not in slider(at, "in_success_probability").options
    assert "0,55" in slider(at, "in_difficulty").options
    assert "0,51" not in slider(at, "in_difficulty").options
    slider(at, "in_cohort_size").set_value(120).run()
    slider(at, "in_difficulty").set_value(0.85).run()
    assert not at.exception
    s = at.session_state["scenario"]
    assert (s.cohort_size, s.difficulty) == (120, 0.85)
    assert "tæt på målet" in str([h.proto.body for h in at.get("html")])


def test_other_pages_keep_working_in_presenter_mode():
    for page in ("creaming", "deal-space", "sensitivity"):
        at = start({"present": "1"}, page=page)
        assert not at.exception
        for figure in charts(at).values():
            assert min(_sizes(figure, [])) >= 16


def _key_sentence(at):
    found = [m.value for m in at.markdown if "sib-key-sentence" in m.value]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("page", "views"),
    [
        ("creaming", ["creaming_frontier", "parking_frontier", "creaming_levers"]),
        ("sensitivity", ["sensitivity_investor_irr", "sensitivity_commissioner_net"]),
    ],
)
def test_presenter_pages_show_one_chart_per_view_under_its_key_sentence(page, views):
    # A mixed group, so the Creaming page has a parking frontier to show.
    at = start({"present": "1", "lang": "da", "spread": "0.3"}, page=page)
    control = at.segmented_control[0]
    assert len(control.options) == len(views)
    sentences = []
    for option, chart in zip(control.options, views, strict=True):
        at.segmented_control[0].set_value(option).run()
        assert not at.exception
        assert list(charts(at)) == [chart]
        assert chart_layouts(at)[chart]["height"] == PRESENT_CHART_HEIGHT
        assert not at.metric  # no headline figures
        assert not at.title  # no page title
        sentences.append(_key_sentence(at))
    assert len(set(sentences)) == len(views)


def test_presenter_deal_space_is_the_terms_the_key_sentence_and_the_chart():
    at = start({"present": "1"}, page="deal-space")
    assert list(charts(at)) == ["deal_space_heatmap"]
    assert "The current scenario lies in the zone" in _key_sentence(at)
    assert not at.title
    assert not [m for m in at.markdown if "Each cell" in m.value]
    at.radio(key="deal_test").set_value("wtp").run()
    assert at.text_input(key="deal_wtp_text").value == "500,000"


def test_presenter_compare_shows_one_of_the_pinned_scenarios_charts():
    at = start({"present": "1", "p1": "Easy", "p1.d": "0.2", "p2": "Hard", "p2.d": "0.8"})
    at.switch_page(PAGES["compare"]).run()
    assert list(charts(at)) == ["compare_investor_irr"]
    sentence = _key_sentence(at)
    # The easier group pays the investor more; the harder one is the municipality's better buy.
    assert "Highest typical (median) return: <b>Easy</b>" in sentence
    assert "best net for the municipality: <b>Hard</b>" in sentence
    at.segmented_control[0].set_value("cash").run()
    assert list(charts(at)) == ["compare_cash_flows"]
    assert not at.dataframe  # the tables stay on the everyday page


def test_presenter_story_step_is_title_key_sentence_chart_and_then_the_text():
    at = start({"present": "1", "step": "3"}, page="story")
    assert list(charts(at)) == ["explorer_commissioner"]
    assert "of what is paid for is deadweight" in _key_sentence(at)
    assert any("would reach the outcome without the programme" in m.value for m in at.markdown)
    assert not at.title
