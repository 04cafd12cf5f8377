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


def test_danish_sliders_boxes_and_ticks_read_danish(app_url, page, screenshot_dir):
    _open(page, app_url + "/?lang=da")
    page.get_by_text("Avanceret").first.click()  # the advanced sliders and number boxes
    harness.wait_until_idle(page, min_charts=1)
    found = page.evaluate(_VISIBLE_NUMBERS_JS)
    assert len(found["sliders"]) > 10 and found["boxes"] and found["ticks"], found
    for kind, texts in found.items():
        bad = [text for text in texts if ENGLISH_NUMBER.search(text)]
        assert not bad, (kind, bad)
    page.screenshot(path=str(screenshot_dir / "danish-sliders.png"))
