"""Reality check: a scenario's figures against published ranges (REFERENCES.md)."""

from __future__ import annotations

import math

import pytest

from sib_model import PRESETS, Scenario, evaluate
from sib_model.reality import BENCHMARKS, DKK_PER_USD, reality_check


def _verdicts(s: Scenario) -> dict[str, str]:
    return {c.benchmark.key: c.verdict for c in reality_check(s, evaluate(s).summary)}


def test_every_benchmark_cites_its_source_and_a_range():
    for benchmark in BENCHMARKS:
        assert benchmark.low < benchmark.high
        assert benchmark.source


def test_the_aalborg_like_preset_sits_where_aalborg_did():
    # About twice the job centre's usual rate, 120 citizens, a few million DKK: all seen.
    verdicts = _verdicts(PRESETS["aalborg"])
    assert verdicts["effect"] == verdicts["cohort_dk"] == verdicts["capital_dk"] == "within"
    assert verdicts["irr"] == "within"


def test_the_articles_effect_is_more_optimistic_than_anything_published():
    # 40 % against 15 %: 2.7 times the rate without the programme; Aalborg managed about 2.
    assert _verdicts(Scenario())["effect"] == "outside"


def test_a_ten_citizen_pilot_is_small_even_by_danish_standards():
    verdicts = _verdicts(PRESETS["ballerup"])
    assert verdicts["cohort_dk"] == "outside"
    assert verdicts["cohort_world"] == "far_outside"


def test_peterborough_is_large_for_denmark_but_ordinary_worldwide():
    verdicts = _verdicts(PRESETS["peterborough"])
    assert verdicts["cohort_dk"] == "far_outside"
    assert verdicts["cohort_world"] == "within"
    assert verdicts["capital_world"] == "within"


def test_international_capital_is_converted_from_dollars():
    world = next(b for b in BENCHMARKS if b.key == "capital_world")
    assert (world.low, world.high) == pytest.approx((0.5e6 * DKK_PER_USD, 3.2e6 * DKK_PER_USD))


@pytest.mark.parametrize(
    ("irr", "verdict"),
    [
        (0.12, "within"),
        (0.21, "within"),
        (0.3, "outside"),
        (0.5, "far_outside"),
        (-0.3, "far_outside"),
    ],
)
def test_the_return_is_read_as_a_rough_published_range(irr, verdict):
    # "about 1–20 %" is read 10 % wider each way: 21 % is still about 20 %.
    s = Scenario()
    summary = {**evaluate(s).summary, "expected_investor_irr": irr}
    checks = {c.benchmark.key: c.verdict for c in reality_check(s, summary)}  # type: ignore[arg-type]
    assert checks["irr"] == verdict


def test_a_figure_that_is_not_defined_is_left_out():
    s = Scenario()
    summary = {**evaluate(s).summary, "expected_investor_irr": math.nan}
    keys = {c.benchmark.key for c in reality_check(s, summary)}  # type: ignore[arg-type]
    assert "irr" not in keys
    assert "cohort_dk" in keys
