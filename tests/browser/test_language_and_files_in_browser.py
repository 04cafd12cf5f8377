"""Issue 20 (items 1, 2, 4 and 9) in a real browser, as the issue was found: browsers with a
Danish or an English locale, on a 1280×720 laptop and a 390×844 phone.

1. The language follows the browser's locale, the link's ``lang`` and the user's choice win,
   and every text is Danish, the presets and the file uploader included; switching the
   language keeps every value.
2. A saved file brings a fresh browser back to the page and tab it was saved on, with the
   values, and says so where the user looks.
4. A link or QR code shared from presenter mode does not carry presenter mode.
9. The Method page's preset sources are Danish, without the project's own file names.
"""

from __future__ import annotations

import base64
import io
import json
import urllib.request

import pytest
import segno
from PIL import Image

from tests.browser import streamlit_harness as harness

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}
PRESET_BOX = '[data-testid="stSidebar"] [data-testid="stSelectbox"] input'
UPLOADER = '[data-testid="stFileUploaderDropzone"]'


@pytest.fixture
def browser_in(new_tab):
    """A tab in a fresh browser context (another laptop or phone) with ``locale`` and
    ``viewport``."""
    return lambda locale, viewport=LAPTOP: new_tab(
        viewport["width"], viewport["height"], locale=locale
    )


def _open(page, url: str, charts: int = 0) -> None:
    page.goto(url)
    harness.wait_until_idle(page, min_charts=charts, timeout_ms=90_000)
    harness.assert_no_exception(page, url)


def _click(page, name: str, charts: int = 0) -> None:
    page.get_by_text(name, exact=True).first.click()
    harness.wait_until_idle(page, min_charts=charts)


def _image_bytes(source: str, app_url: str) -> bytes:
    """The bytes of an image's ``src``: inline (``data:...;base64,``) or served by the app."""
    if source.startswith("data:"):
        return base64.b64decode(source.split(",", 1)[1])
    with urllib.request.urlopen(app_url + source if source.startswith("/") else source) as answer:
        return bytes(answer.read())


def _qr_modules(image: bytes, modules: int, border: int = 4) -> list[list[int]]:
    """The dark (1) and light (0) modules of a QR code image ``modules`` wide inside a light
    ``border`` (PNG, or the JPEG Streamlit may serve it as), read at each module's centre."""
    picture = Image.open(io.BytesIO(image)).convert("L")
    cell = picture.size[0] / (modules + 2 * border)

    def dark(x: int, y: int) -> int:
        centre = (int((border + x + 0.5) * cell), int((border + y + 0.5) * cell))
        return int(picture.getpixel(centre) < 128)

    return [[dark(x, y) for x in range(modules)] for y in range(modules)]


# --- item 1: the browser's language, the link's and the user's -----------------------------


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_a_danish_browser_gets_danish_presets_and_uploader_included(
    browser_in, app_url, screenshot_dir, viewport
):
    page = browser_in("da-DK", viewport)
    _open(page, app_url + "/")
    assert page.locator("h1").first.inner_text().startswith("Sociale investeringer")
    assert "lang=da" in page.url
    assert page.locator(PRESET_BOX).input_value() == "100 i job (artiklen)"

    _open(page, app_url + "/share")
    dropzone = page.locator(UPLOADER)
    dropzone.scroll_into_view_if_needed()
    # Our words, as the button's name and text and the line under it; Streamlit's are gone,
    # the file input's English name too.
    page.get_by_role("button", name="Vælg fil", exact=True).wait_for()
    assert page.get_by_role("button", name="Upload", exact=True).count() == 0
    assert page.get_by_role("button", name="file upload").count() == 0
    assert dropzone.get_by_text("JSON, højst 100 kB", exact=True).is_visible()
    assert page.get_by_text("per file").count() == 0
    # While a file is dragged over it, too.
    dragged = page.evaluate_handle(
        "() => { const d = new DataTransfer();"
        " d.items.add(new File(['{}'], 'a.json', {type: 'application/json'})); return d; }"
    )
    dropzone.dispatch_event("dragenter", {"dataTransfer": dragged})
    dropzone.get_by_text("Slip filen her", exact=True).wait_for()
    assert dropzone.get_by_text("Drag and drop").count() == 0
    dropzone.dispatch_event("dragleave", {"dataTransfer": dragged})
    name = "phone" if viewport == PHONE else "laptop"
    dropzone.screenshot(path=str(screenshot_dir / f"uploader-da-{name}.png"))


def test_an_english_browser_gets_english(browser_in, app_url):
    page = browser_in("en-US")
    _open(page, app_url + "/")
    assert page.locator("h1").first.inner_text().startswith("Social impact bonds")
    assert "lang=" not in page.url
    assert page.locator(PRESET_BOX).input_value() == "100 into jobs (the article)"
    assert page.get_by_role("button", name="Choose file").count() == 0  # not on this page


def test_the_links_language_wins_over_a_danish_browser_also_after_a_reload(browser_in, app_url):
    page = browser_in("da-DK")
    _open(page, app_url + "/explorer?lang=en&d=0.7", charts=1)
    assert page.locator("h1").first.inner_text() == "Explorer"
    page.reload()
    harness.wait_until_idle(page, min_charts=1)
    assert page.locator("h1").first.inner_text() == "Explorer"
    assert "lang=en" in page.url


def test_the_users_choice_wins_and_every_value_survives_the_switch(browser_in, app_url):
    page = browser_in("da-DK")
    _open(page, app_url + "/explorer", charts=1)
    assert page.locator("h1").first.inner_text() == "Udforsk"
    assert harness.slider_value(page, "Succesrate") == "40 %"

    _click(page, "English", charts=1)
    assert page.locator("h1").first.inner_text() == "Explorer"
    assert page.locator(PRESET_BOX).input_value() == "100 into jobs (the article)"
    # A select slider keeps its option's text: "40 %" is no English option, and the slider
    # fell back to its first one, 0%, which the next run took for a move.
    assert harness.slider_value(page, "Success probability") == "40%"
    assert harness.slider_value(page, "difficulty") == "0.50"
    assert "lang=en" in page.url

    _click(page, "Dansk", charts=1)
    assert page.locator(PRESET_BOX).input_value() == "100 i job (artiklen)"
    assert harness.slider_value(page, "Succesrate") == "40 %"
    assert harness.slider_value(page, "sværhedsgrad") == "0,50"
    assert "p=" not in page.url  # the scenario is still the defaults
    assert "d=" not in page.url

    # The Start page's button opens the Explorer in the language chosen.
    _open(page, app_url + "/?lang=da")
    _click(page, "Åbn Udforsk", charts=1)
    page.wait_for_url("**/explorer**")
    assert page.locator("h1").first.inner_text() == "Udforsk"


# --- item 2: a saved file opens the page and tab it was saved on -----------------------------


def test_a_saved_file_brings_a_fresh_browser_back_to_the_page_tab_and_values(
    browser_in, app_url, tmp_path, screenshot_dir
):
    page = browser_in("en-US")
    _open(page, app_url + "/explorer?n=250&p=0.63&d=0.3", charts=2)
    page.get_by_role("tab", name="Money by year and pocket").click()
    harness.wait_until_idle(page, min_charts=2)
    page.get_by_role("link", name="Share and save").click()
    page.wait_for_url("**/share**")
    harness.wait_until_idle(page)
    # The link, its QR code and the file open the page the user came from.
    assert page.locator(
        '[data-testid="stMain"] [data-testid="stSelectbox"] input'
    ).input_value() == ("Explorer")
    assert (
        "/explorer?" in page.locator('[data-testid="stMain"] [data-testid="stCode"]').inner_text()
    )
    with page.expect_download() as download:
        page.get_by_role("button", name="Download scenario file (JSON)").click()
    saved = tmp_path / "workshop.json"
    download.value.save_as(saved)
    document = json.loads(saved.read_text())
    assert (document["page"], document["tab"]) == ("explorer", "explorer_tab_money")
    assert document["scenario"]["cohort_size"] == 250

    other = browser_in("da-DK")
    _open(other, app_url + "/share")
    other.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(saved)
    other.wait_for_url("**/explorer**")
    harness.wait_until_idle(other, min_charts=2)
    assert other.locator("h1").first.inner_text() == "Udforsk"
    assert other.get_by_role("tab", selected=True).inner_text() == "Penge pr. år og lomme"
    assert harness.slider_value(other, "Antal borgere") == "250"
    assert harness.slider_value(other, "Succesrate") == "63 %"
    assert harness.slider_value(other, "sværhedsgrad") == "0,30"
    # Said at the top of the screen, where the user looks, not halfway down the Share page.
    toast = other.locator('[data-testid="stToast"]')
    assert "workshop.json“ er indlæst" in toast.inner_text()
    assert toast.bounding_box()["y"] < 200
    other.screenshot(path=str(screenshot_dir / "file-loaded-da.png"))


# --- item 4: no presenter mode in shared links and QR codes ----------------------------------


def test_a_link_and_qr_shared_from_presenter_mode_do_not_carry_it(browser_in, app_url):
    page = browser_in("en-US")
    _open(page, app_url + "/share?present=1&d=0.7")
    assert "present=1" in page.url  # the projector itself stays in presenter mode
    link = page.locator('[data-testid="stMain"] [data-testid="stCode"]').inner_text().strip()
    assert "d=0.7" in link
    assert "present" not in link
    sidebar_link = page.locator('[data-testid="stSidebar"] .sib-copy-link input').input_value()
    assert "d=0.7" in sidebar_link
    assert "present" not in sidebar_link
    # The QR code is the code of exactly that link: every module as segno draws it.
    source = page.locator('[data-testid="stMain"] img[alt]').first.get_attribute("src")
    expected = [list(row) for row in segno.make(link, error="m", micro=False).matrix]
    assert _qr_modules(_image_bytes(source, app_url), len(expected)) == expected


# --- item 9: the Method page's sources in the page's language --------------------------------


def test_the_method_pages_sources_are_danish_without_internal_file_names(browser_in, app_url):
    page = browser_in("da-DK")
    _open(page, app_url + "/method")
    expander = page.locator('[data-testid="stExpander"]').filter(has_text="100 i job (artiklen)")
    expander.locator("summary").click()
    text = expander.inner_text()
    assert "Brookings opgiver for afsluttede sociale investeringer" in text
    for english_or_internal in ("DESIGN.md", "Suggested defaults", "DKK", "Sources are given"):
        assert english_or_internal not in page.locator('[data-testid="stMain"]').inner_text()
