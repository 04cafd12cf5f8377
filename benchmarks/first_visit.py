"""A phone's first visit to the Explorer, and its second: bytes, requests, time to first chart.

Run from the repository root::

    .venv/bin/python -m benchmarks.first_visit [--before DIR] [--visits 3]
        [--network slow4g,loopback] [--plain | --url URL] [--path /explorer]

By default each checkout is started the way it is deployed: ``python -m deploy.two_replicas``
(nginx with ``deploy/nginx-sib.conf`` in front of two replicas with the production settings),
run from that checkout's own folder; ``--plain`` starts one ``streamlit run app.py`` with the
production settings instead (no nginx), ``--url`` measures a server that is already running.
``--before DIR`` (a plain copy of older code: ``git archive main | tar -x -C DIR``) measures
that checkout in the same run, its visits interleaved with this one's, so a busy moment on this
shared machine hits both alike.

A visit is a phone (390 × 844 CSS px, device scale 3, touch, a mobile Chrome user agent) opening
the Explorer with a fresh browser profile (a new Playwright context: empty cache, no cookies);
then the same browser opens it again in a new tab (the second visit: what the cache and the
cache headers save). For each, read from the DevTools protocol:

* bytes transferred: ``Network.loadingFinished``'s ``encodedDataLength`` (headers and body as
  they came over the wire, compressed or not; 0 for a file served from the browser's cache),
  summed per resource type and listed per file (the ten heaviest);
* requests: every HTTP request, cached ones included (counted apart);
* websocket: the payload of the frames received (uncompressed, as the page sees them), shown
  apart, since it is the app's own content and the same for every variant;
* time to first chart: from navigation start to the first animation frame at which a
  ``.js-plotly-plot`` has its traces drawn (``performance.now()`` in the page).

Networks: ``loopback`` (no throttling: what the machine costs) and ``slow4g`` (Lighthouse's
mobile profile, 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, set with
``Network.emulateNetworkConditions``; no CPU slowdown).

The figures are printed and written to ``benchmarks/results/first-visit-<date>.md``.
Targets (issue 17): a phone's first visit at most 3.5 MB, a second visit at most 0.5 MB.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import tomllib
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from tests.browser import streamlit_harness as harness

REPO_ROOT = Path(__file__).resolve().parents[1]
RESULTS = REPO_ROOT / "benchmarks" / "results"
FIRST_VISIT_TARGET = 3_500_000
SECOND_VISIT_TARGET = 500_000
MB = 1_000_000

#: A phone: an iPhone 13/14's CSS viewport with the engine we actually drive (Chromium), so
#: the user agent is Chrome on Android.
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
    "user_agent": (
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"
    ),
    "locale": "en-GB",
}
#: Network profiles for ``Network.emulateNetworkConditions`` (bytes per second).
NETWORKS = {
    "loopback": None,
    "slow4g": {
        "offline": False,
        "latency": 150,
        "downloadThroughput": 1_638_400 / 8,
        "uploadThroughput": 750_000 / 8,
    },
}

#: Notes performance.now() at the first animation frame with a plotly chart drawn.
_FIRST_CHART_JS = """
(() => {
  const drawn = () => {
    const gd = document.querySelector('.js-plotly-plot');
    return gd && gd._fullLayout && Array.isArray(gd.data) && gd.data.length > 0 &&
      gd.querySelector('.trace');
  };
  const check = () => {
    if (drawn()) window.__sibFirstChart = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
"""


# --- the servers ----------------------------------------------------------------------------


def production_flags_of(root: Path) -> list[str]:
    """``root``'s production settings as ``streamlit run`` flags (as ``deploy.settings`` reads
    them, but from that checkout's file)."""
    settings = tomllib.loads((root / "deploy" / "streamlit-production.toml").read_text())
    flags = []
    for section, keys in settings.items():
        for key, value in keys.items():
            text = str(value).lower() if isinstance(value, bool) else str(value)
            flags += [f"--{section}.{key}", text]
    return flags


class Cluster:
    """``python -m deploy.two_replicas --port PORT`` run from ``root`` (nginx on PORT, the
    replicas on the next two ports), in its own process group."""

    def __init__(self, root: Path, port: int) -> None:
        self.root, self.port = root, port
        self.url = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> str:
        for port in range(self.port, self.port + 3):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:  # never measure another server
                    raise RuntimeError(f"port {port} is taken: stop what listens there first")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "deploy.two_replicas", "--port", str(self.port)],
            cwd=self.root,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"deploy.two_replicas in {self.root} exited")
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        return self.url
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise TimeoutError(f"nginx on {self.url} not healthy within 180 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            # two_replicas stops its replicas and nginx on SIGTERM.
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


class Plain:
    """One ``streamlit run app.py`` from ``root`` with its production settings."""

    def __init__(self, root: Path) -> None:
        self.server = harness.StreamlitServer(
            "app.py", cwd=root, extra_args=tuple(production_flags_of(root)), startup_timeout=90
        )

    def start(self) -> str:
        return self.server.start()

    def stop(self) -> None:
        self.server.stop()


class Existing:
    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")

    def start(self) -> str:
        return self.url

    def stop(self) -> None:
        pass


# --- one visit ------------------------------------------------------------------------------


@dataclass
class Visit:
    """What one page load cost: per request, its URL, type and bytes over the wire."""

    requests: dict[str, dict] = field(default_factory=dict)
    websocket_bytes: int = 0
    first_chart_ms: float = float("nan")

    @property
    def bytes(self) -> int:
        return sum(r.get("bytes", 0) for r in self.requests.values())

    @property
    def count(self) -> int:
        return len(self.requests)

    @property
    def cached(self) -> int:
        return sum(1 for r in self.requests.values() if r.get("cached"))

    def by_type(self) -> dict[str, tuple[int, int]]:
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for r in self.requests.values():
            totals[r.get("type", "Other")][0] += 1
            totals[r.get("type", "Other")][1] += r.get("bytes", 0)
        return {kind: (n, size) for kind, (n, size) in totals.items()}

    def heaviest(self, n: int = 10) -> list[tuple[str, str, int]]:
        rows = [
            (r.get("type", "Other"), r["path"], r.get("bytes", 0)) for r in self.requests.values()
        ]
        return sorted(rows, key=lambda row: -row[2])[:n]


def _record(cdp, visit: Visit) -> None:
    def sent(event: dict) -> None:
        path = urlsplit(event["request"]["url"]).path or "/"
        visit.requests.setdefault(event["requestId"], {"path": path})
        if event.get("type"):
            visit.requests[event["requestId"]]["type"] = event["type"]

    def received(event: dict) -> None:
        request = visit.requests.setdefault(event["requestId"], {"path": "?"})
        request["type"] = event.get("type", request.get("type", "Other"))
        response = event["response"]
        request["status"] = response.get("status")
        request["cached"] = bool(response.get("fromDiskCache") or response.get("fromPrefetchCache"))
        request["encoding"] = {k.lower(): v for k, v in response.get("headers", {}).items()}.get(
            "content-encoding", ""
        )

    def finished(event: dict) -> None:
        request = visit.requests.setdefault(event["requestId"], {"path": "?"})
        request["bytes"] = int(event.get("encodedDataLength", 0))

    def frame(event: dict) -> None:
        response = event["response"]
        data = response.get("payloadData", "")
        # opcode 2: binary, given base64-encoded (Streamlit's protobuf messages)
        visit.websocket_bytes += (
            len(base64.b64decode(data)) if response.get("opcode") == 2 else len(data)
        )

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.responseReceived", received)
    cdp.on("Network.loadingFinished", finished)
    cdp.on("Network.webSocketFrameReceived", frame)


def visit_once(context, url: str, network: dict | None) -> Visit:
    """Open ``url`` in a new tab of ``context`` and measure it until the page is idle with a
    chart drawn."""
    visit = Visit()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    _record(cdp, visit)
    cdp.send("Network.enable")
    if network:
        cdp.send("Network.emulateNetworkConditions", network)
    page.goto(url, timeout=180_000)
    page.wait_for_function("() => window.__sibFirstChart !== undefined", timeout=180_000)
    visit.first_chart_ms = page.evaluate("window.__sibFirstChart")
    harness.wait_until_idle(page, min_charts=1, timeout_ms=180_000)
    page.wait_for_timeout(1500)  # late requests (fonts, icons) after the first draw
    if page.locator(harness.EXCEPTION).count():
        print(f"{url}: an exception is shown", file=sys.stderr)
    cdp.detach()
    page.close()
    return visit


@dataclass
class Variant:
    name: str
    server: Cluster | Plain | Existing
    url: str = ""
    first: dict[str, list[Visit]] = field(default_factory=lambda: defaultdict(list))
    second: dict[str, list[Visit]] = field(default_factory=lambda: defaultdict(list))


def measure(browser, variant: Variant, path: str, network_name: str) -> None:
    """A fresh phone's first visit, then the same phone's second."""
    context = browser.new_context(**PHONE)
    context.add_init_script(_FIRST_CHART_JS)
    context.set_default_timeout(180_000)
    try:
        network = NETWORKS[network_name]
        variant.first[network_name].append(visit_once(context, variant.url + path, network))
        variant.second[network_name].append(visit_once(context, variant.url + path, network))
    finally:
        context.close()


# --- report ---------------------------------------------------------------------------------


def _mb(n: float) -> str:
    return f"{n / MB:.2f} MB"


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def report(variants: list[Variant], networks: list[str], path: str) -> list[str]:
    lines = [
        f"Phone (390×844, scale 3, touch, mobile UA), fresh profile, `{path}`; medians over "
        "the visits. Bytes: headers and bodies as transferred (`encodedDataLength`); "
        "websocket: frame payloads received, apart.",
        "",
        "| variant | network | visits | first visit | requests | time to first chart | "
        "second visit | requests (from cache) | time to first chart | websocket |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for v in variants:
        for net in networks:
            first, second = v.first[net], v.second[net]
            if not first:
                continue
            lines.append(
                f"| {v.name} | {net} | {len(first)} | {_mb(_median([x.bytes for x in first]))} | "
                f"{_median([x.count for x in first]):.0f} | "
                f"{_median([x.first_chart_ms for x in first]) / 1000:.2f} s | "
                f"{_mb(_median([x.bytes for x in second]))} | "
                f"{_median([x.count for x in second]):.0f} "
                f"({_median([x.cached for x in second]):.0f}) | "
                f"{_median([x.first_chart_ms for x in second]) / 1000:.2f} s | "
                f"{_mb(_median([x.websocket_bytes for x in first]))} |"
            )
    lines.append("")
    for v in variants:
        sample = next((vs[0] for vs in v.first.values() if vs), None)
        if sample is None:
            continue
        first_ok = sample.bytes <= FIRST_VISIT_TARGET
        seconds = [x.bytes for vs in v.second.values() for x in vs]
        second_ok = max(seconds) <= SECOND_VISIT_TARGET
        lines += [
            f"**{v.name}**: first visit {_mb(sample.bytes)} (target ≤ 3.5 MB: "
            f"{'met' if first_ok else 'NOT met'}), second visit at most {_mb(max(seconds))} "
            f"(target ≤ 0.5 MB: {'met' if second_ok else 'NOT met'}).",
            "",
            "| type | requests | bytes |",
            "|---|---|---|",
        ]
        for kind, (n, size) in sorted(sample.by_type().items(), key=lambda kv: -kv[1][1]):
            lines.append(f"| {kind} | {n} | {size / 1000:.1f} kB |")
        lines += ["", "| heaviest files | type | bytes | encoding |", "|---|---|---|---|"]
        encodings = {r["path"]: r.get("encoding", "") for r in sample.requests.values()}
        for kind, file_path, size in sample.heaviest():
            lines.append(
                f"| `{file_path}` | {kind} | {size / 1000:.1f} kB | "
                f"{encodings.get(file_path) or '—'} |"
            )
        second = next((vs[0] for vs in v.second.values() if vs), None)
        if second is not None:
            lines += ["", "Second visit, what still crossed the wire:", ""]
            lines += [
                f"- `{p}` ({kind}) {size / 1000:.1f} kB"
                for kind, p, size in second.heaviest(8)
                if size
            ]
        lines.append("")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--visits", type=int, default=3, help="fresh phones per variant and network"
    )
    parser.add_argument(
        "--network", default="slow4g,loopback", help="comma-separated: " + ", ".join(NETWORKS)
    )
    parser.add_argument("--path", default="/explorer", help="the page opened")
    parser.add_argument(
        "--before", type=Path, help="a copy of older code, measured in the same run"
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--plain", action="store_true", help="one streamlit server, no nginx")
    where.add_argument("--url", help="measure a server already running (no --before)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    networks = [n.strip() for n in args.network.split(",") if n.strip()]
    if set(networks) - NETWORKS.keys():
        parser.error(f"unknown network: {sorted(set(networks) - NETWORKS.keys())}")
    if args.url and args.before:
        parser.error("--url measures one server; --before needs this script to start them")

    variants = make_variants(args)
    try:
        for v in variants:
            v.url = v.server.start()
        with sync_playwright() as playwright:
            browser = harness.launch_chromium(playwright)
            try:
                # A warm server: one visit per variant (not counted) has run the app once.
                for v in variants:
                    measure(browser, v, args.path, "loopback")
                    v.first.clear()
                    v.second.clear()
                for _ in range(args.visits):
                    for net in networks:
                        for v in variants:
                            measure(browser, v, args.path, net)
            finally:
                browser.close()
    finally:
        for v in variants:
            v.server.stop()
    text = "\n".join(report(variants, networks, args.path))
    print(text)
    if not args.no_write:
        how = "--url" if args.url else "--plain" if args.plain else "nginx + 2 replicas"
        command = " ".join(["python -m benchmarks.first_visit", *(argv or sys.argv[1:])])
        RESULTS.mkdir(parents=True, exist_ok=True)
        out = RESULTS / f"first-visit-{dt.date.today():%Y-%m-%d}.md"
        out.write_text(
            f"# A phone's first visit ({how})\n\n`{command}` on "
            f"{dt.datetime.now():%Y-%m-%d %H:%M}, 2 shared cores.\n\n{text}\n"
        )
        print(f"\nwritten to {out.relative_to(REPO_ROOT)}")
    return 0


def make_variants(args: argparse.Namespace) -> list[Variant]:
    """This checkout ("after"), and the ``--before`` copy if given, each with its server."""
    roots = [("after", REPO_ROOT)] + ([("before", args.before.resolve())] if args.before else [])
    variants = []
    for index, (name, root) in enumerate(roots):
        if args.url:
            server: Cluster | Plain | Existing = Existing(args.url)
        elif args.plain:
            server = Plain(root)
        else:
            server = Cluster(root, _cluster_port(index))
        variants.append(Variant(name if args.before else "this checkout", server))
    return variants


def _cluster_port(index: int) -> int:
    """nginx's port for variant ``index`` (its replicas take the two ports after it): the
    first of ``STREAMLIT_TEST_PORTS`` + 3 × index, or two_replicas' own 8690 + 3 × index."""
    low = harness.PORT_RANGE.partition("-")[0]
    return (int(low) if low.isdigit() else 8690) + 3 * index


if __name__ == "__main__":
    sys.exit(main())
