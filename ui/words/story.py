"""The guided story: the steps a facilitator clicks through in about ten minutes, as data.

Each step is a scenario (the defaults with a few changes), the one chart that matters and
the text keys of its title and of what to notice (``story_<key>_title``,
``story_<key>_notice``). The numbers in the notice come from the same
:func:`sib_model.evaluate` summary the Explorer shows, formatted by the translator
(:func:`notice_values`); a step never states a number the model computes. The page
(``app_pages/story.py``) only places what this module describes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sib_model import Scenario, Summary
from ui.text.numbers import NumberFormat
from ui.words.narrative import discount_rate_words

__all__ = ["Step", "STEPS", "EXPLORER_CHARTS", "step_number", "notice_values"]

#: Charts drawn by ``ui.app.results.explorer_chart``; any other key is a ``page_chart``.
EXPLORER_CHARTS = frozenset(
    {
        "explorer_investor_irr",
        "explorer_commissioner",
        "explorer_wrong_pocket",
        "explorer_payoff",
        "explorer_cash_flows",
    }
)


@dataclass(frozen=True)
class Step:
    """One step of the story: its key, how its scenario differs from the defaults, and the
    chart to show."""

    key: str
    chart: str
    changes: Mapping[str, Any] = field(default_factory=dict)

    @property
    def scenario(self) -> Scenario:
        """The step's scenario: the defaults with its changes, never the previous step's, so
        a room that jumps to a step sees what a room that clicked there sees."""
        return Scenario().replace(**self.changes)


#: The story in order. Each step starts from the defaults, so a room that jumps to a step
#: sees the same picture as a room that clicked its way there.
STEPS: tuple[Step, ...] = (
    # A small cohort: the investor's whole bet rides on a few dozen citizens.
    Step("investor", "explorer_investor_irr", {"cohort_size": 60}),
    Step("municipality", "explorer_commissioner"),
    # Many would have found a job anyway, and the contract pays for every outcome.
    Step("deadweight", "explorer_commissioner", {"counterfactual_probability": 0.3}),
    # An easy group: the investor's favourite, and the municipality's worst buy.
    Step("creaming", "creaming_frontier", {"difficulty": 0.2}),
    # A mixed cohort: inside the contract the provider can leave the hardest aside.
    Step("parking", "parking_frontier", {"difficulty_spread": 0.3}),
    # Most of the saving lands in the state's and the region's budgets (a fifth of the wrong
    # pocket with the region: illustrative, so the room sees all three pockets).
    Step(
        "wrong_pocket",
        "explorer_wrong_pocket",
        {"municipal_share_of_savings": 0.3, "state_share_of_other_savings": 0.8},
    ),
    # The design levers, one at a time.
    Step("rate_card", "creaming_frontier", {"difficulty_premium": 1.0, "difficulty": 0.8}),
    Step(
        "baseline",
        "explorer_commissioner",
        {"counterfactual_probability": 0.3, "payment_basis": "above_baseline"},
    ),
    Step("threshold", "explorer_payoff", {"success_threshold": 0.3}),
    Step("cap", "explorer_payoff", {"payment_cap": 7_000_000.0}),
    Step("guarantee", "explorer_investor_irr", {"guarantee_share": 0.5}),
)


def step_number(raw: object) -> int:
    """The step (1 … len(STEPS)) a link's ``step`` asks for; 1 when it is not a number, and
    the nearest step when it is out of range."""
    try:
        number = int(str(raw).strip())
    except ValueError:
        return 1
    return min(max(number, 1), len(STEPS))


def notice_values(step: Step, s: Scenario, summary: Summary, f: NumberFormat) -> dict[str, str]:
    """The formatted numbers of the step's notice, for scenario ``s`` (whatever the sliders
    hold now) and its ``summary`` from :func:`sib_model.evaluate`."""
    money, percent, number = f.amount, f.percent, f.number
    common = {
        # Sentences give the typical (median) return; the mean is on the chart and headline.
        "irr": percent(summary["median_investor_irr"], 1),
        "loss": percent(summary["probability_of_loss"]),
        "payment": money(summary["expected_commissioner_payment_pv"]),
        "net": money(summary["expected_commissioner_net"]),
        "outcomes": number(summary["expected_outcomes"]),
        "additional": number(summary["expected_additional_outcomes"]),
        "deadweight": percent(summary["deadweight_share"]),
        "cost": money(summary["cost_per_additional_outcome"]),
        "discount_rate": discount_rate_words(s, f),
    }
    specific: dict[str, str] = {}
    if step.key == "investor":
        specific = {
            "capital": money(summary["expected_investor_capital"]),
            "n": number(s.cohort_size),
            "p10": percent(summary["investor_irr_p10"], 1),
            "p90": percent(summary["investor_irr_p90"], 1),
        }
    elif step.key == "municipality":
        specific = {
            "saving": money(summary["expected_commissioner_saving_pv"]),
            "direct": money(summary["expected_conventional_net"]),
        }
    elif step.key in ("deadweight", "baseline"):
        specific = {
            "payable": number(summary["expected_payable_outcomes"]),
            "price": money(summary["group_price_per_outcome"]),
            "without": percent(summary["group_counterfactual_probability"]),
        }
    elif step.key in ("creaming", "rate_card"):
        specific = {
            "d": number(s.difficulty, 1),
            "price": money(summary["group_price_per_outcome"]),
        }
    elif step.key == "parking":
        specific = {"spread": number(s.difficulty_spread, 1)}
    elif step.key == "wrong_pocket":
        specific = {
            "share": percent(s.municipal_share_of_savings),
            "public": money(summary["expected_public_saving_pv"]),
            "saving": money(summary["expected_commissioner_saving_pv"]),
            "state": money(summary["expected_state_saving_pv"]),
            "region": money(summary["expected_region_saving_pv"]),
            "society": money(summary["expected_society_net"]),
        }
    elif step.key == "threshold":
        specific = {
            "threshold": percent(s.success_threshold),
            "met": percent(summary["probability_threshold_met"]),
        }
    elif step.key == "cap":
        specific = {
            "cap": money(s.payment_cap),
            "capped": percent(summary["probability_payment_capped"]),
        }
    elif step.key == "guarantee":
        specific = {
            "share": percent(s.guarantee_share),
            "unguaranteed": percent(summary["probability_of_loss_unguaranteed"]),
            "guarantor": money(summary["expected_guarantor_payment"]),
        }
    return {**common, **specific}
