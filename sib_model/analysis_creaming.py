"""The creaming frontier (*at skumme fløden*): what each party gets as the target group
gets harder.

An investor paid per outcome earns most from an easy group; a commissioner gets most
*additional* outcomes per krone from a harder one, because easy groups would often have
succeeded anyway (deadweight). The gap between the two preferred difficulties is the creaming
tension. A difficulty premium (rate card) or payment above a baseline narrows it.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .common_numbers import common_summary
from .outcomes import CommonUniforms, Seed
from .scenario import Scenario

__all__ = ["creaming_frontier", "preferred_difficulties"]


def creaming_frontier(s: Scenario, n_points: int = 51, n_simulations: int = 10_000,
                      seed: Seed = 0) -> pd.DataFrame:
    """Sweep the target group's difficulty over [0, 1] on common random numbers.

    Returns
    -------
    pandas.DataFrame
        One row per difficulty (``n_points`` evenly spaced, 0 and 1 included): the column
        ``difficulty``, every statistic of :attr:`SimulationResult.summary` as a column, and
        the booleans ``investor_preferred`` (highest expected IRR) and
        ``commissioner_preferred`` (lowest cost per additional outcome; no row where no group
        has additional outcomes). ``attrs`` holds ``investor_preferred_difficulty``,
        ``commissioner_preferred_difficulty`` (NaN if none) and ``creaming_gap`` (their
        difference: how much harder a group the commissioner wants).
    """
    if not 2 <= n_points <= 1001:
        raise ValueError(f"n_points must be from 2 to 1001, got {n_points}")
    uniforms = CommonUniforms.draw(n_simulations, seed)
    difficulties = np.linspace(0.0, 1.0, n_points)
    rows = [{"difficulty": d, **common_summary(s, uniforms, difficulty=float(d))}
            for d in difficulties]
    frontier = pd.DataFrame(rows)
    investor_row = int(frontier["expected_investor_irr"].idxmax())
    cost = frontier["cost_per_additional_outcome"]
    commissioner_row = int(cost.idxmin()) if cost.notna().any() else None
    frontier["investor_preferred"] = frontier.index == investor_row
    frontier["commissioner_preferred"] = frontier.index == commissioner_row
    investor_d = float(difficulties[investor_row])
    commissioner_d = (float(difficulties[commissioner_row]) if commissioner_row is not None
                      else math.nan)
    frontier.attrs.update(investor_preferred_difficulty=investor_d,
                          commissioner_preferred_difficulty=commissioner_d,
                          creaming_gap=commissioner_d - investor_d)
    return frontier


def preferred_difficulties(frontier: pd.DataFrame) -> tuple[float, float]:
    """``(investor's, commissioner's)`` preferred difficulty of a frontier."""
    return (frontier.attrs["investor_preferred_difficulty"],
            frontier.attrs["commissioner_preferred_difficulty"])
