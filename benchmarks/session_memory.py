"""Memory of one long session: does the server grow with every slider move? (A script, not a test.)

Run from the repository root::

    .venv/bin/python -m benchmarks.session_memory [--moves 500] [--page /]

Starts the dashboard (``tests/browser/streamlit_harness.py``), opens one tab and makes
``--moves`` keyboard moves the way a presenter does: the "Cohort size" slider swept right and
back again, and between sweeps the "Success probability" slider one step on, so the session
keeps meeting new scenarios (and ``st.cache_data`` fills up to its ``max_entries`` and starts
evicting). Every 50 moves the server's resident memory (VmRSS of the ``streamlit run`` process,
from ``/proc``) is printed. Flat means: the growth over the second half of the moves is small
against the first (cache filling, first imports) and does not keep rising with each block.

The app freezes its long-lived objects out of the garbage collector after the first run
(``app.py``), so this is also the check that the collections Streamlit still runs after each
script run keep up with what each run leaves behind.
"""

from __future__ import annotations

import argparse
import sys

from playwright.sync_api import sync_playwright

from benchmarks.proc import rss_mb
from tests.browser import streamlit_harness as harness

SWEEP = 25  # cohort steps per direction
EVERY = 50  # moves between memory readings


def moves(total: int):
    """(slider label, key) for each move: cohort swept right and back, probability stepped."""
    made = 0
    while made < total:
        yield "Success probability", "ArrowRight"
        made += 1
        for key in ("ArrowRight", "ArrowLeft"):
            for _ in range(SWEEP if key == "ArrowRight" else SWEEP - 1):
                if made >= total:
                    return
                yield "Cohort size", key
                made += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=500)
    parser.add_argument("--page", default="/explorer", help="url path of the page to use")
    args = parser.parse_args(argv)
    readings: list[tuple[int, float]] = []
    server = harness.StreamlitServer("app.py")
    with server as base_url, sync_playwright() as playwright:
        browser = harness.launch_chromium(playwright)
        page = browser.new_page(viewport=harness.VIEWPORT)
        page.goto(base_url + args.page)
        harness.wait_until_idle(page, min_charts=1, timeout_ms=90_000)
        readings.append((0, rss_mb([server.process.pid])))
        print(f"{'moves':>6} {'RSS MB':>8}", flush=True)
        print(f"{0:>6} {readings[-1][1]:>8.1f}", flush=True)
        lost = 0
        for done, (label, key) in enumerate(moves(args.moves), start=1):
            if key == "ArrowRight" and harness.slider_at_max(page, label):
                key = "ArrowLeft"
            try:
                harness.timed_slider_move(page, label, key, timeout_ms=15_000)
            except TimeoutError as error:
                lost += 1
                print(f"move {done}: {error}", file=sys.stderr)
                harness.wait_until_idle(page, min_charts=1, timeout_ms=60_000)
            if done % EVERY == 0:
                readings.append((done, rss_mb([server.process.pid])))
                print(f"{done:>6} {readings[-1][1]:>8.1f}", flush=True)
        browser.close()
    half = len(readings) // 2
    first = readings[half][1] - readings[0][1]
    second = readings[-1][1] - readings[half][1]
    print(
        f"\ngrowth over moves 0–{readings[half][0]}: {first:+.1f} MB; "
        f"over moves {readings[half][0]}–{readings[-1][0]}: {second:+.1f} MB "
        f"({second / max(1, readings[-1][0] - readings[half][0]) * 1000:+.1f} kB per move); "
        f"{lost} moves lost"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
