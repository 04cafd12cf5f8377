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

#: Relative spread below which a curve counts as flat: no group is preferred.
_FLAT = 1e-9


def creaming_frontier(s: Scenario, n_points: int = 51, n_simulations: int = 10_000,
                      seed: Seed = 0) -> pd.DataFrame:
    """Sweep the target group's difficulty over [0, 1] on common random numbers.

    Returns
    -------
    pandas.DataFrame
        One row per difficulty (``n_points`` evenly spaced, 0 and 1 included): the column
        ``difficulty``, every statistic of :attr:`SimulationResult.summary` as a column, and
        the booleans ``investor_preferred`` (highest expected IRR) and
        ``commissioner_preferred`` (lowest cost per additional outcome). No row is marked
        where there is no preference: no group has additional outcomes, the investor puts in
        no money, or the curve is flat. ``attrs`` holds ``investor_preferred_difficulty``,
        ``commissioner_preferred_difficulty`` (NaN where none) and ``creaming_gap`` (their
        difference: how much harder a group the commissioner wants).
    """
    if not 2 <= n_points <= 1001:
        raise ValueError(f"n_points must be from 2 to 1001, got {n_points}")
    uniforms = CommonUniforms.draw(n_simulations, seed)
    difficulties = np.linspace(0.0, 1.0, n_points)
    rows = [{"difficulty": d, **common_summary(s, uniforms, difficulty=float(d))}
            for d in difficulties]
    frontier = pd.DataFrame(rows)
    investor_row = _best_row(frontier["expected_investor_irr"], highest=True)
    commissioner_row = _best_row(frontier["cost_per_additional_outcome"], highest=False)
    frontier["investor_preferred"] = frontier.index == investor_row
    frontier["commissioner_preferred"] = frontier.index == commissioner_row
    investor_d = float(difficulties[investor_row]) if investor_row is not None else math.nan
    commissioner_d = (float(difficulties[commissioner_row]) if commissioner_row is not None
                      else math.nan)
    frontier.attrs.update(investor_preferred_difficulty=investor_d,
                          commissioner_preferred_difficulty=commissioner_d,
                          creaming_gap=commissioner_d - investor_d)
    return frontier


def _best_row(values: pd.Series, *, highest: bool) -> int | None:
    """Index of the best value, or None when there is no preference: no defined value (say,
    the investor puts in no money), or a flat curve (every group gives the same result)."""
    defined = values.dropna()
    if defined.empty:
        return None
    spread = defined.max() - defined.min()
    if spread <= _FLAT * max(1.0, float(defined.abs().max())):
        return None
    return int(defined.idxmax() if highest else defined.idxmin())


def preferred_difficulties(frontier: pd.DataFrame) -> tuple[float, float]:
    """``(investor's, commissioner's)`` preferred difficulty of a frontier."""
    return (frontier.attrs["investor_preferred_difficulty"],
            frontier.attrs["commissioner_preferred_difficulty"])
