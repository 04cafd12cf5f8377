"""The guided story's sentences, with the step's numbers filled in."""

from __future__ import annotations

from sib_model import evaluate
from ui.text.translator import Translator
from ui.words.story import STEPS, notice_values

DA = Translator("da")


def test_the_investors_step_names_the_futures_in_both_tails_with_a_minus_sign():
    # Issue 20, item 13: "i hvert tiende over …" lacked its noun, and the low tail was
    # written "-22,1 %" with a hyphen.
    step = next(step for step in STEPS if step.key == "investor")
    s = step.scenario
    summary = evaluate(s).summary
    notice = DA("story_investor_notice", **notice_values(step, s, summary, DA.fmt))
    low = DA.fmt.percent(summary["investor_irr_p10"], 1)
    assert f"i hvert tiende forløb er afkastet under {low}" in notice
    assert "i hvert tiende forløb over" in notice
    assert "-" not in low
