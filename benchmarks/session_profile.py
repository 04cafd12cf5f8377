"""What a session costs the server: CPU per run, and where it goes. (A script, not a test.)

Run from the repository root::

    .venv/bin/python -m benchmarks.session_profile [--runs 30] [--profile] [--output FILE]

It starts the dashboard with the production settings and the bare Streamlit page
(``benchmarks/bare_page.py``, one slider and one chart: Streamlit's own floor) side by side,
and drives both with the websocket client of :mod:`benchmarks.st_client`, interleaved, so that
a busy machine weighs on both alike. Three kinds of run, each ``--runs`` times:

* **first run**: a new session opens the Explorer from a shared link (a phone scanning the
  room's QR code): connect, the first script run, every element sent;
* **move to a seen value**: one session moves the success slider back and forth between two
  values (the model's results and the figures are cached);
* **move to a new value**: one session walks the success slider over values no session has
  asked for (the model runs).

The figure is the server process's CPU time (user + system, all its threads, from
``/proc/<pid>/stat``) over the runs, divided by their number. ``--profile`` samples the
Explorer's server with py-spy (every thread, 200 Hz) during each kind of run and prints the
functions that hold the most samples, by own time and by total time.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.proc import cpu_seconds
from benchmarks.st_client import Session
from deploy.settings import production_flags
from tests.browser import streamlit_harness as harness

RESULTS = Path(__file__).resolve().parents[1] / "benchmarks" / "results"
#: The room's QR link: the Explorer with a scenario of its own.
LINK_PAGE, LINK = "explorer", "n=120&p=0.55&d=0.4"
SUCCESS = "in_success_probability"
COHORT = "in_cohort_size"
#: Issue 17's targets, ms of server CPU per run.
TARGETS = {"first run": 30.0, "move to a seen value": 15.0, "move to a new value": 30.0}


@dataclass
class App:
    """One server and what it costs per kind of run."""

    name: str
    script: str
    page: str
    slider: str
    cwd: Path = harness.REPO_ROOT
    server: harness.StreamlitServer | None = None
    url: str = ""
    cpu_ms: dict[str, list[float]] = field(default_factory=dict)
    wall_ms: dict[str, list[float]] = field(default_factory=dict)
    session: Session | None = None
    walk: list[float] = field(default_factory=list)

    @property
    def pid(self) -> int:
        assert self.server is not None
        assert self.server.process is not None
        return self.server.process.pid

    async def measure(self, kind: str, action: Callable[[], Awaitable[float]]) -> None:
        before = cpu_seconds([self.pid])
        wall = await action()
        self.cpu_ms.setdefault(kind, []).append((cpu_seconds([self.pid]) - before) * 1000)
        self.wall_ms.setdefault(kind, []).append(wall * 1000)


async def first_run(app: App) -> float:
    session = Session(app.url, query=LINK if app.page else "", page=app.page)
    started = time.perf_counter()
    await session.connect()
    await session.run(timeout=120)
    wall = time.perf_counter() - started
    await session.close()
    return wall


async def open_mover(app: App) -> None:
    app.session = Session(app.url, query=LINK if app.page else "", page=app.page)
    await app.session.connect()
    await app.session.run(timeout=120)
    options = app.session.slider_options.get(app.slider)
    if options:  # a select slider: its stops, as values
        from benchmarks.st_client import option_value

        app.walk = [option_value(o) for o in options]
    else:
        app.walk = [float(v) for v in range(10, 501, 10)]
    for value in seen_pair(app):  # seen before the seen moves are measured
        await move(app, value)


def seen_pair(app: App) -> tuple[float, float]:
    """The two values the "seen value" moves go back and forth between."""
    third = len(app.walk) // 3
    return app.walk[third], app.walk[third + 1]


async def move(app: App, value: float) -> float:
    assert app.session is not None
    result = await app.session.run({app.slider: value}, timeout=120)
    if result.exceptions:
        raise RuntimeError(result.exceptions[0])
    return result.seconds


def _settle() -> None:
    time.sleep(0.3)  # the server's after-run work (gc, cleanup) lands in this run's account


async def drive(apps: list[App], runs: int, profiler: Profiler | None) -> None:
    # A few first runs and moves before anything counts: imports, caches, gc.freeze.
    for app in apps:
        for _ in range(3):
            await first_run(app)
        await open_mover(app)
    kinds = ["first run", "move to a seen value", "move to a new value"]
    for kind in kinds:
        if profiler:
            profiler.start(kind)
        for i in range(runs):
            for app in apps:  # interleaved: the same moment of a busy machine for both
                if kind == "first run":
                    await app.measure(kind, lambda app=app: first_run(app))
                elif kind == "move to a seen value":
                    a, b = seen_pair(app)
                    value = a if i % 2 else b
                    await app.measure(kind, lambda app=app, value=value: move(app, value))
                else:  # every value new: walk up from the middle, then down from below it
                    half = len(app.walk) // 2
                    order = app.walk[half:] + app.walk[: len(app.walk) // 3 - 1][::-1]
                    value = order[i % len(order)]
                    await app.measure(kind, lambda app=app, value=value: move(app, value))
                _settle()
        if profiler:
            profiler.stop()


class Profiler:
    """py-spy recording the Explorer's server during one kind of run at a time."""

    def __init__(self, pid: int, folder: Path) -> None:
        self.pid, self.folder = pid, folder
        self.process: subprocess.Popen[bytes] | None = None
        self.files: dict[str, Path] = {}
        self.binary = shutil.which(
            "py-spy", path=f"{Path(sys.executable).parent}:{os.environ['PATH']}"
        )
        if self.binary is None:
            raise SystemExit("--profile needs py-spy: .venv/bin/pip install py-spy")

    def start(self, kind: str) -> None:
        out = self.folder / (kind.replace(" ", "-") + ".txt")
        self.files[kind] = out
        self.process = subprocess.Popen(
            [
                str(self.binary),
                "record",
                "--pid",
                str(self.pid),
                "--rate",
                "200",
                "--gil",  # only samples that hold the GIL: CPU, not waiting
                "--format",
                "raw",
                "--output",
                str(out),
                "--nonblocking",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1.0)  # py-spy attaches

    def stop(self) -> None:
        assert self.process is not None
        self.process.send_signal(2)  # SIGINT: py-spy writes its file and exits
        self.process.wait(timeout=30)

    def top(self, kind: str, n: int = 18) -> list[str]:
        """The functions with the most samples (own and total) of the script-run threads."""
        own: collections.Counter[str] = collections.Counter()
        total: collections.Counter[str] = collections.Counter()
        samples = 0
        for line in self.files[kind].read_text().splitlines():
            stack, _, count = line.rpartition(" ")
            frames = stack.split(";")
            if not any(
                "script_runner" in f or "exec_func_with_error_handling" in f for f in frames
            ):
                continue  # idle threads and the event loop's waiting
            weight = int(count)
            samples += weight
            names = [
                f.split(" (")[0] + " (" + f.split(" (")[-1].split(":")[0].split("/")[-1]
                for f in frames
            ]
            own[names[-1]] += weight
            for name in set(names):
                total[name] += weight
        lines = [
            f"{samples} samples in script runs (200 Hz)",
            "",
            "| own % | function |",
            "|---|---|",
        ]
        lines += [
            f"| {100 * c / max(samples, 1):.1f} | `{name}` |" for name, c in own.most_common(n)
        ]
        lines += ["", "| total % | function |", "|---|---|"]
        lines += [
            f"| {100 * c / max(samples, 1):.1f} | `{name}` |"
            for name, c in total.most_common(n + 12)
            if not name.startswith(("<module>", "_bootstrap", "run (threading", "_run_script"))
        ][:n]
        return lines


def report(apps: list[App], runs: int, profiler: Profiler | None, title: str) -> str:
    def median(values: list[float]) -> float:
        ordered = sorted(values)
        return ordered[len(ordered) // 2]

    lines = [
        f"# Server CPU per run: {title}, {dt.datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"`python -m benchmarks.session_profile {' '.join(sys.argv[1:])}` on "
        f"{os.cpu_count()} cores, {runs} runs of each kind per app, the apps interleaved. "
        "CPU: the server process's user + system time over a run and the 0.3 s after it, "
        "all threads (mean; the median in brackets); wall: sending the request → "
        "`script_finished` (median).",
        "",
        "| run | "
        + " | ".join(f"{a.name} CPU ms" for a in apps)
        + " | target | "
        + " | ".join(f"{a.name} wall ms" for a in apps)
        + " |",
        "|---|" + "---|" * (2 * len(apps) + 1),
    ]
    for kind, target in TARGETS.items():
        cells = [
            f"{sum(a.cpu_ms[kind]) / len(a.cpu_ms[kind]):.1f} ({median(a.cpu_ms[kind]):.0f})"
            for a in apps
        ]
        walls = [f"{median(a.wall_ms[kind]):.0f}" for a in apps]
        lines.append(
            f"| {kind} | " + " | ".join(cells) + f" | ≤ {target:.0f} | " + " | ".join(walls) + " |"
        )
    if profiler:
        for kind in TARGETS:
            lines += ["", f"## Where the Explorer's {kind} goes (py-spy)", "", *profiler.top(kind)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--profile", action="store_true", help="sample with py-spy")
    parser.add_argument(
        "--before",
        help="a checkout of the code before a change (git worktree add DIR <commit>): its "
        "Explorer is measured too, interleaved with this one's",
    )
    parser.add_argument("--title", default="the Explorer against a bare page")
    parser.add_argument("--output", help="default benchmarks/results/session-profile-<date>.md")
    args = parser.parse_args(argv)
    flags = tuple(production_flags())
    apps = [
        App("Explorer", "app.py", LINK_PAGE, SUCCESS),
        App("bare page", "benchmarks/bare_page.py", "", COHORT),
    ]
    if args.before:  # the same page from another checkout, with its own production settings
        apps.insert(1, App("Explorer before", "app.py", LINK_PAGE, SUCCESS, Path(args.before)))
    folder = Path(tempfile.mkdtemp(prefix="sib-profile-"))
    profiler = None
    try:
        for app in apps:
            toml = app.cwd / "deploy" / "streamlit-production.toml"
            app.server = harness.StreamlitServer(
                app.script,
                cwd=app.cwd,
                extra_args=tuple(production_flags(toml)) if toml.exists() else flags,
                startup_timeout=90,
                env={"PYTHONPATH": str(app.cwd)},
            )
            app.url = app.server.start()
        if args.profile:
            profiler = Profiler(apps[0].pid, folder)
        asyncio.run(drive(apps, args.runs, profiler))
    finally:
        for app in apps:
            if app.server is not None:
                app.server.stop()
    text = report(apps, args.runs, profiler, args.title)
    print(text)
    out = Path(args.output or RESULTS / f"session-profile-{dt.date.today():%Y-%m-%d}.md")
    out.write_text(text)
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
