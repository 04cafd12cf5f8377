"""The rooms' store, on SQLite and on PostgreSQL (the ``store`` and ``make_store`` fixtures
run each test on both): codes, the optimistic version check, the cap, expiry, size bounds,
connections handed back and closed; then what only SQLite has: a private file. Writers racing
on one room are in ``test_store_races.py``."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, text
from sqlalchemy.exc import ArgumentError

import sib_game.store
from sib_game.limits import RATE_LIMITS
from sib_game.room import MAX_NAME, MAX_TEXT, Room, RoundClosed, clean_text
from sib_game.store import (
    ALPHABET,
    GameStore,
    StaleVersion,
    StoreFull,
    UnsafeLocation,
    default_path,
    default_url,
    parse_code,
    parse_role,
)
from sib_model import Scenario

ROOM = Room.new(Scenario())


class Clock:
    """A clock the test moves by hand (seconds)."""

    now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_create_join_update_and_stale_version(store):
    stored = store.create(ROOM)
    assert parse_code(stored.code) == stored.code
    assert store.get(stored.code.lower()).room == ROOM
    newer = store.update(stored, ROOM.open_round())
    assert newer.version == 2
    assert newer.room.open
    with pytest.raises(StaleVersion):
        store.update(stored, ROOM.named("investor", "late"))
    assert store.get(stored.code).room == ROOM.open_round()
    # A second store on the same database (another replica) sees the same rooms.
    assert GameStore(url=store.url).get(stored.code).version == 2


def test_a_refused_move_leaves_the_stored_room_unwritten(store):
    stored = store.create(ROOM)
    with pytest.raises(RoundClosed):
        store.change(stored.code, lambda room: room.propose("investor", {}, "too early"))
    assert store.get(stored.code) == stored


def test_change_retries_when_another_session_wrote_in_between(store):
    code = store.create(ROOM).code
    other = GameStore(url=store.url)
    calls = []

    def edit(room: Room) -> Room:
        calls.append(room.round)
        if len(calls) == 1:  # another tab opens the round while this one edits
            other.change(code, Room.open_round)
        return room.named("investor", "Fond")

    after = store.change(code, edit)
    assert calls == [0, 1]
    assert (after.room.round, after.room.names) == (1, {"investor": "Fond"})


def test_change_of_a_missing_room_is_a_key_error(store):
    with pytest.raises(KeyError):
        store.change("QQQQ", Room.open_round)


def test_rooms_expire_when_idle(make_store):
    clock = Clock()
    store = make_store(clock=clock, idle_seconds=100)
    stored = store.create(ROOM)
    clock.now += 99
    store.change(stored.code, Room.open_round)  # touched again
    clock.now += 99
    assert store.get(stored.code) is not None
    clock.now += 101
    assert store.get(stored.code) is None
    assert store.count() == 0


def test_at_most_max_rooms(make_store):
    store = make_store(max_rooms=3)
    codes = {store.create(ROOM).code for _ in range(3)}
    assert len(codes) == 3
    with pytest.raises(StoreFull):
        store.create(ROOM)


def test_a_room_too_large_to_store_is_refused(store, monkeypatch):
    monkeypatch.setattr(sib_game.store, "MAX_DOC_BYTES", 500)
    with pytest.raises(ValueError, match="too large"):
        store.create(ROOM)
    assert store.count() == 0


def test_unknown_and_bad_codes(store):
    assert store.get("QQQQ") is None
    for bad in ["", "ABC", "ABCDEFG", "O0O0", "IIII", "K7QX", "AB CD", None, 12, "ÄÄÄÄ"]:
        assert parse_code(bad) is None
        assert store.get(bad) is None
    assert parse_code(" kmqx ") == "KMQX"
    assert parse_role("Investor") == "investor"
    assert parse_role("admin") is None


def test_clean_text_limits_and_strips_controls():
    assert clean_text("a\x00b\nc\u2028d") == "a b c d"
    assert len(clean_text("x" * 10_000)) == MAX_TEXT
    assert clean_text(None) == ""


def _every_kind_of_call(store: GameStore) -> None:
    """One of each call, failures included (a stale update, a full store)."""
    stored = store.create(ROOM)
    store.get(stored.code)
    store.change(stored.code, Room.open_round)
    with pytest.raises(StaleVersion):
        store.update(stored, ROOM)
    with pytest.raises(StoreFull):  # a failed write hands its connection back too
        store.create(ROOM)
    store.take([("bucket", RATE_LIMITS["rooms_per_session"])])
    store.count()


def test_every_connection_is_handed_back(make_store):
    """Each call returns the connection it took, whether it succeeded or failed."""
    store = make_store(max_rooms=1)
    taken, returned = [], []

    def checkout(*_args):
        taken.append(1)

    def checkin(*_args):
        returned.append(1)

    listeners = {"checkout": checkout, "checkin": checkin}
    for name, listener in listeners.items():
        event.listen(store.engine, name, listener)
    try:
        _every_kind_of_call(store)
    finally:  # the engine is the process's, shared with later tests
        for name, listener in listeners.items():
            event.remove(store.engine, name, listener)
    assert len(taken) >= 7
    assert len(taken) == len(returned)


def test_every_sqlite_connection_is_closed(tmp_path):
    """SQLite keeps no pool: each call closes the file it opened (no handle outlives it)."""
    store = GameStore(tmp_path / "g.sqlite3", max_rooms=1)
    opened: list[sqlite3.Connection] = []

    def connected(dbapi_connection, _record):
        opened.append(dbapi_connection)

    event.listen(store.engine, "connect", connected)
    try:
        _every_kind_of_call(store)
    finally:
        event.remove(store.engine, "connect", connected)
    assert len(opened) >= 7
    for db in opened:
        with pytest.raises(sqlite3.ProgrammingError, match="closed"):
            db.execute("SELECT 1")


def test_postgresql_connections_stay_few_whatever_the_calls(postgres_url):
    """One pool per server in a process: many stores and calls reuse a few connections."""
    stores = [GameStore(url=postgres_url, max_rooms=1_000) for _ in range(5)]
    for store in stores * 10:
        store.get(store.create(ROOM).code)
    engine = stores[0].engine
    assert all(store.engine is engine for store in stores)
    assert engine.pool.checkedout() == 0
    with engine.connect() as db:
        mine = db.execute(
            text("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'sib-game'")
        ).scalar_one()
    assert 1 <= mine <= 5


# --- hostile input (Hypothesis) ---------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.binary(max_size=20), st.integers(), st.none()))
def test_parse_functions_never_raise(raw):
    code = parse_code(raw)
    assert code is None or (4 <= len(code) <= 6 and set(code) <= set(ALPHABET))
    assert parse_role(raw) in (None, "facilitator", "municipality", "investor", "provider", "state")
    text = clean_text(raw)
    assert len(text) <= MAX_TEXT
    assert not any(ord(ch) < 32 for ch in text)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(code=st.text(max_size=30), name=st.text(max_size=500))
def test_hostile_codes_and_names_against_a_store(store, code, name):
    stored = store.create(ROOM)
    assert store.get(code) is None or parse_code(code) == stored.code
    store.change(stored.code, lambda room: room.named("investor", name))
    assert len(store.get(stored.code).room.names["investor"]) <= MAX_NAME


# --- a private store ---------------------------------------------------------------------------

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def _mode(path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.fixture
def no_env(monkeypatch, tmp_path):
    """No SIB_GAME_DB; the user's data folder and the temp folder inside the test's folder."""
    monkeypatch.delenv(sib_game.store.ENV_PATH, raising=False)
    monkeypatch.delenv(sib_game.store.ENV_URL, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(sib_game.store.tempfile, "gettempdir", lambda: str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    return tmp_path


def test_sib_game_db_names_the_file(monkeypatch, tmp_path):
    monkeypatch.delenv(sib_game.store.ENV_URL, raising=False)
    monkeypatch.setenv(sib_game.store.ENV_PATH, str(tmp_path / "rooms.sqlite3"))
    assert default_path() == tmp_path / "rooms.sqlite3"
    assert GameStore().path == tmp_path / "rooms.sqlite3"


def test_one_setting_moves_the_rooms_to_postgresql(monkeypatch, tmp_path, postgres_url):
    monkeypatch.setenv(sib_game.store.ENV_PATH, str(tmp_path / "not used.sqlite3"))
    monkeypatch.setenv(sib_game.store.ENV_URL, postgres_url)
    store = GameStore()
    assert (store.backend, store.path) == ("postgresql", None)
    # The URL a host hands out, without a driver: psycopg (3) is taken, not psycopg2.
    bare = postgres_url.replace("postgresql+psycopg://", "postgres://")
    assert GameStore(url=bare).url.drivername == "postgresql+psycopg"
    assert GameStore(url=postgres_url).get(store.create(ROOM).code) is not None
    assert not (tmp_path / "not used.sqlite3").exists()


@pytest.mark.parametrize(
    "url", ["mysql://localhost/sib", "sqlite://", "sqlite:///:memory:", "not a url"]
)
def test_a_database_the_store_cannot_keep_rooms_in_is_refused(monkeypatch, url):
    monkeypatch.setenv(sib_game.store.ENV_URL, url)
    with pytest.raises((ValueError, ArgumentError), match=r"SQLite|PostgreSQL|parse"):
        GameStore()
    monkeypatch.setenv(sib_game.store.ENV_URL, "  ")
    assert default_url().get_backend_name() == "sqlite"


@posix_only
def test_by_default_rooms_live_in_the_users_own_data_folder_made_0700(no_env):
    path = default_path()
    assert path == no_env / "data" / "sib-game" / "game.sqlite3"
    assert _mode(path.parent) == 0o700


@posix_only
def test_without_a_data_folder_to_write_the_temp_folder_is_made_0700_for_this_user(no_env):
    (no_env / "data").write_text("a file where the data folder would be")
    path = default_path()
    assert path.parent == no_env / "temp" / f"sib-game-{os.getuid()}"
    assert _mode(path.parent) == 0o700


@posix_only
def test_a_folder_another_user_owns_is_refused(no_env, monkeypatch):
    (no_env / "data").write_text("no data folder")
    theirs = no_env / "temp" / f"sib-game-{os.getuid()}"
    theirs.mkdir(mode=0o777)
    # Seen from another user (whose uid differs from the folder's owner): not theirs to use.
    monkeypatch.setattr(sib_game.store.os, "getuid", lambda: os.stat(theirs).st_uid + 1)
    with pytest.raises(UnsafeLocation, match="another user"):
        default_path()


@posix_only
def test_a_link_in_place_of_the_folder_is_refused(no_env):
    (no_env / "data").write_text("no data folder")
    elsewhere = no_env / "elsewhere"
    elsewhere.mkdir()
    (no_env / "temp" / f"sib-game-{os.getuid()}").symlink_to(elsewhere)
    with pytest.raises(UnsafeLocation, match="link"):
        default_path()


@posix_only
def test_an_own_folder_open_to_others_is_closed(no_env):
    folder = no_env / "data" / "sib-game"
    folder.mkdir(parents=True, mode=0o755)
    folder.chmod(0o755)
    assert default_path().parent == folder
    assert _mode(folder) == 0o700


@posix_only
def test_the_database_and_its_log_are_0600_whatever_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        store = GameStore(tmp_path / "g.sqlite3")
        # A reader holding the file open keeps the write-ahead log and shared memory there.
        with contextlib.closing(sqlite3.connect(store.path)) as reader:
            reader.execute("SELECT COUNT(*) FROM rooms").fetchone()
            store.change(store.create(ROOM).code, Room.open_round)
            modes = {p.name: _mode(p) for p in tmp_path.iterdir() if p.name.startswith("g.")}
    finally:
        os.umask(old)
    assert modes == {"g.sqlite3": 0o600, "g.sqlite3-wal": 0o600, "g.sqlite3-shm": 0o600}


@posix_only
def test_an_existing_database_open_to_others_is_closed(tmp_path):
    path = tmp_path / "g.sqlite3"
    GameStore(path)
    path.chmod(0o644)
    GameStore(path)
    assert _mode(path) == 0o600


def test_a_connection_the_postgresql_server_dropped_is_replaced_not_used(postgres_url):
    """A server restart or a failover ends the pool's connections: the next call checks the
    one it takes (pool_pre_ping) and opens a new one instead of failing."""
    store = GameStore(url=postgres_url)
    code = store.create(ROOM).code
    with psycopg.connect(postgres_url.replace("+psycopg", "")) as admin:
        (ended,) = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE application_name = 'sib-game'"
        ).fetchall()
    assert ended[0] >= 1
    assert store.get(code) is not None
