"""Scenario: validated at the door, immutable, and derived only through ``replace``."""

import math

import numpy as np
import pytest
from pydantic import ValidationError

from sib_model import FIELD_LIMITS, Scenario, ScenarioError, evaluate, scenario_to_json
from sib_model.scenario import KNOWN_EXACTLY


@pytest.mark.parametrize(
    ("field", "value", "range_words"),
    [
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
        ("difficulty_premium", 1.01, "from 0 to 1"),  # price(0) must stay ≥ half the price
        ("investor_return_cap", 0.9, "from 1 to 10"),
        ("guarantee_share", 1.5, "from 0 to 1"),
        ("savings_years", 11, "from 1 to 10"),
        ("difficulty_spread", 0.6, "from 0 to 0.5"),
    ],
)
def test_bad_values_are_refused_with_field_and_allowed_range(field, value, range_words):
    with pytest.raises(ScenarioError) as caught:
        Scenario(**{field: value})
    assert isinstance(caught.value, ValueError)  # callers may catch the plain ValueError
    message = str(caught.value)
    assert field in message
    assert range_words in message
    assert caught.value.problems[0][0] == field


def test_misspelt_field_is_refused_not_ignored():
    with pytest.raises(ScenarioError, match=r"cohort_sise.*unknown field"):
        Scenario(cohort_sise=50)
    with pytest.raises(ScenarioError, match="unknown field"):
        Scenario.model_validate({"difficulty": 0.3, "dificulty": 0.9})


def test_numpy_numbers_are_numbers():
    s = Scenario(cohort_size=np.int64(40), success_probability=np.float64(0.3))
    assert s.cohort_size == 40
    assert type(s.cohort_size) is int


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
    # pydantic refuses the assignment on a frozen model (was ``pytest.raises(Exception)``,
    # which any typo in this line would also have satisfied).
    with pytest.raises(ValidationError, match="frozen"):
        s.difficulty = 0.9  # type: ignore[misc]
    harder = s.replace(difficulty=0.8)
    assert harder.difficulty == 0.8
    assert s.difficulty == 0.5
    with pytest.raises(ScenarioError, match="difficulty"):
        s.replace(difficulty=1.5)


def test_declared_limits_are_the_ones_enforced():
    lower, upper = FIELD_LIMITS["cohort_size"]
    Scenario(cohort_size=lower)
    Scenario(cohort_size=upper)
    with pytest.raises(ScenarioError):
        Scenario(cohort_size=upper + 1)


@pytest.mark.parametrize("huge", [KNOWN_EXACTLY * 1.01, 1e11, 1e15, 1e300])
def test_evidence_strength_above_a_billion_means_known_exactly(huge):
    """scipy's beta-binomial loses precision beyond about 1e11 (DESIGN.md, second step,
    item 7): such evidence is stored as infinity and gives infinity's figures."""
    s = Scenario(evidence_strength=huge)
    assert math.isinf(s.evidence_strength)
    assert evaluate(s).summary == evaluate(Scenario(evidence_strength=math.inf)).summary


def test_evidence_strength_of_a_billion_is_already_as_good_as_known():
    near = evaluate(Scenario(evidence_strength=KNOWN_EXACTLY)).summary
    exact = evaluate(Scenario(evidence_strength=math.inf)).summary
    assert near["expected_investor_irr"] == pytest.approx(exact["expected_investor_irr"], rel=1e-6)
    assert near["probability_of_loss"] == pytest.approx(exact["probability_of_loss"], abs=1e-6)


def test_changed_fields_are_only_those_that_differ_from_the_defaults():
    assert Scenario().changed_fields() == {}
    assert Scenario(cohort_size=40, payment_cap=1e6).changed_fields() == {
        "cohort_size": 40,
        "payment_cap": 1e6,
    }


def test_negative_zero_is_stored_as_zero_so_link_and_file_agree():
    # Found by tests/fuzz: a link "d=-0" gave difficulty -0.0, written back to a link as "0"
    # and to a file as "-0.0", so the two forms of one scenario differed.
    s = Scenario(difficulty=-0.0, success_probability=0.0)
    assert math.copysign(1.0, s.difficulty) == 1.0
    assert scenario_to_json(s) == scenario_to_json(
        Scenario(difficulty=0.0, success_probability=0.0)
    )


def test_an_integer_of_thousands_of_digits_is_refused_naming_its_field():
    # Found by tests/fuzz: building the message took repr() of the value, which Python refuses
    # beyond 4,300 digits, so a bare ValueError came out without the field's name.
    with pytest.raises(ScenarioError) as caught:
        Scenario(cohort_size=10**5000)
    [(field, message)] = caught.value.problems
    assert field == "cohort_size"
    assert "digits" in message
    assert len(message) < 200
