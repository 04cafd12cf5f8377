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
  it is copied once from the installed ``plotly`` package into the app's ``static/`` folder
  (beside ``app.py``, which calls :func:`ensure_plotly_js` on start; a container image does
  it at build time, so the app folder can be read-only) and served by Streamlit's static
  file serving (``server.enableStaticServing`` in
  ``.streamlit/config.toml``) at ``<baseUrlPath>/app/static/plotly-<version>.min.js``; the
  browser loads it once per page and caches it;
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

import plotly
import plotly.graph_objects as go
import streamlit as st
from streamlit import config

from ui.spec.pages import PHONE_WIDTH

__all__ = ["live_chart", "plotly_js_url", "ensure_plotly_js", "figure_of", "ELEMENT_TYPE"]

_HERE = Path(__file__).resolve().parent
PLOTLY_JS_NAME = f"plotly-{plotly.__version__}.min.js"
#: How AppTest names the elements this component draws (``at.get(ELEMENT_TYPE)``).
ELEMENT_TYPE = "bidi_component"
_DEFAULT_HEIGHT = 450  # plotly's own default figure height, px


def ensure_plotly_js(static_dir: Path) -> Path:
    """Copy ``plotly.min.js`` from the installed plotly package into ``static_dir`` unless an
    identical copy is there already (the file's name carries plotly's version).

    ``static_dir`` is the ``static/`` folder beside the app's main script, which is what
    Streamlit serves; never a folder beside this package, which an installed (not editable)
    package keeps in site-packages."""
    source = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
    target = static_dir / PLOTLY_JS_NAME
    if not target.is_file() or target.stat().st_size != source.stat().st_size:
        static_dir.mkdir(parents=True, exist_ok=True)
        # A name of this process's own: two processes starting at once (test workers, two
        # replicas on one folder) would otherwise write into, and move away, one another's copy.
        partial = target.with_suffix(f".{os.getpid()}.partial")
        shutil.copyfile(source, partial)
        partial.replace(target)  # atomic: a browser never gets half a file
    return target


def plotly_js_url() -> str:
    """Absolute URL path of the served plotly.js, under ``server.baseUrlPath`` when the app is
    served below a path prefix (absolute, so it works from every page's URL)."""
    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/app/static/{PLOTLY_JS_NAME}" if base else f"/app/static/{PLOTLY_JS_NAME}"


_mount = st.components.v2.component(
    "sib_live_chart", js=(_HERE / "live_chart.js").read_text(encoding="utf-8"), isolate_styles=False
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
    magnify: tuple[int, int] | None = None,
) -> None:
    """Draw ``figure`` under ``key`` in ``where`` (a column, a container, or the page), and on
    later runs redraw the same chart in place.

    ``figure`` may come ready as :class:`ChartJSON` (from a cache, so a repeated scenario costs
    no figure building at all). ``config`` is plotly.js's config object (mode bar, scroll
    zoom, ...). The figure keeps its own template: Streamlit's plotly theme is never applied
    here. With ``magnify`` (the screen the figure was made for, width and height in CSS px),
    a larger window draws it magnified: height, margins and fonts times the smaller of the two
    ratios (presenter mode on a 1920×1080 projector).
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
