"""Issue 10 in a real browser: Danish number formats on every slider, box and tick."""

from __future__ import annotations

import re

import pytest

from tests.browser import streamlit_harness as harness

pytestmark = pytest.mark.browser

# An English decimal point (a point not followed by exactly three digits, which would be a
# Danish thousands point: "200.000"), an English thousands comma ("200,000"), a percent sign
# glued to its number (Danish writes "40 %").
ENGLISH_NUMBER = re.compile(r"\d\.(?!\d{3}(?!\d))\d|\d,\d{3}(?!\d)|\d%")

_VISIBLE_NUMBERS_JS = """() => {
  const out = {sliders: [], boxes: [], ticks: []};
  for (const s of document.querySelectorAll('[data-testid="stSlider"]')) {
    for (const el of s.querySelectorAll('[data-testid="stSliderThumbValue"],'
        + ' [data-testid="stSliderTickBarMin"], [data-testid="stSliderTickBarMax"]'))
      out.sliders.push(el.textContent);
    for (const th of s.querySelectorAll('[role="slider"]'))
      out.sliders.push(th.getAttribute('aria-valuetext') || '');
  }
  for (const box of document.querySelectorAll('[data-testid="stSidebar"] input[type="text"],'
      + ' [data-testid="stSidebar"] input[type="number"]')) out.boxes.push(box.value);
  for (const t of document.querySelectorAll('.js-plotly-plot .xtick text, .js-plotly-plot'
      + ' .ytick text, .js-plotly-plot .colorbar text')) out.ticks.push(t.textContent);
  return out;
}"""


def _open(page, url: str) -> None:
    page.goto(url)
    harness.wait_until_idle(page, min_charts=1, timeout_ms=60_000)


@pytest.mark.parametrize("path", ["/explorer", "/deal-space", "/creaming", "/sensitivity"])
def test_danish_sliders_boxes_and_ticks_read_danish(app_url, page, screenshot_dir, path):
    _open(page, app_url + path + "?lang=da")
    page.get_by_text("Avanceret").first.click()  # the advanced sliders and number boxes
    harness.wait_until_idle(page, min_charts=1)
    found = page.evaluate(_VISIBLE_NUMBERS_JS)
    assert len(found["sliders"]) > 10 and found["boxes"] and found["ticks"], found
    for kind, texts in found.items():
        bad = [text for text in texts if ENGLISH_NUMBER.search(text)]
        assert not bad, (kind, bad)
    name = path.strip("/")
    page.screenshot(path=str(screenshot_dir / f"danish-sliders-{name}.png"))


@pytest.fixture
def tab_at(browser):
    """A tab in a context of its own at the given viewport (and device scale)."""
    contexts = []

    def make(width: int, height: int, scale: float = 1.0):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            device_scale_factor=scale,
            locale="en-GB",
        )
        context.set_default_timeout(30_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


_CHART_TEXT_JS = """() => {
  const charts = Array.from(document.querySelectorAll('.js-plotly-plot'));
  const sizes = [];
  for (const gd of charts)
    for (const t of gd.querySelectorAll('svg text'))
      if (t.textContent.trim()) sizes.push(parseFloat(getComputedStyle(t).fontSize));
  const boxes = charts.map(gd => {
    const r = gd.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};
  });
  return {sizes, boxes, height: window.innerHeight, width: window.innerWidth};
}"""

_TRUNCATED_JS = """() => {
  const out = [];
  for (const el of document.querySelectorAll('[data-testid="stMetricValue"],'
      + ' [data-testid="stMetricValue"] *, [data-testid="stMetricLabel"] *, .sib-key-sentence'))
    if (el.scrollWidth > el.clientWidth + 1) out.push(el.textContent);
  return out;
}"""


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_presenter_mode_fits_a_projector(app_url, tab_at, screenshot_dir, size):
    page = tab_at(*size)
    _open(page, app_url + "/explorer?present=1")
    found = page.evaluate(_CHART_TEXT_JS)
    assert found["boxes"], "no chart drawn"
    assert any(b["top"] >= 0 and b["bottom"] <= found["height"] for b in found["boxes"]), found
    assert found["sizes"] and min(found["sizes"]) >= 16, sorted(found["sizes"])[:5]
    values = page.locator('[data-testid="stMetricValue"]')
    assert values.count() == 3
    assert all(
        float(v) >= 40
        for v in values.evaluate_all("els => els.map(e => getComputedStyle(e).fontSize)")
        for v in [v.removesuffix("px")]
    )
    assert not page.evaluate(_TRUNCATED_JS)
    assert "present=1" in page.url
    sliders = page.locator('[data-testid="stSidebar"] [data-testid="stSlider"]')
    for k in range(3):  # the three headline sliders without scrolling the sidebar
        box = sliders.nth(k).bounding_box()
        assert box and box["y"] + box["height"] <= size[1], (k, box)
    page.screenshot(path=str(screenshot_dir / f"presenter-{size[0]}x{size[1]}.png"))


def test_presenter_mode_at_150_percent_zoom_cuts_nothing_off(app_url, tab_at, screenshot_dir):
    # 150 % browser zoom on a 1280×720 screen: a CSS viewport of 853×480 at scale 1.5.
    page = tab_at(853, 480, 1.5)
    _open(page, app_url + "/explorer?present=1&lang=da")
    assert page.locator('[data-testid="stMetricValue"]').count() == 3
    assert not page.evaluate(_TRUNCATED_JS)
    page.screenshot(path=str(screenshot_dir / "presenter-zoom-150.png"))


def test_presenter_key_sentence_is_one_line_at_1280(app_url, tab_at):
    page = tab_at(1280, 720)
    _open(page, app_url + "/explorer?present=1&lang=da")
    lines = page.locator(".sib-key-sentence").evaluate(
        "el => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)"
    )
    assert lines < 1.5, lines


_PLOT_AREAS_JS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd => {
  const plots = Array.from(gd.querySelectorAll('.nsewdrag')).map(d => d.getBoundingClientRect());
  const legend = gd.querySelector('.legend');
  const l = legend ? legend.getBoundingClientRect() : null;
  return {
    plots: plots.map(r => ({w: r.width, h: r.height, bottom: r.bottom})),
    legend: l && l.width ? {top: l.top, left: l.left} : null,
  };
})"""


@pytest.mark.parametrize(
    ("path", "name"), [("/explorer", "explorer"), ("/deal-space", "deal-space")]
)
def test_a_phone_sees_sliders_and_readable_charts(app_url, tab_at, screenshot_dir, path, name):
    page = tab_at(390, 844)
    _open(page, app_url + path + "?lang=da")
    phone = page.locator(".st-key-phone_sliders [data-testid='stSlider']")
    assert phone.count() == 3 and phone.first.is_visible()
    # The first slider and the first thing it moves are on the first screen together.
    top = phone.first.bounding_box()
    effect = (
        page.locator(".stMain")
        .locator("[data-testid='stMetricValue'], .js-plotly-plot, [data-testid='stMarkdown'] li")
        .first
    )
    assert top["y"] >= 0
    if name == "explorer":
        assert effect.bounding_box()["y"] < 844
    for chart in page.evaluate(_PLOT_AREAS_JS):
        for plot in chart["plots"]:
            assert plot["w"] >= 200 and plot["h"] >= 120, chart
        if chart["legend"] is not None:
            assert chart["legend"]["top"] >= min(p["bottom"] for p in chart["plots"]) - 5, chart
    page.screenshot(path=str(screenshot_dir / f"phone-{name}.png"))
    harness.full_page_screenshot(page, screenshot_dir / f"phone-{name}-full.png")


def test_desktop_hides_the_phone_sliders(app_url, page):
    _open(page, app_url + "/explorer")
    assert not page.locator(".st-key-phone_sliders").first.is_visible()
