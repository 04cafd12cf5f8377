"""The warning a user sees about a link that could not be used as it stands."""

from __future__ import annotations

from sib_model import QueryProblem, scenario_from_query
from ui.text.translator import Translator
from ui.words.link_messages import link_problem_text

EN, DA = Translator("en"), Translator("da")


def test_link_warning_is_short_escaped_and_translated():
    problems = [
        QueryProblem("n", "1e999", "invalid_value", "x"),
        QueryProblem("<b>evil</b>" * 50, "1", "unknown_key"),
        QueryProblem("lang", "xx", "invalid_value", "en, da"),
    ]
    english = link_problem_text(problems, EN)
    assert "n = 1e999 (allowed: a whole number from 1 to 10,000)" in english
    assert "<b>" not in english
    assert len(english) < 400
    assert "lang = xx (allowed: en or da)" in english
    assert "ukendt indstilling" in link_problem_text(problems, DA)


def test_a_choice_is_explained_in_words_not_code():
    _, problems = scenario_from_query({"basis": "per_smile"})
    english, danish = link_problem_text(problems, EN), link_problem_text(problems, DA)
    assert "Every outcome" in english
    assert "every_outcome" not in english
    assert "every_outcome" not in danish


def test_forty_unknown_keys_give_one_short_remark():
    _, problems = scenario_from_query({f"junk{i}": "1" for i in range(40)})
    text = link_problem_text(problems, EN)
    assert "40 unknown settings" in text
    assert len(text) < 200


def test_a_field_named_twice_is_reported_and_the_first_counts():
    scenario, problems = scenario_from_query({"n": "50", "cohort_size": "70"})
    assert scenario.cohort_size == 50
    assert "cohort\\_size names a setting that n already set" in link_problem_text(problems, EN)


def test_tracking_parameters_raise_no_warning():
    _, problems = scenario_from_query(
        {"utm_source": "newsletter", "fbclid": "x", "gclid": "y", "n": "40"}
    )
    assert problems == []
