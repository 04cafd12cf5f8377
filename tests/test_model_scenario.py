"""Scenario: validated at the door, immutable, and round-trips through every plain-data form."""

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sib_model import (FIELD_LIMITS, Scenario, ScenarioError, scenario_from_json,
                       scenario_from_query, scenario_to_json, scenario_to_query)


@pytest.mark.parametrize("field, value, range_words", [
    ("cohort_size", -5, "from 1 to 10000"),
    ("cohort_size", 10.5, "whole number"),
    ("cohort_size", "abc", "whole number"),
    ("cohort_size", True, "whole number"),
    ("success_probability", 1.2, "from 0 to 1"),
    ("counterfactual_probability", -0.1, "from 0 to 1"),
    ("referral_rate", math.nan, "from 0 to 1"),
    ("payment_basis", "per_smile", "every_outcome"),
    ("price_per_outcome", -1.0, "from 0 to"),
    ("fixed_costs", math.inf, "from 0 to"),
    ("evidence_strength", math.nan, "inf"),
    ("evidence_strength", 0.0, "from 0.001"),
        ("evidence_strength", 5e-324, "from 0.001"),  # would underflow the beta distribution
    ("duration_years", [3], "whole number"),
    ("cohort_size", "100", "whole number"),  # text is for the codec to read, not the model
    ("price_per_outcome", b"1", "from 0 to"),
    ("payment_lag_years", 0, "from 1 to 5"),
    ("payment_cap", "lots", "or empty for none"),
])
def test_bad_values_are_refused_with_field_and_allowed_range(field, value, range_words):
    with pytest.raises(ValueError) as caught:
        Scenario(**{field: value})
    assert isinstance(caught.value, ScenarioError)
    message = str(caught.value)
    assert field in message
    assert range_words in message
    assert caught.value.problems[0][0] == field


def test_misspelt_field_is_refused_not_ignored():
    with pytest.raises(ScenarioError, match="cohort_sise.*unknown field"):
        Scenario(cohort_sise=50)
    with pytest.raises(ScenarioError, match="unknown field"):
        Scenario.model_validate({"difficulty": 0.3, "dificulty": 0.9})


def test_numpy_numbers_are_numbers():
    import numpy as np
    s = Scenario(cohort_size=np.int64(40), success_probability=np.float64(0.3))
    assert s.cohort_size == 40 and type(s.cohort_size) is int


def test_model_validate_accepts_any_mapping_and_refuses_bad_data_like_the_constructor():
    from types import MappingProxyType
    assert Scenario.model_validate(MappingProxyType({"cohort_size": 40})).cohort_size == 40
    with pytest.raises(ScenarioError, match="cohort_size"):
        Scenario.model_validate({"cohort_size": -1})


def test_model_validate_refuses_non_mappings():
    with pytest.raises(ScenarioError, match="mapping"):
        Scenario.model_validate([("cohort_size", 10)])


def test_scenarios_are_immutable_and_replace_validates():
    s = Scenario()
    with pytest.raises(Exception):
        s.difficulty = 0.9  # type: ignore[misc]
    harder = s.replace(difficulty=0.8)
    assert harder.difficulty == 0.8 and s.difficulty == 0.5
    with pytest.raises(ScenarioError, match="difficulty"):
        s.replace(difficulty=1.5)


def test_infinite_evidence_is_allowed_and_spelt_inf_in_text_forms():
    s = Scenario(evidence_strength=math.inf)
    assert scenario_to_query(s) == {"k": "inf"}
    assert json.loads(scenario_to_json(s))["scenario"]["evidence_strength"] == "inf"
    assert scenario_from_json(scenario_to_json(s)) == s


def test_declared_limits_are_the_ones_enforced():
    lower, upper = FIELD_LIMITS["cohort_size"]
    Scenario(cohort_size=lower)
    Scenario(cohort_size=upper)
    with pytest.raises(ScenarioError):
        Scenario(cohort_size=upper + 1)


_numbers = {
    "cohort_size": st.integers(1, 10_000),
    "referral_rate": st.floats(0, 1),
    "success_probability": st.floats(0, 1),
    "difficulty": st.floats(0, 1),
    "evidence_strength": st.one_of(st.floats(0.01, 1e6), st.just(math.inf)),
    "price_per_outcome": st.floats(0, 1e8),
    "payment_basis": st.sampled_from(["every_outcome", "above_baseline"]),
    "contract_baseline": st.one_of(st.none(), st.floats(0, 1)),
    "payment_cap": st.one_of(st.none(), st.floats(0, 1e10)),
    "payment_lag_years": st.integers(1, 5),
}


@settings(max_examples=60, deadline=None)
@given(st.fixed_dictionaries({}, optional=_numbers))
def test_every_valid_scenario_round_trips_through_dict_json_and_query(fields):
    s = Scenario(**fields)
    assert Scenario.from_dict(s.to_dict()) == s
    assert scenario_from_json(scenario_to_json(s)) == s
    restored, problems = scenario_from_query(scenario_to_query(s))
    assert problems == [] and restored == s


def test_query_reading_keeps_good_values_and_reports_bad_ones():
    params = {"n": "abc", "p": "0.6", "zzz": "1", "d": "1e309", "cap": "none",
              "price": "9" * 500, "lang": "da"}
    s, problems = scenario_from_query(params, ignore=frozenset({"lang"}))
    assert s == Scenario(success_probability=0.6)
    reasons = {p.key: p.reason for p in problems}
    assert reasons == {"n": "invalid_value", "zzz": "unknown_key", "d": "invalid_value",
                       "price": "invalid_value"}
    assert all(len(p.value) <= 41 for p in problems)


def test_query_reading_accepts_long_field_names_and_builds_on_a_base():
    base = Scenario(cohort_size=40)
    s, problems = scenario_from_query({"difficulty": "0.9"}, base=base)
    assert problems == [] and s == Scenario(cohort_size=40, difficulty=0.9)


@pytest.mark.parametrize("text", ["", "not json", "[1, 2]", '{"scenario": {"cohort_size": -1}}',
                                  b"\xff\xfe", '{"scenario": {"price": 1}}'])
def test_broken_files_are_refused_with_a_scenario_error(text):
    with pytest.raises(ScenarioError):
        scenario_from_json(text)
