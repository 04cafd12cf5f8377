"""Exact references the tests compare the model with, computed from scipy's pmfs."""

from __future__ import annotations

import math

import numpy as np
from scipy import stats

from sib_model import Scenario


def outcome_pmf(s: Scenario, starters: int, p: float | None = None) -> np.ndarray:
    """P(S = k | n starters), k = 0…n: binomial when κ = ∞, else beta-binomial (scipy)."""
    p = s.success_probability if p is None else p
    k = np.arange(starters + 1)
    if math.isinf(s.evidence_strength):
        return stats.binom.pmf(k, starters, p)
    kappa = s.evidence_strength
    return stats.betabinom.pmf(k, starters, kappa * p, kappa * (1 - p))


def pair_pmf(s: Scenario) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every (starters n, outcomes k) of a homogeneous cohort at the reference group with
    P(n, k) = binom.pmf(n; cohort, referral) × P(k | n), as flat arrays."""
    rows = [
        (n, k, stats.binom.pmf(n, s.cohort_size, s.referral_rate) * pk)
        for n in range(s.cohort_size + 1)
        for k, pk in enumerate(outcome_pmf(s, n))
    ]
    n, k, p = (np.array(column, dtype=float) for column in zip(*rows, strict=True))
    return n, k, p


def chi_square_p_value(observed: np.ndarray, expected_pmf: np.ndarray) -> float:
    """Chi-square goodness of fit, pooling the sparse tails so every cell expects ≥ 5."""
    n = observed.sum()
    expected = expected_pmf * n
    cells_obs, cells_exp, acc_o, acc_e = [], [], 0.0, 0.0
    for o, e in zip(observed, expected, strict=True):
        acc_o, acc_e = acc_o + o, acc_e + e
        if acc_e >= 5:
            cells_obs.append(acc_o)
            cells_exp.append(acc_e)
            acc_o = acc_e = 0.0
    cells_obs[-1] += acc_o
    cells_exp[-1] += acc_e
    return stats.chisquare(cells_obs, cells_exp).pvalue
