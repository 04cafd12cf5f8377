"""Every game test gets a room store of its own (``SIB_GAME_DB`` in its temporary folder)."""

from __future__ import annotations

import pytest

import ui.app.game


@pytest.fixture(autouse=True)
def own_store(tmp_path, monkeypatch):
    monkeypatch.setenv("SIB_GAME_DB", str(tmp_path / "game.sqlite3"))
    ui.app.game.reset_store()
    yield
    ui.app.game.reset_store()
