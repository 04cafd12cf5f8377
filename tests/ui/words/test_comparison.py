"""The Compare page's tables use the Explorer's own strings."""

from __future__ import annotations

import json

from sib_model import (
    Scenario,
    evaluate,
)
from ui.text.translator import Translator
from ui.words.comparison import differing_inputs, key_results
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
