"""Explorer page through AppTest: headline numbers, plain sentences, charts that follow the
three headline sliders, and the scenario mirrored into the link."""

from __future__ import annotations

import pytest

from sib_model import Scenario, evaluate
from tests._app import (
    chart_data,
    charts,
    explorer_chart_data,
    open_explorer_tab,
    slider,
    start,
    text_of,
)
from ui.spec import keys
from ui.spec.pages import EXPLORER_TABS
from ui.text.numbers import NumberFormat

pytestmark = pytest.mark.apptest

EXPLORER_CHARTS = {
    "explorer_investor_irr",
    "explorer_commissioner",
    "explorer_wrong_pocket",
    "explorer_payoff",
    "explorer_cash_flows",
}


@pytest.fixture(scope="module")
def explorer():
    return start()


def test_explorer_draws_every_chart_in_its_tab_and_every_headline_metric(explorer):
    # Only the open tab is drawn: two charts per slider move, not five.
    assert set(chart_data(explorer)) == {"explorer_investor_irr", "explorer_commissioner"}
    for text_key, tab_charts in EXPLORER_TABS.items():
        assert set(chart_data(open_explorer_tab(explorer, text_key))) == set(tab_charts)
    assert set(explorer_chart_data(explorer)) == EXPLORER_CHARTS
    labels = [m.label for m in explorer.metric]
    assert labels == [
        "Expected investor return (IRR)",
        "Chance the investor loses money",
        "Municipality net (SIB)",
        "Money multiple",
        "Cost per additional outcome",
        "Deadweight share",
    ]
    values = {m.label: m.value for m in explorer.metric}
    assert values["Expected investor return (IRR)"].endswith("%")
    assert values["Cost per additional outcome"].startswith("DKK ")


def test_explorer_says_in_words_how_often_the_investor_gets_its_money_back(explorer):
    text = text_of(explorer)
    # Defaults: a 26 % chance of loss (exact), so 7 of 10 futures repay (0.74 rounds to 7).
    assert "In **7 of 10** simulated futures the investor gets its money back" in text
    assert {m.label: m.value for m in explorer.metric}["Chance the investor loses money"] == "26%"
    assert "no financial risk" in text  # provider_fee_at_risk = 0 by default
    assert "Only 50% of the expected public saving of DKK 11,785,881 lands" in text


def test_sidebar_shows_the_chosen_groups_probabilities(explorer):
    caption = next(c.value for c in explorer.sidebar.caption if "p(d)" in c.value)
    assert "40.0%" in caption
    assert "15.0%" in caption


@pytest.mark.parametrize(
    ("key", "value", "must_change"),
    [
        ("in_cohort_size", 60, EXPLORER_CHARTS),
        ("in_success_probability", 0.55, EXPLORER_CHARTS - {"explorer_payoff"}),
        ("in_difficulty", 0.8, EXPLORER_CHARTS),
    ],
)
def test_each_headline_slider_redraws_the_explorer_charts(key, value, must_change):
    at = start()
    before = explorer_chart_data(at)
    slider(at, key).set_value(value).run()
    assert not at.exception
    after = explorer_chart_data(at)
    changed = {name for name in before if before[name] != after[name]}
    assert must_change <= changed, f"{key} did not redraw {must_change - changed}"


def test_moving_a_slider_updates_the_link_and_the_session_scenario():
    at = start()
    slider(at, "in_cohort_size").set_value(60).run()
    assert at.query_params.get("n") == "60"
    assert at.session_state["scenario"] == Scenario(cohort_size=60)


def test_provider_at_risk_is_described_instead_of_no_risk():
    at = start({"risk": "0.5"})
    text = text_of(at)
    assert "no financial risk" not in text
    assert "funds **50%** of the delivery costs itself" in text


def test_the_reality_check_is_filled_when_opened_and_names_far_assumptions():
    at = start({"p": "0.95"})  # far above anything published
    assert not at.table  # closed: nothing built or sent on a slider move
    at.session_state[keys.REALITY_OPEN] = True
    at.run()
    assert not at.exception
    assert len(at.table) == 1
    assert "95" in text_of(at)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("Who pays, and where the saving lands", "with the state", "with the region")),
        ("da", ("Hvem betaler, og hvor lander besparelsen", "hos staten", "hos regionen")),
    ],
)
def test_explorer_pictures_the_wrong_pocket_and_its_sentence_quotes_the_picture(lang, words):
    """All three pockets get something here: 30 % for the municipality, 80 % of the rest for
    the state, the remainder for the region. The sentence names the same kroner the chart
    shows on hover, and both are the model's one number."""
    at = open_explorer_tab(
        start({"lang": lang, "share": "0.3", "state": "0.8"}), "explorer_tab_money"
    )
    figure = charts(at)["explorer_wrong_pocket"]
    title, state_words, region_words = words
    assert figure["layout"]["title"]["text"] == title
    sentence = next(m.value for m in at.markdown if state_words in m.value)
    assert region_words in sentence
    summary = evaluate(Scenario(municipal_share_of_savings=0.3, state_share_of_other_savings=0.8))
    fmt = NumberFormat(lang)
    # The defaults, pinned as the baseline, are outlined behind: leave their traces out.
    drawn = [trace for trace in figure["data"] if trace.get("legendgroup") != "baseline"]
    payment, *pockets = drawn
    keys = (
        "expected_commissioner_saving_pv",
        "expected_state_saving_pv",
        "expected_region_saving_pv",
    )
    for trace, key in zip(pockets, keys, strict=True):
        amount = fmt.money(summary.summary[key])
        assert amount in trace["hovertext"][0], (key, amount)
        assert amount in sentence, (key, amount)
        assert trace["x"][0] == pytest.approx(summary.summary[key] / 1e6)
    assert payment["x"][0] == pytest.approx(
        summary.summary["expected_commissioner_payment_pv"] / 1e6
    )


def test_the_wrong_pocket_split_is_an_advanced_input_of_the_explorer():
    at = start({"state": "0.8"}, advanced=True)
    split = slider(at, "in_state_share_of_other_savings")
    assert split.label == "State's share of the wrong pocket"
    split.set_value(0.5).run()
    assert not at.exception
    assert at.query_params.get("state") == "0.5"
    open_explorer_tab(at, "explorer_tab_money")
    region = next(
        trace
        for trace in charts(at)["explorer_wrong_pocket"]["data"]
        if trace.get("name") == "Region"
    )
    expected = evaluate(Scenario(state_share_of_other_savings=0.5)).summary
    assert region["x"][0] == pytest.approx(expected["expected_region_saving_pv"] / 1e6)


def test_the_open_tab_stays_open_when_the_language_changes():
    at = open_explorer_tab(start(), "explorer_tab_money")
    at.radio(key="lang").set_value("da").run()
    assert not at.exception
    assert set(chart_data(at)) == set(EXPLORER_TABS["explorer_tab_money"])
    assert at.session_state["explorer_tab"] == "Penge pr. år og lomme"
