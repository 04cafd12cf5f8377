"""Reality check: where a scenario sits among figures published for real impact bonds.

A workshop can set any number; this module says when an assumption is far from anything
seen in practice. Each :class:`Benchmark` is a published range with its source (REFERENCES.md),
and :func:`reality_check` places one scenario's inputs and results against every benchmark:
inside the range, outside it, or far outside (beyond twice the range's end, or below half its
start).

Dollar figures are converted at ``DKK_PER_USD`` (about the 2024 average); they are rough
values and the checks say so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from .scenario import Scenario
from .summary import Summary
from .targeting import counterfactual_probability_at, success_probability_at

__all__ = ["Benchmark", "Check", "BENCHMARKS", "reality_check", "DKK_PER_USD"]

#: Danish kroner per US dollar used to convert INDIGO's figures (about the 2024 average).
DKK_PER_USD = 6.9

Verdict = Literal["within", "outside", "far_outside"]
Unit = Literal["money", "count", "fraction", "ratio"]


@dataclass(frozen=True)
class Benchmark:
    """A published range for one figure of a contract.

    ``key`` names the figure (and its text in the dashboard's catalog), ``low`` and ``high``
    bound what was seen, ``source`` says where (REFERENCES.md), ``value`` reads the same
    figure off a scenario and its summary."""

    key: str
    unit: Unit
    low: float
    high: float
    source: str
    value: Callable[[Scenario, Summary], float]
    #: A rough published figure ("about twice"): the range is read 10 % wider each way.
    rough: bool = False


@dataclass(frozen=True)
class Check:
    """One figure of the scenario against its benchmark."""

    benchmark: Benchmark
    value: float
    verdict: Verdict


def _effect_ratio(s: Scenario, _: Summary) -> float:
    """How many times more often the chosen group succeeds with the programme than without."""
    without = float(counterfactual_probability_at(s))
    return float(success_probability_at(s)) / without if without > 0 else float("inf")


#: The published ranges, each with its source.
BENCHMARKS: tuple[Benchmark, ...] = (
    Benchmark(
        "cohort_dk",
        "count",
        20,
        450,
        "INDIGO: the 13 Danish social investment projects served 20–450 citizens",
        lambda s, _: float(s.cohort_size),
    ),
    Benchmark(
        "cohort_world",
        "count",
        141,
        2_000,
        "INDIGO (Dec 2024, 320 projects): targeted service users, quartiles 141–2,000",
        lambda s, _: float(s.cohort_size),
    ),
    Benchmark(
        "capital_dk",
        "money",
        1.0e6,
        18.4e6,
        "INDIGO: Danish projects raised 1.0–18.4 million DKK each",
        lambda _, summary: summary["expected_capital"],
    ),
    Benchmark(
        "capital_world",
        "money",
        0.5e6 * DKK_PER_USD,
        3.2e6 * DKK_PER_USD,
        "INDIGO (Dec 2024): investment quartiles USD 0.5–3.2 million (converted at "
        "6.9 DKK per USD)",
        lambda _, summary: summary["expected_capital"],
    ),
    Benchmark(
        "irr",
        "fraction",
        0.01,
        0.20,
        "Brookings: of about 50 completed impact bonds, investors were repaid in all but "
        "2, with returns of about 1–20 % a year",
        lambda _, summary: summary["expected_investor_irr"],
        rough=True,
    ),
    Benchmark(
        "effect",
        "ratio",
        1.1,
        2.0,
        "Published effects: Peterborough about 1.1 times the comparison group's rate "
        "(a 9 % cut in reconvictions), Aalborg IMPACT60 about twice the job centre's "
        "usual rate",
        _effect_ratio,
        rough=True,
    ),
)


def _verdict(value: float, low: float, high: float, rough: bool) -> Verdict:
    if rough:
        low, high = low - 0.1 * abs(low), high + 0.1 * abs(high)
    if low <= value <= high:
        return "within"
    far = value > 2 * high if value > high else value < low / 2
    return "far_outside" if far else "outside"


def reality_check(s: Scenario, summary: Summary) -> list[Check]:
    """Every benchmark with the scenario's value and where it falls (figures that are not
    defined for the scenario, say a deadweight share without outcomes, are left out)."""
    checks = []
    for benchmark in BENCHMARKS:
        value = benchmark.value(s, summary)
        if value != value:  # NaN: not defined for this scenario
            continue
        verdict = _verdict(value, benchmark.low, benchmark.high, benchmark.rough)
        checks.append(Check(benchmark, value, verdict))
    return checks
