"""One-at-a-time sensitivity: which assumption moves the result most (for tornado charts).

Each numeric input is swung to a low and a high value while everything else stays put. Every
variant is evaluated like :func:`sib_model.evaluate` — exact, or on the same common random
numbers — so a bar's length is the input's effect and not simulation noise, and the base is
the figure every other page shows.
Swings are plausible ranges, not worst cases, declared with each field (its ``FieldSpec``) and
collected in ``SWINGS``: ±20 % for money, cohort
and cap, ±0.1 for probabilities, ±0.2 for difficulty and the municipal share, ±0.5 for the
difficulty premium, ±50 % for the difficulty slope, ±2 points for the discount rate, ±1 year
for durations, halving and doubling for evidence strength — always clipped to the field's
allowed range, so an input at its limit swings one way only.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from .cohort import DEFAULT_DRAWS, DEFAULT_SEED
from .fields import Swing, field_limits, field_specs
from .scenario import Scenario
from .simulation import evaluate
from .summary import statistic

__all__ = ["sensitivity", "swings", "SWINGS"]


def swings(cls: type[Scenario] = Scenario) -> dict[str, Swing]:
    """``field -> Swing`` of every field that swings, as its FieldSpec declares it."""
    return {name: spec.swing for name, spec in field_specs(cls).items() if spec.swing is not None}


#: How each input of :class:`Scenario` is swung (see :class:`~sib_model.fields.Swing`).
SWINGS: dict[str, Swing] = swings()

DEFAULT_METRICS = ("expected_investor_irr", "expected_commissioner_net")


def _swung(
    cls: type[Scenario], field: str, value: float | None, swing: Swing
) -> tuple[float, float] | None:
    """The low and high value of ``field`` around ``value``, inside the field's range; None
    when the field cannot move (unset, infinite, or pinned at both limits)."""
    if value is None or (isinstance(value, float) and math.isinf(value)):
        return None
    if swing.kind == "relative":
        low, high = value * (1 - swing.size), value * (1 + swing.size)
    elif swing.kind == "absolute":
        low, high = value - swing.size, value + swing.size
    else:
        low, high = value / swing.size, value * swing.size
    lower, upper = field_limits(cls)[field]
    low = max(low, lower) if lower is not None else low
    high = min(high, upper) if upper is not None else high
    if cls.model_fields[field].annotation is int:
        low, high = math.ceil(low), math.floor(high)
    return (low, high) if low != high else None


def sensitivity(
    s: Scenario,
    metrics: Iterable[str] = DEFAULT_METRICS,
    n_simulations: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
) -> pd.DataFrame:
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
    base = evaluate(s, n_simulations, seed).summary
    unknown = [m for m in metrics if m not in base]
    if unknown:
        raise ValueError(f"unknown metric(s) {unknown}; choose from {sorted(base)}")
    rows = []
    cls = type(s)
    for field, how in swings(cls).items():
        value = getattr(s, field)
        swing = _swung(cls, field, value, how)
        if swing is None:
            continue
        low_summary = evaluate(s.replace(**{field: swing[0]}), n_simulations, seed).summary
        high_summary = evaluate(s.replace(**{field: swing[1]}), n_simulations, seed).summary
        for metric in metrics:
            rows.append(
                {
                    "field": field,
                    "metric": metric,
                    "base_value": value,
                    "low_value": swing[0],
                    "high_value": swing[1],
                    "base_result": statistic(base, metric),
                    "low_result": statistic(low_summary, metric),
                    "high_result": statistic(high_summary, metric),
                    "swing": abs(statistic(high_summary, metric) - statistic(low_summary, metric)),
                }
            )
    table = pd.DataFrame(rows)
    return table.sort_values(["metric", "swing"], ascending=[True, False], ignore_index=True)
