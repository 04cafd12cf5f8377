"""Charts are redrawn in place: a slider move changes what a chart shows without replacing its
node (no blank frame), and the redrawn chart still answers the pointer.

``ui.app.live_chart`` hands each new figure to ``Plotly.react`` on the chart node already on the
page. A node that leaves the DOM during a move — what ``st.plotly_chart`` does on every run — is
exactly the flash this file guards against.
"""

from __future__ import annotations

import pytest

from tests.browser import streamlit_harness as harness

pytestmark = pytest.mark.browser

# Counts every chart node that leaves the page from now on.
_WATCH_REMOVALS_JS = """
() => {
  window.__chartsRemoved = 0;
  window.__chartNodes = Array.from(document.querySelectorAll('.js-plotly-plot'));
  new MutationObserver(records => {
    for (const record of records)
      for (const node of record.removedNodes)
        if (node.nodeType === 1 && (node.matches('.js-plotly-plot')
                                    || node.querySelector('.js-plotly-plot')))
          window.__chartsRemoved += 1;
  }).observe(document.body, {childList: true, subtree: true});
  return window.__chartNodes.length;
}
"""
_SAME_NODES_JS = """
() => {
  const now = Array.from(document.querySelectorAll('.js-plotly-plot'));
  return now.length === window.__chartNodes.length
      && now.every((node, i) => node === window.__chartNodes[i]);
}
"""


def test_slider_move_redraws_every_chart_in_its_own_node(page, app_url):
    page.goto(app_url + "/explorer")
    harness.wait_until_idle(page, min_charts=2, timeout_ms=60_000)
    charts = page.evaluate(_WATCH_REMOVALS_JS)
    # The open tab's two charts (the Explorer draws only the open tab of its three).
    assert charts == 2, f"the Explorer's first tab should show 2 charts, shows {charts}"
    before = harness.chart_data(page)

    for key in ("ArrowRight", "ArrowLeft"):
        harness.timed_slider_move(page, "Cohort size", key)
        harness.wait_until_idle(page, min_charts=2)

    assert page.evaluate("() => window.__chartsRemoved") == 0, "a chart node was replaced"
    assert page.evaluate(_SAME_NODES_JS), "the charts on the page are not the ones drawn first"
    harness.timed_slider_move(page, "Cohort size", "ArrowRight")
    harness.wait_until_idle(page, min_charts=2)
    assert harness.chart_data(page) != before, "moving the slider redrew no chart"
    assert page.evaluate("() => window.__chartsRemoved") == 0, "a chart node was replaced"


def test_another_tab_draws_its_own_charts_and_they_follow_the_sliders(page, app_url):
    page.goto(app_url + "/explorer")
    harness.wait_until_idle(page, min_charts=2, timeout_ms=60_000)
    page.get_by_role("tab", name="Money by year and pocket").click()
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('.js-plotly-plot .gtitle'))"
        ".some(t => t.textContent.includes('where the saving lands'))",
        timeout=30_000,
    )
    harness.wait_until_idle(page, min_charts=2)
    before = harness.chart_data(page)
    harness.timed_slider_move(page, "Cohort size", "ArrowRight")
    harness.wait_until_idle(page, min_charts=2)
    assert harness.chart_data(page) != before, "the open tab's charts did not follow the slider"


def test_redrawn_chart_shows_hover_text_and_a_png_download(page, app_url):
    page.goto(app_url + "/explorer")
    harness.wait_until_idle(page, min_charts=2, timeout_ms=60_000)
    harness.timed_slider_move(page, "Cohort size", "ArrowRight")
    harness.wait_until_idle(page, min_charts=2)

    chart = page.locator(".js-plotly-plot").first
    chart.scroll_into_view_if_needed()
    # The tallest bar of the first chart (the investor-return histogram).
    bar = max(chart.locator(".point path").all(), key=lambda path: path.bounding_box()["height"])
    box = bar.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    hover = chart.locator(".hoverlayer .hovertext")
    hover.first.wait_for(state="visible", timeout=5_000)
    assert "%" in (hover.first.text_content() or ""), "the hover text shows no percentage"
    # The mode bar (shown while the pointer is over the chart) offers the PNG download.
    buttons = chart.locator(".modebar-btn")
    assert buttons.count() == 1, f"the mode bar should hold one button, holds {buttons.count()}"
    assert "png" in (buttons.first.get_attribute("data-title") or "").lower(), (
        "the mode bar's button is not 'download as PNG'"
    )


def test_chart_follows_its_column_when_the_window_narrows(page, app_url):
    """plotly's own `responsive` follows window resizes only; the component watches the chart's
    container, so the chart also fits a column that changes width."""
    page.goto(app_url + "/explorer")
    harness.wait_until_idle(page, min_charts=2, timeout_ms=60_000)
    width = "() => document.querySelector('.js-plotly-plot .main-svg').getAttribute('width')"
    wide = float(page.evaluate(width))
    page.set_viewport_size({"width": 1000, "height": harness.VIEWPORT["height"]})
    try:
        page.wait_for_function(f"() => ({width})() < {wide - 50}", timeout=5_000)
    finally:
        page.set_viewport_size(harness.VIEWPORT)
