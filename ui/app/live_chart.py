"""Plotly charts that are redrawn in place: a small Streamlit component.

``st.plotly_chart`` replaces a chart's DOM node on every script run (a blank frame, and
plotly draws from scratch) even under a fixed ``key``. This component keeps one chart node per
key and hands each new figure to ``Plotly.react``, which redraws only what changed. The figure
is any plotly figure (any traces and layout: the builders in :mod:`ui.charts` stay as they
are), sent as plotly's own JSON, so number formats (``separators``, hover text), the template
and hover all reach the browser exactly as ``st.plotly_chart`` would send them.

How the pieces fit:

* the browser side is ``live_chart.js`` beside this file (a Streamlit Components v2 module,
  mounted without a shadow root so plotly's global styles reach the chart);
* plotly.js itself is *not* sent with each chart (4.6 MB per rerun doubled the redraw time):
  the browser loads it once from Streamlit's static file serving (``server.enableStaticServing``
  in ``.streamlit/config.toml``) at ``<baseUrlPath>/app/static/plotly-cartesian-<version>.min.js``.
  It is plotly.js's official *cartesian* partial bundle (the charts draw scatter, bar and
  heatmap traces only: 1.5 MB, 0.5 MB gzipped, against 4.8 and 1.5 MB for the full
  ``plotly.min.js``), vendored in ``vendor/`` beside this file with its licence (source,
  version and checksum in ``vendor/README.md``) and copied into the app's ``static/`` folder by
  :func:`ensure_plotly_js` (``app.py`` calls it on start; a container image at build time, so
  the app folder can be read-only). The name carries the version, so a proxy may let
  browsers cache it for a year (``deploy/nginx-sib.conf``);
* :func:`figure_of` reads the key and figure back from an element of an AppTest run, so tests
  can look at what was drawn.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import streamlit as st
from streamlit import config

from ui.app.component_js import component_js
from ui.spec.pages import PHONE_WIDTH

__all__ = [
    "live_chart",
    "plotly_js_url",
    "ensure_plotly_js",
    "figure_of",
    "ELEMENT_TYPE",
    "PLOTLY_JS_NAME",
    "PLOTLY_JS_TRACES",
]

_HERE = Path(__file__).resolve().parent
#: The plotly.js version vendored in ``vendor/``: the one the pinned python plotly bundles
#: (a test holds them together), so figures are drawn by the plotly.js they were written for.
PLOTLY_JS_VERSION = "4.1.1"
PLOTLY_JS_NAME = f"plotly-cartesian-{PLOTLY_JS_VERSION}.min.js"
#: Its licence, copied and served beside it.
PLOTLY_JS_LICENSE = f"plotly-cartesian-{PLOTLY_JS_VERSION}.LICENSE.txt"
#: The trace types the cartesian bundle registers; a chart of any other type would not draw.
PLOTLY_JS_TRACES = frozenset(
    {"bar", "box", "contour", "heatmap", "histogram", "histogram2d", "histogram2dcontour"}
    | {"image", "pie", "scatter", "scatterternary", "violin"}
)
VENDOR_DIR = _HERE / "vendor"
#: How AppTest names the elements this component draws (``at.get(ELEMENT_TYPE)``).
ELEMENT_TYPE = "bidi_component"
_DEFAULT_HEIGHT = 450  # plotly's own default figure height, px


def ensure_plotly_js(static_dir: Path) -> Path:
    """Copy the vendored plotly.js bundle (and its licence beside it) into ``static_dir``
    unless an identical copy is there already; the path of the served copy.

    ``static_dir`` is the ``static/`` folder beside the app's main script, which is what
    Streamlit serves; never a folder beside this package, which an installed (not editable)
    package keeps in site-packages."""
    target = static_dir / PLOTLY_JS_NAME
    for name in (PLOTLY_JS_NAME, PLOTLY_JS_LICENSE):
        source, copy = VENDOR_DIR / name, static_dir / name
        if copy.is_file() and copy.stat().st_size == source.stat().st_size:
            continue
        static_dir.mkdir(parents=True, exist_ok=True)
        # A name of this process's own: two processes starting at once (test workers, two
        # replicas on one folder) would otherwise write into, and move away, one another's copy.
        partial = copy.with_suffix(f".{os.getpid()}.partial")
        shutil.copyfile(source, partial)
        partial.replace(copy)  # atomic: a browser never gets half a file
    return target


def plotly_js_url() -> str:
    """Absolute URL path of the served plotly.js, under ``server.baseUrlPath`` when the app is
    served below a path prefix (absolute, so it works from every page's URL)."""
    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/app/static/{PLOTLY_JS_NAME}" if base else f"/app/static/{PLOTLY_JS_NAME}"


_mount = st.components.v2.component(
    "sib_live_chart", js=component_js(_HERE / "live_chart.js"), isolate_styles=False
)


@dataclass(frozen=True)
class ChartJSON:
    """A figure already turned into plotly JSON, with its height: what a cache can keep."""

    json: str
    height: int

    @classmethod
    def of(cls, figure: go.Figure) -> ChartJSON:
        return cls(figure.to_json(), int(figure.layout.height or _DEFAULT_HEIGHT))


def live_chart(
    figure: go.Figure | ChartJSON,
    key: str,
    config: dict[str, Any] | None = None,
    where: Any = st,
    alt: dict[str, str] | None = None,
    magnify: tuple[int, int] | None = None,
) -> None:
    """Draw ``figure`` under ``key`` in ``where`` (a column, a container, or the page), and on
    later runs redraw the same chart in place.

    ``figure`` may come ready as :class:`ChartJSON` (from a cache, so a repeated scenario costs
    no figure building at all). ``config`` is plotly.js's config object (mode bar, scroll
    zoom, ...). The figure keeps its own template: Streamlit's plotly theme is never applied
    here. ``alt`` holds the words of the chart's text alternative in the page's language
    (``chart``, ``against``, ``series``): the browser names the chart by its title, axes and
    series with them (live_chart.js, ``describe``). With ``magnify`` (the screen the figure
    was made for, width and height in CSS px), a larger window draws it magnified: height,
    margins and fonts times the smaller of the two ratios (presenter mode on a 1920×1080
    projector).
    """
    chart = figure if isinstance(figure, ChartJSON) else ChartJSON.of(figure)
    height = chart.height
    data = {
        "key": key,
        "figure": chart.json,
        "config": config or {},
        "plotly": plotly_js_url(),
        "height": height,
        "narrow": PHONE_WIDTH,
        "alt": alt or {},
        "magnify": magnify,
    }
    # The element is as tall as its chart ("content"): the browser side holds the figure's
    # height before plotly has drawn, and a chart fitted to a phone may grow (live_chart.js).
    if where is st:
        _mount(key=key, data=data, height="content")
    else:
        with where:
            _mount(key=key, data=data, height="content")


def figure_of(element: Any) -> tuple[str, dict[str, Any]] | None:
    """``(key, figure)`` of a :func:`live_chart` element of an AppTest run (the figure as
    ``{"data": [...], "layout": {...}}``), or None for any other kind of element."""
    proto = getattr(element, "proto", None)
    if proto is None or getattr(proto, "component_name", None) != "sib_live_chart":
        return None
    data = json.loads(proto.json)
    return data["key"], json.loads(data["figure"])
