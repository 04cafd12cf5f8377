"""Screenshots of the facilitator's guide in Danish, to look at: the first screen and the
whole page on a desktop (1280x720) and a phone (390x844), and the page as printed (the print
stylesheet, emulated). Run from the repository root (Chromium from Debian, as for the browser
tests; ``STREAMLIT_TEST_PORTS`` picks the server's port)::

    .venv/bin/python -m benchmarks.guide_screens   # into benchmarks/results/screens-issue20/

Writes ``guide_desktop.png``, ``guide_desktop_full.png``, ``guide_phone.png``,
``guide_phone_full.png`` and ``guide_print.png``.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser import streamlit_harness as harness

OUT = Path(__file__).resolve().parent / "results" / "screens-issue20"
#: name → (width, height, device scale) of the window.
SCREENS = {"desktop": (1280, 720, 1), "phone": (390, 844, 1)}


def shoot(base_url: str, out: Path) -> list[Path]:
    """Take the screenshots of ``base_url``'s guide in Danish into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = harness.launch_chromium(playwright)
        try:
            for name, (width, height, scale) in SCREENS.items():
                context = browser.new_context(
                    viewport={"width": width, "height": height},
                    device_scale_factor=scale,
                    locale="da-DK",
                )
                page = context.new_page()
                page.goto(base_url + "/guide?lang=da")
                harness.wait_until_idle(page, timeout_ms=90_000)
                harness.assert_no_exception(page, f"/guide on the {name}")
                page.wait_for_timeout(500)
                written.append(out / f"guide_{name}.png")
                page.screenshot(path=str(written[-1]))
                written.append(out / f"guide_{name}_full.png")
                harness.full_page_screenshot(page, written[-1], max_height=16_000)
                if name == "desktop":
                    page.emulate_media(media="print")
                    written.append(out / "guide_print.png")
                    page.screenshot(path=str(written[-1]), full_page=True)
                context.close()
        finally:
            browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files")
    args = parser.parse_args()
    rooms = Path(tempfile.mkdtemp(prefix="guide-screens-")) / "game.sqlite3"
    with harness.StreamlitServer("app.py", env={"SIB_GAME_DB": str(rooms)}) as base_url:
        for path in shoot(base_url, args.out):
            print(path)


if __name__ == "__main__":
    main()
