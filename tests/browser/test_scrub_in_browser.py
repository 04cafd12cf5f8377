"""Issue 21: the charts and headline figures follow a headline slider while it is dragged.

The mouse is pressed on the success slider's thumb and moved across in small steps without
being released; chart redraws and changes of the headline figures are counted on every
animation frame. After the release the page must equal a fresh page opened at its link (the
figures shown while dragging are frames; the settled page is the server's)."""

from __future__ import annotations

import pytest

from tests.browser import streamlit_harness as harness

pytestmark = pytest.mark.browser

STEP_PX, STEP_MS, STEPS = 5, 40, 25


def _drag(page, key: str, *, steps: int = STEPS) -> float:
    """Press on the thumb of slider ``key``, move right in small steps, keep it pressed;
    the position it was pressed at."""
    knob = harness.slider_knob(page, key)
    knob.scroll_into_view_if_needed()
    box = knob.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    harness.start_drag_monitor(page)
    page.mouse.down()
    page.evaluate("() => { window.__dragMarks.t0 = performance.now(); }")
    for step in range(1, steps + 1):
        page.mouse.move(x + STEP_PX * step, y)
        page.wait_for_timeout(STEP_MS)
    return x


def _touch(cdp, kind: str, x: float, y: float) -> None:
    """A finger on the screen at (x, y) (Chrome's touch events: pointer events follow)."""
    points = [] if kind == "touchEnd" else [{"x": x, "y": y}]
    cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})


@pytest.mark.parametrize("lang", ["en", "da"])
def test_dragging_the_success_slider_moves_charts_and_figures_before_release(
    new_tab, app_url, screenshot_dir, lang
):
    page = new_tab(1280, 720)
    page.goto(app_url + "/explorer" + ("?lang=da" if lang == "da" else ""))
    harness.wait_until_idle(page, min_charts=2, timeout_ms=60_000)
    before = harness.page_figures(page)
    # The charts in view beside the sidebar's slider, for the screenshot.
    page.evaluate(
        "() => document.querySelector('.js-plotly-plot').scrollIntoView({block: 'center'})"
    )

    _drag(page, "in_success_probability")
    marks = harness.drag_marks(page)
    page.screenshot(path=str(screenshot_dir / f"scrub-mid-drag-{lang}-1280x720.png"))
    # Two charts: each frame redraws both.
    first_second = [t for t in marks["charts"] if t <= 1000][::2]
    metric_changes = [t for t in marks["metrics"] if t <= 1000]
    assert len(first_second) >= 5, f"chart redraws in the first second of the drag: {marks}"
    assert len(metric_changes) >= 5, f"headline changes in the first second: {marks}"
    # Nothing has been sent yet: the slider reports on release.
    during = harness.page_figures(page)
    assert during != before
    # The words follow too: the line of return figures, the sentences and the sidebar's
    # caption of the chosen group (p(d) moves with the success slider); none is dimmed.
    assert len(during["words"]) == 3, during["words"]
    for now, then in zip(during["words"], before["words"], strict=True):
        assert now != then, (then, now)
    assert not page.evaluate(
        "() => [...document.querySelectorAll('[class*=st-key-]')].some(e => e.style.opacity)"
    )

    page.mouse.up()
    harness.wait_until_idle(page, min_charts=2)
    page.wait_for_timeout(300)
    harness.wait_until_idle(page, min_charts=2)
    settled = harness.page_figures(page)
    link = page.url
    assert "p=" in link, (
        link,
        harness.slider_value(page, "Success"),
        page.evaluate(
            "() => [window.__sibScrub.data.fields.success_probability.value, "
            "window.__sibScrub.settling, window.__sibScrub.active]"
        ),
    )

    fresh = new_tab(1280, 720)
    fresh.goto(link)
    harness.wait_until_idle(fresh, min_charts=2, timeout_ms=60_000)
    assert harness.page_figures(fresh) == settled
    harness.assert_no_exception(page, "after the drag")


def test_a_drag_let_go_where_it_started_puts_the_page_back(new_tab, app_url):
    page = new_tab(1280, 720)
    page.goto(app_url + "/explorer")
    harness.wait_until_idle(page, min_charts=2, timeout_ms=60_000)
    before = harness.page_figures(page)
    x = _drag(page, "in_difficulty", steps=15)
    box = harness.slider_knob(page, "in_difficulty").bounding_box()
    page.mouse.move(x, box["y"] + box["height"] / 2)
    page.wait_for_timeout(300)
    page.mouse.up()
    page.wait_for_timeout(500)
    harness.wait_until_idle(page, min_charts=2)
    assert harness.page_figures(page) == before


def test_a_finger_dragging_the_phone_slider_moves_the_chart(new_tab, app_url, screenshot_dir):
    page = new_tab(390, 844, 2)
    for lang in ("en", "da"):
        page.goto(app_url + "/explorer" + ("?lang=da" if lang == "da" else ""))
        harness.wait_until_idle(page, min_charts=2, timeout_ms=60_000)
        knob = harness.slider_knob(page, "phone_in_success_probability")
        knob.wait_for(timeout=30_000)
        knob.scroll_into_view_if_needed()
        box = knob.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        cdp = page.context.new_cdp_session(page)
        harness.start_drag_monitor(page)
        _touch(cdp, "touchStart", x, y)
        page.evaluate("() => { window.__dragMarks.t0 = performance.now(); }")
        for step in range(1, 31):
            _touch(cdp, "touchMove", x + 3 * step, y)
            page.wait_for_timeout(40)
        marks = harness.drag_marks(page)
        page.screenshot(path=str(screenshot_dir / f"scrub-mid-drag-{lang}-phone.png"))
        assert len(marks["charts"]) >= 5, marks
        _touch(cdp, "touchEnd", x, y)
        harness.wait_until_idle(page, min_charts=2)
        harness.assert_no_exception(page, f"after a finger's drag ({lang})")


def test_a_slider_value_lost_on_the_way_is_passed_on_by_the_page(new_tab, app_url):
    # The one message that tells the server of a key press on the success slider is dropped
    # between browser and server (Streamlit's slider sends nothing again): the thumb shows
    # 41 % and the page was drawn at 40 %. Once the slider has been still a while, scrub.js
    # passes the thumb's value on (a "heal" report) and the page settles at 41 %, as a fresh
    # page at that value shows it.
    page = new_tab(1280, 720)
    drop = {"armed": False, "dropped": 0}

    def route(ws):
        server = ws.connect_to_server()

        def to_server(message):
            if drop["armed"] and not drop["dropped"]:
                drop["dropped"] += 1
                return
            server.send(message)

        ws.on_message(to_server)
        server.on_message(ws.send)

    page.route_web_socket("**/_stcore/stream", route)
    page.goto(app_url + "/explorer")
    harness.wait_until_idle(page, min_charts=2, timeout_ms=60_000)
    thumb = harness.slider_thumb(page, "Success probability")
    thumb.focus()
    page.wait_for_timeout(600)  # the focus's own report (arming the slider) has gone
    harness.wait_until_idle(page, min_charts=2)
    before = harness.page_figures(page)
    drop["armed"] = True
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => window.__sibScrub.heals >= 1", timeout=15_000, polling=100)
    page.wait_for_function(
        "() => window.__sibScrub.data.fields.success_probability.value === 0.41",
        timeout=15_000,
        polling=100,
    )
    harness.wait_until_idle(page, min_charts=2)
    assert drop["dropped"] == 1, "the key press's message was not the one dropped"
    assert harness.slider_value(page, "Success probability") == "41%"
    healed = harness.page_figures(page)
    assert healed != before

    fresh = new_tab(1280, 720)
    fresh.goto(page.url)
    harness.wait_until_idle(fresh, min_charts=2, timeout_ms=60_000)
    assert harness.page_figures(fresh) == healed
    harness.assert_no_exception(page, "after a lost slider value was passed on")
