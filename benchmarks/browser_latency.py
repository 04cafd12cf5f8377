"""Slider move → redrawn chart, in a real browser: the Explorer page against Streamlit's floor.

Run from the repository root::

    .venv/bin/python -m benchmarks.browser_latency [--moves 21] [--only bare|explorer]

For each page the app is started with the same helper the browser test uses
(``tests/browser/streamlit_harness.py``), the page is loaded and left to settle, and the
"Cohort size" slider is moved ``--moves`` times with the keyboard. Each move is timed inside the
page with ``performance.now()``: from the keydown event to the first animation frame at which a
plotly chart holds new traces *and* Streamlit reports the script run over with nothing stale.
The first two moves of each series warm up and are discarded.

Two move patterns:

* ``alternate`` (ArrowRight, ArrowLeft, ...): the value stays in range, but after the warm-up
  every state is one ``st.cache_data`` has seen, so this is the cached best case;
* ``walk`` (one direction, every value new): each move is a cache miss, as in a first drag.

``benchmarks/bare_page.py`` (one slider, one 11-bar chart, no cache) is the floor: websocket
round trip, script rerun, React render and plotly redraw with no model behind it. Targets:
Explorer median under 300 ms and at most 2.5x the bare page (alternating moves).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser import streamlit_harness as harness

REPO_ROOT = Path(__file__).resolve().parents[1]

PAGES = {
    # name: (script, url path, slider label)
    "bare": ("benchmarks/bare_page.py", "/", "Cohort size"),
    "explorer": ("app.py", "/", "Cohort size"),
}
WARMUP_MOVES = 2
TARGET_MEDIAN_MS = 300.0
TARGET_RATIO = 2.5


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile (numpy's default), without importing numpy."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def measure(browser, name: str, moves: int, pattern: str = "alternate"):
    script, path, label = PAGES[name]
    with harness.StreamlitServer(script) as base_url:
        context = browser.new_context(viewport=harness.VIEWPORT)
        page = context.new_page()
        page.goto(base_url + path)
        harness.wait_until_idle(page, min_charts=1, timeout_ms=60_000)
        left_room, right_room = harness.slider_room(page, label)
        if pattern == "walk":
            if max(left_room, right_room) < moves + WARMUP_MOVES:
                raise RuntimeError(f"{name}: {label!r} has no room for {moves} new values")
            keys = ["ArrowRight" if right_room >= left_room else "ArrowLeft"] * 2
        else:
            keys = ["ArrowRight", "ArrowLeft"] if right_room else ["ArrowLeft", "ArrowRight"]
        timings, script_done, failures = [], [], 0
        for move in range(moves + WARMUP_MOVES):
            key = keys[move % 2]
            try:
                elapsed = harness.timed_slider_move(page, label, key, timeout_ms=15_000)
            except TimeoutError as error:
                # Reported and left out rather than fatal: one lost keypress should not cost
                # the whole run; the count is printed beside the figures.
                print(f"{name}: move {move}: {error}", file=sys.stderr)
                failures += 1
                harness.wait_until_idle(page, min_charts=1, timeout_ms=60_000)
                continue
            if move >= WARMUP_MOVES:
                timings.append(elapsed)
                script_done.append(harness.last_move_script_ms(page) or float("nan"))
            # Let the page breathe as a person would; also lets late redraws finish.
            page.wait_for_timeout(100)
        if page.locator(harness.EXCEPTION).count():
            raise RuntimeError(f"{name}: an exception is shown on the page after the moves")
        context.close()
    if failures > max(2, moves // 5):
        raise RuntimeError(f"{name}: {failures} of {moves + WARMUP_MOVES} moves never redrew")
    return timings, script_done, failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=21, help="timed moves per page (>= 15)")
    parser.add_argument("--only", choices=sorted(PAGES), help="measure one page only")
    args = parser.parse_args(argv)
    if args.moves < 15:
        parser.error("--moves must be at least 15 for a median and p90 worth printing")

    names = [args.only] if args.only else ["bare", "explorer"]
    if "explorer" in names and not (REPO_ROOT / "app.py").exists():
        print("app.py does not exist yet: measuring the bare page only", file=sys.stderr)
        names = ["bare"]
    runs = [(name, "alternate") for name in names]
    if "explorer" in names:
        runs.append(("explorer", "walk"))

    results: dict[str, list[float]] = {}
    scripts: dict[str, list[float]] = {}
    failed: dict[str, int] = {}
    with sync_playwright() as playwright:
        try:
            browser = harness.launch_chromium(playwright)
        except FileNotFoundError as missing:
            print(missing, file=sys.stderr)
            return 2
        try:
            for name, pattern in runs:
                row = name if pattern == "alternate" else f"{name} (walk)"
                results[row], scripts[row], failed[row] = measure(
                    browser, name, args.moves, pattern)
        finally:
            browser.close()

    print("\nms from keydown to redrawn charts with the app idle; 'script done' = median ms from"
          "\nkeydown to the end of the script run (the rest is the browser drawing)")
    print(f"\n{'page':<16} {'moves':>5} {'median ms':>10} {'p90 ms':>8} {'min ms':>7} "
          f"{'max ms':>7} {'lost':>5} {'script done':>12}")
    for name, timings in results.items():
        print(f"{name:<16} {len(timings):>5} {statistics.median(timings):>10.0f} "
              f"{percentile(timings, 0.9):>8.0f} {min(timings):>7.0f} {max(timings):>7.0f} "
              f"{failed[name]:>5} {statistics.median(scripts[name]):>12.0f}")

    if {"bare", "explorer"} <= results.keys():
        explorer = statistics.median(results["explorer"])
        ratio = explorer / statistics.median(results["bare"])
        ratio_p90 = percentile(results["explorer"], 0.9) / percentile(results["bare"], 0.9)
        print(f"\nratio explorer / bare (alternating): median {ratio:.2f}, p90 {ratio_p90:.2f}")
        if "explorer (walk)" in results:
            walk = statistics.median(results["explorer (walk)"])
            print(f"ratio explorer (walk, cache misses) / bare: median "
                  f"{walk / statistics.median(results['bare']):.2f}")
        print(f"target median < {TARGET_MEDIAN_MS:.0f} ms: "
              f"{'met' if explorer < TARGET_MEDIAN_MS else 'NOT met'} ({explorer:.0f} ms)")
        print(f"target ratio <= {TARGET_RATIO}: {'met' if ratio <= TARGET_RATIO else 'NOT met'} "
              f"({ratio:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
