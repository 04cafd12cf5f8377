"""A file uploader that speaks the page's language.

Streamlit's ``st.file_uploader`` writes its own words in English whatever the page's language:
the button's "Upload" and the line under it ("1MB per file • JSON"), with no parameter to
change them (streamlit/streamlit#13500 asks for one). This module keeps Streamlit's widget and
replaces those two texts by CSS, scoped to the one widget's key: the original text is hidden
(``display: none``, so a screen reader skips it too) and ours is shown as generated content
(``::after``, which browsers read out as part of the button's name). Our line also says what the
app accepts (the saved file's 100 kB, not the server's 1 MB for any upload).

Not replaced: "Drag and drop a file here", shown only while a file is dragged over the widget
(an element Streamlit gives no test id to select it by), and Streamlit's English refusal of a
file over the server's upload limit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

__all__ = ["css_string", "uploader_css", "file_uploader"]


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string: quotes and backslashes escaped, line breaks as ``\\A``,
    and ``<`` as ``\\3C`` so no text can close the ``<style>`` element it sits in."""
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ").replace("<", "\\3C ")
    )
    return f'"{escaped}"'


def uploader_css(key: str, button: str, limit: str) -> str:
    """The style that gives the uploader under ``key`` the button text ``button`` and the
    line ``limit`` under it."""
    scope = f'.st-key-{key} [data-testid="stFileUploaderDropzone"]'
    return f"""<style>
{scope} button [data-testid="stMarkdownContainer"] p {{ display: none; }}
{scope} button [data-testid="stMarkdownContainer"]::after {{ content: {css_string(button)}; }}
{scope} [data-testid="stFileUploaderDropzoneInstructions"] span {{ display: none; }}
{scope} [data-testid="stFileUploaderDropzoneInstructions"] > div::after {{
  content: {css_string(limit)}; font-size: 0.875rem; line-height: 1.6; opacity: 0.7; }}
</style>"""


def file_uploader(
    label: str,
    key: str,
    on_change: Callable[[], None],
    *,
    button: str,
    limit: str,
    types: tuple[str, ...] = ("json",),
    where: Any = st,
) -> None:
    """``st.file_uploader`` under ``key`` in ``where`` (a column, or the page), with the
    button text ``button`` and the line ``limit`` in the page's language."""
    where.html(uploader_css(key, button, limit))
    where.file_uploader(label, type=list(types), key=key, on_change=on_change)
