"""One codec for a scenario's plain-data forms: dict, JSON text and a compact query string.

A link, a saved file and the screen must always agree, so all three go through these
functions. Reading is offered in two tempers: :func:`scenario_from_json` is strict (a saved
file with a bad value is refused whole, with a message), while :func:`scenario_from_query` is
lenient (a hand-edited or truncated link keeps every good value, falls back for the bad ones
and reports each problem) because a link must never cost the user the rest of the scenario.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any, Literal, Mapping

from .scenario import Scenario, ScenarioError, allowed_range

__all__ = ["QUERY_KEYS", "QueryProblem", "scenario_to_query", "scenario_from_query",
           "scenario_to_json", "scenario_from_json", "parse_field_text", "field_of_query_key"]

#: Short query-string key for each field; long field names are accepted on input too.
QUERY_KEYS: dict[str, str] = {
    "cohort_size": "n",
    "referral_rate": "ref",
    "success_probability": "p",
    "counterfactual_probability": "cf",
    "difficulty": "d",
    "difficulty_slope": "slope",
    "evidence_strength": "k",
    "duration_years": "T",
    "price_per_outcome": "price",
    "difficulty_premium": "prem",
    "payment_basis": "basis",
    "contract_baseline": "base",
    "success_threshold": "thr",
    "payment_cap": "cap",
    "delivery_cost_per_participant": "cost",
    "fixed_costs": "fixed",
    "public_savings_per_outcome": "save",
    "municipal_share_of_savings": "share",
    "discount_rate": "disc",
    "payment_lag_years": "lag",
    "provider_fee_at_risk": "risk",
}
_FIELD_OF_KEY = {**{short: field for field, short in QUERY_KEYS.items()},
                 **{field: field for field in QUERY_KEYS}}
_NONE_WORDS = {"", "none", "null"}
#: Longest value read from a link; anything longer is hostile or broken, never a number.
_MAX_VALUE_LENGTH = 40


@dataclass(frozen=True)
class QueryProblem:
    """One key of a link that could not be used as it stands. ``reason`` is a code a UI can
    translate: ``"unknown_key"`` or ``"invalid_value"`` (from :func:`scenario_from_query`;
    ``allowed`` then says what would have been accepted), or ``"adjusted"`` for a caller that
    had to move a valid value into a narrower range of its own, such as a slider's (``allowed``
    then holds the value used instead)."""

    key: str
    value: str
    reason: Literal["unknown_key", "invalid_value", "adjusted"]
    allowed: str = ""


def _to_text(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, float):
        if math.isinf(value):
            return "inf"
        return repr(int(value)) if value.is_integer() else repr(value)
    return str(value)


def field_of_query_key(key: str) -> str | None:
    """The scenario field a query key names (short or long form), or None if unknown."""
    return _FIELD_OF_KEY.get(key)


def parse_field_text(field: str, text: str) -> Any:
    """The typed value of ``field`` written as text (a link, a command line).

    Whole-number fields take whole numbers only, the optional baseline and cap take
    ``none``; everything else is a decimal number, or a payment basis. Raises ``ValueError``
    for text that is no such value; ranges are checked by :class:`Scenario`.
    """
    text = text.strip()
    if field in {"contract_baseline", "payment_cap"} and text.lower() in _NONE_WORDS:
        return None
    if field == "payment_basis":
        return text
    if Scenario.model_fields[field].annotation is int:
        return int(text)
    return float(text)


def scenario_to_query(scenario: Scenario) -> dict[str, str]:
    """Compact query parameters: only fields that differ from the defaults, short keys."""
    return {QUERY_KEYS[field]: _to_text(value)
            for field, value in scenario.changed_fields().items()}


def scenario_from_query(params: Mapping[str, Any], base: Scenario | None = None,
                        ignore: frozenset[str] = frozenset()) -> tuple[Scenario, list[QueryProblem]]:
    """Read a scenario from query parameters, never failing.

    Every key that names a field (short or long form) and holds a valid value is applied on top
    of ``base`` (default: ``Scenario()``); unknown keys and invalid values are skipped and
    reported, so the rest of the link still counts. Keys in ``ignore`` belong to the caller
    (e.g. the UI's language) and are neither applied nor reported.
    """
    scenario = base or Scenario()
    problems: list[QueryProblem] = []
    accepted: dict[str, Any] = {}
    for key, raw in params.items():
        if key in ignore:
            continue
        value = raw[-1] if isinstance(raw, (list, tuple)) and raw else raw
        text = str(value)
        shown = text if len(text) <= _MAX_VALUE_LENGTH else text[:_MAX_VALUE_LENGTH] + "…"
        field = field_of_query_key(key)
        if field is None:
            problems.append(QueryProblem(key, shown, "unknown_key"))
            continue
        try:
            if len(text) > _MAX_VALUE_LENGTH:
                raise ValueError("too long to be a value")
            candidate = {**accepted, field: parse_field_text(field, text)}
            scenario.replace(**candidate)
        except (ValueError, ScenarioError):
            problems.append(QueryProblem(key, shown, "invalid_value", allowed_range(field)))
            continue
        accepted = candidate
    return scenario.replace(**accepted), problems


def scenario_to_json(scenario: Scenario) -> str:
    """Strict JSON text (infinity written as ``"inf"``), readable by :func:`scenario_from_json`."""
    data = {field: ("inf" if isinstance(value, float) and math.isinf(value) else value)
            for field, value in scenario.to_dict().items()}
    return json.dumps({"sib_scenario": 1, "scenario": data}, indent=2, ensure_ascii=False)


def scenario_from_json(text: str | bytes) -> Scenario:
    """Read a scenario saved by :func:`scenario_to_json`; refuses anything else with a
    :class:`ScenarioError` that says what is wrong. Fields left out take their defaults."""
    try:
        document = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ScenarioError([("file", f"not a JSON document ({error})")]) from None
    data = document.get("scenario", document) if isinstance(document, dict) else document
    return Scenario.model_validate(data)
