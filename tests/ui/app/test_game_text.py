"""A group's words in the game's markdown: every markdown and HTML character escaped (issue 19,
item 6; the real-browser check is ``tests/browser/test_hostile_text_in_browser.py``)."""

from __future__ import annotations

import re

import pytest

from ui.app.game import esc


@pytest.mark.parametrize(
    "hostile", ["<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", ":red[**big**]"]
)
def test_a_groups_text_has_no_markdown_or_html_left_unescaped(hostile):
    shown = esc(hostile)
    # Every special character is preceded by a backslash: nothing starts a link, a tag, a
    # directive or emphasis.
    assert not re.search(r"(?<!\\)[\[\]()<>:*]", shown), shown
    assert re.sub(r"\\(.)", r"\1", shown) == hostile
