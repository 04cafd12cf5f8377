"""The production way on one machine: N replicas of the dashboard behind nginx (``make serve``).

One Streamlit process runs every session's script on one core at a time (Python's global
interpreter lock), so a room of 30 laptops on one process queues behind one core however many
the machine has. ``make serve`` starts one replica per core (``--replicas``, default: the
cores this process may use) on loopback ports after nginx's, and nginx in front of them with
``deploy/nginx-sib.conf``: sticky by cookie (a session's websocket and its reconnects reach the
replica that holds it), compressed, versioned static files cached for a year, the security
headers on every response. nginx listens on every interface by default (``--address``), so the
phones and laptops in the room reach it at this machine's address; the replicas listen on
loopback only.

Run from the repository root (Debian's ``nginx`` is needed; ``make serve`` installs it when
missing and run as root)::

    .venv/bin/python -m deploy.serve [--port 8501] [--replicas N] [--address 0.0.0.0]
        [--env NAME=VALUE ...]

Every replica runs with the production settings (``deploy/streamlit-production.toml``) and
shares the game's rooms: the SQLite file of :mod:`sib_game.store` (the same default path for
every replica of one user) or the database server its settings name. A replica that exits is
started again within a second (a supervisor's restart: its users' browsers reconnect by
themselves, nginx sends them to a live replica meanwhile, and the link in their address bar
rebuilds their scenario). Ctrl-C or SIGTERM stops nginx and every replica.

nginx, its logs (``access.log`` for status codes and times) and each replica's log live in a
temporary folder printed at start. Streamlit's own figures per replica are at
``http://127.0.0.1:<replica port>/_stcore/metrics``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path

from deploy.nginx_site import main_conf, site
from deploy.settings import production_flags

REPO_ROOT = Path(__file__).resolve().parents[1]
#: nginx's port by default: the one ``make run`` uses, so a room's link does not change.
DEFAULT_PORT = 8501


def cores() -> int:
    """The cores this process may run on (a container's or ``taskset``'s limit counts)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def replica_ports(port: int, replicas: int = 0) -> list[int]:
    """The ports after nginx's ``port``, one per replica; ``replicas=0`` means one per core."""
    count = replicas or cores()
    if not 1 <= count <= 64:
        raise ValueError("between 1 and 64 replicas")
    return [port + 1 + i for i in range(count)]


def find_nginx() -> str:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise FileNotFoundError("nginx is missing: apt-get install nginx-light (make serve does)")
    return nginx


def wait_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 90) -> None:
    """Wait until ``url``'s ``/_stcore/health`` answers 200; fail early if ``process`` exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]!s} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} not healthy within {timeout:.0f} s")


class Cluster:
    """nginx on ``proxy_port`` in front of one replica per port of ``replica_ports``, each in
    its own process group, their files in ``workdir``; :meth:`stop` ends them all.

    ``env`` is added to every replica's environment (where the game's rooms live, say);
    ``settings`` replace single production settings (``server_disconnectedSessionTTL=20``).
    ``debug`` makes nginx say which replica answered (``X-Upstream``), for the checks.
    """

    def __init__(
        self,
        workdir: Path,
        *,
        proxy_port: int,
        replica_ports: Sequence[int],
        address: str = "127.0.0.1",
        env: Mapping[str, str] | None = None,
        settings: Mapping[str, object] | None = None,
        debug: bool = False,
    ) -> None:
        self.workdir = workdir
        self.proxy_port = proxy_port
        self.replica_ports = tuple(replica_ports)
        self.address = address
        self.env = dict(env or {})
        self.settings = dict(settings or {})
        self.debug = debug
        self.replicas: dict[int, subprocess.Popen[bytes]] = {}
        self.restarts: dict[int, int] = dict.fromkeys(self.replica_ports, 0)
        self.nginx: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.address in ("0.0.0.0", "::") else self.address
        return f"http://{host}:{self.proxy_port}"

    def start(self) -> str:
        """Start the replicas, wait until each is healthy, then nginx; return nginx's URL."""
        nginx = find_nginx()
        for port in self.replica_ports:
            self.start_replica(port)
        for port, process in self.replicas.items():
            wait_healthy(f"http://127.0.0.1:{port}", process)
        host = f"[{self.address}]" if ":" in self.address else self.address
        listen = f"{host}:{self.proxy_port}"
        text = site(listen, [f"127.0.0.1:{port}" for port in self.replica_ports], debug=self.debug)
        conf = self.workdir / "nginx.conf"
        conf.write_text(main_conf(text, self.workdir))
        self.nginx = subprocess.Popen(
            [nginx, "-p", str(self.workdir), "-c", str(conf), "-g", "daemon off;"],
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_healthy(self.url, self.nginx, timeout=20)
        return self.url

    def start_replica(self, port: int) -> None:
        log = (self.workdir / f"replica-{port}.log").open("ab")
        self.replicas[port] = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                *production_flags(**self.settings),
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
            ],
            cwd=REPO_ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            env={**os.environ, **self.env},
        )
        log.close()  # the child holds its own copy

    def restart(self, port: int) -> None:
        """Start a replica that exited again and wait until it is healthy."""
        self.start_replica(port)
        self.restarts[port] += 1
        wait_healthy(f"http://127.0.0.1:{port}", self.replicas[port])

    def revive(self) -> list[int]:
        """Restart every replica that has exited; the ports restarted."""
        dead = [port for port, process in self.replicas.items() if process.poll() is not None]
        for port in dead:
            self.restart(port)
        return dead

    def kill(self, port: int) -> None:
        """SIGKILL one replica and everything it started: a crash, not a shutdown."""
        process = self.replicas[port]
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def pids(self) -> list[int]:
        return [process.pid for process in self.replicas.values()]

    def stop(self) -> None:
        for process in [*self.replicas.values(), self.nginx]:
            if process is None or process.poll() is not None:
                continue
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=10)
            except ProcessLookupError:
                continue
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)


def serve(cluster: Cluster, stop: threading.Event, every: float = 1.0) -> None:
    """Keep ``cluster`` running until ``stop`` is set: restart any replica that exits."""
    while not stop.wait(every):
        for port in cluster.revive():
            print(f"replica on port {port} had exited: started again", flush=True)


def _env_pairs(pairs: Sequence[str]) -> dict[str, str]:
    env = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise argparse.ArgumentTypeError(f"--env wants NAME=VALUE, got {pair!r}")
        env[name] = value
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="nginx's port")
    parser.add_argument(
        "--replicas",
        type=int,
        default=0,
        help="Streamlit processes (default 0: one per core this process may use)",
    )
    parser.add_argument(
        "--address", default="0.0.0.0", help="where nginx listens (default: every interface)"
    )
    parser.add_argument(
        "--env", action="append", default=[], help="NAME=VALUE for every replica (repeatable)"
    )
    args = parser.parse_args(argv)
    try:
        ports = replica_ports(args.port, args.replicas)
    except ValueError as error:
        parser.error(f"--replicas: {error}")
    replicas = len(ports)
    workdir = Path(tempfile.mkdtemp(prefix="sib-serve-"))
    cluster = Cluster(
        workdir,
        proxy_port=args.port,
        replica_ports=ports,
        address=args.address,
        env=_env_pairs(args.env),
    )
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    try:
        url = cluster.start()
        print(
            f"SIB Scenario Explorer: {url} (nginx on {args.address}:{args.port}, "
            f"{replicas} replica{'s' if replicas != 1 else ''} on ports "
            f"{ports[0]}–{ports[-1]}; logs in {workdir}). Ctrl-C stops it.",
            flush=True,
        )
        serve(cluster, stop)
        return 0
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
