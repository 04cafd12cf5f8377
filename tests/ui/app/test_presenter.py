"""Presenter mode's key sentences: one line each, built from the same figures as the page's
own sentences and charts (one true number)."""

from __future__ import annotations

import pandas as pd
import pytest

from sib_model import Scenario, creaming_frontier, parking_frontier
from ui.app.presenter import (
    compare_key_sentence,
    creaming_key_sentence,
    levers_key_sentence,
    parking_key_sentence,
    swing_key_sentence,
)
from ui.spec.result_types import LeverFrontiers
from ui.text.translator import Translator
from ui.words import narrative

EN, DA = Translator("en"), Translator("da")


def test_the_creaming_key_sentence_names_the_groups_the_page_says_each_party_prefers():
    frontier = creaming_frontier(Scenario(), n_points=5)
    sentence = creaming_key_sentence(frontier, EN)
    said = " ".join(narrative.creaming_sentences(frontier, EN))
    investor = f"difficulty {frontier.investor.at:.2f}"
    municipality = f"difficulty {frontier.municipality.at:.2f}"
    assert sentence == (
        f"Best for the investor: **{investor}**; for the municipality: **{municipality}**."
    )
    assert investor in said
    assert municipality in said
    assert "sværhedsgrad" in creaming_key_sentence(frontier, DA)


def test_the_parking_key_sentence_gives_each_party_its_parked_share():
    frontier = parking_frontier(Scenario(difficulty_spread=0.3), n_points=5)
    sentence = parking_key_sentence(frontier, DA)
    assert sentence.startswith("Bedst for investoren: **")
    assert "parkeret" in sentence


def test_the_levers_key_sentence_moves_from_the_plain_contract_to_both_levers():
    plain = creaming_frontier(Scenario(), n_points=5)
    # Paid above the baseline at the price that basis needs (at 200,000 DKK the investor
    # loses on every group and would not sign).
    levers = creaming_frontier(
        Scenario(
            difficulty_premium=1.0, payment_basis="above_baseline", price_per_outcome=320_000.0
        ),
        n_points=5,
    )
    variants = LeverFrontiers(((0.0, "every_outcome", plain), (1.0, "above_baseline", levers)))
    sentence = levers_key_sentence(variants, EN)
    assert f"from **difficulty {plain.investor.at:.2f}**" in sentence
    assert f"to **difficulty {levers.investor.at:.2f}**" in sentence


def _swings() -> pd.DataFrame:
    rows = [
        ("difficulty", "expected_investor_irr", 0.30, -0.05, 0.35),
        ("cohort_size", "expected_investor_irr", 0.02, 0.10, 0.12),
        ("price_per_outcome", "expected_commissioner_net", 2e6, 1e6, -1e6),
    ]
    return pd.DataFrame(rows, columns=["field", "metric", "swing", "low_result", "high_result"])


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        ("expected_investor_irr", "between −5.0% and 35.0%"),
        ("expected_commissioner_net", "between −DKK 1.0m and DKK 1.0m"),
    ],
)
def test_the_swing_key_sentence_names_the_top_bar_of_the_tornado(metric, expected):
    sentence = swing_key_sentence(_swings(), metric, EN)
    assert expected in sentence
    top = "difficulty" if metric == "expected_investor_irr" else "price_per_outcome"
    assert sentence.startswith(f"**{EN.label(top)}**")


def test_the_compare_key_sentence_names_the_best_scenario_for_each_party():
    summaries = [
        ("easy", {"median_investor_irr": 0.20, "expected_commissioner_net": -1e6}),
        ("hard", {"median_investor_irr": 0.05, "expected_commissioner_net": 2e5}),
    ]
    sentence = compare_key_sentence(summaries, DA)  # type: ignore[arg-type]
    assert sentence == (
        "Højeste typiske afkast (median): **easy** (20,0 %); "
        "bedste netto for kommunen: **hard** (200.000 kr.)."
    )
