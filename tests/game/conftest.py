"""Shared pieces of the game's tests: a store of its own for each test, on each backend.

Every test that takes ``store`` (or ``make_store``, for a store with its own clock or cap)
runs twice: on a SQLite file in the test's temporary folder, and on a real PostgreSQL server
(:mod:`deploy.local_postgres`, one per test process, started once per session; its tables
are emptied before each test; two pytest-xdist workers start two servers on different
ports). Where PostgreSQL is not installed the ``postgresql`` runs are skipped with the reason
(under ``CI`` they fail); ``make test`` installs it (``make postgres-deps``), and a server that
is installed but does not start fails the run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import URL, text

from deploy.local_postgres import PostgresUnavailable, local_postgres, server_programs
from sib_game.store import BACKENDS, GameStore, dispose_engines, sqlite_url


def _worker_number() -> int:
    """pytest-xdist's worker (``gw0``, ``gw1``…), so two workers try different ports first."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    return int(worker[2:]) if worker.startswith("gw") and worker[2:].isdigit() else 0


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL server for this test process, and its URL."""
    try:
        server_programs()
    except PostgresUnavailable as missing:
        if os.environ.get("CI"):  # CI installs it (make postgres-deps): missing is a failure
            pytest.fail(f"{missing}; CI must run the store tests on PostgreSQL")
        pytest.skip(str(missing))
    with local_postgres(prefer=_worker_number()) as url:
        yield url
        dispose_engines()  # the pool's connections closed before the server stops


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path) -> URL | str:
    """An empty database of each backend: a new SQLite file, or the session's PostgreSQL
    server with its tables emptied."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "game.sqlite3")
    url: str = request.getfixturevalue("postgres_url")
    with GameStore(url=url).engine.begin() as db:  # the tables made, then emptied
        db.execute(text("TRUNCATE rooms, hits"))
    return url


@pytest.fixture
def make_store(database_url) -> Callable[..., GameStore]:
    """``make_store(clock=..., max_rooms=...)``: a store on the test's database."""
    return lambda **settings: GameStore(url=database_url, **settings)


@pytest.fixture
def store(make_store) -> GameStore:
    """An empty room store on the test's database."""
    return make_store()
