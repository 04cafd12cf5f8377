"""Which point of a sweep a party prefers — or that it has no clear preference.

Each party is judged by its own objective (DESIGN.md, second step, item 3): the investor by
its expected IRR, the municipality by its expected net on its own budget, society by the
expected total net. A preference is reported only when it is clear:

* the best value must beat the worst by more than ``CLEAR_MARGIN`` (1 %) of the larger of the
  two in size — otherwise the curve is *flat*;
* where the figures are sampled, the best must beat the worst by more than twice their
  standard error — otherwise the difference is *within noise*;
* a point where the party has nothing at stake — the investor puts in no money or is never
  paid, nothing is additional for the municipality or society — is never preferred.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

__all__ = [
    "Preference",
    "preferred",
    "investor_preference",
    "municipality_preference",
    "society_preference",
    "value_for_money_preference",
    "CLEAR_MARGIN",
]

#: Relative difference below which a party has no clear preference.
CLEAR_MARGIN = 0.01

Reason = Literal["clear", "flat", "within_noise", "nothing_at_stake"]


@dataclass(frozen=True)
class Preference:
    """A party's preferred point on a sweep.

    ``at`` is the preferred value of the swept input (NaN without a clear preference), ``result``
    the objective's value there, ``reason`` why there is or is not a preference."""

    party: str
    objective: str
    at: float
    result: float
    reason: Reason

    @property
    def clear(self) -> bool:
        """Whether the party has a preference worth drawing and saying: its best point beats
        its worst by more than :data:`CLEAR_MARGIN` and the simulation's noise. Otherwise
        ``at`` is NaN and ``reason`` says why (flat, within noise, nothing at stake)."""
        return self.reason == "clear"


def preferred(
    table: pd.DataFrame,
    axis: str,
    objective: str,
    *,
    party: str,
    highest: bool = True,
    at_stake: pd.Series | None = None,
    noise: pd.Series | None = None,
) -> Preference:
    """The row of ``table`` with the best ``objective`` along ``axis``, if the preference is
    clear (module docstring)."""
    values = table[objective].to_numpy(dtype=float)
    usable = ~np.isnan(values)
    if at_stake is not None:
        usable &= at_stake.to_numpy(dtype=bool)
    if not usable.any():
        return Preference(party, objective, math.nan, math.nan, "nothing_at_stake")
    oriented = np.where(usable, values if highest else -values, -np.inf)
    best_row = int(np.argmax(oriented))
    best = float(values[best_row])
    worst = float(values[usable].min() if highest else values[usable].max())
    spread = abs(best - worst)
    if spread <= CLEAR_MARGIN * max(abs(best), abs(worst)) or spread == 0:
        return Preference(party, objective, math.nan, best, "flat")
    if noise is not None:
        error = float(np.nanmax(noise[usable].to_numpy(dtype=float), initial=0.0))
        if spread <= 2 * error:
            return Preference(party, objective, math.nan, best, "within_noise")
    return Preference(
        party, objective, float(table[axis].to_numpy(dtype=float)[best_row]), best, "clear"
    )


def investor_preference(table: pd.DataFrame, axis: str) -> Preference:
    """Highest expected IRR, among points where the investor puts money in and is paid."""
    at_stake = (table["expected_investor_capital"] > 0) & (table["expected_payment"] > 0)
    return preferred(
        table,
        axis,
        "expected_investor_irr",
        party="investor",
        at_stake=at_stake,
        noise=table["investor_irr_standard_error"],
    )


def municipality_preference(table: pd.DataFrame, axis: str) -> Preference:
    """Highest expected net on the municipality's own budget, where something is additional."""
    return preferred(
        table,
        axis,
        "expected_commissioner_net",
        party="municipality",
        at_stake=table["expected_additional_outcomes"] > 0,
        noise=table["commissioner_net_standard_error"],
    )


def society_preference(table: pd.DataFrame, axis: str) -> Preference:
    """Highest expected total net (all public budgets), where something is additional."""
    return preferred(
        table,
        axis,
        "expected_society_net",
        party="society",
        at_stake=table["expected_additional_outcomes"] > 0,
        noise=table["society_net_standard_error"],
    )


def value_for_money_preference(table: pd.DataFrame, axis: str) -> Preference:
    """Lowest cost per additional outcome: a reported figure, not a party's objective."""
    return preferred(
        table,
        axis,
        "cost_per_additional_outcome",
        party="value_for_money",
        highest=False,
        at_stake=table["expected_additional_outcomes"] > 0,
    )
