"""The negotiation game, without a screen: its rules, a typed room and where rooms are kept.

* :mod:`sib_game.rules` — the roles, the levers a group may move, each role's red lines and
  figures, and whether a role would sign;
* :mod:`sib_game.room` — a room as typed data (:class:`~sib_game.room.Room`) and every change a
  game makes to it: open and close a round, propose, accept, name a group;
* :mod:`sib_game.access` — one secret per role, kept as a hash: what a link needs to open a
  screen of a room;
* :mod:`sib_game.limits` — every limit with its reason: rooms and wrong links per session
  and per client address, the store's bounds;
* :mod:`sib_game.store` — rooms shared by every session and replica (SQLite in one file, or
  PostgreSQL for several machines: one URL setting, ``SIB_GAME_DATABASE_URL``), with an
  optimistic version check, a room cap, expiry and size bounds.

May import: ``sib_model``, SQLAlchemy (Core; psycopg under it for PostgreSQL) and the standard
library; never Streamlit, plotly or ``ui`` (the screens live in :mod:`ui.app.game`).
"""
