"""Shared helpers for the AppTest suites: start the dashboard, read its charts' data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

import ui.spec.pages
from ui.app.copy_link import link_of
from ui.app.live_chart import ELEMENT_TYPE, figure_of
from ui.spec import keys
from ui.spec.pages import EXPLORER_TABS
from ui.text.translator import Translator

APP = Path(__file__).resolve().parents[1] / "app.py"
#: URL path → page script, as the navigation lists them.
PAGES = {page.url: page.path for page in ui.spec.pages.PAGES}
HEADLINE_SLIDERS = {"in_cohort_size": 60, "in_success_probability": 0.55, "in_difficulty": 0.8}


def slider(at: AppTest, key: str) -> Any:
    """The sidebar slider of widget ``key``: a plain slider for counts and years, a select
    slider (values in the page's language) for shares and other fractional numbers."""
    found = [w for w in at.select_slider if w.key == key]
    return found[0] if found else at.slider(key=key)


def start(
    query: dict[str, str] | None = None,
    page: str = "explorer",
    *,
    advanced: bool = False,
    locale: str | None = None,
) -> AppTest:
    """The app after its first run (with ``query`` as the link), switched to ``page`` (the
    first run opens the Start page, or the Explorer when the link carries a scenario); with
    ``advanced``, the sidebar's "Advanced" section open (its widgets are drawn only then);
    with ``locale``, in a browser of that language (``st.context.locale``, e.g. "da-DK")."""
    at = AppTest.from_file(str(APP), default_timeout=30)
    if locale is not None:
        at.context["locale"] = locale
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if advanced:
        at.session_state[keys.ADVANCED_OPEN] = True
    at.run()
    if page != "":
        at.switch_page(PAGES[page]).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def charts(at: AppTest) -> dict[str, dict]:
    """Each chart's plotly figure (``{"data": [...], "layout": {...}}``), by the chart's key.

    Charts are drawn by the in-place chart component (``ui.app.live_chart``), which AppTest sees
    as an element of type ``bidi_component`` carrying the figure's JSON.
    """
    found = (figure_of(element) for element in at.get(ELEMENT_TYPE))
    return dict(chart for chart in found if chart is not None)


def sidebar_link(at: AppTest) -> str:
    """The sidebar's "link to this view" (the ``ui.app.copy_link`` component)."""
    links = [link_of(element) for element in at.sidebar.get(ELEMENT_TYPE)]
    shown = [link for link in links if link is not None]
    assert len(shown) == 1, shown
    return shown[0]


def chart_data(at: AppTest) -> dict[str, list]:
    """Each chart's traces (the ``data`` of its figure), by the chart's key."""
    return {key: figure["data"] for key, figure in charts(at).items()}


def chart_layouts(at: AppTest) -> dict[str, dict]:
    return {key: figure["layout"] for key, figure in charts(at).items()}


def text_of(at: AppTest) -> str:
    """All markdown, captions, titles and metric labels of the run, as one string."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [t.value for t in at.title] + [m.label for m in at.metric]
    parts += [w.value for w in at.warning]
    return "\n".join(parts)


def button(at: AppTest, key: str, t: Translator | None = None) -> Any:
    """The button labelled with text ``key`` (in ``t``'s language; English by default)."""
    label = (t or Translator("en"))(key)
    found = [b for b in at.button if b.label == label]
    assert found, (key, [b.label for b in at.button])
    return found[0]


def open_tab(at: AppTest, tab_key: str, text_key: str) -> AppTest:
    """Open the tab labelled with text ``text_key`` of the tabs kept under ``tab_key`` (a
    page's lazy tabs: only the open one is drawn)."""
    at.session_state[tab_key] = Translator(at.session_state["lang"])(text_key)
    return at.run()


def open_explorer_tab(at: AppTest, text_key: str) -> AppTest:
    """Open the Explorer's tab ``text_key`` (of ``ui.spec.pages.EXPLORER_TABS``)."""
    return open_tab(at, keys.EXPLORER_TAB, text_key)


def explorer_chart_data(at: AppTest) -> dict[str, list]:
    """Every Explorer chart's traces, tab by tab (the first tab is open again afterwards)."""
    found: dict[str, list] = {}
    for text_key in EXPLORER_TABS:
        found.update(chart_data(open_explorer_tab(at, text_key)))
    open_explorer_tab(at, next(iter(EXPLORER_TABS)))
    return found
