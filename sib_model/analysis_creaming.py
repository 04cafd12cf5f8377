"""The creaming frontier (*at skumme fløden*): what each party gets as the target group
gets harder.

An investor paid per outcome earns most from an easy group; the municipality needs the hard
cases helped, because a citizen far from the goal would have cost it most (the savings
gradient) and an easy citizen would often have succeeded anyway (deadweight). Each party's
preferred group is the one that is best by its own objective (:mod:`sib_model.preferences`);
the gap between the investor's and the municipality's is the creaming tension. A rate card
(difficulty premium) or payment above a baseline narrows it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .cohort import DEFAULT_DRAWS, DEFAULT_SEED
from .preferences import (
    Preference,
    investor_preference,
    investor_profit_preference,
    municipality_preference,
    society_preference,
    value_for_money_preference,
)
from .scenario import Scenario
from .sweep import grid_through, sweep

__all__ = ["CreamingFrontier", "creaming_frontier"]


@dataclass(frozen=True)
class CreamingFrontier:
    """The frontier and what it says.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per difficulty (0 and 1 and the scenario's own included): the column
        ``difficulty`` and every statistic of :class:`sib_model.summary.Summary`.
    investor, municipality, society : Preference
        Each party's preferred difficulty by its own objective, or why there is none.
    value_for_money : Preference
        Where the municipality pays least per additional outcome (a reported figure).
    investor_by_profit : Preference
        The investor's preferred group by expected profit (DKK), shown beside its IRR: the
        two differ where groups put different amounts of capital at stake.
    """

    table: pd.DataFrame
    investor: Preference
    municipality: Preference
    society: Preference
    value_for_money: Preference
    investor_by_profit: Preference

    @property
    def creaming_gap(self) -> float:
        """How much harder a group the municipality wants than the investor (NaN unless both
        preferences are clear)."""
        return self.municipality.at - self.investor.at

    def at(self, difficulty: float) -> pd.Series:
        """The row of ``difficulty`` (which must be on the grid)."""
        rows = self.table[self.table["difficulty"] == difficulty]
        if rows.empty:
            raise KeyError(f"difficulty {difficulty} is not on this frontier's grid")
        return rows.iloc[0]


def creaming_frontier(
    s: Scenario, n_points: int = 51, n_simulations: int = DEFAULT_DRAWS, seed: int = DEFAULT_SEED
) -> CreamingFrontier:
    """Sweep the target group's difficulty over [0, 1].

    ``n_points`` evenly spaced difficulties (0 and 1 included) plus the scenario's own, each
    evaluated like :func:`sib_model.evaluate` (exact, or on common random numbers of
    ``n_simulations`` futures from ``seed`` where it cannot be exact).

    Examples
    --------
    >>> from sib_model import Scenario, creaming_frontier
    >>> f = creaming_frontier(Scenario(), n_points=11)
    >>> f.investor.at, f.municipality.at
    (0.0, 1.0)
    """
    table = sweep(s, "difficulty", grid_through(s.difficulty, n_points), n_simulations, seed)
    return CreamingFrontier(
        table,
        investor_preference(table, "difficulty"),
        municipality_preference(table, "difficulty"),
        society_preference(table, "difficulty"),
        value_for_money_preference(table, "difficulty"),
        investor_profit_preference(table, "difficulty"),
    )
