"""The negotiation game under load: rooms played by real sessions (for ``load_test.py``).

Each room is four browser tabs speaking Streamlit's websocket protocol
(:mod:`benchmarks.st_client`), as four groups at their laptops would:

- the *facilitator* opens the game page, clicks "Start a new room" (the server creates the
  room and writes its code into the link), opens a round, and from then on its
  ``st.fragment(run_every=3)`` refreshes every 3 s, as the browser's timer asks for it; at
  the end it closes the round;
- the *municipality*, the *investor* and the *provider* open their own links
  (``/game?room=…&role=…&key=…``, the secret the facilitator's screen lists for each),
  save a group name (a form), then every 6–14 s either accept what is on the table (a
  button inside their refreshing fragment) or put a proposal of their own on it (the
  proposal form: a price and a message), their fragment refreshing in between.

Every action goes through the server; the client only reads what the runs draw. Latency is
from sending the action to the ``script_finished`` of the run it caused (with ``st.rerun``
after a click: of the run after it). The facilitator's refreshes also time how long a
proposal takes to appear on the facilitator's screen.

Afterwards :func:`check_rooms` reads the SQLite file the server wrote and compares each room
with what its sessions did: every proposal sent is recorded with its role, round and price,
every group's name is there, the round is closed, and the deal is signed exactly when all
three accepted. :func:`check_bounds` then shows the store's two bounds through the server:
with :data:`sib_game.store.MAX_ROOMS` rooms in use, "Start a new room" is refused with a
message; once rooms have been idle for :data:`sib_game.store.IDLE_SECONDS` they are deleted by
the next room's creation.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qs

from benchmarks.st_client import RunResult, Session, sticky_cookie
from sib_game.access import role_token
from sib_game.room import Room as GameRoom
from sib_game.rules import SIGNING_ROLES
from sib_game.store import (
    IDLE_SECONDS,
    MAX_DOC_BYTES,
    MAX_PROPOSALS,
    MAX_ROOMS,
    MAX_TEXT,
    GameStore,
)
from sib_model import Scenario
from ui.text.translator import Translator

PAGE = "game"
#: A group thinks this long (seconds) between two actions.
THINK = (6.0, 14.0)
#: Prices the groups put on the table (within the proposal form's bounds).
PRICES = [float(p) for p in range(150_000, 450_001, 25_000)]
T = Translator("en")
#: Messages the game shows when something went wrong: each one seen counts as an error.
PROBLEMS = {T("game_bad_room"), T("game_bad_proposal"), T("game_full")}
#: Kinds of run that are a user's action (the rest: the fragments' own refreshes, openings).
ACTIONS = ("start room", "open round", "save name", "propose", "accept", "close round")


class Tally(Protocol):
    """Where the players write what they saw (``load_test.Outcome``)."""

    latencies: list[float]
    errors: list[str]
    runs: int
    by_kind: dict[str, list[float]]
    upstreams: dict[str, int]


@dataclass
class Room:
    """What one room's sessions did, to compare with what the server stored."""

    index: int
    duration: float = 60.0
    code: str = ""
    links: dict[str, str] = field(default_factory=dict)  # role → its link's query
    until: float = float("inf")  # when the groups stop: set when the round opens
    names: dict[str, str] = field(default_factory=dict)
    sent: dict[str, tuple[str, float]] = field(default_factory=dict)  # message → role, price
    sent_at: dict[str, float] = field(default_factory=dict)
    seen_at: dict[str, float] = field(default_factory=dict)
    opened: asyncio.Event = field(default_factory=asyncio.Event)  # the round is open
    finished: asyncio.Event = field(default_factory=asyncio.Event)  # every group has left


def note(tally: Tally, kind: str, result: RunResult, expect: frozenset[str] = frozenset()) -> None:
    """Count one finished run: its latency under its kind (and among the actions), what it
    showed that is an error (an exception, a game problem message not in ``expect``)."""
    tally.by_kind.setdefault(kind, []).append(result.seconds)
    if kind in ACTIONS:
        tally.runs += 1
        tally.latencies.append(result.seconds)
    for exception in result.exceptions:
        tally.errors.append(f"{kind}: exception shown: {exception}"[:200])
    for alert in result.alerts:
        if alert in PROBLEMS and alert not in expect:
            tally.errors.append(f"{kind}: the game said: {alert}"[:200])


async def attempt(
    tally: Tally, kind: str, action, expect: frozenset[str] = frozenset()
) -> RunResult | None:
    """Await ``action`` (one run), note it; a failure is an error, never a crash."""
    try:
        result = await action
    except Exception as error:  # SessionError, a closed websocket: count it
        tally.errors.append(f"{kind}: {type(error).__name__}: {error}"[:200])
        return None
    note(tally, kind, result, expect)
    return result


async def open_tab(url: str, query: str, tally: Tally) -> Session | None:
    """A new browser tab on the game page (through the proxy: with its own sticky cookie)."""
    try:
        cookie = await asyncio.to_thread(sticky_cookie, url)
        session = Session(url, query=query, cookie=cookie, page=PAGE)
        started = time.perf_counter()
        await session.connect()
        result = await session.run(timeout=120)
    except Exception as error:
        tally.errors.append(f"open: {type(error).__name__}: {error}"[:200])
        return None
    result.seconds = time.perf_counter() - started
    note(tally, "open tab", result)
    tally.upstreams[session.upstream] = tally.upstreams.get(session.upstream, 0) + 1
    return session


def room_code(session: Session) -> str:
    """The room code in a session's link (the facilitator's, after "Start a new room")."""
    return parse_qs(session.query).get("room", [""])[0]


def group_query(facilitator: Session, role: str) -> str:
    """The query of ``role``'s link, as the facilitator's screen lists it: the room, the role
    and the role's secret (derived from the facilitator's, ``sib_game.access.role_token``;
    the first issue of the link)."""
    query = parse_qs(facilitator.query)
    code, key = query.get("room", [""])[0], query.get("key", [""])[0]
    return f"room={code}&role={role}&key={role_token(key, role, 0)}"


async def refresh_all(session: Session, tally: Tally) -> list[RunResult]:
    """One tick of the browser's timers: a rerun of every fragment that asked for one."""
    done = []
    for fragment_id in list(session.auto_reruns):
        result = await attempt(tally, "fragment refresh", session.refresh(fragment_id))
        if result is not None:
            done.append(result)
    return done


def mark_seen(room: Room, results: list[RunResult]) -> None:
    """Proposals the facilitator's screen shows now that it did not show before."""
    now = time.monotonic()
    text = "\n".join(t for r in results for t in r.texts)
    for message in list(room.sent_at):
        if message not in room.seen_at and f"“{message}”" in text:
            room.seen_at[message] = now


async def facilitator(url: str, room: Room, tally: Tally) -> None:
    """Start the room, open a round, watch it refresh until the groups stop, close it."""
    session = await open_tab(url, "", tally)
    if session is None:
        room.opened.set()  # the groups find no room: their own errors say so
        return
    try:
        if await attempt(tally, "start room", session.click(T("game_start"))) is None:
            return
        room.code = room_code(session)
        room.links = {role: group_query(session, role) for role in SIGNING_ROLES}
        if not room.code:
            tally.errors.append(f"start room: no room code in the link ({session.query})")
            return
        await attempt(tally, "open round", session.click(T("game_open_round")))
        room.until = time.monotonic() + room.duration
        room.opened.set()
        if not session.auto_reruns:
            tally.errors.append(f"facilitator: no refreshing view on page {session.page!r}")
            return
        interval = min(session.auto_reruns.values())
        # Refresh every interval until the groups have left, then once more (a refresh under
        # way when the last group left may have started before its last proposal): their
        # last proposals are on the screen before the round closes.
        last = False
        while not last:
            last = room.finished.is_set()
            if not last:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(room.finished.wait(), interval)
            shown = await refresh_all(session, tally)
            if not shown:
                return  # the connection is gone (counted)
            mark_seen(room, shown)
        await attempt(tally, "close round", session.click(T("game_close_round")))
        for message in room.sent_at:
            if message in room.seen_at:
                tally.by_kind.setdefault("proposal → facilitator's screen", []).append(
                    room.seen_at[message] - room.sent_at[message]
                )
            else:
                tally.errors.append(f"room {room.code}: {message!r} not seen by the facilitator")
    finally:
        room.opened.set()
        await session.close()


async def group(url: str, room: Room, role: str, rng: random.Random, tally: Tally) -> None:
    """One group at its laptop: name itself, then accept or propose until time is up."""
    await room.opened.wait()
    if not room.code:
        return
    session = await open_tab(url, room.links[role], tally)
    if session is None:
        return
    try:
        name = f"Team {role} {room.index}"
        saved = await attempt(
            tally,
            "save name",
            session.submit("game_name", T("game_save_name"), {T("game_group_name"): name}),
        )
        if saved is None:
            return
        room.names[role] = name
        interval = min(session.auto_reruns.values(), default=3.0)  # checked at each tick
        now = time.monotonic()
        next_refresh, next_action = now + interval, now + rng.uniform(*THINK)
        proposals = 0
        while True:
            wake = min(next_refresh, next_action)
            if wake >= room.until:
                break
            await asyncio.sleep(max(0.0, wake - time.monotonic()))
            if next_refresh <= next_action:
                if not session.auto_reruns:
                    tally.errors.append(f"{role}: no refreshing view on page {session.page!r}")
                    return
                if not await refresh_all(session, tally):
                    return  # the connection failed (counted)
                next_refresh = max(next_refresh + interval, time.monotonic())
                continue
            accept = session.widget(T("game_accept"))
            if accept is not None and not accept.disabled and rng.random() < 0.5:
                result = await attempt(tally, "accept", session.click(T("game_accept")))
            else:
                proposals += 1
                message = f"{role} offer {proposals}"
                price = rng.choice(PRICES)
                # Noted before it is sent: the facilitator's refresh may show it before the
                # group's own run has finished.
                room.sent_at[message] = time.monotonic()
                result = await attempt(
                    tally,
                    "propose",
                    session.submit(
                        "game_propose",
                        T("game_send_proposal"),
                        {T.label("price_per_outcome"): price, T("game_message"): message},
                    ),
                )
                if result is None:
                    room.sent_at.pop(message)
                else:
                    room.sent[message] = (role, price)
            if result is None:
                return
            next_action = time.monotonic() + rng.uniform(*THINK)
    finally:
        await session.close()


async def play(url: str, rooms: int, duration: float, tally: Tally, seed: int = 7) -> list[Room]:
    """``rooms`` rooms played at once, each negotiating for ``duration`` seconds from the
    moment its round opens."""
    played = [Room(i, duration=duration) for i in range(rooms)]
    rng = random.Random(seed)

    async def one(room: Room) -> None:
        await asyncio.sleep(rng.uniform(0, 3))  # the facilitators do not click in step

        async def groups() -> None:
            await asyncio.gather(
                *(
                    group(url, room, role, random.Random(f"{seed}-{room.index}-{role}"), tally)
                    for role in SIGNING_ROLES
                )
            )
            room.finished.set()

        await asyncio.gather(facilitator(url, room, tally), groups())

    await asyncio.gather(*(one(room) for room in played))
    return played


# --- afterwards: the rooms as the server stored them, and the store's bounds -----------------
def check_rooms(store: GameStore, rooms: list[Room]) -> tuple[list[str], list[str]]:
    """Each room as stored against what its sessions did: (summary lines, problems)."""
    problems: list[str] = []
    sent = recorded = signed = 0
    sizes: list[int] = []
    for room in rooms:
        where = f"room {room.code or room.index}"
        stored = store.get(room.code) if room.code else None
        if stored is None:
            problems.append(f"{where}: not in the store")
            continue
        # The room's document as the file holds it (the shape ``sib_game.room`` writes).
        doc = stored.room.to_dict()
        sizes.append(doc_bytes(doc))
        if doc["round"] != 1 or doc["open"]:
            problems.append(f"{where}: round {doc['round']}, open={doc['open']}, not 1 and closed")
        kept = {p["message"]: p for p in doc["proposals"]}
        sent += len(room.sent)
        recorded += len(kept)
        problems += [f"{where}: {problem}" for problem in _proposal_problems(room, kept)]
        problems += [f"{where}: {problem}" for problem in _group_problems(room, doc)]
        signed += bool(doc["signed"])
    lines = [
        f"{len(rooms)} rooms: {sent} proposals sent through the server, {recorded} recorded in "
        f"the store (each with its role, round and price as sent); every group's name stored; "
        f"{signed} rooms signed when the round closed (all three had accepted the table), the "
        f"others not; {len(problems)} problems.",
        f"Room documents: {min(sizes, default=0) / 1e3:.1f}–{max(sizes, default=0) / 1e3:.1f} kB "
        f"(bounded: at most {MAX_PROPOSALS} proposals kept, {MAX_DOC_BYTES / 1e3:.0f} kB refused).",
    ]
    return lines, problems


def _proposal_problems(room: Room, kept: dict[str, dict]) -> list[str]:
    """The room's stored proposals (``kept``, by message) against those its groups sent: all
    recorded (or the last MAX_PROPOSALS, which is all a room keeps), none invented, each with
    the role, price and round it was sent with."""
    problems = []
    if len(room.sent) <= MAX_PROPOSALS:
        missing = sorted(set(room.sent) - set(kept))
        if missing:
            problems.append(f"proposals sent but not recorded: {missing}")
    elif len(kept) != MAX_PROPOSALS:  # the room keeps its last MAX_PROPOSALS
        problems.append(f"{len(kept)} proposals kept of {len(room.sent)} sent")
    for message, proposal in kept.items():
        if message not in room.sent:
            problems.append(f"a proposal nobody sent: {message!r}")
            continue
        role, price = room.sent[message]
        got = (proposal["role"], proposal["contract"]["price_per_outcome"], proposal["round"])
        if got != (role, price, 1):
            problems.append(f"{message!r} stored as {got}, sent as {(role, price, 1)}")
    return problems


def _group_problems(room: Room, doc: dict) -> list[str]:
    """The stored room's groups against what they did: every name kept, and signed exactly
    when all three signing roles accepted the table, its proposer among them."""
    problems = []
    for role, name in room.names.items():
        if doc["names"].get(role) != name:
            problems.append(f"{role}'s name {doc['names'].get(role)!r}, not {name!r}")
    if len(room.names) != len(SIGNING_ROLES):
        problems.append(f"{len(room.names)} of {len(SIGNING_ROLES)} groups named")
    accepted = set(doc["accepted"])
    if bool(doc["signed"]) != (set(SIGNING_ROLES) <= accepted):
        problems.append(f"signed={bool(doc['signed'])} but accepted by {accepted}")
    by = doc["table"]["by"]
    if by in SIGNING_ROLES and by not in accepted:
        problems.append(f"the table's proposer {by} is not among {accepted}")
    return problems


def doc_bytes(doc: dict) -> int:
    """A document's size as the store writes it (compact JSON, UTF-8)."""
    return len(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode())


def fullest_doc(doc: dict) -> dict:
    """``doc`` (a room's document) with as much in it as the game lets groups put there."""
    contract = doc.get("table", {}).get("contract", {})
    message = "x" * MAX_TEXT
    proposal = {"role": "municipality", "round": 99, "contract": contract, "message": message}
    names = {role: "n" * 40 for role in ("municipality", "investor", "provider", "state")}
    return {**doc, "proposals": [proposal] * MAX_PROPOSALS, "names": names}


def file_mb(path: Path) -> float:
    """The SQLite file and its write-ahead log, in MB."""
    parts = [path, path.with_name(path.name + "-wal")]
    return sum(part.stat().st_size for part in parts if part.exists()) / 1e6


async def check_bounds(url: str, path: Path, tally: Tally) -> list[str]:
    """The cap and the expiry, shown through the server: fill the store's file to
    :data:`MAX_ROOMS`, ask for one more room, age the extra rooms by :data:`IDLE_SECONDS`, ask
    again. Changes the file: only for the load test's own server."""
    store = GameStore(path)
    before = store.count()
    # The extra rooms are copies of the game's (only the store reads them).
    with contextlib.closing(sqlite3.connect(path)) as db:
        row = db.execute("SELECT doc FROM rooms LIMIT 1").fetchone()
    room = GameRoom.from_dict(json.loads(row[0])) if row else GameRoom.new(Scenario())
    doc = room.to_dict()
    extra: list[str] = []
    while before + len(extra) < MAX_ROOMS:
        extra.append(store.create(room).code)
    full = store.count()
    lines = []
    session = await open_tab(url, "", tally)
    if session is None:
        return ["bounds: no session opened"]
    try:
        refused = await attempt(
            tally, "start room (store full)", session.click(T("game_start")), frozenset(PROBLEMS)
        )
        shown_full = refused is not None and T("game_full") in refused.alerts
        if not shown_full or room_code(session) or store.count() != MAX_ROOMS:
            tally.errors.append("bounds: a room was made beyond MAX_ROOMS (or no message shown)")
        lines.append(
            f"Cap, MAX_ROOMS = {MAX_ROOMS}: the {before} game rooms and {len(extra)} more written "
            f"into the file ({full} in use); “Start a new room” through the server then showed "
            f"“{T('game_full')}”" + (" and made no room." if shown_full else " — NOT SHOWN.")
        )
        with contextlib.closing(sqlite3.connect(path)) as db, db:
            db.executemany(
                "UPDATE rooms SET touched = touched - ? WHERE code = ?",
                [(IDLE_SECONDS + 60, code) for code in extra],
            )
        made = await attempt(tally, "start room (after expiry)", session.click(T("game_start")))
        code = room_code(session)
        left = store.count()
        if made is None or not code or left != before + 1:
            tally.errors.append(f"bounds: expiry freed nothing ({left} rooms, code {code!r})")
        lines.append(
            f"Expiry, IDLE_SECONDS = {IDLE_SECONDS / 3600:.0f} h: the {len(extra)} extra rooms' "
            f"last activity set back by {IDLE_SECONDS / 3600:.0f} h 1 min in the file; the next "
            f"“Start a new room” deleted them and made room {code}: {left} rooms left (the game's "
            f"{before} and the new one)."
        )
        fullest = doc_bytes(fullest_doc(doc))
        lines.append(
            f"Size: a room at its fullest ({MAX_PROPOSALS} proposals with {MAX_TEXT}-character "
            f"messages, every group named) is {fullest / 1e3:.0f} kB (refused above "
            f"{MAX_DOC_BYTES / 1e3:.0f} kB), so {MAX_ROOMS} rooms hold at most "
            f"{MAX_ROOMS * fullest / 1e6:.1f} MB; the file (with its write-ahead log) after "
            f"the check: {file_mb(path):.1f} MB."
        )
    finally:
        await session.close()
    return lines
