"""Model calls, cached at the UI boundary on the scenario's value.

Each function takes the scenario as its JSON text (``scenario_to_json``: exact, hashable and
cheap to hash) and rebuilds it inside, so ``st.cache_data`` keys on what the scenario *is*.
Simulation sizes are modest on purpose: a slider move must redraw within a few hundred
milliseconds on a 2-core machine, and a fixed seed keeps the picture still while nothing
changes. Analyses that sweep the difficulty themselves (frontier, deal space) are keyed on the
scenario with the difficulty set to the reference value, so moving the difficulty slider only
moves the "chosen group" marker and reuses the sweep.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from sib_model import (Scenario, creaming_frontier, deal_space, payoff_curve, scenario_from_json,
                       scenario_to_json, sensitivity, simulate)

__all__ = ["key_of", "explorer_results", "frontier", "frontier_levers", "deal_grid",
           "sensitivity_table", "SIZES"]

#: Simulation sizes per analysis (draws, points).
SIZES = {"explorer_draws": 4_000,
         "frontier_points": 21, "frontier_draws": 2_000,
         "lever_points": 11, "lever_draws": 1_000,
         "deal_prices": 25, "deal_difficulties": 21, "deal_draws": 1_500,
         "sensitivity_draws": 2_000}
_SEED = 1


def key_of(s: Scenario, *, sweep_difficulty: bool = False) -> str:
    """The cache key of a scenario; sweeps over difficulty ignore the chosen difficulty."""
    return scenario_to_json(s.replace(difficulty=0.5) if sweep_difficulty else s)


@st.cache_data(max_entries=128, show_spinner=False)
def explorer_results(key: str) -> dict[str, Any]:
    """Summary, outcome distribution, yearly cash flows and payoff curve of one scenario."""
    s = scenario_from_json(key)
    result = simulate(s, n_simulations=SIZES["explorer_draws"], seed=_SEED)
    return {"summary": result.summary, "distribution": result.distribution,
            "cash_flows": result.cash_flows, "payoff": payoff_curve(s, n_points=101)}


@st.cache_data(max_entries=64, show_spinner=False)
def frontier(key: str) -> pd.DataFrame:
    """The creaming frontier over difficulty (see ``sib_model.creaming_frontier``)."""
    return creaming_frontier(scenario_from_json(key), n_points=SIZES["frontier_points"],
                             n_simulations=SIZES["frontier_draws"], seed=_SEED)


def lever_variants(s: Scenario) -> list[tuple[float, str]]:
    """The four contract variants of the creaming comparison: no premium vs the scenario's
    premium (1.0 if it has none), each on both payment bases."""
    premium = s.difficulty_premium if s.difficulty_premium > 0 else 1.0
    return [(p, basis) for basis in ("every_outcome", "above_baseline") for p in (0.0, premium)]


@st.cache_data(max_entries=64, show_spinner=False)
def frontier_levers(key: str) -> list[tuple[float, str, pd.DataFrame]]:
    """Small frontiers for each variant of :func:`lever_variants` (premium, basis, frontier)."""
    s = scenario_from_json(key)
    return [(premium, basis,
             creaming_frontier(s.replace(difficulty_premium=premium, payment_basis=basis),
                               n_points=SIZES["lever_points"],
                               n_simulations=SIZES["lever_draws"], seed=_SEED))
            for premium, basis in lever_variants(s)]


@st.cache_data(max_entries=64, show_spinner=False)
def deal_grid(key: str, target_irr: float, max_loss_probability: float,
              willingness_to_pay: float | None) -> pd.DataFrame:
    """Both parties' terms on a price × difficulty grid (see ``sib_model.deal_space``)."""
    return deal_space(scenario_from_json(key), n_prices=SIZES["deal_prices"],
                      n_difficulties=SIZES["deal_difficulties"],
                      n_simulations=SIZES["deal_draws"], seed=_SEED, target_irr=target_irr,
                      max_loss_probability=max_loss_probability,
                      willingness_to_pay=willingness_to_pay)


@st.cache_data(max_entries=64, show_spinner=False)
def sensitivity_table(key: str) -> pd.DataFrame:
    """One-at-a-time swings for the two tornado charts."""
    return sensitivity(scenario_from_json(key),
                       metrics=("expected_investor_irr", "expected_commissioner_net"),
                       n_simulations=SIZES["sensitivity_draws"], seed=_SEED)
