"""The translator's choices that are not texts: the language of a browser's locale."""

from __future__ import annotations

import pytest

from ui.text.translator import language_of_locale


@pytest.mark.parametrize("locale", ["da", "da-DK", "da_DK", "DA-dk", " da-GL "])
def test_a_danish_browser_gets_danish(locale):
    assert language_of_locale(locale) == "da"


@pytest.mark.parametrize("locale", ["en-US", "en-GB", "de-DE", "nb-NO", "dav", "", None])
def test_every_other_browser_gets_english(locale):
    assert language_of_locale(locale) == "en"
