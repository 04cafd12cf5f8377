"""Translation tables, widget specs, plain-language sentences and the link warning: the
parts of the dashboard that are plain functions."""

from __future__ import annotations

import math
import string
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sib_model import PRESETS, QueryProblem, Scenario, creaming_frontier, simulate
from ui import narrative
from ui.i18n import FIELD_TEXT, GLOSSARY, LANGUAGES, TEXT, TRANSLATIONS, Translator
from ui.inputs import INPUTS, WIDGET_KEYS, scenario_from_widgets, widget_values
from ui.state import link_problem_text

ROOT = Path(__file__).resolve().parents[1]
EN, DA = Translator("en"), Translator("da")


def _format_fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(TEXT))
def test_every_text_exists_in_both_languages_with_the_same_format_fields(key):
    assert set(TEXT[key]) == set(LANGUAGES)
    assert all(TEXT[key][lang].strip() for lang in LANGUAGES)
    assert _format_fields(TEXT[key]["en"]) == _format_fields(TEXT[key]["da"])


def test_every_scenario_field_has_a_label_and_plain_help_in_both_languages():
    assert set(FIELD_TEXT) == set(Scenario.model_fields)
    for field, texts in FIELD_TEXT.items():
        for part in ("label", "help"):
            assert texts[part]["en"] and texts[part]["da"], (field, part)
            assert texts[part]["en"] != texts[part]["da"] or part == "label"


def test_headline_labels_are_the_ones_the_browser_test_looks_for():
    assert [EN.label(f) for f in ("cohort_size", "success_probability", "difficulty")] == [
        "Cohort size", "Success probability", "Target-group difficulty"]
    assert TRANSLATIONS["da"]["label_cohort_size"] == DA.label("cohort_size")
    assert EN("advanced") == "Advanced" and DA("advanced") == "Avanceret"
    assert EN("language") == DA("language") == "Language / Sprog"


def test_glossary_holds_the_design_documents_danish_words():
    danish = " ".join(da for da, _ in GLOSSARY)
    for word in ("dødvægt", "at skumme fløden", "resultatkontrakt", "metodefrihed",
                 "forventningsafstemning", "tærskel", "loft"):
        assert word in danish


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_survives_the_round_trip_through_the_widgets(name):
    preset = PRESETS[name]
    assert scenario_from_widgets(widget_values(preset)) == preset


def test_switched_off_fields_keep_their_last_widget_value():
    capped = Scenario(payment_cap=7_000_000)
    values = widget_values(Scenario(), previous=widget_values(capped))
    assert values["in_payment_cap_switch"] is False and values["in_payment_cap"] == 7_000_000
    assert scenario_from_widgets(values) == Scenario()


def test_known_exactly_evidence_is_infinite():
    s = Scenario(evidence_strength=math.inf)
    values = widget_values(s)
    assert values["in_evidence_strength_switch"] is True
    assert scenario_from_widgets(values) == s


def test_bad_widget_values_fall_back_instead_of_raising():
    values = {**widget_values(Scenario()), "in_cohort_size": "many", "in_difficulty": 7.0}
    s = scenario_from_widgets(values, fallback=Scenario(cohort_size=33))
    assert s.cohort_size == 33 and s.difficulty == 0.5


def test_every_widget_key_is_stable_and_unique():
    assert len(WIDGET_KEYS) == len(set(WIDGET_KEYS))
    assert all(key.startswith("in_") for key in WIDGET_KEYS)
    assert all(spec.key == f"in_{field}" for field, spec in INPUTS.items())


@settings(max_examples=60, deadline=None)
@given(cohort=st.integers(1, 10_000), p=st.floats(0, 1), d=st.floats(0, 1),
       price=st.floats(0, 1e8), cap=st.one_of(st.none(), st.floats(0, 1e10)))
def test_widgets_show_any_valid_scenario_exactly_up_to_six_decimals(cohort, p, d, price, cap):
    s = Scenario(cohort_size=cohort, success_probability=p, difficulty=d,
                 price_per_outcome=price, payment_cap=cap)
    back = scenario_from_widgets(widget_values(s))
    assert back.cohort_size == cohort
    assert back.success_probability == pytest.approx(p, abs=1e-6)
    assert back.difficulty == pytest.approx(d, abs=1e-6)
    assert (back.payment_cap is None) == (cap is None)


@pytest.mark.parametrize("loss, expected", [
    (0.25, "In **8 of 10** simulated futures"), (0.31, "In **7 of 10** simulated futures"),
    (0.0, "In **all** simulated futures"), (1.0, "In **none** of the simulated futures"),
    (0.999, "In **1 of 10** simulated futures"), (0.001, "In **9 of 10** simulated futures")])
def test_money_back_sentence_rounds_but_never_overstates(loss, expected):
    assert narrative.money_back_sentence(loss, EN).startswith(expected)


def test_explorer_sentences_speak_of_threshold_and_cap_only_when_set():
    plain = narrative.explorer_sentences(simulate(Scenario(), 500, seed=1).summary,
                                         Scenario(), EN)
    assert not any("threshold is met" in s or "cap binds" in s for s in plain)
    s = Scenario(success_threshold=0.3, payment_cap=6_000_000)
    sentences = narrative.explorer_sentences(simulate(s, 500, seed=1).summary, s, EN)
    assert any("threshold is met" in x for x in sentences)
    assert any("cap binds" in x for x in sentences)


def test_creaming_sentence_names_the_gap():
    frontier = creaming_frontier(Scenario(), n_points=11, n_simulations=500, seed=1)
    sentence = narrative.creaming_sentence(frontier, DA)
    assert "sværhedsgrad **0,00**" in sentence and "**1,00**" in sentence


def test_link_warning_is_short_escaped_and_translated():
    problems = [QueryProblem("n", "1e999", "invalid_value", "x"),
                QueryProblem("<b>evil</b>" * 50, "1", "unknown_key"),
                QueryProblem("lang", "xx", "invalid_value", "en, da")]
    english = link_problem_text(problems, EN)
    assert "n = 1e999 (allowed: a whole number from 1 to 10,000)" in english
    assert "<b>" not in english and len(english) < 400
    assert "lang = xx (allowed: en or da)" in english
    assert "ukendt indstilling" in link_problem_text(problems, DA)


def test_chart_and_text_helpers_never_import_streamlit():
    code = ("import sys; import ui.charts, ui.narrative, ui.inputs, ui.i18n, ui.formatting; "
            "print('streamlit' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "False"


def test_explorer_sentences_when_the_investor_puts_in_nothing():
    s = Scenario(fixed_costs=0.0, provider_fee_at_risk=1.0)
    sentences = narrative.explorer_sentences(simulate(s, 500, seed=1).summary, s, EN)
    assert "no money" in sentences[0]
    assert not any("gets its money back" in sentence for sentence in sentences)


def test_explorer_sentences_when_the_programme_adds_nothing():
    s = Scenario(counterfactual_probability=0.9)
    sentences = narrative.explorer_sentences(simulate(s, 500, seed=1).summary, s, EN)
    assert any("no additional outcomes" in sentence for sentence in sentences)
    assert not any("deadweight" in sentence for sentence in sentences)


def test_creaming_sentence_without_any_preference():
    frontier = creaming_frontier(Scenario(success_threshold=1.0, payment_cap=0.0), n_points=5,
                                 n_simulations=300)
    assert "Neither party" in narrative.creaming_sentence(frontier, EN)
