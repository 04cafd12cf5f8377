"""``evaluate`` and ``simulate``: the possible futures of one contract, and what each party
gets in them.

:func:`evaluate` is what every page and analysis uses: exact for a homogeneous cohort of any
size, and for a mixed or partly parked cohort Monte Carlo per stratum on fixed common random
numbers (:mod:`sib_model.cohort`), so one scenario has one set of figures wherever it is
shown, and neighbouring scenarios (one more citizen, one slider step) differ by what really
changed.
:func:`simulate` draws ``n_simulations`` futures with a seed of your choosing and also keeps
the per-draw table, for users who want the draws themselves.

Every money figure depends on a future only through its cohort numbers, and a cohort of 100
has at most a few thousand (starters, outcomes) pairs however many futures are drawn, so a
homogeneous contract is settled once per distinct pair (an *atom*) and the per-draw table is
filled in from the atoms only when someone asks for it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from .cohort import (
    DEFAULT_DRAWS,
    DEFAULT_SEED,
    CohortOutcomes,
    Method,
    homogeneous_outcomes,
    is_homogeneous,
    stratum_futures,
)
from .contract import Settlement, investor_cash_flows, last_payment_year, settle, year_weights
from .distribution import outcome_distribution
from .irr import irr
from .outcomes import Seed, draw_outcomes
from .scenario import Scenario
from .summary import Summary, summarise
from .targeting import (
    counterfactual_probability_at,
    price_at,
    saving_tilt_at,
    success_probability_at,
)

__all__ = [
    "evaluate",
    "simulate",
    "ScenarioResult",
    "SimulationResult",
    "Atoms",
    "atomise",
    "expected_cash_flows",
    "group_figures",
]

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


@dataclass(frozen=True)
class ScenarioResult:
    """What :func:`evaluate` found for one scenario.

    Attributes
    ----------
    scenario
        What was evaluated.
    summary : Summary
        Named statistics (see :class:`sib_model.summary.Summary`): ``expected_payment``,
        ``probability_of_loss``, ``expected_investor_irr``, ``deadweight_share``,
        ``cost_per_additional_outcome``, percentiles such as ``investor_irr_p05``, the
        guarantor's ``expected_guarantor_payment`` and ``probability_guarantor_pays``, and the
        chosen group's ``group_success_probability`` … ``group_saving_per_outcome``.
    distribution : pandas.DataFrame
        One row per exact pair or simulated future with its ``probability`` and every
        settlement column — a compact picture for charts.
    method : "exact" or "monte_carlo"
        How the futures were found.
    n_simulations : int
        Futures drawn (0 when exact).
    cash_flows : pandas.DataFrame
        Expected nominal cash flow of each party per year (DKK; + in, − out).
    """

    scenario: Scenario
    summary: Summary
    distribution: pd.DataFrame
    method: Method
    n_simulations: int

    @cached_property
    def cash_flows(self) -> pd.DataFrame:
        """Each party's expected flow per year (see :func:`expected_cash_flows`), built on
        first use: most pages never show it."""
        return expected_cash_flows(self.scenario, self.summary)


@dataclass(frozen=True)
class SimulationResult(ScenarioResult):
    """What :func:`simulate` found: a :class:`ScenarioResult` plus the draws.

    Attributes
    ----------
    seed
        The seed the draws came from.
    draws : pandas.DataFrame
        One row per simulated contract (built on first use): ``starters``,
        ``true_success_rate`` (homogeneous cohorts), ``outcomes``, ``additional_outcomes``,
        ``payment``, ``capital``, ``investor_irr``, ``investor_moic``, ``commissioner_net``
        and the rest of :class:`sib_model.contract.Settlement`'s fields.
    """

    seed: Any = None
    _true_success_rate: NDArray[np.float64] | None = field(default=None, repr=False)
    _index_of_draw: NDArray[np.intp] | None = field(default=None, repr=False)

    @cached_property
    def draws(self) -> pd.DataFrame:
        """One row per simulated contract, in the order drawn (see the class's Attributes);
        built on first use from the distribution, which settles each distinct (starters,
        outcomes) pair once however many draws share it."""
        table = self.distribution.drop(columns="probability")
        if self._index_of_draw is not None:
            table = table.iloc[self._index_of_draw].reset_index(drop=True)
        columns = {name: table[name].to_numpy() for name in table.columns}
        ordered: dict[str, Any] = {"starters": columns.pop("starters").astype(np.int64)}
        if self._true_success_rate is not None:
            ordered["true_success_rate"] = self._true_success_rate
        ordered["outcomes"] = columns.pop("outcomes").astype(np.int64)
        return pd.DataFrame({**ordered, **columns})


def expected_cash_flows(s: Scenario, summary: Summary) -> pd.DataFrame:
    """Expected yearly flows per party. Flows are linear in capital, payments and savings, so
    the expected flow is the flow of the expected values."""
    delivery, payment, savings, _ = year_weights(s)
    investor_delivery = summary["expected_investor_capital"] - s.fixed_costs
    guarantee = summary["expected_guarantor_payment"]
    investor = investor_cash_flows(
        s, investor_delivery, summary["expected_investor_payment"], guarantee
    )
    provider = (
        -summary["expected_provider_capital"] * delivery
        + summary["expected_provider_payment"] * payment
    )
    guarantor = np.zeros_like(delivery)
    guarantor[last_payment_year(s)] = -guarantee
    commissioner_pays = -summary["expected_payment"] * payment
    # Nominal saving: the present value's undiscounted twin, spread as the savings accrue.
    saving = _undiscounted(summary["expected_commissioner_saving_pv"], s) * savings
    conventional = -(summary["expected_capital"] - s.fixed_costs) * delivery
    conventional[0] -= s.fixed_costs
    return pd.DataFrame(
        {
            "year": np.arange(delivery.size),
            "investor": investor,
            "provider": provider,
            "guarantor": guarantor,
            "commissioner_payment": commissioner_pays,
            "commissioner_saving": saving,
            "commissioner_net": commissioner_pays + saving,
            "conventional_funding": conventional,
        }
    )


def _undiscounted(saving_pv: float, s: Scenario) -> float:
    """The nominal total of a saving whose present value is ``saving_pv`` (savings accrue
    with the same yearly weights whatever their size)."""
    _, _, savings, discount = year_weights(s)
    factor = float(np.dot(savings, discount))
    return saving_pv / factor if factor > 0 else 0.0


def group_figures(s: Scenario) -> dict[str, float]:
    """p(d), c(d), price(d) and saving(d) of the chosen group: what the headline sliders
    really mean."""
    return {
        "group_success_probability": float(success_probability_at(s)),
        "group_counterfactual_probability": float(counterfactual_probability_at(s)),
        "group_price_per_outcome": float(price_at(s)),
        "group_saving_per_outcome": float(s.public_savings_per_outcome * saving_tilt_at(s)),
    }


def distribution_table(cohort: CohortOutcomes, settled: Settlement) -> pd.DataFrame:
    return pd.DataFrame({"probability": cohort.probability, **settled.as_columns()}, copy=False)


def _result_parts(
    s: Scenario, cohort: CohortOutcomes, n_draws: int
) -> tuple[Summary, pd.DataFrame]:
    settled = settle(s, cohort)
    summary = summarise(settled, cohort.probability, n_draws, group_figures(s))
    summary["investor_irr_of_expected_flows"] = irr_of_expected_flows(s, summary)
    return summary, distribution_table(cohort, settled)


def irr_of_expected_flows(s: Scenario, summary: Summary) -> float:
    """IRR(E[investor cash flows]): the flows are linear in capital, payments and guarantee,
    so the expected flow of each year is the flow of the expected values. NaN when it has no
    IRR (nothing comes back, or no money goes in)."""
    flows = investor_cash_flows(
        s,
        summary["expected_investor_capital"] - s.fixed_costs,
        summary["expected_investor_payment"],
        summary["expected_guarantor_payment"],
    )
    if flows.max() <= 0 or flows.min() >= 0:
        return -1.0 if flows.max() <= 0 < -flows.min() else math.nan
    return float(irr(flows))


def evaluate(
    s: Scenario, n_simulations: int = DEFAULT_DRAWS, seed: int = DEFAULT_SEED
) -> ScenarioResult:
    """The figures of scenario ``s`` — exact for a homogeneous cohort of any size, otherwise
    on ``n_simulations`` futures of fixed common random numbers counted per stratum
    (:mod:`sib_model.cohort`).

    Every page and analysis calls this with the defaults, so one scenario shows one set of
    numbers everywhere.

    Examples
    --------
    >>> from sib_model import Scenario, evaluate
    >>> r = evaluate(Scenario())
    >>> r.method, round(r.summary["expected_investor_irr"], 3)
    ('exact', 0.121)
    """
    if not isinstance(s, Scenario):
        raise TypeError(f"evaluate needs a Scenario, got {type(s).__name__}")
    cohort, method, n_draws = outcome_distribution(s, n_simulations, seed)
    summary, distribution = _result_parts(s, cohort, n_draws)
    return ScenarioResult(s, summary, distribution, method, n_draws)


def simulate(s: Scenario, n_simulations: int = 10_000, seed: Seed = None) -> SimulationResult:
    """Simulate ``n_simulations`` contracts of scenario ``s``.

    The same ``seed`` (an int or a ``numpy.random.Generator``) gives the same draws.

    Examples
    --------
    >>> from sib_model import Scenario, simulate
    >>> r = simulate(Scenario(), n_simulations=20_000, seed=1)
    >>> len(r.draws), 0.10 < r.summary["expected_investor_irr"] < 0.14
    (20000, True)
    """
    if not isinstance(s, Scenario):
        raise TypeError(f"simulate needs a Scenario, got {type(s).__name__}")
    if (
        isinstance(n_simulations, bool)
        or not isinstance(n_simulations, (int, np.integer))
        or not 1 <= n_simulations <= 10_000_000
    ):
        raise ValueError(
            f"n_simulations must be a whole number from 1 to 10,000,000, got {n_simulations!r}"
        )
    n = int(n_simulations)
    if is_homogeneous(s):
        drawn = draw_outcomes(s, n, seed)
        atoms = atomise(drawn.starters, drawn.outcomes, s.cohort_size)
        cohort = homogeneous_outcomes(
            s, atoms.starters, atoms.outcomes, atoms.counts / atoms.counts.sum()
        )
        summary, distribution = _result_parts(s, cohort, n)
        return SimulationResult(
            s,
            summary,
            distribution,
            "monte_carlo",
            n,
            seed,
            drawn.true_success_rate,
            atoms.index_of_draw,
        )
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    cohort = stratum_futures(s, n, rng)
    summary, distribution = _result_parts(s, cohort, n)
    return SimulationResult(s, summary, distribution, "monte_carlo", n, seed)
