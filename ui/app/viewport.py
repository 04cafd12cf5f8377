"""Whether the browser's window is narrow, known to the script.

The headline sliders are drawn a second time at the top of the page for phones (on a phone the
sidebar is a drawer that hides the chart). CSS alone could show or hide that copy, but a hidden
copy still costs every slider move on a laptop its rendering (three sliders: about a tenth of
the browser's work per move). This tiny component (``viewport.js``, no visible output) reports
``window.matchMedia`` for :data:`NARROW_QUERY` when it differs from what the script believes
(on mount, for a phone) and whenever the window crosses it; the script then draws the copy only
for narrow windows.

The first run of a session on a phone cannot know yet: the copy appears one rerun later (the
component's report triggers it), a fraction of a second after the page opens.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.app.component_js import component_js
from ui.spec import keys
from ui.spec.pages import PHONE_WIDTH

__all__ = ["NARROW_QUERY", "narrow_screen", "narrow"]

#: The width up to which the page counts as a phone (the phone CSS's media query too).
NARROW_QUERY = f"(max-width: {PHONE_WIDTH}px)"
#: Session-state flag (True on a narrow window); tests set it to stand in for a phone.

_mount = st.components.v2.component(
    "sib_viewport",
    js=component_js(Path(__file__).resolve().parent / "viewport.js"),
    isolate_styles=False,
)


def _remember() -> None:
    """Callback of the component: keep what it reported under ``keys.NARROW_SCREEN``."""
    reported = st.session_state.get(keys.VIEWPORT_PROBE) or {}
    st.session_state[keys.NARROW_SCREEN] = bool(reported.get("narrow", False))


def narrow_screen() -> bool:
    """Mount the probe (where the caller is drawing) and say whether the window is narrow.

    The probe is told what the script believes (``narrow``), so it reports only a window on
    the other side of the width: on a laptop, opening the page costs one script run, not two
    (it reported on every mount before, which reran the whole page)."""
    believed = narrow()
    _mount(
        key=keys.VIEWPORT_PROBE,
        data={"query": NARROW_QUERY, "narrow": believed},
        default={"narrow": False},
        on_narrow_change=_remember,
        height=0,
    )
    return believed


def narrow() -> bool:
    """Whether the window is narrow, as the probe last reported, without mounting it: for a
    page's own layout (a phone's Compare cards, the Start page's words about where the
    sliders are). ``app.py`` mounts the probe on every run, before the page."""
    return bool(st.session_state.get(keys.NARROW_SCREEN, False))
