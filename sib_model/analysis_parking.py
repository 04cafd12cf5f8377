"""The parking frontier: creaming *inside* a signed contract.

Once a contract is signed and citizens are referred, a provider paid per outcome can serve
the easy citizens it was sent and park the hard ones — the UK Work Programme's "creaming and
parking". Parked citizens cost nothing to serve and, on the every-outcome basis, their
spontaneous successes are still paid for: pure deadweight. This analysis sweeps the parked
share π from 0 to 1 and reports each party's preferred π. The contract's levers change the
investor's answer: paying only above a baseline takes away the reward for parked successes,
a rate card priced per citizen's own difficulty makes the parked citizens the best-paid ones,
and a guarantee softens the loss that parking was avoiding.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .cohort import DEFAULT_DRAWS, DEFAULT_SEED
from .preferences import (
    Preference,
    investor_preference,
    municipality_preference,
    society_preference,
)
from .scenario import Scenario
from .sweep import grid_through, sweep

__all__ = ["ParkingFrontier", "parking_frontier"]


@dataclass(frozen=True)
class ParkingFrontier:
    """The parking frontier and what it says.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per parked share (0 and 1 and the scenario's own included): the column
        ``parked_share`` and every statistic of :class:`sib_model.summary.Summary`.
    investor, municipality, society : Preference
        Each party's preferred parked share by its own objective, or why there is none.
    """

    table: pd.DataFrame
    investor: Preference
    municipality: Preference
    society: Preference

    @property
    def contract_rewards_parking(self) -> bool:
        """True when the investor clearly does best with some citizens parked."""
        return self.investor.clear and self.investor.at > 0


def parking_frontier(
    s: Scenario, n_points: int = 21, n_simulations: int = DEFAULT_DRAWS, seed: int = DEFAULT_SEED
) -> ParkingFrontier:
    """Sweep the parked share over [0, 1] on common random numbers.

    Examples
    --------
    >>> from sib_model import Scenario, parking_frontier
    >>> f = parking_frontier(Scenario(difficulty_spread=0.3), n_points=5, n_simulations=2_000)
    >>> f.contract_rewards_parking
    True
    """
    table = sweep(s, "parked_share", grid_through(s.parked_share, n_points), n_simulations, seed)
    return ParkingFrontier(
        table,
        investor_preference(table, "parked_share"),
        municipality_preference(table, "parked_share"),
        society_preference(table, "parked_share"),
    )
