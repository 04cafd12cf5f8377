"""Issue 10, item 6: the headline sliders again at the top of the page for phones."""

from __future__ import annotations

import pytest

from tests._app import chart_data, start


def _phone(at, field):
    key = f"phone_in_{field}"
    found = [w for w in [*at.select_slider, *at.slider] if w.key == key]
    assert found, key
    return found[0]


@pytest.mark.parametrize("present", [False, True])
def test_phone_sliders_move_the_scenario_and_follow_the_sidebar(present):
    at = start({"present": "1"} if present else None)
    before = chart_data(at)
    _phone(at, "difficulty").set_value(0.8).run()
    assert not at.exception
    assert at.session_state["scenario"].difficulty == 0.8
    assert at.session_state["in_difficulty"] == 0.8
    assert chart_data(at) != before
    _phone(at, "cohort_size").set_value(200).run()
    assert at.session_state["scenario"].cohort_size == 200
    at.selectbox(key="preset").set_value("aalborg").run()
    assert _phone(at, "success_probability").value == pytest.approx(0.535)
