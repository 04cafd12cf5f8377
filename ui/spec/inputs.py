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
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sib_model import FIELD_LIMITS, Scenario, ScenarioError, counterfactual_probability_at
from sib_model.fields import SECTIONS, Section, field_limits, field_specs
from ui.spec import keys

__all__ = [
    "InputSpec",
    "INPUTS",
    "HEADLINE_FIELDS",
    "ADVANCED_SECTIONS",
    "widget_key",
    "SWITCH_KEYS",
    "WIDGET_KEYS",
    "widget_values",
    "scenario_from_widgets",
    "cohort_slider_max",
    "is_select_slider",
    "slider_options",
    "slider_digits",
]

Kind = Literal["slider", "number", "choice"]
Unit = Literal["count", "fraction", "money", "years", "number"]

_UNIT_OF_DISPLAY: dict[str, Unit] = {
    "percent": "fraction",
    "money": "money",
    "count": "count",
    "years": "years",
    "number": "number",
}


@dataclass(frozen=True)
class InputSpec:
    """One scenario field's widget: kind, range and step in the field's own unit, read off the
    field's declaration (``sib_model.fields.FieldSpec``)."""

    field: str
    kind: Kind
    unit: Unit
    lo: float
    hi: float
    step: float
    format: str | None = None
    section: Section = "headline"
    optional: bool = False
    infinite: bool = False
    choices: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """Session-state key of this field's widget (see :func:`widget_key`)."""
        return widget_key(self.field)

    @property
    def switch_key(self) -> str | None:
        """Key of the on/off switch of an optional or possibly infinite field."""
        return keys.switch(self.field) if self.optional or self.infinite else None


def widget_key(field: str) -> str:
    """Stable session-state key of a field's widget (``in_<field>``)."""
    return keys.widget(field)


def input_specs(cls: type[Scenario] = Scenario) -> dict[str, InputSpec]:
    """The widget of every field of ``cls``, in declaration order.

    A widget spans the model's declared range, narrowed where the field's control says so
    (``Control.upper``); money fields are boxes from zero."""
    limits = field_limits(cls)
    specs: dict[str, InputSpec] = {}
    for name, spec in field_specs(cls).items():
        control = spec.control
        lo, hi = limits[name]
        hi = control.upper if control.upper is not None else hi
        specs[name] = InputSpec(
            name,
            control.kind,
            _UNIT_OF_DISPLAY[control.display],
            float(lo or 0.0),
            float(hi or 0.0),
            control.step,
            control.format,
            spec.section,
            spec.optional,
            spec.infinite,
            spec.choices,
        )
    return specs


def advanced_sections(cls: type[Scenario] = Scenario) -> dict[str, tuple[str, ...]]:
    """Advanced fields in the order shown, by section (``section_<name>`` is the heading's
    text key); sections without fields are left out."""
    specs = input_specs(cls)
    sections = {
        f"section_{section}": tuple(
            field for field, spec in specs.items() if spec.section == section
        )
        for section in SECTIONS
        if section != "headline"
    }
    return {key: fields for key, fields in sections.items() if fields}


INPUTS: dict[str, InputSpec] = input_specs()
COHORT_SLIDER_MAX = int(INPUTS["cohort_size"].hi)

HEADLINE_FIELDS: tuple[str, ...] = tuple(
    field for field, spec in INPUTS.items() if spec.section == "headline"
)

#: Advanced fields in the order shown, by section (section keys are text keys).
ADVANCED_SECTIONS: dict[str, tuple[str, ...]] = advanced_sections()

#: On/off switches of the optional fields: off means None (no fixed baseline, no cap); for a
#: field that may be infinite, on means infinity (the evidence: "known exactly").
SWITCH_KEYS: dict[str, str] = {
    field: spec.switch_key for field, spec in INPUTS.items() if spec.switch_key is not None
}

WIDGET_KEYS: tuple[str, ...] = (*(spec.key for spec in INPUTS.values()), *SWITCH_KEYS.values())


def cohort_slider_max(cohort_size: int) -> int:
    """The cohort slider ends at 1,000 unless a link asks for more (the model allows 10,000)."""
    return (
        COHORT_SLIDER_MAX
        if cohort_size <= COHORT_SLIDER_MAX
        else int(FIELD_LIMITS["cohort_size"][1] or COHORT_SLIDER_MAX)
    )


def is_select_slider(spec: InputSpec) -> bool:
    """Fractional sliders are drawn as select sliders, so their values read in the page's
    language ("0,50", "40 %"): Streamlit's own slider formats numbers the English way."""
    return spec.kind == "slider" and spec.unit not in ("count", "years")


def _decimals(step: float) -> int:
    text = f"{step:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def slider_options(spec: InputSpec, current: float | None = None) -> list[float]:
    """Every value a fractional slider can take: its range in steps, rounded as links are,
    plus ``current`` when that lies between steps (a preset's 53.5 %, a link's value), so the
    slider shows it exactly; the next key press moves it onto a step."""
    count = round((spec.hi - spec.lo) / spec.step)
    options = [round(spec.lo + k * spec.step, 6) for k in range(count + 1)]
    if current is not None and current not in options:
        options = sorted({*options, float(current)})
    return options


def slider_digits(spec: InputSpec, value: float | None = None) -> int:
    """Decimals a fractional slider shows: of the percentage for a share (a step of 0.005
    is 0.5 %), of the number otherwise; more when ``value`` needs them (between steps)."""
    places = max(_decimals(spec.step), _decimals(value) if value is not None else 0)
    return max(places - 2, 0) if spec.format == "percent" else places


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
        elif spec.switch_key is not None:
            switch = spec.switch_key
            if spec.infinite:
                exact = math.isinf(value)
                values[switch] = exact
                shown = (
                    previous.get(spec.key, Scenario.model_fields[field].default) if exact else value
                )
            else:
                values[switch] = value is not None
                if value is None:
                    fallback = (
                        round(float(counterfactual_probability_at(s)), 2)
                        if field == "contract_baseline"
                        else 10_000_000.0
                    )
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
    if spec.switch_key is not None:
        switch = bool(values.get(spec.switch_key, False))
        if spec.infinite and switch:
            return math.inf
        if spec.optional and not switch:
            return None
    if spec.kind == "choice":
        return value
    if spec.unit in ("count", "years"):
        return round(value)
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
