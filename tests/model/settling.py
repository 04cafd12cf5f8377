"""Settling given starters and outcomes directly: the contract's arithmetic without the
cohort's distribution, for hand-worked cash flows and properties over every outcome count."""

import numpy as np

from sib_model import Scenario
from sib_model.cohort import homogeneous_outcomes
from sib_model.contract import settle


def settle_one(s: Scenario, starters, outcomes):
    """Settle given starters and outcomes of a homogeneous group (each future weight 1)."""
    starters, outcomes = np.broadcast_arrays(
        np.asarray(starters, dtype=float), np.asarray(outcomes, dtype=float)
    )
    cohort = homogeneous_outcomes(s, starters, outcomes, np.ones(starters.shape))
    return settle(s, cohort)


def every_outcome_count(s: Scenario, starters: int):
    """Every possible number of outcomes of ``starters`` citizens, settled."""
    outcomes = np.arange(starters + 1)
    cohort = homogeneous_outcomes(
        s, np.full(outcomes.shape, starters), outcomes, np.full(outcomes.shape, 1.0 / outcomes.size)
    )
    return settle(s, cohort)
