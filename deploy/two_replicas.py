"""Two replicas of the dashboard behind nginx with sticky sessions, on loopback.

Run from the repository root (needs Debian's ``nginx``: ``apt-get install nginx-light``)::

    .venv/bin/python -m deploy.two_replicas            # start, print the URL, wait for Ctrl-C
    .venv/bin/python -m deploy.two_replicas --check    # the failover check, then stop

Starts two ``streamlit run app.py`` replicas with the production settings
(``deploy/streamlit-production.toml``) on 127.0.0.1:8691 and :8692 and nginx with
``deploy/nginx-sib.conf`` on 127.0.0.1:8690 (its own prefix in a temporary folder; the
system's nginx is not touched). ``benchmarks/load_test.py --url http://127.0.0.1:8690 --pid
<replica pids>`` loads it.

``--check`` shows what a replica's death costs its users:

1. the same link gives the same figures (metrics, text and every chart's data) on either
   replica: the model is deterministic, so it does not matter where a session lands;
2. ``--sessions`` sessions open through nginx (sticky by cookie, so they spread over both)
   and move sliders;
3. the replica holding the most sessions is killed (SIGKILL, no goodbye);
4. every session moves a slider again. The survivors' sessions carry on. Those of the dead
   replica find their websocket closed and reconnect, as a browser does by itself, with the
   link the app had written into the address bar: the reconnect lands on the other replica
   (same cookie, nginx skips the dead one), which rebuilds the scenario from the link. Their
   figures must equal what the dead replica showed for that scenario — never a wrong figure.

The result is printed and written to ``benchmarks/results/two-replicas-<date>.md``.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from benchmarks.st_client import SLIDERS, Session, sticky_cookie
from deploy.settings import production_flags

REPO_ROOT = Path(__file__).resolve().parents[1]
NGINX_CONF = Path(__file__).resolve().parent / "nginx-sib.conf"
PROXY_PORT, REPLICA_PORTS = 8690, (8691, 8692)
RESULTS = REPO_ROOT / "benchmarks" / "results"
LINKS = ["", "n=250&p=0.55&d=0.8", "n=40&price=150000&basis=above_baseline&lang=da"]
MOVES = {
    "in_cohort_size": [60.0, 120.0, 300.0],
    "in_success_probability": [0.3, 0.5, 0.65],
    "in_difficulty": [0.2, 0.6, 0.9],
}


def wait_healthy(url: str, process: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} not healthy within {timeout:.0f} s")


class Cluster:
    """Two replicas and nginx, each in its own process group; :meth:`stop` ends them all."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.replicas: dict[int, subprocess.Popen] = {}
        self.nginx: subprocess.Popen | None = None

    def start(self) -> str:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(nginx).exists():
            raise FileNotFoundError("nginx is missing: apt-get install nginx-light")
        for port in REPLICA_PORTS:
            log = (self.workdir / f"replica-{port}.log").open("w")
            self.replicas[port] = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "streamlit",
                    "run",
                    "app.py",
                    *production_flags(),
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
            )
        for port, process in self.replicas.items():
            wait_healthy(f"http://127.0.0.1:{port}", process)
        site = NGINX_CONF.read_text().replace("#DEBUG ", "")  # X-Upstream: who answered
        for name in ("logs", "tmp"):
            (self.workdir / name).mkdir(exist_ok=True)
        tmp = self.workdir / "tmp"
        (self.workdir / "nginx.conf").write_text(
            f"""worker_processes 1;
pid {self.workdir}/nginx.pid;
error_log {self.workdir}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log {self.workdir}/logs/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
{site}
}}
"""
        )
        self.nginx = subprocess.Popen(
            [
                nginx,
                "-p",
                str(self.workdir),
                "-c",
                str(self.workdir / "nginx.conf"),
                "-g",
                "daemon off;",
            ],
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        url = f"http://127.0.0.1:{PROXY_PORT}"
        wait_healthy(url, self.nginx, timeout=20)
        return url

    def kill(self, port: int) -> None:
        """SIGKILL one replica and everything it started: a crash, not a shutdown."""
        process = self.replicas[port]
        with _ignore_gone():
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def stop(self) -> None:
        for process in [*self.replicas.values(), self.nginx]:
            if process is None or process.poll() is not None:
                continue
            with _ignore_gone():
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with _ignore_gone():
                    os.killpg(process.pid, signal.SIGKILL)


class _ignore_gone:
    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, value, traceback) -> bool:
        return kind is ProcessLookupError


async def figures_on(url: str, query: str) -> str:
    session = Session(url, query=query)
    await session.connect()
    try:
        result = await session.run(timeout=120)
    finally:
        await session.close()
    assert not result.exceptions, result.exceptions
    return result.figures


async def check(url: str, cluster: Cluster, n_sessions: int) -> tuple[list[str], bool]:
    lines: list[str] = []
    ok = True
    # 1. One link, one set of figures, whichever replica draws it.
    for link in LINKS:
        prints = [await figures_on(f"http://127.0.0.1:{p}", link) for p in REPLICA_PORTS]
        same = len(set(prints)) == 1
        ok &= same
        lines.append(
            f"- link `?{link}`: figures {'identical' if same else 'DIFFERENT'} "
            f"on both replicas ({prints[0]})"
        )
    # 2. Sessions through nginx, sliders moving.
    rng = random.Random(11)
    sessions: list[Session] = []
    for i in range(n_sessions):
        cookie = sticky_cookie(url)
        session = Session(url, query=LINKS[i % len(LINKS)], cookie=cookie)
        await session.connect()
        await session.run(timeout=120)
        sessions.append(session)
    last: dict[int, tuple[str, str]] = {}
    for i, session in enumerate(sessions):
        for _ in range(3):
            key = rng.choice(SLIDERS)
            result = await session.run({key: rng.choice(MOVES[key])})
        last[i] = (session.query, result.figures)
    where = {i: s.upstream for i, s in enumerate(sessions)}
    counts = {u: list(where.values()).count(u) for u in set(where.values())}
    lines.append(f"- {n_sessions} sessions through nginx, by replica: {counts}")
    victim = max(counts, key=lambda u: counts[u])
    victim_port = int(victim.rsplit(":", 1)[1])
    # 3. Kill it.
    cluster.kill(victim_port)
    lines.append(f"- killed replica {victim} (SIGKILL) holding {counts[victim]} sessions")
    survivor = next(p for p in REPLICA_PORTS if p != victim_port)
    # What the dead replica last showed each of its users is what the survivor shows for
    # the same link.
    same_before = 0
    for i, (query, figures) in last.items():
        if where[i] == victim:
            same_before += figures == await figures_on(f"http://127.0.0.1:{survivor}", query)
    ok &= same_before == counts[victim]
    lines.append(
        f"- the last figures each of its {counts[victim]} users saw before the kill: "
        f"{same_before} identical on the surviving replica for the same link"
    )
    # 4. Everybody moves a slider again.
    kept = moved = mismatched = failed = 0
    for i, session in enumerate(sessions):
        key = rng.choice(SLIDERS)
        value = rng.choice(MOVES[key])
        try:
            result = await session.run({key: value}, timeout=30)
            kept += 1
            figures = result.figures
        except Exception:  # the websocket is gone: reconnect as the browser does
            reconnect = Session(url, query=session.query, cookie=session.cookie)
            reconnect.values = {}
            try:
                await reconnect.connect()
                await reconnect.run(timeout=120)  # the app rebuilds the scenario from the link
                result = await reconnect.run({**session.values, key: value})
            except Exception as error:
                failed += 1
                lines.append(f"  - session {i}: reconnect failed: {error!r}"[:200])
                continue
            moved += 1
            figures = result.figures
            if reconnect.upstream == victim:
                failed += 1
            session = sessions[i] = reconnect
        # The figures must be those of this scenario, as a fresh session on the survivor
        # draws them from the same link.
        expected = await figures_on(f"http://127.0.0.1:{survivor}", session.query)
        if figures != expected:
            mismatched += 1
    ok &= mismatched == 0 and failed == 0
    lines.append(
        f"- after the kill: {kept} sessions carried on untouched, {moved} reconnected to the "
        f"other replica and got their scenario back from the link, {failed} failed; "
        f"{mismatched} showed figures other than their scenario's"
    )
    for session in sessions:
        await session.close()
    return lines, ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="run the failover check and stop")
    parser.add_argument("--sessions", type=int, default=12)
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="sib-two-replicas-"))
    cluster = Cluster(workdir)
    try:
        url = cluster.start()
        pids = " ".join(f"--pid {p.pid}" for p in cluster.replicas.values())
        print(f"nginx on {url}, replicas on {REPLICA_PORTS}; logs in {workdir}", flush=True)
        print(f"load it: .venv/bin/python -m benchmarks.load_test --url {url} {pids}", flush=True)
        if not args.check:
            # Wait for Ctrl-C or a kill; the signals are blocked first, so that sigwait takes
            # them instead of their default action ending Python before the cleanup below.
            stop = {signal.SIGINT, signal.SIGTERM}
            signal.pthread_sigmask(signal.SIG_BLOCK, stop)
            signal.sigwait(stop)
            return 0
        lines, ok = asyncio.run(check(url, cluster, args.sessions))
        text = "\n".join(
            [
                f"# Two replicas behind nginx, one killed: {dt.datetime.now():%Y-%m-%d %H:%M}",
                "",
                "`python -m deploy.two_replicas --check`: nginx (Debian "
                f"{_nginx_version()}) with deploy/nginx-sib.conf on loopback, two replicas "
                "with deploy/streamlit-production.toml.",
                "",
                *lines,
                "",
                f"Result: {'PASS' if ok else 'FAIL'}",
            ]
        )
        print(text)
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / f"two-replicas-{dt.date.today():%Y-%m-%d}.md").write_text(text + "\n")
        return 0 if ok else 1
    finally:
        cluster.stop()


def _nginx_version() -> str:
    done = subprocess.run(["nginx", "-v"], capture_output=True, text=True, check=False)
    return done.stderr.strip().split("/")[-1]


if __name__ == "__main__":
    sys.exit(main())
