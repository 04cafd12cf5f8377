"""Drive a Streamlit app in headless Chromium: shared by the browser test and the latency benchmark.

Three pieces, each usable on its own:

* :class:`StreamlitServer` starts ``python -m streamlit run <script>`` on a free local port from the
  repository root, waits for ``/_stcore/health`` and stops the whole process group afterwards.
* :func:`launch_chromium` starts Debian's Chromium through Playwright (browsers cannot be
  downloaded here, so Playwright's own build is never used).
* Page helpers that read Streamlit's own state markers instead of sleeping:
  ``[data-testid="stApp"][data-test-script-state="notRunning"]`` says the script run is over,
  ``data-stale="true"`` marks elements left over from the previous run, and every plotly chart is
  a ``.js-plotly-plot`` node whose ``data`` property holds the traces plotly drew.

Only the standard library and Playwright are imported, so benchmarks can reuse this file
without pytest.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

#: Debian's Chromium; ``CHROMIUM`` overrides it exactly as ``make browser-deps`` does.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
CHROMIUM_MISSING = (
    f"Chromium is missing at {CHROMIUM}; the real-browser tests need it. "
    "Run `make browser-deps` (or `sudo apt-get install chromium`), "
    "or point CHROMIUM=/path/to/chromium at an existing Chromium/Chrome binary."
)
VIEWPORT = {"width": 1400, "height": 1000}

PLOTLY_CHART = '.js-plotly-plot, [data-testid="stPlotlyChart"]'
EXCEPTION = '[data-testid="stException"]'
#: A slider thumb: Streamlit >= 1.50 renders a (visually hidden) <input type="range">,
#: older versions a div with role="slider".
SLIDER_THUMB = 'input[type="range"], [role="slider"]'


#: ``STREAMLIT_TEST_PORTS=8630-8639`` keeps every server the tests and benchmarks start inside
#: that range (on a shared machine); unset, the OS picks any free port.
PORT_RANGE = os.environ.get("STREAMLIT_TEST_PORTS", "")
_ports_handed_out: set[int] = set()


def _ports_in_range() -> list[int]:
    """``STREAMLIT_TEST_PORTS``'s ports in the order this process tries them. A pytest-xdist
    worker starts in its own share of the range (worker ``gwK`` of ``N`` at the K-th N-th), so
    two workers starting servers at once do not both find the same port free before either
    listens on it."""
    low, _, high = PORT_RANGE.partition("-")
    ports = list(range(int(low), int(high or low) + 1))
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    start = int(worker) * len(ports) // workers if worker.isdigit() and workers > 0 else 0
    return ports[start:] + ports[:start]


def free_port() -> int:
    """A TCP port nobody listens on right now: the OS picks it, or the first free one in
    ``STREAMLIT_TEST_PORTS`` (not handed out before by this process, as a server just handed a
    port may not be listening yet)."""
    if PORT_RANGE:
        for port in _ports_in_range():
            if port in _ports_handed_out:
                continue
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
                try:
                    sock.bind(("127.0.0.1", port))
                except OSError:
                    continue
            _ports_handed_out.add(port)
            return port
        raise RuntimeError(f"no free port in STREAMLIT_TEST_PORTS={PORT_RANGE}")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StreamlitServer:
    """``streamlit run <script>`` on 127.0.0.1:<free port>, as a context manager.

    The server runs in its own session (process group), so :meth:`stop` also ends anything it
    spawned. Its output goes to a temporary log whose tail is quoted when it fails to start.
    """

    def __init__(
        self,
        script: str | Path = "app.py",
        *,
        cwd: Path = REPO_ROOT,
        startup_timeout: float = 60.0,
        extra_args: tuple[str, ...] = (),
        env: dict[str, str] | None = None,
    ) -> None:
        self.script = str(script)
        #: Variables set for the server on top of this process's environment.
        self.env = dict(env or {})
        self.cwd = Path(cwd)
        self.startup_timeout = startup_timeout
        self.extra_args = tuple(extra_args)
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self._log = None

    def start(self) -> str:
        if not (self.cwd / self.script).exists():
            raise FileNotFoundError(f"{self.cwd / self.script} does not exist")
        # Open for the server's whole life (closed in stop()), so no context manager.
        self._log = tempfile.NamedTemporaryFile(  # noqa: SIM115
            "w+", prefix="streamlit-", suffix=".log", delete=False
        )
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            self.script,
            "--server.headless",
            "true",
            "--server.port",
            str(self.port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
            # A server under test keeps the code it started with: an edit made while a long
            # benchmark runs would otherwise reload half the modules mid-session.
            "--server.fileWatcherType",
            "none",
            *self.extra_args,
        ]
        self.process = subprocess.Popen(
            command,
            cwd=self.cwd,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            env={**os.environ, **self.env},
        )
        self._wait_until_healthy()
        return self.base_url

    def _wait_until_healthy(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        health = f"{self.base_url}/_stcore/health"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.stop()
                raise RuntimeError(
                    f"streamlit exited with code {self.process.returncode} before answering "
                    f"{health}:\n{self.log_tail()}"
                )
            try:
                with urllib.request.urlopen(health, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            time.sleep(0.2)
        self.stop()
        raise TimeoutError(
            f"streamlit did not answer {health} within {self.startup_timeout:.0f} s:\n"
            f"{self.log_tail()}"
        )

    def log_tail(self, lines: int = 40) -> str:
        if self._log is None:
            return ""
        if not self._log.closed:
            self._log.flush()
        text = Path(self._log.name).read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        process = self.process
        if process is not None and process.poll() is None:
            for sig, grace in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 5.0)):
                try:
                    os.killpg(process.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    process.wait(timeout=grace)
                    break
                except subprocess.TimeoutExpired:
                    continue
        if self._log is not None:
            self._log.close()

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()
        if self._log is not None:
            Path(self._log.name).unlink(missing_ok=True)


def launch_chromium(playwright):
    """Headless Debian Chromium via Playwright; raises FileNotFoundError when it is missing."""
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        raise FileNotFoundError(CHROMIUM_MISSING)
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


# --- page helpers -------------------------------------------------------------------------

_IDLE_JS = """
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return false;
  if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
  if (app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const status = document.querySelector('[data-testid="stStatusWidget"]');
  if (status && /running|kører/i.test(status.innerText || '')) return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  return true;
}
"""

_CHARTS_DRAWN_JS = """
(minimum) => {
  // An exception ends the wait at once: the caller reports it instead of timing out.
  if (document.querySelector('[data-testid="stException"]')) return true;
  const charts = Array.from(document.querySelectorAll('.js-plotly-plot'));
  return charts.length >= minimum && charts.every(gd => gd._fullLayout && Array.isArray(gd.data));
}
"""


def wait_until_idle(page, *, min_charts: int = 0, timeout_ms: float = 30_000) -> None:
    """Wait until the script run is over, nothing is stale and ``min_charts`` charts are drawn.

    Checked twice, 150 ms apart: a rerun triggered by the first run (st.rerun, a query-string
    rewrite) would otherwise look idle in the gap between the two runs.
    """
    for _ in range(2):
        page.wait_for_function(_IDLE_JS, timeout=timeout_ms, polling=50)
        if min_charts:
            page.wait_for_function(
                _CHARTS_DRAWN_JS, arg=min_charts, timeout=timeout_ms, polling=100
            )
        page.wait_for_timeout(150)
    page.wait_for_function(_IDLE_JS, timeout=timeout_ms, polling=50)


def open_sidebar_section(page, label: str, *, timeout_ms: float = 30_000) -> None:
    """Open the sidebar's expander called ``label`` and wait for the run it asks for.

    The expander reruns the script when opened (its content is drawn only then). A click that
    lands while a run is still settling can be lost; a person would click again, and so does
    this (once), so a test fails on what it checks, not on the timing of the click. The
    failure message carries the page's address, which says what the session held.
    """
    summary = (
        page.locator('[data-testid="stSidebar"] [data-testid="stExpander"] summary')
        .filter(has_text=label)
        .first
    )
    details = summary.locator("xpath=..")
    for attempt in range(2):
        wait_until_idle(page, timeout_ms=timeout_ms)
        summary.click()
        try:
            page.wait_for_function(
                "el => el.open"
                " && el.querySelectorAll('[data-testid=\"stSlider\"], input').length > 0",
                arg=details.element_handle(),
                timeout=timeout_ms / 2,
                polling=100,
            )
            break
        except Exception:
            if attempt == 1:
                raise AssertionError(f"the section {label!r} did not open at {page.url}") from None
            if details.evaluate("el => el.open"):
                summary.click()  # open but empty: close it, so the next click opens it again
    wait_until_idle(page, timeout_ms=timeout_ms)


def chart_data(page) -> list[str]:
    """The traces of every plotly chart on the page, serialised (one string per chart)."""
    return page.evaluate(
        "() => Array.from(document.querySelectorAll('.js-plotly-plot'))"
        ".map(gd => JSON.stringify(gd.data || null))"
    )


def slider(page, label: str):
    """The ``st.slider`` widget whose label contains ``label`` (sidebar first)."""
    widgets = page.locator('[data-testid="stSlider"]').filter(
        has=page.locator('[data-testid="stWidgetLabel"]', has_text=label)
    )
    sidebar = (
        page.locator('[data-testid="stSidebar"]')
        .locator('[data-testid="stSlider"]')
        .filter(has=page.locator('[data-testid="stWidgetLabel"]', has_text=label))
    )
    return sidebar.first if sidebar.count() else widgets.first


def slider_thumb(page, label: str):
    return slider(page, label).locator(SLIDER_THUMB).first


def slider_value(page, label: str) -> str:
    thumb = slider_thumb(page, label)
    return thumb.get_attribute("aria-valuetext") or thumb.get_attribute("aria-valuenow") or ""


def slider_room(page, label: str) -> tuple[int, int]:
    """How many keyboard steps the thumb can still move (left, right)."""
    left, right = slider_thumb(page, label).evaluate(
        """el => {
             const v = parseFloat(el.value ?? el.getAttribute('aria-valuenow'));
             const min = parseFloat(el.min || el.getAttribute('aria-valuemin'));
             const max = parseFloat(el.max || el.getAttribute('aria-valuemax'));
             const step = parseFloat(el.step || '0') || (max - min) / 100;
             return [Math.floor((v - min) / step + 1e-9), Math.floor((max - v) / step + 1e-9)];
           }"""
    )
    return int(left), int(right)


def slider_at_max(page, label: str) -> bool:
    """True when the thumb cannot move further right (so ArrowLeft is the safe direction)."""
    return slider_room(page, label)[1] == 0


# The latency monitor: installed before a key press, it notes the time of the keydown event
# itself and, on every animation frame, which charts have been redrawn (plotly assigns a new
# `data` array on every redraw, and st.plotly_chart even mounts a new chart node). The move is
# over at the first frame at which the app is idle again and *every* chart has been redrawn, or,
# when some chart had nothing new to show, once the app has been idle with no further redraw for
# QUIET_MS; the time reported is then that of the last redraw (or of going idle, if later). The
# elapsed time lands in window.__latency; window.__scriptDone is when the script run ended, so
# the rest (latency - scriptDone) is the browser drawing.
QUIET_MS = 250
_ARM_MONITOR_JS = """
([idleSource, quietMs]) => {
  const idle = eval(idleSource);
  const charts = () => Array.from(document.querySelectorAll('.js-plotly-plot'));
  const before = new Map(charts().map(gd => [gd, gd.data]));
  window.__latency = undefined;
  window.__t0 = undefined;
  window.__scriptDone = undefined;
  window.__firstRedraw = undefined;
  const app = document.querySelector('[data-testid="stApp"]');
  const observer = new MutationObserver(() => {
    if (window.__t0 !== undefined && app.getAttribute('data-test-script-state') === 'notRunning')
      window.__scriptDone = performance.now() - window.__t0;
  });
  // The move is over only after the script run it caused. A page that draws a key press's
  // frame at once (ui/app/scrub.js, issue 21) would otherwise look idle and redrawn before
  // its run began: there, the run is known to have come when the scrub component has heard
  // of a new run (its data carry a new number each run, sent at the end of the page).
  const scrub = () => window.__sibScrub && window.__sibScrub.data;
  const run0 = scrub() ? scrub().run : undefined;
  const ranAgain = () => !scrub() || scrub().run !== run0;
  observer.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
  document.addEventListener('keydown', () => { window.__t0 = performance.now(); },
                            {capture: true, once: true});
  const seen = new Set();
  let lastRedraw, idleSince;
  const tick = () => {
    if (window.__t0 !== undefined) {
      const now = performance.now();
      const all = charts();
      const redrawn = all.filter(gd => !before.has(gd) || before.get(gd) !== gd.data);
      for (const gd of redrawn) {
        if (!seen.has(gd)) { seen.add(gd); lastRedraw = now; }
      }
      if (redrawn.length && window.__firstRedraw === undefined)
        window.__firstRedraw = now - window.__t0;
      const isIdle = ranAgain() && idle();
      idleSince = isIdle ? (idleSince ?? now) : undefined;
      const done = redrawn.length && isIdle &&
        (redrawn.length === all.length || now - Math.max(lastRedraw, idleSince) >= quietMs);
      if (done) {
        window.__latency = Math.max(lastRedraw, idleSince) - window.__t0;
        observer.disconnect();
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
"""


def timed_slider_move(page, label: str, key: str, *, timeout_ms: float = 30_000) -> float:
    """Press ``key`` on the slider thumb; milliseconds from keydown to redrawn, idle charts.

    Both ends are read from ``performance.now()`` inside the page, so Playwright's own round
    trips do not count.
    """
    thumb = slider_thumb(page, label)
    thumb.focus()
    page.evaluate(_ARM_MONITOR_JS, [_IDLE_JS, QUIET_MS])
    page.keyboard.press(key)
    try:
        handle = page.wait_for_function("() => window.__latency", timeout=timeout_ms, polling="raf")
    except Exception as error:
        state = page.evaluate(_DIAGNOSE_JS)
        raise TimeoutError(
            f"no redraw {timeout_ms / 1000:.0f} s after {key} on {label!r}: {state}"
        ) from error
    return float(handle.json_value())


def last_move_first_chart_ms(page) -> float | None:
    """Milliseconds from the last timed keydown to the first chart redrawn."""
    value = page.evaluate("() => window.__firstRedraw")
    return None if value is None else float(value)


def last_move_script_ms(page) -> float | None:
    """Milliseconds from the last timed keydown to the end of the script run it caused."""
    value = page.evaluate("() => window.__scriptDone")
    return None if value is None else float(value)


_DIAGNOSE_JS = """
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return {
    keydownSeen: window.__t0 !== undefined,
    scriptState: app && app.getAttribute('data-test-script-state'),
    connection: app && app.getAttribute('data-test-connection-state'),
    stale: Array.from(document.querySelectorAll('[data-stale="true"]'))
                .map(e => (e.innerText || e.outerHTML).slice(0, 60)),
    charts: document.querySelectorAll('.js-plotly-plot').length,
    status: (document.querySelector('[data-testid="stStatusWidget"]') || {}).innerText,
    exception: (document.querySelector('[data-testid="stException"]') || {}).innerText,
  };
}
"""


def full_page_screenshot(page, path: str | Path, *, max_height: int = 12_000) -> None:
    """Screenshot the whole app, not just the first screen.

    Streamlit scrolls inside its own containers, so the document is never taller than the
    window and ``full_page=True`` alone gives one viewport. The window is made as tall as the
    tallest scroll container for the shot, then restored.
    """
    viewport = page.viewport_size or VIEWPORT
    height = page.evaluate(
        """() => Math.max(document.documentElement.scrollHeight,
             ...Array.from(document.querySelectorAll(
                 '[data-testid="stMain"], [data-testid="stAppViewContainer"], '
                 + '[data-testid="stSidebarContent"], '
                 + '[data-testid="stAppScrollToBottomContainer"]'))
               .map(e => e.scrollHeight))"""
    )
    page.set_viewport_size(
        {
            "width": viewport["width"],
            "height": int(min(max(height, viewport["height"]), max_height)),
        }
    )
    try:
        page.wait_for_timeout(400)  # plotly charts resize on the window's resize event
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(viewport)


def assert_no_exception(page, where: str) -> None:
    """Fail when the page shows a Streamlit exception or "page not found" (``where`` names
    the step, for the message)."""
    exceptions = page.locator(EXCEPTION)
    if exceptions.count():
        raise AssertionError(f"{where} shows an exception:\n{exceptions.first.inner_text()[:2000]}")
    if page.get_by_text("Page not found").count():
        raise AssertionError(f"{where}: Streamlit says page not found")


def wait_for_redraw(page, before: list[str], timeout_ms: float = 30_000) -> None:
    """Wait until some chart's traces differ from ``before`` (:func:`chart_data`) and the app
    is idle again."""
    page.wait_for_function(
        """(before) => {
             const now = Array.from(document.querySelectorAll('.js-plotly-plot'))
                              .map(gd => JSON.stringify(gd.data || null));
             return now.length !== before.length || now.some((d, i) => d !== before[i]);
           }""",
        arg=before,
        timeout=timeout_ms,
        polling=100,
    )
    wait_until_idle(page, timeout_ms=timeout_ms)


_SCRUB_RUN_JS = (
    "() => (window.__sibScrub && window.__sibScrub.data) ? window.__sibScrub.data.run : null"
)


def press_on_slider(page, thumb, key: str, *, timeout_ms: float = 30_000) -> None:
    """Press ``key`` on a slider's ``thumb`` (a locator) and wait for the script run it causes
    to be over.

    A headline slider draws the new value's frame at once (ui/app/scrub.js), before its run
    has begun; and a short run's "running" state can be batched away by the browser, so an
    idle-looking page is no proof the run came. Where the scrub component is on the page, its
    run number (new on every run) says the run came; then the page is waited idle as always.
    """
    run_before = page.evaluate(_SCRUB_RUN_JS)

    def shown() -> str | None:
        return thumb.get_attribute("aria-valuetext") or thumb.get_attribute("aria-valuenow")

    value_before = shown()
    thumb.focus()
    page.keyboard.press(key)
    # The thumb may be drawn afresh by the run: read it through the locator each time.
    deadline = time.monotonic() + timeout_ms / 1000
    while shown() == value_before:
        assert time.monotonic() < deadline, f"{key} did not move the slider"
        page.wait_for_timeout(50)
    if run_before is not None:
        page.wait_for_function(
            f"(before) => ({_SCRUB_RUN_JS})() !== before",
            arg=run_before,
            timeout=timeout_ms,
            polling=50,
        )
    wait_until_idle(page, timeout_ms=timeout_ms)


def code_texts(area, minimum: int, timeout_ms: float = 30_000) -> list[str]:
    """The texts of the ``st.code`` blocks in ``area`` (a locator), once at least ``minimum``
    are drawn. ``st.code`` draws through Streamlit's syntax highlighter, a chunk the browser
    loads the first time a page shows a code block: after the script run is over, so an idle
    page may not show its code blocks yet."""
    blocks = area.locator('[data-testid="stCode"]')
    blocks.nth(minimum - 1).wait_for(timeout=timeout_ms)
    return blocks.all_inner_texts()


def open_proposal_form(page, timeout_ms: float = 12_000):
    """The negotiation game's proposal form of a group's page, once its send button is
    enabled (the group's view noticed an open round by itself, without a reload)."""
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stMain"] button')]
              .some(b => b.innerText.includes('Put it on the table') && !b.disabled)""",
        timeout=timeout_ms,
    )
    return page.locator('[data-testid="stMain"] [data-testid="stForm"]').filter(
        has=page.get_by_role("button", name="Put it on the table")
    )


def tab_to(page, target, *, most: int = 120) -> None:
    """Press Tab until ``target`` (a locator) has the keyboard focus, as a keyboard user
    reaches a control; fails when ``most`` presses never get there (the control is not in
    the tab order)."""
    handle = target.element_handle()
    for _ in range(most):
        if page.evaluate(
            "el => el === document.activeElement || el.contains(document.activeElement)", handle
        ):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{most} presses of Tab never reached {target}")


#: The rules Danish public bodies are held to (webtilgængelighedsloven: WCAG 2.1 AA), as
#: axe-core's tags.
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on ``page`` as it is now: each ``{"id", "impact",
    "help", "nodes": [html, ...]}``. axe-core comes with the dev extra's
    ``axe-playwright-python`` (its ``axe.min.js``), injected into the page."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": list(WCAG_TAGS)}}
    found = Axe().run(page, options=options).response["violations"]
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [
                f"{n['html'][:160]} ({n.get('failureSummary', '').splitlines()[-1].strip()})"
                for n in v["nodes"]
            ],
        }
        for v in found
    ]


def axe_version() -> str:
    from axe_playwright_python.sync_playwright import Axe

    head = Axe().axe_script[:40]
    return head.split("axe v", 1)[1].split()[0] if "axe v" in head else "?"


# --- dragging a slider (issue 21) -----------------------------------------------------------

# Counts, from now on, every chart redrawn (plotly gives a chart a new `data` array on each
# draw) and every change of the page's headline figures, with the time of each (ms since
# the monitor started), on every animation frame. window.__dragMarks.t0 is reset by the
# caller at the press.
_DRAG_MONITOR_JS = """
() => {
  const marks = window.__dragMarks = {t0: performance.now(), charts: [], metrics: []};
  const seen = new Map();
  const text = () => Array.from(
    document.querySelectorAll('.stMain [data-testid="stMetricValue"]')).map(e => e.textContent)
    .join('|');
  let shown = text();
  const tick = () => {
    const now = performance.now() - marks.t0;
    for (const gd of document.querySelectorAll('.js-plotly-plot')) {
      if (seen.has(gd) && seen.get(gd) !== gd.data) marks.charts.push(now);
      seen.set(gd, gd.data);
    }
    const t = text();
    if (t !== shown) { marks.metrics.push(now); shown = t; }
    if (!marks.stopped) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
"""


def slider_knob(page, key: str):
    """The visible thumb of the slider of widget ``key`` (the round knob under its value
    label: react-aria's thumb, whose range input is visually hidden)."""
    return page.locator(f'.st-key-{key} [data-testid="stSliderThumbValue"]').locator("xpath=..")


def start_drag_monitor(page) -> None:
    page.evaluate(_DRAG_MONITOR_JS)


def drag_marks(page) -> dict:
    """What the drag monitor saw: ``charts`` and ``metrics``, the times (ms after the press)
    of each chart redraw and each change of the headline figures."""
    return page.evaluate("() => window.__dragMarks")


def page_figures(page) -> dict:
    """The page's headline figures, its words that follow a dragged slider (the line of return
    figures, the sentences, the sidebar's group caption) and every chart's traces, to compare
    two pages."""
    return page.evaluate(
        """() => ({
          metrics: Array.from(document.querySelectorAll('.stMain [data-testid="stMetric"]'))
                   .map(e => e.innerText),
          words: Array.from(document.querySelectorAll(
                   '.st-key-returns_note, .st-key-group_caption, .st-key-explorer_sentences, '
                   + '.st-key-creaming_sentences')).map(e => e.innerText),
          charts: Array.from(document.querySelectorAll('.js-plotly-plot'))
                  .map(gd => JSON.stringify(gd.data)),
        })"""
    )
