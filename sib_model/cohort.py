"""What happens to a referred cohort: who starts, who is served, who succeeds — as a
distribution the contract can settle.

Every money figure of a contract depends on a future only through a few numbers: starters,
citizens served, outcomes, the counterfactual outcomes of those starters, payable outcomes
weighted by the rate card and additional outcomes weighted by their saving. A
:class:`CohortOutcomes` holds those numbers for a set of futures with the probability of each,
so one settlement serves every route below.

Two routes, chosen by :func:`outcome_distribution`:

* **Exact** for a homogeneous cohort (no spread, nobody parked) while the table of
  (starters, outcomes) pairs has at most ``EXACT_MAX_PAIRS`` rows: each pair's probability
  is Binomial(cohort, referral) × BetaBinomial(starters, κp, κ(1−p)) from scipy's pmfs. No
  sampling noise at all, so the same scenario gives the same figure on every page and a
  sweep is smooth. That covers every cohort when everybody starts (cohort + 1 pairs) and any
  referral rate up to cohorts of about 280; pairs with probability below 1e-15 are left out.
* **Monte Carlo** otherwise, on common random numbers with a fixed seed, so a scenario
  evaluated by two pages gives the same figure and neighbouring scenarios move each draw a
  little instead of redrawing it. A homogeneous cohort uses exact inverse-CDF sampling of
  starters and outcomes (:mod:`sib_model.outcomes`); a mixed cohort draws each citizen: who
  starts (one uniform each), the reference group's true success rate θ (one per future), and
  who succeeds (one uniform each; a citizen of stratum k succeeds when the uniform is below
  θ_k, or below c_k when parked).

A mixed cohort (DESIGN.md, second step, item 4): the referred citizens' difficulties spread
evenly over [d − w, d + w] in ``N_STRATA`` strata; the provider serves the easiest (1 − π) of
the starters and parks the rest, who get no programme (no delivery cost) and succeed at their
counterfactual rate — on the every-outcome basis their successes are still paid. Uncertainty
stays shared: θ is drawn once per future and each stratum's rate is θ shifted on the log-odds
scale by −slope · (d_k − d).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Literal

import numpy as np
from numpy.typing import NDArray
from scipy import special, stats

from .outcomes import CommonUniforms, common_outcomes
from .scenario import Scenario
from .targeting import (
    baseline_rate_at,
    counterfactual_probability_at,
    price_tilt_at,
    saving_tilt_at,
    strata_difficulties,
    success_probability_at,
)

__all__ = [
    "CohortOutcomes",
    "Method",
    "outcome_distribution",
    "exact_pairs",
    "homogeneous_outcomes",
    "sample_citizens",
    "is_homogeneous",
    "DEFAULT_DRAWS",
    "EXACT_MAX_PAIRS",
    "CITIZEN_DRAW_BUDGET",
    "DEFAULT_SEED",
]

Array = NDArray[np.float64]
Method = Literal["exact", "monte_carlo"]

#: Largest table of (starters, outcomes) pairs computed exactly.
EXACT_MAX_PAIRS = 40_000
#: Futures drawn where the exact route does not apply, and their fixed seed: every page and
#: analysis that evaluates a scenario this way sees the same futures.
DEFAULT_DRAWS = 10_000
DEFAULT_SEED = 0
#: Most futures × citizens drawn at once for a mixed cohort (memory and time per
#: evaluation); a large cohort gets fewer futures, never fewer than ``_MIN_CITIZEN_DRAWS``.
CITIZEN_DRAW_BUDGET = 400_000
_MIN_CITIZEN_DRAWS = 500
#: Pairs whose probability is below this are left out of the exact table.
_NEGLIGIBLE = 1e-15


@dataclass(frozen=True)
class CohortOutcomes:
    """What happened to the cohort in each of a set of futures, and how likely each is.

    All arrays have one value per future (or per exact pair) and may be broadcast against a
    grid (say, of prices). ``payable_units`` are the outcomes the contract pays for, each
    weighted by its rate-card factor price(d_i) / price_per_outcome, before threshold and
    caps; ``saving_units`` are the additional outcomes, each weighted by its saving factor
    saving(d_i) / public_savings_per_outcome.
    """

    probability: Array
    starters: Array
    served: Array
    outcomes: Array
    counterfactual_outcomes: Array
    payable_units: Array
    saving_units: Array

    @property
    def additional_outcomes(self) -> Array:
        """Outcomes the programme caused: ``outcomes − counterfactual_outcomes``, the
        deadweight taken out; what the municipality's cost per outcome divides by."""
        return self.outcomes - self.counterfactual_outcomes

    def column(self) -> CohortOutcomes:
        """The same futures as a column (shape (futures, 1)), to broadcast against a row."""
        return CohortOutcomes(*(getattr(self, f.name)[:, None] for f in fields(self)))


def is_homogeneous(s: Scenario) -> bool:
    """Everybody referred is alike and everybody who starts is served."""
    return s.difficulty_spread == 0 and s.parked_share == 0


def homogeneous_outcomes(
    s: Scenario,
    starters: NDArray[np.integer] | Array,
    outcomes: NDArray[np.integer] | Array,
    probability: Array,
    difficulty: float | None = None,
) -> CohortOutcomes:
    """The cohort numbers of a homogeneous group at ``difficulty`` (default: the scenario's)
    for given starters and outcomes."""
    d = s.difficulty if difficulty is None else difficulty
    n = np.asarray(starters, dtype=float)
    S = np.asarray(outcomes, dtype=float)
    c = float(counterfactual_probability_at(s, d))
    if s.payment_basis == "every_outcome":
        payable = S
    else:
        payable = np.maximum(0.0, S - n * float(baseline_rate_at(s, d)))
    return CohortOutcomes(
        probability=np.asarray(probability, dtype=float),
        starters=n,
        served=n,
        outcomes=S,
        counterfactual_outcomes=n * c,
        payable_units=payable * float(price_tilt_at(s, d)),
        saving_units=(S - n * c) * float(saving_tilt_at(s, d)),
    )


def exact_pairs(s: Scenario) -> tuple[NDArray[np.int64], NDArray[np.int64], Array] | None:
    """Every (starters, outcomes) pair of a homogeneous cohort with its exact probability, or
    None when the table would have more than ``EXACT_MAX_PAIRS`` rows.

    P(n, S) = Binomial(n; cohort, referral) × BetaBinomial(S; n, κp, κ(1 − p)), with the
    plain binomial for S when κ = ∞ (or p is 0 or 1)."""
    support = np.arange(s.cohort_size + 1)
    p_starters = stats.binom.pmf(support, s.cohort_size, s.referral_rate)
    keep = p_starters > _NEGLIGIBLE
    starters, p_starters = support[keep], p_starters[keep]
    sizes = starters + 1
    if int(sizes.sum()) > EXACT_MAX_PAIRS:
        return None
    first = np.cumsum(sizes) - sizes
    pair_starters = np.repeat(starters, sizes)
    pair_outcomes = np.arange(int(sizes.sum())) - np.repeat(first, sizes)
    p = float(success_probability_at(s))
    if math.isinf(s.evidence_strength) or p in (0.0, 1.0):
        conditional = stats.binom.pmf(pair_outcomes, pair_starters, p)
    else:
        kappa = s.evidence_strength
        conditional = stats.betabinom.pmf(
            pair_outcomes, pair_starters, kappa * p, kappa * (1.0 - p)
        )
    probability = np.repeat(p_starters, sizes) * conditional
    keep = probability > _NEGLIGIBLE
    probability = probability[keep]
    return (
        pair_starters[keep].astype(np.int64),
        pair_outcomes[keep].astype(np.int64),
        probability / probability.sum(),
    )


def outcome_distribution(
    s: Scenario, n_simulations: int = DEFAULT_DRAWS, seed: int = DEFAULT_SEED
) -> tuple[CohortOutcomes, Method, int]:
    """The cohort's futures by the route described in the module docstring.

    Returns the outcomes, the route taken, and the number of futures drawn (0 when exact).
    """
    if is_homogeneous(s):
        pairs = exact_pairs(s)
        if pairs is not None:
            return homogeneous_outcomes(s, *pairs), "exact", 0
        starters, outcomes = common_outcomes(s, _common_uniforms(n_simulations, seed))
        pairs_found = _count_pairs(starters, outcomes, s.cohort_size)
        return homogeneous_outcomes(s, *pairs_found), "monte_carlo", n_simulations
    drawn = sample_citizens(s, n_simulations, seed)
    return drawn, "monte_carlo", drawn.probability.size


def _count_pairs(
    starters: NDArray[np.int64], outcomes: NDArray[np.int64], cohort_size: int
) -> tuple[NDArray[np.int64], NDArray[np.int64], Array]:
    """Distinct (starters, outcomes) pairs of a sample with their share of the draws."""
    width = cohort_size + 1
    keys, counts = np.unique(starters * width + outcomes, return_counts=True)
    return keys // width, keys % width, counts / counts.sum()


@lru_cache(maxsize=4)
def _common_uniforms(n_simulations: int, seed: int) -> CommonUniforms:
    return CommonUniforms.draw(n_simulations, seed)


@dataclass(frozen=True)
class _CitizenUniforms:
    starts: NDArray[np.float32]  # (futures, citizens): a citizen starts if below referral
    succeeds: NDArray[np.float32]  # (futures, citizens): succeeds if below its rate
    success_rate: Array  # (futures,): quantile of the true success rate θ


@lru_cache(maxsize=4)
def _citizen_uniforms(n_futures: int, cohort_size: int, seed: int) -> _CitizenUniforms:
    rng = np.random.default_rng(seed)
    uniforms = _CitizenUniforms(
        rng.random((n_futures, cohort_size), dtype=np.float32),
        rng.random((n_futures, cohort_size), dtype=np.float32),
        rng.random(n_futures),
    )
    for array in (uniforms.starts, uniforms.succeeds, uniforms.success_rate):
        array.flags.writeable = False
    return uniforms


def citizen_draws(s: Scenario, n_simulations: int) -> int:
    """Futures drawn for a mixed cohort of this size (see ``CITIZEN_DRAW_BUDGET``)."""
    affordable = max(_MIN_CITIZEN_DRAWS, CITIZEN_DRAW_BUDGET // s.cohort_size)
    return int(min(n_simulations, affordable))


def sample_citizens(
    s: Scenario,
    n_simulations: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    *,
    within_budget: bool = True,
) -> CohortOutcomes:
    """Futures of a (possibly mixed, possibly parked) cohort, citizen by citizen, on common
    random numbers: the same ``seed`` gives every scenario the same uniforms.

    ``within_budget`` caps the futures at :func:`citizen_draws` (what the dashboard and the
    analyses use); ``simulate`` asks for exactly ``n_simulations``."""
    n_futures = citizen_draws(s, n_simulations) if within_budget else n_simulations
    u = _citizen_uniforms(n_futures, s.cohort_size, seed)

    # Citizens are ordered from easiest to hardest; citizen j sits in stratum j·K // N.
    centres = strata_difficulties(s)
    stratum = (np.arange(s.cohort_size) * centres.size) // s.cohort_size
    c = counterfactual_probability_at(s, centres)[stratum]
    b = baseline_rate_at(s, centres)[stratum]
    price_tilt = price_tilt_at(s, centres)[stratum]
    saving_tilt = saving_tilt_at(s, centres)[stratum]

    p = float(success_probability_at(s))
    if math.isinf(s.evidence_strength) or p in (0.0, 1.0):
        theta = np.full(n_futures, p)
    else:
        kappa = s.evidence_strength
        theta = special.betaincinv(kappa * p, kappa * (1.0 - p), u.success_rate)
    with np.errstate(divide="ignore"):
        # θ of the chosen group, shifted per stratum on the log-odds scale.
        rates = special.expit(
            special.logit(theta)[:, None] - s.difficulty_slope * (centres - s.difficulty)[None, :]
        )

    started = u.starts < np.float32(s.referral_rate)
    starters = started.sum(axis=1)
    rate_of_citizen = (
        rates.astype(np.float32) if centres.size == 1 else rates[:, stratum].astype(np.float32)
    )
    succeeded = u.succeeds < rate_of_citizen
    if s.parked_share > 0:
        # The provider parks the hardest starters: count them from the hard end.
        from_hard_end = np.cumsum(started[:, ::-1], axis=1, dtype=np.int32)[:, ::-1]
        n_parked = np.rint(s.parked_share * starters).astype(np.int32)
        parked = started & (from_hard_end <= n_parked[:, None])
        served = started & ~parked
        succeeded = (served & succeeded) | (parked & (u.succeeds < c.astype(np.float32)))
        n_served = served.sum(axis=1)
    else:
        succeeded &= started
        n_served = starters

    success = succeeded.astype(np.float32)
    start = started.astype(np.float32)
    # Single precision halves the work of the citizen-by-future products; counts stay exact.
    price_32, saving_32, b_32, c_32 = (
        np.asarray(a, dtype=np.float32) for a in (price_tilt, saving_tilt, b, c)
    )
    return CohortOutcomes(
        probability=np.full(n_futures, 1.0 / n_futures),
        starters=starters.astype(float),
        served=n_served.astype(float),
        outcomes=success.sum(axis=1, dtype=float),
        counterfactual_outcomes=(start @ c_32).astype(float),
        payable_units=_payable(s, success, start, price_32, b_32),
        saving_units=(success @ saving_32 - start @ (saving_32 * c_32)).astype(float),
    )


def _payable(
    s: Scenario,
    success: NDArray[np.float32],
    start: NDArray[np.float32],
    price_tilt: NDArray[np.float32],
    baseline: NDArray[np.float32],
) -> Array:
    """Payable outcomes weighted by each citizen's rate-card factor (their own difficulty)."""
    priced = np.asarray(success @ price_tilt, dtype=float)
    if s.payment_basis == "every_outcome":
        return priced
    return np.asarray(
        np.maximum(0.0, priced - np.asarray(start @ (price_tilt * baseline))), dtype=float
    )
