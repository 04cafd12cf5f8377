"""deploy/local_postgres.py: a throwaway PostgreSQL server that starts on a free port of its
range, skipping one taken meanwhile, and leaves nothing behind; where PostgreSQL is missing,
a clear reason."""

from __future__ import annotations

import socket
from pathlib import Path

import psycopg
import pytest

import deploy.local_postgres
from deploy.local_postgres import (
    DEFAULT_PORTS,
    PORTS_ENV,
    PostgresUnavailable,
    local_postgres,
    port_range,
    server_programs,
)


def test_the_ports_come_from_the_setting_or_the_default_range(monkeypatch):
    monkeypatch.delenv(PORTS_ENV, raising=False)
    assert port_range() == DEFAULT_PORTS == range(55430, 55440)
    monkeypatch.setenv(PORTS_ENV, "55500-55503")
    assert list(port_range()) == [55500, 55501, 55502, 55503]
    assert list(port_range("55600")) == [55600]
    for bad in ("80-90", "55510-55500", "port"):
        with pytest.raises(ValueError, match="not a range of ports"):
            port_range(bad)


def test_without_postgresql_the_reason_says_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setattr(deploy.local_postgres.shutil, "which", lambda _name: None)
    monkeypatch.setattr(deploy.local_postgres, "DEBIAN_PROGRAMS", tmp_path)
    with pytest.raises(PostgresUnavailable, match="make postgres-deps"):
        server_programs()


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_a_port_taken_meanwhile_is_skipped_and_nothing_is_left_behind(monkeypatch):
    try:
        server_programs()
    except PostgresUnavailable as missing:
        pytest.skip(str(missing))
    ports = range(55437, 55440)
    taken = socket.socket()
    try:
        taken.bind(("127.0.0.1", ports[0]))
    except OSError:
        pytest.skip(f"port {ports[0]} is in use by something else")
    taken.listen()
    # As if the port were free when looked at, and taken just before the server bound it.
    monkeypatch.setattr(deploy.local_postgres, "_free", lambda _port: True)
    monkeypatch.setenv(PORTS_ENV, f"{ports[0]}-{ports[-1]}")
    with taken, local_postgres() as url:
        port = int(url.split(":")[-1].split("/")[0])
        assert port in ports[1:]
        with psycopg.connect(url.replace("+psycopg", "")) as db:
            folder = db.execute("SHOW data_directory").fetchone()[0]
            assert db.execute("SELECT current_database()").fetchone() == ("sib",)
    assert not _listening(port)
    assert not Path(folder).exists()
