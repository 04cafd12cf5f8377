"""Command-line summary of a scenario: ``python -m sib_model [--preset KEY] [field=value …]``.

For analysts who want the numbers without the dashboard, and for checking a scenario link:
``python -m sib_model --preset aalborg difficulty=0.7 price_per_outcome=180000``.
"""

from __future__ import annotations

import argparse
import sys

from . import PRESET_DETAILS, PRESETS, Scenario, ScenarioError, creaming_frontier, evaluate
from .codec import parse_field_text
from .cohort import DEFAULT_DRAWS, DEFAULT_SEED
from .preferences import Preference
from .scenario import allowed_range
from .summary import statistic

_LINES = [
    (
        "Chosen group: success with / without the programme",
        "group_success_probability",
        "group_counterfactual_probability",
        "pct",
    ),
    ("Expected investor IRR (median)", "expected_investor_irr", "median_investor_irr", "pct"),
    (
        "Probability of loss (of total loss)",
        "probability_of_loss",
        "probability_of_total_loss",
        "pct",
    ),
    ("Expected money multiple", "expected_investor_moic", None, "x"),
    ("Expected outcomes (additional)", "expected_outcomes", "expected_additional_outcomes", "n"),
    ("Deadweight share", "deadweight_share", None, "pct"),
    ("Expected payment, DKK", "expected_payment", None, "dkk"),
    ("Cost per additional outcome, DKK", "cost_per_additional_outcome", None, "dkk"),
    (
        "Commissioner net (PV), DKK: SIB / direct funding",
        "expected_commissioner_net",
        "expected_conventional_net",
        "dkk",
    ),
    (
        "Saving with the state (the region), PV, DKK",
        "expected_state_saving_pv",
        "expected_region_saving_pv",
        "dkk",
    ),
    ("Society net (PV), DKK", "expected_society_net", None, "dkk"),
]


def _preference(preference: Preference) -> str:
    """The preferred difficulty, or why there is none in a few words."""
    if preference.clear:
        return _format(preference.at, "d")
    return "none (" + preference.reason.replace("_", " ") + ")"


def _format(value: float, kind: str) -> str:
    if value != value:  # NaN
        return "n/a"
    return {
        "pct": f"{value:.1%}",
        "x": f"{value:.2f}×",
        "n": f"{value:.1f}",
        "d": f"{value:.2f}",
        "dkk": f"{value:,.0f}",
    }[kind]


def main(argv: list[str] | None = None) -> int:
    """Print a preset's figures with the given changes; the exit code is 0, or 2 for a bad
    argument, whose message names the field and the values it takes (as a link's would).

    ``argv`` defaults to the command line; tests pass their own.
    """
    parser = argparse.ArgumentParser(
        prog="python -m sib_model",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--preset", choices=sorted(PRESETS), default="article")
    parser.add_argument(
        "--draws",
        type=int,
        default=DEFAULT_DRAWS,
        help="simulated contracts where the result cannot be exact (the "
        "dashboard's default gives the dashboard's figures)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "changes",
        nargs="*",
        metavar="field=value",
        help="scenario fields to change, e.g. difficulty=0.8",
    )
    args = parser.parse_args(argv)
    changes = {}
    for item in args.changes:
        field, sep, value = item.partition("=")
        if not sep:
            parser.error(f"expected field=value, got {item!r}")
        try:
            changes[field] = (
                parse_field_text(field, value) if field in Scenario.model_fields else value
            )  # an unknown field is named by Scenario below
        except ValueError:
            print(
                f"error: {field}: {value!r} is not allowed; allowed: {allowed_range(field)}",
                file=sys.stderr,
            )
            return 2
    try:
        scenario = PRESETS[args.preset].replace(**changes)
        if not 1 <= args.draws <= 10_000_000:
            raise ValueError(f"--draws must be from 1 to 10,000,000, got {args.draws}")
        result = evaluate(scenario, args.draws, seed=args.seed)
    except (ScenarioError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"{PRESET_DETAILS[args.preset].title['en']} (illustrative)")
    if changes:
        print("changed: " + ", ".join(f"{k}={v}" for k, v in changes.items()))
    print(
        "exact (every possible result, weighted by its probability)\n"
        if result.method == "exact"
        else f"{result.n_simulations:,} simulated contracts, seed {args.seed}\n"
    )
    summary = result.summary
    for label, first, second, kind in _LINES:
        text = _format(statistic(summary, first), kind)
        if second:
            text += f"  ({_format(statistic(summary, second), kind)})"
        print(f"  {label:<52}{text}")
    frontier = creaming_frontier(scenario, n_points=21, n_simulations=args.draws, seed=args.seed)
    investor = _preference(frontier.investor)
    commissioner = _preference(frontier.municipality)
    print(
        f"\n  Creaming: the investor's best group has difficulty {investor} (highest "
        f"expected IRR), the commissioner's {commissioner} (best net on its own budget); "
        f"0 = easiest, 1 = hardest."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
