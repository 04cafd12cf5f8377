"""The negotiation game's rooms, shared by every session of the server.

A Streamlit session lives in one browser tab; the groups of a game sit at their own laptops,
so their state must live outside any session. It lives in SQLite in one file (Python's
``sqlite3``, WAL mode so readers never wait for the writer): one row per room holding its
:class:`~sib_game.room.Room` as a JSON document and a version number. Every call opens its
own connection and closes it before returning (so a store is safe to share between threads,
and no file handle outlives a call). An update names the version it read and is refused when the
row has moved on (optimistic concurrency: no locks held across a user's think time).

Why a file and not memory: the rooms survive a restart of the replica, and two replicas on one
machine share them. With several machines the same table moves to a standard server such as
PostgreSQL (``rooms(code text primary key, doc jsonb, version int, touched float)``).

Bounds (each with its reason in :mod:`sib_game.limits`): at most :data:`MAX_ROOMS` rooms, and
when they are all in use the room idle longest goes first if idle for
:data:`IDLE_FIRST_SECONDS`; a room idle for :data:`IDLE_SECONDS` is deleted; a room keeps its
last :data:`MAX_PROPOSALS` proposals and a document over :data:`MAX_DOC_BYTES` is refused; the
rate limits are counted here too (:meth:`GameStore.take`, table ``hits``), so they hold across
replicas;
codes are :data:`CODE_LENGTHS` letters from :data:`ALPHABET` (no 0/O, 1/I/L, 5/S, 2/Z, 8/B),
checked strictly by :func:`parse_code`; every text a user types is cleaned by
:func:`clean_text` (length-limited; escaped where shown).

Where the file lives: ``SIB_GAME_DB`` if set (point it at a volume to keep rooms across
container restarts). Otherwise a folder only this user can open (:func:`private_folder`): the
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
import sqlite3
import stat
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

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
    "StoredRoom",
    "GameStore",
    "StoreFull",
    "StaleVersion",
    "parse_code",
    "parse_role",
    "clean_text",
    "default_path",
    "private_folder",
    "UnsafeLocation",
]

ALPHABET = "ACDEFGHJKMNPQRTUVWXY"
CODE_LENGTHS = range(4, 7)
ENV_PATH = "SIB_GAME_DB"
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
    """Rooms in one SQLite file; safe to use from many threads (one connection per call)."""

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        max_rooms: int = MAX_ROOMS,
        idle_seconds: float = IDLE_SECONDS,
        idle_first_seconds: float = IDLE_FIRST_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """A store on the SQLite file ``path`` (default :func:`default_path`), made with its
        folder and table if new; ``clock`` (seconds) is replaceable for tests of expiry."""
        self.path = Path(path) if path is not None else default_path()
        self.max_rooms = max_rooms
        self.idle_seconds = idle_seconds
        self.idle_first_seconds = idle_first_seconds
        self.clock = clock
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _private_file(self.path)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS rooms (code TEXT PRIMARY KEY, doc TEXT NOT NULL,"
                " version INTEGER NOT NULL, touched REAL NOT NULL)"
            )
            # One row per counted event of a rate limit (sib_game.limits), by bucket.
            db.execute("CREATE TABLE IF NOT EXISTS hits (bucket TEXT NOT NULL, at REAL NOT NULL)")
            db.execute("CREATE INDEX IF NOT EXISTS hits_bucket ON hits (bucket, at)")

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A connection in autocommit mode, closed when the block ends (``with
        sqlite3.connect(...)`` alone would only commit, never close)."""
        with closing(sqlite3.connect(self.path, timeout=5.0, isolation_level=None)) as db:
            yield db

    def _expire(self, db: sqlite3.Connection) -> None:
        db.execute("DELETE FROM rooms WHERE touched < ?", (self.clock() - self.idle_seconds,))

    def _make_space(self, db: sqlite3.Connection) -> None:
        """When :attr:`max_rooms` are in use, delete the room idle longest if it has been
        idle at least :attr:`idle_first_seconds`; else :class:`StoreFull`."""
        (count,) = db.execute("SELECT COUNT(*) FROM rooms").fetchone()
        if count < self.max_rooms:
            return
        cursor = db.execute(
            "DELETE FROM rooms WHERE code = (SELECT code FROM rooms WHERE touched <= ?"
            " ORDER BY touched LIMIT 1)",
            (self.clock() - self.idle_first_seconds,),
        )
        if cursor.rowcount != 1 or count - 1 >= self.max_rooms:
            raise StoreFull

    def create(self, room: Room) -> StoredRoom:
        """``room`` stored under a fresh code. When the store is full, the room idle longest
        goes first if idle for an hour (:data:`~sib_game.limits.IDLE_FIRST_SECONDS`); else
        :class:`StoreFull`."""
        text = _dump(room)
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                self._expire(db)
                self._make_space(db)
                for attempt in range(50):
                    code = new_code(4 if attempt < 30 else 5)
                    if not db.execute("SELECT 1 FROM rooms WHERE code=?", (code,)).fetchone():
                        break
                db.execute(
                    "INSERT INTO rooms (code, doc, version, touched) VALUES (?, ?, 1, ?)",
                    (code, text, self.clock()),
                )
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return StoredRoom(code, 1, _load(text))

    def get(self, code: object) -> StoredRoom | None:
        """The room of ``code``, or None (a bad code, an unknown or expired room)."""
        parsed = parse_code(code)
        if parsed is None:
            return None
        with self._connect() as db:
            row = db.execute(
                "SELECT doc, version, touched FROM rooms WHERE code=?", (parsed,)
            ).fetchone()
        if row is None or row[2] < self.clock() - self.idle_seconds:
            return None
        return StoredRoom(parsed, int(row[1]), _load(row[0]))

    def update(self, stored: StoredRoom, room: Room) -> StoredRoom:
        """Store ``room`` if the row is still at ``stored.version`` (else
        :class:`StaleVersion`)."""
        text = _dump(room)
        with self._connect() as db:
            cursor = db.execute(
                "UPDATE rooms SET doc=?, version=version+1, touched=? WHERE code=? AND version=?",
                (text, self.clock(), stored.code, stored.version),
            )
            changed = cursor.rowcount
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
        with self._connect() as db:
            removed = db.execute("DELETE FROM rooms WHERE code=?", (parsed,)).rowcount
        return bool(removed == 1)

    # --- rate limits (sib_game.limits) ---------------------------------------------------

    def _over(self, db: sqlite3.Connection, buckets: Sequence[tuple[str, Limit]]) -> Limit | None:
        now = self.clock()
        for bucket, limit in buckets:
            (used,) = db.execute(
                "SELECT COUNT(*) FROM hits WHERE bucket=? AND at > ?",
                (bucket, now - limit.seconds),
            ).fetchone()
            if used >= limit.events:
                return limit
        return None

    def _record(self, db: sqlite3.Connection, buckets: Sequence[tuple[str, Limit]]) -> None:
        now = self.clock()
        longest = max((limit.seconds for _, limit in buckets), default=0.0)
        db.execute("DELETE FROM hits WHERE at <= ?", (now - max(longest, 3600.0),))
        db.executemany(
            "INSERT INTO hits (bucket, at) VALUES (?, ?)", [(b, now) for b, _ in buckets]
        )

    def over(self, buckets: Sequence[tuple[str, Limit]]) -> Limit | None:
        """The first of ``buckets`` (a bucket's name, its limit) whose limit is reached, or
        None; counts nothing."""
        with self._connect() as db:
            return self._over(db, buckets)

    def record(self, buckets: Sequence[tuple[str, Limit]]) -> None:
        """Count one event in each of ``buckets`` (a wrong link, say)."""
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                self._record(db, buckets)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def take(self, buckets: Sequence[tuple[str, Limit]]) -> Limit | None:
        """Count one event in each of ``buckets`` unless one of them is at its limit: then
        return that limit and count nothing (checked and counted in one transaction, so two
        replicas cannot both slip under a limit)."""
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                reached = self._over(db, buckets)
                if reached is None:
                    self._record(db, buckets)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return reached

    def count(self) -> int:
        """Rooms in use (expired ones are deleted first)."""
        with self._connect() as db:
            self._expire(db)
            (count,) = db.execute("SELECT COUNT(*) FROM rooms").fetchone()
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
