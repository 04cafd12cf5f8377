"""The negotiation game's rooms, shared by every session of the server.

A Streamlit session lives in one browser tab; the groups of a game sit at their own laptops,
so their state must live outside any session. It lives in a database reached through
SQLAlchemy Core: one row per room holding its :class:`~sib_game.room.Room` as a JSON document
and a version number (``rooms(code text primary key, doc text, version integer, touched
double)``). An update names the version it read and is refused when the row has moved on
(optimistic concurrency: ``UPDATE ... WHERE version = :read``, no locks held across a user's
think time).

Which database: one setting, ``SIB_GAME_DATABASE_URL`` (:data:`ENV_URL`), a SQLAlchemy URL.

* Unset (the default): **SQLite** in one file, for one machine with no set-up (Python's
  ``sqlite3``, WAL mode so readers never wait for the writer). Two replicas on one machine
  share the file. Every call opens its own connection and closes it before returning (no
  pool: no file handle outlives a call). A write that reads first (a new room under the cap,
  a rate limit checked and counted) runs in ``BEGIN IMMEDIATE``, so writers take turns.
* ``postgresql+psycopg://user:password@host:5432/dbname``: **PostgreSQL** (psycopg 3), for
  replicas on several machines (a SQLite file on a network share is not safe). One pooled
  engine per URL per process (``pool_pre_ping``: a connection the server dropped is replaced,
  not handed out), shared by Streamlit's threads. What SQLite's ``BEGIN IMMEDIATE`` does for a
  write that reads first, a transaction-scoped advisory lock does here
  (``pg_advisory_xact_lock``); the tables are made under one too, so two replicas starting at
  once do not race. ``deploy.local_postgres`` starts a throwaway server for tests and local
  runs.

Both give the same semantics, and the same tests run against both (``tests/game``).

Why a database and not memory: the rooms survive a restart of the replica, and replicas share
them.

Bounds (each with its reason in :mod:`sib_game.limits`): at most :data:`MAX_ROOMS` rooms, and
when they are all in use the room idle longest goes first if idle for
:data:`IDLE_FIRST_SECONDS`; a room idle for :data:`IDLE_SECONDS` is deleted; a room keeps its
last :data:`MAX_PROPOSALS` proposals and a document over :data:`MAX_DOC_BYTES` is refused; the
rate limits are counted here too (:meth:`GameStore.take`, table ``hits``), so they hold across
replicas;
codes are :data:`CODE_LENGTHS` letters from :data:`ALPHABET` (no 0/O, 1/I/L, 5/S, 2/Z, 8/B),
checked strictly by :func:`parse_code`; every text a user types is cleaned by
:func:`clean_text` (length-limited; escaped where shown).

Where the SQLite file lives: ``SIB_GAME_DB`` (:data:`ENV_PATH`) if set (point it at a volume
to keep rooms across container restarts; ignored when ``SIB_GAME_DATABASE_URL`` is set).
Otherwise a folder only this user can open (:func:`private_folder`): the
user's data folder (``$XDG_DATA_HOME/sib-game``, else ``~/.local/share/sib-game``), or, where
there is none to write (a container's read-only home, a user without one), ``<temp>/sib-game-
<uid>``, made 0700 and refused if it is a link or another user owns it (someone who made it
first could read every room). Never the app folder, read-only in the image, and never git. The
database file is made 0600 before SQLite opens it; SQLite gives its write-ahead log and
shared-memory files the database's own permissions.
"""

from __future__ import annotations

import json
import os
import secrets
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    URL,
    Column,
    Connection,
    Double,
    Engine,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    create_engine,
    delete,
    event,
    func,
    insert,
    make_url,
    select,
    update,
)
from sqlalchemy.pool import NullPool

from .limits import (
    IDLE_FIRST_SECONDS,
    IDLE_SECONDS,
    MAX_DOC_BYTES,
    MAX_PROPOSALS,
    MAX_ROOMS,
    MAX_TEXT,
    Limit,
)
from .room import Proposer, Room, clean_text
from .rules import ROLES

__all__ = [
    "ALPHABET",
    "CODE_LENGTHS",
    "MAX_ROOMS",
    "IDLE_SECONDS",
    "MAX_TEXT",
    "MAX_PROPOSALS",
    "MAX_DOC_BYTES",
    "IDLE_FIRST_SECONDS",
    "ENV_PATH",
    "ENV_URL",
    "BACKENDS",
    "StoredRoom",
    "GameStore",
    "StoreFull",
    "StaleVersion",
    "parse_code",
    "parse_role",
    "clean_text",
    "default_path",
    "default_url",
    "sqlite_url",
    "engine_for",
    "dispose_engines",
    "private_folder",
    "UnsafeLocation",
]

ALPHABET = "ACDEFGHJKMNPQRTUVWXY"
CODE_LENGTHS = range(4, 7)
ENV_PATH = "SIB_GAME_DB"
#: The one setting that picks the database: a SQLAlchemy URL (``sqlite:///path`` or
#: ``postgresql+psycopg://...``; ``postgresql://`` means psycopg too); unset, SQLite in
#: :func:`default_path`.
ENV_URL = "SIB_GAME_DATABASE_URL"
BACKENDS = ("sqlite", "postgresql")
_ROLES: tuple[Proposer, ...] = ("facilitator", *ROLES)


class StoreFull(RuntimeError):
    """No room can be opened: :data:`MAX_ROOMS` are in use."""


class StaleVersion(RuntimeError):
    """The room changed since it was read; read it again and retry."""


@dataclass(frozen=True)
class StoredRoom:
    """A room as the store holds it: its code, the version read, and the room itself."""

    code: str
    version: int
    room: Room


class UnsafeLocation(RuntimeError):
    """The rooms' folder is not private to this user (another owner, a link); nothing is
    written there."""


def _owned_by_me(info: os.stat_result) -> bool:
    """True where the platform has no owners to compare (Windows: a user's folders are
    private by default) or the owner is this process's user."""
    getuid = getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()


def ensure_private(folder: Path) -> Path:
    """``folder``, made (0700) if missing, and checked: a real folder (not a link), owned by
    this user, with no access for group or others (an own folder that allows it is tightened
    to 0700). Raises :class:`UnsafeLocation` otherwise, ``OSError`` when it cannot be made."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = folder.lstat()
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise UnsafeLocation(f"{folder} is not a folder of its own (a link?)")
    if not _owned_by_me(info):
        raise UnsafeLocation(f"{folder} belongs to another user")
    if os.name == "posix" and info.st_mode & 0o077:
        folder.chmod(0o700)
    return folder


def _user_data_folder() -> Path:
    """The user's own data folder: ``%LOCALAPPDATA%`` on Windows, else ``$XDG_DATA_HOME`` or
    ``~/.local/share``."""
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"])
    xdg = os.environ.get("XDG_DATA_HOME")
    return Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"


def private_folder() -> Path:
    """A folder for the rooms that only this user can open: ``<user data>/sib-game``, or
    where that cannot be made, ``<temp>/sib-game-<uid>`` (see :func:`ensure_private`). An
    unsafe folder is never used: :class:`UnsafeLocation` when the temp one is not private."""
    try:
        return ensure_private(_user_data_folder() / "sib-game")
    except (OSError, RuntimeError):  # no home, a read-only one, or not private
        pass
    user = getattr(os, "getuid", lambda: os.environ.get("USERNAME", "user"))()
    return ensure_private(Path(tempfile.gettempdir()) / f"sib-game-{user}")


def default_path() -> Path:
    """Where rooms are kept: ``SIB_GAME_DB`` if set, else ``game.sqlite3`` in
    :func:`private_folder`."""
    env = os.environ.get(ENV_PATH)
    if env:
        return Path(env)
    return private_folder() / "game.sqlite3"


def sqlite_url(path: Path | str) -> URL:
    """The SQLAlchemy URL of the SQLite file ``path``."""
    return URL.create("sqlite", database=str(path))


def default_url() -> URL:
    """The database the rooms are kept in: ``SIB_GAME_DATABASE_URL`` if set, else the SQLite
    file of :func:`default_path`."""
    env = os.environ.get(ENV_URL, "").strip()
    return make_url(env) if env else sqlite_url(default_path())


def _private_file(path: Path) -> None:
    """Make the database file 0600 before SQLite opens it (SQLite then gives its -wal and
    -shm files the same permissions); an existing file of this user is tightened to 0600."""
    if os.name != "posix":
        return
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            raise UnsafeLocation(f"{path} is a link") from None
        if _owned_by_me(info) and info.st_mode & 0o077:
            path.chmod(0o600)
    else:
        os.close(fd)


_METADATA = MetaData()
_ROOMS = Table(
    "rooms",
    _METADATA,
    Column("code", Text, primary_key=True),
    Column("doc", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("touched", Double, nullable=False),
)
#: One row per counted event of a rate limit (:mod:`sib_game.limits`), by bucket.
_HITS = Table(
    "hits",
    _METADATA,
    Column("bucket", Text, nullable=False),
    Column("at", Double, nullable=False),
    Index("hits_bucket", "bucket", "at"),
)

#: PostgreSQL advisory-lock keys (any fixed 64-bit numbers): making the tables, creating a
#: room under the cap, counting a rate limit.
_LOCK_SCHEMA = 0x51B_6A3E_0001
_LOCK_ROOMS = 0x51B_6A3E_0002
_LOCK_HITS = 0x51B_6A3E_0003
#: Execution option: this transaction writes after reading (SQLite: ``BEGIN IMMEDIATE``).
_WRITES = "sib_game_writes"

_ENGINES: dict[str, Engine] = {}
_ENGINES_LOCK = threading.Lock()


def _sqlite_engine(url: URL) -> Engine:
    """An engine on a SQLite file: no pool (each call opens and closes the file), and
    transactions begun by us (``BEGIN``, or ``BEGIN IMMEDIATE`` for a write) rather than by
    the ``sqlite3`` module's own rules. (WAL mode is the file's, set once: :func:`_wal`.)"""
    engine = create_engine(url, poolclass=NullPool, connect_args={"timeout": 5.0})

    @event.listens_for(engine, "connect")
    def _connected(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.isolation_level = None  # the module emits no BEGIN of its own

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        writes = connection.get_execution_options().get(_WRITES, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


def _wal(engine: Engine) -> None:
    """Put the SQLite file in WAL mode (kept in the file), outside any transaction."""
    raw = engine.raw_connection()
    try:
        raw.driver_connection.execute("PRAGMA journal_mode=WAL")  # type: ignore[union-attr]
    finally:
        raw.close()


def _postgres_engine(url: URL) -> Engine:
    """A pooled engine on a PostgreSQL server: a few connections per process (two replicas
    stay far below the server's default of 100), each checked before use."""
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=5,
        max_overflow=10,
        pool_timeout=10,
        pool_recycle=1800,
        connect_args={"connect_timeout": 5, "application_name": "sib-game"},
    )


def _with_driver(url: URL) -> URL:
    """``url`` with psycopg 3 as PostgreSQL's driver when it names none: hosts hand out
    ``postgresql://`` or ``postgres://`` URLs, which SQLAlchemy would read as psycopg2."""
    if url.drivername in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    return url


def _backend(url: URL) -> str:
    backend = url.get_backend_name()
    if backend not in BACKENDS:
        raise ValueError(f"the game's rooms need SQLite or PostgreSQL, not {backend!r}")
    if backend == "sqlite" and url.database in (None, "", ":memory:"):
        raise ValueError("SQLite needs a file for the rooms (every call opens it anew)")
    return backend


def engine_for(url: URL | str) -> Engine:
    """The process's one engine for ``url`` (made on first use; thread-safe; a forked child
    makes its own)."""
    url = _with_driver(make_url(url))
    key = url.render_as_string(hide_password=False)
    with _ENGINES_LOCK:
        engine = _ENGINES.get(key)
        if engine is None:
            make = _sqlite_engine if _backend(url) == "sqlite" else _postgres_engine
            engine = _ENGINES[key] = make(url)
    return engine


def dispose_engines() -> None:
    """Close every pooled connection and forget the engines (a server about to stop, tests)."""
    with _ENGINES_LOCK:
        engines = list(_ENGINES.values())
        _ENGINES.clear()
    for engine in engines:
        engine.dispose()


def _forget_engines_in_child() -> None:
    """After ``fork``: the child makes its own connections and leaves its parent's alone
    (``dispose(close=False)``, SQLAlchemy's advice: closing them would end the parent's
    sessions on the server); the engines' lock is new, since whoever held it is not here."""
    global _ENGINES_LOCK
    _ENGINES_LOCK = threading.Lock()
    for engine in _ENGINES.values():
        engine.dispose(close=False)
    _ENGINES.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_engines_in_child)


def parse_code(raw: object) -> str | None:
    """The room code in ``raw`` (upper-cased, surrounding spaces dropped), or None if it is
    not 4–6 letters of :data:`ALPHABET`."""
    if not isinstance(raw, str) or len(raw) > 20:
        return None
    code = raw.strip().upper()
    if len(code) not in CODE_LENGTHS or any(ch not in ALPHABET for ch in code):
        return None
    return code


def parse_role(raw: object) -> Proposer | None:
    """The role in a link's ``role=`` (lower-cased; the facilitator among them), or None."""
    if not isinstance(raw, str) or len(raw) > 20:
        return None
    role = raw.strip().lower()
    return next((known for known in _ROLES if known == role), None)


def new_code(length: int = 4) -> str:
    """A random room code of ``length`` letters of :data:`ALPHABET`."""
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


class GameStore:
    """Rooms in SQLite or PostgreSQL (:data:`ENV_URL`); safe to use from many threads."""

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        url: URL | str | None = None,
        max_rooms: int = MAX_ROOMS,
        idle_seconds: float = IDLE_SECONDS,
        idle_first_seconds: float = IDLE_FIRST_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """A store on the SQLite file ``path``, or on the database of ``url``, or, given
        neither, on :func:`default_url`; its tables are made if new (its SQLite file and
        folder too). ``clock`` (seconds) is replaceable for tests of expiry."""
        if path is not None and url is not None:
            raise ValueError("give a SQLite path or a database URL, not both")
        self.url: URL = (
            sqlite_url(path)
            if path is not None
            else _with_driver(make_url(url if url else default_url()))
        )
        #: ``"sqlite"`` or ``"postgresql"``.
        self.backend = _backend(self.url)
        #: The SQLite file (None on PostgreSQL).
        self.path: Path | None = None
        self.max_rooms = max_rooms
        self.idle_seconds = idle_seconds
        self.idle_first_seconds = idle_first_seconds
        self.clock = clock
        if self.backend == "sqlite":
            self.path = Path(str(self.url.database))
            self.path.parent.mkdir(parents=True, exist_ok=True)
            _private_file(self.path)
        self.engine = engine_for(self.url)
        if self.backend == "sqlite":
            _wal(self.engine)
        with self._transaction(writes=True) as db:
            self._lock(db, _LOCK_SCHEMA)
            _METADATA.create_all(db, checkfirst=True)

    @contextmanager
    def _transaction(self, *, writes: bool = False) -> Iterator[Connection]:
        """A connection in one transaction, committed when the block ends (rolled back on an
        error) and handed back; ``writes``: a write that reads first (SQLite: ``BEGIN
        IMMEDIATE``)."""
        with self.engine.connect() as db:
            db.execution_options(**{_WRITES: writes})
            with db.begin():
                yield db

    def _lock(self, db: Connection, key: int) -> None:
        """PostgreSQL: one transaction at a time past this point, per ``key``, across every
        replica (SQLite's ``BEGIN IMMEDIATE`` already serialises every write)."""
        if self.backend == "postgresql":
            db.execute(select(func.pg_advisory_xact_lock(key)))

    def _expire(self, db: Connection) -> None:
        db.execute(delete(_ROOMS).where(_ROOMS.c.touched < self.clock() - self.idle_seconds))

    def _make_space(self, db: Connection) -> None:
        """When :attr:`max_rooms` are in use, delete the room idle longest if it has been
        idle at least :attr:`idle_first_seconds`; else :class:`StoreFull`."""
        count = db.execute(select(func.count()).select_from(_ROOMS)).scalar_one()
        if count < self.max_rooms:
            return
        cutoff = self.clock() - self.idle_first_seconds
        oldest = (
            select(_ROOMS.c.code)
            .where(_ROOMS.c.touched <= cutoff)
            .order_by(_ROOMS.c.touched)
            .limit(1)
            .scalar_subquery()
        )
        # touched is checked again on the row itself: on PostgreSQL a room touched by
        # another session since the subquery read it is rechecked, and stays.
        removed = db.execute(
            delete(_ROOMS).where(_ROOMS.c.code == oldest, _ROOMS.c.touched <= cutoff)
        ).rowcount
        if removed != 1 or count - 1 >= self.max_rooms:
            raise StoreFull

    def create(self, room: Room) -> StoredRoom:
        """``room`` stored under a fresh code. When the store is full, the room idle longest
        goes first if idle for an hour (:data:`~sib_game.limits.IDLE_FIRST_SECONDS`); else
        :class:`StoreFull`."""
        text = _dump(room)
        with self._transaction(writes=True) as db:
            self._lock(db, _LOCK_ROOMS)
            self._expire(db)
            self._make_space(db)
            for attempt in range(50):
                code = new_code(4 if attempt < 30 else 5)
                taken = db.execute(select(_ROOMS.c.code).where(_ROOMS.c.code == code)).first()
                if taken is None:
                    break
            db.execute(insert(_ROOMS).values(code=code, doc=text, version=1, touched=self.clock()))
        return StoredRoom(code, 1, _load(text))

    def get(self, code: object) -> StoredRoom | None:
        """The room of ``code``, or None (a bad code, an unknown or expired room)."""
        parsed = parse_code(code)
        if parsed is None:
            return None
        with self._transaction() as db:
            row = db.execute(
                select(_ROOMS.c.doc, _ROOMS.c.version, _ROOMS.c.touched).where(
                    _ROOMS.c.code == parsed
                )
            ).first()
        if row is None or row.touched < self.clock() - self.idle_seconds:
            return None
        return StoredRoom(parsed, int(row.version), _load(row.doc))

    def update(self, stored: StoredRoom, room: Room) -> StoredRoom:
        """Store ``room`` if the row is still at ``stored.version`` (else
        :class:`StaleVersion`)."""
        text = _dump(room)
        with self._transaction(writes=True) as db:
            changed = db.execute(
                update(_ROOMS)
                .where(_ROOMS.c.code == stored.code, _ROOMS.c.version == stored.version)
                .values(doc=text, version=_ROOMS.c.version + 1, touched=self.clock())
            ).rowcount
        if changed != 1:
            raise StaleVersion(stored.code)
        return StoredRoom(stored.code, stored.version + 1, _load(text))

    def change(self, code: str, edit: Callable[[Room], Room], tries: int = 5) -> StoredRoom:
        """Read, ``edit`` (a function from the room to the next one, such as
        ``lambda room: room.open_round()``), write; retried when another session wrote in
        between. Raises KeyError for a missing room; whatever ``edit`` raises (a
        :class:`~sib_game.room.Refused` move) leaves the room unwritten and goes to the
        caller."""
        for _ in range(tries):
            stored = self.get(code)
            if stored is None:
                raise KeyError(code)
            try:
                return self.update(stored, edit(stored.room))
            except StaleVersion:
                continue
        raise StaleVersion(code)

    def delete(self, code: object) -> bool:
        """Remove the room of ``code`` (its facilitator closed it); True if there was one."""
        parsed = parse_code(code)
        if parsed is None:
            return False
        with self._transaction(writes=True) as db:
            removed = db.execute(delete(_ROOMS).where(_ROOMS.c.code == parsed)).rowcount
        return bool(removed == 1)

    # --- rate limits (sib_game.limits) ---------------------------------------------------

    def _over(self, db: Connection, buckets: Sequence[tuple[str, Limit]]) -> Limit | None:
        now = self.clock()
        for bucket, limit in buckets:
            used = db.execute(
                select(func.count())
                .select_from(_HITS)
                .where(_HITS.c.bucket == bucket, _HITS.c.at > now - limit.seconds)
            ).scalar_one()
            if used >= limit.events:
                return limit
        return None

    def _record(self, db: Connection, buckets: Sequence[tuple[str, Limit]]) -> None:
        now = self.clock()
        longest = max((limit.seconds for _, limit in buckets), default=0.0)
        db.execute(delete(_HITS).where(_HITS.c.at <= now - max(longest, 3600.0)))
        if buckets:
            db.execute(insert(_HITS), [{"bucket": b, "at": now} for b, _ in buckets])

    def over(self, buckets: Sequence[tuple[str, Limit]]) -> Limit | None:
        """The first of ``buckets`` (a bucket's name, its limit) whose limit is reached, or
        None; counts nothing."""
        with self._transaction() as db:
            return self._over(db, buckets)

    def record(self, buckets: Sequence[tuple[str, Limit]]) -> None:
        """Count one event in each of ``buckets`` (a wrong link, say)."""
        with self._transaction(writes=True) as db:
            self._lock(db, _LOCK_HITS)
            self._record(db, buckets)

    def take(self, buckets: Sequence[tuple[str, Limit]]) -> Limit | None:
        """Count one event in each of ``buckets`` unless one of them is at its limit: then
        return that limit and count nothing (checked and counted in one transaction, one at
        a time, so two replicas cannot both slip under a limit)."""
        with self._transaction(writes=True) as db:
            self._lock(db, _LOCK_HITS)
            reached = self._over(db, buckets)
            if reached is None:
                self._record(db, buckets)
        return reached

    def count(self) -> int:
        """Rooms in use (expired ones are deleted first)."""
        with self._transaction(writes=True) as db:
            self._expire(db)
            count = db.execute(select(func.count()).select_from(_ROOMS)).scalar_one()
        return int(count)


def _dump(room: Room) -> str:
    """The room's JSON document as stored (compact; refused above :data:`MAX_DOC_BYTES`)."""
    text = json.dumps(room.to_dict(), ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    if len(text.encode()) > MAX_DOC_BYTES:
        raise ValueError("room document too large")
    return text


def _load(text: str) -> Room:
    """The room of a stored JSON document."""
    return Room.from_dict(json.loads(text))
