"""The whole dashboard in a real browser: every page draws, the sliders redraw, links are safe.

AppTest (tests elsewhere) runs each page's script without a browser; this file is the one run
that also covers what only a browser sees: plotly actually drawing, widgets answering the
keyboard, the language switch and a hand-edited link arriving through the URL bar. Screenshots
of every page land in ``artifacts/screenshots/<page>.png`` for a person to look at.
"""

from __future__ import annotations

import re

import pytest

from tests.browser import streamlit_harness as harness

pytestmark = pytest.mark.browser

#: url path → (screenshot name, draws plotly charts)
PAGES = {
    "/": ("start", False),
    "/story": ("story", True),
    "/explorer": ("explorer", True),
    "/creaming": ("creaming", True),
    "/deal-space": ("deal-space", True),
    "/sensitivity": ("sensitivity", True),
    "/method": ("method", False),
    "/guide": ("guide", False),
}
HEADLINE_SLIDERS = ["Cohort size", "Success probability", "Target-group difficulty"]
HEADLINE_FIELDS = ["cohort_size", "success_probability", "difficulty"]
WARNING = (
    '[data-testid="stAlertContentWarning"], [data-testid="stAlertContentError"], '
    '[data-testid="stToast"]'
)
# The link a curious or careless person might send: a word for a number, a probability of 5,
# a key nobody knows and a difficulty that overflows a float.
HOSTILE_QUERY = "?n=abc&p=5&zzz=1&d=1e309"


def open_page(page, url: str, *, charts: bool) -> None:
    page.goto(url)
    harness.wait_until_idle(page, min_charts=1 if charts else 0, timeout_ms=60_000)


def go_to(page, app_url: str, path: str, *, charts: bool) -> None:
    """Open ``path`` through the app's own navigation when the current tab already shows the
    app (as a person clicks through the sidebar, and without reloading plotly's 3 MB of
    JavaScript), else through the URL bar."""
    link = page.locator(f'[data-testid="stSidebarNav"] a[href$="{path.rstrip("/") or "/"}"]')
    if path != "/" and page.url.startswith(app_url) and link.count() == 1:
        link.click()
        page.wait_for_url(re.compile(re.escape(app_url + path) + r"(\?.*)?$"))
        harness.wait_until_idle(page, min_charts=1 if charts else 0, timeout_ms=60_000)
    else:
        open_page(page, app_url + path, charts=charts)


def test_every_page_draws_without_exception(page, app_url, screenshot_dir):
    """Every page, in the order a visitor would click through them; a screenshot of each."""
    problems = []
    for path, (name, has_charts) in PAGES.items():
        go_to(page, app_url, path, charts=has_charts)
        harness.full_page_screenshot(page, screenshot_dir / f"{name}.png")
        exceptions = page.locator(harness.EXCEPTION)
        if exceptions.count():
            problems.append(f"{path} shows an exception:\n{exceptions.first.inner_text()[:1500]}")
        if page.get_by_text("Page not found").count():
            problems.append(f"{path}: Streamlit says the page does not exist")
        if has_charts and not page.locator(harness.PLOTLY_CHART).count():
            problems.append(f"{path}: no plotly chart")
        for label in HEADLINE_SLIDERS:
            if harness.slider(page, label).count() != 1:
                problems.append(f"{path}: no {label!r} slider")
    assert not problems, "\n".join(problems)


def test_headline_sliders_redraw_explorer_charts(page, app_url):
    open_page(page, app_url + "/explorer", charts=True)
    for label in HEADLINE_SLIDERS:
        value_before = harness.slider_value(page, label)
        charts_before = harness.chart_data(page)

        key = "ArrowLeft" if harness.slider_at_max(page, label) else "ArrowRight"
        harness.press_on_slider(page, harness.slider_thumb(page, label), key)
        try:
            harness.wait_for_redraw(page, charts_before, timeout_ms=15_000)
        except Exception:
            state = page.evaluate(
                "() => { const s = window.__sibScrub || {}; return {run: s.data && s.data.run,"
                " shown: s.shownFrames, active: !!s.active, settling: !!s.settling,"
                " waiting: !!s.waiting, heals: s.heals,"
                " charts: document.querySelectorAll('.js-plotly-plot').length}; }"
            )
            raise AssertionError(
                f"{label!r} moved {value_before} -> {harness.slider_value(page, label)}"
                f" but no chart changed; {page.url}; {state}"
            ) from None

        assert harness.slider_value(page, label) != value_before, f"{label!r} did not move"
        assert harness.chart_data(page) != charts_before, f"{label!r} redrew no chart"
        harness.assert_no_exception(page, f"Explorer after moving {label!r}")
    # The scenario lives in the URL too, so the view can be shared as a link.
    assert "?" in page.url, f"moving the sliders did not update the link: {page.url}"


def test_danish_link_shows_danish_labels(page, app_url, screenshot_dir):
    open_page(page, app_url + "/creaming?lang=da", charts=True)
    harness.assert_no_exception(page, "/creaming?lang=da")
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    for label in HEADLINE_SLIDERS:
        assert label not in sidebar, f"English label {label!r} still shown with lang=da"
    danish = _danish_headline_labels()
    if danish:
        missing = [label for label in danish if label not in sidebar]
        assert not missing, f"Danish labels missing from the sidebar: {missing}"
    else:
        assert re.search("[æøåÆØÅ]", sidebar), "no Danish text in the sidebar with lang=da"
    harness.full_page_screenshot(page, screenshot_dir / "creaming-da.png")


def test_hostile_link_warns_and_keeps_working(page, app_url, screenshot_dir):
    open_page(page, app_url + "/explorer" + HOSTILE_QUERY, charts=True)
    harness.assert_no_exception(page, HOSTILE_QUERY)
    warnings = page.locator(WARNING)
    assert warnings.count() >= 1, f"no warning about the broken link {HOSTILE_QUERY}"
    warning_text = " ".join(warnings.all_inner_texts())
    assert "zzz" in warning_text, f"the warning does not name the unknown key: {warning_text!r}"
    assert page.locator(harness.PLOTLY_CHART).count() >= 1
    # Every bad value fell back to a valid one the sliders can show.
    cohort = harness.slider_value(page, "Cohort size").replace(",", "")
    assert cohort.isdigit(), f"cohort slider shows {cohort!r}"
    assert int(cohort) >= 1, f"cohort slider shows {cohort!r}"
    harness.full_page_screenshot(page, screenshot_dir / "hostile-link.png")


def _danish_headline_labels() -> list[str]:
    """The Danish headline slider labels from the app's translation table."""
    try:
        from ui.text.translator import Translator
    except ImportError:
        return []
    danish = Translator("da")
    return [danish.label(field) for field in HEADLINE_FIELDS]
