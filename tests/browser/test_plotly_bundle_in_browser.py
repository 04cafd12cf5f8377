"""The plotly.js the dashboard serves (the cartesian partial bundle, ui/app/vendor/) draws every
chart exactly as the full plotly.js of the same version does, and knows every trace type.

Each chart page is walked twice in one browser: once as served, once with the bundle's URL
answered from the python plotly package's full ``plotly.min.js`` (same plotly.js version: a
test in ``tests/ui/app/test_live_chart.py`` holds them together). Every chart's SVG, the
random ids plotly gives each chart and trace taken out, must be the same.
"""

from __future__ import annotations

import re
from pathlib import Path

import plotly
import pytest

from tests.browser import streamlit_harness as harness
from ui.app.live_chart import PLOTLY_JS_NAME

pytestmark = pytest.mark.browser

FULL_PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
#: The pages that draw charts (their first tab's), in a visitor's order.
CHART_PAGES = ["/story", "/explorer", "/creaming", "/deal-space", "/sensitivity"]

# Every chart's SVG as markup with each element's attributes in name order (the order a
# browser keeps is that in which plotly happened to set them, which a redraw may change).
_DRAWN_JS = """() => {
const markup = (node) => {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  const attributes = Array.from(node.attributes, a => `${a.name}="${a.value}"`).sort();
  const inner = Array.from(node.childNodes, markup).join('');
  return `<${node.tagName} ${attributes.join(' ')}>${inner}</${node.tagName}>`;
};
return Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd => {
  const known = Object.keys(window.Plotly.PlotSchema.get().traces);
  let svg = Array.from(gd.querySelectorAll('svg.main-svg'), markup).join('');
  // The random ids plotly gives the chart and each of its traces (clip paths, classes).
  svg = svg.split(gd._fullLayout._uid).join('UID');
  gd._fullData.forEach((t, i) => { if (t.uid) svg = svg.split(t.uid).join(`TRACE${i}`); });
  return {
    svg,
    unknown: (gd.data || []).map(t => t.type || 'scatter').filter(t => !known.includes(t)),
  };
});
}"""


def _walk(page, app_url: str) -> dict[str, list[dict]]:
    drawn = {}
    for path in CHART_PAGES:
        page.goto(app_url + path)
        harness.wait_until_idle(page, min_charts=1, timeout_ms=60_000)
        harness.assert_no_exception(page, path)
        drawn[path] = _settled(page)
    return drawn


def _settled(page, tries: int = 20) -> list[dict]:
    """The charts as drawn once two looks 300 ms apart agree: a chart may still be resized
    to its column, or refitted, after the script run is over."""
    now = page.evaluate(_DRAWN_JS)
    for _ in range(tries):
        page.wait_for_timeout(300)
        now, before = page.evaluate(_DRAWN_JS), now
        if now == before:
            return now
    return now


def test_the_partial_bundle_draws_every_chart_as_the_full_plotly_js(browser_context, app_url):
    served = browser_context.new_page()
    full = browser_context.new_page()
    try:
        full.route(
            re.compile(re.escape(PLOTLY_JS_NAME) + "$"),
            lambda route: route.fulfill(path=FULL_PLOTLY_JS, content_type="text/javascript"),
        )
        as_served, as_full = _walk(served, app_url), _walk(full, app_url)
        # The routed tab really ran the full bundle (it has the trace types the partial lacks).
        assert full.evaluate("() => 'scattergl' in window.Plotly.PlotSchema.get().traces")
        assert not served.evaluate("() => 'scattergl' in window.Plotly.PlotSchema.get().traces")
    finally:
        served.close()
        full.close()
    for path in CHART_PAGES:
        assert as_served[path], f"{path}: no chart drawn"
        assert [c["unknown"] for c in as_served[path]] == [[]] * len(as_served[path]), path
        assert len(as_served[path]) == len(as_full[path]), path
        for index, (mine, theirs) in enumerate(zip(as_served[path], as_full[path], strict=True)):
            assert mine["svg"] == theirs["svg"], f"{path}: chart {index} differs"
