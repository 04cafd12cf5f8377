"""The deployment files say what the README promises: production settings, a non-root image
installed from the pinned constraints, nginx passing websockets to sticky replicas and sending
the security headers of SECURITY.md on every response (checked on a real nginx where one is
installed: ``make test`` installs it)."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import tomllib
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from deploy import nginx_site
from deploy.settings import PRODUCTION_TOML, production_flags
from tests.browser.streamlit_harness import free_port

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text()
NGINX = (ROOT / "deploy" / "nginx-sib.conf").read_text()
NGINX_BINARY = shutil.which("nginx") or (
    "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
)

#: What every response through nginx must carry, and why (SECURITY.md).
SECURITY_HEADERS = {
    # Role links carry their key in the URL: never sent on to a linked site.
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    # No other site may frame the dashboard (clickjacking); components v2 need no iframe.
    "X-Frame-Options": "SAMEORIGIN",
    "Content-Security-Policy": "frame-ancestors 'self'",
}


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


def test_nginx_configures_the_security_headers_for_every_response():
    location = NGINX[NGINX.index("location / {") :]
    for name, value in SECURITY_HEADERS.items():
        assert f'add_header {name} "{value}" always;' in location, name
    # An add_header in the server block would be lost: the location has its own add_headers.
    server = NGINX[NGINX.index("server {") : NGINX.index("location / {")]
    assert "add_header" not in server


def test_streamlits_xsrf_protection_stays_on_in_production():
    settings = tomllib.loads(PRODUCTION_TOML.read_text())
    assert settings["server"]["enableXsrfProtection"] is True
    assert "--server.enableXsrfProtection" in production_flags()


def test_the_app_draws_no_iframe_that_frame_ancestors_would_block():
    # X-Frame-Options SAMEORIGIN and frame-ancestors 'self' only allow same-origin framing:
    # the app's components are components v2 (drawn in the page), and nothing embeds another
    # site's page.
    for path in [
        ROOT / "app.py",
        *(ROOT / "ui").rglob("*.py"),
        *(ROOT / "app_pages").rglob("*.py"),
    ]:
        code = path.read_text()
        assert "components.v1" not in code, path
        assert "<iframe" not in code.lower(), path
        assert "st.components.html" not in code, path
        assert "components.iframe" not in code, path


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
    conf.write_text(nginx_site.main_conf(NGINX, tmp_path))
    done = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(conf)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


#: Kinds of file the dashboard reads from beside its code: catalogs, component JavaScript, the
#: vendored plotly.js and its licence.
READ_BESIDE_CODE = {".po", ".pot", ".mo", ".js", ".json", ".txt"}


def test_every_file_the_dashboard_reads_beside_its_code_is_package_data():
    # Found by deploy/verify_without_docker.sh: ui/text/locale/ is no package, and "*.po" matched
    # only files directly in ui/, so `pip install .` gave a dashboard without its catalogs.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = project["tool"]["setuptools"]["package-data"]
    missing = []
    for top in ("ui", "sib_model", "sib_game"):
        for path in (ROOT / top).rglob("*"):
            if not path.is_file() or path.suffix not in READ_BESIDE_CODE:
                continue
            package = path.parent
            while not (package / "__init__.py").exists():
                package = package.parent
            dotted = ".".join(package.relative_to(ROOT).parts)
            globs = [*patterns.get("*", []), *patterns.get(dotted, [])]
            if not any(path in set(package.glob(g)) for g in globs):
                missing.append(str(path))
    assert not missing, missing


#: What the small upstream answers, as Streamlit does: path → (content type, headers, body).
_JS = b"function plot(data) { return data.map((x) => x * 2); }\n" * 400  # 20 kB of script
UPSTREAM = {
    "/": ("text/html", {}, b"<p>ok</p>"),
    # The page: no-cache, so a new release is seen at once.
    "/explorer": ("text/html", {"Cache-Control": "no-cache"}, b"<p>explorer</p>\n" * 200),
    # A content-hashed bundle: Streamlit says a year itself.
    "/static/js/index.DormvYxC.js": (
        "application/javascript",
        {"Cache-Control": "public, immutable, max-age=31536000"},
        _JS,
    ),
    # The app's static folder: no Cache-Control, and a nosniff of its own.
    "/app/static/plotly-cartesian-4.1.1.min.js": (
        "text/javascript",
        {"X-Content-Type-Options": "nosniff"},
        _JS,
    ),
    "/app/static/notes.txt": ("text/plain", {"X-Content-Type-Options": "nosniff"}, _JS),
    "/static/media/SourceSansVF-Upright.ttf.BsWL4Kly.woff2": ("font/woff2", {}, bytes(4096)),
}


class _Backend(BaseHTTPRequestHandler):
    """A small upstream answering :data:`UPSTREAM`, 404 elsewhere; notes the Accept-Encoding
    of every request it gets (in ``server.accept_encodings``)."""

    def do_GET(self) -> None:
        self.server.accept_encodings.append(self.headers.get("Accept-Encoding"))  # type: ignore[attr-defined]
        kind, headers, body = UPSTREAM.get(self.path, ("text/html", {}, b"missing"))
        self.send_response(200 if self.path in UPSTREAM else 404)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def nginx_in_front(tmp_path) -> Iterator[tuple[str, ThreadingHTTPServer]]:
    """deploy/nginx-sib.conf run by a real nginx on loopback as ``make serve`` runs it
    (:mod:`deploy.nginx_site`), its upstream a small server; yields nginx's address and that
    server (shut it down for a 502)."""
    backend = ThreadingHTTPServer(("127.0.0.1", free_port()), _Backend)
    backend.accept_encodings = []  # type: ignore[attr-defined]
    threading.Thread(target=backend.serve_forever, daemon=True).start()
    proxy_port = free_port()
    site = nginx_site.site(f"127.0.0.1:{proxy_port}", [f"127.0.0.1:{backend.server_address[1]}"])
    conf = tmp_path / "nginx.conf"
    conf.write_text(nginx_site.main_conf(site, tmp_path))
    assert NGINX_BINARY is not None
    process = subprocess.Popen(
        [NGINX_BINARY, "-p", str(tmp_path), "-c", str(conf), "-g", "daemon off;"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{proxy_port}"
    try:
        deadline = time.monotonic() + 10
        while True:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            try:
                urllib.request.urlopen(url + "/", timeout=2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "nginx did not answer"
                time.sleep(0.1)
        yield url, backend
    finally:
        process.terminate()
        process.wait(timeout=10)
        backend.shutdown()
        backend.server_close()


def _headers(url: str) -> tuple[int, dict[str, list[str]]]:
    try:
        response = urllib.request.urlopen(url, timeout=5)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        headers = response.headers
        return response.status, {name: headers.get_all(name) or [] for name in SECURITY_HEADERS}


@pytest.mark.skipif(NGINX_BINARY is None, reason="nginx not installed (make test installs it)")
def test_nginx_sends_the_security_headers_on_pages_and_errors(nginx_in_front):
    url, backend = nginx_in_front
    statuses = []
    for path in ("/", "/no-such-page"):
        status, headers = _headers(url + path)
        statuses.append(status)
        assert headers == {name: [value] for name, value in SECURITY_HEADERS.items()}, path
    backend.shutdown()
    backend.server_close()
    status, headers = _headers(url + "/")  # nginx's own error page: no upstream left
    statuses.append(status)
    assert headers == {name: [value] for name, value in SECURITY_HEADERS.items()}
    assert statuses == [200, 404, 502]


YEAR = "public, max-age=31536000, immutable"


def _get(url: str) -> tuple[int, Any, bytes]:
    """Status, headers and body (as sent: still compressed) of a GET that accepts gzip."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    try:
        response = urllib.request.urlopen(request, timeout=5)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        return response.status, response.headers, response.read()


@pytest.mark.skipif(NGINX_BINARY is None, reason="nginx not installed (make test installs it)")
def test_nginx_compresses_text_and_caches_versioned_files_for_a_year(nginx_in_front):
    url, backend = nginx_in_front
    expected = {
        # path: (gzipped, Cache-Control)
        "/explorer": (True, ["no-cache"]),
        "/static/js/index.DormvYxC.js": (True, [YEAR]),
        "/app/static/plotly-cartesian-4.1.1.min.js": (True, [YEAR]),
        # Not versioned: no promise for a year.
        "/app/static/notes.txt": (True, []),
        # Compressed already: sent as it is (and a hashed name: a year).
        "/static/media/SourceSansVF-Upright.ttf.BsWL4Kly.woff2": (False, [YEAR]),
        # Too small to be worth it.
        "/": (False, []),
    }
    for path, (gzipped, cache_control) in expected.items():
        status, headers, body = _get(url + path)
        assert status == 200, path
        assert (headers.get_all("Cache-Control") or []) == cache_control, path
        assert (headers.get("Content-Encoding") == "gzip") is gzipped, path
        if gzipped:
            assert gzip.decompress(body) == UPSTREAM[path][2], path
            assert len(body) < len(UPSTREAM[path][2]) / 4, path
            assert "Accept-Encoding" in (headers.get("Vary") or ""), path
        # The security headers once each, also where the replica sends its own nosniff.
        for name, value in SECURITY_HEADERS.items():
            assert headers.get_all(name) == [value], (path, name)
    # nginx compresses; the replicas are never asked to.
    assert set(backend.accept_encodings) == {None}
    # A missing file is not cached for a year, whatever its name.
    status, headers, _ = _get(url + "/static/js/gone.Abc123.js")
    assert status == 404
    assert headers.get_all("Cache-Control") is None
