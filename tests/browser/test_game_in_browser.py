"""The negotiation game in real browsers: a facilitator and three groups, each in a browser
context of its own (four laptops), play one round through the links the facilitator hands
out. Nobody reloads: the facilitator's view and the groups' views follow the room through
their fragments, which read it every few seconds. Screenshots of the facilitator's view at a
projector's 1280×720 land in ``artifacts/screenshots/``."""

from __future__ import annotations

import re

import pytest

from tests.browser import streamlit_harness as harness

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1280, "height": 720}
#: Longest wait for something another browser did: a fragment reads the room every 3 s.
SEEN_WITHIN_MS = 12_000


def _no_exception(page) -> None:
    errors = page.locator(harness.EXCEPTION)
    assert errors.count() == 0, errors.first.inner_text()


def _open(page, url: str) -> None:
    page.goto(url)
    harness.wait_until_idle(page, timeout_ms=60_000)
    _no_exception(page)


def _main(page):
    return page.locator('[data-testid="stMain"]')


def _sees(page, text: str) -> None:
    """Wait until ``text`` shows in the page's main area, without touching the page."""
    _main(page).get_by_text(text, exact=False).first.wait_for(timeout=SEEN_WITHIN_MS)


def _start_room(facilitator, app_url: str) -> str:
    """The facilitator opens the game and starts a room (with the mouse); its code."""
    _open(facilitator, f"{app_url}/game")
    facilitator.get_by_role("button", name="Start a new room").click()
    return _room_started(facilitator)


def _room_started(facilitator) -> str:
    """Wait for the facilitator's screen of the room just started; the room's code."""
    facilitator.wait_for_url(re.compile(r"room=[A-Z]{4,6}&role=facilitator"))
    harness.wait_until_idle(facilitator)
    return re.search(r"room=([A-Z]+)", facilitator.url).group(1)


def test_a_round_with_three_groups_in_their_own_browsers(new_tab, app_url, screenshot_dir):
    facilitator = new_tab(**PROJECTOR)
    code = _start_room(facilitator, app_url)
    # The three groups' links, the room's first code blocks (drawn late: harness.code_texts).
    links = {
        role: link
        for link in harness.code_texts(_main(facilitator), 3)
        for role in ("municipality", "investor", "provider")
        if re.search(rf"room={code}&role={role}&key=[A-Za-z0-9_-]{{22}}$", link.strip())
    }
    assert len(links) == 3, links
    # A bare room link opens no screen of the room: the lobby says the link is incomplete.
    stranger = new_tab()
    _open(stranger, f"{app_url}/game?room={code}")
    _sees(stranger, "This link is incomplete")
    assert _main(stranger).get_by_role("button", name="Open a round").count() == 0

    # The municipality joins before the round opens: its proposal button waits for the round.
    municipality = new_tab()
    _open(municipality, links["municipality"].strip())
    send = _main(municipality).get_by_role("button", name="Put it on the table")
    assert send.is_disabled()
    _sees(municipality, "Waiting for the facilitator to open a round")

    facilitator.get_by_role("button", name="Open a round").click()
    _sees(facilitator, "Round 1 is open")
    # No reload: the municipality's view notices the open round by itself.
    _sees(municipality, "Round 1 is open")
    form = harness.open_proposal_form(municipality, SEEN_WITHIN_MS)
    price = form.get_by_label("Price per outcome (DKK)")
    price.fill("260000")
    form.get_by_label("Message to the others").fill("Fair price, shared risk")
    send.click()
    _sees(municipality, "You have accepted what is on the table.")

    # The investor and the provider join now, each in its own browser, and accept.
    for role in ("investor", "provider"):
        group = new_tab()
        _open(group, links[role].strip())
        _sees(group, "Proposed by Municipality in round 1")
        _main(group).get_by_role("button", name="Accept what is on the table").click()
        _sees(group, "You have accepted what is on the table.")
        _no_exception(group)

    # The facilitator touched nothing since opening the round; its fragment caught up.
    _sees(facilitator, "Fair price, shared risk")
    _sees(facilitator, "Accepted by: Municipality, Investor, Provider")
    _no_exception(facilitator)
    harness.wait_until_idle(facilitator)
    # At a projector's width every term and value of the contract can be read in full.
    cut_off = facilitator.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stMain"] table td, '
                 + '[data-testid="stMain"] table th')]
              .filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.innerText)"""
    )
    assert not cut_off, cut_off
    facilitator.screenshot(path=str(screenshot_dir / "game-facilitator-1280x720.png"))
    harness.full_page_screenshot(facilitator, screenshot_dir / "game-facilitator.png")

    facilitator.get_by_role("button", name="Close the round").click()
    _sees(facilitator, "Deal signed in round 1.")
    _sees(facilitator, "Debrief: the signed deal against what each party wanted")
    _no_exception(facilitator)
    harness.full_page_screenshot(facilitator, screenshot_dir / "game-debrief.png")


def test_a_room_is_started_and_played_from_the_keyboard_alone(new_tab, app_url):
    """WCAG 2.1.1: the facilitator starts a room and opens a round, and a group puts a price
    on the table, with Tab, typing and Enter only (no mouse)."""
    facilitator = new_tab(**PROJECTOR)
    _open(facilitator, f"{app_url}/game")
    harness.tab_to(facilitator, facilitator.get_by_role("button", name="Start a new room"))
    facilitator.keyboard.press("Enter")
    code = _room_started(facilitator)
    investor = next(
        link.strip()
        for link in harness.code_texts(_main(facilitator), 3)
        if f"room={code}&role=investor&key=" in link
    )
    harness.tab_to(facilitator, _main(facilitator).get_by_role("button", name="Open a round"))
    facilitator.keyboard.press("Enter")
    _sees(facilitator, "Round 1 is open")

    group = new_tab()
    _open(group, investor)
    form = harness.open_proposal_form(group, SEEN_WITHIN_MS)
    harness.tab_to(group, form.get_by_label("Price per outcome (DKK)"))
    group.keyboard.press("ControlOrMeta+A")
    group.keyboard.type("240000")
    group.keyboard.press("Tab")  # leaves the box: the form keeps what was typed
    harness.tab_to(group, _main(group).get_by_role("button", name="Put it on the table"))
    group.keyboard.press("Enter")
    _sees(group, "You have accepted what is on the table.")
    _sees(facilitator, "Proposed by Investor in round 1")
    _no_exception(group)
    _no_exception(facilitator)


def test_the_facilitator_shows_the_explorer_and_comes_back_to_the_room(new_tab, app_url):
    facilitator = new_tab(**PROJECTOR)
    code = _start_room(facilitator, app_url)
    facilitator.locator('[data-testid="stSidebarNav"] a[href$="/explorer"]').click()
    harness.wait_until_idle(facilitator, min_charts=1)
    assert f"room={code}" not in facilitator.url  # the page's own link, not the room's
    facilitator.locator('[data-testid="stSidebarNav"] a[href$="/game"]').click()
    harness.wait_until_idle(facilitator)
    _main(facilitator).get_by_role("button", name=f"Back to room {code} as the Facilitator").click()
    facilitator.wait_for_url(re.compile(rf"room={code}&role=facilitator&key="))
    _sees(facilitator, "Open a round")
    _no_exception(facilitator)
