"""AppTest of the Start page and the guided story: every step forward and back, the step in
the link, both languages, and old links that still open the Explorer."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from sib_model import Scenario
from tests._app import APP, charts, start, text_of
from ui.spec import keys
from ui.spec.inputs import scenario_from_widgets
from ui.words.story import STEPS

pytestmark = pytest.mark.apptest


def _scenario(at) -> Scenario:
    return at.session_state["scenario"]


def _button(at, label: str):
    return next(b for b in at.button if b.label == label)


def test_story_runs_forward_and_back_and_every_step_changes_the_scenario():
    at = start(page="story")
    seen = [_scenario(at)]
    assert _scenario(at) == STEPS[0].scenario
    assert at.query_params["step"] == "1"
    for number in range(2, len(STEPS) + 1):
        _button(at, "Next").click().run()
        assert not at.exception, [e.value for e in at.exception]
        step = STEPS[number - 1]
        assert at.session_state["story_step"] == number
        assert at.query_params["step"] == str(number)
        assert _scenario(at) == step.scenario != seen[-1]
        assert list(charts(at)) == [step.chart]
        seen.append(_scenario(at))
    # The last step has no Next (greyed out, it led nowhere): a way on to the Explorer and
    # a way back to step 1 take its place, in the row above the step and in the one below.
    labels = [b.label for b in at.button]
    assert "Next" not in labels
    assert labels.count("On to the Explorer") == labels.count("From step 1") == 2
    for number in range(len(STEPS) - 1, 0, -1):
        _button(at, "Back").click().run()
        assert not at.exception, [e.value for e in at.exception]
        assert _scenario(at) == seen[number - 1]
    assert _button(at, "Back").disabled


def test_every_step_has_its_buttons_above_and_below_it():
    at = start(page="story")
    _button(at, "Next").click().run()
    labels = [b.label for b in at.button]
    assert labels.count("Back") == labels.count("Next") == labels.count("Keep exploring") == 2
    # The lower Next (what a phone reader reaches after the step) moves on just the same.
    [*_, lower] = [b for b in at.button if b.label == "Next"]
    lower.click().run()
    assert at.session_state["story_step"] == 3
    assert _scenario(at) == STEPS[2].scenario


def test_the_last_step_goes_on_to_the_explorer_or_back_to_the_first_step():
    at = start(page="story")
    at.session_state["story_step"] = len(STEPS)
    at.run()
    _button(at, "From step 1").click().run()
    assert at.session_state["story_step"] == 1
    assert _scenario(at) == STEPS[0].scenario
    at.session_state["story_step"] = len(STEPS)
    at.run()
    _button(at, "On to the Explorer").click().run()
    assert not at.exception
    assert at.title[0].value == "Explorer"
    assert _scenario(at) == STEPS[-1].scenario


def test_step_in_the_link_opens_that_step_with_its_scenario():
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["step"] = "4"
    at.run()
    at.switch_page("app_pages/story.py").run()
    assert not at.exception
    assert at.session_state["story_step"] == 4
    assert _scenario(at) == STEPS[3].scenario
    assert at.header[0].value.startswith("4. ")
    assert list(charts(at)) == [STEPS[3].chart]


def test_story_numbers_are_the_explorers_numbers():
    at = start(page="story")
    _button(at, "Next").click().run()  # the municipality's view: default scenario
    from sib_model import evaluate
    from ui.text.numbers import NumberFormat

    net = evaluate(_scenario(at)).summary["expected_commissioner_net"]
    assert NumberFormat("en").money(net) in text_of(at)


def test_keep_exploring_keeps_the_scenario_in_the_sliders():
    at = start(page="story")
    for _ in range(3):
        _button(at, "Next").click().run()
    _button(at, "Keep exploring").click().run()
    assert not at.exception
    assert at.title[0].value == "Explorer"
    assert _scenario(at) == STEPS[3].scenario
    widgets = {k: at.session_state[k] for k in ("in_difficulty", "in_cohort_size")}
    assert scenario_from_widgets(widgets, fallback=STEPS[3].scenario).difficulty == 0.2


@pytest.mark.parametrize(
    ("lang", "title", "button"),
    [
        ("en", "Social impact bonds", "Open the explorer"),
        ("da", "Sociale investeringer", "Åbn Udforsk"),
    ],
)
def test_start_page_is_the_default_page_in_both_languages(lang, title, button):
    at = start({"lang": lang} if lang != "en" else None, page="")
    assert at.title[0].value.startswith(title)
    assert any(b.label == button for b in at.button)
    _button(at, button).click().run()
    assert at.title[0].value in ("Explorer", "Udforsk")


def test_start_page_says_where_the_sliders_are_on_a_laptop_and_on_a_phone():
    at = start({"lang": "da"}, page="")
    assert "(skyderne til venstre)" in at.header[1].value
    at.session_state[keys.NARROW_SCREEN] = True  # a phone: the sliders are above the page
    at.run()
    assert "(skyderne øverst)" in at.header[1].value


def test_start_page_opens_the_story_at_its_first_step():
    at = start(page="")
    _button(at, "Start the guided story").click().run()
    assert not at.exception
    assert at.session_state["story_step"] == 1
    assert _scenario(at) == STEPS[0].scenario
    assert at.header[0].value.startswith("1. ")


def test_old_link_with_scenario_keys_still_opens_the_explorer_with_its_values():
    at = start({"n": "60", "p": "0.55", "d": "0.8", "lang": "da"}, page="")
    assert at.title[0].value == "Udforsk"
    assert _scenario(at) == Scenario(cohort_size=60, success_probability=0.55, difficulty=0.8)
    # Later, the menu's Start page is the Start page again.
    at.switch_page("app_pages/start.py").run()
    assert at.title[0].value.startswith("Sociale investeringer")


def test_the_wrong_pocket_step_shows_the_pockets_and_its_notice_quotes_them():
    number = next(i for i, step in enumerate(STEPS, 1) if step.key == "wrong_pocket")
    at = start({"step": str(number)}, page="story")
    assert list(charts(at)) == ["explorer_wrong_pocket"]
    from sib_model import evaluate
    from ui.text.numbers import NumberFormat

    summary = evaluate(_scenario(at)).summary
    notice = text_of(at)
    fmt = NumberFormat("en")
    for key in (
        "expected_commissioner_saving_pv",
        "expected_state_saving_pv",
        "expected_region_saving_pv",
    ):
        assert summary[key] > 0, key
        assert fmt.money(summary[key]) in notice, key
