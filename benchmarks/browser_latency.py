"""Slider move → every chart redrawn, in a real browser: the dashboard against Streamlit's floor.

Run from the repository root::

    .venv/bin/python -m benchmarks.browser_latency [--moves 21] [--before DIR]
        [--pattern mixed|alternate|walk|both] [--only bare,explorer,creaming]

Every variant is started at once (its own ``streamlit run``, started with the same helper the
browser test uses, ``tests/browser/streamlit_harness.py``) and opened in its own tab; then the
moves are *interleaved*: move 1 on every variant, move 2 on every variant, and so on, so a busy
moment on this small shared machine hits all variants alike instead of one series. Each move is
the "Cohort size" slider moved with the keyboard, timed inside the page with
``performance.now()`` from the keydown event to the first animation frame at which the app is
idle again and every chart is redrawn (see ``harness.timed_slider_move``). The first two moves
of each series warm up and are discarded. Beside it: when the run ended, when the key press's
message left for the server (every ``WebSocket.send`` of the page is timed) and when the
first chart was redrawn.

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

In the ``mixed`` run (the default) both patterns go side by side, interleaved with the bare
page, and afterwards each alternating Explorer's success slider is dragged (mouse held down)
to count frames per second while dragging (issue 21).

Targets: Explorer median at most 1.5× the bare page (alternating and, since issue 21, on a
walk), Creaming at most 2×; at least 10 frames per second while dragging.
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
#: Frames per second while a headline slider is dragged (issue 21).
DRAG_FPS_TARGET = 10
WARMUP_MOVES = 2


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile (numpy's default), without importing numpy."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


class Variant:
    """One page of one checkout in its own server and tab, and the moves timed on it (with
    its own move ``pattern`` in the ``mixed`` run)."""

    def __init__(
        self,
        name: str,
        page_name: str,
        root: Path,
        extra_args: tuple[str, ...] = (),
        pattern: str | None = None,
    ):
        self.name, self.page_name, self.root = name, page_name, root
        self.pattern = pattern
        self.drag: dict[str, float] | None = None
        script, self.path = PAGES[page_name]
        self.server = harness.StreamlitServer(script, cwd=root, extra_args=extra_args)
        self.timings: list[float] = []
        self.script_done: list[float] = []
        self.first_chart: list[float] = []
        self.sent: list[float] = []
        self.lost = 0
        self.page = None
        self.keys: list[str] = []

    def open(self, context, moves: int, pattern: str) -> None:
        pattern = self.pattern or pattern
        base_url = self.server.start()
        self.page = context.new_page()
        self.page.add_init_script(_SEND_WATCH_JS)
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
            sent = page.evaluate(_SENT_JS)
            self.sent.append(float("nan") if sent is None else float(sent))
        page.wait_for_timeout(100)  # let the page breathe, as a person would

    def close(self) -> None:
        if self.page is not None:
            if self.page.locator(harness.EXCEPTION).count():
                print(f"{self.name}: an exception is shown after the moves", file=sys.stderr)
            self.page.close()
        self.server.stop()

    def measure_drag(self) -> None:
        """Frames per second while the success slider is dragged (issue 21): the mouse pressed
        on its thumb (Playwright), then moved to and fro over ±60 px (±25 %, a new frame's
        2 % every 5 px) for three seconds, not released, and every chart redraw and change of
        the headline figures counted. The moves are pointer events sent from inside the page
        at up to 60 a second, as a real mouse sends them: Playwright's own mouse steps wait
        until the page has handled each, so they would pace the drag by the page's speed
        rather than measure it. Then released, and the page left to settle."""
        page = self.page
        page.bring_to_front()
        harness.wait_until_idle(page, min_charts=1, timeout_ms=60_000)
        knob = harness.slider_knob(page, "in_success_probability")
        if not knob.count():
            return
        knob.scroll_into_view_if_needed()
        box = knob.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        page.mouse.move(x, y)
        # The pointer has come over the slider: it is armed, and the next run brings its
        # frames (none on the page before issue 21: there the wait runs out after 10 s).
        armed = page.evaluate("() => performance.now()")
        try:
            page.wait_for_function(_FRAMES_HERE_JS, timeout=10_000, polling=20)
            ready_ms = page.evaluate("() => performance.now()") - armed
        except Exception:  # the page before issue 21 has no frames
            ready_ms = float("nan")
        harness.wait_until_idle(page, min_charts=1, timeout_ms=60_000)
        harness.start_drag_monitor(page)
        page.mouse.down()
        seconds, moves = page.evaluate(_DRAG_JS, [x, y])
        marks = harness.drag_marks(page)
        page.mouse.up()
        harness.wait_until_idle(page, min_charts=1, timeout_ms=60_000)
        charts = max(1, page.locator(".js-plotly-plot").count())
        self.drag = {
            "ready_ms": ready_ms,
            "seconds": seconds,
            "moves": moves / seconds,
            "chart_fps": len(marks["charts"]) / charts / seconds,
            "metric_fps": len(marks["metrics"]) / seconds,
        }


# Every message the page sends its server, timed (performance.now()), the newest 100: when a
# key press's message left is the first send after the keydown (issue 21: a frame drawn before
# the slider's own timer held it back 50-70 ms).
_SEND_WATCH_JS = """
(() => {
  const send = WebSocket.prototype.send;
  window.__sends = [];
  WebSocket.prototype.send = function (data) {
    window.__sends.push(performance.now());
    if (window.__sends.length > 100) window.__sends.shift();
    return send.call(this, data);
  };
})()
"""
_SENT_JS = """
() => {
  const t0 = window.__t0;
  const sent = (window.__sends || []).find((t) => t >= t0);
  return t0 === undefined || sent === undefined ? null : sent - t0;
}
"""

_FRAMES_HERE_JS = """
() => Boolean(window.__sibScrub && window.__sibScrub.frames
              && window.__sibScrub.frames.field === 'success_probability')
"""

# To and fro over ±60 px around the pressed thumb, a pointer move every 16 ms, for 3 s.
_DRAG_JS = """
([x, y]) => new Promise(resolve => {
  const t0 = performance.now();
  window.__dragMarks.t0 = t0;
  let n = 0;
  const timer = setInterval(() => {
    n += 1;
    const phase = n % 48;
    const dx = 5 * (phase < 12 ? phase : phase < 36 ? 24 - phase : phase - 48);
    const target = document.elementFromPoint(x + dx, y) || document.body;
    target.dispatchEvent(new PointerEvent('pointermove', {
      clientX: x + dx, clientY: y, pointerId: 1, pointerType: 'mouse', isPrimary: true,
      buttons: 1, bubbles: true}));
    const elapsed = performance.now() - t0;
    if (elapsed > 3000) { clearInterval(timer); resolve([elapsed / 1000, n]); }
  }, 16);
})
"""


def run(variants: list[Variant], moves: int, pattern: str, context) -> None:
    try:
        for variant in variants:
            variant.open(context, moves, pattern)
        for index in range(moves + WARMUP_MOVES):
            for variant in variants:
                variant.move(index)
        if pattern == "mixed":
            for variant in variants:
                if variant.page_name == "explorer" and variant.pattern == "alternate":
                    variant.measure_drag()
    finally:
        for variant in variants:
            variant.close()


def report(variants: list[Variant], pattern: str) -> None:
    print(
        f"\n{pattern}: ms from keydown to every chart redrawn with the app idle; medians of "
        "ms to the end of the script run ('script'), to the key press's message sent to the "
        "server ('sent') and to the first chart redrawn ('first')"
    )
    print(
        f"{'variant':<20} {'moves':>5} {'median':>7} {'p90':>6} {'min':>6} {'max':>6} "
        f"{'lost':>5} {'script':>7} {'sent':>5} {'first':>6} {'× bare':>7} {'p90 ×':>6}"
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
        if (
            target
            and (v.pattern or pattern) in ("alternate", "walk")
            and bare is not None
            and v.root == REPO_ROOT
        ):
            verdict = f"  target ≤ {target}×: {'met' if ratio <= target else 'NOT met'}"
        print(
            f"{v.name:<20} {len(v.timings):>5} {median:>7.0f} {p90:>6.0f} "
            f"{min(v.timings):>6.0f} {max(v.timings):>6.0f} {v.lost:>5} "
            f"{statistics.median(v.script_done):>7.0f} {statistics.median(v.sent):>5.0f} "
            f"{statistics.median(v.first_chart):>6.0f} {ratio:>7.2f} {ratio_p90:>6.2f}"
            f"{verdict}"
        )
    dragged = [v for v in variants if v.drag]
    if dragged:
        print(
            "\nwhile dragging the success slider to and fro (mouse held down, pointer moves "
            "per second as sent): redraws of each chart and changes of the headline figures "
            "per second"
        )
        for v in dragged:
            d = v.drag
            verdict = "met" if d["chart_fps"] >= DRAG_FPS_TARGET else "NOT met"
            print(
                f"{v.name:<20} frames here {d['ready_ms']:>5.0f} ms after the pointer came "
                f"over  {d['seconds']:>4.1f} s  moves {d['moves']:>5.1f}/s  "
                f"charts {d['chart_fps']:>5.1f}/s  "
                f"figures {d['metric_fps']:>5.1f}/s  target ≥ {DRAG_FPS_TARGET}/s: {verdict}"
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
    parser.add_argument(
        "--pattern",
        choices=("alternate", "walk", "both", "mixed"),
        default="mixed",
        help="mixed (the default): the bare page alternating and every other page both on a "
        "walk and alternating, all interleaved in one run, then frames per second while "
        "dragging; both: an alternating run, then a walking one",
    )
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
            mixed = args.pattern == "mixed" and name != "bare"
            own = ("walk", "alternate") if mixed else (None,)
            for kind in own:
                suffix = f" {kind}" if kind else ""
                pattern = kind or ("alternate" if args.pattern == "mixed" else None)
                chosen.append(Variant(name + suffix, name, REPO_ROOT, extra, pattern))
                for before in args.before if name != "bare" else ():
                    label = "before" if len(args.before) == 1 else before.resolve().name
                    chosen.append(
                        Variant(f"{name} {label}{suffix}", name, before.resolve(), (), kind)
                    )
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
