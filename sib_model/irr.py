"""Internal rate of return for many cash-flow rows at once.

``numpy_financial.irr`` finds the roots of one polynomial at a time with ``np.roots``; a
simulation needs the IRR of tens of thousands of rows, so this module solves them all together
with a bracketed Newton iteration (Newton steps, falling back to bisection whenever a step
leaves the bracket) on the discount factor ``x = 1 / (1 + r)``.

Notes
-----
The IRR ``r`` of flows ``c_0 … c_m`` (one per year, ``c_0`` now) solves

    Σ_t c_t · x^t = 0,   x = 1 / (1 + r),   x > 0.

For conventional flows — outlays first, receipts after, one change of sign — Descartes' rule
gives exactly one positive root, so the answer equals ``numpy_financial.irr``'s. Rows with
several changes of sign may have several roots, or none: they are solved one row at a time
as ``numpy_financial.irr`` solves them (``np.roots``) and get the same answer, the real rate
closest to zero, or NaN when there is none. (A contract's investor flows have one change of
sign, so this slow path is for odd inputs only.) Rows with no change of sign, and rows holding
an infinite or NaN flow, have no IRR and give NaN; an empty row is a ``ValueError``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["irr"]

_MAX_ITERATIONS = 200
_FIRST_ROUNDS = 8
#: Largest discount factor searched, x = 2^200: a root beyond it is r = −100 % to double
#: precision.
_MAX_X = 2.0**200
_TOLERANCE = 1e-13


def _polyval_and_slope(
    coefficients: NDArray[np.float64], x: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Σ c_t x^t and its derivative by Horner's rule; ``coefficients[t]`` holds year t of
    every row (years first, so each step reads contiguous memory)."""
    value = np.zeros_like(x)
    slope = np.zeros_like(x)
    for t in range(coefficients.shape[0] - 1, -1, -1):
        slope *= x
        slope += value
        value *= x
        value += coefficients[t]
    return value, slope


def _solve(
    c: NDArray[np.float64],
    x: NDArray[np.float64],
    lo: NDArray[np.float64],
    hi: NDArray[np.float64],
    iterations: int,
) -> tuple[NDArray[np.float64], ...]:
    """Bracketed Newton steps on all rows together; returns the new state and which rows
    have converged. Bisection replaces any Newton step that would leave the bracket."""
    converged = np.zeros(x.shape, dtype=bool)
    for _ in range(iterations):
        value, slope = _polyval_and_slope(c, x)
        below = value < 0
        lo = np.where(below, x, lo)
        hi = np.where(below, hi, x)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            correction = value / slope
        newton = x - correction
        # A negligible Newton correction means the root is found, even when rounding puts
        # the corrected point on the bracket's edge.
        converged = (value == 0) | (np.abs(correction) <= _TOLERANCE * np.maximum(1.0, x))
        inside = converged | ((newton > lo) & (newton < hi))
        x = np.where(inside, newton, 0.5 * (lo + hi))
        if converged.all():
            break
    return x, lo, hi, converged


def _sign_changes(years_first: NDArray[np.float64]) -> NDArray[np.int64]:
    """Changes of sign down each column, zeros skipped (Descartes' rule counts these)."""
    signs = np.sign(years_first)
    # Each zero takes the sign of the last non-zero year before it.
    last_nonzero = np.maximum.accumulate(
        np.where(signs != 0, np.arange(signs.shape[0])[:, None], 0), axis=0
    )
    filled = np.take_along_axis(signs, last_nonzero, axis=0)
    return np.asarray((filled[1:] * filled[:-1] < 0).sum(axis=0), dtype=np.int64)


def _closest_to_zero_root(flows: NDArray[np.float64]) -> float:
    """``numpy_financial.irr`` of one row: the real rate closest to zero, NaN if none."""
    roots = np.roots(flows[::-1])
    x = roots[(roots.imag == 0) & (roots.real > 0)].real
    if x.size == 0:
        return float("nan")
    rates = 1.0 / x - 1.0
    return float(rates[np.argmin(np.abs(rates))])


def irr(cash_flows: ArrayLike) -> NDArray[np.float64] | float:
    """Internal rate of return of each row of ``cash_flows``.

    Parameters
    ----------
    cash_flows : array_like, shape (m,) or (..., m)
        Yearly net flows of one party, first year first; outlays negative, receipts positive.

    Returns
    -------
    ndarray or float
        The yearly IRR as a decimal (0.05 is 5 %), one per row; NaN where a row has no change
        of sign or a flow that is not finite. A 1-D input gives a float, like
        ``numpy_financial.irr``.

    Raises
    ------
    ValueError
        If there are no years of flows (``irr([])``).

    Examples
    --------
    >>> from sib_model import irr
    >>> round(irr([-100, 39, 59, 55, 20]), 5)
    0.28095
    >>> irr([[-100, 0, 0, 74], [-100, 100, 0, 7]]).round(5)
    array([-0.0955 ,  0.06206])

    Two roots (10 % and 20 %): the one closest to zero, as ``numpy_financial`` returns.

    >>> round(irr([-100, 230, -132]), 5)
    0.1
    """
    flows = np.asarray(cash_flows, dtype=float)
    if flows.ndim == 0 or flows.shape[-1] == 0:
        raise ValueError("irr needs at least one year of cash flows, got none")
    single = flows.ndim == 1
    # Years first: every step below then works on long contiguous rows of many cash flows.
    years_first = np.ascontiguousarray(flows.reshape(-1, flows.shape[-1]).T)
    n_years, n_rows = years_first.shape
    result = np.full(n_rows, np.nan)

    # Leading zero years only shift the polynomial by a power of x: drop them, row by row.
    if (years_first[0] == 0).any():
        nonzero = years_first != 0
        lead = np.where(nonzero.any(axis=0), nonzero.argmax(axis=0), 0)
        source = np.arange(n_years)[:, None] + lead[None, :]
        years_first = np.where(
            source < n_years,
            np.take_along_axis(years_first, np.minimum(source, n_years - 1), axis=0),
            0.0,
        )
    finite = np.isfinite(years_first).all(axis=0)
    years_first = np.where(finite, years_first, 0.0)
    solvable = (years_first.max(axis=0) > 0) & (years_first.min(axis=0) < 0)
    several = solvable & (_sign_changes(years_first) > 1)
    for row in np.flatnonzero(several):
        result[row] = _closest_to_zero_root(years_first[:, row])
    solvable &= ~several
    if not solvable.any():
        return float(result[0]) if single else result.reshape(flows.shape[:-1])

    c = years_first if solvable.all() else years_first[:, solvable]
    # Normalise so that f(0) = c_0 < 0 and f grows to + at the upper end of the bracket.
    # Divide by the largest flow first, then flip the sign: 1 / max|c| overflows for
    # subnormal flows (1 / 2e-310 is beyond the largest double), c / max|c| never does.
    c = (c / np.abs(c).max(axis=0)) * -np.sign(c[0])
    # Start from the two-point approximation: all outlays at their mean time, all receipts
    # at theirs, which solves N·x^tn = P·x^tp exactly. A few rounds on every row then settle
    # almost all of them; stragglers iterate alone, so a handful of awkward rows cannot make
    # the whole array pay for their extra steps.
    years = np.arange(c.shape[0], dtype=float)[:, None]
    outlay, receipt = np.maximum(-c, 0.0), np.maximum(c, 0.0)
    outlays, receipts = outlay.sum(axis=0), receipt.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        gap = (years * receipt).sum(axis=0) / receipts - (years * outlay).sum(axis=0) / outlays
        guess = np.where(gap > 0, (outlays / receipts) ** (1.0 / gap), 1.0)
    guess = np.clip(np.nan_to_num(guess, nan=1.0, posinf=_MAX_X), 1e-12, _MAX_X)

    # Bracket [0, hi] with f(0) = c_0 < 0 < f(hi); only rows whose guess was too low grow
    # their bracket (a near-total loss puts the root far out: r close to −100 %).
    lo = np.zeros(c.shape[1])
    hi = np.maximum(1.0, 2.0 * guess)
    f_hi, _ = _polyval_and_slope(c, hi)
    growing = np.flatnonzero(f_hi <= 0)
    bracketed = np.ones(c.shape[1], dtype=bool)
    while growing.size:
        hi[growing] = np.minimum(hi[growing] * 16.0, _MAX_X)
        f_grown, _ = _polyval_and_slope(c[:, growing], hi[growing])
        short = f_grown <= 0
        at_limit = hi[growing] >= _MAX_X
        bracketed[growing[short & at_limit]] = False
        growing = growing[short & ~at_limit]
    x = np.clip(guess, lo + 1e-3 * (hi - lo), hi - 1e-3 * (hi - lo))
    x, lo, hi, converged = _solve(c, x, lo, hi, _FIRST_ROUNDS)
    if not converged.all():
        rest = np.flatnonzero(np.logical_not(converged))
        x_rest, *_ = _solve(c[:, rest], x[rest], lo[rest], hi[rest], _MAX_ITERATIONS)
        x[rest] = x_rest

    # A root beyond the grown bracket (x > 2^200) means receipts are negligible next to
    # outlays: r = 1/x − 1 is −100 % to double precision.
    with np.errstate(divide="ignore"):
        rates = np.where(bracketed, 1.0 / x - 1.0, -1.0)
    result[solvable] = rates
    return float(result[0]) if single else result.reshape(flows.shape[:-1])
