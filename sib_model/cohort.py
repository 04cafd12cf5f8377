"""What happens to a referred cohort: who starts, who is served, who succeeds — as a
distribution the contract can settle.

Every money figure of a contract depends on a future only through a few numbers: starters,
citizens served and parked, outcomes, the counterfactual outcomes of those starters, payable
outcomes weighted by the rate card and additional outcomes weighted by their saving. A
:class:`CohortOutcomes` holds those numbers for a set of futures with the probability of each,
so one settlement serves every route below.

Two routes, chosen by :func:`outcome_distribution` by what the cohort *is*, never by its size,
so no figure jumps where a method would switch (issue 16):

* **Exact** for a homogeneous cohort (no spread, nobody parked), for every cohort up to
  10,000: P(n, S) = Binomial(n; cohort, referral) × BetaBinomial(S; n, κp, κ(1 − p)) (the
  plain binomial for S when κ = ∞). Conditioning on the number of starters keeps it cheap:

  - starters: every number with a pmf above 1e-15 while there are at most
    ``2 · STARTER_NODES`` of them (every cohort when everybody starts, cohorts of a few
    hundred otherwise); beyond, a Gauss rule of ``STARTER_NODES`` nodes for the binomial
    (:func:`starter_distribution`) — the figures are smooth functions of n there;
  - outcomes per starter count: the beta-binomial pmf on the range where it is not
    negligible. While the table has at most ``ATOM_BUDGET`` pairs every pair is an atom.
    Beyond, neighbouring outcomes are pooled into bins of equal width (their probability
    summed, their outcome the bin's mean), except that every bin in which the contract
    changes regime — threshold met, cap or return cap reached, guarantee called, loss,
    above-baseline payment starting, municipality breaking even — is kept pair by pair.
    Inside a pooled bin every figure but the IRR is linear in S, so every expectation and
    probability is exact and the IRR is off by the bin's curvature only (below 1e-5,
    tests/model/test_exact_engine.py).

* **Sampled per stratum** for a mixed or partly parked cohort, on common random numbers
  that do not depend on the cohort size (:func:`stratum_futures`): the referred citizens
  are ``N_STRATA`` strata of alike citizens, sized so that the cohort's mean difficulty is
  the chosen one (:func:`strata_sizes`). In each future the reference group's true success
  rate θ is drawn once (at stratified quantiles, so the main source of risk is covered
  evenly) and each stratum's starters, served successes and parked successes are counted by
  exact binomial inverse CDFs of uniforms fixed per future and stratum. One more citizen
  moves one stratum's count by one, so a cohort of N + 1 moves each future by at most a
  citizen: no zigzag from redrawn futures.

Parking (DESIGN.md, second step, item 4; issue 16): the provider serves the easiest starters
and parks the hardest share π of them (π·n parked on average: ⌊π·n⌋, and one more with
probability π·n − ⌊π·n⌋, so the figures move smoothly with π and 5 % of 10 parks half a
citizen on average). A parked citizen gets the minimum service the contract requires (a
share of the delivery cost, ``parked_service_cost_share``) and succeeds at their
counterfactual rate — on the every-outcome basis those successes are still paid.
Uncertainty stays shared: each stratum's rate is θ shifted on the log-odds scale by
−slope · (d_k − d).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import linalg, special, stats

from .scenario import Scenario
from .targeting import (
    baseline_rate_at,
    counterfactual_probability_at,
    municipal_share_at,
    price_tilt_at,
    saving_tilt_at,
    strata_difficulties,
    success_probability_at,
)

__all__ = [
    "CohortOutcomes",
    "Method",
    "OutcomePairs",
    "homogeneous_outcomes",
    "exact_pairs",
    "outcome_pairs",
    "starter_distribution",
    "gauss_rule",
    "strata_sizes",
    "stratum_futures",
    "binomial_quantile",
    "parked_counts",
    "is_homogeneous",
    "DEFAULT_DRAWS",
    "DEFAULT_SEED",
    "STARTER_NODES",
    "STARTER_WINDOW",
    "PAIR_BUDGET",
    "ATOM_BUDGET",
]

Array = NDArray[np.float64]
Method = Literal["exact", "monte_carlo"]

#: Most (starters, outcomes) pairs whose probabilities are computed one by one; beyond,
#: the starters are a Gauss rule (:func:`starter_distribution`).
PAIR_BUDGET = 300_000
#: Gauss nodes over the number of starters beyond ``PAIR_BUDGET``, and the whole numbers
#: each node is spread over.
STARTER_NODES = 8
STARTER_WINDOW = 3
#: Most (starters, outcomes) atoms settled for one homogeneous scenario; beyond, neighbouring
#: outcomes are pooled into bins (module docstring).
ATOM_BUDGET = 24_000
#: Futures of a mixed or partly parked cohort on every page and analysis, and the seed of
#: their common random numbers: the same for every cohort size (the cost does not grow with
#: the cohort, since citizens are counted per stratum).
DEFAULT_DRAWS = 4_000
DEFAULT_SEED = 0
#: Pairs whose probability is below this are left out of the exact table.
_NEGLIGIBLE = 1e-15
#: Tail probability of the true success rate left out of the outcome range of a starter count.
_THETA_TAIL = 1e-13
#: Largest number of trials whose binomial CDF is built by recursion in
#: :func:`binomial_quantile`; beyond, a normal start and scipy's exact CDF.
_TABLE_TRIALS = 64


@dataclass(frozen=True)
class CohortOutcomes:
    """What happened to the cohort in each of a set of futures, and how likely each is.

    All arrays have one value per future (or per exact pair) and may be broadcast against a
    grid (say, of prices). ``served`` starters got the programme, ``parked`` starters only
    the minimum service; ``payable_units`` are the outcomes the contract pays for, each
    weighted by its rate-card factor price(d_i) / price_per_outcome, before threshold and
    caps; ``saving_units`` are the additional outcomes, each weighted by its saving factor
    saving(d_i) / public_savings_per_outcome, and ``municipal_saving_units`` the same
    weighted again by the municipality's share m(d_i) of each saving.
    """

    probability: Array
    starters: Array
    served: Array
    parked: Array
    outcomes: Array
    counterfactual_outcomes: Array
    payable_units: Array
    saving_units: Array
    municipal_saving_units: Array

    @property
    def additional_outcomes(self) -> Array:
        """Outcomes the programme caused: ``outcomes − counterfactual_outcomes``, the
        deadweight taken out; what the municipality's cost per outcome divides by."""
        return self.outcomes - self.counterfactual_outcomes

    def column(self) -> CohortOutcomes:
        """The same futures as a column (shape (futures, 1)), to broadcast against a row."""
        return CohortOutcomes(*(getattr(self, f.name)[:, None] for f in fields(self)))

    def take(self, index: NDArray[np.intp]) -> CohortOutcomes:
        """The futures at ``index``."""
        return CohortOutcomes(*(getattr(self, f.name)[index] for f in fields(self)))


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
    for given starters and outcomes (whole numbers, or a bin's mean outcome)."""
    d = s.difficulty if difficulty is None else difficulty
    n = np.asarray(starters, dtype=float)
    S = np.asarray(outcomes, dtype=float)
    c = float(counterfactual_probability_at(s, d))
    saving_units = (S - n * c) * float(saving_tilt_at(s, d))
    if s.payment_basis == "every_outcome":
        payable = S
    else:
        payable = np.maximum(0.0, S - n * float(baseline_rate_at(s, d)))
    return CohortOutcomes(
        probability=np.asarray(probability, dtype=float),
        starters=n,
        served=n,
        parked=np.zeros_like(n),
        outcomes=S,
        counterfactual_outcomes=n * c,
        payable_units=payable * float(price_tilt_at(s, d)),
        saving_units=saving_units,
        municipal_saving_units=saving_units * float(municipal_share_at(s, d)),
    )


# --- the exact route ------------------------------------------------------------------------


def gauss_rule(x: Array, weight: Array, k: int) -> tuple[Array, Array]:
    """The k-node Gauss quadrature rule of the discrete measure Σ weight_i · δ(x_i): nodes and
    positive weights that integrate every polynomial of degree ≤ 2k − 1 exactly.

    Golub–Welsch: the Stieltjes procedure gives the three-term recurrence of the measure's
    orthonormal polynomials (in the standardised variable, which keeps it well
    conditioned); the nodes are the eigenvalues of the Jacobi matrix and the weights the
    squared first components of its eigenvectors."""
    total = float(weight.sum())
    w = weight / total
    mean = float(np.dot(w, x))
    sd = math.sqrt(float(np.dot(w, (x - mean) ** 2)))
    z = (x - mean) / sd
    alpha = np.zeros(k)
    beta = np.zeros(k)
    previous = np.zeros_like(z)
    current = np.ones_like(z)
    for j in range(k):
        alpha[j] = float(np.dot(w, z * current**2))
        following = (z - alpha[j]) * current - beta[j] * previous
        if j + 1 < k:
            beta[j + 1] = math.sqrt(float(np.dot(w, following**2)))
            previous, current = current, following / beta[j + 1]
    nodes, vectors = linalg.eigh_tridiagonal(alpha, beta[1:])
    return mean + sd * nodes, total * vectors[0] ** 2


def starter_distribution(
    s: Scenario, outcomes_per_starter: float = 1.0
) -> tuple[NDArray[np.int64], Array]:
    """Numbers of starters and their probabilities, n ~ Binomial(cohort, referral).

    Every number with a pmf above 1e-15 while the table of pairs stays within
    ``PAIR_BUDGET`` (``outcomes_per_starter`` is the width of the outcome range per starter
    count) — every cohort up to a few thousand at any referral rate. Beyond (large cohorts
    with a referral shortfall) a Gauss rule of ``STARTER_NODES`` nodes for the binomial, each
    node's weight spread evenly over the ``STARTER_WINDOW`` whole numbers around it. Why that
    is exact enough: given n starters each figure's conditional expectation
    g(n) = E[f(n, S) | n] is a smooth function of n plus a small saw-tooth from the integer
    lattice (a threshold or break-even point at a fraction of n falls between whole
    outcomes); the rule integrates the smooth part to degree 2K − 1, the window averages the
    saw-tooth over its phase, and both keep the mean number of starters exactly. Measured
    against the full table: probabilities within 2e-4, the expected IRR within 1e-4
    (tests/model/test_exact_engine.py)."""
    N, rho = s.cohort_size, s.referral_rate
    if rho in (0.0, 1.0):
        return np.array([round(N * rho)], dtype=np.int64), np.ones(1)
    sd = math.sqrt(N * rho * (1.0 - rho))
    lo = max(0, math.floor(N * rho - 12.0 * sd - 3.0))
    hi = min(N, math.ceil(N * rho + 12.0 * sd + 3.0))
    support = np.arange(lo, hi + 1)
    pmf = stats.binom.pmf(support, N, rho)
    keep = pmf > _NEGLIGIBLE
    support, pmf = support[keep], pmf[keep]
    if support.size * outcomes_per_starter <= PAIR_BUDGET:
        return support.astype(np.int64), pmf / pmf.sum()
    nodes, weights = gauss_rule(support.astype(float), pmf, STARTER_NODES)
    # Each node x spread evenly over the window of whole numbers centred on it: offsets
    # −(W−1)/2 … (W−1)/2 around x, each split between the two whole numbers around it.
    offsets = np.arange(STARTER_WINDOW) - (STARTER_WINDOW - 1) / 2.0
    points = (nodes[:, None] + offsets[None, :]).ravel()
    mass = np.repeat(weights / STARTER_WINDOW, STARTER_WINDOW)
    below = np.floor(points)
    upper_share = points - below
    values = np.concatenate([below, below + 1.0]).astype(np.int64)
    shares = np.concatenate([mass * (1.0 - upper_share), mass * upper_share])
    distinct, index = np.unique(values, return_inverse=True)
    combined = np.bincount(index, weights=shares)
    used = (combined > 0) & (distinct >= 0) & (distinct <= N)
    return distinct[used], combined[used] / combined[used].sum()


@dataclass(frozen=True)
class OutcomePairs:
    """(starters, outcomes) pairs of a homogeneous cohort with their probabilities, sorted by
    starters and then outcomes; ``row`` numbers the starter count of each pair."""

    starters: NDArray[np.int64]
    outcomes: NDArray[np.int64]
    probability: Array
    row: NDArray[np.intp]


def _outcome_pmf(
    n: Array, k: Array, first: NDArray[np.intp], row: NDArray[np.intp], s: Scenario
) -> Array:
    """P(S = k | n) for pairs listed row by row (consecutive k within a row; ``first`` is the
    index of each row's first pair): binomial when the rate is known, else beta-binomial.

    The beta-binomial is scipy's formula (tested against ``betabinom.pmf``) at each row's
    first outcome and the ratio of neighbours after it,
    P(k + 1) / P(k) = (n − k)(k + a) / ((k + 1)(n − k − 1 + b)), summed in logs — one
    logarithm per pair instead of six log-gamma functions."""
    p = float(success_probability_at(s))
    if math.isinf(s.evidence_strength) or p in (0.0, 1.0):
        return np.asarray(stats.binom.pmf(k, n, p), dtype=float)
    a, b = s.evidence_strength * p, s.evidence_strength * (1.0 - p)
    n0, k0 = n[first], k[first]
    log_start = (
        special.betaln(k0 + a, n0 - k0 + b)
        - special.betaln(a, b)
        - np.log1p(n0)
        - special.betaln(k0 + 1.0, n0 - k0 + 1.0)
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        step = np.log((n - k) * (k + a) / ((k + 1.0) * (n - k - 1.0 + b)))
    # The step into pair j is the ratio at pair j − 1; a row's first pair takes no step.
    into = np.empty_like(step)
    into[0] = 0.0
    into[1:] = step[:-1]
    into[first] = 0.0
    climbed = np.cumsum(into)
    log_pmf = log_start[row] + climbed - climbed[first][row]
    return np.asarray(np.exp(log_pmf), dtype=float)


def outcome_pairs(s: Scenario) -> OutcomePairs:
    """Every non-negligible (starters, outcomes) pair of a homogeneous cohort.

    P(n, S) = P(n) × BetaBinomial(S; n, κp, κ(1 − p)), P(n) from
    :func:`starter_distribution`; for each n only the outcomes within the true success
    rate's central 1 − 2·10⁻¹³ (widened by ten binomial standard deviations) are listed,
    and pairs below 1e-15 are left out; the rest is renormalised."""
    p = float(success_probability_at(s))
    if math.isinf(s.evidence_strength) or p in (0.0, 1.0):
        theta_lo = theta_hi = p
    else:
        a, b = s.evidence_strength * p, s.evidence_strength * (1.0 - p)
        theta_lo = float(special.betaincinv(a, b, _THETA_TAIL))
        theta_hi = 1.0 - float(special.betaincinv(b, a, _THETA_TAIL))
    typical = s.cohort_size * s.referral_rate
    width = typical * (theta_hi - theta_lo) + 20.0 * math.sqrt(typical * 0.25) + 7.0
    starters, p_starters = starter_distribution(s, min(width, typical + 1.0))
    n = starters.astype(float)
    lo = np.clip(np.floor(n * theta_lo - 10.0 * np.sqrt(n * theta_lo * (1 - theta_lo)) - 3), 0, n)
    hi = np.clip(np.ceil(n * theta_hi + 10.0 * np.sqrt(n * theta_hi * (1 - theta_hi)) + 3), 0, n)
    sizes = (hi - lo + 1).astype(np.int64)
    first = np.cumsum(sizes) - sizes
    row = np.repeat(np.arange(starters.size), sizes)
    outcomes = (lo[row] + (np.arange(int(sizes.sum())) - first[row])).astype(np.int64)
    probability = p_starters[row] * _outcome_pmf(
        n[row], outcomes.astype(float), first.astype(np.intp), row, s
    )
    keep = probability > _NEGLIGIBLE
    probability = probability[keep]
    return OutcomePairs(
        starters[row[keep]], outcomes[keep], probability / probability.sum(), row[keep]
    )


def exact_pairs(s: Scenario) -> tuple[NDArray[np.int64], NDArray[np.int64], Array]:
    """``(starters, outcomes, probability)`` of :func:`outcome_pairs`."""
    pairs = outcome_pairs(s)
    return pairs.starters, pairs.outcomes, pairs.probability


# --- the sampled route for mixed and parked cohorts -------------------------------------------


def strata_sizes(cohort_size: int, n_strata: int) -> NDArray[np.int64]:
    """Citizens per stratum: equal shares, and the remainder placed symmetrically around the
    middle stratum (the middle one first if the remainder is odd, then pairs from the middle
    outwards), so the mean of the strata's difficulties is the chosen difficulty for every
    cohort size (before clipping to [0, 1]). Citizen j of 10 with nine strata used to sit in
    stratum 9j // 10, which put the mean at 0.456 instead of 0.5 (issue 16)."""
    sizes = np.full(n_strata, cohort_size // n_strata, dtype=np.int64)
    extra = cohort_size % n_strata
    middle = n_strata // 2
    if n_strata % 2 == 1 and extra % 2 == 1:
        sizes[middle] += 1
        extra -= 1
    # Pairs from the middle outwards: (m − 1, m + 1), (m − 2, m + 2), … for an odd count;
    # (m − 1, m), (m − 2, m + 1), … for an even one.
    low = middle - 1
    high = middle + 1 if n_strata % 2 == 1 else middle
    while extra > 0:
        sizes[low] += 1
        sizes[high] += 1
        low, high, extra = low - 1, high + 1, extra - 2
    return sizes


def binomial_quantile(u: ArrayLike, trials: ArrayLike, p: ArrayLike) -> Array:
    """The exact inverse CDF of Binomial(trials, p) at ``u``: the smallest k with
    F(k) ≥ u, elementwise (arrays broadcast).

    For p > 1/2 the failures are counted instead, so the recursion below never starts
    from an underflowing (1 − p)^n. Up to ``_TABLE_TRIALS`` trials the CDF is built by the
    recursion pmf(k + 1) = pmf(k) · (n − k)/(k + 1) · p/(1 − p); beyond, from a normal
    start k₀ with F(k₀) from scipy's ``bdtr``, stepping up or down the same recursion until
    F(k − 1) < u ≤ F(k)."""
    u, n, p = (np.asarray(a, dtype=float) for a in np.broadcast_arrays(u, trials, p))
    flip = p > 0.5
    q = np.where(flip, 1.0 - p, p)
    v = np.where(flip, 1.0 - u, u)
    k = np.zeros(u.shape)
    live = (n > 0) & (q > 0)
    small = live & (n <= _TABLE_TRIALS)
    if small.any():
        ns, qs, vs = n[small], q[small], v[small]
        ratio = qs / (1.0 - qs)
        pmf = (1.0 - qs) ** ns
        cdf = pmf.copy()
        count = np.zeros(ns.shape)
        for j in range(int(ns.max())):
            short = (cdf < vs) & (j < ns)
            if not short.any():
                break
            pmf *= (ns - j) * ratio
            pmf /= j + 1.0
            np.add(cdf, pmf, out=cdf, where=short)
            count += short
        k[small] = count
    large = live & ~small
    if large.any():
        nl, ql, vl = n[large], q[large], v[large]
        mean, sd = nl * ql, np.sqrt(nl * ql * (1.0 - ql))
        guess = np.clip(np.floor(mean + sd * special.ndtri(np.clip(vl, 1e-300, 1.0))), 0, nl)
        cdf = special.bdtr(guess, nl.astype(np.int64), ql)
        log_pmf = (
            special.gammaln(nl + 1)
            - special.gammaln(guess + 1)
            - special.gammaln(nl - guess + 1)
            + guess * np.log(ql)
            + (nl - guess) * np.log1p(-ql)
        )
        pmf = np.exp(log_pmf)
        ratio = ql / (1.0 - ql)
        for _ in range(10_000):
            up = (cdf < vl) & (guess < nl)
            down = ~up & (guess > 0) & (cdf - pmf >= vl)
            if not (up.any() or down.any()):
                break
            next_pmf = np.where(up, pmf * (nl - guess) / (guess + 1.0) * ratio, pmf)
            cdf = np.where(up, cdf + next_pmf, np.where(down, cdf - pmf, cdf))
            previous_pmf = np.where(
                down, pmf * guess / np.maximum(nl - guess + 1.0, 1.0) / ratio, pmf
            )
            pmf = np.where(up, next_pmf, previous_pmf)
            guess = guess + up - down
        k[large] = guess
    # Counting failures: F_fail(j) ≥ 1 − u ⇔ the successes' F(n − j − 1) < u, so the successes'
    # quantile is n − j (ties at exact equality have probability zero).
    return np.asarray(np.where(flip, n - k, k), dtype=float)


def parked_counts(starters: Array, parked_share: float, uniform: Array) -> Array:
    """Citizens parked among ``starters``: ⌊π·n⌋, and one more when the future's ``uniform``
    falls below the fraction π·n − ⌊π·n⌋ — π·n on average, so every figure moves smoothly
    with π (5 % of 10 starters parks one citizen in half the futures, not nobody by
    rounding half to even)."""
    target = parked_share * np.asarray(starters, dtype=float)
    whole = np.floor(target + 1e-9)
    return np.asarray(np.minimum(starters, whole + (uniform < target - whole)), dtype=float)


@dataclass(frozen=True)
class _StratumUniforms:
    success_rate: Array  # (futures,): the quantile of θ, stratified
    starts: Array  # (futures, strata)
    served_succeed: Array  # (futures, strata)
    parked_succeed: Array  # (futures, strata)
    parking: Array  # (futures,): rounds the parked count


def _stratum_uniforms(
    n_futures: int, n_strata: int, rng: np.random.Generator, stratified: bool
) -> _StratumUniforms:
    theta = rng.random(n_futures)
    if stratified:
        # One future in each 1/F-quantile of θ (in a random order, so the other uniforms
        # stay independent of it): the risk an investor prices is covered evenly.
        theta = (rng.permutation(n_futures) + theta) / n_futures
    shape = (n_futures, n_strata)
    return _StratumUniforms(
        theta, rng.random(shape), rng.random(shape), rng.random(shape), rng.random(n_futures)
    )


@lru_cache(maxsize=4)
def _common_stratum_uniforms(n_futures: int, n_strata: int, seed: int) -> _StratumUniforms:
    uniforms = _stratum_uniforms(n_futures, n_strata, np.random.default_rng(seed), True)
    for name in ("success_rate", "starts", "served_succeed", "parked_succeed", "parking"):
        getattr(uniforms, name).flags.writeable = False
    return uniforms


@lru_cache(maxsize=16)
def _common_starters(
    n_futures: int, seed: int, sizes: tuple[float, ...], referral_rate: float
) -> Array:
    """Starters per future and stratum on the common random numbers: the same for every
    scenario that shares the cohort and the referral rate (a sweep of the parked share or
    the difficulty reuses them)."""
    uniforms = _common_stratum_uniforms(n_futures, len(sizes), seed)
    started = binomial_quantile(uniforms.starts, np.array(sizes)[None, :], referral_rate)
    started.flags.writeable = False
    return started


def stratum_futures(
    s: Scenario,
    n_futures: int = DEFAULT_DRAWS,
    seed: int | np.random.Generator = DEFAULT_SEED,
) -> CohortOutcomes:
    """Futures of a mixed and/or partly parked cohort, counted per stratum (module
    docstring). An int ``seed`` gives common random numbers — the same uniforms for every
    scenario and cohort size, θ at stratified quantiles; a ``Generator`` gives fresh,
    independent draws (what ``simulate`` uses).

    Per future f and stratum k (sizes from :func:`strata_sizes`, difficulties d_k):
    n_k = F⁻¹_Bin(N_k, ρ)(u), θ_k = σ(logit θ − slope·(d_k − d)), parked from the hardest
    stratum down (:func:`parked_counts`), served successes F⁻¹_Bin(n_k − parked_k, θ_k),
    parked successes F⁻¹_Bin(parked_k, c(d_k))."""
    centres = strata_difficulties(s)
    K = centres.size
    uniforms = (
        _common_stratum_uniforms(n_futures, K, seed)
        if isinstance(seed, int)
        else _stratum_uniforms(n_futures, K, seed, False)
    )
    sizes = strata_sizes(s.cohort_size, K).astype(float)
    c = counterfactual_probability_at(s, centres)
    b = baseline_rate_at(s, centres)
    price_tilt = price_tilt_at(s, centres)
    saving_tilt = saving_tilt_at(s, centres)
    municipal_tilt = saving_tilt * municipal_share_at(s, centres)

    p = float(success_probability_at(s))
    if math.isinf(s.evidence_strength) or p in (0.0, 1.0):
        theta = np.full(n_futures, p)
    else:
        kappa = s.evidence_strength
        theta = special.betaincinv(kappa * p, kappa * (1.0 - p), uniforms.success_rate)
    with np.errstate(divide="ignore"):
        rates = special.expit(
            special.logit(theta)[:, None] - s.difficulty_slope * (centres - s.difficulty)[None, :]
        )

    if isinstance(seed, int):
        started = _common_starters(n_futures, seed, tuple(sizes.tolist()), s.referral_rate)
    else:
        started = binomial_quantile(uniforms.starts, sizes[None, :], s.referral_rate)
    starters = started.sum(axis=1)
    if s.parked_share > 0:
        total_parked = parked_counts(starters, s.parked_share, uniforms.parking)
        # The hardest starters are parked first: stratum k parks what is left after the
        # harder strata are full.
        harder = np.cumsum(started[:, ::-1], axis=1)[:, ::-1] - started
        parked = np.clip(total_parked[:, None] - harder, 0.0, started)
    else:
        parked = np.zeros_like(started)
    served = started - parked
    served_successes = binomial_quantile(uniforms.served_succeed, served, rates)
    if s.parked_share > 0:
        parked_successes = binomial_quantile(uniforms.parked_succeed, parked, c[None, :])
    else:
        parked_successes = np.zeros_like(started)
    succeeded = served_successes + parked_successes
    # A parked citizen's outcome is the outcome they would have had anyway: it counts as
    # counterfactual, future by future, so parking adds nothing — exactly, not only on
    # average (everybody parked: no additional outcome, deadweight 100 %).
    additional = served_successes - served * c[None, :]

    priced = succeeded @ price_tilt
    if s.payment_basis == "every_outcome":
        payable = priced
    else:
        payable = np.maximum(0.0, priced - started @ (price_tilt * b))
    return CohortOutcomes(
        probability=np.full(n_futures, 1.0 / n_futures),
        starters=starters,
        served=served.sum(axis=1),
        parked=parked.sum(axis=1),
        outcomes=succeeded.sum(axis=1),
        counterfactual_outcomes=served @ c + parked_successes.sum(axis=1),
        payable_units=payable,
        saving_units=additional @ saving_tilt,
        municipal_saving_units=additional @ municipal_tilt,
    )
