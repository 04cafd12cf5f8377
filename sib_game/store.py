"""The negotiation game's rooms, shared by every session of the server.

A Streamlit session lives in one browser tab; the groups of a game sit at their own laptops,
so their state must live outside any session. It lives in SQLite in one file (Python's
``sqlite3``, WAL mode so readers never wait for the writer): one row per room holding a JSON
document and a version number. An update names the version it read and is refused when the
row has moved on (optimistic concurrency: no locks held across a user's think time).

Why a file and not memory: the rooms survive a restart of the replica, and two replicas on one
machine share them. With several machines the same table moves to a standard server such as
PostgreSQL (``rooms(code text primary key, doc jsonb, version int, touched float)``).

Bounds: at most :data:`MAX_ROOMS` rooms; a room idle for :data:`IDLE_SECONDS` is deleted;
a room keeps its last :data:`MAX_PROPOSALS` proposals and a document over
:data:`MAX_DOC_BYTES` is refused;
codes are :data:`CODE_LENGTHS` letters from :data:`ALPHABET` (no 0/O, 1/I/L, 5/S, 2/Z, 8/B),
checked strictly by :func:`parse_code`; every text a user types is cleaned by
:func:`clean_text` (length-limited; escaped where shown). The file's path comes from
``SIB_GAME_DB`` (default ``<temp>/sib-game/game.sqlite3``: outside the app folder, which is
read-only in the container image, and never in git; point it at a volume to keep rooms across
container restarts).
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import tempfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "ALPHABET",
    "CODE_LENGTHS",
    "MAX_ROOMS",
    "IDLE_SECONDS",
    "MAX_TEXT",
    "MAX_PROPOSALS",
    "MAX_DOC_BYTES",
    "Room",
    "GameStore",
    "StoreFull",
    "StaleVersion",
    "parse_code",
    "parse_role",
    "clean_text",
    "default_path",
]

ALPHABET = "ACDEFGHJKMNPQRTUVWXY"
CODE_LENGTHS = range(4, 7)
MAX_ROOMS = 200
IDLE_SECONDS = 12 * 3600
MAX_TEXT = 200
MAX_DOC_BYTES = 200_000
#: Proposals a room keeps (the oldest are dropped): with MAX_TEXT, what keeps a room's
#: document far below MAX_DOC_BYTES.
MAX_PROPOSALS = 40
ENV_PATH = "SIB_GAME_DB"
_ROLES = ("facilitator", "municipality", "investor", "provider", "state")


class StoreFull(RuntimeError):
    """No room can be opened: :data:`MAX_ROOMS` are in use."""


class StaleVersion(RuntimeError):
    """The room changed since it was read; read it again and retry."""


@dataclass(frozen=True)
class Room:
    code: str
    version: int
    doc: dict[str, Any]


def default_path() -> Path:
    env = os.environ.get(ENV_PATH)
    if env:
        return Path(env)
    return Path(tempfile.gettempdir()) / "sib-game" / "game.sqlite3"


def parse_code(raw: object) -> str | None:
    """The room code in ``raw`` (upper-cased, surrounding spaces dropped), or None if it is
    not 4–6 letters of :data:`ALPHABET`."""
    if not isinstance(raw, str) or len(raw) > 20:
        return None
    code = raw.strip().upper()
    if len(code) not in CODE_LENGTHS or any(ch not in ALPHABET for ch in code):
        return None
    return code


def parse_role(raw: object) -> str | None:
    if not isinstance(raw, str) or len(raw) > 20:
        return None
    role = raw.strip().lower()
    return role if role in _ROLES else None


def clean_text(raw: object, limit: int = MAX_TEXT) -> str:
    """A user's text: a string without control characters, at most ``limit`` characters.
    (Still plain text: escape it where it is shown.)"""
    if not isinstance(raw, str):
        return ""
    kept = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") else ch
        for ch in raw[: limit * 4]
    )
    return " ".join(kept.split())[:limit]


def new_code(length: int = 4) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


class GameStore:
    """Rooms in one SQLite file; safe to use from many threads (one connection per call)."""

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        max_rooms: int = MAX_ROOMS,
        idle_seconds: float = IDLE_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.max_rooms = max_rooms
        self.idle_seconds = idle_seconds
        self.clock = clock
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS rooms (code TEXT PRIMARY KEY, doc TEXT NOT NULL,"
                " version INTEGER NOT NULL, touched REAL NOT NULL)"
            )

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=5.0, isolation_level=None)

    def _expire(self, db: sqlite3.Connection) -> None:
        db.execute("DELETE FROM rooms WHERE touched < ?", (self.clock() - self.idle_seconds,))

    def create(self, doc: dict[str, Any]) -> Room:
        """A new room holding ``doc``, under a fresh code (raises :class:`StoreFull`)."""
        text = _dump(doc)
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                self._expire(db)
                (count,) = db.execute("SELECT COUNT(*) FROM rooms").fetchone()
                if count >= self.max_rooms:
                    raise StoreFull
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
        return Room(code, 1, json.loads(text))

    def get(self, code: object) -> Room | None:
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
        return Room(parsed, int(row[1]), json.loads(row[0]))

    def update(self, room: Room, doc: dict[str, Any]) -> Room:
        """Store ``doc`` if the room is still at ``room.version`` (else :class:`StaleVersion`)."""
        text = _dump(doc)
        with self._connect() as db:
            cursor = db.execute(
                "UPDATE rooms SET doc=?, version=version+1, touched=? WHERE code=? AND version=?",
                (text, self.clock(), room.code, room.version),
            )
        if cursor.rowcount != 1:
            raise StaleVersion(room.code)
        return Room(room.code, room.version + 1, json.loads(text))

    def change(self, code: str, edit: Callable[[dict[str, Any]], None], tries: int = 5) -> Room:
        """Read, ``edit`` the document in place, write; retried when another session wrote
        in between. Raises KeyError for a missing room."""
        for _ in range(tries):
            room = self.get(code)
            if room is None:
                raise KeyError(code)
            doc = json.loads(json.dumps(room.doc))
            edit(doc)
            try:
                return self.update(room, doc)
            except StaleVersion:
                continue
        raise StaleVersion(code)

    def count(self) -> int:
        with self._connect() as db:
            self._expire(db)
            (count,) = db.execute("SELECT COUNT(*) FROM rooms").fetchone()
        return int(count)


def _dump(doc: dict[str, Any]) -> str:
    text = json.dumps(doc, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    if len(text.encode()) > MAX_DOC_BYTES:
        raise ValueError("room document too large")
    return text
