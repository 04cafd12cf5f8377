"""The negotiation game's rules: who would sign a proposed contract, and why not.

Pure functions on :func:`sib_model.evaluate`'s summary. A contract is a few levers of a
:class:`Scenario` (:data:`LEVERS`) applied to the room's base scenario; each role holds red
lines (:class:`RedLines`) and signs when none is crossed. The reasons are codes a UI translates
(``"irr"``: the expected return is below the investor's target, …).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from sib_model.scenario import Scenario
from sib_model.simulation import evaluate
from sib_model.workspace import DEFAULT_MAX_LOSS, DEFAULT_TARGET_IRR

__all__ = [
    "ROLES",
    "SIGNING_ROLES",
    "LEVERS",
    "Role",
    "RedLines",
    "RED_LINE_LIMITS",
    "RedLineError",
    "checked_red_lines",
    "Verdict",
    "contract_of",
    "apply_contract",
    "clean_contract",
    "verdicts",
    "role_figures",
]

Role = Literal["municipality", "investor", "provider", "state"]
#: Every role a group can take; the state is optional (the "wrong pocket"; the region, the
#: other wrong pocket, has no role).
ROLES: tuple[Role, ...] = ("municipality", "investor", "provider", "state")
#: Roles whose signature a deal needs.
SIGNING_ROLES: tuple[Role, ...] = ("municipality", "investor", "provider")
#: The scenario fields a proposal may set.
LEVERS = (
    "price_per_outcome",
    "difficulty",
    "payment_basis",
    "success_threshold",
    "payment_cap",
    "guarantee_share",
    "provider_fee_at_risk",
)


@dataclass(frozen=True)
class RedLines:
    """Each role's terms (fractions as fractions, money in DKK).

    The investor: expected IRR ≥ ``target_irr`` and P(loss) ≤ ``max_loss``. The municipality:
    expected net ≥ 0, or (with ``willingness_to_pay``) cost per additional outcome ≤ it. The
    provider: its own money at risk ≤ ``max_provider_risk`` and at least
    ``min_served_share`` of the starters actually served (not parked). The state: the public
    saving that lands in the state's own budget, less any guarantee the state pays, ≥
    ``min_state_saving`` (the region's share of the wrong pocket is not the state's: the
    region has no seat at the table). A guarantee the municipality pays is in its net.
    """

    target_irr: float = DEFAULT_TARGET_IRR
    max_loss: float = DEFAULT_MAX_LOSS
    willingness_to_pay: float | None = None
    max_provider_risk: float = 500_000.0
    min_served_share: float = 0.9
    min_state_saving: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """The lines as plain data (a room's JSON document holds them so)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RedLines:
        """Inverse of :meth:`to_dict`; a line ``data`` leaves out keeps its default (rooms
        stored before a line existed still load)."""
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)


#: The range each red line may take, in its own unit (fractions, DKK). The investor's two
#: match the Deal space page's sliders (0–30 % and 0–100 %); money lines stop at 100 m DKK,
#: far above any cohort's prices or costs, so a typo of a few extra zeros is caught.
RED_LINE_LIMITS: dict[str, tuple[float, float]] = {
    "target_irr": (0.0, 0.30),
    "max_loss": (0.0, 1.0),
    "willingness_to_pay": (0.0, 1e8),
    "max_provider_risk": (0.0, 1e8),
    "min_served_share": (0.0, 1.0),
    "min_state_saving": (0.0, 1e8),
}


class RedLineError(ValueError):
    """Red lines that are not numbers in their range; ``fields`` names each one, so a form
    can say which box to correct."""

    def __init__(self, fields: tuple[str, ...]) -> None:
        """The error naming ``fields`` (in the order of :data:`RED_LINE_LIMITS`)."""
        super().__init__(", ".join(fields))
        self.fields = fields


def checked_red_lines(values: dict[str, Any]) -> RedLines:
    """Red lines from ``values`` (a facilitator's form, a room document), every one a finite
    number inside :data:`RED_LINE_LIMITS`; ``willingness_to_pay`` may be None (the
    municipality then tests its own net). A line ``values`` leaves out keeps its default.
    Raises :class:`RedLineError` naming every line that is not, so nothing half-checked is
    ever stored."""
    bad = []
    for name, (lo, hi) in RED_LINE_LIMITS.items():
        if name not in values or (name == "willingness_to_pay" and values[name] is None):
            continue
        value = values[name]
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or not lo <= value <= hi
        ):
            bad.append(name)
    if bad:
        raise RedLineError(tuple(bad))
    known: dict[str, Any] = {
        k: (None if values[k] is None else float(values[k])) for k in RED_LINE_LIMITS if k in values
    }
    return RedLines(**known)


@dataclass(frozen=True)
class Verdict:
    """Whether ``role`` would sign, and the codes of the red lines the contract crosses."""

    role: Role
    signs: bool
    reasons: tuple[str, ...] = field(default_factory=tuple)


def contract_of(s: Scenario) -> dict[str, Any]:
    """The levers of scenario ``s``."""
    return {name: getattr(s, name) for name in LEVERS}


def clean_contract(values: dict[str, Any], base: Scenario) -> dict[str, Any]:
    """Only the known levers, validated by the scenario (raises ``ScenarioError``)."""
    levers = {k: v for k, v in values.items() if k in LEVERS}
    return contract_of(base.replace(**levers))


def apply_contract(base: Scenario, contract: dict[str, Any]) -> Scenario:
    """The base scenario with the contract's levers."""
    return base.replace(**{k: v for k, v in contract.items() if k in LEVERS})


def role_figures(s: Scenario) -> dict[str, float]:
    """The figures the red lines are checked on."""
    m = evaluate(s).summary
    starters = m["expected_starters"]
    return {
        "investor_irr": m["expected_investor_irr"],
        "probability_of_loss": m["probability_of_loss"],
        "municipality_net": m["expected_commissioner_net"],
        "cost_per_additional_outcome": m["cost_per_additional_outcome"],
        "provider_risk": m["expected_provider_capital"],
        "served_share": m["expected_served"] / starters if starters > 0 else 0.0,
        # The state's saving less the guarantor's payments when the state stands behind the
        # guarantee (``Scenario.guarantee_payer``): a guarantee that makes the investor sign
        # is not free, and its cost lands on a party at the table.
        "state_saving": m["expected_state_net"],
    }


def _nan_or_below(value: float, floor: float) -> bool:
    """True when ``value`` is NaN (no IRR: the investor never gets its money back) or below."""
    return math.isnan(value) or value < floor


def verdicts_of_figures(f: dict[str, float], lines: RedLines) -> dict[Role, Verdict]:
    """Each role's verdict on figures ``f`` (see :func:`role_figures`)."""
    investor = []
    if _nan_or_below(f["investor_irr"], lines.target_irr):
        investor.append("irr")
    if f["probability_of_loss"] > lines.max_loss:
        investor.append("loss")
    municipality = []
    if lines.willingness_to_pay is None:
        if f["municipality_net"] < 0:
            municipality.append("net")
    else:
        cost = f["cost_per_additional_outcome"]
        if math.isnan(cost) or cost > lines.willingness_to_pay:
            municipality.append("wtp")
    provider = []
    if f["provider_risk"] > lines.max_provider_risk:
        provider.append("risk")
    if f["served_share"] < lines.min_served_share:
        provider.append("parked")
    state = ["state_saving"] if f["state_saving"] < lines.min_state_saving else []
    found: dict[Role, list[str]] = {
        "municipality": municipality,
        "investor": investor,
        "provider": provider,
        "state": state,
    }
    return {role: Verdict(role, not why, tuple(why)) for role, why in found.items()}


def verdicts(s: Scenario, lines: RedLines) -> dict[Role, Verdict]:
    """Who would sign scenario ``s`` under ``lines``, and why not."""
    return verdicts_of_figures(role_figures(s), lines)
