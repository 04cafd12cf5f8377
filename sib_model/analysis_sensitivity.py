"""One-at-a-time sensitivity: which assumption moves the result most (for tornado charts).

Each numeric input is swung to a low and a high value while everything else stays put, on
common random numbers, so a bar's length is the input's effect and not simulation noise.
Swings are plausible ranges, not worst cases, listed in ``SWINGS``: ±20 % for money, cohort
and cap, ±0.1 for probabilities, ±0.2 for difficulty and the municipal share, ±0.5 for the
difficulty premium, ±50 % for the difficulty slope, ±2 points for the discount rate, ±1 year
for durations, halving and doubling for evidence strength — always clipped to the field's
allowed range, so an input at its limit swings one way only.
"""

from __future__ import annotations

import math
from typing import Iterable

import pandas as pd

from .common_numbers import common_summary
from .outcomes import CommonUniforms, Seed
from .scenario import FIELD_LIMITS, Scenario

__all__ = ["sensitivity", "SWINGS"]

#: How each input is swung: ("relative", 0.2) → value × (1 ± 0.2); ("absolute", 0.1) →
#: value ± 0.1; ("factor", 2) → value ÷ 2 and × 2.
SWINGS: dict[str, tuple[str, float]] = {
    "cohort_size": ("relative", 0.2),
    "referral_rate": ("absolute", 0.1),
    "success_probability": ("absolute", 0.1),
    "counterfactual_probability": ("absolute", 0.1),
    "difficulty": ("absolute", 0.2),
    "difficulty_slope": ("relative", 0.5),
    "evidence_strength": ("factor", 2.0),
    "duration_years": ("absolute", 1.0),
    "price_per_outcome": ("relative", 0.2),
    "difficulty_premium": ("absolute", 0.5),
    "contract_baseline": ("absolute", 0.05),
    "success_threshold": ("absolute", 0.1),
    "payment_cap": ("relative", 0.2),
    "delivery_cost_per_participant": ("relative", 0.2),
    "fixed_costs": ("relative", 0.2),
    "public_savings_per_outcome": ("relative", 0.2),
    "municipal_share_of_savings": ("absolute", 0.2),
    "discount_rate": ("absolute", 0.02),
    "payment_lag_years": ("absolute", 1.0),
    "provider_fee_at_risk": ("absolute", 0.2),
}

DEFAULT_METRICS = ("expected_investor_irr", "expected_commissioner_net")


def _swung(field: str, value: float) -> tuple[float, float] | None:
    kind, size = SWINGS[field]
    if value is None or (isinstance(value, float) and math.isinf(value)):
        return None
    if kind == "relative":
        low, high = value * (1 - size), value * (1 + size)
    elif kind == "absolute":
        low, high = value - size, value + size
    else:
        low, high = value / size, value * size
    lower, upper = FIELD_LIMITS[field]
    low = max(low, lower) if lower is not None else low
    high = min(high, upper) if upper is not None else high
    if isinstance(Scenario.model_fields[field].default, int):
        low, high = math.ceil(low), math.floor(high)
    if field == "evidence_strength":
        low = max(low, 1e-3)
    return (low, high) if low != high else None


def sensitivity(s: Scenario, metrics: Iterable[str] = DEFAULT_METRICS,
                n_simulations: int = 5_000, seed: Seed = 0) -> pd.DataFrame:
    """Low/high swings of every numeric input and their effect on ``metrics``.

    Returns
    -------
    pandas.DataFrame
        One row per (input, metric): ``field``, ``metric``, ``base_value``, ``low_value``,
        ``high_value`` (of the input), ``base_result``, ``low_result``, ``high_result`` (of the
        metric) and ``swing`` = |high_result − low_result|, sorted by metric then largest swing
        first. Inputs that cannot move (at both limits, or unset like a missing cap) are left
        out.
    """
    metrics = tuple(metrics)
    uniforms = CommonUniforms.draw(n_simulations, seed)
    base = common_summary(s, uniforms)
    unknown = [m for m in metrics if m not in base]
    if unknown:
        raise ValueError(f"unknown metric(s) {unknown}; choose from {sorted(base)}")
    rows = []
    for field in SWINGS:
        value = getattr(s, field)
        swing = _swung(field, value)
        if swing is None:
            continue
        low_summary = common_summary(s.replace(**{field: swing[0]}), uniforms)
        high_summary = common_summary(s.replace(**{field: swing[1]}), uniforms)
        for metric in metrics:
            rows.append({"field": field, "metric": metric, "base_value": value,
                         "low_value": swing[0], "high_value": swing[1],
                         "base_result": base[metric], "low_result": low_summary[metric],
                         "high_result": high_summary[metric],
                         "swing": abs(high_summary[metric] - low_summary[metric])})
    table = pd.DataFrame(rows)
    return table.sort_values(["metric", "swing"], ascending=[True, False],
                             ignore_index=True)
