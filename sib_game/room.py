"""A negotiation room as typed data, and every change a game makes to it.

A :class:`Room` is frozen: each move of the game (open a round, propose, accept, close the
round, name a group, set the red lines) is a method that returns a *new* room, or raises a
:class:`Refused` saying why the move does not count. Nothing here reads a clock, a store or a
screen, so the rules of play are tested as plain functions; :mod:`sib_game.store` keeps rooms
between sessions and :mod:`ui.app.game` draws them.

A room is stored as a JSON document of this shape (rooms stored before a key existed still
load: a missing ``names`` is no names, a signed deal without ``lines`` was signed under the
room's lines)::

    {"base": {...scenario...}, "lines": {...red lines...}, "round": 1, "open": true,
     "table": {"contract": {...levers...}, "by": "investor", "round": 1},
     "accepted": ["investor"], "names": {"investor": "Team Fond"},
     "proposals": [{"role": "investor", "round": 1, "contract": {...}, "message": "..."}],
     "signed": null | {"contract": {...}, "round": 1, "lines": {...}},
     "keys": {"facilitator": "<sha256>", "investor": "<sha256>", ...},
     "issues": {"investor": 1}}

``keys`` holds the hash of each role's secret (:mod:`sib_game.access`), ``issues`` how often
a group's link was issued afresh. A room stored before rooms had secrets has no ``keys``: no
link opens it (it expires like any idle room).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, TypeAlias

from sib_model.scenario import Scenario
from sib_model.workspace import DEFAULT_MAX_LOSS, DEFAULT_TARGET_IRR

from .access import matches, new_token, role_token, token_hash
from .limits import MAX_NAME, MAX_PROPOSALS, MAX_TEXT
from .rules import ROLES, SIGNING_ROLES, RedLines, Role, clean_contract, contract_of

__all__ = [
    "MAX_TEXT",
    "MAX_NAME",
    "MAX_PROPOSALS",
    "Contract",
    "Proposer",
    "Table",
    "Proposal",
    "Deal",
    "Room",
    "Refused",
    "RoundClosed",
    "TableChanged",
    "NotASigner",
    "LinesLocked",
    "NotAdmitted",
    "clean_text",
    "lines_from_settings",
]


#: A contract: the levers of :data:`sib_game.rules.LEVERS` by name (DKK, fractions, the
#: payment basis' code), as :func:`sib_game.rules.clean_contract` returns them.
Contract: TypeAlias = dict[str, Any]
#: Who put a contract on the table: a role, or the facilitator (the room's opening terms).
Proposer: TypeAlias = Role | Literal["facilitator"]
_PROPOSERS: tuple[Proposer, ...] = ("facilitator", *ROLES)


def clean_text(raw: object, limit: int = MAX_TEXT) -> str:
    """A user's text: a string without control characters, at most ``limit`` characters.

    Still plain text: escape it where it is shown.
    """
    if not isinstance(raw, str):
        return ""
    kept = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") else ch
        for ch in raw[: limit * 4]
    )
    return " ".join(kept.split())[:limit]


class Refused(ValueError):
    """A move that does not count; the room is unchanged. Subclasses say why."""


class RoundClosed(Refused):
    """No round is open: a proposal or an accept arrived after the facilitator closed it."""


class TableChanged(Refused):
    """The table is no longer the one the group read: another proposal landed meanwhile."""


class NotASigner(Refused):
    """The role's signature is not part of a deal (the state)."""


class LinesLocked(Refused):
    """The red lines cannot change while a round is open."""


class NotAdmitted(Refused):
    """The secret given is not this role's (a bare, edited, old or wrong link)."""


@dataclass(frozen=True)
class Table:
    """The contract on the table, who put it there, and in which round (0: the opening)."""

    contract: Contract
    by: Proposer
    round: int

    def to_dict(self) -> dict[str, Any]:
        """The table as its JSON document holds it."""
        return {"contract": dict(self.contract), "by": self.by, "round": self.round}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Table:
        """Inverse of :meth:`to_dict`."""
        return cls(dict(data["contract"]), _proposer(data["by"]), int(data["round"]))


@dataclass(frozen=True)
class Proposal:
    """A contract a role put on the table in a round, with the message it sent along."""

    role: Role
    round: int
    contract: Contract
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The proposal as its JSON document holds it."""
        return {
            "role": self.role,
            "round": self.round,
            "contract": dict(self.contract),
            "message": self.message,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Proposal:
        """Inverse of :meth:`to_dict`."""
        return cls(
            _role(data["role"]),
            int(data["round"]),
            dict(data["contract"]),
            clean_text(data.get("message", "")),
        )


@dataclass(frozen=True)
class Deal:
    """A signed contract, the round it was signed in, and the red lines in force then (the
    debrief judges the deal by them, whatever the facilitator sets for a next round)."""

    contract: Contract
    round: int
    lines: RedLines

    def to_dict(self) -> dict[str, Any]:
        """The deal as its JSON document holds it."""
        return {"contract": dict(self.contract), "round": self.round, "lines": self.lines.to_dict()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], room_lines: RedLines) -> Deal:
        """Inverse of :meth:`to_dict`; a deal stored without its lines (before they were
        kept) was signed under ``room_lines``."""
        lines = data.get("lines")
        return cls(
            dict(data["contract"]),
            int(data["round"]),
            room_lines if lines is None else RedLines.from_dict(lines),
        )


def lines_from_settings(s: Scenario, settings: Mapping[str, Any]) -> RedLines:
    """The red lines a room starts with: the investor's and the municipality's terms of the
    Deal space page (``settings``, by :data:`sib_model.SETTINGS` names; missing ones take
    the model's defaults, :data:`~sib_model.workspace.DEFAULT_TARGET_IRR` and
    :data:`~sib_model.workspace.DEFAULT_MAX_LOSS`), the other lines their own defaults.
    Under the ``"wtp"`` test the municipality's willingness to pay defaults to the scenario's
    public saving per outcome."""
    wtp: float | None = None
    if settings.get("deal_test") == "wtp":
        wtp = float(settings.get("deal_wtp", s.public_savings_per_outcome))
    return RedLines(
        target_irr=float(settings.get("deal_target_irr", DEFAULT_TARGET_IRR)),
        max_loss=float(settings.get("deal_max_loss", DEFAULT_MAX_LOSS)),
        willingness_to_pay=wtp,
    )


@dataclass(frozen=True)
class Room:
    """One game: its base scenario, the red lines, the round, what is on the table, who
    accepted it, the proposals so far, the groups' names and the signed deal, if any.

    Frozen: every method below returns a new room (``dict`` fields are never mutated).
    """

    base: Scenario
    table: Table
    lines: RedLines = field(default_factory=RedLines)
    round: int = 0
    open: bool = False
    accepted: tuple[Role, ...] = ()
    proposals: tuple[Proposal, ...] = ()
    names: Mapping[Role, str] = field(default_factory=dict)
    signed: Deal | None = None
    keys: Mapping[Proposer, str] = field(default_factory=dict)
    issues: Mapping[Role, int] = field(default_factory=dict)

    # --- new rooms and JSON ------------------------------------------------------------

    @classmethod
    def new(cls, base: Scenario, settings: Mapping[str, Any] | None = None) -> Room:
        """A room on ``base`` whose red lines start from the Deal space's ``settings``
        (see :func:`lines_from_settings`), no round opened yet, and on the table the base
        scenario's own terms, put there by the facilitator."""
        opening = Table(contract_of(base), "facilitator", 0)
        return cls(base, opening, lines_from_settings(base, settings or {}))

    @classmethod
    def with_secrets(
        cls, base: Scenario, settings: Mapping[str, Any] | None = None
    ) -> tuple[Room, str]:
        """A new room (:meth:`new`) locked by a fresh facilitator's secret, and that secret
        (the only time it exists in clear: it goes into the facilitator's link)."""
        token = new_token()
        return cls.new(base, settings).keyed(token), token

    # --- who may enter ------------------------------------------------------------------

    def keyed(self, facilitator_token: str) -> Room:
        """The room locked by ``facilitator_token``: the hashes of its secret and of every
        group's secret derived from it (:func:`~sib_game.access.role_token`)."""
        keys: dict[Proposer, str] = {"facilitator": token_hash(facilitator_token)}
        for role in ROLES:
            keys[role] = token_hash(role_token(facilitator_token, role, self.issues.get(role, 0)))
        return replace(self, keys=keys)

    def admits(self, role: Proposer, token: object) -> bool:
        """True when ``token`` is ``role``'s secret (compared as hashes, in constant time)."""
        return matches(token, self.keys.get(role))

    def entered(self, role: Proposer, token: object) -> Room:
        """The room, if ``token`` opens ``role``'s screen; else :class:`NotAdmitted`. Put in
        front of every move a screen makes, so a revoked link's open tab moves nothing."""
        if not self.admits(role, token):
            raise NotAdmitted(role)
        return self

    def link_token(self, role: Role, facilitator_token: object) -> str:
        """The secret of ``role``'s current link, for the facilitator only
        (:class:`NotAdmitted` for any other token)."""
        self.entered("facilitator", facilitator_token)
        assert isinstance(facilitator_token, str)  # admitted: a string
        return role_token(facilitator_token, role, self.issues.get(role, 0))

    def reissued(self, role: Role, facilitator_token: object) -> Room:
        """A fresh link for ``role`` (the facilitator's move): the old one stops opening the
        room. :class:`NotAdmitted` for any token but the facilitator's."""
        self.entered("facilitator", facilitator_token)
        assert isinstance(facilitator_token, str)
        issue = self.issues.get(role, 0) + 1
        fresh = token_hash(role_token(facilitator_token, role, issue))
        return replace(self, issues={**self.issues, role: issue}, keys={**self.keys, role: fresh})

    def to_dict(self) -> dict[str, Any]:
        """The room as its JSON document (see the module's docstring for the shape)."""
        return {
            "base": self.base.to_dict(),
            "lines": self.lines.to_dict(),
            "round": self.round,
            "open": self.open,
            "table": self.table.to_dict(),
            "accepted": list(self.accepted),
            "proposals": [p.to_dict() for p in self.proposals],
            "names": dict(self.names),
            "signed": None if self.signed is None else self.signed.to_dict(),
            "keys": dict(self.keys),
            "issues": dict(self.issues),
        }

    @classmethod
    def from_dict(cls, doc: Mapping[str, Any]) -> Room:
        """Inverse of :meth:`to_dict`; also reads documents stored before ``names`` and the
        signed deal's ``lines`` were kept. Raises ``KeyError``, ``TypeError`` or
        ``ValueError`` (``ScenarioError`` among them) for a document of another shape."""
        base = Scenario.from_dict(dict(doc["base"]))
        lines = RedLines.from_dict(doc.get("lines", {}))
        signed = doc.get("signed")
        return cls(
            base=base,
            lines=lines,
            round=int(doc["round"]),
            open=bool(doc["open"]),
            table=Table.from_dict(doc["table"]),
            accepted=tuple(_role(r) for r in doc.get("accepted", ())),
            proposals=tuple(Proposal.from_dict(p) for p in doc.get("proposals", ())),
            names={_role(r): clean_text(n, MAX_NAME) for r, n in doc.get("names", {}).items()},
            signed=None if not signed else Deal.from_dict(signed, lines),
            keys={_proposer(r): _hex(h) for r, h in doc.get("keys", {}).items()},
            issues={_role(r): int(n) for r, n in doc.get("issues", {}).items()},
        )

    # --- the facilitator's moves --------------------------------------------------------

    def open_round(self) -> Room:
        """The next round, open for proposals (a signed deal of an earlier round is set
        aside); an open round stays as it is."""
        if self.open:
            return self
        return replace(self, round=self.round + 1, open=True, signed=None)

    def close_round(self) -> Room:
        """The round closed; the table is signed when every signing role
        (:data:`~sib_game.rules.SIGNING_ROLES`) has accepted it."""
        signed = self.signed
        if set(SIGNING_ROLES) <= set(self.accepted):
            signed = Deal(dict(self.table.contract), self.round, self.lines)
        return replace(self, open=False, signed=signed)

    def with_lines(self, lines: RedLines) -> Room:
        """The room under new red lines; refused (:class:`LinesLocked`) while a round is
        open, so a group's goal never moves under it."""
        if self.open:
            raise LinesLocked
        return replace(self, lines=lines)

    # --- the groups' moves --------------------------------------------------------------

    def propose(self, role: Role, contract: Mapping[str, Any], message: str = "") -> Room:
        """``role``'s contract on the table (only the levers, validated by the scenario:
        ``ScenarioError`` for terms it refuses), accepted by its proposer if that role signs,
        and kept among the last :data:`MAX_PROPOSALS` proposals. Refused
        (:class:`RoundClosed`) when no round is open."""
        if not self.open:
            raise RoundClosed
        clean = clean_contract(dict(contract), self.base)
        proposal = Proposal(role, self.round, clean, clean_text(message))
        return replace(
            self,
            table=Table(clean, role, self.round),
            accepted=(role,) if role in SIGNING_ROLES else (),
            proposals=(*self.proposals[-(MAX_PROPOSALS - 1) :], proposal),
        )

    def accept(self, role: Role, seen: Table) -> Room:
        """``role`` accepts the table it saw (``seen``, as its screen drew it). Refused when
        no round is open (:class:`RoundClosed`), when the role does not sign
        (:class:`NotASigner`), or when something else is on the table now
        (:class:`TableChanged`): a group accepts what it read, never a proposal that landed
        between reading and clicking."""
        if not self.open:
            raise RoundClosed
        if role not in SIGNING_ROLES:
            raise NotASigner(role)
        if self.table != seen:
            raise TableChanged
        if role in self.accepted:
            return self
        return replace(self, accepted=(*self.accepted, role))

    def named(self, role: Role, name: str) -> Room:
        """The room with ``role``'s group called ``name`` (cleaned, at most
        :data:`MAX_NAME` characters)."""
        return replace(self, names={**self.names, role: clean_text(name, MAX_NAME)})


def _role(raw: object) -> Role:
    """A role read from a stored document (``ValueError`` for anything else)."""
    for role in ROLES:
        if raw == role:
            return role
    raise ValueError(f"not a role: {raw!r}")


def _hex(raw: object) -> str:
    """A stored secret's hash (64 hex digits; ``ValueError`` for anything else)."""
    if not isinstance(raw, str) or len(raw) != 64 or any(c not in "0123456789abcdef" for c in raw):
        raise ValueError("not a secret's hash")
    return raw


def _proposer(raw: object) -> Proposer:
    """Who put a stored table there (``ValueError`` for anything else)."""
    for who in _PROPOSERS:
        if raw == who:
            return who
    raise ValueError(f"not a proposer: {raw!r}")
