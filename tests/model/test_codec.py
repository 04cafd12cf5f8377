"""One codec for links, saved files and plain data: round trips, lenient links, strict files."""

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sib_model import (
    Scenario,
    ScenarioError,
    scenario_from_json,
    scenario_from_query,
    scenario_to_json,
    scenario_to_query,
)
from tests.model.strategies import scenario_numbers


def test_infinite_evidence_is_allowed_and_spelt_inf_in_text_forms():
    s = Scenario(evidence_strength=math.inf)
    assert scenario_to_query(s) == {"k": "inf"}
    assert json.loads(scenario_to_json(s))["scenario"]["evidence_strength"] == "inf"
    assert scenario_from_json(scenario_to_json(s)) == s


@settings(max_examples=60, deadline=None)
@given(st.fixed_dictionaries({}, optional=scenario_numbers))
def test_every_valid_scenario_round_trips_through_dict_json_and_query(fields):
    s = Scenario(**fields)
    assert Scenario.from_dict(s.to_dict()) == s
    assert scenario_from_json(scenario_to_json(s)) == s
    restored, problems = scenario_from_query(scenario_to_query(s))
    assert problems == []
    assert restored == s


def test_query_reading_keeps_good_values_and_reports_bad_ones():
    params = {
        "n": "abc",
        "p": "0.6",
        "zzz": "1",
        "d": "1e309",
        "cap": "none",
        "price": "9" * 500,
        "lang": "da",
    }
    s, problems = scenario_from_query(params, ignore=frozenset({"lang"}))
    assert s == Scenario(success_probability=0.6)
    reasons = {p.key: p.reason for p in problems}
    assert reasons == {
        "n": "invalid_value",
        "zzz": "unknown_key",
        "d": "invalid_value",
        "price": "invalid_value",
    }
    assert all(len(p.value) <= 41 for p in problems)


def test_query_reading_accepts_long_field_names_and_builds_on_a_base():
    base = Scenario(cohort_size=40)
    s, problems = scenario_from_query({"difficulty": "0.9"}, base=base)
    assert problems == []
    assert s == Scenario(cohort_size=40, difficulty=0.9)


def test_a_link_naming_a_field_twice_reports_a_duplicate_and_keeps_the_first():
    s, problems = scenario_from_query({"n": "50", "cohort_size": "60"})
    assert s.cohort_size == 50
    assert [(p.key, p.reason, p.allowed) for p in problems] == [("cohort_size", "duplicate", "n")]


def test_an_old_and_a_new_key_for_the_same_field_are_a_duplicate_too():
    s, problems = scenario_from_query({"referral": "0.6", "ref": "0.7"})
    assert s.referral_rate == 0.6
    assert [p.reason for p in problems] == ["duplicate"]


def test_tracking_keys_from_newsletters_and_ads_give_no_problem():
    params = {
        "utm_source": "newsletter",
        "utm_campaign": "x",
        "fbclid": "abc",
        "gclid": "def",
        "p": "0.5",
    }
    s, problems = scenario_from_query(params)
    assert problems == []
    assert s == Scenario(success_probability=0.5)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "[1, 2]",
        '{"scenario": {"cohort_size": -1}}',
        b"\xff\xfe",
        '{"scenario": {"price": 1}}',
    ],
)
def test_broken_files_are_refused_with_a_scenario_error(text):
    with pytest.raises(ScenarioError):
        scenario_from_json(text)


def test_json_nested_thousands_deep_is_refused_with_a_message_not_a_recursion_error():
    with pytest.raises(ScenarioError, match="nested too deeply") as caught:
        scenario_from_json("[" * 5_000 + "]" * 5_000)
    assert isinstance(caught.value, ValueError)


def test_a_five_thousand_digit_number_is_refused_with_a_message():
    with pytest.raises(ScenarioError, match="number too long"):
        scenario_from_json('{"scenario": {"cohort_size": ' + "9" * 5_000 + "}}")


def test_a_five_thousand_digit_decimal_is_refused_naming_its_field():
    # json reads it as infinity; the scenario refuses an infinite price.
    with pytest.raises(ScenarioError, match="price_per_outcome"):
        scenario_from_json('{"scenario": {"price_per_outcome": 1' + "0" * 5_000 + ".0}}")


def test_a_file_larger_than_any_saved_scenario_is_refused():
    with pytest.raises(ScenarioError, match="larger than"):
        scenario_from_json(" " * 200_000)


@pytest.mark.parametrize("text", ["٥٠", "５０", "५०", "5_0", "0x32", "nan", "1,5", "½"])
def test_a_link_number_is_plain_ascii_decimal(text):
    # int()/float() would read all of these (but 1,5 and ½); a link never writes them.
    s, problems = scenario_from_query({"n": text, "p": text})
    assert s == Scenario()
    assert [p.reason for p in problems] == ["invalid_value"] * 2


@pytest.mark.parametrize("text", ["inf", "Infinity", "∞", "1e10"])
def test_evidence_strength_reads_infinity_in_words(text):
    s, problems = scenario_from_query({"k": text})
    assert problems == []
    assert s.evidence_strength == math.inf
