"""Model performance figures that the issues ask for (a script, not a timed test).

Run from the repository root::

    .venv/bin/python -m benchmarks.model_benchmark

Prints, in one run on this machine (compare ratios, not absolute times — the machine is small
and shared):

* ``simulate`` at 10,000 and 100,000 draws, and its ratio to the bare numpy draws it needs
  (binomial starters, beta success rates, binomial outcomes). Target: at most 2×. Building
  the per-draw table (``result.draws``, done on first use) is timed separately.
* the vectorised IRR against a per-row ``numpy_financial.irr`` loop on the same 100,000
  investor cash-flow rows from the model. Target: at least 100× faster, equal to 1e-6.
* ``evaluate`` (what every page uses) on its exact route against ``simulate`` with 4,000
  sampled draws, for cohorts of 100, 300 and 1,000 (everybody starts, and a referral
  shortfall). Every homogeneous cohort is exact (issue 16: no switch to Monte Carlo).
* a slider move at cohort 10,000: ``evaluate`` of a scenario not seen before (the success
  probability moved one step), everybody starting and with referral shortfalls of 10 % and
  50 %, and a mixed cohort. Target: under 50 ms for the homogeneous cohorts.
* ``creaming_frontier`` with 51 points × 10,000 draws (target under 0.5 s), ``deal_space``
  with 40 × 40 × 5,000 draws (target under 2 s) and ``parking_frontier`` with 21 points ×
  10,000 draws on a mixed cohort (target under 0.5 s; a mixed cohort is counted per
  stratum on the analyses' 4,000 futures whatever its size, printed beside the time).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator

import numpy as np
import numpy_financial as npf

from sib_model import (
    Scenario,
    creaming_frontier,
    deal_space,
    evaluate,
    irr,
    parking_frontier,
    simulate,
)
from sib_model.cohort import DEFAULT_DRAWS
from sib_model.contract import investor_cash_flows
from sib_model.targeting import success_probability_at


def best_of(fn: Callable[[], object], repeat: int = 7) -> float:
    """Median wall time of ``repeat`` calls, in seconds (after one warm-up call)."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_numpy_draws(s: Scenario, n: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    p = float(success_probability_at(s))
    kappa = s.evidence_strength
    starters = rng.binomial(s.cohort_size, s.referral_rate, size=n)
    theta = rng.beta(kappa * p, kappa * (1 - p), size=n)
    rng.binomial(starters, theta)


def main() -> int:
    s = Scenario(referral_rate=0.9)  # a referral shortfall: all three draws do real work
    print("SIB Scenario Explorer — model benchmark (median of 7 runs)\n")
    print(f"{'what':<52}{'time':>12}{'ratio':>10}  target")
    for n in (10_000, 100_000):
        numpy_time = best_of(lambda n=n: bare_numpy_draws(s, n, 1))
        sim_time = best_of(lambda n=n: simulate(s, n, seed=1))
        table_time = best_of(lambda n=n: simulate(s, n, seed=1).draws)
        print(f"{'bare numpy draws, ' + format(n, ',') + ' draws':<52}{numpy_time * 1e3:>9.1f} ms")
        print(
            f"{'simulate, ' + format(n, ',') + ' draws':<52}{sim_time * 1e3:>9.1f} ms"
            f"{sim_time / numpy_time:>9.2f}×  ≤ 2× numpy"
            + ("  (and < 50 ms)" if n == 10_000 else "")
        )
        print(
            f"{'simulate + per-draw table, ' + format(n, ',') + ' draws':<52}"
            f"{table_time * 1e3:>9.1f} ms{table_time / numpy_time:>9.2f}×"
        )

    rng = np.random.default_rng(7)
    rows = 100_000
    s_flows = Scenario(payment_lag_years=1, duration_years=3)
    flows = investor_cash_flows(s_flows, rng.uniform(2e6, 8e6, rows), rng.uniform(0, 2e7, rows))
    flows[:, 0] -= rng.uniform(0, 2e6, rows)
    vector_time = best_of(lambda: irr(flows), repeat=5)
    sample = 5_000  # the loop is timed on a sample and scaled: 100,000 rows take minutes
    start = time.perf_counter()
    looped = np.array([npf.irr(row) for row in flows[:sample]])
    loop_time = (time.perf_counter() - start) * rows / sample
    vectorised = irr(flows)
    both = ~np.isnan(looped)
    max_diff = float(np.max(np.abs(vectorised[:sample][both] - looped[both])))
    same_nans = bool((np.isnan(vectorised[:sample]) == np.isnan(looped)).all())
    print(f"{'IRR, 100,000 rows, vectorised':<52}{vector_time * 1e3:>9.1f} ms")
    print(
        f"{'IRR, 100,000 rows, numpy_financial loop (scaled)':<52}{loop_time * 1e3:>9.1f} ms"
        f"{loop_time / vector_time:>9.0f}×  ≥ 100× faster"
    )
    print(
        f"{'IRR, largest difference on ' + format(sample, ',') + ' rows':<52}{max_diff:>12.1e}"
        f"{'':>10}  ≤ 1e-6 (same NaNs: {same_nans})"
    )

    for cohort in (100, 300, 1_000):
        for referral in (1.0, 0.9):
            case = Scenario(cohort_size=cohort, referral_rate=referral)
            method = evaluate(case).method
            exact_time = best_of(lambda case=case: evaluate(case), repeat=5)
            sampled_time = best_of(lambda case=case: simulate(case, 4_000, seed=1), repeat=5)
            label = f"evaluate ({method}), cohort {cohort:,}, referral {referral:g}"
            print(
                f"{label:<52}{exact_time * 1e3:>9.1f} ms"
                f"{exact_time / sampled_time:>9.2f}×  vs simulate 4,000 draws "
                f"({sampled_time * 1e3:.1f} ms)"
            )

    for referral, spread in ((1.0, 0.0), (0.9, 0.0), (0.5, 0.0), (1.0, 0.3)):
        base = Scenario(cohort_size=10_000, referral_rate=referral, difficulty_spread=spread)
        step = iter(range(1, 1_000))

        def slider_move(base: Scenario = base, step: Iterator[int] = step) -> object:
            # A new success probability each call: nothing is reused from a previous call
            # but what a real slider move could reuse (the fixed common random numbers).
            return evaluate(base.replace(success_probability=0.4 + 1e-4 * next(step)))

        move_time = best_of(slider_move, repeat=7)
        kind = "mixed, spread 0.3" if spread else f"referral {referral:g}"
        target = "  < 50 ms" if spread == 0 else ""
        print(
            f"{'slider move, cohort 10,000, ' + kind:<52}{move_time * 1e3:>9.1f} ms{'':>10}{target}"
        )

    frontier_time = best_of(
        lambda: creaming_frontier(Scenario(), n_points=51, n_simulations=10_000), repeat=3
    )
    print(
        f"{'creaming_frontier, 51 points × 10,000 draws':<52}{frontier_time * 1e3:>9.1f} ms"
        f"{'':>10}  < 500 ms"
    )
    deal_time = best_of(
        lambda: deal_space(Scenario(), n_prices=40, n_difficulties=40, n_simulations=5_000),
        repeat=3,
    )
    print(
        f"{'deal_space, 40 × 40 × 5,000 draws':<52}{deal_time * 1e3:>9.1f} ms{'':>10}  < 2,000 ms"
    )
    mixed = Scenario(difficulty_spread=0.3)
    parking_time = best_of(lambda: parking_frontier(mixed, n_points=21), repeat=3)
    futures = DEFAULT_DRAWS
    print(
        f"{'parking_frontier, 21 points, mixed cohort of 100':<52}{parking_time * 1e3:>9.1f} ms"
        f"{'':>10}  < 500 ms ({futures:,} futures per point)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
