"""Every fact about a scenario field sits next to the field; every table is derived from it.

The test that matters most here adds a throwaway field in a subclass — one declaration, no
other file touched — and finds it in the link codec, the sensitivity swings and the advanced
inputs.
"""

from typing import Annotated

from pydantic import Field

from sib_model import Scenario, scenario_from_query, scenario_to_query
from sib_model.analysis_sensitivity import SWINGS, swings
from sib_model.codec import QUERY_KEYS, field_of_query_key, query_keys
from sib_model.fields import Control, FieldSpec, Swing, field_limits, field_specs
from ui.spec.inputs import (
    ADVANCED_SECTIONS,
    HEADLINE_FIELDS,
    INPUTS,
    advanced_sections,
    input_specs,
)


class ScenarioWithTeaBreaks(Scenario):
    """A scenario with one extra, made-up input: nothing but this declaration adds it."""

    tea_breaks_per_week: Annotated[
        float,
        FieldSpec(
            "tea",
            "breaks per week",
            "money",
            Control("slider", 0.5, "number", "%.1f"),
            Swing("absolute", 1.0),
        ),
    ] = Field(2.0, ge=0.0, le=10.0, description="A throwaway field for this test.")


def test_a_new_field_appears_in_the_codec_from_its_declaration_alone():
    assert query_keys(ScenarioWithTeaBreaks)["tea_breaks_per_week"] == "tea"
    s = ScenarioWithTeaBreaks(tea_breaks_per_week=3.5)
    assert scenario_to_query(s) == {"tea": "3.5"}
    read, problems = scenario_from_query({"tea": "4.5"}, base=ScenarioWithTeaBreaks())
    assert problems == []
    assert read.tea_breaks_per_week == 4.5
    read, problems = scenario_from_query({"tea": "11"}, base=ScenarioWithTeaBreaks())
    assert [p.reason for p in problems] == ["invalid_value"]
    assert problems[0].allowed == "a number from 0 to 10"


def test_a_new_field_appears_in_the_sensitivity_swings_and_advanced_inputs():
    assert swings(ScenarioWithTeaBreaks)["tea_breaks_per_week"] == Swing("absolute", 1.0)
    spec = input_specs(ScenarioWithTeaBreaks)["tea_breaks_per_week"]
    assert (spec.kind, spec.lo, spec.hi, spec.step) == ("slider", 0.0, 10.0, 0.5)
    assert "tea_breaks_per_week" in advanced_sections(ScenarioWithTeaBreaks)["section_money"]
    # ... and the plain scenario's tables are untouched.
    assert "tea_breaks_per_week" not in INPUTS
    assert "tea_breaks_per_week" not in SWINGS


def test_every_table_covers_exactly_the_scenario_fields():
    fields = set(Scenario.model_fields)
    assert set(field_specs()) == set(field_limits()) == fields
    assert set(QUERY_KEYS) == set(INPUTS) == fields
    shown = set(HEADLINE_FIELDS) | {f for group in ADVANCED_SECTIONS.values() for f in group}
    assert shown == fields
    # A choice does not swing; nor does the split of the wrong pocket between state and
    # region, which moves no money between the contract's parties (every tornado metric is
    # one of theirs, so its bars would have length zero).
    choices = {f for f, s in field_specs().items() if s.choices}
    assert fields - set(SWINGS) == choices | {"state_share_of_other_savings"}


def test_query_keys_are_unique_and_old_keys_still_read():
    every_key = [
        key
        for name, spec in field_specs().items()
        for key in (spec.query_key, name, *spec.old_query_keys)
    ]
    assert len(every_key) == len(set(every_key))
    # "ref" once meant the referral rate; "reference group" is a core term, so links now
    # write "referral", and old links still open.
    assert field_of_query_key("ref") == field_of_query_key("referral") == "referral_rate"
    assert scenario_to_query(Scenario(referral_rate=0.6)) == {"referral": "0.6"}
