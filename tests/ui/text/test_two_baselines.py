"""Two baselines, two words (issue 20, item 12): the scenario pinned in the sidebar and drawn
in grey behind every chart is the *comparison scenario* (Danish *sammenligningsgrundlag*);
the success rate without the programme that the contract pays above is *the contract's
baseline* (Danish *kontraktens baseline* or *basisniveau*). A finance officer reading
"baseline" must never have to guess which of the two is meant."""

from __future__ import annotations

import re

import pytest

from ui.text.catalog import source_texts, translations

ENGLISH, DANISH = source_texts(), translations("da")

#: Every text that speaks of the pinned scenario.
COMPARISON_SCENARIO_TEXTS = (
    "baseline",
    "baseline_title",
    "baseline_caption",
    "pin_baseline",
    "pin_baseline_help",
    "reset_baseline",
    "reset_baseline_help",
    "delta_vs_baseline",
    "share_intro",
    "share_save_help",
    "share_loaded",
    "file_where_baseline",
    "guide_prep_save",
    "guide_watch_baseline_ghost",
    "glossary_comparison_scenario",
)

#: A button under the sidebar's heading "Comparison scenario", short enough for half the
#: sidebar ("Go back"), which need not repeat the heading's words.
UNDER_THE_HEADING = ("reset_baseline",)

#: Every text that speaks of the contract's counterfactual rate by name.
CONTRACT_BASELINE_TEXTS = (
    "label_contract_baseline",
    "help_contract_baseline",
    "help_payment_basis",
    "payment_basis_above_baseline",
    "switch_contract_baseline",
    "switch_contract_baseline_help",
    "lever_above_baseline",
    "story_baseline_title",
    "glossary_baseline",
)

_FIELDS = re.compile(r"\{[^}]*\}")  # {pin_baseline} names another text, not a word


def _words(text: str) -> str:
    return _FIELDS.sub("", text).lower()


@pytest.mark.parametrize("key", COMPARISON_SCENARIO_TEXTS)
def test_the_pinned_scenario_is_the_comparison_scenario_never_a_baseline(key):
    assert "baseline" not in _words(ENGLISH[key]), ENGLISH[key]
    assert "baseline" not in _words(DANISH[key]), DANISH[key]
    if key not in UNDER_THE_HEADING:
        assert "comparison" in _words(ENGLISH[key]), ENGLISH[key]
        assert "sammenligning" in _words(DANISH[key]), DANISH[key]


@pytest.mark.parametrize("key", CONTRACT_BASELINE_TEXTS)
def test_the_contracts_baseline_is_never_called_the_comparison_scenario(key):
    assert "comparison scenario" not in _words(ENGLISH[key]), ENGLISH[key]
    assert "contract" in _words(ENGLISH[key]), ENGLISH[key]
    for word in ("sammenligningsgrundlag", "sammenligningsscenarie"):
        assert word not in _words(DANISH[key]), DANISH[key]
    assert "kontrakt" in _words(DANISH[key]), DANISH[key]


def test_every_danish_baseline_is_the_contracts():
    # "baseline" alone in Danish could be either; "kontraktens baseline" cannot.
    loose = {
        key: text
        for key, text in DANISH.items()
        if re.search(r"(?<!kontraktens )baseline", _words(text)) or "basislinje" in _words(text)
    }
    assert not loose, loose


def test_every_english_baseline_is_the_contracts():
    loose = {
        key: text
        for key, text in ENGLISH.items()
        if re.search(r"(?<!contract's )(?<!contract )baseline", _words(text))
    }
    assert not loose, loose
