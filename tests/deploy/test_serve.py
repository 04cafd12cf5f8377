"""The production way runs every core: ``make serve`` starts one replica per core behind nginx,
and the Docker way (``compose.yaml``) runs the same nginx rules in front of N replicas and
PostgreSQL. Checked on real processes where nginx is installed (``make test`` installs it)."""

from __future__ import annotations

import http.cookiejar
import re
import shutil
import tomllib
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from deploy import nginx_site, serve
from sib_game.store import ENV_URL
from tests.browser.streamlit_harness import free_port

#: The setting that moves the game's rooms to a database server (sib_game.store).
DATABASE_URL_ENV = ENV_URL

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text()
MAKEFILE = (ROOT / "Makefile").read_text()
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def test_the_image_copies_every_package_the_project_installs():
    # Found while writing compose.yaml: the re-layering added sib_game/, and the image kept
    # copying only sib_model/ and ui/, so `pip install .` in the image had no game.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = project["tool"]["setuptools"]["packages"]["find"]["include"]
    packages = sorted({p.rstrip("*") for p in patterns})
    assert packages == ["sib_game", "sib_model", "ui"]
    for package in packages:
        assert f"COPY {package}/ {package}/" in DOCKERFILE, package
    script = (ROOT / "deploy" / "verify_without_docker.sh").read_text()
    for package in packages:
        assert f'"$REPO"/{package}' in script, package


def test_the_site_gets_one_server_line_per_replica_and_keeps_every_rule():
    text = nginx_site.site("0.0.0.0:9000", [f"127.0.0.1:{p}" for p in (9001, 9002, 9003)])
    servers = re.findall(r"^\s*server (\S+) max_fails=1 fail_timeout=10s;", text, re.M)
    assert servers == ["127.0.0.1:9001", "127.0.0.1:9002", "127.0.0.1:9003"]
    assert re.findall(r"^\s*listen ([^;]+);", text, re.M) == ["0.0.0.0:9000"]
    # Everything but the two swapped parts is the production file, line for line.
    assert _rules(text) == _rules(nginx_site.SITE_CONF.read_text())
    assert "\n        add_header X-Upstream" not in text
    assert "add_header X-Upstream" in nginx_site.site("80", ["a:1"], debug=True)


def _rules(text: str) -> list[str]:
    """The lines of a site but its ``listen`` and ``server`` lines."""
    return [line for line in text.splitlines() if not re.match(r"\s*(server|listen) ", line)]


def test_a_site_without_replicas_is_refused():
    with pytest.raises(ValueError, match="at least one replica"):
        nginx_site.site("80", [])


def test_the_compose_nginx_file_is_the_production_site_as_rendered():
    assert nginx_site.main(["--check"]) == 0, "run python -m deploy.nginx_site"
    text = nginx_site.COMPOSE_CONF.read_text()
    assert "server app:8501 resolve max_fails=1 fail_timeout=10s;" in text
    assert "zone sib_explorer 64k;" in text
    assert "resolver 127.0.0.11" in text


def test_make_serve_runs_the_production_entrypoint_and_installs_nginx():
    match = re.search(r"^serve: (.*)\n((?:\t.*\n)+)", MAKEFILE, re.M)
    assert match, "no serve target"
    assert "nginx-deps" in match[1]
    assert "-m deploy.serve" in match[2]


def test_one_replica_per_core_by_default_on_the_ports_after_nginx():
    assert serve.replica_ports(8501) == list(range(8502, 8502 + serve.cores()))
    assert serve.replica_ports(8501, 3) == [8502, 8503, 8504]
    with pytest.raises(SystemExit):
        serve.main(["--replicas", "65"])


@pytest.fixture
def served(tmp_path) -> Iterator[serve.Cluster]:
    """``make serve`` with two replicas on free loopback ports."""
    if NGINX is None:
        pytest.skip("nginx not installed (make test installs it)")
    cluster = serve.Cluster(
        tmp_path,
        proxy_port=free_port(),
        replica_ports=[free_port(), free_port()],
        debug=True,
    )
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


def _upstream(url: str, jar: http.cookiejar.CookieJar) -> str:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(url + "/_stcore/health", timeout=10) as response:
        assert response.status == 200
        return str(response.headers["X-Upstream"])


def test_the_served_cluster_spreads_browsers_keeps_each_on_its_replica_and_restarts_a_dead_one(
    served,
):
    url = served.url
    browsers = [http.cookiejar.CookieJar() for _ in range(12)]
    first = [_upstream(url, jar) for jar in browsers]
    # Every browser comes back to the replica it started on (sticky by its cookie) ...
    assert [_upstream(url, jar) for jar in browsers] == first
    # ... and twelve browsers do not all land on one of two replicas.
    assert len(set(first)) == 2, first
    # A replica that dies is started again by the supervisor's round.
    port = served.replica_ports[0]
    served.kill(port)
    assert served.revive() == [port]
    assert served.restarts[port] == 1
    assert {_upstream(url, jar) for jar in browsers} == set(first)


def _compose() -> dict[str, Any]:
    import yaml  # the dev extra's; only this test reads YAML

    loaded = yaml.safe_load((ROOT / "compose.yaml").read_text())
    assert isinstance(loaded, dict)
    return loaded


def test_compose_runs_nginx_in_front_of_replicas_and_postgresql_and_publishes_only_nginx():
    services = _compose()["services"]
    assert set(services) == {"app", "db", "proxy"}
    app, db, proxy = services["app"], services["db"], services["proxy"]
    assert app["build"] == "."
    assert app["deploy"]["replicas"] == "${SIB_REPLICAS:-2}"
    assert app["read_only"] is True
    assert app["depends_on"]["db"]["condition"] == "service_healthy"
    url = app["environment"][DATABASE_URL_ENV]
    assert url.startswith("postgresql+psycopg://sib:${SIB_DB_PASSWORD:?")
    assert url.endswith("@db:5432/sib")
    # The password is never written down here: compose refuses to start without it.
    assert db["environment"]["POSTGRES_PASSWORD"].startswith("${SIB_DB_PASSWORD:?")
    assert db["image"].startswith("postgres:15")
    assert "pg_isready" in db["healthcheck"]["test"]
    # The rendered production site, read-only; and only nginx has a port outside.
    mount = "./deploy/compose/nginx.conf:/etc/nginx/conf.d/default.conf:ro"
    assert proxy["volumes"] == [mount]
    assert (ROOT / mount.split(":")[0]).exists()
    assert proxy["depends_on"]["app"]["condition"] == "service_healthy"
    # nginx re-resolves the service name (`resolve` in an upstream): nginx 1.27.3 or newer.
    major, minor = (int(x) for x in proxy["image"].split(":")[1].split("-")[0].split(".")[:2])
    assert (major, minor) >= (1, 28)
    assert [name for name, service in services.items() if "ports" in service] == ["proxy"]
