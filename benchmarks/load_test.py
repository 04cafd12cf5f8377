"""Load test: a conference room of real sessions against the dashboard. (A script, not a test.)

Run from the repository root (``make load``)::

    .venv/bin/python -m benchmarks.load_test [--phases sliders,crowd,game] [--sessions 30]
        [--duration 60] [--crowd 100] [--rooms 10] [--game-duration 120]
        [--url http://127.0.0.1:8690 --pid 1234 --pid 1235 --game-db /path/game.sqlite3]

Without ``--url`` it starts the dashboard itself on loopback with the production settings
(``deploy/streamlit-production.toml``; only ``disconnectedSessionTTL`` is shortened so the
test need not wait two minutes for sessions to be freed) and the game's rooms in a SQLite
file of its own (``SIB_GAME_DB`` in a temporary folder). With ``--url`` it drives a running
server or the two-replica proxy of ``deploy/two_replicas.py``; ``--pid`` names the server
processes whose memory and CPU to read, ``--game-db`` the rooms' file to check.

Each session is the Python client of ``benchmarks/st_client.py`` speaking Streamlit's own
websocket protocol, so the server does all the work it does for a browser. Three phases
(``--phases``, all by default):

1. *Sliders*: ``--sessions`` people move the three headline sliders for ``--duration``
   seconds, one move every 0.5–2 s each (a person drags, looks, drags again). Latency is from
   sending the new value to the ``script_finished`` message of the run it caused.
2. *Crowd*: ``--crowd`` people open the dashboard at the same moment (a QR code on the
   screen); latency is from opening the websocket to the first run finished. Then they all
   leave, and memory is read again once the server has freed their sessions.
3. *Game*: ``--rooms`` rooms of the negotiation game, each a facilitator and three groups
   (municipality, investor, provider) in their own sessions, negotiate for
   ``--game-duration`` seconds (``benchmarks/game_load.py``: start a room, open a round, name
   the groups, propose and accept, the views refreshing every 3 s, close the round). Latency
   is per action; afterwards the rooms in the server's SQLite file are checked against what
   the sessions did, and (own server only) the store's cap and expiry are shown to hold.

Figures (p50/p95 latency, errors, server RSS in total and per session, CPU) are printed and
written to ``benchmarks/results/load-<date>.md``. (When uploads exist: add a scenario that
uploads a saved file per session.)
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
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import game_load
from benchmarks.proc import cpu_seconds, own_cpu_seconds, rss_mb
from benchmarks.st_client import SLIDERS, Session, SessionError, sticky_cookie
from deploy.settings import production_flags
from sib_game.limits import LIMITS_ENV
from sib_game.store import ENV_PATH, GameStore
from tests.browser import streamlit_harness as harness

REPO_ROOT = Path(__file__).resolve().parents[1]

RESULTS = REPO_ROOT / "benchmarks" / "results"
#: Values each headline slider takes: a sweep a presenter would make.
SLIDER_VALUES = {
    "in_cohort_size": [float(n) for n in range(20, 401, 10)],
    "in_success_probability": [round(0.05 * i, 2) for i in range(2, 17)],
    "in_difficulty": [round(0.05 * i, 2) for i in range(0, 21)],
}
PHASES = ("sliders", "crowd", "game")


def server_metrics(url: str) -> dict[str, float]:
    """Streamlit's own gauges at ``/_stcore/metrics``: live sessions and the bytes held by
    each kind of cache (behind the proxy: of the replica that answers)."""
    found: dict[str, float] = {}
    try:
        with urllib.request.urlopen(url + "/_stcore/metrics", timeout=10) as response:
            text = response.read().decode()
    except OSError:
        return found
    for line in text.splitlines():
        if line.startswith("active_sessions"):
            found["sessions"] = float(line.split()[-1])
        elif line.startswith("cache_memory_bytes"):
            kind = line.split('cache_type="', 1)[1].split('"', 1)[0]
            found[kind] = found.get(kind, 0.0) + float(line.split()[-1])
    return found


def metrics_text(found: dict[str, float]) -> str:
    if not found:
        return "–"
    sessions = f"{found.get('sessions', float('nan')):.0f} sessions"
    caches = ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in sorted(found.items()) if k != "sessions")
    return f"{sessions}; {caches}"


@dataclass
class Monitor:
    """Samples the servers' RSS once a second while a scenario runs."""

    pids: list[int]
    samples: list[tuple[float, float]] = field(default_factory=list)

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            self.samples.append((time.monotonic(), rss_mb(self.pids)))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 1.0)

    @property
    def peak(self) -> float:
        return max(mb for _, mb in self.samples)


@dataclass
class Outcome:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    runs: int = 0
    seconds: float = 0.0
    server_cpu: float = 0.0
    client_cpu: float = 0.0
    rss_before: float = 0.0
    rss_peak: float = 0.0
    rss_after: float = 0.0
    sessions: int = 0
    upstreams: dict[str, int] = field(default_factory=dict)
    metrics_peak: dict[str, float] = field(default_factory=dict)
    metrics_after: dict[str, float] = field(default_factory=dict)
    by_kind: dict[str, list[float]] = field(default_factory=dict)  # the game's kinds of run
    notes: list[str] = field(default_factory=list)

    def percentile(self, q: float) -> float:
        return percentile(self.latencies, q)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


# --- the two scenarios -------------------------------------------------------------------------
async def open_session(url: str, query: str, outcome: Outcome, page: str = "") -> Session | None:
    try:
        cookie = await asyncio.to_thread(sticky_cookie, url)
        session = Session(url, query=query, cookie=cookie, page=page)
        started = time.perf_counter()
        await session.connect()
        result = await session.run(timeout=120)
        outcome.runs += 1
        outcome.latencies.append(time.perf_counter() - started)
        outcome.upstreams[session.upstream] = outcome.upstreams.get(session.upstream, 0) + 1
        if result.exceptions:
            outcome.errors.append(f"exception shown: {result.exceptions[0]}")
        return session
    except (SessionError, OSError, TimeoutError) as error:
        outcome.errors.append(f"open: {type(error).__name__}: {error}"[:200])
    except Exception as error:  # websockets' own errors: count them, never crash the test
        outcome.errors.append(f"open: {type(error).__name__}: {error}"[:200])
    return None


async def move_sliders(
    session: Session,
    until: float,
    rng: random.Random,
    outcome: Outcome,
    pause: tuple[float, float] = (0.5, 2.0),
) -> None:
    """Move a random headline slider to a random value every ``pause`` seconds until
    ``until``."""
    while time.monotonic() < until:
        await asyncio.sleep(rng.uniform(*pause))
        key = rng.choice(SLIDERS)
        try:
            result = await session.run({key: rng.choice(SLIDER_VALUES[key])}, timeout=60)
        except Exception as error:
            outcome.errors.append(f"move: {type(error).__name__}: {error}"[:200])
            return
        outcome.runs += 1
        outcome.latencies.append(result.seconds)
        if result.exceptions:
            outcome.errors.append(f"exception shown: {result.exceptions[0]}")


async def sliders_scenario(url: str, pids: list[int], sessions: int, duration: float) -> Outcome:
    outcome = Outcome(f"{sessions} sessions moving sliders for {duration:.0f} s", sessions=sessions)
    outcome.rss_before = rss_mb(pids)
    opened = []
    arrival = Outcome("arrival")
    for i in range(sessions):  # people arrive over a few seconds, not all at once
        opened.append(await open_session(url, "", arrival))
        await asyncio.sleep(0.1 * (i % 3))
    outcome.upstreams = arrival.upstreams
    outcome.errors += arrival.errors
    live = [s for s in opened if s is not None]
    outcome.errors += (
        [f"{sessions - len(live)} sessions failed to open"] if len(live) < sessions else []
    )
    stop = asyncio.Event()
    monitor = Monitor(pids)
    watcher = asyncio.create_task(monitor.run(stop))
    cpu0, own0, t0 = cpu_seconds(pids), own_cpu_seconds(), time.monotonic()
    until = t0 + duration
    await asyncio.gather(
        *(move_sliders(s, until, random.Random(i), outcome) for i, s in enumerate(live))
    )
    outcome.seconds = time.monotonic() - t0
    outcome.server_cpu = cpu_seconds(pids) - cpu0
    outcome.client_cpu = own_cpu_seconds() - own0
    stop.set()
    await watcher
    outcome.rss_peak = monitor.peak
    outcome.metrics_peak = server_metrics(url)
    for s in live:
        await s.close()
    return outcome


async def crowd_scenario(
    url: str, pids: list[int], crowd: int, ttl: float, wave: int = 1
) -> Outcome:
    outcome = Outcome(f"{crowd} sessions opening at once (wave {wave})", sessions=crowd)
    outcome.rss_before = rss_mb(pids)
    stop = asyncio.Event()
    monitor = Monitor(pids)
    watcher = asyncio.create_task(monitor.run(stop))
    cpu0, own0, t0 = cpu_seconds(pids), own_cpu_seconds(), time.monotonic()
    # Everybody scans the same QR code: one link, some with their own cohort size.
    queries = ["" if i % 2 else f"n={50 + i}" for i in range(crowd)]
    opened = await asyncio.gather(*(open_session(url, q, outcome) for q in queries))
    outcome.seconds = time.monotonic() - t0
    outcome.server_cpu = cpu_seconds(pids) - cpu0
    outcome.client_cpu = own_cpu_seconds() - own0
    await asyncio.sleep(2)
    stop.set()
    await watcher
    outcome.rss_peak = monitor.peak
    outcome.metrics_peak = server_metrics(url)
    for s in opened:
        if s is not None:
            await s.close()
    # The crowd leaves: their sessions are freed after disconnectedSessionTTL (and Streamlit's
    # cleanup pass, which runs every few seconds).
    await asyncio.sleep(ttl + 15)
    outcome.rss_after = rss_mb(pids)
    outcome.metrics_after = server_metrics(url)
    return outcome


async def game_scenario(
    url: str, pids: list[int], rooms: int, duration: float, ttl: float, db: Path | None, wave: int
) -> Outcome:
    outcome = Outcome(
        f"game: {rooms} rooms × 4 sessions, {duration:.0f} s of negotiation (wave {wave})",
        sessions=4 * rooms,
    )
    outcome.rss_before = rss_mb(pids)
    stop = asyncio.Event()
    monitor = Monitor(pids)
    watcher = asyncio.create_task(monitor.run(stop))

    async def gauges_midway() -> None:  # every session is open half-way through
        await asyncio.sleep(duration / 2 + 10)
        outcome.metrics_peak = await asyncio.to_thread(server_metrics, url)

    midway = asyncio.create_task(gauges_midway())
    cpu0, own0, t0 = cpu_seconds(pids), own_cpu_seconds(), time.monotonic()
    played = await game_load.play(url, rooms, duration, outcome, seed=wave)
    outcome.seconds = time.monotonic() - t0
    outcome.server_cpu = cpu_seconds(pids) - cpu0
    outcome.client_cpu = own_cpu_seconds() - own0
    stop.set()
    await watcher
    midway.cancel()
    outcome.rss_peak = monitor.peak
    # Every session has closed: their memory is freed after disconnectedSessionTTL.
    await asyncio.sleep(ttl + 15)
    outcome.rss_after = rss_mb(pids)
    outcome.metrics_after = server_metrics(url)
    if db is None:
        outcome.notes.append("Rooms not checked in the store: no --game-db given.")
    else:
        lines, problems = game_load.check_rooms(GameStore(db), played)
        outcome.notes += lines
        outcome.errors += problems
    return outcome


async def bounds_check(url: str, pids: list[int], ttl: float, db: Path, outcome: Outcome) -> None:
    """The rooms' cap and expiry, shown through the server (changes the rooms' file: only
    against the load test's own server)."""
    before = rss_mb(pids)
    outcome.notes += await game_load.check_bounds(url, db, outcome)
    await asyncio.sleep(ttl + 15)
    outcome.notes.append(
        f"Server RSS around the bounds check ({game_load.MAX_ROOMS} rooms in the file, one "
        f"session): {before:.0f} MB before, {rss_mb(pids):.0f} MB after its session was freed "
        "(the rooms live in the file, not in the server's memory)."
    )


# --- report ------------------------------------------------------------------------------------
def report(outcomes: list[Outcome], args, idle_mb: float, settings: str) -> str:
    lines = [
        f"# Load test, {dt.datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"`python -m benchmarks.load_test {' '.join(sys.argv[1:])}` on {os.cpu_count()} cores; "
        f"target {args.url or 'own server (production settings)'}; {settings}.",
        "Latency: sending a widget change (or opening a session) → the `script_finished` "
        "message of the run it caused (server work and transfer; browser drawing excluded).",
        "",
        "| scenario | runs | p50 s | p95 s | max s | errors | server CPU (1 core = 100 %) "
        "| RSS before MB | RSS peak MB | per session MB | RSS after MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for o in outcomes:
        per = (o.rss_peak - o.rss_before) / max(1, o.sessions)
        after = f"{o.rss_after:.0f}" if o.rss_after else "–"
        lines.append(
            f"| {o.name} | {o.runs} | {o.percentile(50):.2f} | {o.percentile(95):.2f} | "
            f"{max(o.latencies, default=float('nan')):.2f} | {len(o.errors)} | "
            f"{o.server_cpu / max(o.seconds, 1e-9):.0%} | {o.rss_before:.0f} | "
            f"{o.rss_peak:.0f} | {per:.1f} | {after} |"
        )
    lines += [
        "",
        f"Server RSS (all server processes) when idle after start-up and warm-up runs: "
        f"{idle_mb:.0f} MB. Per session = (peak − before) / sessions.",
        "",
    ]
    for o in outcomes:
        if not o.by_kind:
            continue
        lines += [
            f"{o.name}, by kind of run (actions are a group's or the facilitator's click or "
            "form; a refresh is a fragment's `run_every` rerun; “proposal → facilitator's "
            "screen” is from sending a proposal to the first refresh of the facilitator's "
            "view that shows it):",
            "",
            "| run | n | p50 s | p95 s | max s |",
            "|---|---|---|---|---|",
        ]
        for kind, values in o.by_kind.items():
            lines.append(
                f"| {kind} | {len(values)} | {percentile(values, 50):.2f} | "
                f"{percentile(values, 95):.2f} | {max(values):.2f} |"
            )
        lines += ["", *(f"- {note}" for note in o.notes), ""]
    lines += [
        "Streamlit's gauges (`/_stcore/metrics`), at the peak and after the sessions left:",
        "",
    ]
    for o in outcomes:
        lines.append(
            f"- {o.name}: peak {metrics_text(o.metrics_peak)}; "
            f"after {metrics_text(o.metrics_after)}"
        )
    lines.append("")
    for o in outcomes:
        if o.upstreams and any(o.upstreams):
            lines.append(f"Sessions per replica ({o.name}): {o.upstreams}.")
        lines.append(
            f"Load generator's own CPU ({o.name}): {o.client_cpu / max(o.seconds, 1e-9):.0%} "
            "of one core, on the same 2 cores as the server."
        )
        for error in sorted(set(o.errors))[:10]:
            lines.append(f"- error ({o.name}): {error}")
    return "\n".join(lines) + "\n"


async def main_async(args) -> int:
    server = None
    pids = list(args.pid)
    url = args.url
    settings = "settings as running"
    game_db = Path(args.game_db) if args.game_db else None
    rooms_dir = None
    if url is None:
        # The game's rooms in a file of this run's own (the server inherits the variable).
        rooms_dir = tempfile.TemporaryDirectory(prefix="sib-load-game-")
        game_db = Path(rooms_dir.name) / "game.sqlite3"
        os.environ[ENV_PATH] = str(game_db)
        # Dozens of rooms from one address: the game's rate limits are off on this server.
        os.environ[LIMITS_ENV] = "off"
        flags = production_flags(server_disconnectedSessionTTL=int(args.ttl))
        server = harness.StreamlitServer("app.py", extra_args=tuple(flags), startup_timeout=90)
        url = server.start()
        pids = [server.process.pid]
        settings = (
            f"deploy/streamlit-production.toml with disconnectedSessionTTL={args.ttl:.0f} s, "
            "rooms in a SQLite file of its own"
        )
    try:
        warm = Outcome("warm-up")
        # Imports, caches, gc.freeze: a few sessions, so that behind the proxy every replica
        # has run the app once before anything is measured.
        pages = [""] + ([game_load.PAGE] if "game" in args.phases else [])
        for _ in range(1 if server else 3 * max(1, len(pids))):
            for page in pages:
                first = await open_session(url, "", warm, page)
                if first is not None:
                    await first.close()
        await asyncio.sleep(args.ttl + 15 if server else 2)
        idle = rss_mb(pids) if pids else float("nan")
        print(f"idle RSS {idle:.0f} MB; warm-up errors: {warm.errors}", flush=True)
        outcomes = []
        if args.sessions and "sliders" in args.phases:
            print(f"sliders: {args.sessions} sessions for {args.duration:.0f} s …", flush=True)
            outcomes.append(await sliders_scenario(url, pids, args.sessions, args.duration))
            await asyncio.sleep(args.ttl + 15)
            outcomes[-1].rss_after = rss_mb(pids)
            outcomes[-1].metrics_after = server_metrics(url)
        for wave in range(1, args.waves + 1 if args.crowd and "crowd" in args.phases else 1):
            print(f"crowd: {args.crowd} sessions at once (wave {wave}) …", flush=True)
            outcomes.append(await crowd_scenario(url, pids, args.crowd, args.ttl, wave))
        for wave in range(1, args.game_waves + 1 if args.rooms and "game" in args.phases else 1):
            print(f"game: {args.rooms} rooms for {args.game_duration:.0f} s (wave {wave}) …")
            outcomes.append(
                await game_scenario(
                    url, pids, args.rooms, args.game_duration, args.ttl, game_db, wave
                )
            )
            if wave == args.game_waves and server is not None and game_db is not None:
                await bounds_check(url, pids, args.ttl, game_db, outcomes[-1])
        text = report(outcomes, args, idle, settings)
        print(text)
        RESULTS.mkdir(exist_ok=True)
        out = Path(args.output or RESULTS / f"load-{dt.date.today():%Y-%m-%d}.md")
        out.write_text(text)
        print(f"written to {out}")
        return 1 if any(o.errors for o in outcomes) else 0
    finally:
        if server is not None:
            server.stop()
        if rooms_dir is not None:
            rooms_dir.cleanup()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30, help="people moving sliders")
    parser.add_argument(
        "--duration", type=float, default=60, help="seconds of slider moving (report: 300)"
    )
    parser.add_argument("--crowd", type=int, default=100, help="people opening at once")
    parser.add_argument(
        "--waves", type=int, default=2, help="crowds one after another (memory must not grow)"
    )
    parser.add_argument(
        "--phases",
        type=lambda text: [p.strip() for p in text.split(",") if p.strip()],
        default=list(PHASES),
        help="which phases, comma-separated (default: sliders,crowd,game)",
    )
    parser.add_argument("--rooms", type=int, default=10, help="game rooms (4 sessions each)")
    parser.add_argument(
        "--game-duration", type=float, default=90, help="seconds of negotiation per room"
    )
    parser.add_argument(
        "--game-waves", type=int, default=2, help="games one after another (memory must not grow)"
    )
    parser.add_argument("--url", help="drive this server instead of starting one")
    parser.add_argument("--pid", type=int, action="append", default=[], help="server pid(s)")
    parser.add_argument(
        "--ttl", type=int, default=20, help="disconnectedSessionTTL of the server, s"
    )
    parser.add_argument(
        "--game-db", help="with --url: the SQLite file of the server's rooms, to check them"
    )
    parser.add_argument("--output", help="report file (default benchmarks/results/load-<date>.md)")
    args = parser.parse_args(argv)
    if unknown := set(args.phases) - set(PHASES):
        parser.error(f"unknown phase(s) {sorted(unknown)}: choose from {', '.join(PHASES)}")
    if args.duration > 900 or args.sessions > 200 or args.crowd > 300:
        parser.error("bounded on purpose: at most 900 s, 200 sessions, a crowd of 300")
    if args.rooms > 40 or args.game_duration > 900 or args.game_waves > 5:
        parser.error("bounded on purpose: at most 40 rooms (160 sessions), 900 s, 5 games")
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
