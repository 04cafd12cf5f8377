"""One true number: the Explorer's headline figures appear identically on the Creaming and
Sensitivity pages, and in the sentences beside them, for easy, middle and hard groups."""

from __future__ import annotations

import pytest

from sib_model import Scenario, evaluate
from tests._app import chart_layouts, start
from ui.text.translator import Translator

pytestmark = pytest.mark.apptest

EN = Translator("en")


def _metrics(at) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


@pytest.mark.parametrize("difficulty", ["0", "0.5", "1"])
def test_headline_figures_are_identical_on_every_page(difficulty):
    at = start({"d": difficulty})
    explorer = _metrics(at)
    for page in ("app_pages/creaming.py", "app_pages/sensitivity.py"):
        at.switch_page(page).run()
        assert not at.exception
        shown = _metrics(at)
        assert shown, page
        assert all(explorer[label] == value for label, value in shown.items()), page


def test_the_tornado_base_is_the_explorers_expected_return():
    at = start({"d": "0.3"})
    # The headline shows the mean, then the median: the tornado's base is the mean.
    irr = _metrics(at)["Expected investor return (IRR)"].split(" · ")[0]
    at.switch_page("app_pages/sensitivity.py").run()
    title = chart_layouts(at)["sensitivity_investor_irr"]["title"]["text"]
    assert title == f"Investor's expected return (now {irr})"


@pytest.mark.parametrize("difficulty", [0.0, 0.1, 0.5, 0.9, 1.0])
def test_no_sentence_contradicts_the_metric_beside_it(difficulty):
    at = start({"d": str(difficulty)})
    loss = _metrics(at)["Chance the investor loses money"]
    first = at.markdown[0].value if at.markdown else ""
    sentences = "\n".join(m.value for m in at.markdown)
    summary = evaluate(Scenario(difficulty=difficulty)).summary
    assert loss == EN.fmt.percent(summary["probability_of_loss"])
    if loss == "0%":
        assert "all** simulated futures" in sentences or "almost every" in sentences
    elif loss == "100%":
        assert "none** of the" in sentences or "fewer than 1 in 100" in sentences
    else:
        assert "simulated futures the investor gets its money back" in sentences, first


@pytest.mark.parametrize(
    ("lang", "label", "versus", "more"),
    [
        ("en", "Municipality net (SIB)", " vs funding it directly", " more**"),
        ("da", "Kommunens netto (social investering)", " mod at finansiere selv", " mere**"),
    ],
)
def test_the_explorers_sentence_states_the_headlines_rounded_difference(lang, label, versus, more):
    # Issue 20, item 12: the municipality's net under the headline figure shows how much
    # worse the SIB is than funding the programme directly ("−DKK 716,000 vs funding it
    # directly"); the sentence beside it says the same amount, rounded the same way.
    at = start({"lang": lang})
    metric = next(m for m in at.metric if m.label == label)
    assert metric.delta.endswith(versus), metric.delta
    shown = metric.delta.removesuffix(versus)
    assert shown == {"en": "−DKK 716,000", "da": "−716.000 kr."}[lang]
    sentences = "\n".join(m.value for m in at.markdown)
    assert f"**{shown.removeprefix('−')}{more}" in sentences
    assert metric.value == {"en": "−DKK 1.65m", "da": "−1,65 mio. kr."}[lang]


def test_the_tornado_base_is_the_explorers_municipality_net():
    # The municipality's net as the headline rounds it (three significant figures), in the
    # title of the Sensitivity page's second tornado.
    at = start({"d": "0.3"})
    net = _metrics(at)["Municipality net (SIB)"]
    at.switch_page("app_pages/sensitivity.py").run()
    title = chart_layouts(at)["sensitivity_commissioner_net"]["title"]["text"]
    assert title == f"Municipality's expected net (now {net})"
