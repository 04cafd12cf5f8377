"""The parking frontier: creaming *inside* a signed contract.

Once a contract is signed and citizens are referred, a provider paid per outcome can serve
the easy citizens it was sent and park the hard ones — the UK Work Programme's "creaming and
parking". Parking as it happens is minimal service, not none: a parked citizen still gets
the minimum service the contract requires (``parked_service_cost_share`` of the delivery
cost) and succeeds as often as they would have anyway; on the every-outcome basis those
spontaneous successes are still paid for: pure deadweight.

This analysis sweeps the parked share π from 0 to 1 (the table) and reports each party's
preferred π among the shares a contract could plausibly let pass (π ≤
``MAX_PLAUSIBLE_PARKED_SHARE``: minimum-service rules and a commissioner watching who is
served would not let more than half of the starters be parked unnoticed). The frontier means
something only for a mixed cohort (``difficulty_spread`` > 0): where everybody is alike
there are no "hardest" citizens to park (``meaningful``).

The investor is ranked by its own objective, the expected IRR, on the capital actually at
stake — parked citizens' minimum service included (``investor``). The IRR rewards a smaller
capital base, and parking shrinks the capital, so the IRR can keep rising with π after the
profit in kroner has started to fall: the expected profit's ranking is reported beside it
(``investor_by_profit``), and the pages should say so in words. What moves
the investor's answer: on the every-outcome basis a rate card does *not* (a parked citizen's
paid spontaneous success outweighs any price per difficulty — measured); paying only above a
baseline does, since it takes away the reward for parked successes.
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
)
from .scenario import Scenario
from .sweep import grid_through, sweep

__all__ = ["ParkingFrontier", "parking_frontier", "can_park", "MAX_PLAUSIBLE_PARKED_SHARE"]

#: Largest parked share a contract could plausibly let pass (module docstring); the
#: preferences are found among shares up to it.
MAX_PLAUSIBLE_PARKED_SHARE = 0.5


def can_park(s: Scenario) -> bool:
    """Whether a provider of ``s`` has anybody to park: only a mixed cohort (difficulty
    spread > 0) has citizens harder than the rest; where everybody is alike the parking
    frontier says nothing, and the dashboard shows why instead of computing it."""
    return s.difficulty_spread > 0


@dataclass(frozen=True)
class ParkingFrontier:
    """The parking frontier and what it says.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per parked share (0 and 1 and the scenario's own included): the column
        ``parked_share`` and every statistic of :class:`sib_model.summary.Summary`.
    investor : Preference
        The investor's preferred parked share by expected IRR on the capital at stake.
    investor_by_profit : Preference
        The same by expected profit (DKK): the IRR rewards the smaller capital base that
        parking leaves, the profit does not.
    municipality, society : Preference
        Each party's preferred parked share by its own objective, or why there is none.
    meaningful : bool
        The cohort is mixed (difficulty spread > 0): there are harder citizens to park.
    """

    table: pd.DataFrame
    investor: Preference
    municipality: Preference
    society: Preference
    investor_by_profit: Preference
    meaningful: bool

    @property
    def contract_rewards_parking(self) -> bool:
        """True when the cohort is mixed and the investor clearly does best with some
        citizens parked — by its IRR and by its profit in kroner alike."""
        return (
            self.meaningful
            and self.investor.clear
            and self.investor.at > 0
            and self.investor_by_profit.clear
            and self.investor_by_profit.at > 0
        )


def parking_frontier(
    s: Scenario, n_points: int = 21, n_simulations: int = DEFAULT_DRAWS, seed: int = DEFAULT_SEED
) -> ParkingFrontier:
    """Sweep the parked share over [0, 1] on common random numbers; preferences among the
    plausible shares (module docstring).

    Examples
    --------
    >>> from sib_model import Scenario, parking_frontier
    >>> f = parking_frontier(Scenario(difficulty_spread=0.3), n_points=11)
    >>> f.meaningful, f.investor.at > f.investor_by_profit.at
    (True, True)
    """
    table = sweep(s, "parked_share", grid_through(s.parked_share, n_points), n_simulations, seed)
    plausible = table[table["parked_share"] <= MAX_PLAUSIBLE_PARKED_SHARE + 1e-12]
    plausible = plausible.reset_index(drop=True)
    return ParkingFrontier(
        table,
        investor_preference(plausible, "parked_share"),
        municipality_preference(plausible, "parked_share"),
        society_preference(plausible, "parked_share"),
        investor_profit_preference(plausible, "parked_share"),
        can_park(s),
    )
