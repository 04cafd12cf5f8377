"""The guided story in a real browser: Next through every step without an exception, the
step in the address bar, and a screenshot of one step."""

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
        page.get_by_role("button", name="Next").click()
        page.wait_for_url(re.compile(rf".*/story\?.*step={number}(&|$)"), timeout=60_000)
        harness.wait_for_redraw(page, before, timeout_ms=60_000)
        harness.assert_no_exception(page, f"story step {number}")
        assert page.get_by_text(f"Step {number} of {len(STEPS)}").count() == 1
        if number == SCREENSHOT_STEP:
            page.screenshot(path=str(screenshot_dir / "story-step.png"), full_page=True)
    assert page.get_by_role("button", name="Next").is_disabled()
