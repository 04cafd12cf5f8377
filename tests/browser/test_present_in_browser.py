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
  for (const box of document.querySelectorAll('input[type="text"], input[type="number"]'))
    out.boxes.push(box.value);
  // Every axis of every subplot (".y3tick" as well as ".ytick") and any colour bar.
  for (const t of document.querySelectorAll('.js-plotly-plot .xaxislayer-above text,'
      + ' .js-plotly-plot .yaxislayer-above text, .js-plotly-plot .colorbar text'))
    out.ticks.push(t.textContent);
  return out;
}"""


def _open(page, url: str) -> None:
    page.goto(url)
    harness.wait_until_idle(page, min_charts=1, timeout_ms=60_000)


@pytest.mark.parametrize("path", ["/explorer", "/deal-space", "/creaming", "/sensitivity"])
def test_danish_sliders_boxes_and_ticks_read_danish(app_url, page, screenshot_dir, path):
    _open(page, app_url + path + "?lang=da")
    assert "lang=da" in page.url, page.url
    harness.open_sidebar_section(page, "Avanceret")  # the advanced sliders and number boxes
    sidebar_sliders = page.locator('[data-testid="stSidebar"] [data-testid="stSlider"]')
    assert sidebar_sliders.count() > 5, page.url
    assert "lang=da" in page.url, page.url
    harness.wait_until_idle(page, min_charts=1)
    found = page.evaluate(_VISIBLE_NUMBERS_JS)
    assert len(found["sliders"]) > 10, found
    assert found["boxes"], found
    assert found["ticks"], found
    for kind, texts in found.items():
        bad = [text for text in texts if ENGLISH_NUMBER.search(text)]
        assert not bad, (kind, bad)
    name = path.strip("/")
    page.screenshot(path=str(screenshot_dir / f"danish-sliders-{name}.png"))


def test_deal_space_willingness_to_pay_reads_danish(app_url, page, screenshot_dir):
    _open(page, app_url + "/deal-space?lang=da&test=wtp")
    box = page.locator(".st-key-deal_terms input[type='text']")
    assert box.input_value() == "500.000"
    box.fill("450.000")
    box.press("Enter")
    harness.wait_until_idle(page, min_charts=1)
    assert page.locator(".st-key-deal_terms input[type='text']").input_value() == "450.000"
    assert "wtp=450000" in page.url
    found = page.evaluate(_VISIBLE_NUMBERS_JS)
    assert found["sliders"], found
    assert "450.000" in found["boxes"], found
    assert found["ticks"], found
    for kind, texts in found.items():
        bad = [text for text in texts if ENGLISH_NUMBER.search(text)]
        assert not bad, (kind, bad)
    page.screenshot(path=str(screenshot_dir / "danish-deal-space-wtp.png"))


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
      + ' [data-testid="stMetricValue"] *, [data-testid="stMetricLabel"] *, .sib-key-sentence,'
      + ' [data-testid="stButtonGroup"] button p, .stMain [data-testid="stWidgetLabel"] p,'
      + ' .stMain .stButton [data-testid="stMarkdownContainer"],'
      + ' .stMain .stButton [data-testid="stMarkdownContainer"] p'))
    if (el.scrollWidth > el.clientWidth + 1) out.push(el.textContent);
  if (document.querySelector('.stMain').scrollWidth > window.innerWidth + 1)
    out.push('the page scrolls sideways');
  return out;
}"""

#: Chart titles and axis titles that reach outside their chart's box (cut off, or drawn over
#: whatever is beside the chart).
_TEXTS_OUTSIDE_JS = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
.flatMap(gd => {
  const b = gd.getBoundingClientRect();
  return Array.from(gd.querySelectorAll('.gtitle, g[class^="g-"][class$="title"] text'))
    .filter(t => t.textContent.trim())
    .filter(t => {
      const r = t.getBoundingClientRect();
      return r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1
        || r.bottom > b.bottom + 1;
    })
    .map(t => t.textContent);
})"""

#: Every page with charts, in presenter mode (Compare with two pinned scenarios to compare).
PRESENTER_PAGES = [
    "/explorer",
    "/creaming",
    "/deal-space",
    "/sensitivity",
    "/compare?p1=Easy&p1.d=0.2&p2=Hard&p2.d=0.8&",
    "/story",
]


def _present_url(app_url: str, path: str) -> str:
    joiner = "" if path.endswith("&") else "?"
    return f"{app_url}{path}{joiner}present=1&lang=da"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_presenter_mode_fits_a_projector(app_url, new_tab, screenshot_dir, size):
    page = new_tab(*size)
    _open(page, app_url + "/explorer?present=1")
    found = page.evaluate(_CHART_TEXT_JS)
    assert found["boxes"], "no chart drawn"
    assert any(b["top"] >= 0 and b["bottom"] <= found["height"] for b in found["boxes"]), found
    assert found["sizes"]
    assert min(found["sizes"]) >= 16, sorted(found["sizes"])[:5]
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
        assert box, k
        assert box["y"] + box["height"] <= size[1], (k, box)
    page.screenshot(path=str(screenshot_dir / f"presenter-{size[0]}x{size[1]}.png"))


def test_presenter_mode_on_every_page_fits_a_projector(app_url, new_tab, screenshot_dir):
    # One tab visits the pages in turn: one big chart each, on the first screen, every chart
    # text at least 16 px, the key sentence on one line, nothing cut off.
    page = new_tab(1280, 720)
    for path in PRESENTER_PAGES:
        _open(page, _present_url(app_url, path))
        name = path.strip("/").split("?")[0]
        found = page.evaluate(_CHART_TEXT_JS)
        assert len(found["boxes"]) == 1, (name, found["boxes"])
        box = found["boxes"][0]
        assert box["top"] >= 0, (name, box)
        assert box["bottom"] <= found["height"], (name, box)
        assert min(found["sizes"]) >= 16, (name, sorted(found["sizes"])[:5])
        sentence = page.locator(".sib-key-sentence")
        assert sentence.count() == 1, name
        lines = sentence.evaluate(
            "el => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)"
        )
        assert lines < 1.5, (name, lines, sentence.text_content())
        assert not page.evaluate(_TRUNCATED_JS), name
        assert not page.evaluate(_TEXTS_OUTSIDE_JS), name
        page.screenshot(path=str(screenshot_dir / f"presenter-1280x720-{name}.png"))


def test_presenter_views_switch_the_one_chart(app_url, new_tab):
    page = new_tab(1280, 720)
    _open(page, _present_url(app_url, "/sensitivity"))
    before = harness.chart_data(page)
    page.locator("[data-testid='stButtonGroup'] button").nth(1).click()
    harness.wait_until_idle(page, min_charts=1)
    assert page.locator(".js-plotly-plot").count() == 1
    assert harness.chart_data(page) != before
    assert "kommunens forventede netto" in page.locator(".sib-key-sentence").text_content()


def test_presenter_mode_at_150_percent_zoom_cuts_nothing_off_on_any_page(
    app_url, new_tab, screenshot_dir
):
    page = new_tab(853, 480, 1.5)
    for path in PRESENTER_PAGES:
        _open(page, _present_url(app_url, path))
        name = path.strip("/").split("?")[0]
        assert not page.evaluate(_TRUNCATED_JS), name
        assert not page.evaluate(_TEXTS_OUTSIDE_JS), name
        assert min(page.evaluate(_CHART_TEXT_JS)["sizes"]) >= 16, name
        page.screenshot(path=str(screenshot_dir / f"presenter-zoom-150-{name}.png"))


_PLOT_AREAS_JS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd => {
  const plots = Array.from(gd.querySelectorAll('.nsewdrag')).map(d => d.getBoundingClientRect());
  const legend = gd.querySelector('.legend');
  const l = legend ? legend.getBoundingClientRect() : null;
  return {
    plots: plots.map(r => ({w: r.width, h: r.height, bottom: r.bottom})),
    legend: l && l.width ? {top: l.top, left: l.left} : null,
  };
})"""


def _check_charts_fit_a_phone(page, name: str) -> None:
    for chart in page.evaluate(_PLOT_AREAS_JS):
        for plot in chart["plots"]:
            assert plot["w"] >= 200, (name, chart)
            assert plot["h"] >= 100, (name, chart)
        if chart["legend"] is not None:
            assert chart["legend"]["top"] >= max(p["bottom"] for p in chart["plots"]) - 5, (
                name,
                chart,
            )
    assert not page.evaluate(_TEXTS_OUTSIDE_JS), name
    assert not page.evaluate(_TRUNCATED_JS), name


def test_a_phone_sees_sliders_and_readable_charts(app_url, new_tab, screenshot_dir):
    page = new_tab(390, 844)
    _open(page, app_url + "/explorer?lang=da")
    phone = page.locator(".st-key-phone_sliders [data-testid='stSlider']")
    assert phone.count() == 3
    assert phone.first.is_visible()
    # The first slider and the first thing it moves are on the first screen together.
    top = phone.first.bounding_box()
    effect = (
        page.locator(".stMain")
        .locator("[data-testid='stMetricValue'], .js-plotly-plot, [data-testid='stMarkdown'] li")
        .first
    )
    assert top["y"] >= 0
    assert effect.bounding_box()["y"] < 844
    _check_charts_fit_a_phone(page, "explorer")
    page.screenshot(path=str(screenshot_dir / "phone-explorer.png"))
    harness.full_page_screenshot(page, screenshot_dir / "phone-explorer-full.png")


_DEAL_PHONE_JS = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const chart = gd.getBoundingClientRect();
  const plot = gd.querySelector('.nsewdrag').getBoundingClientRect();
  const terms = document.querySelector('.st-key-deal_terms').getBoundingClientRect();
  // The scenario's marker (once the slider has moved, the baseline's is drawn faintly too).
  const marker = gd.data.find(trace => trace.mode === 'markers' && trace.x[0] !== null
    && trace.legendgroup !== 'baseline');
  return {chart: {top: chart.top, bottom: chart.bottom},
          plot: {top: plot.top, bottom: plot.bottom, height: plot.height, width: plot.width},
          terms: terms.top, marker: marker.x[0]};
}"""


def test_a_phone_sees_a_deal_space_slider_and_the_chart_it_moves(app_url, new_tab, screenshot_dir):
    page = new_tab(390, 844)
    _open(page, app_url + "/deal-space?lang=da")
    difficulty = page.locator(".st-key-phone_sliders [data-testid='stSlider']").nth(2)
    found = page.evaluate(_DEAL_PHONE_JS)
    # A slider and the chart's plot on the first screen together (the plot may end just
    # below it), the plot a readable size, the parties' terms right under the chart.
    assert difficulty.bounding_box()["y"] + difficulty.bounding_box()["height"] <= 844
    assert found["plot"]["top"] < 844 - 150, found
    assert found["plot"]["bottom"] <= 844 + 40, found
    assert found["plot"]["height"] >= 200, found
    assert found["plot"]["width"] >= 250, found
    assert 0 <= found["terms"] - found["chart"]["bottom"] < 150, found
    _check_charts_fit_a_phone(page, "deal-space")  # the axis titles inside the chart's box
    page.screenshot(path=str(screenshot_dir / "phone-deal-space.png"))
    # The slider moves the chart's marker, both in view.
    harness.press_on_slider(page, difficulty.locator(harness.SLIDER_THUMB).first, "ArrowRight")
    harness.wait_until_idle(page, min_charts=1)
    assert page.evaluate(_DEAL_PHONE_JS)["marker"] > found["marker"]


#: Every page at a phone's width (Compare with two pinned scenarios, so it draws its charts).
PHONE_PAGES = [
    "/",
    "/story",
    "/creaming",
    "/sensitivity",
    "/game",
    "/compare?p1=Easy&p1.d=0.2&p2=Hard&p2.d=0.8&",
    "/share",
    "/method",
]


def test_no_page_is_cut_off_or_squeezed_on_a_phone(app_url, new_tab, screenshot_dir):
    page = new_tab(390, 844)
    for path in PHONE_PAGES:
        joiner = "" if path.endswith("&") else "?"
        page.goto(f"{app_url}{path}{joiner}lang=da")
        charted = path.split("?")[0] in ("/story", "/creaming", "/sensitivity", "/compare")
        harness.wait_until_idle(page, min_charts=int(charted), timeout_ms=60_000)
        name = path.strip("/").split("?")[0] or "start"
        _check_charts_fit_a_phone(page, name)
        harness.full_page_screenshot(page, screenshot_dir / f"phone-{name}-full.png")


def test_desktop_hides_the_phone_sliders(app_url, page):
    _open(page, app_url + "/explorer")
    assert not page.locator(".st-key-phone_sliders").first.is_visible()
