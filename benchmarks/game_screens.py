"""Screenshots of the negotiation game on phones (390×844, Danish): the facilitator's links
for the groups and a group's own page, as a workshop's participants see them.

Not a test: it records what the screens look like, for a before/after comparison
(``benchmarks/results/screens-issue20/``)::

    python -m benchmarks.game_screens --tag after

writes ``game_<tag>_facilitator.png`` (the facilitator's phone, whole page),
``game_<tag>_facilitator_links.png`` (its links for the groups),
``game_<tag>_participant_top.png`` (the first screen of a group's phone),
``game_<tag>_participant.png`` (its whole page) and
``game_<tag>_participant_form.png`` (the proposal form) to ``--out``. The server runs from
this checkout with the game's rooms in a temporary file.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser import streamlit_harness as harness
from ui.text.translator import Translator

PHONE = {"width": 390, "height": 844}
OUT = Path(__file__).resolve().parent / "results" / "screens-issue20"


def _phone(browser):
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, locale="da-DK", is_mobile=True, has_touch=True
    )
    context.set_default_timeout(60_000)
    return context, context.new_page()


def _open(page, url: str) -> None:
    page.goto(url)
    harness.wait_until_idle(page, timeout_ms=60_000)
    harness.assert_no_exception(page, url)


def _whole_page(page, path: Path, parts: dict[Path, object] | None = None) -> None:
    """The main area from top to bottom in one shot (the window made as tall as the page's
    content for it: :func:`harness.full_page_screenshot` also counts the closed sidebar),
    and each of ``parts`` (a locator, by the file it goes to) cut from the same tall window
    (a part taller than the phone's screen would be cut off in a shot of its own)."""
    height = page.evaluate(
        """() => {
             const main = document.querySelector('[data-testid="stMainBlockContainer"]');
             return Math.ceil(main.getBoundingClientRect().height + 120);
           }"""
    )
    page.set_viewport_size({"width": PHONE["width"], "height": max(height, PHONE["height"])})
    try:
        page.wait_for_timeout(400)
        page.screenshot(path=str(path), full_page=True)
        for part_path, locator in (parts or {}).items():
            box = locator.bounding_box()  # type: ignore[attr-defined]
            assert box is not None, part_path
            page.screenshot(path=str(part_path), clip=box)
    finally:
        page.set_viewport_size(PHONE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tag", required=True, help="before or after")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    t = Translator("da")
    rooms = Path(tempfile.mkdtemp(prefix="game-screens-")) / "game.sqlite3"
    server = harness.StreamlitServer(
        "app.py", env={"SIB_GAME_DB": str(rooms), "SIB_GAME_LIMITS": "off"}
    )
    with server as url, sync_playwright() as playwright:
        browser = harness.launch_chromium(playwright)
        try:
            _, facilitator = _phone(browser)
            _open(facilitator, f"{url}/game?lang=da")
            facilitator.get_by_role("button", name=t("game_start")).click()
            facilitator.wait_for_url(re.compile(r"role=facilitator"))
            harness.wait_until_idle(facilitator, timeout_ms=60_000)
            code = re.search(r"room=([A-Z]+)", facilitator.url)
            assert code is not None, facilitator.url
            links = [
                text.strip()
                for text in facilitator.locator(
                    '[data-testid="stMain"] [data-testid="stCode"]'
                ).all_inner_texts()
                if "role=investor" in text
            ]
            assert links, "no investor link on the facilitator's screen"
            links_part = facilitator.locator('[data-testid="stExpander"]').filter(
                has_text=t("game_links")
            )
            _whole_page(
                facilitator,
                args.out / f"game_{args.tag}_facilitator.png",
                {args.out / f"game_{args.tag}_facilitator_links.png": links_part.first},
            )
            _, investor = _phone(browser)
            _open(investor, links[0])
            investor.screenshot(path=str(args.out / f"game_{args.tag}_participant_top.png"))
            form = investor.locator('[data-testid="stMain"] [data-testid="stForm"]').filter(
                has=investor.get_by_role("button", name=t("game_send_proposal"))
            )
            _whole_page(
                investor,
                args.out / f"game_{args.tag}_participant.png",
                {args.out / f"game_{args.tag}_participant_form.png": form},
            )
        finally:
            browser.close()
    print(f"room {code.group(1)}: screenshots in {args.out}")


if __name__ == "__main__":
    main()
