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
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from .fields import field_specs
from .scenario import Scenario, ScenarioError, allowed_range

__all__ = [
    "QUERY_KEYS",
    "query_keys",
    "QueryProblem",
    "scenario_to_query",
    "scenario_from_query",
    "scenario_to_json",
    "scenario_from_json",
    "parse_field_text",
    "field_of_query_key",
]


def query_keys(cls: type[Scenario] = Scenario) -> dict[str, str]:
    """``field -> short query key``, as each field's :class:`~sib_model.fields.FieldSpec`
    declares it."""
    return {name: spec.query_key for name, spec in field_specs(cls).items()}


def _fields_by_key(cls: type[Scenario]) -> dict[str, str]:
    """Every key a link may use for a field: the short key, the field's name, and keys that
    earlier versions wrote."""
    keys: dict[str, str] = {}
    for name, spec in field_specs(cls).items():
        for key in (spec.query_key, name, *spec.old_query_keys):
            keys[key] = name
    return keys


#: Short query-string key for each field of :class:`Scenario`; long field names are accepted
#: on input too.
QUERY_KEYS: dict[str, str] = query_keys()
_NONE_WORDS = {"", "none", "null"}
#: Largest saved file read: a saved scenario is about 1 kB.
MAX_FILE_BYTES = 100_000
#: Longest value read from a link; anything longer is hostile or broken, never a number.
_MAX_VALUE_LENGTH = 40
#: A number as links write it: ASCII digits, an optional point and exponent. Python's own
#: ``int``/``float`` also take ``1_000``, Arabic-Indic or full-width digits and ``nan``, which
#: this codec never writes and a reader of the link would not take for the same number.
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_WHOLE = re.compile(r"[+-]?[0-9]+")
_INFINITY_WORDS = {"inf", "+inf", "infinity", "+infinity", "∞"}


@dataclass(frozen=True)
class QueryProblem:
    """One key of a link that could not be used as it stands. ``reason`` is a code a UI can
    translate: ``"unknown_key"`` or ``"invalid_value"`` (from :func:`scenario_from_query`;
    ``allowed`` then says what would have been accepted), or ``"adjusted"`` for a caller that
    had to move a valid value into a narrower range of its own, such as a slider's (``allowed``
    then holds the value used instead)."""

    key: str
    value: str
    reason: Literal["unknown_key", "invalid_value", "duplicate", "adjusted"]
    allowed: str = ""


#: Keys that links pick up from newsletters and ads; never ours, never worth a warning.
_TRACKING_KEYS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga"})


def _is_tracking(key: str) -> bool:
    return key.startswith("utm_") or key in _TRACKING_KEYS


def _to_text(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, float):
        if math.isinf(value):
            return "inf"
        return repr(int(value)) if value.is_integer() else repr(value)
    return str(value)


def field_of_query_key(key: str, cls: type[Scenario] = Scenario) -> str | None:
    """The scenario field a query key names (short, long or old form), or None if unknown."""
    return _fields_by_key(cls).get(key)


def parse_field_text(field: str, text: str, cls: type[Scenario] = Scenario) -> Any:
    """The typed value of ``field`` written as text (a link, a command line).

    Whole-number fields take whole numbers only, the optional baseline and cap take
    ``none``, evidence strength ``inf``; everything else is a decimal number in ASCII digits
    (``0.4``, ``2e5``), or a payment basis. Raises ``ValueError`` for text that is no such
    value; ranges are checked by :class:`Scenario`.
    """
    text = text.strip()
    spec = field_specs(cls)[field]
    if spec.optional and text.lower() in _NONE_WORDS:
        return None
    if spec.choices:
        return text
    if spec.infinite and text.lower() in _INFINITY_WORDS:
        return math.inf
    if cls.model_fields[field].annotation is int:
        if not _WHOLE.fullmatch(text):
            raise ValueError(f"{text[:_MAX_VALUE_LENGTH]!r} is not a whole number")
        return int(text)
    if not _DECIMAL.fullmatch(text):
        raise ValueError(f"{text[:_MAX_VALUE_LENGTH]!r} is not a decimal number")
    return float(text)


def scenario_to_query(scenario: Scenario) -> dict[str, str]:
    """Compact query parameters: only fields that differ from the defaults, short keys."""
    keys = query_keys(type(scenario))
    return {keys[field]: _to_text(value) for field, value in scenario.changed_fields().items()}


def scenario_from_query(
    params: Mapping[str, Any], base: Scenario | None = None, ignore: frozenset[str] = frozenset()
) -> tuple[Scenario, list[QueryProblem]]:
    """Read a scenario from query parameters, never failing.

    Every key that names a field (short or long form) and holds a valid value is applied on top
    of ``base`` (default: ``Scenario()``); unknown keys and invalid values are skipped and
    reported, so the rest of the link still counts. Keys in ``ignore`` belong to the caller
    (e.g. the UI's language) and are neither applied nor reported.
    """
    scenario = base or Scenario()
    cls = type(scenario)
    problems: list[QueryProblem] = []
    accepted: dict[str, Any] = {}
    key_of_field: dict[str, str] = {}
    for key, raw in params.items():
        if key in ignore or _is_tracking(key):
            continue
        value = raw[-1] if isinstance(raw, (list, tuple)) and raw else raw
        text = str(value)
        shown = text if len(text) <= _MAX_VALUE_LENGTH else text[:_MAX_VALUE_LENGTH] + "…"
        field = field_of_query_key(key, cls)
        if field is None:
            problems.append(QueryProblem(key, shown, "unknown_key"))
            continue
        if field in key_of_field:
            # Two keys for one field (``n`` and ``cohort_size``): the first one counts.
            problems.append(QueryProblem(key, shown, "duplicate", key_of_field[field]))
            continue
        key_of_field[field] = key
        try:
            if len(text) > _MAX_VALUE_LENGTH:
                raise ValueError("too long to be a value")
            candidate = {**accepted, field: parse_field_text(field, text, cls)}
            scenario.replace(**candidate)
        except (ValueError, ScenarioError):
            problems.append(QueryProblem(key, shown, "invalid_value", allowed_range(field, cls)))
            continue
        accepted = candidate
    return scenario.replace(**accepted), problems


def scenario_to_json(scenario: Scenario) -> str:
    """Strict JSON text (infinity written as ``"inf"``), readable by :func:`scenario_from_json`."""
    data = {
        field: ("inf" if isinstance(value, float) and math.isinf(value) else value)
        for field, value in scenario.to_dict().items()
    }
    return json.dumps({"sib_scenario": 1, "scenario": data}, indent=2, ensure_ascii=False)


def scenario_from_json(text: str | bytes) -> Scenario:
    """Read a scenario saved by :func:`scenario_to_json`; refuses anything else with a
    :class:`ScenarioError` that says what is wrong. Fields left out take their defaults."""
    if len(text) > MAX_FILE_BYTES:
        raise ScenarioError(
            [("file", f"larger than {MAX_FILE_BYTES // 1000} kB; a saved scenario is a few kB")]
        )
    try:
        document = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ScenarioError([("file", f"not a JSON document ({error})")]) from None
    except RecursionError:
        raise ScenarioError([("file", "nested too deeply to be a saved scenario")]) from None
    except ValueError as error:  # e.g. an integer of thousands of digits
        raise ScenarioError([("file", f"holds a number too long to read ({error})")]) from None
    data = document.get("scenario", document) if isinstance(document, dict) else document
    return Scenario.model_validate(data)
