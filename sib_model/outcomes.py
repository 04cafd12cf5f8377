"""Who starts and who succeeds: the random part of a contract, vectorised over draws.

Two samplers with the same distribution (DESIGN.md, steps 1–3):

* :func:`draw_outcomes` uses numpy's own binomial and beta generators — the fastest way to get
  one scenario's draws, and what :func:`sib_model.simulate` uses.
* :func:`common_outcomes` turns a fixed set of uniforms into starters and outcomes by inverting
  their exact distribution functions (binomial for starters, beta-binomial for outcomes given
  starters). Fed the same uniforms at every difficulty or price, it gives *common random
  numbers*: a small change of the scenario moves each draw a little instead of redrawing it.
  The pages and analyses no longer need it — a homogeneous cohort is exact at every size
  (:mod:`sib_model.distribution`) — but it stays for sampling studies that want draws on
  common uniforms.

The true success rate θ ~ Beta(κ·p, κ·(1 − p)) is what makes a whole cohort succeed or fail
together; integrated out, outcomes given starters are beta-binomial, which is what the second
sampler inverts. With κ = ∞, θ = p exactly and outcomes are binomial.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import special, stats

from .scenario import Scenario
from .targeting import success_probability_at

__all__ = ["OutcomeDraws", "draw_outcomes", "CommonUniforms", "common_outcomes"]

Seed = int | np.random.Generator | None

#: Largest table of distribution functions (rows × columns) built for common random numbers;
#: beyond it the per-draw quantile route is cheaper.
_TABLE_BUDGET = 50_000


@dataclass(frozen=True)
class OutcomeDraws:
    """One value per simulated contract: citizens who started, their true success rate θ,
    and how many achieved the outcome."""

    starters: NDArray[np.int64]
    true_success_rate: NDArray[np.float64]
    outcomes: NDArray[np.int64]


def _generator(seed: Seed) -> np.random.Generator:
    return seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)


def draw_outcomes(s: Scenario, n_simulations: int, seed: Seed = None) -> OutcomeDraws:
    """Draw starters ~ Binomial(cohort, referral), θ ~ Beta(κp, κ(1−p)), outcomes ~ Binomial."""
    rng = _generator(seed)
    starters = rng.binomial(s.cohort_size, s.referral_rate, size=n_simulations)
    p = float(success_probability_at(s))
    if math.isinf(s.evidence_strength) or p in (0.0, 1.0):
        theta = np.full(n_simulations, p)
    else:
        kappa = s.evidence_strength
        theta = rng.beta(kappa * p, kappa * (1.0 - p), size=n_simulations)
    outcomes = rng.binomial(starters, theta)
    return OutcomeDraws(starters, theta, outcomes)


@dataclass(frozen=True)
class CommonUniforms:
    """Uniforms shared by every point of an analysis: one for starters, one for outcomes."""

    for_starters: NDArray[np.float64]
    for_outcomes: NDArray[np.float64]
    for_success_rate: NDArray[np.float64]

    @classmethod
    def draw(cls, n_simulations: int, seed: Seed = None) -> CommonUniforms:
        """``n_simulations`` uniforms of each kind from ``seed``, drawn once per analysis so
        every point of a sweep sees the same futures and the curve moves only with the input."""
        rng = _generator(seed)
        return cls(rng.random(n_simulations), rng.random(n_simulations), rng.random(n_simulations))


def _inverse_cdf(
    cdf_rows: NDArray[np.float64], row: NDArray[np.intp], u: NDArray[np.float64]
) -> NDArray[np.int64]:
    """Smallest k with F_row(k) ≥ u, for many rows of distribution functions at once.

    Row r's CDF is shifted by r so that all rows form one increasing sequence, and one
    ``searchsorted`` answers every draw."""
    n_rows, width = cdf_rows.shape
    cdf_rows = cdf_rows.copy()
    cdf_rows[:, -1] = 1.0  # guard against rounding: every u < 1 finds a value
    offsets = np.arange(n_rows, dtype=float)[:, None]
    flat = (cdf_rows + offsets).ravel()
    position = np.searchsorted(flat, u + row, side="left")
    return np.asarray(position - row * width, dtype=np.int64)


def common_outcomes(
    s: Scenario, uniforms: CommonUniforms, difficulty: float | None = None
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Starters and outcomes by exact inverse-CDF sampling from ``uniforms``.

    Returns ``(starters, outcomes)``. Two exact routes, chosen by cost:

    * a table of beta-binomial distribution functions, one row per distinct number of
      starters — fast while rows × cohort stay small (everybody starts, or a modest cohort);
    * otherwise θ from the beta quantile function, then outcomes from the binomial quantile
      function given θ — a cost per draw that does not grow with the cohort.
    """
    support = np.arange(s.cohort_size + 1)
    starter_cdf = stats.binom.cdf(support, s.cohort_size, s.referral_rate)[None, :]
    zeros = np.zeros(uniforms.for_starters.shape, dtype=np.intp)
    starters = _inverse_cdf(starter_cdf, zeros, uniforms.for_starters)

    p = float(success_probability_at(s, s.difficulty if difficulty is None else difficulty))
    known = math.isinf(s.evidence_strength) or p in (0.0, 1.0)
    kappa = s.evidence_strength
    distinct, row = np.unique(starters, return_inverse=True)
    if distinct.size * (distinct.max() + 1) > _TABLE_BUDGET:
        theta = (
            np.full(starters.shape, p)
            if known
            else special.betaincinv(kappa * p, kappa * (1.0 - p), uniforms.for_success_rate)
        )
        outcomes = stats.binom.ppf(uniforms.for_outcomes, starters, theta)
        return starters, np.clip(np.nan_to_num(outcomes), 0, starters).astype(np.int64)

    k = np.arange(distinct.max() + 1)[None, :]
    n = distinct[:, None]
    if known:
        pmf = stats.binom.pmf(k, n, p)
    else:
        pmf = stats.betabinom.pmf(k, n, kappa * p, kappa * (1.0 - p))
    outcomes = _inverse_cdf(np.cumsum(pmf, axis=1), row.astype(np.intp), uniforms.for_outcomes)
    return starters, np.minimum(outcomes, starters)
