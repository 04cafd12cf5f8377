"""A conference and a workshop through the production entrypoint, with 1 and 2 replicas.
(A script, not a test: it prints figures and writes them to ``benchmarks/results/``.)

Run from the repository root::

    .venv/bin/python -m benchmarks.room_load [--replicas 1,2] [--workshop-seconds 300]
        [--crowd 100] [--arrival 10] [--movers 30] [--conference-seconds 90]
        [--laptops 30] [--rooms 10]

For each replica count it starts what ``make serve`` starts (:class:`deploy.serve.Cluster`:
nginx with ``deploy/nginx-sib.conf`` in front of N replicas with the production settings;
only ``disconnectedSessionTTL`` is shortened to ``--ttl`` so that freed memory can be read
without waiting two minutes, the game's rooms are in a SQLite file of this run's own, and the
game's rate limits are off, since every session comes from this one address). Every replica
is warmed first (one session each on the Explorer and the game), then two rooms are played:

1. **Conference.** ``--crowd`` phones open the same QR link within ``--arrival`` seconds
   (arrival times uniform); the latency is from opening the websocket to the end of the
   session's first run (what a phone waits for before it can draw). Then ``--movers`` of them
   move a headline slider now and then (every 5–15 s) for ``--conference-seconds``. Then
   everybody leaves, and each replica's memory is read again once the sessions are freed:
   it must come back to where it was (flat), not grow with every crowd.
2. **Workshop.** ``--laptops`` sessions move the headline sliders every 2–3 s for
   ``--workshop-seconds`` while ``--rooms`` rooms of the negotiation game (a facilitator and
   three groups each, :mod:`benchmarks.game_load`) negotiate; latency per move and per game
   action.

Each session is the websocket client of :mod:`benchmarks.st_client`, so the server does the
work it does for a browser (drawing in the browser is not counted). CPU is read per core
from ``/proc/stat`` over each phase (the load generator runs on the same cores: its own share
is printed), memory per replica from ``/proc/<pid>/status``. Targets (issue 17): workshop
slider p95 < 1 s, the crowd's first run p95 ≤ 5 s, no errors, memory flat after the crowd.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import game_load
from benchmarks.load_test import Outcome, move_sliders, open_session
from benchmarks.proc import cpu_seconds, own_cpu_seconds, rss_mb
from deploy.serve import Cluster, replica_ports
from sib_game.limits import LIMITS_ENV
from sib_game.store import ENV_PATH, GameStore
from tests.browser.streamlit_harness import free_port

RESULTS = Path(__file__).resolve().parents[1] / "benchmarks" / "results"
#: The link of the conference's QR code (the Share page's kind: a page and a scenario).
QR_PAGE, QR_QUERY = "explorer", "n=120&p=0.55&d=0.4&lang=da"
#: How often a person in the audience or at a workshop laptop moves a slider, seconds.
CONFERENCE_PAUSE, WORKSHOP_PAUSE = (5.0, 15.0), (2.0, 3.0)


# --- the machine, from /proc -------------------------------------------------------------------
def core_times() -> list[tuple[int, int]]:
    """(busy, total) jiffies per core since boot."""
    found = []
    for line in Path("/proc/stat").read_text().splitlines():
        name, *values = line.split()
        if name.startswith("cpu") and name != "cpu":
            numbers = [int(v) for v in values]
            idle = numbers[3] + (numbers[4] if len(numbers) > 4 else 0)
            found.append((sum(numbers) - idle, sum(numbers)))
    return found


def core_load(before: list[tuple[int, int]], after: list[tuple[int, int]]) -> list[float]:
    """Each core's busy share between two readings of :func:`core_times`."""
    return [(b1 - b0) / max(1, t1 - t0) for (b0, t0), (b1, t1) in zip(before, after, strict=True)]


@dataclass
class Memory:
    """Each replica's RSS, sampled once a second while a phase runs."""

    pids: list[int]
    peak: dict[int, float] = field(default_factory=dict)

    def now(self) -> dict[int, float]:
        return {pid: rss_mb([pid]) for pid in self.pids}

    async def watch(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            for pid, mb in self.now().items():
                self.peak[pid] = max(self.peak.get(pid, 0.0), mb)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 1.0)


@dataclass
class Phase:
    """One room's figures: latencies by kind of run, load, memory."""

    name: str
    kinds: dict[str, Outcome] = field(default_factory=dict)
    seconds: float = 0.0
    cores: list[float] = field(default_factory=list)
    server_cpu: float = 0.0
    client_cpu: float = 0.0
    rss_before: dict[int, float] = field(default_factory=dict)
    rss_peak: dict[int, float] = field(default_factory=dict)
    rss_after: dict[int, float] = field(default_factory=dict)

    def kind(self, name: str) -> Outcome:
        return self.kinds.setdefault(name, Outcome(name))

    @property
    def errors(self) -> list[str]:
        return [e for o in self.kinds.values() for e in o.errors]


@contextlib.asynccontextmanager
async def measured(phase: Phase, pids: list[int]):  # type: ignore[no-untyped-def]
    memory = Memory(pids)
    phase.rss_before = memory.now()
    stop = asyncio.Event()
    watcher = asyncio.create_task(memory.watch(stop))
    cores0, cpu0, own0, t0 = core_times(), cpu_seconds(pids), own_cpu_seconds(), time.monotonic()
    try:
        yield
    finally:
        phase.seconds = time.monotonic() - t0
        phase.cores = core_load(cores0, core_times())
        phase.server_cpu = cpu_seconds(pids) - cpu0
        phase.client_cpu = own_cpu_seconds() - own0
        stop.set()
        await watcher
        phase.rss_peak = memory.peak


# --- the two rooms -----------------------------------------------------------------------------
async def conference(url: str, pids: list[int], args: argparse.Namespace, wave: int) -> Phase:
    phase = Phase(
        f"conference {wave}: {args.crowd} phones open one QR link within {args.arrival:.0f} s"
    )
    first, moves = phase.kind("first run (open → drawn)"), phase.kind("slider move")
    rng = random.Random(17 * wave)

    async def arrive(delay: float):  # type: ignore[no-untyped-def]
        await asyncio.sleep(delay)
        return await open_session(url, QR_QUERY, first, QR_PAGE)

    async with measured(phase, pids):
        opened = await asyncio.gather(
            *(arrive(rng.uniform(0, args.arrival)) for _ in range(args.crowd))
        )
        live = [s for s in opened if s is not None]
        until = time.monotonic() + args.conference_seconds
        await asyncio.gather(
            *(
                move_sliders(s, until, random.Random(1000 * wave + i), moves, CONFERENCE_PAUSE)
                for i, s in enumerate(live[: args.movers])
            )
        )
    for session in live:
        await session.close()
    await asyncio.sleep(args.ttl + 15)  # their sessions are freed after the TTL
    phase.rss_after = Memory(pids).now()
    return phase


async def workshop(url: str, pids: list[int], args: argparse.Namespace, db: Path) -> Phase:
    phase = Phase(
        f"workshop: {args.laptops} laptops move sliders every 2–3 s for "
        f"{args.workshop_seconds:.0f} s, {args.rooms} game rooms"
    )
    moves, opening, game = (
        phase.kind("slider move"),
        phase.kind("laptop opens"),
        phase.kind("game action"),
    )
    laptops = []
    for i in range(args.laptops):  # people sit down over a few seconds
        laptops.append(await open_session(url, "", opening, QR_PAGE))
        await asyncio.sleep(0.1 * (i % 3))
    live = [s for s in laptops if s is not None]
    async with measured(phase, pids):
        until = time.monotonic() + args.workshop_seconds
        sliders = asyncio.gather(
            *(
                move_sliders(s, until, random.Random(100 + i), moves, WORKSHOP_PAUSE)
                for i, s in enumerate(live)
            )
        )
        rooms = game_load.play(url, args.rooms, max(30.0, args.workshop_seconds - 30), game)
        _, played = await asyncio.gather(sliders, rooms)
    for session in live:
        await session.close()
    lines, problems = game_load.check_rooms(GameStore(db), played)
    game.errors += problems
    game.notes += lines
    await asyncio.sleep(args.ttl + 15)
    phase.rss_after = Memory(pids).now()
    return phase


async def one_configuration(replicas: int, args: argparse.Namespace) -> tuple[int, list[Phase]]:
    workdir = Path(tempfile.mkdtemp(prefix=f"sib-room-load-{replicas}-"))
    db = workdir / "game.sqlite3"
    proxy = free_port()
    ports = [free_port() for _ in replica_ports(proxy, replicas)]
    cluster = Cluster(
        workdir,
        proxy_port=proxy,
        replica_ports=ports,
        env={ENV_PATH: str(db), LIMITS_ENV: "off"},
        settings={"server_disconnectedSessionTTL": args.ttl},
    )
    try:
        url = await asyncio.to_thread(cluster.start)
        pids = cluster.pids()
        warm = Outcome("warm-up")
        for _ in range(3 * replicas):  # the cookie spreads them: every replica runs both pages
            for page in (QR_PAGE, game_load.PAGE):
                session = await open_session(url, QR_QUERY, warm, page)
                if session is not None:
                    await session.close()
        await asyncio.sleep(args.ttl + 15)
        print(f"{replicas} replica(s) warm: {warm.errors or 'no errors'}", flush=True)
        phases = []
        for wave in range(1, args.waves + 1 if args.crowd else 1):
            print(f"  conference {wave}: {args.crowd} phones …", flush=True)
            phases.append(await conference(url, pids, args, wave))
        if args.laptops:
            print(f"  workshop: {args.laptops} laptops, {args.rooms} rooms …", flush=True)
            phases.append(await workshop(url, pids, args, db))
        return replicas, phases
    finally:
        cluster.stop()


# --- report ------------------------------------------------------------------------------------
def _mb(values: dict[int, float]) -> str:
    return " / ".join(f"{v:.0f}" for v in values.values()) or "–"


def report(results: list[tuple[int, list[Phase]]], args: argparse.Namespace) -> str:
    lines = [
        f"# A conference and a workshop through the production entrypoint, "
        f"{dt.datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"`python -m benchmarks.room_load {' '.join(sys.argv[1:])}` on {os.cpu_count()} cores: "
        "`make serve`'s cluster (nginx + N replicas, production settings, "
        f"disconnectedSessionTTL {args.ttl} s), one run per replica count. Latency: sending a "
        "change (or opening the websocket) → the `script_finished` of the run it caused.",
        "",
        "| replicas | room | run | n | p50 s | p95 s | max s | errors | CPU per core "
        "| server CPU | load generator CPU | RSS per replica MB: before → peak → after |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for replicas, phases in results:
        for phase in phases:
            for name, o in phase.kinds.items():
                if not o.latencies and not o.errors:
                    continue
                lines.append(
                    f"| {replicas} | {phase.name.split(':')[0]} | {name} | {len(o.latencies)} | "
                    f"{o.percentile(50):.2f} | {o.percentile(95):.2f} | "
                    f"{max(o.latencies, default=float('nan')):.2f} | {len(o.errors)} | "
                    + " · ".join(f"{c:.0%}" for c in phase.cores)
                    + f" | {phase.server_cpu / max(phase.seconds, 1e-9):.0%} | "
                    f"{phase.client_cpu / max(phase.seconds, 1e-9):.0%} | "
                    f"{_mb(phase.rss_before)} → {_mb(phase.rss_peak)} → {_mb(phase.rss_after)} |"
                )
    lines += ["", "Rooms:", ""]
    for replicas, phases in results:
        for phase in phases:
            lines.append(f"- {replicas} replica(s), {phase.name} ({phase.seconds:.0f} s).")
            for o in phase.kinds.values():
                lines += [f"  - {note}" for note in o.notes]
                lines += [f"  - error ({o.name}): {e}" for e in sorted(set(o.errors))[:5]]
    lines += [
        "",
        "Server CPU is the replicas' CPU time over the phase (1 core = 100 %); CPU per core is "
        "the whole machine's, load generator included (it runs every session's websocket "
        "client on the same two cores).",
    ]
    return "\n".join(lines) + "\n"


def targets(results: list[tuple[int, list[Phase]]]) -> list[str]:
    """Each target of the issue against the figures: a line each, PASS or MISS."""
    lines = []
    for replicas, phases in results:
        for phase in phases:
            room = phase.name.split(":")[0].rstrip(" 0123456789")
            errors = len(phase.errors)
            lines.append(f"{replicas} replica(s), {room}: {errors} errors")
            if room == "workshop":
                p95 = phase.kind("slider move").percentile(95)
                lines.append(f"  slider p95 {p95:.2f} s (target < 1 s): {_ok(p95 < 1)}")
            else:
                p95 = phase.kind("first run (open → drawn)").percentile(95)
                lines.append(f"  first run p95 {p95:.2f} s (target ≤ 5 s): {_ok(p95 <= 5)}")
                growth = statistics.fmean(
                    phase.rss_after[p] - phase.rss_before[p] for p in phase.rss_before
                )
                lines.append(
                    f"  memory after the crowd left: {growth:+.0f} MB per replica against "
                    "before it came (the model's caches fill up to their bounds on the first "
                    "crowd; flat means a later crowd adds next to nothing)"
                )
    return lines


def _ok(passed: bool) -> str:
    return "PASS" if passed else "MISS"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--replicas",
        type=lambda text: [int(n) for n in text.split(",")],
        default=[1, 2],
        help="replica counts, one run each (default 1,2)",
    )
    parser.add_argument("--crowd", type=int, default=100)
    parser.add_argument("--arrival", type=float, default=10.0)
    parser.add_argument("--movers", type=int, default=30)
    parser.add_argument(
        "--waves", type=int, default=2, help="conferences one after another (memory stays flat)"
    )
    parser.add_argument("--conference-seconds", type=float, default=90.0)
    parser.add_argument("--laptops", type=int, default=30)
    parser.add_argument("--rooms", type=int, default=10)
    parser.add_argument("--workshop-seconds", type=float, default=300.0)
    parser.add_argument("--ttl", type=int, default=20, help="disconnectedSessionTTL, s")
    parser.add_argument("--output", help="default benchmarks/results/room-load-<date>.md")
    args = parser.parse_args(argv)
    if (
        args.waves > 5
        or args.crowd > 300
        or args.laptops > 200
        or args.rooms > 40
        or max(args.replicas) > 8
    ):
        parser.error("bounded on purpose: a crowd of 300, 200 laptops, 40 rooms, 8 replicas")

    async def run_all() -> list[tuple[int, list[Phase]]]:
        return [await one_configuration(n, args) for n in args.replicas]

    results = asyncio.run(run_all())
    text = report(results, args) + "\n" + "\n".join(["Targets:", "", *targets(results)]) + "\n"
    print(text)
    RESULTS.mkdir(exist_ok=True)
    out = Path(args.output or RESULTS / f"room-load-{dt.date.today():%Y-%m-%d}.md")
    out.write_text(text)
    print(f"written to {out}")
    return 1 if any(phase.errors for _, phases in results for phase in phases) else 0


if __name__ == "__main__":
    sys.exit(main())
