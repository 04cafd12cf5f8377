"""A file uploader that speaks the page's language.

Streamlit's ``st.file_uploader`` writes its own words in English whatever the page's language
— the button's "Upload", the line under it ("1MB per file • JSON"), the file input's
accessible name ("file upload") and "Drag and drop a file here" while a file is dragged over
it — with no parameter to change them (streamlit/streamlit#13500 asks for one). This module
keeps Streamlit's widget and puts our words into it with a tiny component (``file_upload.js``
beside this file, Components v2, no visible output of its own), again whenever Streamlit
redraws the widget. The words are real text, so a screen reader reads what is shown (CSS
generated content would show them, but accessibility checkers such as axe do not count it as a
button's name). Our line also says what the app accepts: the saved file's 100 kB, not the
server's 1 MB for any upload.

Not replaced: Streamlit's English refusal of a file over the server's upload limit or of
another type, shown in the widget after such a drop.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from ui.app.component_js import component_js
from ui.spec import keys

__all__ = ["file_uploader", "words_of"]

_NAME = "sib_file_upload_words"

_mount = st.components.v2.component(
    _NAME,
    js=component_js(Path(__file__).resolve().parent / "file_upload.js"),
    isolate_styles=False,
)


def file_uploader(
    label: str,
    key: str,
    on_change: Callable[[], None],
    *,
    words: dict[str, str],
    types: tuple[str, ...] = ("json",),
    where: Any = None,
) -> None:
    """``st.file_uploader`` under ``key`` in ``where`` (a column; a new container when None),
    labelled ``label``, with ``words`` in the page's language: ``button`` (the button's
    text), ``limit`` (the line under it), ``drag`` (shown while a file is dragged over it)."""
    with where if where is not None else st.container():
        st.file_uploader(label, type=list(types), key=key, on_change=on_change)
        _mount(
            key=keys.uploader_words(key),
            data={"selector": f".st-key-{key}", "input": label, **words},
            height=0,
        )


def words_of(element: Any) -> dict[str, str] | None:
    """The words a :func:`file_uploader` puts into its widget in an AppTest run, or None for
    any other kind of element."""
    proto = getattr(element, "proto", None)
    if proto is None or getattr(proto, "component_name", None) != _NAME:
        return None
    found: dict[str, str] = json.loads(proto.json)
    return found
