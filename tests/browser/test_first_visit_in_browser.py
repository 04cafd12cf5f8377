"""A phone's first visit loads only what the Explorer needs (issue 17): plotly.js's cartesian
bundle, no syntax highlighter; and the sidebar's link to the view, now a small component
instead of ``st.code``, still copies the link. (The bytes and times are measured by
``benchmarks/first_visit.py``, not here.)"""

from __future__ import annotations

import pytest

from tests.browser import streamlit_harness as harness
from ui.app.live_chart import PLOTLY_JS_NAME

pytestmark = pytest.mark.browser

#: Streamlit's lazy chunk for st.code and markdown code blocks (1.6 MB, 0.5 MB gzipped).
HIGHLIGHTER = "StreamlitSyntaxHighlighter"
LINK_FIELD = '[data-testid="stSidebar"] .sib-copy-link input'
COPY_BUTTON = '[data-testid="stSidebar"] .sib-copy-link button'


def test_a_phone_opening_the_explorer_loads_the_cartesian_bundle_and_no_highlighter(
    browser, app_url
):
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="en-GB",
        permissions=["clipboard-read", "clipboard-write"],
    )
    try:
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(app_url + "/explorer?n=250")
        harness.wait_until_idle(page, min_charts=1, timeout_ms=60_000)
        harness.assert_no_exception(page, "/explorer on a phone")
        assert [u for u in requested if u.endswith("/app/static/" + PLOTLY_JS_NAME)], requested
        assert not [u for u in requested if HIGHLIGHTER in u]
        assert not [u for u in requested if "/plotly-" in u and PLOTLY_JS_NAME not in u]

        # The sidebar's link: the view's address, copied by the button.
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        field = page.locator(LINK_FIELD)
        link = field.input_value()
        assert link.startswith(app_url + "/explorer?"), link
        assert "n=250" in link
        page.locator(COPY_BUTTON).click()
        assert page.evaluate("() => navigator.clipboard.readText()") == link
        assert page.locator(COPY_BUTTON).inner_text() == "Copied"
        assert not [u for u in requested if HIGHLIGHTER in u]
    finally:
        context.close()
