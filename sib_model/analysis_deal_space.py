"""Deal space: the prices and target groups where both sides would sign.

On a grid of price per outcome × difficulty, the investor's terms (expected IRR at least a
target, probability of loss at most a maximum) and the commissioner's terms (net present value
at least zero, or cost per additional outcome at most a willingness to pay) are checked cell by
cell. Outcome draws depend on difficulty only, so each column of the grid settles one set of
draws at every price at once.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from .cohort import ATOM_BUDGET, DEFAULT_DRAWS, DEFAULT_SEED
from .contract import lost_money, settle
from .distribution import outcome_distribution
from .scenario import Scenario
from .workspace import DEFAULT_MAX_LOSS, DEFAULT_TARGET_IRR

__all__ = ["deal_space", "ZONES"]

#: What each ``zone`` code of a deal-space cell means: who would sign there.
ZONES = ("neither", "investor_only", "commissioner_only", "deal")


def deal_space(
    s: Scenario,
    prices: ArrayLike | None = None,
    difficulties: ArrayLike | None = None,
    *,
    n_prices: int = 40,
    n_difficulties: int = 40,
    n_simulations: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    target_irr: float = DEFAULT_TARGET_IRR,
    max_loss_probability: float = DEFAULT_MAX_LOSS,
    willingness_to_pay: float | None = None,
    atom_budget: int = ATOM_BUDGET,
) -> pd.DataFrame:
    """Check both parties' terms on a price × difficulty grid.

    Every column settles its cohort's atoms at every price, so the work is columns × prices ×
    atoms: ``atom_budget`` bounds the atoms of a large homogeneous cohort (bins that never
    straddle a change of the contract's regime: the signing zones' edges stay where they are)
    and ``n_simulations`` the futures of a mixed one.

    Parameters
    ----------
    prices : array_like, optional
        Prices per outcome (DKK) for the reference group; default ``n_prices`` from a fifth to
        twice and a half the scenario's price, plus the scenario's price itself. The difficulty
        premium still applies.
    difficulties : array_like, optional
        Default ``n_difficulties`` evenly spaced over [0, 1].
    target_irr, max_loss_probability : float
        The investor signs if expected IRR ≥ ``target_irr`` and P(loss) ≤ the maximum.
    willingness_to_pay : float, optional
        If given, the commissioner signs if cost per additional outcome ≤ it (DKK); otherwise
        if its expected net present value (own savings − payments) is ≥ 0.

    Returns
    -------
    pandas.DataFrame
        One row per cell: ``price_per_outcome``, ``difficulty``, ``expected_investor_irr``,
        ``probability_of_loss``, ``expected_commissioner_net``,
        ``cost_per_additional_outcome``, ``investor_ok``, ``commissioner_ok``, ``deal`` and
        ``zone`` (0 neither would sign, 1 only the investor, 2 only the commissioner, 3 both:
        an index into :data:`ZONES`).
    """
    # The default grid always holds the scenario's own price, so the current contract's
    # cell is computed, not read off a neighbour.
    price_grid = (
        np.union1d(
            np.linspace(0.2, 2.5, n_prices) * max(s.price_per_outcome, 1.0), [s.price_per_outcome]
        )
        if prices is None
        else np.asarray(prices, dtype=float)
    )
    difficulty_grid = (
        np.linspace(0.0, 1.0, n_difficulties)
        if difficulties is None
        else np.asarray(difficulties, dtype=float)
    )
    frames = []
    for d in difficulty_grid:
        at_d = s.replace(difficulty=float(d))
        cohort, _, _ = outcome_distribution(at_d, n_simulations, seed, atom_budget)
        weights = cohort.probability
        # futures × prices: every price settles the same futures.
        settled = settle(at_d, cohort.column(), price_per_outcome=price_grid[None, :])
        irr = settled.investor_irr
        invested = settled.investor_capital > 0
        defined = np.where(np.isnan(irr), 0.0, weights[:, None]).sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            expected_irr = np.nansum(irr * weights[:, None], axis=0) / defined
        loss = ((invested & lost_money(settled.investor_moic)) * weights[:, None]).sum(axis=0)
        net = (settled.commissioner_net * weights[:, None]).sum(axis=0)
        payment = (settled.payment * weights[:, None]).sum(axis=0)
        additional = float(np.dot(settled.additional_outcomes[:, 0], weights))
        cost = payment / additional if additional > 0 else np.full_like(payment, np.nan)
        frames.append(
            pd.DataFrame(
                {
                    "price_per_outcome": price_grid,
                    "difficulty": d,
                    "expected_investor_irr": expected_irr,
                    "probability_of_loss": loss,
                    "expected_commissioner_net": net,
                    "cost_per_additional_outcome": cost,
                }
            )
        )
    grid = pd.concat(frames, ignore_index=True)
    grid["investor_ok"] = (grid["expected_investor_irr"] >= target_irr) & (
        grid["probability_of_loss"] <= max_loss_probability
    )
    if willingness_to_pay is None:
        grid["commissioner_ok"] = grid["expected_commissioner_net"] >= 0
    else:
        grid["commissioner_ok"] = grid["cost_per_additional_outcome"] <= willingness_to_pay
    grid["deal"] = grid["investor_ok"] & grid["commissioner_ok"]
    grid["zone"] = grid["investor_ok"].astype(int) + 2 * grid["commissioner_ok"].astype(int)
    return grid
