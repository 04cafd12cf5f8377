"""AppTest of the facilitator's guide: the page in both languages, both plans, its buttons
opening their pages with the block's example or story step in the sliders (the baseline and
the pinned scenarios kept), and the app's own links opening the same in a new session."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from sib_model import PRESETS, Scenario
from tests._app import APP, start, text_of
from ui.spec import keys
from ui.text.translator import Translator
from ui.words.guide import PLANS, link_query, plan_text, present_query
from ui.words.story import STEPS

pytestmark = pytest.mark.apptest


def _scenario(at: AppTest) -> Scenario:
    return at.session_state[keys.SCENARIO]


def _button(at: AppTest, label: str):
    found = [b for b in at.button if b.label == label]
    assert found, (label, [b.label for b in at.button])
    return found[0]


@pytest.mark.parametrize("lang", ["en", "da"])
def test_the_guide_shows_the_checklist_and_each_plans_blocks_in_both_languages(lang):
    t = Translator(lang)
    at = start({"lang": lang}, page="guide")
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == t("page_guide")
    for minutes in PLANS:
        at.radio(key=keys.GUIDE_PLAN).set_value(minutes).run()
        assert not at.exception, [e.value for e in at.exception]
        words = plan_text(PLANS[minutes], t)
        headers = [h.value for h in at.header]
        assert headers == [t("guide_prep_title"), words.title]
        # The sidebar's own subheader ("The three big questions") comes first.
        blocks = [s.value for s in at.main.subheader]
        assert blocks == [block.heading for block in words.blocks]
        text = text_of(at)
        for block in words.blocks:
            assert block.show in text
            assert block.handover in text
    assert len(at.get("download_button")) == 2
    # AppTest runs without a browser: the address is the local one, and the page says so.
    assert [w.value for w in at.warning] == [t("share_localhost")]


def test_the_example_button_opens_the_explorer_with_the_example_and_keeps_the_pins():
    at = start({"lang": "da", "p1": "Min", "p1.n": "40", "b.d": "0.3"}, page="guide")
    pinned, baseline = at.session_state[keys.PINNED], at.session_state[keys.BASELINE]
    _button(at, "Udforsk: Udsatte ledige, 120 (à la Aalborg)").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Udforsk"
    assert _scenario(at) == PRESETS["aalborg"]
    assert at.session_state[keys.PRESET] == at.session_state[keys.LAST_PRESET] == "aalborg"
    assert at.session_state[keys.PINNED] == pinned
    assert at.session_state[keys.BASELINE] == baseline


def test_the_story_button_opens_the_story_at_step_one_with_its_scenario():
    at = start({"n": "300"}, page="guide")
    _button(at, "Guided story: 1. The investor's view").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state[keys.STORY_STEP] == 1
    assert _scenario(at) == STEPS[0].scenario


def test_the_compare_button_loads_the_rate_card_example_and_opens_compare():
    at = start(page="guide")
    _button(at, "Compare: Hard group, rate card").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Compare"
    assert _scenario(at) == PRESETS["rate_card"]


def test_a_button_keeps_the_language_and_presenter_mode_on_the_page_it_opens():
    """st.switch_page sends no widget values: the language and presenter mode are kept for
    the session, or the Danish guide opened an English story."""
    at = start({"lang": "da", "present": "1"}, page="guide")
    _button(at, "Guidet fortælling: 1. Investorens blik").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state[keys.LANG] == "da"
    assert at.session_state[keys.PRESENT] is True
    assert at.query_params["lang"] == "da"


@pytest.mark.parametrize(
    ("link_index", "check"),
    [
        ("aalborg", lambda at: _scenario(at) == PRESETS["aalborg"]),
        ("step", lambda at: at.session_state[keys.STORY_STEP] == 1),
    ],
)
def test_the_files_links_open_the_same_in_a_new_session(link_index, check):
    """The Markdown and PDF carry the app's own links: opened afresh, each shows its block's
    example or story step, in the file's language."""
    links = [link for plan in PLANS.values() for b in plan.blocks for link in b.links]
    link = next(
        lk for lk in links if (lk.preset == "aalborg" if link_index == "aalborg" else lk.step)
    )
    at = AppTest.from_file(str(APP), default_timeout=30)
    for key, value in link_query(link, "da").items():
        at.query_params[key] = value
    at.run()
    at.switch_page(f"app_pages/{link.page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state[keys.LANG] == "da"
    assert not at.session_state[keys.LINK_PROBLEMS]
    assert check(at)


def test_the_presenter_link_of_the_checklist_turns_presenter_mode_on():
    at = start(present_query("da"), page="guide")
    assert not at.exception
    assert at.session_state[keys.PRESENT] is True
