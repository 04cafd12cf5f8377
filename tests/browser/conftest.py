"""Fixtures for the real-browser run: one Streamlit server and one Chromium per session.

Chromium comes from Debian (``/usr/bin/chromium``, or ``$CHROMIUM``); when it is missing the
tests fail with the command that installs it, rather than skipping and leaving the suite green
without ever having opened the dashboard.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import streamlit_harness as harness

SCREENSHOTS = harness.REPO_ROOT / "artifacts" / "screenshots"


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Fail (not skip) with the fix when Chromium is not installed."""
    try:
        from playwright.sync_api import sync_playwright  # noqa: F401
    except ImportError:
        pytest.fail(
            "Playwright for Python is missing: run `make test` (it installs "
            "the dev extra) or `.venv/bin/pip install -e '.[dev]'`.",
            pytrace=False,
        )
    path = Path(harness.CHROMIUM)
    if not path.is_file():
        pytest.fail(harness.CHROMIUM_MISSING, pytrace=False)
    return str(path)


@pytest.fixture(scope="session")
def app_url(chromium_path, tmp_path_factory) -> str:
    """Base URL of ``streamlit run app.py``, started from the repository root, with the
    negotiation game's rooms in a file of this test session (not the machine's shared one)."""
    if not (harness.REPO_ROOT / "app.py").exists():
        pytest.fail(f"{harness.REPO_ROOT / 'app.py'} does not exist", pytrace=False)
    rooms = tmp_path_factory.mktemp("game") / "game.sqlite3"
    server = harness.StreamlitServer("app.py", startup_timeout=60, env={"SIB_GAME_DB": str(rooms)})
    try:
        base_url = server.start()
    except (RuntimeError, TimeoutError) as error:
        pytest.fail(str(error), pytrace=False)
    try:
        yield base_url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            chromium = harness.launch_chromium(playwright)
        except FileNotFoundError as missing:
            pytest.fail(str(missing), pytrace=False)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def browser_context(browser):
    """One context for the session, so Streamlit's and plotly's JavaScript is fetched and
    compiled once; every tab still gets its own websocket, hence its own Streamlit session."""
    context = browser.new_context(viewport=harness.VIEWPORT, locale="en-GB")
    context.set_default_timeout(30_000)
    yield context
    context.close()


@pytest.fixture
def page(browser_context):
    """A fresh tab (own Streamlit session and session_state) per test."""
    tab = browser_context.new_page()
    yield tab
    tab.close()


@pytest.fixture
def new_tab(browser):
    """A tab in a browser context of its own (its own cookies, cache and Streamlit session:
    another laptop or phone) at ``width`` × ``height``, device scale ``scale``, browser
    ``locale``; ``phone`` adds a touch screen and a mobile browser. Downloads are allowed;
    every context is closed afterwards."""
    contexts = []

    def make(
        width: int = harness.VIEWPORT["width"],
        height: int = harness.VIEWPORT["height"],
        scale: float = 1.0,
        *,
        locale: str = "en-GB",
        phone: bool = False,
    ):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            device_scale_factor=scale,
            locale=locale,
            is_mobile=phone,
            has_touch=phone,
            accept_downloads=True,
        )
        context.set_default_timeout(60_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
