"""The model's results for the pages, cached at the UI boundary on the scenario's value.

Pages hand over a :class:`~sib_model.Scenario`; turning it into a cache key is this module's
job (``st.cache_data`` hashes a scenario by its JSON text: exact, cheap, and equal for equal
scenarios). Every figure comes from :func:`sib_model.evaluate` with the model's default
futures, or from an analysis built on it, so the Explorer, the Creaming page and the
Sensitivity page show one number for one scenario. Each function returns a small typed
result.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from sib_model import (
    CreamingFrontier,
    ParkingFrontier,
    Scenario,
    creaming_frontier,
    deal_space,
    evaluate,
    parking_frontier,
    payoff_curve,
    scenario_to_json,
    sensitivity,
)
from ui import charts
from ui.app.layout import ghosted
from ui.app.live_chart import ChartJSON
from ui.spec.result_types import DealTerms, LeverFrontiers, ParkingLevers, ScenarioView
from ui.text.translator import Translator
from ui.words import narrative
from ui.words.headline import Figure, headline_figures, returns_note

__all__ = [
    "ScenarioView",
    "LeverFrontiers",
    "ParkingLevers",
    "DealTerms",
    "scenario_results",
    "creaming_results",
    "creaming_levers",
    "parking_results",
    "parking_levers",
    "deal_results",
    "sensitivity_results",
    "page_chart",
    "PAGE_CHARTS",
    "SIZES",
    "scenario_key",
]

#: Grid sizes per analysis: small enough that a slider move redraws quickly on 2 cores.
SIZES = {
    "frontier_points": 21,
    "lever_points": 11,
    "parking_points": 11,
    "parking_lever_points": 6,
    "deal_prices": 25,
    "deal_difficulties": 21,
    # The deal space settles difficulties × prices × a cohort's atoms: its cohorts are
    # described in at most this many atoms (exact probabilities, bins that never straddle a
    # change of the contract's regime) and a mixed cohort by this many futures, so that no
    # valid link costs more than about a second of a core (benchmarks/worst_link.py).
    "deal_atoms": 2_000,
    "deal_futures": 1_000,
}


@functools.lru_cache(maxsize=1024)
def scenario_key(s: Scenario) -> str:
    """A scenario's cache key, its JSON text, made once per scenario: a run asks several
    caches about the same scenario, and writing its JSON anew for each was a tenth of a
    slider move to a new value. (A frozen Scenario hashes and compares by its fields.)"""
    return scenario_to_json(s)


_HASH: dict[str | type[Any], Callable[[Any], Any]] = {Scenario: scenario_key}


@st.cache_resource(max_entries=128, show_spinner=False, hash_funcs=_HASH)
def scenario_results(s: Scenario) -> ScenarioView:
    """Summary, outcome distribution, yearly cash flows and payoff curve of one scenario.

    Shared by every session (``st.cache_resource``): read on every run of most pages, and
    copying it out of ``st.cache_data`` (unpickling its tables) cost more than the page
    itself on a slider move back to a seen value. Nothing writes to a result: the model
    returns frozen dataclasses, and its cash flows are computed here, inside the cache."""
    result = evaluate(s)
    result.cash_flows  # computed once here, inside the cache  # noqa: B018
    return ScenarioView(result, payoff_curve(s, n_points=101))


# The figures' caches are st.cache_resource, not st.cache_data: their values (JSON text in
# frozen ChartJSON) cannot be changed by a reader, so every session may share one copy, and a
# read costs no unpickling (which was a seventh of a slider move back to a value seen before,
# benchmarks/results/session-profile-*.md).
#: The Explorer's figures by chart key, and what builds each from the scenario's results.
EXPLORER_BUILDERS: dict[str, Callable[[ScenarioView, Scenario, Translator], Any]] = {
    "explorer_investor_irr": lambda view, s, t: charts.investor_return_histogram(
        view.result.distribution, view.summary, t
    ),
    "explorer_commissioner": lambda view, s, t: charts.commissioner_comparison(view.summary, t),
    "explorer_wrong_pocket": lambda view, s, t: charts.wrong_pocket_chart(view.summary, t),
    "explorer_payoff": lambda view, s, t: charts.payoff_chart(view.payoff, s, t),
    "explorer_cash_flows": lambda view, s, t: charts.cash_flow_chart(view.result.cash_flows, t),
}


@st.cache_resource(max_entries=640, show_spinner=False, hash_funcs=_HASH)
def explorer_chart(key: str, s: Scenario, lang: str) -> ChartJSON:
    """One of the Explorer's five figures as plotly JSON. One at a time: a slider move builds
    the open tab's charts only, and a move back to a value seen before builds none."""
    return ChartJSON.of(EXPLORER_BUILDERS[key](scenario_results(s), s, Translator(lang)))


@st.cache_resource(max_entries=640, show_spinner=False, hash_funcs=_HASH)
def explorer_chart_with_baseline(key: str, s: Scenario, baseline: Scenario, lang: str) -> ChartJSON:
    """One Explorer figure with the baseline's drawn faintly behind (see
    :func:`ui.charts.add_baseline`); the plain figure when the two scenarios are equal."""
    current = explorer_chart(key, s, lang)
    if baseline == s:
        return current
    label = Translator(lang)("baseline")
    return ghosted(current, explorer_chart(key, baseline, lang), label)


@st.cache_resource(max_entries=256, show_spinner=False, hash_funcs=_HASH)
def headline_words(
    s: Scenario, ghost: Scenario | None, lang: str
) -> tuple[tuple[Figure, ...], str]:
    """The headline figures of ``s`` (each with its change from ``ghost``) and the line of
    return figures under them, as shown: the same words at the top of every page, formatted
    once per scenario and language rather than on every run (Babel's number formatting was a
    tenth of a slider move)."""
    t = Translator(lang)
    summary = scenario_results(s).summary
    ghost_summary = None if ghost is None else scenario_results(ghost).summary
    return tuple(headline_figures(summary, t, ghost_summary)), returns_note(summary, t)


@st.cache_resource(max_entries=256, show_spinner=False, hash_funcs=_HASH)
def explorer_sentences(s: Scenario, lang: str) -> tuple[str, ...]:
    """The Explorer's sentences of ``s`` in ``lang``, written once per scenario."""
    return tuple(narrative.explorer_sentences(scenario_results(s).summary, s, Translator(lang)))


#: The figures :func:`page_chart` builds, by chart key.
PAGE_CHARTS = (
    "creaming_frontier",
    "parking_frontier",
    "creaming_levers",
    "sensitivity_investor_irr",
    "sensitivity_commissioner_net",
    "deal_space_heatmap",
)


@st.cache_resource(max_entries=256, show_spinner=False, hash_funcs=_HASH)
def page_chart(key: str, s: Scenario, lang: str, terms: DealTerms | None = None) -> ChartJSON:
    """One chart of the Creaming, Sensitivity or Deal space page as ready plotly JSON, by its
    key (:data:`PAGE_CHARTS`): the same chart for the baseline is then built once, not on
    every slider move, and a value seen before costs no figure building."""
    t = Translator(lang)
    if key == "creaming_frontier":
        figure = charts.creaming_chart(creaming_results(s), s, t)
    elif key == "parking_frontier":
        figure = charts.parking_chart(parking_results(s), s, t)
    elif key == "creaming_levers":
        figure = charts.lever_chart(creaming_levers(s), s, t)
    elif key in ("sensitivity_investor_irr", "sensitivity_commissioner_net"):
        metric = key.replace("sensitivity_", "expected_")
        figure = charts.tornado_chart(sensitivity_results(s), metric, t)
    elif key == "deal_space_heatmap" and terms is not None:
        figure = charts.deal_space_heatmap(deal_results(s, terms), s, t)
    else:
        raise ValueError(f"unknown chart {key!r}")
    return ChartJSON.of(figure)


@st.cache_data(max_entries=64, show_spinner=False, hash_funcs=_HASH)
def creaming_results(s: Scenario) -> CreamingFrontier:
    """The creaming frontier over difficulty (see ``sib_model.creaming_frontier``)."""
    return creaming_frontier(s, n_points=SIZES["frontier_points"])


def lever_variants(s: Scenario) -> list[tuple[float, str]]:
    """The four contract variants of the creaming comparison: no premium vs the scenario's
    premium (the largest, 1.0, if it has none), each on both payment bases."""
    premium = s.difficulty_premium if s.difficulty_premium > 0 else 1.0
    return [(p, basis) for basis in ("every_outcome", "above_baseline") for p in (0.0, premium)]


@st.cache_data(max_entries=64, show_spinner=False, hash_funcs=_HASH)
def creaming_levers(s: Scenario) -> LeverFrontiers:
    return LeverFrontiers(
        tuple(
            (
                premium,
                basis,
                creaming_frontier(
                    s.replace(difficulty_premium=premium, payment_basis=basis),
                    n_points=SIZES["lever_points"],
                ),
            )
            for premium, basis in lever_variants(s)
        )
    )


@st.cache_data(max_entries=64, show_spinner=False, hash_funcs=_HASH)
def parking_results(s: Scenario) -> ParkingFrontier:
    """The parking frontier over the parked share (see ``sib_model.parking_frontier``)."""
    return parking_frontier(s, n_points=SIZES["parking_points"])


def parking_lever_variants(s: Scenario) -> list[tuple[str, Scenario]]:
    """This contract; paying only above the baseline; a rate card priced per citizen's own
    difficulty (premium 1, on a mixed cohort); a guarantee of half the capital."""
    spread = s.difficulty_spread if s.difficulty_spread > 0 else 0.3
    return [
        ("lever_this_contract", s),
        ("lever_above_baseline", s.replace(payment_basis="above_baseline")),
        ("lever_rate_card", s.replace(difficulty_premium=1.0, difficulty_spread=spread)),
        ("lever_guarantee", s.replace(guarantee_share=max(0.5, s.guarantee_share))),
    ]


@st.cache_data(max_entries=32, show_spinner=False, hash_funcs=_HASH)
def parking_levers(s: Scenario) -> ParkingLevers:
    return ParkingLevers(
        tuple(
            (key, variant, parking_frontier(variant, n_points=SIZES["parking_lever_points"]))
            for key, variant in parking_lever_variants(s)
        )
    )


@st.cache_data(max_entries=64, show_spinner=False, hash_funcs=_HASH)
def deal_results(s: Scenario, terms: DealTerms) -> pd.DataFrame:
    """Both parties' terms on a price × difficulty grid (see ``sib_model.deal_space``).

    The grid sweeps the difficulty itself, so it is keyed on the scenario with the
    reference difficulty: moving the difficulty slider only moves the marker."""
    return deal_space(
        s.replace(difficulty=0.5),
        n_prices=SIZES["deal_prices"],
        n_difficulties=SIZES["deal_difficulties"],
        n_simulations=SIZES["deal_futures"],
        atom_budget=SIZES["deal_atoms"],
        target_irr=terms.target_irr,
        max_loss_probability=terms.max_loss_probability,
        willingness_to_pay=terms.willingness_to_pay,
    )


@st.cache_data(max_entries=64, show_spinner=False, hash_funcs=_HASH)
def sensitivity_results(s: Scenario) -> pd.DataFrame:
    """One-at-a-time swings for the two tornado charts."""
    return sensitivity(s, metrics=("expected_investor_irr", "expected_commissioner_net"))
