"""The small typed results the dashboard's cached model calls return (no Streamlit here, so
chart builders and sentences can take them in unit tests)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sib_model import CreamingFrontier, ParkingFrontier, Scenario, ScenarioResult
from sib_model.summary import Summary

__all__ = ["ScenarioView", "LeverFrontiers", "ParkingLevers", "DealTerms"]


@dataclass(frozen=True)
class ScenarioView:
    """The Explorer's material: the scenario's result and its payoff curve."""

    result: ScenarioResult
    payoff: pd.DataFrame

    @property
    def summary(self) -> Summary:
        """The result's figures, which is what most of the page reads."""
        return self.result.summary


@dataclass(frozen=True)
class LeverFrontiers:
    """Small creaming frontiers for contract variants: (premium, basis, frontier) each."""

    variants: tuple[tuple[float, str, CreamingFrontier], ...]


@dataclass(frozen=True)
class ParkingLevers:
    """The investor's preferred parked share under the scenario's contract and under each
    lever: (lever key, the contract with that lever, its parking frontier)."""

    variants: tuple[tuple[str, Scenario, ParkingFrontier], ...]


@dataclass(frozen=True)
class DealTerms:
    """What each side asks on the Deal space page."""

    target_irr: float
    max_loss_probability: float
    willingness_to_pay: float | None
