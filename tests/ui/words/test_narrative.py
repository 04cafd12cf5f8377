"""Plain-language sentences: derived from the same figures as the numbers beside them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sib_model import PRESETS, Scenario, creaming_frontier, evaluate, parking_frontier
from ui import charts
from ui.text.translator import Translator
from ui.words import narrative
from ui.words.headline import headline_figures

ROOT = Path(__file__).resolve().parents[3]
EN, DA = Translator("en"), Translator("da")


@pytest.mark.parametrize(
    ("loss", "expected"),
    [
        (0.25, "In **8 of 10** simulated futures"),
        (0.31, "In **7 of 10** simulated futures"),
        (0.0, "In **all** simulated futures"),
        (1.0, "In **none** of the simulated futures"),
        (0.96, "In **4 of 100** simulated futures"),
        (0.99, "In **1 of 100** simulated futures"),
        (0.999, "In **fewer than 1 in 100**"),
        (0.001, "In **almost every** simulated future"),
        (0.04, "In **96 of 100** simulated futures"),
    ],
)
def test_money_back_sentence_rounds_but_never_overstates(loss, expected):
    assert narrative.money_back_sentence(loss, EN).startswith(expected)


def _money_back_share(sentence: str) -> tuple[float, float]:
    """The range of 'money back' shares a sentence allows."""
    if "**all**" in sentence:
        return 1.0, 1.0
    if "**none**" in sentence:
        return 0.0, 0.0
    if "almost every" in sentence:
        return 0.99, 1.0
    if "fewer than 1 in 100" in sentence:
        return 0.0, 0.01
    k, n = map(int, re.search(r"\*\*(\d+) of (\d+)\*\*", sentence).groups())
    half = 0.5 / n
    return k / n - half, k / n + half


@pytest.mark.parametrize("loss", [x / 1000 for x in range(0, 1001, 7)] + [0.004, 0.996])
def test_the_money_back_sentence_agrees_with_the_loss_percentage_shown(loss):
    shown = round(loss * 100) / 100  # the metric shows whole per cent
    low, high = _money_back_share(narrative.money_back_sentence(loss, EN))
    back = 1 - loss
    assert low - 1e-9 <= back <= high + 1e-9
    # ... and the percentage beside it does not contradict it by more than its own rounding.
    assert low - 0.005 - 1e-9 <= 1 - shown <= high + 0.005 + 1e-9


@pytest.mark.parametrize("difficulty", [0.0, 0.1, 0.5, 0.9, 1.0])
def test_no_explorer_sentence_contradicts_the_metric_beside_it(difficulty):
    s = Scenario(difficulty=difficulty)
    summary = evaluate(s).summary
    figures = {f.key: f for f in headline_figures(summary, EN)}
    sentence = narrative.explorer_sentences(summary, s, EN)[0]
    loss_shown = float(figures["loss"].value.rstrip("%")) / 100
    low, high = _money_back_share(sentence)
    assert low - 0.005 - 1e-9 <= 1 - loss_shown <= high + 0.005 + 1e-9, (sentence, loss_shown)


def test_the_sib_sentence_calls_the_extra_cost_profit_when_the_investor_cannot_lose():
    easy = Scenario(difficulty=0.0, success_probability=0.7)
    summary = evaluate(easy).summary
    assert summary["probability_of_loss"] < 1e-9
    sentence = narrative.sib_extra_cost_sentence(summary, easy, EN)
    assert "almost never loses" in sentence
    assert "price for carrying" not in sentence


def test_the_sib_sentence_names_a_risk_premium_when_the_investor_can_lose():
    summary = evaluate(Scenario()).summary
    assert 0 < summary["probability_of_loss"] < 1
    sentence = narrative.sib_extra_cost_sentence(summary, Scenario(), EN)
    assert "its price for carrying a 26% chance of losing money" in sentence


def test_the_sib_sentence_when_the_sib_is_cheaper():
    hardest = Scenario(difficulty=1.0)
    summary = evaluate(hardest).summary
    assert narrative.sib_vs_direct_difference(summary) > 0
    assert "better" in narrative.sib_extra_cost_sentence(summary, hardest, EN)


def test_explorer_sentences_speak_of_threshold_caps_and_guarantee_only_when_set():
    plain = narrative.explorer_sentences(evaluate(Scenario()).summary, Scenario(), EN)
    assert not any("threshold is met" in s or "cap binds" in s or "guarantor" in s for s in plain)
    s = Scenario(
        success_threshold=0.3, payment_cap=6_000_000, guarantee_share=0.5, investor_return_cap=1.2
    )
    sentences = narrative.explorer_sentences(evaluate(s).summary, s, EN)
    for words in ("threshold is met", "cap binds", "guarantor covers", "at most **1.20×**"):
        assert any(words in x for x in sentences), words


def test_explorer_sentences_when_the_investor_puts_in_nothing():
    s = Scenario(fixed_costs=0.0, provider_fee_at_risk=1.0)
    sentences = narrative.explorer_sentences(evaluate(s).summary, s, EN)
    assert "no money" in sentences[0]
    assert not any("gets its money back" in sentence for sentence in sentences)


def test_explorer_sentences_when_the_programme_adds_nothing():
    s = Scenario(counterfactual_probability=0.9)
    sentences = narrative.explorer_sentences(evaluate(s).summary, s, EN)
    assert any("no additional outcomes" in sentence for sentence in sentences)
    assert not any("deadweight" in sentence for sentence in sentences)


def test_the_wrong_pocket_sentence_names_the_pockets_that_get_something():
    def sentence(**changes):
        s = Scenario(**changes)
        summary = evaluate(s).summary
        return narrative.wrong_pocket_sentence(summary, s, EN), summary

    text, summary = sentence()  # by default the whole wrong pocket is the state's
    assert text.startswith("Only 50% of the expected public saving of DKK 11.8m")
    assert (
        f"the rest, {EN.fmt.amount(summary['expected_state_saving_pv'])}, lands with the state"
        in text
    )
    assert "region" not in text
    text, summary = sentence(state_share_of_other_savings=0.0)
    assert "lands with the region" in text
    assert "state" not in text
    text, summary = sentence(municipal_share_of_savings=0.3, state_share_of_other_savings=0.8)
    for key in ("expected_commissioner_saving_pv", "expected_state_saving_pv"):
        assert EN.fmt.amount(summary[key]) in text
    assert f"{EN.fmt.amount(summary['expected_region_saving_pv'])} with the region" in text
    assert "no wrong pocket" in sentence(municipal_share_of_savings=1.0)[0]
    assert "no expected public saving" in sentence(counterfactual_probability=0.9)[0]


@pytest.mark.parametrize("translator", [EN, DA])
def test_the_wrong_pocket_sentence_quotes_the_charts_kroner(translator):
    s = Scenario(municipal_share_of_savings=0.3, state_share_of_other_savings=0.8)
    summary = evaluate(s).summary
    text = narrative.wrong_pocket_sentence(summary, s, translator)
    figure = charts.wrong_pocket_chart(summary, translator)
    for trace in figure.data[1:]:
        # "State: DKK 6.6m (56% …)": the amount between the colon and the bracket.
        amount = trace.hovertext[0].split(": ", 1)[1].split(" (")[0]
        assert amount in text, (amount, text)


def test_creaming_sentences_name_each_partys_preference_and_the_gap():
    sentences = narrative.creaming_sentences(creaming_frontier(Scenario(), n_points=11), DA)
    text = " ".join(sentences)
    assert "sværhedsgrad 0,00" in text
    assert "sværhedsgrad 1,00" in text
    assert "**1,00** sværere" in text


def test_creaming_sentences_without_any_preference():
    frontier = creaming_frontier(Scenario(success_threshold=1.0, payment_cap=0.0), n_points=5)
    text = " ".join(narrative.creaming_sentences(frontier, EN))
    assert "no preference" in text
    assert "creaming tension" not in text


def test_parking_sentences_say_plainly_when_the_contract_rewards_parking():
    s = Scenario(difficulty_spread=0.3)
    rewarded = narrative.parking_sentences(parking_frontier(s, n_points=5), s, EN)
    assert rewarded[0].startswith("**This contract rewards parking.**")
    # Paying only above the baseline, at a price that makes that financeable (DESIGN.md:
    # about 320,000 DKK), serving a citizen of the reference group pays for itself.
    fair = Scenario(payment_basis="above_baseline", price_per_outcome=320_000)
    not_rewarded = narrative.parking_sentences(parking_frontier(fair, n_points=5), fair, EN)
    assert "does not reward parking" in not_rewarded[0]


def test_the_reality_sentence_names_the_figures_outside_what_has_been_seen():
    from sib_model.reality import reality_check

    s = Scenario()
    sentence = narrative.reality_sentence(reality_check(s, evaluate(s).summary), EN)
    assert sentence.startswith("2 of 6 figures lie outside")
    assert "Success with the programme vs without" in sentence


# Issue 20, item 12 ("figures a finance officer questions"): on the article's example the
# municipality pays 716,024 DKK more in present value (its flows discounted at 3 % a year)
# than funding the programme directly, while the investor earns 1,000,000 DKK over the years,
# undiscounted: the sentence names both, rounded to three significant figures.
ARTICLE_SIB_SENTENCE = {
    "en": (
        "For the municipality the SIB costs **DKK 716,000 more** than funding the programme "
        "directly, in present value (discounted at 3.0% a year). That is the investor's expected "
        "profit in today's kroner; counted without discounting, the investor expects to earn "
        "DKK 1m in all over the years — its price for carrying a 26% chance of losing money."
    ),
    "da": (
        "For kommunen koster den sociale investering **716.000 kr. mere** end at finansiere "
        "indsatsen direkte, i nutidsværdi (diskonteret med 3,0 % om året). Det er investorens "
        "forventede gevinst i dagens kroner; uden diskontering forventer investoren at tjene "
        "1 mio. kr. i alt over årene — dens pris for at bære en risiko på 26 % for at tabe penge."
    ),
}
ARTICLE_WRONG_POCKET_SENTENCE = {
    "en": (
        "Only 50% of the expected public saving of DKK 11.8m lands in the municipality's "
        "budget (DKK 5.89m); the rest, DKK 5.89m, lands with the state. For society as a whole "
        "the programme is worth **DKK 4.96m** (all in present value, discounted at 3.0% a year)."
    ),
    "da": (
        "Kun 50 % af den forventede offentlige besparelse på 11,8 mio. kr. lander i kommunens "
        "budget (5,89 mio. kr.); resten, 5,89 mio. kr., lander hos staten. For samfundet som "
        "helhed er indsatsen **4,96 mio. kr.** værd (alt i nutidsværdi, diskonteret med 3,0 % "
        "om året)."
    ),
}


@pytest.mark.parametrize("t", [EN, DA], ids=["en", "da"])
def test_the_sib_sentence_says_which_amount_is_discounted_and_which_is_not(t):
    article = PRESETS["article"]
    summary = evaluate(article).summary
    assert narrative.sib_vs_direct_difference(summary) == pytest.approx(-716_024, abs=1)
    assert summary["expected_investor_profit"] == pytest.approx(1_000_000)
    assert narrative.sib_extra_cost_sentence(summary, article, t) == ARTICLE_SIB_SENTENCE[t.lang]


@pytest.mark.parametrize("t", [EN, DA], ids=["en", "da"])
def test_the_wrong_pocket_sentence_says_its_amounts_are_present_values(t):
    article = PRESETS["article"]
    summary = evaluate(article).summary
    sentence = narrative.wrong_pocket_sentence(summary, article, t)
    assert sentence == ARTICLE_WRONG_POCKET_SENTENCE[t.lang]


def test_the_sentences_name_the_scenarios_own_discount_rate():
    s = PRESETS["article"].replace(discount_rate=0.035)
    sentences = " ".join(narrative.explorer_sentences(evaluate(s).summary, s, DA))
    assert sentences.count("diskonteret med 3,5 % om året") == 2


@pytest.mark.parametrize("t", [EN, DA], ids=["en", "da"])
@pytest.mark.parametrize("name", ["article", "ballerup", "peterborough", "utah"])
def test_the_sib_sentence_and_the_headline_delta_state_the_same_difference(name, t):
    # One true number: "−716.000 kr. mod at finansiere selv" under the municipality's net
    # and "**716.000 kr. mere**" in the sentence beside it.
    s = PRESETS[name]
    summary = evaluate(s).summary
    commissioner = next(f for f in headline_figures(summary, t) if f.key == "commissioner")
    assert commissioner.delta is not None
    shown = commissioner.delta.split(" vs ")[0].split(" mod ")[0].lstrip("−+")
    sentence = narrative.sib_extra_cost_sentence(summary, s, t)
    assert f"**{shown} " in sentence, (commissioner.delta, sentence)
    assert shown == t.fmt.amount(abs(narrative.sib_vs_direct_difference(summary)))
