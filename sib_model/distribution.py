"""``outcome_distribution``: the futures of one scenario as every page sees them.

The route depends on what the cohort is, never on its size (:mod:`sib_model.cohort`):
a homogeneous cohort is settled exactly, pair by pair of (starters, outcomes), pooling
neighbouring outcomes into bins only beyond ``ATOM_BUDGET`` pairs; a mixed or partly parked
cohort is counted per stratum on common random numbers.

Pooling is exact where it matters. A bin of neighbouring outcomes S ∈ [S₁, S₂] at one
starter count n becomes one atom at the bin's mean outcome with the bin's probability.
Every figure but the IRR is linear in S between two *regime changes* of the contract
(threshold met, cap or return cap reached, guarantee called, investor's loss, payment
above the baseline starting, municipality breaking even), so a bin whose first and last
outcome fall in the same regime gives every expectation and probability exactly; a bin that
straddles a change is kept pair by pair. The IRR is smooth inside a bin, so its mean is off
by the bin's curvature only (measured below 1e-5 against the full table); a percentile is
off by at most the spread of one bin (measured below 2e-3 of IRR;
tests/model/test_exact_engine.py).
"""

from __future__ import annotations

import math

import numpy as np

from .cohort import (
    ATOM_BUDGET,
    DEFAULT_DRAWS,
    DEFAULT_SEED,
    CohortOutcomes,
    Method,
    homogeneous_outcomes,
    is_homogeneous,
    outcome_pairs,
    stratum_futures,
)
from .contract import Settlement, lost_money, settle
from .scenario import Scenario

__all__ = ["outcome_distribution", "exact_outcomes"]


def _regime(settled: Settlement) -> np.ndarray:
    """A code per atom for the contract's regime: which side of every kink or step it is on."""
    flags = (
        settled.threshold_met,
        settled.payment_capped,
        settled.return_capped,
        settled.guarantor_payment > 0,
        lost_money(settled.investor_moic),
        lost_money(settled.investor_moic_unguaranteed),
        settled.investor_received <= 0,
        settled.commissioner_net >= 0,
        settled.payable_outcomes > 0,
    )
    code = np.zeros(np.shape(settled.payment), dtype=np.int64)
    for bit, flag in enumerate(flags):
        code |= np.asarray(flag, dtype=np.int64) << bit
    return code


def exact_outcomes(s: Scenario, atom_budget: int = ATOM_BUDGET) -> CohortOutcomes:
    """The exact distribution of a homogeneous cohort (module docstring), in at most about
    ``atom_budget`` atoms: an analysis that settles every atom at many prices (the deal
    space) passes a smaller budget to bound its work; the bins never straddle a change of the
    contract's regime, so probabilities stay exact and only the IRR sees a bin's curvature."""
    pairs = outcome_pairs(s)
    n_pairs = pairs.probability.size
    if n_pairs <= atom_budget:
        return homogeneous_outcomes(s, pairs.starters, pairs.outcomes, pairs.probability)
    # Half the budget for bins, the rest for the bins kept pair by pair.
    width = math.ceil(2 * n_pairs / atom_budget)
    key = pairs.row.astype(np.int64) * (s.cohort_size // width + 2) + pairs.outcomes // width
    starts = np.flatnonzero(np.diff(key, prepend=-1))
    ends = np.append(starts[1:], n_pairs) - 1
    p = pairs.probability
    mass = np.add.reduceat(p, starts)
    mean_outcome = np.add.reduceat(p * pairs.outcomes, starts) / mass
    starters = pairs.starters[starts]
    edges = homogeneous_outcomes(
        s,
        np.concatenate([starters, starters]),
        np.concatenate([pairs.outcomes[starts], pairs.outcomes[ends]]),
        np.ones(2 * starts.size),
    )
    regime = _regime(settle(s, edges, with_irr=False))
    straddles = regime[: starts.size] != regime[starts.size :]
    kept = np.repeat(straddles, ends - starts + 1)
    return homogeneous_outcomes(
        s,
        np.concatenate([starters[~straddles], pairs.starters[kept]]),
        np.concatenate([mean_outcome[~straddles], pairs.outcomes[kept]]),
        np.concatenate([mass[~straddles], p[kept]]),
    )


def outcome_distribution(
    s: Scenario,
    n_futures: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    atom_budget: int = ATOM_BUDGET,
) -> tuple[CohortOutcomes, Method, int]:
    """The scenario's futures: exact for a homogeneous cohort (in at most about
    ``atom_budget`` atoms), otherwise ``n_futures`` futures counted per stratum on the
    common random numbers of ``seed``.

    Returns the outcomes, the route taken, and the number of futures drawn (0 when exact).
    """
    if is_homogeneous(s):
        return exact_outcomes(s, atom_budget), "exact", 0
    return stratum_futures(s, n_futures, seed), "monte_carlo", n_futures
