"""The in-place chart component's Python side: where plotly.js is served from, and that the
figure reaching the browser is the builder's figure, formats and template included."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import plotly.offline
import pytest
from streamlit import config

from tests._app import charts, open_explorer_tab, start
from ui.app import live_chart
from ui.spec.pages import EXPLORER_TABS


def test_the_vendored_plotly_js_is_copied_with_its_licence(tmp_path: Path):
    copied = live_chart.ensure_plotly_js(tmp_path)
    assert copied == tmp_path / live_chart.PLOTLY_JS_NAME
    assert copied.name == f"plotly-cartesian-{live_chart.PLOTLY_JS_VERSION}.min.js"  # versioned
    for name in (live_chart.PLOTLY_JS_NAME, live_chart.PLOTLY_JS_LICENSE):
        assert (tmp_path / name).read_bytes() == (live_chart.VENDOR_DIR / name).read_bytes()
    assert "MIT License" in (tmp_path / live_chart.PLOTLY_JS_LICENSE).read_text()
    assert live_chart.ensure_plotly_js(tmp_path) == copied  # a second call keeps the copy
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [live_chart.PLOTLY_JS_NAME, live_chart.PLOTLY_JS_LICENSE]
    )


def test_the_vendored_bundle_is_the_one_its_note_describes():
    bundle = (live_chart.VENDOR_DIR / live_chart.PLOTLY_JS_NAME).read_bytes()
    note = (live_chart.VENDOR_DIR / "README.md").read_text()
    sha256 = re.search(r"sha256 of `[^`]+` \| `([0-9a-f]{64})`", note)
    assert sha256 is not None
    assert hashlib.sha256(bundle).hexdigest() == sha256[1]
    version = live_chart.PLOTLY_JS_VERSION
    assert bundle[:200].decode().splitlines()[1] == f"* plotly.js (cartesian - minified) v{version}"
    assert f"plotly.js-cartesian-dist-min@{version}" in note
    # Exactly one bundle and its licence: an old pair left behind after an update is dead weight.
    assert sorted(p.name for p in live_chart.VENDOR_DIR.iterdir()) == sorted(
        [live_chart.PLOTLY_JS_NAME, live_chart.PLOTLY_JS_LICENSE, "README.md"]
    )


def test_the_bundle_is_the_plotly_js_the_pinned_python_plotly_writes_figures_for():
    # `make lock` may move python plotly to a newer plotly.js: its figures could then use
    # attributes the vendored bundle does not know. Update ui/app/vendor/ (its README says how).
    assert plotly.offline.get_plotlyjs_version() == live_chart.PLOTLY_JS_VERSION


def test_plotly_js_url_respects_the_base_url_path():
    saved = config.get_option("server.baseUrlPath")
    try:
        config.set_option("server.baseUrlPath", "")
        assert live_chart.plotly_js_url() == f"/app/static/{live_chart.PLOTLY_JS_NAME}"
        config.set_option("server.baseUrlPath", "/sib/live/")
        assert live_chart.plotly_js_url() == f"/sib/live/app/static/{live_chart.PLOTLY_JS_NAME}"
    finally:
        config.set_option("server.baseUrlPath", saved)


@pytest.mark.apptest  # the other tests here need no app
def test_the_browser_gets_each_figure_with_its_own_template_and_danish_separators():
    at = start({"lang": "da"})
    figures = {}
    for text_key in EXPLORER_TABS:
        figures.update(charts(open_explorer_tab(at, text_key)))
    assert set(figures) == {
        "explorer_investor_irr",
        "explorer_commissioner",
        "explorer_wrong_pocket",
        "explorer_payoff",
        "explorer_cash_flows",
    }
    for key, figure in figures.items():
        layout = figure["layout"]
        assert layout["separators"] == ",.", key
        # The dashboard's own template, not Streamlit's (whose colours only st.plotly_chart
        # fills in): its font colour is there.
        assert layout["template"]["layout"]["font"]["color"] == "#31333F", key
        assert figure["data"], key
        # Every trace is of a type the served plotly.js bundle has (else it would not draw).
        assert {t.get("type", "scatter") for t in figure["data"]} <= live_chart.PLOTLY_JS_TRACES
