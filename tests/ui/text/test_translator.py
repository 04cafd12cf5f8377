"""The Translator's choices: the language of a browser's locale, and the labels of the model's
results for the exported tables."""

from __future__ import annotations

import pytest

from sib_model import Scenario, creaming_frontier, parking_frontier
from sib_model.summary import SUMMARY_KEYS
from ui.text.translator import Translator, language_of_locale

EN, DA = Translator("en"), Translator("da")


@pytest.mark.parametrize("locale", ["da", "da-DK", "da_DK", "DA-dk", " da-GL "])
def test_a_danish_browser_gets_danish(locale):
    assert language_of_locale(locale) == "da"


@pytest.mark.parametrize("locale", ["en-US", "en-GB", "de-DE", "nb-NO", "dav", "", None])
def test_every_other_browser_gets_english(locale):
    assert language_of_locale(locale) == "en"


@pytest.mark.parametrize("t", [EN, DA], ids=["en", "da"])
def test_every_result_of_the_summary_has_a_label_of_its_own_in_words(t):
    labels = [t.result(key) for key in SUMMARY_KEYS]
    assert len(set(labels)) == len(labels)
    for key, label in zip(SUMMARY_KEYS, labels, strict=True):
        assert "_" not in label, (key, label)
        assert label[0].isupper(), (key, label)


def test_statistics_are_labelled_around_the_figure_of_one_future():
    assert EN.result("expected_investor_irr") == "Investor return (IRR per year), expected"
    assert EN.result("investor_irr_p10") == "Investor return (IRR per year), 10th percentile"
    assert DA.result("investor_irr_p05") == "Investorens afkast (IRR pr. år), 5. percentil"
    assert DA.result("commissioner_net_standard_error").startswith("Kommunens netto")
    assert DA.result("probability_of_loss") == "Risiko for, at investoren taber penge"


def test_a_danish_label_is_danish():
    english = {EN.result(key) for key in SUMMARY_KEYS}
    danish = [DA.result(key) for key in SUMMARY_KEYS]
    assert not english & set(danish)


def test_frontier_columns_are_results_or_fields():
    s = Scenario()
    for table in (creaming_frontier(s, n_points=2).table, parking_frontier(s, n_points=2).table):
        for column in table.columns:
            if column not in ("difficulty", "parked_share"):
                assert DA.result(str(column))


def test_a_name_that_is_no_result_is_a_key_error():
    with pytest.raises(KeyError):
        EN.result("expected_nonsense")
    with pytest.raises(KeyError):
        EN.result("cohort_size")
