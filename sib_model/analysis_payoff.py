"""The classic SIB payoff picture: each party's result against the achieved success rate.

Deterministic: the cohort's expected number of starters, and for each achieved success rate
the outcomes it implies, for the chosen group as if everybody in it were alike and served.
Threshold and caps show as kinks in the payment line; a guarantee as a floor under the
investor's.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .cohort import homogeneous_outcomes
from .contract import settle
from .scenario import Scenario

__all__ = ["payoff_curve"]

PAYOFF_COLUMNS = (
    "success_rate",
    "starters",
    "outcomes",
    "additional_outcomes",
    "payment",
    "investor_profit",
    "investor_moic",
    "investor_irr",
    "provider_net",
    "commissioner_net",
    "conventional_net",
    "society_net",
    "threshold_met",
    "payment_capped",
)


def payoff_curve(s: Scenario, n_points: int = 101) -> pd.DataFrame:
    """Each party's result for achieved success rates 0, …, 1 (``n_points`` evenly spaced).

    Returns a DataFrame with the columns ``success_rate`` (outcomes / starters),
    ``starters`` (expected: cohort × referral rate), ``outcomes``, ``additional_outcomes``,
    ``payment`` (DKK), ``investor_profit`` (DKK), ``investor_moic``, ``investor_irr``,
    ``provider_net`` (DKK), ``commissioner_net``, ``conventional_net`` and ``society_net``
    (DKK, present values), ``threshold_met`` and ``payment_capped`` (bool).
    """
    if not 2 <= n_points <= 10_001:
        raise ValueError(f"n_points must be from 2 to 10,001, got {n_points}")
    rate = np.linspace(0.0, 1.0, n_points)
    starters = s.cohort_size * s.referral_rate
    cohort = homogeneous_outcomes(
        s, np.full_like(rate, starters), rate * starters, np.full_like(rate, 1.0 / rate.size)
    )
    settled = settle(s, cohort)
    columns = settled.as_columns()
    table = pd.DataFrame(
        {"success_rate": rate, **{name: columns[name] for name in PAYOFF_COLUMNS[1:]}}
    )
    return table
