"""Two replicas of the dashboard behind nginx with sticky sessions, on loopback.

Run from the repository root (needs Debian's ``nginx``: ``apt-get install nginx-light``)::

    .venv/bin/python -m deploy.two_replicas                # start, print the URL, wait for Ctrl-C
    .venv/bin/python -m deploy.two_replicas --check        # the failover check, then stop
    .venv/bin/python -m deploy.two_replicas --check-game   # the same for a game's room
    .venv/bin/python -m deploy.two_replicas --check-game --postgres   # rooms on PostgreSQL

Starts two ``streamlit run app.py`` replicas with the production settings
(``deploy/streamlit-production.toml``) on 127.0.0.1:8691 and :8692 and nginx with
``deploy/nginx-sib.conf`` on 127.0.0.1:8690 (its own prefix in a temporary folder; the
system's nginx is not touched; ``--port`` or ``STREAMLIT_TEST_PORTS`` move the three ports).
Both replicas keep the game's rooms in one SQLite file in that folder (``SIB_GAME_DB``), as
two replicas on one machine share a volume. ``benchmarks/load_test.py --url
http://127.0.0.1:8690 --pid <replica pids> --game-db <that file>`` loads it.

``--check`` shows what a replica's death costs its users:

1. the same link gives the same figures (metrics, text and every chart's data) on either
   replica: the model is deterministic, so it does not matter where a session lands;
2. ``--sessions`` sessions open through nginx (sticky by cookie, so they spread over both)
   and move sliders;
3. the replica holding the most sessions is killed (SIGKILL, no goodbye);
4. every session moves a slider again. The survivors' sessions carry on. Those of the dead
   replica find their websocket closed and reconnect, as a browser does by itself, with the
   link the app had written into the address bar: the reconnect lands on the other replica
   (same cookie, nginx skips the dead one), which rebuilds the scenario from the link. Their
   figures must equal what the dead replica showed for that scenario — never a wrong figure.

``--check-game`` does the same to a game in progress (the game's sessions cannot rebuild
anything from their link but the room's code and their role: the room must come from the
shared file):

1. a facilitator and the three groups open a room through nginx, all on one replica (A):
   the room is started, a round opened, each group named and proposing, one accepting; a
   fourth group (the state) watches from the other replica (B) through the shared file;
2. every session reloads its page and its figures (the table, the verdicts, the proposals,
   the deal-zone chart) are noted; the room in the file is noted;
3. A is killed (SIGKILL);
4. A's sessions find their websocket closed and reconnect through nginx with their link, as
   the browser does, and land on B: each must show the room with the same figures as before,
   the file must hold the room unchanged, the watcher on B must carry on untouched, and the
   game must go on (a new proposal through B reaches the facilitator's screen and the file).

The result is printed and written to ``benchmarks/results/two-replicas-<date>.md``
(``two-replicas-game-<date>.md`` for the game).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from benchmarks import game_load
from benchmarks.st_client import SLIDERS, RunResult, Session, sticky_cookie
from deploy import serve
from deploy.local_postgres import local_postgres
from sib_game.limits import LIMITS_ENV
from sib_game.store import ENV_PATH, ENV_URL, GameStore

REPO_ROOT = Path(__file__).resolve().parents[1]
#: nginx's port, then the two replicas' (``--port`` or ``STREAMLIT_TEST_PORTS`` move them).
PROXY_PORT, REPLICA_PORTS = 8690, (8691, 8692)
RESULTS = REPO_ROOT / "benchmarks" / "results"
LINKS = ["", "n=250&p=0.55&d=0.8", "n=40&price=150000&basis=above_baseline&lang=da"]
MOVES = {
    "in_cohort_size": [60.0, 120.0, 300.0],
    "in_success_probability": [0.3, 0.5, 0.65],
    "in_difficulty": [0.2, 0.6, 0.9],
}


def use_ports(base: int) -> None:
    """Move nginx to ``base`` and the replicas to the two ports after it."""
    global PROXY_PORT, REPLICA_PORTS
    PROXY_PORT, REPLICA_PORTS = base, (base + 1, base + 2)


class Cluster(serve.Cluster):
    """:class:`deploy.serve.Cluster` with two replicas on :data:`REPLICA_PORTS`, sharing the
    game's rooms in ``<workdir>/game.sqlite3`` or, given ``database_url``, on that database
    server, with the rate limits off (the checks play dozens of sessions from one address)
    and nginx saying which replica answered."""

    def __init__(self, workdir: Path, database_url: str = "") -> None:
        self.game_db = workdir / "game.sqlite3"
        self.database_url = database_url
        rooms = {ENV_URL: database_url} if database_url else {ENV_PATH: str(self.game_db)}
        super().__init__(
            workdir,
            proxy_port=PROXY_PORT,
            replica_ports=REPLICA_PORTS,
            env={**rooms, LIMITS_ENV: "off"},
            debug=True,
        )

    def store(self) -> GameStore:
        """The rooms as the replicas keep them."""
        if self.database_url:
            return GameStore(url=self.database_url)
        return GameStore(self.game_db)

    def rooms_where(self) -> str:
        if self.database_url:
            server = self.database_url.rsplit("@", 1)[-1]
            return f"`{ENV_URL}` on the PostgreSQL server at {server} (one table, version check)"
        return f"`SIB_GAME_DB={self.game_db}` (one file, WAL mode)"


#: The page the slider check uses (the Start page sends a link with a scenario there).
PAGE = "explorer"


async def figures_on(url: str, query: str) -> str:
    session = Session(url, query=query, page=PAGE)
    await session.connect()
    try:
        result = await session.run(timeout=120)
    finally:
        await session.close()
    assert not result.exceptions, result.exceptions
    return result.figures


async def check(url: str, cluster: Cluster, n_sessions: int) -> tuple[list[str], bool]:
    lines: list[str] = []
    ok = True
    # 1. One link, one set of figures, whichever replica draws it.
    for link in LINKS:
        prints = [await figures_on(f"http://127.0.0.1:{p}", link) for p in REPLICA_PORTS]
        same = len(set(prints)) == 1
        ok &= same
        lines.append(
            f"- link `?{link}`: figures {'identical' if same else 'DIFFERENT'} "
            f"on both replicas ({prints[0]})"
        )
    # 2. Sessions through nginx, sliders moving.
    rng = random.Random(11)
    sessions: list[Session] = []
    for i in range(n_sessions):
        cookie = sticky_cookie(url)
        session = Session(url, query=LINKS[i % len(LINKS)], cookie=cookie, page=PAGE)
        await session.connect()
        await session.run(timeout=120)
        sessions.append(session)
    last: dict[int, tuple[str, str]] = {}
    for i, session in enumerate(sessions):
        for _ in range(3):
            key = rng.choice(SLIDERS)
            result = await session.run({key: rng.choice(MOVES[key])})
        last[i] = (session.query, result.figures)
    where = {i: s.upstream for i, s in enumerate(sessions)}
    counts = {u: list(where.values()).count(u) for u in set(where.values())}
    lines.append(f"- {n_sessions} sessions through nginx, by replica: {counts}")
    victim = max(counts, key=lambda u: counts[u])
    victim_port = int(victim.rsplit(":", 1)[1])
    # 3. Kill it.
    cluster.kill(victim_port)
    lines.append(f"- killed replica {victim} (SIGKILL) holding {counts[victim]} sessions")
    survivor = next(p for p in REPLICA_PORTS if p != victim_port)
    # What the dead replica last showed each of its users is what the survivor shows for
    # the same link.
    same_before = 0
    for i, (query, figures) in last.items():
        if where[i] == victim:
            same_before += figures == await figures_on(f"http://127.0.0.1:{survivor}", query)
    ok &= same_before == counts[victim]
    lines.append(
        f"- the last figures each of its {counts[victim]} users saw before the kill: "
        f"{same_before} identical on the surviving replica for the same link"
    )
    # 4. Everybody moves a slider again.
    after, survived = await move_after_the_kill(url, sessions, rng, victim, survivor)
    ok &= survived
    lines += after
    for session in sessions:
        await session.close()
    return lines, ok


async def move_after_the_kill(
    url: str, sessions: list[Session], rng: random.Random, victim: str, survivor: int
) -> tuple[list[str], bool]:
    """Every session moves a slider once more after ``victim`` (an upstream) was killed: those
    on the survivor carry on, those on the victim reconnect as a browser does and get their
    scenario back from the link; each must then show its scenario's figures, as a fresh
    session on the survivor draws them. Replaces reconnected sessions in ``sessions``."""
    lines: list[str] = []
    kept = moved = mismatched = failed = 0
    for i, session in enumerate(sessions):
        key = rng.choice(SLIDERS)
        value = rng.choice(MOVES[key])
        try:
            result = await session.run({key: value}, timeout=30)
            kept += 1
            figures = result.figures
        except Exception:  # the websocket is gone: reconnect as the browser does
            reconnect = Session(url, query=session.query, cookie=session.cookie, page=session.page)
            reconnect.values = {}
            try:
                await reconnect.connect()
                await reconnect.run(timeout=120)  # the app rebuilds the scenario from the link
                result = await reconnect.run({**session.values, key: value})
            except Exception as error:
                failed += 1
                lines.append(f"  - session {i}: reconnect failed: {error!r}"[:200])
                continue
            moved += 1
            figures = result.figures
            if reconnect.upstream == victim:
                failed += 1
            session = sessions[i] = reconnect
        # The figures must be those of this scenario, as a fresh session on the survivor
        # draws them from the same link.
        expected = await figures_on(f"http://127.0.0.1:{survivor}", session.query)
        if figures != expected:
            mismatched += 1
    lines.append(
        f"- after the kill: {kept} sessions carried on untouched, {moved} reconnected to the "
        f"other replica and got their scenario back from the link, {failed} failed; "
        f"{mismatched} showed figures other than their scenario's"
    )
    return lines, mismatched == 0 and failed == 0


def pinned_cookie(url: str, upstream: str = "", tries: int = 60) -> tuple[str, str]:
    """A new browser's first visit: the proxy's cookie and the replica it chose; with
    ``upstream``, new browsers until one is sent to that replica."""
    for _ in range(tries):
        with urllib.request.urlopen(url + "/_stcore/health", timeout=10) as response:
            cookies = response.headers.get_all("Set-Cookie") or []
            chosen = response.headers.get("X-Upstream", "")
        if not upstream or chosen == upstream:
            return "; ".join(c.split(";", 1)[0] for c in cookies), chosen
    raise RuntimeError(f"nginx never chose {upstream} in {tries} visits")


async def game_tab(url: str, query: str, cookie: str) -> tuple[Session, RunResult]:
    session = Session(url, query=query, cookie=cookie, page=game_load.PAGE)
    await session.connect()
    first = await session.run(timeout=120)
    return session, first


def shown_problems(result: RunResult) -> list[str]:
    return result.exceptions + [a for a in result.alerts if a in game_load.PROBLEMS]


async def game_check(url: str, cluster: Cluster) -> tuple[list[str], bool]:
    t = game_load.T
    store = cluster.store()
    problems: list[str] = []
    lines = [f"- both replicas with {cluster.rooms_where()}"]
    # 1. A room played on replica A, watched from B.
    cookie, a = pinned_cookie(url)
    b = next(f"127.0.0.1:{p}" for p in REPLICA_PORTS if f"127.0.0.1:{p}" != a)
    facilitator, _ = await game_tab(url, "", cookie)
    await facilitator.click(t("game_start"))
    code = game_load.room_code(facilitator)
    await facilitator.click(t("game_open_round"))
    sessions = {"facilitator": facilitator}
    prices = {"municipality": 200_000.0, "investor": 325_000.0, "provider": 275_000.0}
    for role, price in prices.items():
        query = game_load.group_query(facilitator, role)
        session, _ = await game_tab(url, query, pinned_cookie(url, a)[0])
        name = {t("game_group_name"): f"Team {role}"}
        await session.submit("game_name", t("game_save_name"), name)
        await session.submit(
            "game_propose",
            t("game_send_proposal"),
            {t.label("price_per_outcome"): price, t("game_message"): f"{role} before the kill"},
        )
        sessions[role] = session
    # The municipality accepts what is on the table (the provider's proposal).
    await game_load.refresh_all(sessions["municipality"], _Quiet())
    await sessions["municipality"].click(t("game_accept"))
    watching = game_load.group_query(facilitator, "state")
    watcher, _ = await game_tab(url, watching, pinned_cookie(url, b)[0])
    where = {name: s.upstream for name, s in sessions.items()}
    lines.append(
        f"- room {code} started through nginx; its facilitator and the three groups "
        f"(municipality, investor, provider) in sessions on {a} (each session's replica: "
        f"{where}); each group named itself and proposed, the municipality accepted; the "
        f"state's group watches from {watcher.upstream}"
    )
    problems += [f"{n} not on {a}" for n, u in where.items() if u != a]
    # 2. What each session shows (a reload: a full run), and the room in the file.
    before = {}
    before_texts: dict[str, list[str]] = {}
    for name, session in sessions.items():
        shown = await session.run(timeout=120)
        problems += [f"{name} before the kill: {p}" for p in shown_problems(shown)]
        before[name] = shown.figures
        before_texts[name] = shown.texts
    watcher_before = (await watcher.run(timeout=120)).figures
    room_before = store.get(code)
    assert room_before is not None
    doc = room_before.room.to_dict()
    lines.append(
        f"- before the kill: room {code} at version {room_before.version} in the file, "
        f"{len(doc['proposals'])} proposals, accepted by {doc['accepted']}, names "
        f"{doc['names']}"
    )
    # 3. Kill A.
    cluster.kill(int(a.rsplit(":", 1)[1]))
    lines.append(f"- killed replica {a} (SIGKILL) holding {len(sessions)} sessions of the room")
    # 4. A's sessions: the refresh fails, the browser reconnects with its link, lands on B.
    same = landed = via_dead = 0
    seconds = []
    for name, session in list(sessions.items()):
        try:
            for fragment_id in list(session.auto_reruns):
                await session.refresh(fragment_id, timeout=15)
            problems.append(f"{name}: a refresh still answered after {a} was killed")
        except Exception:  # the websocket is closed: what the browser then does
            pass
        await session.close()
        started = time.perf_counter()
        again, shown = await game_tab(url, session.query, session.cookie)
        seconds.append(time.perf_counter() - started)
        sessions[name] = again
        tried = [u.strip() for u in again.upstream.split(",")]  # nginx names each it tried
        landed += tried[-1] == b
        via_dead += len(tried) > 1
        same += shown.figures == before[name]
        if shown.figures != before[name]:
            problems.append(f"{name}: other figures after the reconnect")
            texts_before = set(before_texts[name])
            problems += [f"  now: {x[:160]}" for x in shown.texts if x not in texts_before][:3]
        problems += [f"{name} after the reconnect: {p}" for p in shown_problems(shown)]
    room_after = store.get(code)
    unchanged = room_after == room_before
    lines.append(
        f"- its {len(sessions)} sessions found their websocket closed and reconnected with "
        f"their link (`?room={code}&role=…&key=…`) through nginx: {landed} landed on {b} "
        f"({via_dead} "
        f"after nginx had tried the dead {a} first), in {min(seconds):.2f}–{max(seconds):.2f} s "
        f"each (connect and first run); {same} showed the room with figures "
        f"identical to before the kill (the table, the verdicts, the proposals, the deal-zone "
        f"chart); the room in the file {'unchanged' if unchanged else 'CHANGED'} "
        f"(version {room_after.version if room_after else '—'})"
    )
    problems += [] if landed == same == len(sessions) and unchanged else ["failover"]
    for fragment_id in list(watcher.auto_reruns):
        await watcher.refresh(fragment_id)
    watcher_same = (await watcher.run(timeout=120)).figures == watcher_before
    lines.append(
        f"- the state's group on {b} carried on untouched: its view refreshed and "
        f"{'identical' if watcher_same else 'DIFFERENT'}"
    )
    problems += [] if watcher_same else ["watcher changed"]
    # The game goes on, on B.
    await sessions["investor"].submit(
        "game_propose",
        t("game_send_proposal"),
        {t.label("price_per_outcome"): 300_000.0, t("game_message"): "investor after the kill"},
    )
    seen = await game_load.refresh_all(sessions["facilitator"], _Quiet())
    on_screen = any("“investor after the kill”" in text for r in seen for text in r.texts)
    stored = store.get(code)
    last = stored.room.proposals[-1] if stored and stored.room.proposals else None
    kept = (last.role, last.contract.get("price_per_outcome")) if last else (None, None)
    lines.append(
        f"- the game went on through {b}: the investor's new proposal reached the "
        f"facilitator's screen at its next refresh ({'yes' if on_screen else 'NO'}) and the "
        f"file ({kept}, {len(stored.room.proposals) if stored else 0} proposals)"
    )
    problems += [] if on_screen and kept == ("investor", 300_000.0) else ["game after failover"]
    for session in [*sessions.values(), watcher]:
        await session.close()
    lines += [f"- problem: {p}" for p in problems]
    return lines, not problems


class _Quiet:
    """A tally for :func:`benchmarks.game_load.refresh_all` whose counts nobody reads."""

    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.runs = 0
        self.by_kind: dict[str, list[float]] = {}
        self.upstreams: dict[str, int] = {}


def write_result(name: str, title: str, command: str, lines: list[str], ok: bool) -> None:
    text = "\n".join(
        [
            f"# {title}: {dt.datetime.now():%Y-%m-%d %H:%M}",
            "",
            f"`python -m deploy.two_replicas {command}`: nginx (Debian {_nginx_version()}) with "
            "deploy/nginx-sib.conf on loopback, two replicas with "
            "deploy/streamlit-production.toml.",
            "",
            *lines,
            "",
            f"Result: {'PASS' if ok else 'FAIL'}",
        ]
    )
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}-{dt.date.today():%Y-%m-%d}.md").write_text(text + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="run the failover check and stop")
    parser.add_argument(
        "--check-game", action="store_true", help="run the failover check of a game's room"
    )
    parser.add_argument("--sessions", type=int, default=12)
    parser.add_argument(
        "--port",
        type=int,
        default=_first_test_port() or PROXY_PORT,
        help="nginx's port; the replicas take the next two (default 8690, or the first of "
        "STREAMLIT_TEST_PORTS)",
    )
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="keep the game's rooms on a throwaway PostgreSQL server (deploy/local_postgres.py) "
        "instead of a shared SQLite file, as replicas on several machines would",
    )
    args = parser.parse_args(argv)
    use_ports(args.port)
    with contextlib.ExitStack() as stack:
        database_url = stack.enter_context(local_postgres()) if args.postgres else ""
        return _run(args, database_url)


def _run(args: argparse.Namespace, database_url: str) -> int:
    workdir = Path(tempfile.mkdtemp(prefix="sib-two-replicas-"))
    cluster = Cluster(workdir, database_url)
    suffix = "-postgres" if database_url else ""
    try:
        url = cluster.start()
        pids = " ".join(f"--pid {p.pid}" for p in cluster.replicas.values())
        print(f"nginx on {url}, replicas on {REPLICA_PORTS}; logs in {workdir}", flush=True)
        print(
            f"load it: .venv/bin/python -m benchmarks.load_test --url {url} {pids} "
            f"--game-db {cluster.game_db}",
            flush=True,
        )
        print(f"rooms of the game in {cluster.game_db}", flush=True)
        if not (args.check or args.check_game):
            # Wait for Ctrl-C or a kill; the signals are blocked first, so that sigwait takes
            # them instead of their default action ending Python before the cleanup below.
            stop = {signal.SIGINT, signal.SIGTERM}
            signal.pthread_sigmask(signal.SIG_BLOCK, stop)
            signal.sigwait(stop)
            return 0
        passed = True
        if args.check:
            lines, ok = asyncio.run(check(url, cluster, args.sessions))
            title = "Two replicas behind nginx, one killed"
            write_result(f"two-replicas{suffix}", title, "--check", lines, ok)
            passed &= ok
            for port, process in cluster.replicas.items():
                if process.poll() is not None:
                    cluster.restart(port)  # both up again for the game's check
                    time.sleep(12)  # nginx's fail_timeout: until then it skips the replica
        if args.check_game:
            lines, ok = asyncio.run(game_check(url, cluster))
            title = "Two replicas, one killed during a game"
            command = "--check-game --postgres" if database_url else "--check-game"
            write_result(f"two-replicas-game{suffix}", title, command, lines, ok)
            passed &= ok
        return 0 if passed else 1
    finally:
        cluster.stop()


def _first_test_port() -> int | None:
    low = os.environ.get("STREAMLIT_TEST_PORTS", "").partition("-")[0]
    return int(low) if low.isdigit() else None


def _nginx_version() -> str:
    done = subprocess.run(["nginx", "-v"], capture_output=True, text=True, check=False)
    return done.stderr.strip().split("/")[-1]


if __name__ == "__main__":
    sys.exit(main())
