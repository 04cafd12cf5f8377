"""The guided story in a real browser: Next through every step without an exception, the
step in the address bar, and a screenshot of one step; on a phone, a Next where each step
ends and a way on from the last."""

from __future__ import annotations

import re

import pytest

from tests.browser import streamlit_harness as harness
from ui.words.story import STEPS

pytestmark = pytest.mark.browser

SCREENSHOT_STEP = 4


def _traces(page) -> list[str]:
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
                     .map(gd => JSON.stringify(gd.data || null))"""
    )


def test_next_walks_through_every_step(page, app_url, screenshot_dir):
    page.goto(app_url + "/story?step=1")
    harness.wait_until_idle(page, min_charts=1, timeout_ms=60_000)
    page.wait_for_url(re.compile(r".*/story\?.*step=1"))
    for number in range(2, len(STEPS) + 1):
        before = _traces(page)
        page.get_by_role("button", name="Next").first.click()
        page.wait_for_url(re.compile(rf".*/story\?.*step={number}(&|$)"), timeout=60_000)
        harness.wait_for_redraw(page, before, timeout_ms=60_000)
        harness.assert_no_exception(page, f"story step {number}")
        assert page.get_by_text(f"Step {number} of {len(STEPS)}").count() == 1
        if number == SCREENSHOT_STEP:
            page.screenshot(path=str(screenshot_dir / "story-step.png"), full_page=True)
    # The last step leads on (to the Explorer), not to a greyed-out Next.
    assert page.get_by_role("button", name="Next").count() == 0
    assert page.get_by_role("button", name="On to the Explorer").first.is_enabled()


#: The end of the page: Streamlit scrolls its main container, not the document.
_SCROLL_TO_END_JS = """() => {
  for (const el of [document.scrollingElement, ...document.querySelectorAll(
      '[data-testid="stMain"], [data-testid="stAppViewContainer"],'
      + ' [data-testid="stAppScrollToBottomContainer"]')])
    if (el) el.scrollTop = el.scrollHeight;
}"""

#: The main area's buttons named ``name`` (their text), with their boxes in the window.
_BUTTONS_JS = """(name) => Array.from(document.querySelectorAll('.stMain button'))
  .filter(b => b.innerText.trim().endsWith(name))
  .map(b => {
    const r = b.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, disabled: b.disabled};
  })"""


def _at_the_end(page, name: str) -> dict:
    """After scrolling to the end of the step, the button ``name`` nearest to it."""
    page.evaluate(_SCROLL_TO_END_JS)
    page.wait_for_timeout(200)
    buttons = page.evaluate(_BUTTONS_JS, name)
    assert buttons, name
    return max(buttons, key=lambda b: b["top"])


def test_a_phone_finds_the_way_on_where_each_step_ends(app_url, new_tab, screenshot_dir):
    # Issue 20, item 7: on a phone, Next was only above the step, up to 615 px above the
    # screen by the time a reader had read the step, and the last step's was greyed out.
    page = new_tab(390, 844)
    page.goto(app_url + "/story?step=1&lang=da")
    harness.wait_until_idle(page, min_charts=1, timeout_ms=60_000)
    for number in range(1, len(STEPS)):
        page.wait_for_url(re.compile(rf".*/story\?.*step={number}(&|$)"), timeout=60_000)
        harness.wait_until_idle(page, min_charts=1, timeout_ms=60_000)
        harness.assert_no_exception(page, f"story step {number}")
        found = _at_the_end(page, "Næste")
        assert found["top"] >= 0, (number, found)
        assert found["bottom"] <= 844, (number, found)
        assert not found["disabled"], number
        if number == SCREENSHOT_STEP:
            page.screenshot(path=str(screenshot_dir / "phone-story-step-end.png"))
        page.locator(".stMain button").filter(has_text="Næste").last.click()
    page.wait_for_url(re.compile(rf".*/story\?.*step={len(STEPS)}(&|$)"), timeout=60_000)
    harness.wait_until_idle(page, min_charts=1, timeout_ms=60_000)
    assert page.locator(".stMain button").filter(has_text="Næste").count() == 0
    onward = _at_the_end(page, "Videre til Udforsk")
    assert onward["top"] >= 0, onward
    assert onward["bottom"] <= 844, onward
    assert not onward["disabled"]
    page.screenshot(path=str(screenshot_dir / "phone-story-last-step-end.png"))
    page.locator(".stMain button").filter(has_text="Videre til Udforsk").last.click()
    page.wait_for_url(re.compile(r".*/explorer(\?|$)"), timeout=60_000)
    harness.wait_until_idle(page, min_charts=1, timeout_ms=60_000)
    harness.assert_no_exception(page, "the Explorer after the story")
