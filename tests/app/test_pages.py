"""Creaming, Deal space, Sensitivity and Method through AppTest: each page runs, draws its
charts under stable keys, and redraws them when a headline slider moves."""

from __future__ import annotations

import pytest

from tests._app import HEADLINE_SLIDERS, chart_data, open_tab, slider, start, text_of
from ui.app.live_chart import PLOTLY_JS_TRACES
from ui.spec import keys
from ui.spec.inputs import HEADLINE_FIELDS

pytestmark = pytest.mark.apptest

PAGE_CHARTS = {
    "creaming": {"creaming_frontier"},  # the open tab's; the others: see below
    "deal-space": {"deal_space_heatmap"},
    "sensitivity": {"sensitivity_investor_irr", "sensitivity_commissioner_net"},
    "method": set(),
}
#: The chart of each page that must follow every headline slider.
FOLLOWS_SLIDERS = {
    "creaming": {"creaming_frontier"},
    "deal-space": {"deal_space_heatmap"},
    "sensitivity": {"sensitivity_investor_irr", "sensitivity_commissioner_net"},
}


@pytest.mark.parametrize("page", PAGE_CHARTS)
def test_page_runs_and_draws_its_charts_with_the_sidebar(page):
    at = start(page=page)
    assert set(chart_data(at)) == PAGE_CHARTS[page]
    for key, traces in chart_data(at).items():  # types the served plotly.js bundle can draw
        assert {t.get("type", "scatter") for t in traces} <= PLOTLY_JS_TRACES, key
    assert [slider(at, f"in_{field}").label for field in HEADLINE_FIELDS] == [
        "Cohort size",
        "Success probability",
        "Target-group difficulty",
    ]


@pytest.mark.parametrize("page", FOLLOWS_SLIDERS)
def test_headline_sliders_redraw_the_pages_charts(page):
    at = start(page=page)
    for key, value in HEADLINE_SLIDERS.items():
        before = chart_data(at)
        slider(at, key).set_value(value).run()
        assert not at.exception, (key, [e.value for e in at.exception])
        after = chart_data(at)
        for chart in FOLLOWS_SLIDERS[page]:
            assert before[chart] != after[chart], f"{key} did not redraw {chart} on {page}"


def test_each_creaming_tab_draws_its_own_chart_and_follows_the_sliders():
    at = start({"spread": "0.3"}, page="creaming")
    for text_key, chart in (
        ("creaming_tab_parking", "parking_frontier"),
        ("creaming_tab_levers", "creaming_levers"),
    ):
        open_tab(at, keys.CREAMING_TAB, text_key)
        assert set(chart_data(at)) == {chart}
    open_tab(at, keys.CREAMING_TAB, "creaming_tab_parking")
    before = chart_data(at)["parking_frontier"]
    slider(at, "in_difficulty").set_value(0.8).run()
    assert not at.exception
    assert chart_data(at)["parking_frontier"] != before


def test_the_parking_tab_of_a_group_of_alike_citizens_says_parking_needs_a_mixed_group():
    # Nobody is harder than anybody else: there is nothing to park, and no frontier to draw.
    at = open_tab(start({"lang": "da"}, page="creaming"), keys.CREAMING_TAB, "creaming_tab_parking")
    assert not at.exception
    assert "parking_frontier" not in chart_data(at)
    assert any("blandet målgruppe" in info.value for info in at.info)


def test_creaming_names_both_preferred_groups_and_compares_contract_terms():
    at = start(page="creaming")
    text = text_of(at)
    # Defaults: the investor prefers the easiest group, the municipality the hardest.
    assert "**Investor** (highest expected return): difficulty 0.00" in text
    assert "**Municipality** (best net on its own budget): difficulty 1.00" in text
    assert "a group **1.00** harder than the investor does" in text
    table = open_tab(at, keys.CREAMING_TAB, "creaming_tab_levers").table[0].value.reset_index()
    assert len(table) == 4
    assert set(table["Contract terms"]) == {
        "premium 0.0, Every outcome",
        "premium 1.0, Every outcome",
        "premium 0.0, Only outcomes above the baseline",
        "premium 1.0, Only outcomes above the baseline",
    }


def test_creaming_page_shows_the_parking_frontier_and_says_the_contract_rewards_parking():
    at = open_tab(
        start({"spread": "0.3"}, page="creaming"), keys.CREAMING_TAB, "creaming_tab_parking"
    )
    text = text_of(at)
    assert "**This contract rewards parking.**" in text
    levers = at.table[0].value.reset_index()
    assert list(levers["Contract terms"]) == [
        "This contract",
        "Pay only above the baseline",
        "Rate card by each citizen's own difficulty (premium 1)",
        "A guarantee of half the capital",
    ]
    # Paying only above the baseline moves the investor's preferred parked share down; the
    # preferences are found among the shares a contract could let pass (at most half).
    preferred = list(levers["Investor prefers parking"])
    assert int(preferred[0].rstrip("%")) <= 50
    assert preferred[1] != preferred[0]


def test_deal_space_follows_the_parties_terms():
    at = start(page="deal-space")
    before = chart_data(at)["deal_space_heatmap"]
    slider(at, "deal_target_irr").set_value(0.15).run()
    stricter = chart_data(at)["deal_space_heatmap"]
    assert stricter[0]["z"] != before[0]["z"]
    at.radio(key="deal_test").set_value("wtp").run()
    assert not at.exception
    assert at.text_input(key="deal_wtp_text").value == "500,000"
    assert "The current scenario lies in the zone" in text_of(at)


def test_deal_space_terms_survive_a_visit_to_another_page():
    at = start(page="deal-space")
    slider(at, "deal_target_irr").set_value(0.12).run()
    at.switch_page("app_pages/method.py").run()
    at.switch_page("app_pages/deal_space.py").run()
    assert slider(at, "deal_target_irr").value == pytest.approx(0.12)


def test_method_page_has_equations_glossary_and_sources():
    at = start(page="method")
    assert len(at.latex) == 9
    assert any("logit" in eq.value for eq in at.latex)
    # The wrong pocket's split into the state's and the region's savings, in words.
    assert any(r"\text{saving}_\text{region}" in eq.value for eq in at.latex)
    glossary = at.table[0].value
    assert glossary.loc["dødvægt"].iloc[0] == "deadweight"
    assert any("Illustrative" in info.value for info in at.info)
    assert len(at.expander) >= 6  # one per preset (plus the sidebar's "Advanced")


def test_method_page_gives_the_presets_sources_in_danish_without_internal_file_names():
    """Issue 20, item 9: the sources were English paragraphs citing the project's DESIGN.md."""
    at = start({"lang": "da"}, page="method")
    shown = "\n".join(m.value for m in at.main.markdown)
    assert "Brookings opgiver for afsluttede sociale investeringer" in shown
    assert "200.000 kr. pr. job" in shown
    for english_or_internal in ("DESIGN.md", "REFERENCES", "Sources are given in English", "DKK"):
        assert english_or_internal not in shown
    assert not at.main.text  # no preformatted docstrings
