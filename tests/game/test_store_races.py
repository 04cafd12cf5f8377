"""Writers racing on one store, on SQLite and on PostgreSQL: two updates from one version
(exactly one wins), many sessions changing one room at once (no edit lost), two processes
doing so (two replicas), and the cap and a rate limit held when their last place is taken by
several at once."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.synchronize import Event as EventType

from sqlalchemy import text

from sib_game.limits import Limit
from sib_game.room import Room
from sib_game.store import GameStore, StaleVersion, StoreFull
from sib_model import Scenario

ROOM = Room.new(Scenario())


def _together(count: int, work: Callable[[int], object]) -> list[object]:
    """``work(0)``…``work(count - 1)`` on ``count`` threads released at the same moment;
    each one's result, or the exception it raised."""
    start = threading.Barrier(count)

    def run(number: int) -> object:
        start.wait()
        try:
            return work(number)
        except Exception as error:  # the test looks at what each thread got
            return error

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(run, range(count)))


def _proposing(message: str) -> Callable[[Room], Room]:
    return lambda room: room.propose("investor", room.table.contract, message)


def _messages(store: GameStore, code: str) -> list[str]:
    stored = store.get(code)
    assert stored is not None
    return [proposal.message for proposal in stored.room.proposals]


def test_of_two_updates_from_one_version_exactly_one_wins(store):
    stored = store.create(ROOM)
    rooms = [ROOM.named("investor", "Fond"), ROOM.named("provider", "Virksomhed")]
    results = _together(2, lambda n: GameStore(url=store.url).update(stored, rooms[n]))
    won = [r for r in results if not isinstance(r, Exception)]
    assert len(won) == 1
    assert isinstance(next(r for r in results if r not in won), StaleVersion)
    assert store.get(stored.code) == won[0]
    assert won[0].version == 2


def test_sessions_changing_one_room_at_once_lose_no_edit(store):
    """Six sessions, four proposals each, all at once: every one of the 24 lands, one version
    each, whatever the order (a session that read an old version reads again)."""
    code = store.create(ROOM).code
    store.change(code, Room.open_round)

    def session(number: int) -> None:
        for turn in range(4):
            store.change(code, _proposing(f"{number}.{turn}"), tries=200)

    assert _together(6, session) == [None] * 6
    assert sorted(_messages(store, code)) == sorted(f"{n}.{t}" for n in range(6) for t in range(4))
    stored = store.get(code)
    assert stored is not None
    assert stored.version == 2 + 24


def _replica(url: str, code: str, name: str, turns: int, go: EventType) -> None:
    """A second process on the store (forked: it starts at once, with everything imported),
    proposing ``turns`` times once ``go`` is set."""
    store = GameStore(url=url)
    go.wait(30)
    for turn in range(turns):
        store.change(code, _proposing(f"{name}.{turn}"), tries=500)


def test_two_replicas_changing_one_room_at_once_lose_no_edit(store):
    """Two processes (two replicas) on one database, released together: every edit lands,
    and the parent's own connections still work after its children forked from it."""
    code = store.create(ROOM).code
    store.change(code, Room.open_round)
    url, turns = store.url.render_as_string(hide_password=False), 15
    fork = multiprocessing.get_context("fork")
    go = fork.Event()
    replicas = [fork.Process(target=_replica, args=(url, code, n, turns, go)) for n in "ab"]
    try:
        for replica in replicas:
            replica.start()
        go.set()
        for replica in replicas:
            replica.join(60)
    finally:
        for replica in replicas:
            if replica.is_alive():
                replica.kill()
    assert [replica.exitcode for replica in replicas] == [0, 0]
    expected = {f"{name}.{turn}" for name in "ab" for turn in range(turns)}
    assert sorted(_messages(store, code)) == sorted(expected)


def test_the_last_free_places_under_the_cap_go_to_one_room_each(make_store):
    """Four sessions start three rooms each at once under a cap of five rooms (none idle):
    exactly five are made, the other seven refused."""
    store = make_store(max_rooms=5)
    results = _together(12, lambda _: store.create(ROOM))
    made = [r for r in results if not isinstance(r, Exception)]
    assert len(made) == 5
    assert all(isinstance(r, StoreFull) for r in results if r not in made)
    assert len({stored.code for stored in made}) == 5
    assert store.count() == 5


def test_a_rate_limit_holds_when_many_take_its_last_places_at_once(store):
    limit = Limit("test", 4, 600, "client", "four at most, whoever asks at once")
    results = _together(10, lambda _: store.take([("client:x", limit)]))
    assert results.count(None) == 4
    assert results.count(limit) == 6


def test_a_refused_update_in_a_race_leaves_the_winners_room(store):
    """The loser of each race writes nothing: the room is always the winner's."""
    stored = store.create(ROOM)
    for turn in range(3):
        rooms = [stored.room.named("investor", f"{side}{turn}") for side in "ab"]
        results = _together(2, lambda n, s=stored, r=rooms: store.update(s, r[n]))
        (won,) = [r for r in results if not isinstance(r, Exception)]
        assert store.get(stored.code) == won
        stored = won


def test_replicas_starting_at_once_on_a_new_database_make_its_tables_once(database_url):
    """Four replicas start at once on a database without tables: each finds them made."""
    if GameStore(url=database_url).backend == "postgresql":
        with GameStore(url=database_url).engine.begin() as db:
            db.execute(text("DROP TABLE rooms, hits"))
    results = _together(4, lambda _: GameStore(url=database_url))
    assert all(isinstance(result, GameStore) for result in results), results
    assert results[0].get(results[1].create(ROOM).code) is not None
