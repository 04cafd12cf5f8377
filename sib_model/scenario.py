"""The one input object of the model: a frozen, validated ``Scenario``.

Every number a user can change lives here, declared next to its unit, its allowed range and a
one-line meaning, so that the dashboard's sliders, the query-string codec and the error
messages all read the same declaration. A bad value is refused at the door with a
:class:`ScenarioError` (a ``ValueError``) that names the field and its allowed range.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Literal

import numpy as np

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

__all__ = ["Scenario", "ScenarioError", "PaymentBasis", "FIELD_LIMITS"]

PaymentBasis = Literal["every_outcome", "above_baseline"]

#: Upper bounds that keep money and sizes in a range where the arithmetic stays exact enough and
#: a hostile link cannot ask for absurd work. Generous: the largest published Danish project is
#: 18.4m DKK for 450 citizens, INDIGO's upper quartile 2,000 service users (REFERENCES.md).
MAX_COHORT = 10_000
MAX_MONEY_PER_UNIT = 100_000_000.0  # DKK per outcome or per participant
MAX_MONEY_TOTAL = 10_000_000_000.0  # DKK for a whole contract


class ScenarioError(ValueError):
    """A scenario was given a value outside its declared range, of the wrong type, or unknown.

    ``problems`` holds one ``(field, message)`` pair per offending field so that a user
    interface can point at the right input.
    """

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        lines = [f"{field}: {message}" for field, message in problems]
        super().__init__("Invalid scenario — " + "; ".join(lines))


def _money(default: float, description: str, le: float = MAX_MONEY_PER_UNIT) -> Any:
    return Field(default, ge=0.0, le=le, description=description, json_schema_extra={"unit": "DKK"})


def _fraction(default: float, description: str) -> Any:
    return Field(default, ge=0.0, le=1.0, description=description,
                 json_schema_extra={"unit": "fraction"})


class Scenario(BaseModel):
    """An outcomes contract between a commissioner, an investor and a provider.

    Money in DKK, rates as fractions (0.4, not 40). All fields have defaults that give a
    plausible picture (see ``DESIGN.md``): an expected investor IRR near 12 % with about a
    one-in-four chance of loss, a deadweight share near 38 %.

    Scenarios are immutable; derive a new one with :meth:`replace`. Build one from plain data
    with ``Scenario(**data)`` or :meth:`from_dict`; either refuses bad data with a
    :class:`ScenarioError` naming the field and the allowed range, and never ignores a
    misspelt field.
    """

    # Strict: a number must be a number. Text such as "100" is turned into numbers by the
    # codec that reads links and files, never silently here.
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False,
                              validate_default=True, strict=True)

    cohort_size: int = Field(100, ge=1, le=MAX_COHORT,
                             description="Citizens the commissioner plans to refer to the programme.",
                             json_schema_extra={"unit": "citizens"})
    referral_rate: float = _fraction(
        1.0, "Share of the planned cohort that actually starts (referral shortfall below 1).")
    success_probability: float = _fraction(
        0.40, "Chance that a citizen of the reference group (difficulty 0.5) achieves the "
              "outcome with the intervention.")
    counterfactual_probability: float = _fraction(
        0.15, "Chance that a citizen of the reference group achieves the outcome anyway, "
              "without the intervention (the source of deadweight).")
    difficulty: float = _fraction(
        0.5, "Target-group difficulty: 0 = closest to the outcome, 1 = furthest; 0.5 is the "
             "reference group.")
    difficulty_slope: float = Field(3.0, ge=0.0, le=10.0,
                                    description="How strongly difficulty lowers the log-odds of "
                                                "success (per unit of difficulty).",
                                    json_schema_extra={"unit": "log-odds"})
    evidence_strength: float = Field(50.0, gt=0.0, allow_inf_nan=True,
                                     description="How sure we are of the success rate (κ, like a "
                                                 "number of earlier participants seen); infinity "
                                                 "means it is known exactly.",
                                     json_schema_extra={"unit": "pseudo-participants"})
    duration_years: int = Field(3, ge=1, le=10, description="Years of delivery.",
                                json_schema_extra={"unit": "years"})
    price_per_outcome: float = _money(200_000.0, "What the commissioner pays per payable "
                                                 "outcome for the reference group.")
    difficulty_premium: float = Field(0.0, ge=0.0, le=2.0,
                                      description="Rate-card tilt: price × (1 + premium × "
                                                  "(difficulty − 0.5)).",
                                      json_schema_extra={"unit": "fraction per difficulty"})
    payment_basis: PaymentBasis = Field("every_outcome",
                                        description="'every_outcome' pays for every outcome; "
                                                    "'above_baseline' only for outcomes above "
                                                    "the contract baseline.")
    contract_baseline: float | None = Field(None, ge=0.0, le=1.0,
                                            description="Baseline success rate written in the "
                                                        "contract; None = the true "
                                                        "counterfactual of the chosen group.",
                                            json_schema_extra={"unit": "fraction"})
    success_threshold: float = _fraction(
        0.0, "Nothing is paid unless the achieved success rate reaches this threshold.")
    payment_cap: float | None = Field(None, ge=0.0, le=MAX_MONEY_TOTAL,
                                      description="Most the commissioner will ever pay in "
                                                  "total; None = no cap.",
                                      json_schema_extra={"unit": "DKK"})
    delivery_cost_per_participant: float = _money(60_000.0, "Provider's cost of working with "
                                                            "one citizen who starts.")
    fixed_costs: float = _money(1_000_000.0, "Set-up, management and evaluation costs, paid at "
                                             "the start.", le=MAX_MONEY_TOTAL)
    public_savings_per_outcome: float = _money(500_000.0, "Public saving (all public budgets) per "
                                                          "additional outcome.")
    municipal_share_of_savings: float = _fraction(
        0.5, "Share of the public saving that lands in the commissioner's own budget (the rest "
             "lands in the 'wrong pocket': state or region).")
    discount_rate: float = Field(0.03, ge=0.0, le=0.5,
                                 description="Yearly rate used for the commissioner's and "
                                             "society's present values.",
                                 json_schema_extra={"unit": "fraction per year"})
    payment_lag_years: int = Field(1, ge=1, le=5,
                                   description="Years between delivery and payment for the "
                                               "outcome (verification); at least one, since "
                                               "an outcome is verified after the year it is "
                                               "delivered in.",
                                   json_schema_extra={"unit": "years"})
    provider_fee_at_risk: float = _fraction(
        0.0, "Share of delivery costs the provider funds itself and gets back only from "
             "outcome payments.")

    # --- construction -------------------------------------------------------------------
    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except ValidationError as error:
            raise ScenarioError(_problems(error)) from None

    @classmethod
    def model_validate(cls, obj: Any, **kwargs: Any) -> "Scenario":  # type: ignore[override]
        """Build from a mapping, refusing bad data with a :class:`ScenarioError`."""
        if isinstance(obj, Scenario):
            return obj
        if not isinstance(obj, Mapping):
            raise ScenarioError([("scenario", f"expected a mapping of fields, got "
                                              f"{type(obj).__name__}")])
        try:
            return super().model_validate(dict(obj), **kwargs)
        except ValidationError as error:
            raise ScenarioError(_problems(error)) from None

    @field_validator("evidence_strength", mode="before")
    @classmethod
    def _infinity_allowed_nan_not(cls, value: Any) -> Any:
        if isinstance(value, str) and value.strip().lower() in {"inf", "infinity", "∞"}:
            return math.inf
        if isinstance(value, float) and math.isnan(value):
            raise ValueError("must be a number, not NaN")
        return value

    @field_validator("*", mode="before")
    @classmethod
    def _no_bool_numbers(cls, value: Any) -> Any:
        # numpy's scalars are numbers too (an analysis may hand one over).
        if isinstance(value, np.generic) and not isinstance(value, np.bool_):
            value = value.item()
        # bool is an int in Python; True citizens is a type error, not one citizen.
        if isinstance(value, (bool, np.bool_)):
            raise ValueError("must be a number, not true/false")
        return value

    # --- derivation and plain-data round trips ------------------------------------------
    def replace(self, **changes: Any) -> "Scenario":
        """A new scenario with ``changes`` applied, validated like a fresh one."""
        return Scenario(**{**self.to_dict(), **changes})

    def to_dict(self) -> dict[str, Any]:
        """Plain Python data; ``Scenario(**s.to_dict()) == s``."""
        return self.model_dump()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Scenario":
        """Inverse of :meth:`to_dict` (also accepts JSON-decoded data with ``"inf"``)."""
        return cls.model_validate(data)

    def changed_fields(self) -> dict[str, Any]:
        """Only the fields that differ from the defaults: what a compact link must carry."""
        default = Scenario()
        return {name: value for name, value in self.to_dict().items()
                if getattr(default, name) != value}


def _limits_of(name: str) -> tuple[float | None, float | None]:
    lower = upper = None
    for item in Scenario.model_fields[name].metadata:
        lower = getattr(item, "ge", getattr(item, "gt", lower))
        upper = getattr(item, "le", getattr(item, "lt", upper))
    return lower, upper


#: ``field -> (lower, upper)`` as declared on :class:`Scenario`; the single source for ranges in
#: messages, sliders and sensitivity swings.
FIELD_LIMITS: dict[str, tuple[float | None, float | None]] = {
    name: _limits_of(name) for name in Scenario.model_fields
}


def allowed_range(name: str) -> str:
    """Human-readable allowed range of a field, e.g. ``"a whole number from 1 to 10000"``."""
    if name == "payment_basis":
        return "one of 'every_outcome', 'above_baseline'"
    lower, upper = FIELD_LIMITS[name]
    annotation = Scenario.model_fields[name].annotation
    kind = "a whole number" if annotation is int else "a number"
    optional = " (or empty for none)" if name in {"contract_baseline", "payment_cap"} else ""
    if name == "evidence_strength":
        return "a number above 0, or inf for a success rate known exactly"
    return f"{kind} from {_fmt(lower)} to {_fmt(upper)}{optional}"


def _fmt(value: float | None) -> str:
    if value is None:
        return "any"
    return f"{value:g}" if abs(value) < 1e6 else f"{value:,.0f}"


def _problems(error: ValidationError) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    for item in error.errors():
        field = str(item["loc"][0]) if item["loc"] else "scenario"
        if item["type"] == "extra_forbidden":
            known = ", ".join(Scenario.model_fields)
            problems.append((field, f"unknown field (misspelt?); known fields are {known}"))
            continue
        given = item.get("input")
        allowed = allowed_range(field) if field in Scenario.model_fields else ""
        problems.append((field, f"{given!r} is not allowed ({item['msg']}); allowed: {allowed}"))
    return problems
