"""The link to this view, with a button that copies it: a small component instead of ``st.code``.

``st.code`` shows a link with a copy button too, but its first use on a page loads Streamlit's
syntax highlighter (1.6 MB of JavaScript, 0.52 MB gzipped) and a monospace font (91 kB): a
quarter of a phone's first visit to the Explorer, for one line of plain text in a sidebar the
phone keeps closed (``benchmarks/first_visit.py``). This component (``copy_link.js`` beside
this file, Components v2) draws a read-only field holding the link, selected whole when
tapped, and a button that copies it (with the clipboard API, or by selection where the page is
not on https and the browser offers none).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import streamlit as st

from ui.app.component_js import component_js
from ui.text.translator import Translator

__all__ = ["copy_link", "link_of"]

_HERE = Path(__file__).resolve().parent
_NAME = "sib_copy_link"
# Streamlit's theme reaches the component's shadow root as --st-* properties; the fallbacks
# are the light theme's.
_CSS = """
.sib-copy-link { display: flex; gap: 0.5rem; align-items: stretch; }
.sib-copy-link input {
  flex: 1; min-width: 0; padding: 0.35rem 0.5rem; font: inherit; font-size: 0.875rem;
  color: var(--st-text-color, #31333f);
  background: var(--st-secondary-background-color, #f0f2f6);
  border: 1px solid transparent; border-radius: 0.5rem; text-overflow: ellipsis;
}
.sib-copy-link input:focus { outline: none; border-color: var(--st-primary-color, #ff4b4b); }
.sib-copy-link button {
  padding: 0.35rem 0.75rem; font: inherit; font-size: 0.875rem; cursor: pointer;
  color: var(--st-text-color, #31333f); background: transparent;
  border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem;
}
.sib-copy-link button:hover, .sib-copy-link button:focus-visible {
  color: var(--st-primary-color, #ff4b4b); border-color: var(--st-primary-color, #ff4b4b);
}
"""

_mount = st.components.v2.component(_NAME, css=_CSS, js=component_js(_HERE / "copy_link.js"))


def copy_link(link: str, t: Translator, key: str) -> None:
    """Draw ``link`` with a copy button under ``key`` (the words in ``t``'s language)."""
    data = {
        "link": link,
        "label": t("share_link"),
        "copy": t("copy_link"),
        "copied": t("link_copied"),
    }
    _mount(key=key, data=data, height="content")


def link_of(element: Any) -> str | None:
    """The link a :func:`copy_link` element of an AppTest run shows, or None for any other
    kind of element."""
    proto = getattr(element, "proto", None)
    if proto is None or getattr(proto, "component_name", None) != _NAME:
        return None
    return str(json.loads(proto.json)["link"])
