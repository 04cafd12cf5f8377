"""The Compare page's tables use the Explorer's own strings."""

from __future__ import annotations

import json

from sib_model import (
    Scenario,
    evaluate,
)
from ui.text.translator import Translator
from ui.words.comparison import differing_inputs, key_results, scenario_cards
from ui.words.headline import headline_figures

EN, DA = Translator("en"), Translator("da")


def test_the_compare_tables_use_the_explorers_strings():
    easy, hard = Scenario(difficulty=0.2), Scenario(difficulty=0.8)
    table = key_results([("easy", evaluate(easy).summary), ("hard", evaluate(hard).summary)], EN)
    explorer = headline_figures(evaluate(hard).summary, EN)
    assert table["hard"].iloc[0] == explorer[0].value
    inputs = differing_inputs([("easy", easy), ("hard", hard)], EN)
    assert list(inputs["Input"]) == ["Target-group difficulty"]
    assert json.dumps(list(inputs.columns)) == '["Input", "easy", "hard"]'


def test_a_phones_cards_carry_the_tables_strings_one_card_per_scenario():
    entries = [("easy", Scenario(difficulty=0.2)), ("hard", Scenario(difficulty=0.8))]
    results = key_results([(name, evaluate(s).summary) for name, s in entries], DA)
    inputs = differing_inputs(entries, DA)
    cards = scenario_cards(results, inputs, DA)
    assert [card.name for card in cards] == ["easy", "hard"]
    hard = cards[1]
    assert hard.results[0] == (
        headline_figures(evaluate(entries[1][1]).summary, DA)[0].label,
        results["hard"].iloc[0],
    )
    assert [value for _, value in hard.results] == list(results["hard"])
    assert hard.inputs == (("Målgruppens sværhedsgrad", "0,80"),)


def test_cards_of_scenarios_with_the_same_inputs_list_no_inputs():
    entries = [("a", Scenario()), ("b", Scenario())]
    results = key_results([(name, evaluate(s).summary) for name, s in entries], EN)
    cards = scenario_cards(results, differing_inputs(entries, EN), EN)
    assert [card.inputs for card in cards] == [(), ()]
    assert len(cards[0].results) == len(results)
