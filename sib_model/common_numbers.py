"""Evaluating many variants of a scenario on the same random numbers.

An analysis that compares scenarios (difficulties, prices, one-at-a-time swings) draws one set
of :class:`~sib_model.outcomes.CommonUniforms` and feeds it to every variant, so differences
between points come from the scenario, not from the luck of the draw.
"""

from __future__ import annotations

from typing import Any

from .outcomes import CommonUniforms, common_outcomes
from .scenario import Scenario
from .simulation import Atoms, atomise, group_figures, settle_atoms
from .summary import summarise

__all__ = ["common_atoms", "common_summary"]


def common_atoms(s: Scenario, uniforms: CommonUniforms, difficulty: float | None = None) -> Atoms:
    starters, outcomes = common_outcomes(s, uniforms, difficulty)
    return atomise(starters, outcomes, s.cohort_size)


def common_summary(s: Scenario, uniforms: CommonUniforms, **overrides: Any) -> dict[str, float]:
    """``simulate(s).summary``'s statistics, computed on common random numbers."""
    atoms = common_atoms(s, uniforms, overrides.get("difficulty"))
    figures = group_figures(s if "difficulty" not in overrides
                            else s.replace(difficulty=overrides["difficulty"]))
    return {**summarise(settle_atoms(s, atoms, **overrides), atoms.counts), **figures}
