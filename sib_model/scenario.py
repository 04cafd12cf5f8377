"""The one input object of the model: a frozen, validated ``Scenario``.

Every number a user can change lives here, declared next to its unit, its allowed range and a
one-line meaning, so that the dashboard's sliders, the query-string codec and the error
messages all read the same declaration. A bad value is refused at the door with a
:class:`ScenarioError` (a ``ValueError``) that names the field and its allowed range.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Annotated, Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .fields import Control, FieldSpec, Swing, field_limits, field_specs

__all__ = [
    "Scenario",
    "ScenarioError",
    "PaymentBasis",
    "GuaranteePayer",
    "FIELD_LIMITS",
    "allowed_range",
]

PaymentBasis = Literal["every_outcome", "above_baseline"]
GuaranteePayer = Literal["state", "municipality"]

#: Upper bounds that keep money and sizes in a range where the arithmetic stays exact enough and
#: a hostile link cannot ask for absurd work. Generous: the largest published Danish project is
#: 18.4m DKK for 450 citizens, INDIGO's upper quartile 2,000 service users (REFERENCES.md).
MAX_COHORT = 10_000
MAX_MONEY_PER_UNIT = 100_000_000.0  # DKK per outcome or per participant
MAX_MONEY_TOTAL = 10_000_000_000.0  # DKK for a whole contract
#: Largest rate-card premium: price(0) = price × (1 − premium / 2) stays at least half the
#: reference price, so no group is ever priced at zero.
MAX_PREMIUM = 1.0


class ScenarioError(ValueError):
    """A scenario was given a value outside its declared range, of the wrong type, or unknown.

    ``problems`` holds one ``(field, message)`` pair per offending field so that a user
    interface can point at the right input.
    """

    def __init__(self, problems: list[tuple[str, str]]):
        """Keep ``problems`` for the interface and say them all in the message, so a log or a
        traceback names every offending field too."""
        self.problems = problems
        lines = [f"{field}: {message}" for field, message in problems]
        super().__init__("Invalid scenario — " + "; ".join(lines))


#: Smallest evidence strength: below it the beta distribution's parameters underflow (κ·p of
#: 5e-324 is zero) and "almost no evidence" is already a coin that lands on 0 % or 100 %.
MIN_EVIDENCE = 0.001
#: Evidence strength above which the success rate counts as known exactly: the beta
#: distribution is then narrower than any cohort can show, and scipy's beta-binomial loses
#: precision beyond about 1e11.
KNOWN_EXACTLY = 1e9

_PERCENT_SLIDER = Control("slider", 0.01, "percent", "percent")


def _money_box(step: float) -> Control:
    return Control("number", step, "money", "%.0f")


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
    model_config = ConfigDict(
        frozen=True, extra="forbid", allow_inf_nan=False, validate_default=True, strict=True
    )

    cohort_size: Annotated[
        int,
        FieldSpec(
            "n",
            "citizens",
            "headline",
            Control("slider", 1, "count", upper=1_000),
            Swing("relative", 0.2),
        ),
    ] = Field(
        100,
        ge=1,
        le=MAX_COHORT,
        description="Citizens the commissioner plans to refer to the programme.",
    )
    success_probability: Annotated[
        float, FieldSpec("p", "fraction", "headline", _PERCENT_SLIDER, Swing("absolute", 0.1))
    ] = Field(
        0.40,
        ge=0.0,
        le=1.0,
        description="Chance that a citizen of the reference group (difficulty 0.5) achieves "
        "the outcome with the intervention.",
    )
    difficulty: Annotated[
        float,
        FieldSpec(
            "d",
            "difficulty (0–1)",
            "headline",
            Control("slider", 0.01, "number", "%.2f"),
            Swing("absolute", 0.2),
        ),
    ] = Field(
        0.5,
        ge=0.0,
        le=1.0,
        description="Target-group difficulty: 0 = closest to the outcome, 1 = furthest; 0.5 "
        "is the reference group.",
    )
    referral_rate: Annotated[
        float,
        FieldSpec(
            "referral",
            "fraction",
            "group",
            _PERCENT_SLIDER,
            Swing("absolute", 0.1),
            old_query_keys=("ref",),
        ),
    ] = Field(
        1.0,
        ge=0.0,
        le=1.0,
        description="Share of the planned cohort that actually starts (referral shortfall "
        "below 1).",
    )
    counterfactual_probability: Annotated[
        float, FieldSpec("cf", "fraction", "group", _PERCENT_SLIDER, Swing("absolute", 0.1))
    ] = Field(
        0.15,
        ge=0.0,
        le=1.0,
        description="Chance that a citizen of the reference group achieves the outcome "
        "anyway, without the intervention (the source of deadweight).",
    )
    difficulty_slope: Annotated[
        float,
        FieldSpec(
            "slope",
            "log-odds per unit of difficulty",
            "group",
            Control("slider", 0.1, "number", "%.1f"),
            Swing("relative", 0.5),
        ),
    ] = Field(
        3.0,
        ge=0.0,
        le=10.0,
        description="How strongly difficulty lowers the log-odds of success (per unit of "
        "difficulty).",
    )
    evidence_strength: Annotated[
        float,
        FieldSpec(
            "k",
            "pseudo-participants",
            "group",
            Control("number", 5.0, "number", "%g", upper=1_000_000.0),
            Swing("factor", 2.0),
            infinite=True,
        ),
    ] = Field(
        50.0,
        ge=MIN_EVIDENCE,
        allow_inf_nan=True,
        description="How sure we are of the success rate (κ, like a number of earlier "
        "participants seen); infinity means it is known exactly.",
    )
    difficulty_spread: Annotated[
        float,
        FieldSpec(
            "spread",
            "difficulty (0–1)",
            "group",
            Control("slider", 0.05, "number", "%.2f"),
            Swing("absolute", 0.1),
        ),
    ] = Field(
        0.0,
        ge=0.0,
        le=0.5,
        description="How mixed the referred citizens are: their difficulties spread evenly "
        "over difficulty ± this (0 = everybody alike).",
    )
    parked_share: Annotated[
        float,
        FieldSpec(
            "park",
            "fraction",
            "group",
            Control("slider", 0.05, "percent", "percent"),
            Swing("absolute", 0.1),
        ),
    ] = Field(
        0.0,
        ge=0.0,
        le=1.0,
        description="Share of the starters, the hardest first, that the provider parks: they "
        "get no programme and succeed only as often as they would have anyway.",
    )
    parked_service_cost_share: Annotated[
        float,
        FieldSpec(
            "pcost",
            "share of the delivery cost",
            "group",
            Control("slider", 0.05, "percent", "percent"),
            Swing("absolute", 0.1),
        ),
    ] = Field(
        0.2,
        ge=0.0,
        le=1.0,
        description="What a parked citizen still costs, as a share of the delivery cost per "
        "participant: the minimum service a contract requires (the UK Work Programme's "
        "minimum service standards); parking is minimal service, not none.",
    )
    price_per_outcome: Annotated[
        float, FieldSpec("price", "DKK", "contract", _money_box(10_000.0), Swing("relative", 0.2))
    ] = Field(
        200_000.0,
        ge=0.0,
        le=MAX_MONEY_PER_UNIT,
        description="What the commissioner pays per payable outcome for the reference group.",
    )
    difficulty_premium: Annotated[
        float,
        FieldSpec(
            "prem",
            "fraction per difficulty",
            "contract",
            Control("slider", 0.1, "number", "%.1f"),
            Swing("absolute", 0.5),
        ),
    ] = Field(
        0.0,
        ge=0.0,
        le=MAX_PREMIUM,
        description="Rate-card tilt: price × (1 + premium × (difficulty − 0.5)); at most 1, "
        "so the easiest group is still paid at least half the reference price.",
    )
    payment_basis: Annotated[
        PaymentBasis,
        FieldSpec(
            "basis",
            "choice",
            "contract",
            Control("choice"),
            choices=("every_outcome", "above_baseline"),
        ),
    ] = Field(
        "every_outcome",
        description="'every_outcome' pays for every outcome; 'above_baseline' only for "
        "outcomes above the contract baseline.",
    )
    contract_baseline: Annotated[
        float | None,
        FieldSpec(
            "base", "fraction", "contract", _PERCENT_SLIDER, Swing("absolute", 0.05), optional=True
        ),
    ] = Field(
        None,
        ge=0.0,
        le=1.0,
        description="Baseline success rate written in the contract; None = the true "
        "counterfactual of the chosen group.",
    )
    success_threshold: Annotated[
        float, FieldSpec("thr", "fraction", "contract", _PERCENT_SLIDER, Swing("absolute", 0.1))
    ] = Field(
        0.0,
        ge=0.0,
        le=1.0,
        description="Nothing is paid unless the achieved success rate reaches this threshold.",
    )
    payment_cap: Annotated[
        float | None,
        FieldSpec(
            "cap", "DKK", "contract", _money_box(500_000.0), Swing("relative", 0.2), optional=True
        ),
    ] = Field(
        None,
        ge=0.0,
        le=MAX_MONEY_TOTAL,
        description="Most the commissioner will ever pay in total; None = no cap.",
    )
    delivery_cost_per_participant: Annotated[
        float, FieldSpec("cost", "DKK", "money", _money_box(5_000.0), Swing("relative", 0.2))
    ] = Field(
        60_000.0,
        ge=0.0,
        le=MAX_MONEY_PER_UNIT,
        description="Provider's cost of working with one citizen who starts.",
    )
    fixed_costs: Annotated[
        float, FieldSpec("fixed", "DKK", "money", _money_box(100_000.0), Swing("relative", 0.2))
    ] = Field(
        1_000_000.0,
        ge=0.0,
        le=MAX_MONEY_TOTAL,
        description="Set-up, management and evaluation costs, paid at the start.",
    )
    public_savings_per_outcome: Annotated[
        float, FieldSpec("save", "DKK", "money", _money_box(10_000.0), Swing("relative", 0.2))
    ] = Field(
        500_000.0,
        ge=0.0,
        le=MAX_MONEY_PER_UNIT,
        description="Public saving (all public budgets) per additional outcome.",
    )
    municipal_share_of_savings: Annotated[
        float, FieldSpec("share", "fraction", "money", _PERCENT_SLIDER, Swing("absolute", 0.2))
    ] = Field(
        0.5,
        ge=0.0,
        le=1.0,
        description="Share of the public saving that lands in the commissioner's own budget "
        "(the rest lands in the 'wrong pocket': state or region).",
    )
    municipal_share_gradient: Annotated[
        float,
        FieldSpec(
            "sgrad",
            "share per difficulty",
            "money",
            Control("slider", 0.1, "number", "%.1f"),
            Swing("absolute", 0.2),
        ),
    ] = Field(
        0.0,
        ge=0.0,
        le=1.0,
        description="How much the municipality's share of the saving rises with difficulty: "
        "share + gradient × (difficulty − 0.5), clipped to 0–1; under the Danish "
        "reimbursement reform (refusionstrappe) a municipality carries more of a long "
        "benefit spell. 0 = the same share for every group.",
    )
    # No swing: the split moves no money between the parties to the contract (investor,
    # provider, municipality), so every tornado bar of it would have length zero.
    state_share_of_other_savings: Annotated[
        float, FieldSpec("state", "fraction", "money", _PERCENT_SLIDER)
    ] = Field(
        1.0,
        ge=0.0,
        le=1.0,
        description="Of the public saving that does not land with the commissioner, the share "
        "that lands with the state; the rest lands with the region. 1 = all of it with the "
        "state: an assumption (beyond the municipality, a job's saving is mostly the state's, "
        "through refunds of cash benefit and taxes; a region gains where health care is "
        "saved).",
    )
    discount_rate: Annotated[
        float,
        FieldSpec(
            "disc",
            "fraction per year",
            "money",
            Control("slider", 0.005, "percent", "percent"),
            Swing("absolute", 0.02),
        ),
    ] = Field(
        0.03,
        ge=0.0,
        le=0.5,
        description="Yearly rate used for the commissioner's and society's present values.",
    )
    duration_years: Annotated[
        int, FieldSpec("T", "years", "money", Control("slider", 1, "years"), Swing("absolute", 1.0))
    ] = Field(3, ge=1, le=10, description="Years of delivery.")
    payment_lag_years: Annotated[
        int,
        FieldSpec("lag", "years", "money", Control("slider", 1, "years"), Swing("absolute", 1.0)),
    ] = Field(
        1,
        ge=1,
        le=5,
        description="Years between delivery and payment for the outcome (verification); at "
        "least one, since an outcome is verified after the year it is delivered "
        "in.",
    )
    savings_gradient: Annotated[
        float,
        FieldSpec(
            "grad",
            "fraction per difficulty",
            "money",
            Control("slider", 0.1, "number", "%.1f"),
            Swing("absolute", 0.5),
        ),
    ] = Field(
        1.0,
        ge=0.0,
        le=2.0,
        description="How much more a harder citizen's outcome saves: saving × (1 + gradient × "
        "(difficulty − 0.5)); the longer a citizen would have stayed on benefits, "
        "the larger the saving.",
    )
    savings_years: Annotated[
        int,
        FieldSpec("sy", "years", "money", Control("slider", 1, "years"), Swing("absolute", 1.0)),
    ] = Field(
        1,
        ge=1,
        le=10,
        description="Years over which one outcome's saving accrues, from the year it is paid "
        "for (KORA counts six).",
    )
    provider_fee_at_risk: Annotated[
        float,
        FieldSpec(
            "risk",
            "fraction",
            "finance",
            Control("slider", 0.05, "percent", "percent"),
            Swing("absolute", 0.2),
        ),
    ] = Field(
        0.0,
        ge=0.0,
        le=1.0,
        description="Share of delivery costs the provider funds itself and gets back only "
        "from outcome payments.",
    )
    investor_return_cap: Annotated[
        float | None,
        FieldSpec(
            "rcap",
            "money multiple",
            "finance",
            Control("number", 0.05, "number", "%.2f"),
            Swing("relative", 0.1),
            optional=True,
        ),
    ] = Field(
        None,
        ge=1.0,
        le=10.0,
        description="Largest money multiple the investor may receive (1.1 = capital back plus "
        "10 %); payments above it are not made. None = no cap.",
    )
    guarantee_share: Annotated[
        float,
        FieldSpec(
            "guar",
            "fraction",
            "finance",
            Control("slider", 0.05, "percent", "percent"),
            Swing("absolute", 0.2),
        ),
    ] = Field(
        0.0,
        ge=0.0,
        le=1.0,
        description="Share of the investor's capital a guarantor (a foundation, a state fund) "
        "covers if outcome payments fall short: first-loss blended finance.",
    )
    guarantee_payer: Annotated[
        GuaranteePayer,
        FieldSpec(
            "gpay",
            "choice",
            "finance",
            Control("choice"),
            choices=("state", "municipality"),
        ),
    ] = Field(
        "state",
        description="Who pays the guarantor's payments: 'state' (a national fund such as Den "
        "Sociale Investeringsfond) or 'municipality'; counted in that party's net.",
    )

    # --- construction -------------------------------------------------------------------
    def __init__(self, **data: Any) -> None:
        """Validate ``data`` against the declared fields; pydantic's ValidationError comes
        out as a :class:`ScenarioError` naming each field and its allowed range, the one
        error every caller (link, file, command line) handles."""
        try:
            super().__init__(**data)
        except ValidationError as error:
            raise ScenarioError(_problems(error, type(self))) from None

    @classmethod
    def model_validate(cls, obj: Any, **kwargs: Any) -> Scenario:
        """Build from a mapping, refusing bad data with a :class:`ScenarioError`."""
        if isinstance(obj, Scenario):
            return obj
        if not isinstance(obj, Mapping):
            raise ScenarioError(
                [("scenario", f"expected a mapping of fields, got {type(obj).__name__}")]
            )
        try:
            return super().model_validate(dict(obj), **kwargs)
        except ValidationError as error:
            raise ScenarioError(_problems(error, cls)) from None

    @field_validator("evidence_strength", mode="before")
    @classmethod
    def _infinity_allowed_nan_not(cls, value: Any) -> Any:
        if isinstance(value, str) and value.strip().lower() in {"inf", "infinity", "∞"}:
            return math.inf
        if isinstance(value, float) and math.isnan(value):
            raise ValueError("must be a number, not NaN")
        # Beyond this the success rate is known for every practical purpose; treating it as
        # infinite keeps scipy's beta-binomial out of the range where it loses precision.
        if (
            isinstance(value, (int, float))
            and not isinstance(value, bool)
            and value > KNOWN_EXACTLY
        ):
            return math.inf
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
        # Negative zero is zero: one scenario, one link, one saved file and one cache key
        # (a link writes "-0.0" as "0", so it would not come back bit for bit).
        if isinstance(value, float) and value == 0.0:
            return 0.0
        return value

    # --- derivation and plain-data round trips ------------------------------------------
    def replace(self, **changes: Any) -> Scenario:
        """A new scenario with ``changes`` applied, validated like a fresh one."""
        return type(self)(**{**self.to_dict(), **changes})

    def to_dict(self) -> dict[str, Any]:
        """Plain Python data; ``Scenario(**s.to_dict()) == s``."""
        return self.model_dump()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Scenario:
        """Inverse of :meth:`to_dict` (also accepts JSON-decoded data with ``"inf"``)."""
        return cls.model_validate(data)

    def changed_fields(self) -> dict[str, Any]:
        """Only the fields that differ from the defaults: what a compact link must carry."""
        default = type(self)()
        return {
            name: value for name, value in self.to_dict().items() if getattr(default, name) != value
        }


#: ``field -> (lower, upper)`` as declared on :class:`Scenario`; the single source for ranges in
#: messages, sliders and sensitivity swings.
FIELD_LIMITS = field_limits(Scenario)


def allowed_range(name: str, cls: type[Scenario] = Scenario) -> str:
    """Human-readable allowed range of a field, e.g. ``"a whole number from 1 to 10000"``."""
    spec = field_specs(cls)[name]
    if spec.choices:
        return "one of " + ", ".join(f"'{choice}'" for choice in spec.choices)
    lower, upper = field_limits(cls)[name]
    annotation = cls.model_fields[name].annotation
    kind = "a whole number" if annotation is int else "a number"
    if spec.infinite:
        return f"{kind} from {_fmt(lower)} up, or inf"
    optional = " (or empty for none)" if spec.optional else ""
    return f"{kind} from {_fmt(lower)} to {_fmt(upper)}{optional}"


def _fmt(value: float | None) -> str:
    if value is None:
        return "any"
    return f"{value:g}" if abs(value) < 1e6 else f"{value:,.0f}"


def _problems(error: ValidationError, cls: type[Scenario]) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    for item in error.errors():
        field = str(item["loc"][0]) if item["loc"] else "scenario"
        if item["type"] == "extra_forbidden":
            known = ", ".join(cls.model_fields)
            problems.append((field, f"unknown field (misspelt?); known fields are {known}"))
            continue
        allowed = allowed_range(field, cls) if field in cls.model_fields else ""
        given = _shown_input(item.get("input"))
        problems.append((field, f"{given} is not allowed ({item['msg']}); allowed: {allowed}"))
    return problems


#: Longest echo of a refused value in a message.
_SHOWN_INPUT = 40


def _shown_input(value: Any) -> str:
    """A refused value as a message shows it: its repr, cut short. An integer of more than
    4,300 digits has no repr (Python refuses to convert it), so it is described instead."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 10_000:
        return f"an integer of about {int(value.bit_length() * 0.30103):,} digits"
    text = repr(value)
    return text if len(text) <= _SHOWN_INPUT else text[:_SHOWN_INPUT] + "…"
