"""The game's AppTest helpers, shared by the suites of its screens (each suite runs on a room
store of its own: ``own_game_store`` in ``conftest.py``): rooms locked by secrets the tests
keep, each role's link as the facilitator hands it out, the lobby's join box, and what a
screen shows of the room."""

from __future__ import annotations

import ui.app.game
from sib_game.room import Room
from sib_game.rules import ROLES
from sib_model import Scenario
from tests._app import button, text_of

EN = ui.app.game.Translator("en")
DA = ui.app.game.Translator("da")


#: Each test room's facilitator's secret, by the room's code.
_SECRETS: dict[str, str] = {}


def _room(base: Scenario | None = None) -> str:
    """A new room's code (on ``base``, else the default scenario), locked by secrets."""
    room, token = Room.with_secrets(base or Scenario())
    code = ui.app.game.store().create(room).code
    _SECRETS[code] = token
    return code


def _key(code: str, role: str) -> str:
    """The secret of ``role``'s current link to room ``code``."""
    token = _SECRETS[code]
    return token if role == "facilitator" else _stored(code).link_token(role, token)


def _link(code: str, role: str, **extra: str) -> dict[str, str]:
    """The query of ``role``'s link to room ``code``, as the facilitator hands it out."""
    return {"room": code, "role": role, "key": _key(code, role), **extra}


def _seat(code: str, role: str) -> ui.app.game.Seat:
    return ui.app.game.Seat(code, role, _key(code, role))


def _stored(code: str) -> Room:
    return ui.app.game.store().get(code).room


def _move(code: str, move) -> None:
    """A move made in another session (here: straight through the store)."""
    ui.app.game.store().change(code, move)


def _join(at, pasted: str) -> None:
    """Paste ``pasted`` into the lobby's join box and press "Join"."""
    next(b for b in at.text_input if b.label == EN("game_join_link")).input(pasted)
    button(at, "game_join").click().run()


def _goals_shown(at, code: str) -> list[str]:
    """The roles whose red lines (their goal, as a group reads it) the screen shows."""
    lines = _stored(code).lines
    text = text_of(at)
    return [role for role in ROLES if ui.app.game.goal_text(role, lines, EN) in text]


def _incomplete(at) -> bool:
    shown = EN("game_link_incomplete") in [w.value for w in at.warning]
    return shown and EN("game_start") in [b.label for b in at.button]  # and the lobby
