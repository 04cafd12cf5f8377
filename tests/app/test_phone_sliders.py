"""Issue 10, item 6: the headline sliders again at the top of the page for phones."""

from __future__ import annotations

import pytest

from tests._app import chart_data, start
from ui.spec import keys

pytestmark = pytest.mark.apptest


def _phone(at, field):
    key = f"phone_in_{field}"
    found = [w for w in [*at.select_slider, *at.slider] if w.key == key]
    assert found, key
    return found[0]


@pytest.mark.parametrize("present", [False, True])
def test_phone_sliders_move_the_scenario_and_follow_the_sidebar(present):
    at = start({"present": "1"} if present else None)
    at.session_state[keys.NARROW_SCREEN] = True  # what the viewport probe reports on a phone
    at.run()
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


def _phone_keys(at):
    return {w.key for w in [*at.select_slider, *at.slider] if w.key and w.key.startswith("phone_")}


def test_the_copy_is_drawn_only_while_the_window_is_narrow():
    at = start()
    assert not _phone_keys(at)  # a laptop: the sidebar holds the only sliders
    at.session_state[keys.NARROW_SCREEN] = True
    at.run()
    assert _phone_keys(at) == {
        "phone_in_cohort_size",
        "phone_in_success_probability",
        "phone_in_difficulty",
    }
    at.session_state[keys.NARROW_SCREEN] = False  # the window widened again
    at.run()
    assert not _phone_keys(at)
