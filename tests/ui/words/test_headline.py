"""Headline figures and their change from the baseline, in the reader's words."""

from __future__ import annotations

from sib_model import (
    Scenario,
    evaluate,
)
from ui.text.translator import Translator
from ui.words.headline import change_text, headline_figures

EN, DA = Translator("en"), Translator("da")


NOW = Scenario(cohort_size=60, difficulty=0.7)


BEFORE = Scenario()


def test_each_headline_figure_shows_its_change_from_the_baseline_in_the_readers_words():
    now, before = evaluate(NOW).summary, evaluate(BEFORE).summary
    figures = headline_figures(now, DA, before)
    assert all(f.delta and f.delta.endswith("ift. baseline") for f in figures)
    change = (now["expected_investor_irr"] - before["expected_investor_irr"]) * 100
    irr = next(f for f in figures if f.key == "irr")
    assert irr.delta == f"−{DA.fmt.number(abs(change), 1)} pct.-point ift. baseline"
    assert (irr.delta_arrow, irr.shown_colour) == ("down", "red")
    loss = next(f for f in figures if f.key == "loss")
    assert loss.delta.startswith("+")
    assert loss.delta_color == "inverse"
    assert (loss.delta_arrow, loss.shown_colour) == ("up", "red")


def test_the_municipalitys_net_against_direct_funding_points_down_in_red_when_worse():
    # The delta starts with the typographic minus, which Streamlit does not read as falling:
    # the arrow and the colour are given with it.
    commissioner = next(
        f for f in headline_figures(evaluate(BEFORE).summary, DA) if f.key == "commissioner"
    )
    assert commissioner.delta.startswith("−")
    assert (commissioner.delta_arrow, commissioner.shown_colour) == ("down", "red")


def test_no_change_reads_plus_minus_zero_in_grey():
    summary = evaluate(BEFORE).summary
    text, colour = change_text("commissioner", summary, summary, EN)
    assert text == "±DKK 0.0m vs baseline"
    assert colour == "off"
    unchanged = headline_figures(summary, EN, summary)
    assert {(f.delta_arrow, f.shown_colour) for f in unchanged} == {("off", "off")}
