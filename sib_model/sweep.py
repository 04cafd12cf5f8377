"""Evaluating one scenario at many values of one input.

Every point is :func:`sib_model.evaluate` of the scenario with that input changed — exact
where the cohort allows it, otherwise on the same fixed common random numbers — so a sweep's
point at the scenario's own value equals what every other page shows for the scenario, and
neighbouring points differ because of the input, not the luck of the draw.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray

from .cohort import DEFAULT_DRAWS, DEFAULT_SEED
from .scenario import Scenario
from .simulation import evaluate

__all__ = ["sweep", "grid_through"]


def grid_through(
    value: float, n_points: int, lower: float = 0.0, upper: float = 1.0
) -> NDArray[np.float64]:
    """``n_points`` evenly spaced over [lower, upper], plus ``value`` itself, so the
    scenario's own point is computed, never read off a neighbour."""
    if not 2 <= n_points <= 1001:
        raise ValueError(f"n_points must be from 2 to 1001, got {n_points}")
    return np.union1d(np.linspace(lower, upper, n_points), [value])


def sweep(
    s: Scenario,
    field: str,
    values: ArrayLike,
    n_simulations: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
) -> pd.DataFrame:
    """One row per value of ``field``: the value and every statistic of the summary."""
    rows = [
        {
            field: float(value),
            **evaluate(s.replace(**{field: float(value)}), n_simulations, seed).summary,
        }
        for value in np.asarray(values, dtype=float)
    ]
    return pd.DataFrame(rows)
