"""Slider move → every chart redrawn, in a real browser: the dashboard against Streamlit's floor.

Run from the repository root::

    .venv/bin/python -m benchmarks.browser_latency [--moves 21] [--before DIR]
        [--pattern alternate|walk|both] [--only bare,explorer,creaming]

Every variant is started at once (its own ``streamlit run``, started with the same helper the
browser test uses, ``tests/browser/streamlit_harness.py``) and opened in its own tab; then the
moves are *interleaved*: move 1 on every variant, move 2 on every variant, and so on, so a busy
moment on this small shared machine hits all variants alike instead of one series. Each move is
the "Cohort size" slider moved with the keyboard, timed inside the page with
``performance.now()`` from the keydown event to the first animation frame at which the app is
idle again and every chart is redrawn (see ``harness.timed_slider_move``). The first two moves
of each series warm up and are discarded.

Variants:

* ``bare``: ``benchmarks/bare_page.py`` (one slider, one 11-bar ``st.plotly_chart``) — the
  floor: websocket round trip, script rerun, React render and plotly redraw, no model;
* ``explorer`` and ``creaming``: the dashboard's two busiest pages, from this checkout;
* with ``--before DIR`` (a plain copy of older code, e.g. ``git archive main | tar -x -C DIR``)
  the same two pages from there too, so before and after are measured in one run.

Two move patterns:

* ``alternate`` (ArrowRight, ArrowLeft, ...): after the warm-up every state is one
  ``st.cache_data`` has seen, so this is the cached case (the model costs nothing);
* ``walk`` (one direction, every value new): each move is a cache miss, as in a first drag.

Targets (alternating moves): Explorer median at most 1.5× the bare page, Creaming at most 2×.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser import streamlit_harness as harness

REPO_ROOT = Path(__file__).resolve().parents[1]

SLIDER = "Cohort size"
#: page name → (script, url path)
PAGES = {
    "bare": ("benchmarks/bare_page.py", "/"),
    "explorer": ("app.py", "/explorer"),
    "creaming": ("app.py", "/creaming"),
}
TARGETS = {"explorer": 1.5, "creaming": 2.0}
WARMUP_MOVES = 2


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile (numpy's default), without importing numpy."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


class Variant:
    """One page of one checkout in its own server and tab, and the moves timed on it."""

    def __init__(self, name: str, page_name: str, root: Path, extra_args: tuple[str, ...] = ()):
        self.name, self.page_name, self.root = name, page_name, root
        script, self.path = PAGES[page_name]
        self.server = harness.StreamlitServer(script, cwd=root, extra_args=extra_args)
        self.timings: list[float] = []
        self.script_done: list[float] = []
        self.first_chart: list[float] = []
        self.lost = 0
        self.page = None
        self.keys: list[str] = []

    def open(self, context, moves: int, pattern: str) -> None:
        base_url = self.server.start()
        self.page = context.new_page()
        self.page.goto(base_url + self.path)
        harness.wait_until_idle(self.page, min_charts=1, timeout_ms=90_000)
        left, right = harness.slider_room(self.page, SLIDER)
        if pattern == "walk":
            if max(left, right) < moves + WARMUP_MOVES:
                raise RuntimeError(f"{self.name}: {SLIDER!r} has no room for {moves} new values")
            self.keys = ["ArrowRight" if right >= left else "ArrowLeft"] * 2
        else:
            self.keys = ["ArrowRight", "ArrowLeft"] if right else ["ArrowLeft", "ArrowRight"]

    def move(self, index: int) -> None:
        page = self.page
        page.bring_to_front()
        try:
            elapsed = harness.timed_slider_move(
                page, SLIDER, self.keys[index % 2], timeout_ms=15_000
            )
        except TimeoutError as error:
            # Reported and left out rather than fatal: one lost keypress should not cost the
            # whole run; the count is printed beside the figures.
            print(f"{self.name}: move {index}: {error}", file=sys.stderr)
            self.lost += 1
            harness.wait_until_idle(page, min_charts=1, timeout_ms=60_000)
            return
        if index >= WARMUP_MOVES:
            self.timings.append(elapsed)
            self.script_done.append(harness.last_move_script_ms(page) or float("nan"))
            self.first_chart.append(harness.last_move_first_chart_ms(page) or float("nan"))
        page.wait_for_timeout(100)  # let the page breathe, as a person would

    def close(self) -> None:
        if self.page is not None:
            if self.page.locator(harness.EXCEPTION).count():
                print(f"{self.name}: an exception is shown after the moves", file=sys.stderr)
            self.page.close()
        self.server.stop()


def run(variants: list[Variant], moves: int, pattern: str, context) -> None:
    try:
        for variant in variants:
            variant.open(context, moves, pattern)
        for index in range(moves + WARMUP_MOVES):
            for variant in variants:
                variant.move(index)
    finally:
        for variant in variants:
            variant.close()


def report(variants: list[Variant], pattern: str) -> None:
    print(
        f"\n{pattern}: ms from keydown to every chart redrawn with the app idle; medians of "
        "ms to the end of the script run ('script') and to the first chart redrawn ('first')"
    )
    print(
        f"{'variant':<20} {'moves':>5} {'median':>7} {'p90':>6} {'min':>6} {'max':>6} "
        f"{'lost':>5} {'script':>7} {'first':>6} {'× bare':>7} {'p90 ×':>6}"
    )
    bare = next((v for v in variants if v.page_name == "bare" and v.timings), None)
    for v in variants:
        if not v.timings:
            print(f"{v.name:<20} no moves measured")
            continue
        median, p90 = statistics.median(v.timings), percentile(v.timings, 0.9)
        ratio = ratio_p90 = float("nan")
        if bare is not None:
            ratio = median / statistics.median(bare.timings)
            ratio_p90 = p90 / percentile(bare.timings, 0.9)
        target = TARGETS.get(v.page_name)
        verdict = ""
        if target and pattern == "alternate" and bare is not None and v.root == REPO_ROOT:
            verdict = f"  target ≤ {target}×: {'met' if ratio <= target else 'NOT met'}"
        print(
            f"{v.name:<20} {len(v.timings):>5} {median:>7.0f} {p90:>6.0f} "
            f"{min(v.timings):>6.0f} {max(v.timings):>6.0f} {v.lost:>5} "
            f"{statistics.median(v.script_done):>7.0f} "
            f"{statistics.median(v.first_chart):>6.0f} {ratio:>7.2f} {ratio_p90:>6.2f}"
            f"{verdict}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=21, help="timed moves per variant (>= 15)")
    parser.add_argument(
        "--only",
        default="bare,explorer,creaming",
        help="comma-separated pages to measure (bare, explorer, creaming)",
    )
    parser.add_argument(
        "--before",
        type=Path,
        action="append",
        default=[],
        help="a copy of older code to measure in the same run (as '<page> before'); give it "
        "more than once to compare several copies (as '<page> <folder name>')",
    )
    parser.add_argument("--pattern", choices=("alternate", "walk", "both"), default="alternate")
    parser.add_argument(
        "--server-arg",
        action="append",
        default=[],
        help="extra `streamlit run` option for this checkout's dashboard, e.g. "
        "--server-arg=--runner.postScriptGC=false",
    )
    args = parser.parse_args(argv)
    if args.moves < 15:
        parser.error("--moves must be at least 15 for a median and p90 worth printing")
    names = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = set(names) - PAGES.keys()
    if unknown:
        parser.error(f"unknown pages: {sorted(unknown)}")

    def variants() -> list[Variant]:
        chosen = []
        for name in names:
            # The bare page always runs with Streamlit's defaults: it is the floor.
            extra = () if name == "bare" else tuple(args.server_arg)
            chosen.append(Variant(name, name, REPO_ROOT, extra))
            for before in args.before if name != "bare" else ():
                label = "before" if len(args.before) == 1 else before.resolve().name
                chosen.append(Variant(f"{name} {label}", name, before.resolve()))
        return chosen

    patterns = ["alternate", "walk"] if args.pattern == "both" else [args.pattern]
    with sync_playwright() as playwright:
        try:
            browser = harness.launch_chromium(playwright)
        except FileNotFoundError as missing:
            print(missing, file=sys.stderr)
            return 2
        try:
            for pattern in patterns:
                context = browser.new_context(viewport=harness.VIEWPORT)
                chosen = variants()
                try:
                    run(chosen, args.moves, pattern, context)
                finally:
                    context.close()
                report(chosen, pattern)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
