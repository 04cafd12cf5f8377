"""How each scenario field becomes a widget, and widget values become a scenario again.

Pure data and functions, no Streamlit: the sidebar renders these specs, the state module uses
the conversions, and tests check the round trip ``scenario → widget values → scenario``.

Widget ranges sit inside the model's declared ranges (``FIELD_LIMITS``); a value from a link
that a widget cannot show (say 5,000 citizens on a slider that ends at 1,000) widens the
widget where that is harmless and is otherwise clamped to the nearest value the widget can
show, so the screen and the scenario never disagree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal, Mapping

from sib_model import FIELD_LIMITS, Scenario, ScenarioError, counterfactual_probability_at

__all__ = ["InputSpec", "INPUTS", "HEADLINE_FIELDS", "ADVANCED_SECTIONS", "widget_key",
           "SWITCH_KEYS", "WIDGET_KEYS", "widget_values", "scenario_from_widgets",
           "cohort_slider_max"]

Kind = Literal["slider", "number", "choice"]
Unit = Literal["count", "fraction", "money", "years", "number"]


@dataclass(frozen=True)
class InputSpec:
    """One scenario field's widget: kind, range and step in the field's own unit."""

    field: str
    kind: Kind
    unit: Unit
    lo: float
    hi: float
    step: float
    format: str | None = None

    @property
    def key(self) -> str:
        return widget_key(self.field)


def widget_key(field: str) -> str:
    """Stable session-state key of a field's widget (``in_<field>``)."""
    return f"in_{field}"


def _ranged(field: str, kind: Kind, unit: Unit, step: float, fmt: str | None = None) -> InputSpec:
    """A widget spanning exactly the model's declared range of ``field``."""
    lo, hi = FIELD_LIMITS[field]
    return InputSpec(field, kind, unit, lo, hi, step, fmt)


def _fraction(field: str, step: float = 0.01) -> InputSpec:
    return _ranged(field, "slider", "fraction", step, "percent")


def _money(field: str, step: float) -> InputSpec:
    return InputSpec(field, "number", "money", 0.0, float(FIELD_LIMITS[field][1]), step, "%.0f")


COHORT_SLIDER_MAX = 1000

INPUTS: dict[str, InputSpec] = {spec.field: spec for spec in (
    InputSpec("cohort_size", "slider", "count", 1, COHORT_SLIDER_MAX, 1),
    _fraction("success_probability"),
    _ranged("difficulty", "slider", "number", 0.01, "%.2f"),
    _fraction("referral_rate"),
    _fraction("counterfactual_probability"),
    _ranged("difficulty_slope", "slider", "number", 0.1, "%.1f"),
    InputSpec("evidence_strength", "number", "number", 0.001, 1_000_000.0, 5.0, "%g"),
    _ranged("duration_years", "slider", "years", 1),
    _ranged("payment_lag_years", "slider", "years", 1),
    _money("price_per_outcome", 10_000.0),
    _ranged("difficulty_premium", "slider", "number", 0.1, "%.1f"),
    InputSpec("payment_basis", "choice", "number", 0, 0, 0),
    _fraction("contract_baseline"),
    _fraction("success_threshold"),
    _money("payment_cap", 500_000.0),
    _money("delivery_cost_per_participant", 5_000.0),
    _money("fixed_costs", 100_000.0),
    _money("public_savings_per_outcome", 10_000.0),
    _fraction("municipal_share_of_savings"),
    _fraction("discount_rate", step=0.005),
    _fraction("provider_fee_at_risk", step=0.05),
)}

HEADLINE_FIELDS = ("cohort_size", "success_probability", "difficulty")

#: Advanced fields in the order shown, by section (section keys are text keys of ``ui.i18n``).
ADVANCED_SECTIONS: dict[str, tuple[str, ...]] = {
    "section_group": ("referral_rate", "counterfactual_probability", "difficulty_slope",
                      "evidence_strength"),
    "section_contract": ("price_per_outcome", "difficulty_premium", "payment_basis",
                         "contract_baseline", "success_threshold", "payment_cap"),
    "section_money": ("delivery_cost_per_participant", "fixed_costs",
                      "public_savings_per_outcome", "municipal_share_of_savings",
                      "discount_rate", "duration_years", "payment_lag_years",
                      "provider_fee_at_risk"),
}

#: Checkboxes for the optional fields: off means None (no fixed baseline, no cap) or, for the
#: evidence, "known exactly" (infinity).
SWITCH_KEYS = {"contract_baseline": "in_contract_baseline_on",
               "payment_cap": "in_payment_cap_on",
               "evidence_strength": "in_evidence_strength_exact"}

WIDGET_KEYS: tuple[str, ...] = (*(spec.key for spec in INPUTS.values()), *SWITCH_KEYS.values())

assert set(INPUTS) == set(Scenario.model_fields), "every scenario field needs a widget"
assert set(HEADLINE_FIELDS) | {f for fs in ADVANCED_SECTIONS.values() for f in fs} == set(INPUTS)


def cohort_slider_max(cohort_size: int) -> int:
    """The cohort slider ends at 1,000 unless a link asks for more (the model allows 10,000)."""
    return COHORT_SLIDER_MAX if cohort_size <= COHORT_SLIDER_MAX else int(
        FIELD_LIMITS["cohort_size"][1])


def _clamp(value: float, lo: float, hi: float) -> float:
    return min(max(value, lo), hi)


def widget_values(s: Scenario, previous: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The value of every widget key that shows scenario ``s``.

    Widgets of a switched-off optional field (a cap that is not set) keep their ``previous``
    value, or a sensible starting value, so switching the field on starts from somewhere
    meaningful.
    """
    previous = previous or {}
    values: dict[str, Any] = {}
    for field, spec in INPUTS.items():
        value = getattr(s, field)
        if field == "cohort_size":
            values[spec.key] = int(_clamp(value, 1, cohort_slider_max(value)))
        elif spec.kind == "choice":
            values[spec.key] = value
        elif field in SWITCH_KEYS:
            switch = SWITCH_KEYS[field]
            if field == "evidence_strength":
                exact = math.isinf(value)
                values[switch] = exact
                shown = previous.get(spec.key, 50.0) if exact else value
            else:
                values[switch] = value is not None
                if value is None:
                    fallback = (round(float(counterfactual_probability_at(s)), 2)
                                if field == "contract_baseline" else 10_000_000.0)
                    shown = previous.get(spec.key, fallback)
                else:
                    shown = value
            values[spec.key] = float(_clamp(float(shown), spec.lo, spec.hi))
        elif spec.unit in ("count", "years"):
            values[spec.key] = int(_clamp(value, spec.lo, spec.hi))
        else:
            values[spec.key] = float(_clamp(float(value), spec.lo, spec.hi))
    return values


def _field_value(field: str, values: Mapping[str, Any]) -> Any:
    spec = INPUTS[field]
    value = values[spec.key]
    if field in SWITCH_KEYS:
        switch = bool(values.get(SWITCH_KEYS[field], False))
        if field == "evidence_strength" and switch:
            return math.inf
        if field != "evidence_strength" and not switch:
            return None
    if spec.kind == "choice":
        return value
    if spec.unit in ("count", "years"):
        return int(round(value))
    # Sliders step in binary floats (0.1 + 0.2 …); six decimals keep links short and exact.
    return round(float(value), 6)


def scenario_from_widgets(values: Mapping[str, Any], fallback: Scenario | None = None) -> Scenario:
    """The scenario the widgets show. Fields whose widget is missing, or whose value the model
    refuses, keep ``fallback``'s value (default: the model's defaults) — never an exception."""
    base = fallback or Scenario()
    changes: dict[str, Any] = {}
    for field, spec in INPUTS.items():
        if spec.key not in values:
            continue
        try:
            changes[field] = _field_value(field, values)
        except (TypeError, ValueError):
            continue
    try:
        return base.replace(**changes)
    except ScenarioError as error:
        for field, _ in error.problems:
            changes.pop(field, None)
        try:
            return base.replace(**changes)
        except ScenarioError:
            return base
