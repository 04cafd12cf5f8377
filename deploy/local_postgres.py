"""A throwaway PostgreSQL server in a temporary folder, for the tests and for local runs.

``with local_postgres() as url:`` makes a new cluster with Debian's ``initdb`` in a folder of
its own, starts it with ``pg_ctl`` on 127.0.0.1 at a free port of 55430–55439 (or the range
``SIB_TEST_PG_PORTS="first-last"``), makes the database ``sib`` and yields its SQLAlchemy URL
(``postgresql+psycopg://postgres@127.0.0.1:<port>/sib``, what ``SIB_GAME_DATABASE_URL``
takes); afterwards it stops the server and deletes the folder.

- Debian does not put ``initdb``/``pg_ctl`` on ``PATH``: they are looked for there first, then
  in ``/usr/lib/postgresql/<version>/bin`` (the newest version). None found:
  :class:`PostgresUnavailable` (``make postgres-deps`` installs Debian's ``postgresql``).
- ``initdb`` refuses to run as root, and a server must not: as root, the server runs as
  Debian's ``postgres`` system user (the package makes it; else ``nobody``), which owns the
  folder. Otherwise it runs as the current user.
- Only loopback: it listens on 127.0.0.1, its socket sits in its own 0700 folder, and
  ``pg_hba.conf`` trusts the socket and 127.0.0.1 only (no password: any local user could
  connect while it runs, so it is for throwaway data only).
- Throwaway, so fast: ``fsync``, ``synchronous_commit`` and ``full_page_writes`` are off (a
  crash of the machine loses it, which does not matter here), ``initdb --no-sync``.
- Two test workers (pytest-xdist) each start their own server: ``prefer`` picks where in the
  range a worker starts looking, and a port another process took meanwhile is skipped.

``python -m deploy.local_postgres`` starts one, prints its URL and keeps it until Ctrl-C.
"""

from __future__ import annotations

import argparse
import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

__all__ = [
    "DEFAULT_PORTS",
    "PORTS_ENV",
    "PostgresUnavailable",
    "local_postgres",
    "port_range",
    "server_programs",
]

DEFAULT_PORTS = range(55430, 55440)
#: ``first-last`` (or one port): where the throwaway servers may listen.
PORTS_ENV = "SIB_TEST_PG_PORTS"
#: Where Debian keeps each version's server programs (``<version>/bin``).
DEBIAN_PROGRAMS = Path("/usr/lib/postgresql")
SUPERUSER = "postgres"
DATABASE = "sib"
#: Settings of a throwaway server (see the module's docstring).
SERVER_SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "shared_buffers": "32MB",
    "max_connections": "60",
}
HBA = "local all all trust\nhost all all 127.0.0.1/32 trust\n"
_BIND_FAILED = re.compile(r"could not bind|already in use|could not create any TCP/IP sockets")


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server programs (``initdb``, ``pg_ctl``) on this machine."""


def server_programs() -> Path:
    """The folder holding ``initdb`` and ``pg_ctl``: on ``PATH``, else the newest
    ``/usr/lib/postgresql/<version>/bin`` (Debian's place)."""
    on_path = shutil.which("pg_ctl")
    if on_path and (Path(on_path).parent / "initdb").exists():
        return Path(on_path).parent
    found = [
        folder
        for folder in DEBIAN_PROGRAMS.glob("*/bin")
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists()
    ]
    if not found:
        raise PostgresUnavailable(
            "PostgreSQL is not installed (no initdb/pg_ctl on PATH or in "
            "/usr/lib/postgresql/*/bin): `make postgres-deps` installs Debian's postgresql "
            "as root, or `sudo apt-get install postgresql`"
        )
    return max(found, key=lambda folder: _version(folder.parent.name))


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", name))


def port_range(spec: str | None = None) -> range:
    """The ports to try: ``spec`` or ``SIB_TEST_PG_PORTS`` (``"55430-55439"`` or one port),
    else :data:`DEFAULT_PORTS`."""
    spec = spec if spec is not None else os.environ.get(PORTS_ENV, "")
    if not spec.strip():
        return DEFAULT_PORTS
    first, _, last = spec.strip().partition("-")
    low, high = first.strip(), (last or first).strip()
    if not (low.isdigit() and high.isdigit() and 1024 <= int(low) <= int(high) <= 65535):
        raise ValueError(f"{PORTS_ENV}={spec!r} is not a range of ports such as 55430-55439")
    return range(int(low), int(high) + 1)


def _free(port: int) -> bool:
    """Whether nothing listens on 127.0.0.1:``port`` now (the server may still lose a race
    for it, which :func:`local_postgres` handles)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


class _Runner:
    """Runs the server's programs as the user the server belongs to (see the module)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.ids: tuple[int, int] | None = None
        if os.geteuid() == 0:
            try:
                user = pwd.getpwnam(SUPERUSER)
            except KeyError:
                user = pwd.getpwnam("nobody")
            self.ids = (user.pw_uid, user.pw_gid)
            os.chown(folder, *self.ids)
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        self.env.update(HOME=str(folder), LC_ALL="C", LANG="C")

    def run(self, command: Sequence[str | Path]) -> subprocess.CompletedProcess[str]:
        extra: dict[str, object] = {}
        if self.ids is not None:
            extra = {"user": self.ids[0], "group": self.ids[1], "extra_groups": []}
        return subprocess.run(
            [str(part) for part in command],
            cwd=self.folder,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            **extra,  # type: ignore[call-overload]
        )

    def write(self, path: Path, text: str) -> None:
        path.write_text(text)
        if self.ids is not None:
            os.chown(path, *self.ids)


def _initdb(runner: _Runner, programs: Path, data: Path) -> None:
    made = runner.run(
        [
            programs / "initdb",
            "-D",
            data,
            "-U",
            SUPERUSER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        ]
    )
    if made.returncode != 0:
        raise RuntimeError(f"initdb failed:\n{made.stdout}\n{made.stderr}")
    runner.write(data / "pg_hba.conf", HBA)


def _start(runner: _Runner, programs: Path, data: Path, port: int) -> bool:
    """Start the server on ``port``; False when the port was taken (try another)."""
    log = runner.folder / "server.log"
    settings = {**SERVER_SETTINGS, "port": str(port), "unix_socket_directories": runner.folder}
    options = " ".join(f"-c {name}={shlex.quote(str(v))}" for name, v in settings.items())
    started = runner.run(
        [programs / "pg_ctl", "-D", data, "-l", log, "-w", "-t", "60", "-o", options, "start"]
    )
    if started.returncode == 0:
        return True
    text = log.read_text(errors="replace") if log.exists() else ""
    if _BIND_FAILED.search(text):
        return False
    raise RuntimeError(
        f"PostgreSQL did not start on port {port}:\n{started.stdout}{started.stderr}\n"
        f"{text[-3000:]}"
    )


def _make_database(port: int, database: str) -> None:
    import psycopg  # the server's client library: only needed once a server runs

    with psycopg.connect(
        host="127.0.0.1", port=port, user=SUPERUSER, dbname="postgres", autocommit=True
    ) as db:
        db.execute(f'CREATE DATABASE "{database}"'.encode())


@contextmanager
def local_postgres(
    port: int | None = None, *, prefer: int = 0, database: str = DATABASE
) -> Iterator[str]:
    """A new PostgreSQL server for the duration of the block; yields its SQLAlchemy URL.

    ``port``: that port only; else the first free port of :func:`port_range`, starting at
    its ``prefer``-th (a test worker's number). :class:`PostgresUnavailable` when PostgreSQL
    is not installed; RuntimeError when it is but cannot be started (with its log)."""
    programs = server_programs()
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", database):
        raise ValueError(f"database name {database!r}: lower-case letters, digits, _")
    ports = [port] if port is not None else list(port_range())
    start = prefer % len(ports)
    ports = ports[start:] + ports[:start]
    folder = Path(tempfile.mkdtemp(prefix="sib-pg-"))
    data = folder / "data"
    runner: _Runner | None = None
    running = False
    try:
        runner = _Runner(folder)
        _initdb(runner, programs, data)
        for candidate in ports:
            if _free(candidate) and _start(runner, programs, data, candidate):
                running = True
                break
        else:
            raise RuntimeError(f"no free port for PostgreSQL among {ports}")
        _make_database(candidate, database)
        yield f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{candidate}/{database}"
    finally:
        if running and runner is not None:
            runner.run([programs / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"])
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, help="this port only (default: a free one)")
    args = parser.parse_args(argv)
    # Stopped by a signal too (a parent's terminate()): the server stops, the folder goes.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    t0 = time.monotonic()
    with local_postgres(args.port) as url, suppress(KeyboardInterrupt):
        print(f"PostgreSQL ready in {time.monotonic() - t0:.1f} s; until Ctrl-C:", flush=True)
        print(f"SIB_GAME_DATABASE_URL={url}", flush=True)
        signal.pause()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
