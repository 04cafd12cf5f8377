"""The facilitator's guide in a real browser, in Danish: its buttons open their pages (in the
same session, still in Danish), the plan downloads as a PDF, and on paper the sidebar, the
buttons and the downloads are left out while the guide runs over several pages."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from tests.browser import streamlit_harness as harness

pytestmark = pytest.mark.browser

AALBORG = "Udforsk: Udsatte ledige, 120 (à la Aalborg)"


def _open_guide(page, app_url: str) -> None:
    page.goto(app_url + "/guide?lang=da")
    harness.wait_until_idle(page, timeout_ms=60_000)
    harness.assert_no_exception(page, "/guide?lang=da")
    assert page.locator("h1").first.inner_text() == "Facilitatorguide"


def _main_title(page) -> str:
    return page.locator('[data-testid="stMain"] h1').first.inner_text()


def test_the_danish_guide_prints_without_the_sidebar_and_downloads_its_plan(
    page, app_url, screenshot_dir
):
    _open_guide(page, app_url)
    with page.expect_download() as download:
        page.get_by_role("button", name="Hent drejebogen (PDF)").click()
    assert download.value.suggested_filename == "sib-guide-60-da.pdf"
    assert PdfReader(download.value.path()).pages

    page.emulate_media(media="print")
    try:
        assert not page.locator('[data-testid="stSidebar"]').is_visible()
        for hidden in (".stDownloadButton", ".stButton", '[data-testid="stPageLink"]'):
            shown = page.locator(hidden)
            assert not any(shown.nth(k).is_visible() for k in range(shown.count())), hidden
        assert page.locator('[class*="st-key-guide_block_"]').first.is_visible()
        page.screenshot(path=str(screenshot_dir / "guide-print.png"), full_page=True)
        paper = PdfReader(io.BytesIO(page.pdf(format="A4")))
    finally:
        page.emulate_media(media="screen")
    text = " ".join(" ".join(p.extract_text().split()) for p in paper.pages)
    # The whole guide reaches the paper, not only the first screenful, and no sidebar.
    assert len(paper.pages) >= 3
    assert "Inden workshoppen" in text
    assert "Opsamling" in text.split("min. ·")[-1]
    assert "Link til denne visning" not in text  # the sidebar's link caption
    assert "Til eksempel" not in text  # and its "to preset" button
    assert "Hent drejebogen" not in text


def test_the_danish_guides_links_open_their_pages_in_danish(page, app_url):
    _open_guide(page, app_url)
    # The game opens in a tab of its own, with this view's link (scenario and language).
    game = page.locator(".stLinkButton a").first
    assert game.get_attribute("target") == "_blank"
    assert re.search(r"/game\?(.*&)?lang=da", game.get_attribute("href") or "")

    # A page as it is: a real link, in this session.
    page.locator(
        '[data-testid="stMain"] [data-testid="stPageLink"] a', has_text="Del og gem"
    ).first.click()
    page.wait_for_url(re.compile(r".*/share(\?.*)?$"))
    harness.wait_until_idle(page, timeout_ms=60_000)
    assert _main_title(page) == "Del og gem"

    # Back to the guide by the menu, then a block's example: the Explorer with it, in Danish.
    page.locator('[data-testid="stSidebarNav"] a[href$="/guide"]').click()
    page.wait_for_url(re.compile(r".*/guide(\?.*)?$"))
    harness.wait_until_idle(page, timeout_ms=60_000)
    page.get_by_role("button", name=AALBORG).click()
    page.wait_for_url(re.compile(r".*/explorer\?.*"), timeout=60_000)
    harness.wait_until_idle(page, min_charts=1, timeout_ms=60_000)
    harness.assert_no_exception(page, "the guide's Aalborg button")
    assert _main_title(page) == "Udforsk"
    assert harness.slider_value(page, "Antal borgere") == "120"
    assert "n=120" in page.url
    assert "lang=da" in page.url
