"""Fixtures of the AppTest suites."""

from __future__ import annotations

import pytest

import ui.app.game


@pytest.fixture
def own_game_store(tmp_path, monkeypatch):
    """The game's screens use a room store of the test's own (``SIB_GAME_DB`` in its folder),
    so no room of one test is seen by another (the game suites use it for every test)."""
    monkeypatch.setenv("SIB_GAME_DB", str(tmp_path / "game.sqlite3"))
    ui.app.game.reset_store()
    yield
    ui.app.game.reset_store()
