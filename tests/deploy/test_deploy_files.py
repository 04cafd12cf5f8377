"""The deployment files say what the README promises: production settings, a non-root image
installed from the pinned constraints, nginx passing websockets to sticky replicas."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from deploy.settings import PRODUCTION_TOML, production_flags

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text()
NGINX = (ROOT / "deploy" / "nginx-sib.conf").read_text()


def test_production_settings_lock_the_dashboard_down():
    settings = tomllib.loads(PRODUCTION_TOML.read_text())
    assert settings["client"]["toolbarMode"] == "viewer"
    assert settings["client"]["showErrorDetails"] in ("type", "none")
    assert settings["browser"]["gatherUsageStats"] is False
    server = settings["server"]
    assert server["enableXsrfProtection"] is True
    assert server["enableCORS"] is True
    assert server["enableStaticServing"] is True, "the in-place charts load plotly.js from it"
    assert 0 < server["maxUploadSize"] <= 5
    assert server["disconnectedSessionTTL"] <= 600
    assert server["fileWatcherType"] == "none"


def test_the_production_settings_as_command_line_flags():
    flags = production_flags(server_disconnectedSessionTTL=20)
    pairs = dict(zip(flags[::2], flags[1::2], strict=True))
    assert pairs["--server.enableXsrfProtection"] == "true"
    assert pairs["--server.disconnectedSessionTTL"] == "20"


def test_the_image_installs_the_pinned_package_and_runs_unprivileged():
    assert re.search(r"^FROM python:3\.\d+-slim", DOCKERFILE, re.M)
    assert "pip install --no-cache-dir -c constraints.txt ." in DOCKERFILE
    assert "COPY deploy/streamlit-production.toml .streamlit/config.toml" in DOCKERFILE
    assert re.search(r"^USER 10001$", DOCKERFILE, re.M)
    assert "/_stcore/health" in DOCKERFILE
    assert "HEALTHCHECK" in DOCKERFILE
    assert "ensure_plotly_js" in DOCKERFILE, "plotly.js copied at build time"
    for banned in ("playwright", "chromium", "curl ", "wget "):
        assert banned not in DOCKERFILE.lower()


def test_nginx_passes_websockets_to_a_sticky_replica():
    assert "proxy_set_header Upgrade $http_upgrade;" in NGINX
    assert "proxy_set_header Connection $connection_upgrade;" in NGINX
    assert "hash $sib_sticky consistent;" in NGINX
    assert len(re.findall(r"^\s*server 127\.0\.0\.1:\d+", NGINX, re.M)) == 2


#: hadolint from the dev extra (beside this interpreter) or on PATH.
HADOLINT = shutil.which("hadolint", path=f"{Path(sys.executable).parent}:{os.environ['PATH']}")


@pytest.mark.skipif(HADOLINT is None, reason="hadolint not installed")
def test_hadolint_finds_nothing_in_the_dockerfile():
    done = subprocess.run(
        [str(HADOLINT), str(ROOT / "Dockerfile")], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx not installed")
def test_nginx_accepts_the_configuration(tmp_path):
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;\n"
        "events {}\n"
        f"http {{ client_body_temp_path {tmp_path}/b; proxy_temp_path {tmp_path}/p;\n"
        f"fastcgi_temp_path {tmp_path}/f; uwsgi_temp_path {tmp_path}/u; "
        f"scgi_temp_path {tmp_path}/s;\n{NGINX}\n}}\n"
    )
    done = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(conf)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_every_file_the_dashboard_reads_beside_its_code_is_package_data():
    # Found by deploy/verify_without_docker.sh: ui/text/locale/ is no package, and "*.po" matched
    # only files directly in ui/, so `pip install .` gave a dashboard without its catalogs.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = project["tool"]["setuptools"]["package-data"]
    missing = []
    for top in ("ui", "sib_model", "sib_game"):
        for path in (ROOT / top).rglob("*"):
            if not path.is_file() or path.suffix not in {".po", ".pot", ".mo", ".js", ".json"}:
                continue
            package = path.parent
            while not (package / "__init__.py").exists():
                package = package.parent
            dotted = ".".join(package.relative_to(ROOT).parts)
            globs = [*patterns.get("*", []), *patterns.get(dotted, [])]
            if not any(path in set(package.glob(g)) for g in globs):
                missing.append(str(path))
    assert not missing, missing
