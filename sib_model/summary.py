"""Named statistics of a contract's outcome distribution.

The distribution arrives as *atoms*: the distinct (starters, outcomes) pairs with their weights
(simulated frequencies, or exact probabilities). Every money figure is a function of that
pair, so summarising atoms instead of draws gives the same numbers as summarising every draw
— percentiles included, using the inverted-CDF definition — at a fraction of the cost.

Ratios across draws are ratios of expectations, never means of per-draw ratios (additional
outcomes can be zero or negative in a draw)::

    deadweight_share            = E[n·c(d)] / E[S]
    cost_per_additional_outcome = E[P] / E[A]          (NaN when E[A] ≤ 0)
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from .contract import Settlement

__all__ = ["summarise", "weighted_quantiles", "PERCENTILES"]

#: Percentiles reported for the distributions charts draw (as ``<name>_p05`` … ``_p95``).
PERCENTILES = (5, 10, 25, 50, 75, 90, 95)
_EXPECTED = ("starters", "outcomes", "counterfactual_outcomes", "additional_outcomes",
             "payable_outcomes", "payment", "capital", "investor_capital", "investor_payment",
             "investor_profit", "provider_capital", "provider_payment", "provider_net",
             "commissioner_payment_pv", "commissioner_saving_pv", "commissioner_net",
             "conventional_cost_pv", "conventional_net", "society_net")
_DISTRIBUTIONS = ("investor_irr", "investor_moic", "commissioner_net", "conventional_net",
                  "payment", "outcomes", "additional_outcomes")


def weighted_quantiles(values: NDArray[np.float64], weights: NDArray[np.float64],
                       qs: NDArray[np.float64]) -> NDArray[np.float64]:
    """For each q in ``qs`` (0–1), the smallest value whose cumulative weight reaches q:
    numpy's ``inverted_cdf`` percentile of the underlying draws. NaN values are left out."""
    keep = ~np.isnan(values)
    if not keep.any():
        return np.full(len(qs), math.nan)
    v, w = values[keep], weights[keep]
    order = np.argsort(v, kind="stable")
    cumulative = np.cumsum(w[order])
    targets = np.asarray(qs) * cumulative[-1] * (1 - 1e-12)
    index = np.minimum(np.searchsorted(cumulative, targets, side="left"), len(v) - 1)
    return v[order][index]


def _mean(values: NDArray[np.float64], weights: NDArray[np.float64]) -> float:
    keep = ~np.isnan(values)
    total = weights[keep].sum()
    return float(values[keep] @ weights[keep] / total) if total > 0 else math.nan


def summarise(atoms: Settlement, weights: NDArray[np.float64]) -> dict[str, float]:
    """The summary mapping of :class:`sib_model.SimulationResult` for weighted atoms."""
    w = np.asarray(weights, dtype=float)
    w = w / w.sum()
    columns = atoms.as_columns()
    summary: dict[str, float] = {f"expected_{name}": _mean(columns[name].astype(float), w)
                                 for name in _EXPECTED}
    irr = atoms.investor_irr
    moic = atoms.investor_moic
    invested = atoms.investor_capital > 0
    summary["expected_investor_irr"] = _mean(irr, w)
    summary["expected_investor_moic"] = _mean(moic, w)
    summary["probability_of_loss"] = float(w @ (invested & (moic < 1.0)))
    summary["probability_of_total_loss"] = float(w @ (invested & (atoms.investor_payment <= 0)))
    summary["probability_threshold_met"] = float(w @ atoms.threshold_met)
    summary["probability_payment_capped"] = float(w @ atoms.payment_capped)
    summary["probability_commissioner_gains"] = float(w @ (atoms.commissioner_net >= 0))
    levels = np.array(PERCENTILES) / 100
    for name in _DISTRIBUTIONS:
        quantiles = weighted_quantiles(columns[name].astype(float), w, levels)
        summary.update({f"{name}_p{p:02d}": float(q) for p, q in zip(PERCENTILES, quantiles)})
    summary["median_investor_irr"] = summary["investor_irr_p50"]

    expected_outcomes = summary["expected_outcomes"]
    expected_additional = summary["expected_additional_outcomes"]
    summary["deadweight_share"] = (summary["expected_counterfactual_outcomes"] / expected_outcomes
                                   if expected_outcomes > 0 else math.nan)
    summary["cost_per_additional_outcome"] = (summary["expected_payment"] / expected_additional
                                              if expected_additional > 0 else math.nan)
    summary["conventional_cost"] = summary["expected_conventional_cost_pv"]
    summary["conventional_cost_per_additional_outcome"] = (
        summary["expected_capital"] / expected_additional if expected_additional > 0 else math.nan)
    return summary
