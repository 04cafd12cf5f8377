"""Widgets: every scenario field has one, and scenario → widget values → scenario is exact."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sib_model import PRESETS, Scenario
from ui.spec.inputs import INPUTS, SWITCH_KEYS, scenario_from_widgets, widget_values
from ui.text.translator import Translator

EN, DA = Translator("en"), Translator("da")


def test_every_scenario_field_has_a_label_and_plain_help_in_both_languages():
    for field in Scenario.model_fields:
        assert EN.label(field), field
        assert DA.label(field), field
        assert EN.help(field) != DA.help(field), field


def test_headline_labels_are_the_ones_the_browser_test_looks_for():
    assert [EN.label(f) for f in ("cohort_size", "success_probability", "difficulty")] == [
        "Cohort size",
        "Success probability",
        "Target-group difficulty",
    ]
    assert EN("advanced") == "Advanced"
    assert DA("advanced") == "Avanceret"
    assert EN("language") == DA("language") == "Language / Sprog"


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_survives_the_round_trip_through_the_widgets(name):
    preset = PRESETS[name]
    assert scenario_from_widgets(widget_values(preset)) == preset


def test_switched_off_fields_keep_their_last_widget_value():
    capped = Scenario(payment_cap=7_000_000)
    values = widget_values(Scenario(), previous=widget_values(capped))
    assert values[SWITCH_KEYS["payment_cap"]] is False
    assert values[INPUTS["payment_cap"].key] == 7_000_000
    assert scenario_from_widgets(values) == Scenario()


def test_known_exactly_evidence_is_infinite():
    s = Scenario(evidence_strength=math.inf)
    values = widget_values(s)
    assert values[SWITCH_KEYS["evidence_strength"]] is True
    assert scenario_from_widgets(values) == s


def test_the_return_cap_is_an_optional_field_with_a_switch():
    s = Scenario(investor_return_cap=1.3, guarantee_share=0.5, parked_share=0.2)
    values = widget_values(s)
    assert values[SWITCH_KEYS["investor_return_cap"]] is True
    assert scenario_from_widgets(values) == s


def test_bad_widget_values_fall_back_instead_of_raising():
    values = {**widget_values(Scenario()), "in_cohort_size": "many", "in_difficulty": 7.0}
    s = scenario_from_widgets(values, fallback=Scenario(cohort_size=33))
    assert s.cohort_size == 33
    assert s.difficulty == 0.5


@settings(max_examples=60, deadline=None)
@given(
    cohort=st.integers(1, 10_000),
    p=st.floats(0, 1),
    d=st.floats(0, 1),
    price=st.floats(0, 1e8),
    cap=st.one_of(st.none(), st.floats(0, 1e10)),
    spread=st.floats(0, 0.5),
    parked=st.floats(0, 1),
)
def test_widgets_show_any_valid_scenario_exactly_up_to_six_decimals(
    cohort, p, d, price, cap, spread, parked
):
    s = Scenario(
        cohort_size=cohort,
        success_probability=p,
        difficulty=d,
        price_per_outcome=price,
        payment_cap=cap,
        difficulty_spread=spread,
        parked_share=parked,
    )
    back = scenario_from_widgets(widget_values(s))
    assert back.cohort_size == cohort
    assert back.success_probability == pytest.approx(p, abs=1e-6)
    assert back.difficulty == pytest.approx(d, abs=1e-6)
    assert back.parked_share == pytest.approx(parked, abs=1e-6)
    assert (back.payment_cap is None) == (cap is None)
