"""Named statistics of a contract's outcome distribution.

The distribution arrives as *atoms*: the distinct (starters, outcomes) pairs with their weights
(simulated frequencies, or exact probabilities). Every money figure is a function of that
pair, so summarising atoms instead of draws gives the same numbers as summarising every draw
— percentiles included, using the inverted-CDF definition — at a fraction of the cost.

Ratios across draws are ratios of expectations, never means of per-draw ratios (additional
outcomes can be zero or negative in a draw)::

    deadweight_share            = E[n·c(d)] / E[S]    (1 when nothing is additional)
    cost_per_additional_outcome = E[P] / E[A]          (NaN when E[A] ≤ 0)

Three return figures, because the mean of per-future IRRs misleads (issue 16, item 5): each
future's IRR is floored at −100 %, so a few total losses drag the mean far below what a
typical future earns (Peterborough: mean −29 %, median +3 %)::

    expected_investor_irr           = E[IRR]        the mean over futures (kept: charts use it)
    median_investor_irr             = the IRR of the middle future: what a finance officer
                                      expects "typically"; the figure sentences should use
    investor_irr_of_expected_flows  = IRR(E[cash flows]): the return of the whole book of
                                      such contracts
    expected_money_multiple         = E[received] / E[capital]: kroner back per krone put in,
                                      a ratio of expectations (``expected_investor_moic`` is
                                      the mean of per-future multiples)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TypedDict, cast

import numpy as np
from numpy.typing import NDArray

from .contract import Settlement, lost_money

__all__ = [
    "Summary",
    "summarise",
    "statistic",
    "weighted_quantiles",
    "PERCENTILES",
    "DISTRIBUTIONS",
    "SUMMARY_KEYS",
]

#: Percentiles reported for the distributions charts draw (as ``<name>_p05`` … ``_p95``).
PERCENTILES = (5, 10, 25, 50, 75, 90, 95)
_EXPECTED = (
    "starters",
    "served",
    "parked",
    "outcomes",
    "counterfactual_outcomes",
    "additional_outcomes",
    "payable_outcomes",
    "payment",
    "capital",
    "investor_capital",
    "investor_payment",
    "guarantor_payment",
    "investor_received",
    "investor_profit",
    "provider_capital",
    "provider_payment",
    "provider_net",
    "commissioner_payment_pv",
    "commissioner_saving_pv",
    "commissioner_net",
    "conventional_cost_pv",
    "conventional_net",
    "public_saving_pv",
    "state_saving_pv",
    "region_saving_pv",
    "guarantor_payment_pv",
    "state_net",
    "public_net",
    "society_net",
)
#: Distributions whose percentiles the summary carries.
DISTRIBUTIONS = (
    "investor_irr",
    "investor_moic",
    "commissioner_net",
    "conventional_net",
    "payment",
    "outcomes",
    "additional_outcomes",
)
#: Figures whose sampling noise the summary reports (``<name>_standard_error``; 0 when exact).
_NOISY = (
    "investor_irr",
    "investor_profit",
    "commissioner_net",
    "society_net",
    "additional_outcomes",
)


class Summary(TypedDict):
    """Named statistics of one scenario (DKK; present values where named ``_pv`` or ``net``;
    rates and probabilities as fractions). A misspelt name is a type error and a KeyError."""

    expected_starters: float
    expected_served: float
    expected_parked: float
    expected_outcomes: float
    expected_counterfactual_outcomes: float
    expected_additional_outcomes: float
    expected_payable_outcomes: float
    expected_payment: float
    expected_capital: float
    expected_investor_capital: float
    expected_investor_payment: float
    expected_guarantor_payment: float
    expected_investor_received: float
    expected_investor_profit: float
    expected_provider_capital: float
    expected_provider_payment: float
    expected_provider_net: float
    expected_commissioner_payment_pv: float
    expected_commissioner_saving_pv: float
    expected_commissioner_net: float
    expected_conventional_cost_pv: float
    expected_conventional_net: float
    expected_public_saving_pv: float
    expected_state_saving_pv: float
    expected_region_saving_pv: float
    expected_guarantor_payment_pv: float
    expected_state_net: float
    expected_public_net: float
    expected_society_net: float
    expected_investor_irr: float
    expected_investor_moic: float
    expected_investor_moic_unguaranteed: float
    median_investor_irr: float
    investor_irr_of_expected_flows: float
    expected_money_multiple: float
    probability_of_loss: float
    probability_of_loss_unguaranteed: float
    probability_of_total_loss: float
    probability_threshold_met: float
    probability_payment_capped: float
    probability_return_capped: float
    probability_guarantor_pays: float
    probability_commissioner_gains: float
    deadweight_share: float
    cost_per_additional_outcome: float
    conventional_cost: float
    conventional_cost_per_additional_outcome: float
    investor_irr_standard_error: float
    investor_profit_standard_error: float
    commissioner_net_standard_error: float
    society_net_standard_error: float
    additional_outcomes_standard_error: float
    investor_irr_p05: float
    investor_irr_p10: float
    investor_irr_p25: float
    investor_irr_p50: float
    investor_irr_p75: float
    investor_irr_p90: float
    investor_irr_p95: float
    investor_moic_p05: float
    investor_moic_p10: float
    investor_moic_p25: float
    investor_moic_p50: float
    investor_moic_p75: float
    investor_moic_p90: float
    investor_moic_p95: float
    commissioner_net_p05: float
    commissioner_net_p10: float
    commissioner_net_p25: float
    commissioner_net_p50: float
    commissioner_net_p75: float
    commissioner_net_p90: float
    commissioner_net_p95: float
    conventional_net_p05: float
    conventional_net_p10: float
    conventional_net_p25: float
    conventional_net_p50: float
    conventional_net_p75: float
    conventional_net_p90: float
    conventional_net_p95: float
    payment_p05: float
    payment_p10: float
    payment_p25: float
    payment_p50: float
    payment_p75: float
    payment_p90: float
    payment_p95: float
    outcomes_p05: float
    outcomes_p10: float
    outcomes_p25: float
    outcomes_p50: float
    outcomes_p75: float
    outcomes_p90: float
    outcomes_p95: float
    additional_outcomes_p05: float
    additional_outcomes_p10: float
    additional_outcomes_p25: float
    additional_outcomes_p50: float
    additional_outcomes_p75: float
    additional_outcomes_p90: float
    additional_outcomes_p95: float
    group_success_probability: float
    group_counterfactual_probability: float
    group_price_per_outcome: float
    group_saving_per_outcome: float


#: Every name a :class:`Summary` holds, in order.
SUMMARY_KEYS: tuple[str, ...] = tuple(Summary.__annotations__)


def weighted_quantiles(
    values: NDArray[np.float64], weights: NDArray[np.float64], qs: NDArray[np.float64]
) -> NDArray[np.float64]:
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
    return np.asarray(v[order][index], dtype=float)


def _dot(a: NDArray[np.generic], b: NDArray[np.generic]) -> float:
    """Σ a·b without BLAS: on this shared two-core machine a BLAS dot of two vectors took
    2–3 ms (its threads waking up) against 10 µs for ``einsum`` on 15,000 values."""
    return float(np.einsum("i,i->", np.asarray(a, dtype=float), np.asarray(b, dtype=float)))


def _mean(values: NDArray[np.float64], weights: NDArray[np.float64]) -> float:
    keep = ~np.isnan(values)
    if keep.all():
        total = float(weights.sum())
        return _dot(values, weights) / total if total > 0 else math.nan
    total = float(weights[keep].sum())
    return _dot(values[keep], weights[keep]) / total if total > 0 else math.nan


def _standard_error(
    values: NDArray[np.float64], weights: NDArray[np.float64], n_draws: int
) -> float:
    """Standard error of a weighted mean of ``n_draws`` equally likely draws (0 if exact)."""
    if n_draws <= 0:
        return 0.0
    keep = ~np.isnan(values)
    if not keep.any():
        return math.nan
    mean = _mean(values, weights)
    variance = _dot((values[keep] - mean) ** 2, weights[keep]) / float(weights[keep].sum())
    return math.sqrt(variance / n_draws)


def summarise(
    atoms: Settlement,
    weights: NDArray[np.float64],
    n_draws: int = 0,
    group: dict[str, float] | None = None,
) -> Summary:
    """The summary of settled futures with probabilities ``weights``.

    ``n_draws`` is the number of simulated futures behind the weights (0 when they are exact
    probabilities), used for the standard errors; ``group`` holds the chosen group's p(d),
    c(d), price(d) and saving(d)."""
    w = np.asarray(weights, dtype=float)
    w = w / w.sum()
    columns = atoms.as_columns()
    summary: dict[str, float] = {
        f"expected_{name}": _mean(columns[name].astype(float), w) for name in _EXPECTED
    }
    irr = atoms.investor_irr
    invested = atoms.investor_capital > 0
    summary["expected_investor_irr"] = _mean(irr, w)
    summary["expected_investor_moic"] = _mean(atoms.investor_moic, w)
    summary["expected_investor_moic_unguaranteed"] = _mean(atoms.investor_moic_unguaranteed, w)
    summary["probability_of_loss"] = _dot(w, invested & (lost_money(atoms.investor_moic)))
    summary["probability_of_loss_unguaranteed"] = _dot(
        w, invested & (lost_money(atoms.investor_moic_unguaranteed))
    )
    summary["probability_of_total_loss"] = _dot(w, invested & (atoms.investor_received <= 0))
    summary["probability_threshold_met"] = _dot(w, atoms.threshold_met)
    summary["probability_payment_capped"] = _dot(w, atoms.payment_capped)
    summary["probability_return_capped"] = _dot(w, atoms.return_capped)
    summary["probability_guarantor_pays"] = _dot(w, atoms.guarantor_payment > 0)
    summary["probability_commissioner_gains"] = _dot(w, atoms.commissioner_net >= 0)
    for name in _NOISY:
        summary[f"{name}_standard_error"] = _standard_error(columns[name].astype(float), w, n_draws)
    levels = np.array(PERCENTILES) / 100
    for name in DISTRIBUTIONS:
        quantiles = weighted_quantiles(columns[name].astype(float), w, levels)
        summary.update(
            {f"{name}_p{p:02d}": float(q) for p, q in zip(PERCENTILES, quantiles, strict=True)}
        )
    summary["median_investor_irr"] = summary["investor_irr_p50"]
    capital = summary["expected_investor_capital"]
    summary["expected_money_multiple"] = (
        summary["expected_investor_received"] / capital if capital > 0 else math.nan
    )
    # Needs the contract's timing: filled in by ``sib_model.simulation`` (NaN here).
    summary["investor_irr_of_expected_flows"] = math.nan

    expected_outcomes = summary["expected_outcomes"]
    expected_additional = summary["expected_additional_outcomes"]
    # A share of the outcomes: never above all of them, even when the programme does harm.
    summary["deadweight_share"] = (
        min(1.0, summary["expected_counterfactual_outcomes"] / expected_outcomes)
        if expected_outcomes > 0
        else math.nan
    )
    summary["cost_per_additional_outcome"] = (
        summary["expected_payment"] / expected_additional if expected_additional > 0 else math.nan
    )
    summary["conventional_cost"] = summary["expected_conventional_cost_pv"]
    summary["conventional_cost_per_additional_outcome"] = (
        summary["expected_capital"] / expected_additional if expected_additional > 0 else math.nan
    )
    summary.update(group or {name: math.nan for name in SUMMARY_KEYS if name.startswith("group_")})
    return cast(Summary, {name: summary[name] for name in SUMMARY_KEYS})


def statistic(summary: Summary, name: str) -> float:
    """The statistic ``name`` of ``summary``, for code that chooses the name at run time (a
    sensitivity metric, a command-line line); an unknown name is a KeyError that lists the
    known ones."""
    figures = cast(Mapping[str, float], summary)
    if name not in figures:
        raise KeyError(f"unknown statistic {name!r}; the summary holds {', '.join(figures)}")
    return figures[name]
