"""``simulate``: many possible futures of one contract, and what each party gets in them.

Draws come from :func:`sib_model.outcomes.draw_outcomes`. Every money figure depends on a draw
only through its (starters, outcomes) pair, and a cohort of 100 has at most a few thousand such
pairs however many futures are drawn, so the contract is settled once per distinct pair (an
*atom*) and the per-draw table is filled in from the atoms only when someone asks for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from .contract import Settlement, investor_cash_flows, settle, year_weights
from .outcomes import Seed, draw_outcomes
from .scenario import Scenario
from .summary import summarise
from .targeting import counterfactual_probability_at, price_at, success_probability_at

__all__ = ["simulate", "SimulationResult", "Atoms", "atomise", "settle_atoms"]

#: Largest (cohort + 1)² for which atoms are found with a lookup table instead of a sort.
_TABLE_LIMIT = 4_000_000


@dataclass(frozen=True)
class Atoms:
    """The distinct (starters, outcomes) pairs of a set of draws, how often each occurred,
    and for every draw the index of its pair."""

    starters: NDArray[np.int64]
    outcomes: NDArray[np.int64]
    counts: NDArray[np.int64]
    index_of_draw: NDArray[np.intp]


def atomise(starters: NDArray[np.int64], outcomes: NDArray[np.int64], cohort_size: int) -> Atoms:
    """Group draws by their (starters, outcomes) pair in O(draws) where the pairs fit a table."""
    width = cohort_size + 1
    key = starters.astype(np.int64) * width + outcomes
    if width * width <= _TABLE_LIMIT:
        counts = np.bincount(key, minlength=width * width)
        present = np.flatnonzero(counts)
        lookup = np.empty(width * width, dtype=np.intp)
        lookup[present] = np.arange(present.size)
        index, counts, keys = lookup[key], counts[present], present
    else:
        keys, index, counts = np.unique(key, return_inverse=True, return_counts=True)
    return Atoms(keys // width, keys % width, counts, index)


def settle_atoms(s: Scenario, atoms: Atoms, **overrides: Any) -> Settlement:
    return settle(s, atoms.starters, atoms.outcomes, **overrides)


@dataclass(frozen=True)
class SimulationResult:
    """What :func:`simulate` found.

    Attributes
    ----------
    scenario, n_simulations, seed
        What was simulated.
    summary : dict[str, float]
        Named statistics (see :func:`sib_model.summary.summarise`): ``expected_payment``,
        ``probability_of_loss``, ``expected_investor_irr``, ``median_investor_irr``,
        ``deadweight_share``, ``cost_per_additional_outcome``, percentiles such as
        ``investor_irr_p05`` …, plus the chosen group's ``group_success_probability``,
        ``group_counterfactual_probability`` and ``group_price_per_outcome``.
    distribution : pandas.DataFrame
        One row per distinct (starters, outcomes) pair with its ``probability`` (share of
        draws) and every settlement column — a compact, exact picture for charts.
    draws : pandas.DataFrame
        One row per simulated contract (built on first use): ``starters``,
        ``true_success_rate``, ``outcomes``, ``additional_outcomes``, ``payment``,
        ``capital``, ``investor_irr``, ``investor_moic``, ``commissioner_net`` and the rest of
        :class:`sib_model.contract.Settlement`'s fields.
    cash_flows : pandas.DataFrame
        Expected nominal cash flow of each party per year (DKK; + in, − out).
    """

    scenario: Scenario
    n_simulations: int
    seed: Any
    summary: dict[str, float]
    distribution: pd.DataFrame
    _true_success_rate: NDArray[np.float64] = field(repr=False)
    _index_of_draw: NDArray[np.intp] = field(repr=False)

    @cached_property
    def draws(self) -> pd.DataFrame:
        columns = {name: self.distribution[name].to_numpy()[self._index_of_draw]
                   for name in self.distribution.columns if name != "probability"}
        columns = {"starters": columns.pop("starters").astype(np.int64),
                   "true_success_rate": self._true_success_rate,
                   "outcomes": columns.pop("outcomes").astype(np.int64), **columns}
        return pd.DataFrame(columns)

    @cached_property
    def cash_flows(self) -> pd.DataFrame:
        return expected_cash_flows(self.scenario, self.summary)


def expected_cash_flows(s: Scenario, summary: dict[str, float]) -> pd.DataFrame:
    """Expected yearly flows per party. Flows are linear in starters and payment, so the
    expected flow is the flow of the expected values."""
    delivery, payment, _ = year_weights(s)
    investor_delivery = (summary["expected_investor_capital"] - s.fixed_costs)
    investor = investor_cash_flows(s, investor_delivery, summary["expected_investor_payment"])
    provider = (-summary["expected_provider_capital"] * delivery
                + summary["expected_provider_payment"] * payment)
    commissioner_pays = -summary["expected_payment"] * payment
    saving = (summary["expected_additional_outcomes"] * s.public_savings_per_outcome
              * s.municipal_share_of_savings * payment)
    conventional = -(summary["expected_capital"] - s.fixed_costs) * delivery
    conventional[0] -= s.fixed_costs
    return pd.DataFrame({
        "year": np.arange(delivery.size),
        "investor": investor,
        "provider": provider,
        "commissioner_payment": commissioner_pays,
        "commissioner_saving": saving,
        "commissioner_net": commissioner_pays + saving,
        "conventional_funding": conventional,
    })


def group_figures(s: Scenario) -> dict[str, float]:
    """p(d), c(d) and price(d) of the chosen group: what the headline sliders really mean."""
    return {"group_success_probability": float(success_probability_at(s)),
            "group_counterfactual_probability": float(counterfactual_probability_at(s)),
            "group_price_per_outcome": float(price_at(s))}


def distribution_table(atoms: Atoms, settled: Settlement) -> pd.DataFrame:
    return pd.DataFrame({"probability": atoms.counts / atoms.counts.sum(),
                         **settled.as_columns()}, copy=False)


def simulate(s: Scenario, n_simulations: int = 10_000, seed: Seed = None) -> SimulationResult:
    """Simulate ``n_simulations`` contracts of scenario ``s``.

    The same ``seed`` (an int or a ``numpy.random.Generator``) gives the same draws.
    """
    if not isinstance(s, Scenario):
        raise TypeError(f"simulate needs a Scenario, got {type(s).__name__}")
    if isinstance(n_simulations, bool) or not isinstance(n_simulations, (int, np.integer)) \
            or not 1 <= n_simulations <= 10_000_000:
        raise ValueError(f"n_simulations must be a whole number from 1 to 10,000,000, "
                         f"got {n_simulations!r}")
    drawn = draw_outcomes(s, int(n_simulations), seed)
    atoms = atomise(drawn.starters, drawn.outcomes, s.cohort_size)
    settled = settle_atoms(s, atoms)
    summary = {**summarise(settled, atoms.counts), **group_figures(s)}
    return SimulationResult(s, int(n_simulations), seed, summary,
                            distribution_table(atoms, settled),
                            drawn.true_success_rate, atoms.index_of_draw)
