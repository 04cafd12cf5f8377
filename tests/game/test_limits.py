"""The game's limits (:mod:`sib_game.limits`), counted in the store (on SQLite and on
PostgreSQL): per session and per client address, over a sliding window; a full store makes
way for a room idle an hour."""

from __future__ import annotations

import pytest

from sib_game.limits import (
    IDLE_FIRST_SECONDS,
    LIMITS_ENV,
    RATE_LIMITS,
    ROOMS_PER_CLIENT,
    ROOMS_PER_SESSION,
    WRONG_LINKS_PER_SESSION,
    client_address,
    rate_limits_on,
)
from sib_game.room import Room
from sib_game.store import GameStore, StoreFull
from sib_model import Scenario

ROOM = Room.new(Scenario())


class Clock:
    """A clock the test moves by hand (seconds)."""

    now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def timed(make_store, clock) -> GameStore:
    return make_store(clock=clock, max_rooms=2)


def _rooms(session: str, client: str):
    return [
        (f"rooms:session:{session}", ROOMS_PER_SESSION),
        (f"rooms:client:{client}", ROOMS_PER_CLIENT),
    ]


def test_every_limit_says_why_and_is_a_positive_rate():
    for name, limit in RATE_LIMITS.items():
        assert limit.name == name
        assert limit.events > 0
        assert limit.seconds > 0
        assert limit.per in ("session", "client")
        assert len(limit.reason) > 40
    assert ROOMS_PER_SESSION.events == 5
    assert ROOMS_PER_SESSION.minutes == 10


def test_a_session_starts_five_rooms_in_ten_minutes_and_then_waits(timed, clock):
    for _ in range(5):
        assert timed.take(_rooms("s1", "198.51.100.1")) is None
    assert timed.take(_rooms("s1", "198.51.100.1")) == ROOMS_PER_SESSION
    clock.now += 599
    assert timed.take(_rooms("s1", "198.51.100.1")) == ROOMS_PER_SESSION
    clock.now += 2  # the first ones have left the window
    assert timed.take(_rooms("s1", "198.51.100.1")) is None


def test_new_tabs_of_one_address_hit_the_address_limit_and_another_client_goes_on(timed):
    for tab in range(ROOMS_PER_CLIENT.events):
        assert timed.take(_rooms(f"tab{tab}", "198.51.100.1")) is None
    assert timed.take(_rooms("one more tab", "198.51.100.1")) == ROOMS_PER_CLIENT
    assert timed.take(_rooms("someone else", "203.0.113.7")) is None


def test_a_refused_attempt_is_not_counted(timed):
    for _ in range(5):
        timed.take(_rooms("s1", "198.51.100.1"))
    for _ in range(20):
        assert timed.take(_rooms("s1", "198.51.100.1")) == ROOMS_PER_SESSION
    # The address saw 5 rooms, not 25: a second session of it may still start some.
    assert timed.take(_rooms("s2", "198.51.100.1")) is None


def test_wrong_links_are_looked_up_without_counting_and_counted_when_wrong(timed):
    bucket = [("wrong_link:session:s1", WRONG_LINKS_PER_SESSION)]
    for _ in range(100):
        assert timed.over(bucket) is None
    for _ in range(WRONG_LINKS_PER_SESSION.events):
        timed.record(bucket)
    assert timed.over(bucket) == WRONG_LINKS_PER_SESSION
    assert timed.over([("wrong_link:session:s2", WRONG_LINKS_PER_SESSION)]) is None


def test_limits_hold_across_two_stores_on_one_database(make_store, clock):
    """Two replicas share the rooms' database, and with it the counts."""
    a = make_store(clock=clock)
    b = make_store(clock=clock)
    for store in (a, b, a, b, a):
        assert store.take(_rooms("s1", "x")) is None
    assert b.take(_rooms("s1", "x")) == ROOMS_PER_SESSION


def test_a_full_store_makes_way_for_a_new_room_by_dropping_one_idle_for_an_hour(timed, clock):
    first = timed.create(ROOM).code
    clock.now += 10
    second = timed.create(ROOM).code
    clock.now += IDLE_FIRST_SECONDS - 15  # the first idle for almost an hour: it stays
    with pytest.raises(StoreFull):
        timed.create(ROOM)
    clock.now += 6  # now the first has been idle an hour, the second not quite
    third = timed.create(ROOM).code
    assert timed.get(first) is None
    assert timed.get(second) is not None
    assert timed.get(third) is not None


def test_a_room_in_play_is_never_dropped_for_a_new_one(timed, clock):
    codes = [timed.create(ROOM).code for _ in range(2)]
    for _ in range(5):
        clock.now += IDLE_FIRST_SECONDS / 2
        for code in codes:
            timed.change(code, lambda room: room.named("investor", "still here"))
    with pytest.raises(StoreFull):
        timed.create(ROOM)


@pytest.mark.parametrize(
    ("forwarded", "peer", "counted"),
    [
        (None, "198.51.100.1", "198.51.100.1"),
        ("10.0.0.1", "198.51.100.1", "198.51.100.1"),  # a direct client's header is ignored
        ("203.0.113.7", None, "203.0.113.7"),  # behind nginx: the address nginx saw
        ("1.2.3.4, 203.0.113.7", None, "203.0.113.7"),  # what the client wrote before it: no
        (None, None, "local"),
        ("", None, "local"),
    ],
)
def test_the_address_a_client_is_counted_by(forwarded, peer, counted):
    assert client_address(forwarded, peer) == counted


@pytest.mark.parametrize(
    ("value", "on"), [(None, True), ("on", True), ("off", False), ("OFF", False)]
)
def test_the_limits_are_on_unless_a_load_tests_server_switches_them_off(monkeypatch, value, on):
    if value is None:
        monkeypatch.delenv(LIMITS_ENV, raising=False)
    else:
        monkeypatch.setenv(LIMITS_ENV, value)
    assert rate_limits_on() is on
