"""The link, the language switch and the presets through AppTest.

A link must reproduce a view on another laptop, and a hand-edited or hostile link must never
cost more than a short warning: bad keys fall back to valid values and the rest still counts.
"""

from __future__ import annotations

import pytest

from sib_model import PRESETS, Scenario
from tests._app import chart_data, chart_layouts, sidebar_link, slider, start
from ui.app.sidebar import ADVANCED_WIDGET_KEYS
from ui.spec import keys
from ui.spec.inputs import HEADLINE_FIELDS

pytestmark = pytest.mark.apptest


def test_a_link_reproduces_the_scenario_without_warning():
    at = start(
        {"n": "50", "p": "0.3", "d": "0.7", "basis": "above_baseline", "cap": "9000000"},
        advanced=True,
    )
    assert at.session_state["scenario"] == Scenario(
        cohort_size=50,
        success_probability=0.3,
        difficulty=0.7,
        payment_basis="above_baseline",
        payment_cap=9_000_000,
    )
    assert not at.warning
    assert slider(at, "in_cohort_size").value == 50
    assert at.checkbox(key="in_payment_cap_switch").value is True


def test_a_link_with_more_citizens_than_the_slider_shows_widens_the_slider():
    at = start({"n": "5000"})
    assert at.session_state["scenario"].cohort_size == 5000
    assert slider(at, "in_cohort_size").value == 5000


@pytest.mark.parametrize(
    ("query", "bad_key"),
    [
        ({"n": "abc"}, "n"),
        ({"p": "5"}, "p"),
        ({"zzz": "1"}, "zzz"),
        ({"d": "1e309"}, "d"),
        ({"n": "9" * 5000}, "n"),
        ({"price": "1e308"}, "price"),
        ({"k": "nan"}, "k"),
        ({"basis": "<script>alert(1)</script>"}, "basis"),
        ({"lang": "klingon"}, "lang"),
        ({"x" * 2000: "1"}, "x" * 30),
    ],
)
def test_a_malformed_link_warns_and_falls_back(query, bad_key):
    at = start(query)
    assert len(at.warning) == 1
    warning = at.warning[0].value
    assert bad_key.replace("_", "\\_") in warning or bad_key in warning
    assert len(warning) < 600, "the warning must stay short, even for a huge value"
    assert "<script>" not in warning
    assert at.session_state["scenario"] == Scenario()
    assert chart_data(at), "the page still draws its charts"
    assert "zzz" not in at.query_params
    assert "x" * 30 not in "".join(at.query_params)


def test_a_valid_value_beyond_the_dashboards_range_is_used_at_the_edge_and_said():
    at = start({"k": "5000000"})  # the model allows it; the input stops at 1,000,000
    assert at.session_state["scenario"].evidence_strength == 1_000_000
    warning = at.warning[0].value
    assert "k = 5,000,000" in warning
    assert "1,000,000 used" in warning


def test_a_partly_bad_link_keeps_its_good_values():
    at = start({"n": "40", "p": "banana", "d": "0.2"})
    assert at.session_state["scenario"] == Scenario(cohort_size=40, difficulty=0.2)
    assert "p = banana" in at.warning[0].value
    assert at.query_params == {"n": "40", "d": "0.2"}


def test_the_link_warning_is_danish_in_a_danish_link():
    at = start({"lang": "da", "n": "abc"})
    assert "kunne ikke bruges" in at.warning[0].value
    assert "et helt tal fra 1 til 10.000" in at.warning[0].value


def test_the_language_switch_changes_labels_titles_and_link():
    at = start()
    at.radio(key="lang").set_value("da").run()
    assert not at.exception
    labels = [slider(at, f"in_{field}").label for field in HEADLINE_FIELDS]
    assert labels == ["Antal borgere", "Succesrate", "Målgruppens sværhedsgrad"]
    assert at.title[0].value == "Udforsk"
    assert at.query_params.get("lang") == "da"
    assert next(m.label for m in at.metric) == "Forventet afkast (IRR)"
    assert any(m.value.endswith(" kr.") for m in at.metric)
    titles = [data_title for data_title in _chart_titles(at)]
    assert "Investorens afkast i de simulerede forløb" in titles


def test_a_danish_browser_opens_in_danish_and_any_other_in_english():
    """Issue 20, item 1: the language follows the browser's (``st.context.locale``)."""
    at = start(page="", locale="da-DK")
    assert at.title[0].value == "Sociale investeringer: forstå dem, før I skriver under"
    assert at.radio(key="lang").value == "da"
    assert at.query_params.get("lang") == "da"
    assert at.selectbox(key="preset").format_func("article") == "100 i job (artiklen)"
    for locale in ("en-US", "de-DE", None):
        at = start(page="", locale=locale)
        assert at.radio(key="lang").value == "en", locale
        assert "lang" not in at.query_params  # English by default: the link stays short


def test_the_links_language_wins_over_the_browsers_and_stays_in_the_link():
    at = start({"lang": "en", "d": "0.7"}, locale="da-DK")
    assert at.title[0].value == "Explorer"
    assert at.query_params.get("lang") == "en"  # a reload on this browser stays English
    at = start({"lang": "da"}, locale="en-US")
    assert at.title[0].value == "Udforsk"


def test_the_users_choice_wins_over_the_browsers_and_travels_in_the_link():
    at = start(locale="da-DK")
    at.radio(key="lang").set_value("en").run()
    assert at.title[0].value == "Explorer"
    assert at.query_params.get("lang") == "en"
    assert "lang=en" in sidebar_link(at)


def test_switching_the_language_back_and_forth_keeps_every_value():
    """A browser keeps a select slider's value as its option's text ("40 %"), which the other
    language does not have; the real-browser test shows the switch keeps the value there
    (AppTest keeps the values themselves)."""
    at = start({"n": "250", "p": "0.63", "d": "0.3", "spread": "0.2"}, advanced=True)
    before = at.session_state["scenario"]
    for lang in ("da", "en", "da"):
        at.radio(key="lang").set_value(lang).run()
        assert at.session_state["scenario"] == before, lang
        assert slider(at, "in_success_probability").value == pytest.approx(0.63)
    assert at.selectbox(key="preset").value == "custom"
    assert at.query_params.get("p") == "0.63"


def test_a_danish_link_opens_in_danish_on_any_page():
    at = start({"lang": "da"}, page="creaming")
    assert at.title[0].value == "At skumme fløden"
    assert at.expander[0].label == "Avanceret"
    assert "Cohort size" not in str([s.label for s in at.sidebar.slider])


def test_a_preset_loads_its_scenario_into_every_widget():
    at = start(advanced=True)
    at.selectbox(key="preset").set_value("ballerup").run()
    assert not at.exception
    assert at.session_state["scenario"] == PRESETS["ballerup"]
    assert slider(at, "in_cohort_size").value == 10
    assert slider(at, "in_referral_rate").value == pytest.approx(0.6)
    assert at.query_params.get("n") == "10"
    # The preset's story stands under the preset selector in the sidebar.
    assert any("only 6 of 10 started" in c.value for c in at.sidebar.caption)


def test_moving_a_slider_after_a_preset_marks_the_scenario_as_ones_own():
    at = start()
    at.selectbox(key="preset").set_value("peterborough").run()
    slider(at, "in_difficulty").set_value(0.7).run()
    assert at.selectbox(key="preset").value == "custom"
    assert at.session_state["scenario"] == PRESETS["peterborough"].replace(difficulty=0.7)


def _chart_titles(at):
    return [layout["title"]["text"] for layout in chart_layouts(at).values()]


def test_the_advanced_section_draws_its_widgets_only_while_open_and_keeps_their_values():
    at = start(advanced=True)
    slider(at, "in_referral_rate").set_value(0.7).run()
    at.text_input(key="in_public_savings_per_outcome_text").input("260000").run()
    changed = at.session_state["scenario"]
    at.session_state[keys.ADVANCED_OPEN] = False
    at.run()
    drawn = {w.key for w in [*at.slider, *at.select_slider, *at.text_input, *at.checkbox]}
    assert not drawn & set(ADVANCED_WIDGET_KEYS)
    slider(at, "in_cohort_size").set_value(60).run()  # a move while it is closed
    assert at.session_state["scenario"] == changed.replace(cohort_size=60)
    at.session_state[keys.ADVANCED_OPEN] = True
    at.run()
    assert slider(at, "in_referral_rate").value == pytest.approx(0.7)
    assert at.text_input(key="in_public_savings_per_outcome_text").value == "260,000"
    assert at.session_state["scenario"] == changed.replace(cohort_size=60)
