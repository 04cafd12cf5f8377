"""Every page meets WCAG 2.1 AA as axe-core checks it, in Danish and English, and the parts a
keyboard user needs work from the keyboard (Danish public bodies must meet WCAG 2.1 AA:
webtilgængelighedsloven).

axe-core runs in the real page once its script run is over; a serious or critical violation
fails the test with the element's HTML. The report of every page is written to
``artifacts/accessibility-<lang>.md`` (a run's copy: ``benchmarks/results/accessibility-*.md``).
Found and fixed with it: Streamlit's faded captions (3.9:1 against the 4.5:1 needed), the
Share page's QR code without a text alternative, the Method page's formulas as scroll boxes a
keyboard cannot reach, and charts without a name.
"""

from __future__ import annotations

import pytest

from tests.browser import streamlit_harness as harness
from ui.spec.pages import PAGES

pytestmark = pytest.mark.browser

SERIOUS = {"serious", "critical"}


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_page_has_no_serious_accessibility_violation(app_url, browser, lang, screenshot_dir):
    context = browser.new_context(
        viewport=harness.VIEWPORT, locale="da-DK" if lang == "da" else "en-GB"
    )
    context.set_default_timeout(30_000)
    report = [f"# axe-core {harness.axe_version()}, WCAG 2.1 A/AA, lang={lang}", ""]
    failures = []
    try:
        for spec in PAGES:
            page = context.new_page()
            page.goto(f"{app_url}/{spec.url}?lang={lang}")
            harness.wait_until_idle(page)
            found = harness.axe_violations(page)
            if found:  # caught between two runs (a link rewritten): look at the settled page
                harness.wait_until_idle(page)
                found = harness.axe_violations(page)
            report.append(
                f"- /{spec.url}: {len(found)} violation(s) "
                + str([(v["id"], v["impact"], len(v["nodes"])) for v in found])
            )
            failures += [(spec.url, v) for v in found if v["impact"] in SERIOUS]
            page.close()
    finally:
        context.close()
        (screenshot_dir.parent / f"accessibility-{lang}.md").write_text("\n".join(report) + "\n")
    assert not failures, failures


def test_every_chart_is_named_for_a_screen_reader(page, app_url):
    page.goto(f"{app_url}/explorer?lang=da")
    harness.wait_until_idle(page, min_charts=1)
    labels = page.locator(".js-plotly-plot").evaluate_all(
        "nodes => nodes.map(n => [n.getAttribute('role'), n.getAttribute('aria-label')])"
    )
    assert labels
    for role, label in labels:
        assert role == "figure"
        # The chart's own title and its axes, in the page's language.
        assert label, "a chart without a name"
        # Its title, then its axes ("y mod x") or its series, in the page's language.
        assert " mod " in label or "Serier: " in label, label


def test_the_qr_code_has_a_text_alternative(page, app_url):
    page.goto(f"{app_url}/share?lang=da")
    harness.wait_until_idle(page)
    alt = page.locator("figure.sib-image img").first.get_attribute("alt")
    assert alt, "the QR code has no text alternative"
    assert "scenarie" in alt


def test_sliders_and_tabs_work_from_the_keyboard(page, app_url):
    page.goto(f"{app_url}/explorer?lang=en")
    harness.wait_until_idle(page, min_charts=1)
    label = "Success probability"
    before = harness.slider_value(page, label)
    harness.press_on_slider(page, harness.slider_thumb(page, label), "ArrowRight")
    harness.wait_until_idle(page, min_charts=1)
    assert harness.slider_value(page, label) != before
    tabs = page.get_by_role("tab")
    first = tabs.first
    first.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    harness.wait_until_idle(page, min_charts=1)
    assert tabs.nth(1).get_attribute("aria-selected") == "true"
