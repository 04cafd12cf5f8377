"""The negotiation game handed out in a room, on phones (issue 20, items 5 and 6): a
facilitator and groups on 390×844 screens, browser locale da-DK, the dashboard in Danish.

The facilitator's screen shows each role's QR code, and what a phone's camera reads from the
screen (the drawn image, decoded with zxing-cpp) is that role's own link; the links point to
this computer, so the Share page's localhost warning is there, with the line on joining at
/game by code. A group joins by typing its join code; a group's page has no headline sliders
on top, its proposal form writes what the table writes, and the opening table reads
"Udgangspunkt"."""

from __future__ import annotations

import io
import re

import pytest
import zxingcpp
from PIL import Image

from tests.browser import streamlit_harness as harness
from ui.text.translator import Translator

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DA = Translator("da")
GROUPS = ("municipality", "investor", "provider", "state")


@pytest.fixture
def phone(new_tab):
    """A phone of its own (own cookies and Streamlit session), Danish, 390×844 at 2×."""
    return lambda: new_tab(PHONE["width"], PHONE["height"], scale=2, locale="da-DK", phone=True)


def _open(page, url: str) -> None:
    page.goto(url)
    harness.wait_until_idle(page, timeout_ms=60_000)
    harness.assert_no_exception(page, url)


def _main(page):
    return page.locator('[data-testid="stMain"]')


def _decoded(image) -> str:
    """What a camera reads from ``image`` as the screen draws it."""
    image.scroll_into_view_if_needed()
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(image.screenshot())))
    assert len(found) == 1, found
    return found[0].text


def test_role_qr_codes_join_codes_and_a_groups_phone(phone, app_url):
    facilitator = phone()
    _open(facilitator, f"{app_url}/game?lang=da")
    facilitator.get_by_role("button", name=DA("game_start")).click()
    facilitator.wait_for_url(re.compile(r"room=[A-Z]{4,6}&role=facilitator"))
    harness.wait_until_idle(facilitator)
    code = re.search(r"room=([A-Z]+)", facilitator.url).group(1)
    own_key = re.search(r"key=([A-Za-z0-9_-]+)", facilitator.url).group(1)

    # Item 5: a QR code per role that reads as that role's own link, with a text alternative.
    links, join_codes = {}, {}
    for role in GROUPS:
        block = facilitator.locator(f".st-key-game_role_link_{role}")
        link = block.locator('[data-testid="stCode"]').inner_text().strip()
        assert re.fullmatch(
            rf"http://127\.0\.0\.1:\d+/game\?room={code}&role={role}&key=[\w-]{{22}}&lang=da", link
        ), link
        image = block.locator('[data-testid="stImage"] img')
        assert _decoded(image) == link
        name = DA(f"game_role_{role}")
        assert image.get_attribute("alt") == DA("game_qr_alt", role=name, code=code)
        assert DA("game_qr_caption", role=name) in block.inner_text()
        join_codes[role] = re.search(rf"{code}(?:-[0-9A-Z]{{1,4}}){{7}}", block.inner_text()).group(
            0
        )
        links[role] = link
    assert not any(own_key in link for link in links.values())
    main = _main(facilitator).inner_text()
    assert DA("share_localhost") in main  # the links point to this computer
    root = links["investor"].split("/game?")[0]
    join = DA("game_join_link")
    assert DA("game_join_by_code", address=f"{root}/game", join=join, code=code) in main

    # A group without a camera joins by typing its join code, as read off the screen.
    state = phone()
    _open(state, f"{app_url}/game?lang=da")
    state.get_by_label(DA("game_join_link")).fill(join_codes["state"].lower().replace("-", " "))
    state.get_by_role("button", name=DA("game_join")).click()
    state.wait_for_url(re.compile(rf"room={code}&role=state&key="))
    harness.wait_until_idle(state)
    _main(state).get_by_text(DA("game_you_are", role=DA("game_role_state"), code=code)).wait_for()

    # Item 6: a group's phone page.
    investor = phone()
    _open(investor, links["investor"])
    assert investor.locator(".st-key-phone_sliders " + harness.SLIDER_THUMB).count() == 0
    first_screen = _main(investor).inner_text()
    assert DA.label("cohort_size") not in first_screen  # no headline slider in the page
    assert DA("game_starting_terms") in first_screen
    assert DA("game_role_facilitator") not in first_screen
    form = (
        _main(investor)
        .locator('[data-testid="stForm"]')
        .filter(has=investor.get_by_role("button", name=DA("game_send_proposal")))
    )
    assert form.get_by_label(DA.label("price_per_outcome")).input_value() == "200.000"
    shown = form.inner_text()
    # Slider values as the table writes them: "0,50" and "0 %", never "0.50" or "0.00".
    assert "0,50" in shown
    assert "0 %" in shown
    assert not re.search(r"\b0\.\d\d\b", shown), shown
    harness.assert_no_exception(investor, "a group's phone")
