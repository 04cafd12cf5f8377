"""Who is in the target group: success and counterfactual probabilities, and the rate card.

Difficulty shifts both probabilities on the log-odds scale by the same amount, so the
intervention's odds ratio is the same for every group: harder groups have fewer outcomes, but
a larger share of them are truly additional (DESIGN.md, "Target group and success")::

    p(d) = σ(logit(success_probability)        − slope · (d − 0.5))
    c(d) = σ(logit(counterfactual_probability) − slope · (d − 0.5))
    price(d)  = price_per_outcome · (1 + premium · (d − 0.5))
    saving(d) = public_savings_per_outcome · (1 + gradient · (d − 0.5))
    m(d)      = clip(municipal_share_of_savings + municipal_share_gradient · (d − 0.5), 0, 1)

A mixed cohort (``difficulty_spread`` > 0) is a set of strata around the chosen difficulty,
each with its own p, c, price and saving.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.special import expit, logit

from .scenario import Scenario

__all__ = [
    "success_probability_at",
    "counterfactual_probability_at",
    "price_at",
    "baseline_rate_at",
    "price_tilt_at",
    "saving_tilt_at",
    "municipal_share_at",
    "strata_difficulties",
    "N_STRATA",
    "REFERENCE_DIFFICULTY",
]

REFERENCE_DIFFICULTY = 0.5


def _shifted(probability: float, slope: float, difficulty: ArrayLike) -> NDArray[np.float64]:
    d = np.asarray(difficulty, dtype=float)
    with np.errstate(divide="ignore"):
        # logit(0) = -inf and logit(1) = +inf stay at 0 and 1 for every group, as they should.
        return np.asarray(
            expit(logit(probability) - slope * (d - REFERENCE_DIFFICULTY)), dtype=float
        )


def success_probability_at(s: Scenario, difficulty: ArrayLike | None = None) -> NDArray[np.float64]:
    """p(d): chance of the outcome with the intervention for a group of difficulty ``d``."""
    d = s.difficulty if difficulty is None else difficulty
    return _shifted(s.success_probability, s.difficulty_slope, d)


def counterfactual_probability_at(
    s: Scenario, difficulty: ArrayLike | None = None
) -> NDArray[np.float64]:
    """c(d): chance of the outcome without the intervention (deadweight) for difficulty ``d``."""
    d = s.difficulty if difficulty is None else difficulty
    return _shifted(s.counterfactual_probability, s.difficulty_slope, d)


def baseline_rate_at(s: Scenario, difficulty: ArrayLike | None = None) -> NDArray[np.float64]:
    """b: the baseline written in the contract, or the group's true counterfactual if none."""
    if s.contract_baseline is not None:
        d = s.difficulty if difficulty is None else difficulty
        return np.full(np.shape(d), s.contract_baseline, dtype=float)
    return counterfactual_probability_at(s, difficulty)


def price_at(
    s: Scenario, difficulty: ArrayLike | None = None, price_per_outcome: ArrayLike | None = None
) -> NDArray[np.float64]:
    """price(d): the rate card, unchanged at the reference group, tilted by the premium."""
    base = np.asarray(
        s.price_per_outcome if price_per_outcome is None else price_per_outcome, dtype=float
    )
    return base * price_tilt_at(s, difficulty)


def price_tilt_at(s: Scenario, difficulty: ArrayLike | None = None) -> NDArray[np.float64]:
    """price(d) / price_per_outcome: the rate card's factor, 1 at the reference group."""
    d = np.asarray(s.difficulty if difficulty is None else difficulty, dtype=float)
    return 1.0 + s.difficulty_premium * (d - REFERENCE_DIFFICULTY)


def saving_tilt_at(s: Scenario, difficulty: ArrayLike | None = None) -> NDArray[np.float64]:
    """saving(d) / public_savings_per_outcome = 1 + gradient · (d − 0.5).

    A citizen far from the labour market would have stayed on benefits longest, so a job for
    them saves most (DESIGN.md, second step, item 1)."""
    d = np.asarray(s.difficulty if difficulty is None else difficulty, dtype=float)
    return 1.0 + s.savings_gradient * (d - REFERENCE_DIFFICULTY)


def municipal_share_at(s: Scenario, difficulty: ArrayLike | None = None) -> NDArray[np.float64]:
    """m(d): the municipality's share of the public saving of an outcome at difficulty d,
    clip(municipal_share_of_savings + municipal_share_gradient · (d − 0.5), 0, 1).

    Why it can rise with difficulty: under the Danish reimbursement reform in force since
    January 2016 (*refusionsreformen*, the "refusionstrappe"; Beskæftigelsesministeriet) the state
    refunds 80 % of a municipality's benefit costs in a spell's first 4 weeks, 40 % in weeks
    5–26, 30 % in weeks 27–52 and 20 % after a year. A citizen far from the labour market has
    the long spell, so the municipality carries about 80 % of the benefit a job saves; for a
    citizen close to it, with a short spell, far less. A gradient of 0.6 around a share of
    0.5 spans about 0.2 to 0.8 from the easiest to the hardest group. Default 0: the share
    is the same for every group, as before."""
    d = np.asarray(s.difficulty if difficulty is None else difficulty, dtype=float)
    share = s.municipal_share_of_savings + s.municipal_share_gradient * (d - REFERENCE_DIFFICULTY)
    return np.asarray(np.clip(share, 0.0, 1.0), dtype=float)


#: Strata of a mixed cohort: enough that the spread reads as a spread, few enough that the
#: per-stratum arrays stay small.
N_STRATA = 9


def strata_difficulties(s: Scenario) -> NDArray[np.float64]:
    """Difficulty of each stratum of the referred cohort: ``N_STRATA`` equal shares evenly
    over [d − spread, d + spread], clipped to [0, 1]; one stratum when nobody differs."""
    if s.difficulty_spread == 0:
        return np.array([s.difficulty])
    centres = (np.arange(N_STRATA) + 0.5) / N_STRATA
    return np.clip(s.difficulty + s.difficulty_spread * (2 * centres - 1), 0.0, 1.0)
