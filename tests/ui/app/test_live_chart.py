"""The in-place chart component's Python side: where plotly.js is served from, and that the
figure reaching the browser is the builder's figure, formats and template included."""

from __future__ import annotations

from pathlib import Path

import plotly
import pytest
from streamlit import config

from tests._app import charts, open_explorer_tab, start
from ui.app import live_chart
from ui.spec.pages import EXPLORER_TABS


def test_plotly_js_is_copied_from_the_installed_package(tmp_path: Path):
    copied = live_chart.ensure_plotly_js(tmp_path)
    source = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    assert copied == tmp_path / f"plotly-{plotly.__version__}.min.js"
    assert copied.read_bytes() == source.read_bytes()
    assert live_chart.ensure_plotly_js(tmp_path) == copied  # a second call keeps the copy


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
