"""Users' words are data (issue 19, item 6): hostile text typed as a game group's name and
message, and as a pinned scenario's name in a link, reads literally in a real browser — no
dialog opens, no ``javascript:`` link appears, no injected image, no markdown colour."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest

from tests.browser import streamlit_harness as harness

pytestmark = pytest.mark.browser

IMAGE = "<img src=x onerror=alert(1)>"
LINK = "[x](javascript:alert(1))"
COLOUR = ":red[**big**]"
SEEN_WITHIN_MS = 12_000

#: Everything that would show the text was interpreted instead of shown.
_INTERPRETED_JS = """() => ({
  javascript: [...document.querySelectorAll('a[href]')]
    .filter(a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:'))
    .map(a => a.outerHTML),
  images: [...document.querySelectorAll('img')]
    .filter(i => i.getAttribute('src') === 'x').map(i => i.outerHTML),
})"""


def _watch_dialogs(page) -> list[str]:
    opened: list[str] = []
    page.on("dialog", lambda dialog: (opened.append(dialog.message), dialog.dismiss()))
    return opened


def _open(page, url: str) -> None:
    page.goto(url)
    harness.wait_until_idle(page, timeout_ms=60_000)
    harness.assert_no_exception(page, url)


def _main(page):
    return page.locator('[data-testid="stMain"]')


def _reads_literally(page, *texts: str) -> None:
    for text in texts:
        _main(page).get_by_text(text, exact=False).first.wait_for(timeout=SEEN_WITHIN_MS)
    found = page.evaluate(_INTERPRETED_JS)
    assert found == {"javascript": [], "images": []}, found


def test_hostile_names_and_messages_read_literally_in_the_game(new_tab, app_url):
    facilitator = new_tab(1280, 720)
    facilitator_dialogs = _watch_dialogs(facilitator)
    _open(facilitator, f"{app_url}/game")
    facilitator.get_by_role("button", name="Start a new room").click()
    facilitator.wait_for_url(re.compile(r"room=[A-Z]{4,6}&role=facilitator"))
    harness.wait_until_idle(facilitator)
    code = re.search(r"room=([A-Z]+)", facilitator.url).group(1)
    # The three groups' links, the room's first code blocks (drawn late: harness.code_texts).
    links = [
        link.strip()
        for link in harness.code_texts(_main(facilitator), 3)
        if re.search(rf"room={code}&role=municipality&key=", link)
    ]
    assert len(links) == 1, links
    facilitator.get_by_role("button", name="Open a round").click()
    harness.wait_until_idle(facilitator)

    group = new_tab()
    group_dialogs = _watch_dialogs(group)
    _open(group, links[0])
    name_form = _main(group).locator('[data-testid="stForm"]').first
    name_form.get_by_label("Group name").fill(IMAGE)
    name_form.get_by_role("button").click()
    harness.wait_until_idle(group)
    form = harness.open_proposal_form(group, SEEN_WITHIN_MS)
    form.get_by_label("Message to the others").fill(f"{LINK} {COLOUR}")
    form.get_by_role("button", name="Put it on the table").click()
    harness.wait_until_idle(group)

    # The facilitator's view shows the group's name and message as typed.
    _reads_literally(facilitator, IMAGE, LINK, COLOUR)
    _reads_literally(group, IMAGE)
    assert facilitator_dialogs == []
    assert group_dialogs == []


def test_hostile_pinned_names_read_literally_on_compare(new_tab, app_url):
    page = new_tab(1280, 900)
    dialogs = _watch_dialogs(page)
    query = urlencode({"p1": IMAGE, "p1.d": "0.2", "p2": LINK, "p2.d": "0.8", "p3": COLOUR})
    _open(page, f"{app_url}/compare?{query}")
    _reads_literally(page, IMAGE, LINK, COLOUR)
    assert dialogs == []
