"""Shared pieces of the game's tests: a store of its own in each test's temporary folder."""

from __future__ import annotations

import pytest

from sib_game.store import GameStore


@pytest.fixture
def store(tmp_path) -> GameStore:
    """An empty room store on a file of the test's own."""
    return GameStore(tmp_path / "game.sqlite3")
