"""Issue 10, item 1: presenter mode (toggle in the sidebar, ``?present=1`` in the link)."""

from __future__ import annotations

from tests._app import chart_layouts, charts, slider, start
from ui.charts import COLOURS, OKABE_ITO


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
    assert sizes and min(sizes) >= 16, sizes
    text = str(figure)
    assert COLOURS["investor"] not in text and OKABE_ITO["investor"] in text


def test_the_toggle_switches_presenter_mode_and_the_link_follows():
    at = start()
    assert "present" not in at.query_params
    assert len(charts(at)) == 5
    at.toggle(key="present").set_value(True).run()
    assert at.query_params["present"] in ("1", ["1"])
    assert list(chart_layouts(at)) == ["explorer_investor_irr"]
    at.toggle(key="present").set_value(False).run()
    assert "present" not in at.query_params
    assert len(charts(at)) == 5


def test_presenter_keys_move_the_headline_sliders_a_visible_amount():
    at = start({"present": "1", "lang": "da"})
    cohort = slider(at, "in_cohort_size")
    assert {"10", "20", "1.000"} <= set(cohort.options) and "11" not in cohort.options
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
