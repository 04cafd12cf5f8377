"""``deploy/nginx-sib.conf`` made to fit a place: its address, its replicas, its folder.

The site file is the one source of nginx's part (stickiness, websockets, compression, cache
lifetimes, security headers). What differs between the places it runs is only *where*: the
``listen`` address and the ``upstream``'s servers. :func:`site` swaps those two and nothing
else, so ``make serve`` (:mod:`deploy.serve`), the failover check (:mod:`deploy.two_replicas`),
the nginx tests and the Docker way (``deploy/compose/nginx.conf``, written by
``python -m deploy.nginx_site`` and checked by a test) all run the same rules.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: The production site (http context), as a municipality copies it into /etc/nginx/conf.d/.
SITE_CONF = HERE / "nginx-sib.conf"
#: The site for ``compose.yaml``'s nginx container, rendered from :data:`SITE_CONF`.
COMPOSE_CONF = HERE / "compose" / "nginx.conf"

#: How nginx treats a replica that refuses a connection: skipped for 10 s, then tried again.
SERVER_OPTIONS = "max_fails=1 fail_timeout=10s"

_LISTEN = re.compile(r"^(\s*)listen [^;]+;", re.MULTILINE)
_UPSTREAM = re.compile(r"(upstream sib_explorer \{\n)(.*?)(\n\})", re.DOTALL)
_SERVER_LINE = re.compile(r"^\s*server \S+ [^;]*;\n", re.MULTILINE)


def site(
    listen: str,
    servers: Sequence[str],
    *,
    upstream_extra: Sequence[str] = (),
    debug: bool = False,
) -> str:
    """The site with ``listen <listen>;`` and one ``server <address> …;`` line per replica.

    ``upstream_extra`` adds lines inside the upstream block (the Docker way's shared ``zone``
    that nginx needs to re-resolve a service name). ``debug`` switches on the commented
    ``X-Upstream`` header, which says which replica answered (the failover check reads it).
    """
    if not servers:
        raise ValueError("nginx needs at least one replica to send requests to")
    text = SITE_CONF.read_text(encoding="utf-8")
    text, listens = _LISTEN.subn(lambda m: f"{m[1]}listen {listen};", text)
    match = _UPSTREAM.search(text)
    if listens != 1 or match is None:
        raise ValueError(f"{SITE_CONF.name}: expected one listen line and one upstream block")
    body = match[2]
    kept = _SERVER_LINE.sub("", body + "\n").rstrip("\n")
    indent = "    "
    lines = [kept, *(indent + extra for extra in upstream_extra)]
    lines += [f"{indent}server {address} {SERVER_OPTIONS};" for address in servers]
    text = text[: match.start(2)] + "\n".join(lines) + text[match.end(2) :]
    if debug:
        text = text.replace("#DEBUG ", "")
    return text


def main_conf(site_text: str, workdir: Path) -> str:
    """A whole ``nginx.conf`` around ``site_text`` for an nginx that keeps every file (pid,
    logs, temporary bodies) in ``workdir``, so it runs unprivileged beside the system's."""
    tmp = workdir / "tmp"
    logs = workdir / "logs"
    for folder in (tmp, logs):
        folder.mkdir(parents=True, exist_ok=True)
    return f"""worker_processes auto;
pid {workdir}/nginx.pid;
error_log {logs}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log {logs}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
{site_text}
}}
"""


#: The compose service whose replicas nginx spreads the sessions over, and its port.
COMPOSE_APP = "app:8501"
#: Docker's own DNS server inside every compose network.
COMPOSE_RESOLVER = "127.0.0.11"


def compose_site() -> str:
    """The site for ``compose.yaml``: nginx listens on 80 in its container and resolves the
    ``app`` service to all its replicas, again every 10 s (``resolve``: a replica restarted
    with a new address, or more replicas after ``docker compose up --scale app=N``, are found
    without restarting nginx; nginx 1.27.3 or newer)."""
    header = (
        "# Written by `python -m deploy.nginx_site` from deploy/nginx-sib.conf; do not edit.\n"
        f"resolver {COMPOSE_RESOLVER} valid=10s ipv6=off;\n\n"
    )
    return header + site(
        "80",
        [f"{COMPOSE_APP} resolve"],
        upstream_extra=["zone sib_explorer 64k;"],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write deploy/compose/nginx.conf.")
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    args = parser.parse_args(argv)
    wanted = compose_site()
    if args.check:
        current = COMPOSE_CONF.read_text(encoding="utf-8") if COMPOSE_CONF.exists() else ""
        if current != wanted:
            print(f"{COMPOSE_CONF} is out of date: python -m deploy.nginx_site", file=sys.stderr)
            return 1
        return 0
    COMPOSE_CONF.parent.mkdir(exist_ok=True)
    COMPOSE_CONF.write_text(wanted, encoding="utf-8")
    print(f"wrote {COMPOSE_CONF}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
