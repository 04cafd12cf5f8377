"""Which point of a sweep a party prefers — or why it has none.

Each party is judged by its own objective (DESIGN.md, second step, item 3): the investor by
its expected IRR (and, beside it, its expected profit in DKK: the IRR rewards a smaller
capital base, so an option that puts less money at stake can win on IRR while earning
less), the municipality by its expected net on its own budget, society by the expected
total net. A preference is reported only where something is at stake (issue 16, item 3):

* **nothing at stake** — a point where the investor puts in no money or is never paid, or
  where nothing is additional (E[A] no larger than twice its standard error) is never
  preferred; where no point is left, there is no preference;
* **would not sign** — a party whose objective is below zero at every point loses
  whatever is chosen: it has no preference, it would not sign (its least bad point is
  still reported, as ``least_bad_at``);
* **flat** — the best is compared with each runner-up: the points within the party's
  margin of the best are as good as the best, and if that is every point the curve is
  flat. The margin is the larger of an *absolute floor in the party's own unit*
  (``IRR_FLOOR`` = 0.1 percentage point of IRR, ``MONEY_FLOOR`` = 50,000 DKK) and a
  *relative margin* of the best value (``CLEAR_MARGIN`` = 1 % for an IRR,
  ``MONEY_MARGIN`` = 0.5 % for money), so −0.10 % against −0.09 % IRR or ±1,000 DKK is
  flat while 450,000 DKK on a net of −50m is a preference;
* **within noise** — where the figures are sampled, a margin below twice the standard error
  of the figures is raised to it; if every point is then as good as the best, the
  differences are noise.

A clear preference reports the best point (``at``) and the range of points as good as it
(``near_low`` … ``near_high``), which a sentence can show as "anything from … to …".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

__all__ = [
    "Preference",
    "Reason",
    "preferred",
    "investor_preference",
    "investor_profit_preference",
    "municipality_preference",
    "society_preference",
    "value_for_money_preference",
    "CLEAR_MARGIN",
    "MONEY_MARGIN",
    "IRR_FLOOR",
    "MONEY_FLOOR",
]

#: Relative margin of an IRR: within 1 % of the best value is as good as the best.
CLEAR_MARGIN = 0.01
#: Relative margin of a money figure (DKK).
MONEY_MARGIN = 0.005
#: Absolute floors in each party's own unit: differences below them are no preference.
IRR_FLOOR = 0.001
MONEY_FLOOR = 50_000.0

Reason = Literal["clear", "flat", "within_noise", "nothing_at_stake", "would_not_sign"]


@dataclass(frozen=True)
class Preference:
    """A party's preferred point on a sweep.

    ``at`` is the preferred value of the swept input (NaN without a clear preference),
    ``result`` the objective's best value, ``reason`` why there is or is not a preference;
    ``least_bad_at`` the best point whatever the reason (NaN where nothing is at stake),
    ``near_low`` and ``near_high`` the range of points as good as the best."""

    party: str
    objective: str
    at: float
    result: float
    reason: Reason
    least_bad_at: float = math.nan
    near_low: float = math.nan
    near_high: float = math.nan

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
    floor: float = 0.0,
    relative: float = CLEAR_MARGIN,
    signs: bool = False,
) -> Preference:
    """The row of ``table`` with the best ``objective`` along ``axis``, if the preference is
    clear (module docstring). ``floor`` is the absolute margin in the objective's unit,
    ``relative`` the margin as a share of the best value; ``signs`` marks an objective
    whose sign says whether the party gains at all (a party below zero everywhere would not
    sign)."""
    values = table[objective].to_numpy(dtype=float)
    positions = table[axis].to_numpy(dtype=float)
    usable = ~np.isnan(values)
    if at_stake is not None:
        usable &= at_stake.to_numpy(dtype=bool)
    if not usable.any():
        return Preference(party, objective, math.nan, math.nan, "nothing_at_stake")
    oriented = np.where(usable, values if highest else -values, -np.inf)
    best_row = int(np.argmax(oriented))
    best = float(values[best_row])
    least_bad = float(positions[best_row])
    if signs and best < 0:
        return Preference(party, objective, math.nan, best, "would_not_sign", least_bad)
    margin = max(floor, relative * abs(best))
    error = 0.0
    if noise is not None:
        error = 2.0 * float(np.nanmax(noise[usable].to_numpy(dtype=float), initial=0.0))
    near = usable & (oriented >= oriented[best_row] - max(margin, error))
    if near[usable].all():
        reason: Reason = "within_noise" if error > margin else "flat"
        return Preference(party, objective, math.nan, best, reason, least_bad)
    return Preference(
        party,
        objective,
        least_bad,
        best,
        "clear",
        least_bad,
        float(positions[near].min()),
        float(positions[near].max()),
    )


def _investor_at_stake(table: pd.DataFrame) -> pd.Series:
    return (table["expected_investor_capital"] > 0) & (table["expected_payment"] > 0)


def _additional_at_stake(table: pd.DataFrame) -> pd.Series:
    """Something is additional: E[A] above zero by more than twice its standard error (a
    sampled estimate of about zero is not an outcome anybody can prefer)."""
    error = table.get("additional_outcomes_standard_error")
    margin = 2.0 * error if error is not None else 0.0
    return table["expected_additional_outcomes"] > np.maximum(margin, 1e-9)


def investor_preference(table: pd.DataFrame, axis: str) -> Preference:
    """Highest expected IRR, among points where the investor puts money in and is paid."""
    return preferred(
        table,
        axis,
        "expected_investor_irr",
        party="investor",
        at_stake=_investor_at_stake(table),
        noise=table["investor_irr_standard_error"],
        floor=IRR_FLOOR,
        relative=CLEAR_MARGIN,
        signs=True,
    )


def investor_profit_preference(table: pd.DataFrame, axis: str) -> Preference:
    """Highest expected profit (DKK) with the capital actually at stake at each point: the
    investor's objective where the options put different amounts of money to work."""
    return preferred(
        table,
        axis,
        "expected_investor_profit",
        party="investor",
        at_stake=_investor_at_stake(table),
        noise=table.get("investor_profit_standard_error"),
        floor=MONEY_FLOOR,
        relative=MONEY_MARGIN,
        signs=True,
    )


def municipality_preference(table: pd.DataFrame, axis: str) -> Preference:
    """Highest expected net on the municipality's own budget, where something is additional."""
    return preferred(
        table,
        axis,
        "expected_commissioner_net",
        party="municipality",
        at_stake=_additional_at_stake(table),
        noise=table["commissioner_net_standard_error"],
        floor=MONEY_FLOOR,
        relative=MONEY_MARGIN,
        signs=True,
    )


def society_preference(table: pd.DataFrame, axis: str) -> Preference:
    """Highest expected total net (all public budgets), where something is additional."""
    return preferred(
        table,
        axis,
        "expected_society_net",
        party="society",
        at_stake=_additional_at_stake(table),
        noise=table["society_net_standard_error"],
        floor=MONEY_FLOOR,
        relative=MONEY_MARGIN,
        signs=True,
    )


def value_for_money_preference(table: pd.DataFrame, axis: str) -> Preference:
    """Lowest cost per additional outcome: a reported figure, not a party's objective."""
    return preferred(
        table,
        axis,
        "cost_per_additional_outcome",
        party="value_for_money",
        highest=False,
        at_stake=_additional_at_stake(table),
        floor=MONEY_FLOOR / 100,
        relative=MONEY_MARGIN,
    )
