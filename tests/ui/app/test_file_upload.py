"""The file uploader's own English replaced by the page's words (:mod:`ui.app.file_upload`):
the words travel to the browser as data for ``file_upload.js``, which sets them as text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests._app import start
from ui.app.file_upload import words_of
from ui.spec import keys

JS = (Path(__file__).resolve().parents[3] / "ui" / "app" / "file_upload.js").read_text()


@pytest.mark.apptest
def test_the_share_pages_uploader_gets_danish_words_for_every_english_one():
    at = start({"lang": "da"}, page="share")
    found = [w for w in map(words_of, at.main.get("bidi_component")) if w is not None]
    assert found == [
        {
            "selector": f".st-key-{keys.SHARE_UPLOAD}",
            "input": "Indlæs en scenariefil",
            "button": "Vælg fil",
            "limit": "JSON, højst 100 kB",
            "drag": "Slip filen her",
        }
    ]


def test_the_words_are_set_as_text_never_as_html():
    assert "textContent" in JS
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|eval\(", JS)
