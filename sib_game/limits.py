"""Every limit of the game in one place, each with its reason.

The game runs on one or two small replicas for workshops of a few rooms each; nothing else
stops one client (a script, a refresh-happy tab) from filling the store for everybody or
trying room codes and secrets until one fits. The limits below keep a room, and the server,
for the people in it. Rates are counted per browser session *and* per client address, in the
rooms' own database (:meth:`sib_game.store.GameStore.take`), so they hold across replicas;
a limit reached refuses the action with a message, and one client over its limit leaves every
other client untouched.

Pure: no Streamlit; :mod:`ui.app.game` says where a session's id and the client's address
come from (:func:`client_address`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = [
    "Limit",
    "ROOMS_PER_SESSION",
    "ROOMS_PER_CLIENT",
    "WRONG_LINKS_PER_SESSION",
    "WRONG_LINKS_PER_CLIENT",
    "RATE_LIMITS",
    "MAX_ROOMS",
    "IDLE_SECONDS",
    "IDLE_FIRST_SECONDS",
    "MAX_DOC_BYTES",
    "MAX_PROPOSALS",
    "MAX_TEXT",
    "MAX_NAME",
    "client_address",
    "LIMITS_ENV",
    "rate_limits_on",
]


@dataclass(frozen=True)
class Limit:
    """At most ``events`` of one kind in any ``seconds`` (a sliding window), per ``per``
    (``"session"``: one browser tab's session; ``"client"``: one address)."""

    name: str
    events: int
    seconds: float
    per: str
    reason: str

    @property
    def minutes(self) -> int:
        """The window in whole minutes (what a message tells the reader to wait at most)."""
        return max(1, round(self.seconds / 60))


ROOMS_PER_SESSION = Limit(
    "rooms_per_session",
    5,
    600,
    "session",
    "A facilitator starts one room per game, a few when trying things out; more than 5 in "
    "10 minutes from one tab is a loop or a script filling the store for everyone.",
)
ROOMS_PER_CLIENT = Limit(
    "rooms_per_client",
    10,
    600,
    "client",
    "A new tab is a new session, so one address is limited too; 10 in 10 minutes leaves room "
    "for two facilitators behind one school or office address.",
)
WRONG_LINKS_PER_SESSION = Limit(
    "wrong_links_per_session",
    10,
    600,
    "session",
    "A person with a mistyped or outdated link tries a few times; 10 wrong room codes or "
    "secrets in 10 minutes is someone trying codes. (A secret has 128 bits: limiting tries "
    "mostly stops a script probing which room codes exist.)",
)
WRONG_LINKS_PER_CLIENT = Limit(
    "wrong_links_per_client",
    30,
    600,
    "client",
    "The same across the tabs of one address; a classroom behind one address with several "
    "groups mistyping still fits in 30.",
)
#: Every rate limit, by name.
RATE_LIMITS = {
    limit.name: limit
    for limit in (
        ROOMS_PER_SESSION,
        ROOMS_PER_CLIENT,
        WRONG_LINKS_PER_SESSION,
        WRONG_LINKS_PER_CLIENT,
    )
}

#: Rooms kept at once: a workshop server serves a few workshops a day; 200 rooms of at most
#: :data:`MAX_DOC_BYTES` keep the file under 40 MB.
MAX_ROOMS = 200
#: A room with no activity for 12 hours is deleted: a workshop day, with its debrief.
IDLE_SECONDS = 12 * 3600
#: When the store is full, a new room replaces the room idle longest, if it has been idle
#: for at least an hour (a game in progress refreshes its room every few seconds and writes
#: at every move; an hour of silence is a game that has ended or never started).
IDLE_FIRST_SECONDS = 3600
#: A room's JSON document above this is refused (a full room is about 40 kB).
MAX_DOC_BYTES = 200_000
#: Proposals a room keeps (the oldest are dropped): with :data:`MAX_TEXT`, what keeps a
#: room's document far below :data:`MAX_DOC_BYTES`.
MAX_PROPOSALS = 40
#: Longest message a group may send with a proposal (characters).
MAX_TEXT = 200
#: Longest group name (characters).
MAX_NAME = 40


#: ``SIB_GAME_LIMITS=off`` switches the rate limits off, for a load test on a server of its
#: own (``benchmarks/load_test.py``, ``deploy/two_replicas.py``): it plays dozens of rooms
#: from one address. Never set on a server people use.
LIMITS_ENV = "SIB_GAME_LIMITS"


def rate_limits_on() -> bool:
    """Whether the rate limits apply (unless :data:`LIMITS_ENV` is ``off``)."""
    return os.environ.get(LIMITS_ENV, "on").strip().lower() != "off"


def client_address(forwarded_for: str | None, peer: str | None) -> str:
    """The address a client is counted by.

    ``peer`` is the connection's own address (None for a loopback connection, as Streamlit's
    ``st.context.ip_address`` gives it). Behind the nginx of ``deploy/`` every connection
    comes from loopback, and nginx appends the address it saw to ``X-Forwarded-For``: the
    *last* entry is that one (entries before it are whatever the client sent, so never
    trusted). A connection from anywhere else is counted by its own address, and its
    ``X-Forwarded-For`` ignored (the client could write anything there)."""
    if peer:
        return peer
    if forwarded_for:
        last = forwarded_for.split(",")[-1].strip()
        if last:
            return last[:64]
    return "local"
