"""Placing things on a page the same way everywhere: charts and lists of sentences."""

from __future__ import annotations

import base64
import functools
import html
import json
import re
from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from ui.app.live_chart import ChartJSON, live_chart
from ui.charts import add_baseline, presenter_figure
from ui.spec import keys
from ui.spec.inputs import InputSpec, slider_digits, slider_options
from ui.spec.pages import PHONE_WIDTH, PRESENTER_SCREEN
from ui.text.translator import LANGUAGES, Translator

#: Presenter mode's page style: large type, black text, headline numbers of 44 px, little
#: padding, so a projector at 1280×720 shows the numbers and one chart without scrolling.
#:
#: On a larger screen everything grows with it (``ui.spec.pages.PRESENTER_SCREEN``): the root
#: font size, hence every rem of Streamlit's and of these rules (text, gaps, buttons, sliders),
#: is 16 px times ``--sib-u``, the screen's factor (1 at 1280×720 or less, 1.5 at 1920×1080),
#: and the sidebar's width is 300 px times it. The charts grow by the same factor
#: (``live_chart.js``). The sidebar's small text is 1rem (16 px, 24 px at 1920×1080), not
#: Streamlit's 0.875rem: a projector's sidebar is read from the back of the room too.
PRESENTER_CSS = """<style>
:root { --sib-u: max(1px, min(100vw / {width}, 100vh / {height}));
  font-size: calc(16 * var(--sib-u)); }
[data-testid="stSidebar"][data-collapsed="false"] { width: calc(300 * var(--sib-u)) !important; }
.stMainBlockContainer, .block-container { padding-top: 3.4rem; padding-bottom: 1rem; }
.stApp, .stMarkdown, .stMarkdown p, .stMarkdown li { color: #000; }
.stMain .stMarkdown p, .stMain .stMarkdown li { font-size: 1.3rem; line-height: 1.4; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] div {
  font-size: 2.75rem; line-height: 1.15; color: #000; }
[data-testid="stMetric"] *, [data-testid="stMetricValue"] {
  white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; overflow-wrap: anywhere; }
[data-testid="stMetricLabel"] p { font-size: 1.15rem; color: #000; }
[data-testid="stMetricDelta"], [data-testid="stMetricDelta"] * { font-size: 1rem; }
[data-testid="stSidebarContent"] :is(p, li, label, code, input, [data-baseweb="select"] div) {
  font-size: 1rem; }
[data-testid="stSidebar"] [data-testid="stWidgetLabel"] p { font-size: 1.1rem; color: #000; }
[data-testid="stSliderThumbValue"] { font-size: 1.05rem; font-weight: 700; }
.stMain .stMarkdown p.sib-key-sentence { font-size: clamp(15px, 1.22vw, 1.7rem);
  font-weight: 600; margin: 0.2rem 0 0.3rem 0; }
[data-testid="stSidebarHeader"] { height: 2.2rem; margin-bottom: 0.2rem; }
[data-testid="stSidebarUserContent"] { padding-top: 0.4rem; }
[data-testid="stSidebarNav"] a { min-height: 0; line-height: 1.25; padding-top: 0.1rem;
  padding-bottom: 0.1rem; }
.stMain [data-testid="stButtonGroup"] button p { font-size: 1.15rem; font-weight: 600; }
.stMain .stButton [data-testid="stMarkdownContainer"],
.stMain .stButton [data-testid="stMarkdownContainer"] p { white-space: normal;
  overflow: visible; text-overflow: clip; }
.sib-ends { display: flex; justify-content: space-between; gap: 0.5rem; font-size: 1rem;
  color: #000; margin-top: -0.8rem; white-space: nowrap; }
</style>""".replace("{width}", str(PRESENTER_SCREEN[0])).replace(
    "{height}", str(PRESENTER_SCREEN[1])
)

__all__ = [
    "PLOTLY_CONFIG",
    "show_chart",
    "shown_chart",
    "show_sentences",
    "sentences_markdown",
    "show_key_sentence",
    "percent_slider",
    "ghosted",
    "presenting",
    "after_the_chart_on_phones",
    "PHONE_WIDTH",
]


#: The mode bar holds one button, "download as PNG" (at twice the screen's resolution, named
#: after the chart), shown while the pointer is over the chart; plotly's dozen other buttons
#: (zoom, pan, lasso, ...) cost drawing time on every redraw and a workshop audience does not
#: need them. The chart still zooms and shows hover values.
PLOTLY_CONFIG = {
    "displayModeBar": "hover",
    "modeBarButtons": [["toImage"]],
    "displaylogo": False,
    "responsive": False,
}


def ghosted(
    figure: go.Figure | ChartJSON, baseline: go.Figure | ChartJSON, label: str
) -> ChartJSON:
    """``figure`` with ``baseline`` (the same chart for the baseline scenario) drawn faintly
    behind it (see :func:`ui.charts.add_baseline`), as ready JSON."""
    current, ghost = (
        f if isinstance(f, ChartJSON) else ChartJSON.of(f) for f in (figure, baseline)
    )
    return ChartJSON(_ghosted_json(current.json, ghost.json, label), current.height)


# Cached on the figures' JSON text: a slider moved back to a value seen before, with the same
# baseline, costs no parsing and merging of the two figures on the next run. (Resources: the
# value is a string, shared by every session with nothing to copy.)
@st.cache_resource(max_entries=256, show_spinner=False)
def _ghosted_json(current: str, baseline: str, label: str) -> str:
    combined = add_baseline(json.loads(current), json.loads(baseline), label)
    return json.dumps(combined, separators=(",", ":"))


@st.cache_resource(max_entries=256, show_spinner=False)
def _presenter_json(figure: str, height: int | None) -> tuple[str, int]:
    shown = presenter_figure(json.loads(figure), height)
    return json.dumps(shown, separators=(",", ":")), int(shown["layout"].get("height", 450))


def show_chart(
    figure: go.Figure | ChartJSON,
    key: str,
    where: Any = st,
    baseline: go.Figure | ChartJSON | None = None,
    label: str = "baseline",
    height: int | None = None,
) -> None:
    """Draw ``figure`` under a stable ``key`` in ``where`` (a column, or the page); on the next
    run the same chart is redrawn in place (see :mod:`ui.app.live_chart`). With ``baseline``,
    that figure's traces are drawn faintly behind, under the legend entry ``label``. In
    presenter mode the chart gets large type and colour-blind-safe colours (and ``height``,
    when given)."""
    shown = shown_chart(figure, baseline, label, present=presenting(), height=height)
    config = {**PLOTLY_CONFIG, "toImageButtonOptions": {"filename": key, "scale": 2}}
    magnify = PRESENTER_SCREEN if presenting() else None
    words = _chart_words(st.session_state.get(keys.LANG, "en"))
    live_chart(shown, key, config, where, alt=dict(words), magnify=magnify)


def shown_chart(
    figure: go.Figure | ChartJSON,
    baseline: go.Figure | ChartJSON | None = None,
    label: str = "baseline",
    *,
    present: bool = False,
    height: int | None = None,
) -> ChartJSON:
    """The JSON :func:`show_chart` sends for ``figure``: with ``baseline`` behind it, and in
    presenter mode (``present``) with large type and ``height``. A function of its arguments
    only, so the frames a dragged slider shows (:mod:`ui.app.scrub`) are built by the same code
    as the chart a rerun draws: one true number."""
    if baseline is not None:
        figure = ghosted(figure, baseline, label)
    chart = figure if isinstance(figure, ChartJSON) else ChartJSON.of(figure)
    if present:
        chart = ChartJSON(*_presenter_json(chart.json, height))
    return chart


@functools.lru_cache(maxsize=4)
def _chart_words(lang: str) -> tuple[tuple[str, str], ...]:
    """The connecting words of a chart's text alternative in ``lang``, looked up once per
    language (every chart of every run asks)."""
    t = Translator(lang)
    return tuple(
        {
            "chart": t("chart_alt_chart"),
            "against": t("chart_alt_against"),
            "series": t("chart_alt_series"),
        }.items()
    )


def show_image(png: bytes, alt: str, caption: str = "", width: int = 520, where: Any = st) -> None:
    """An image with a text alternative (WCAG 2.1, 1.1.1), which ``st.image`` cannot give:
    the PNG inline, ``alt`` for a screen reader, ``caption`` under it. Both texts are the
    app's own (escaped all the same)."""
    source = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    caption_html = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    where.html(
        f'<figure class="sib-image" style="margin:0">'
        f'<img src="{source}" alt="{html.escape(alt, quote=True)}" '
        f'style="width:{int(width)}px;max-width:100%;height:auto">{caption_html}</figure>'
    )


def show_key_sentence(sentence: str, where: Any = st) -> None:
    """One sentence, large and on one line (presenter mode); ``**bold**`` stays bold."""
    body = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", html.escape(sentence, quote=False))
    where.markdown(f'<p class="sib-key-sentence">{body}</p>', unsafe_allow_html=True)


def show_sentences(sentences: list[str], where: Any = st) -> None:
    where.markdown(sentences_markdown(sentences))


def sentences_markdown(sentences: list[str] | tuple[str, ...]) -> str:
    """Sentences as the bullet list the pages show them in (markdown)."""
    return "\n".join(f"- {sentence}" for sentence in sentences)


def percent_slider(
    where: Any, label: str, lo: float, hi: float, step: float, key: str, help: str, t: Any
) -> float:
    """A page's own percentage slider whose value reads in the page's language ("5 %" in
    Danish, "5%" in English): a select slider over the range in steps (plus the current value
    when a link set one between steps); the value is the fraction, as ``st.slider`` gives."""
    spec = InputSpec(key, "slider", "fraction", lo, hi, step, "percent")
    options = slider_options(spec, st.session_state.get(key))
    value = where.select_slider(
        label,
        options,
        format_func=lambda v: t.fmt.percent(v, slider_digits(spec, v)),
        key=key,
        help=help,
    )
    return float(value)


def presenting() -> bool:
    """True in presenter mode (the sidebar's toggle, ``?present=1`` in a link)."""
    return bool(st.session_state.get(keys.PRESENT, False))


def after_the_chart_on_phones(*keys: str) -> None:
    """On a phone, draw the page's containers keyed ``keys`` (``st.container(key=...)``) after
    everything else on the page, in the order given, so the page's chart comes right after
    its title: the headline sliders at the top of a phone's screen and the chart they move
    are then on the first screen together. Wider screens keep the order of the code.

    The page's parts are items of one flex column; CSS ``order`` moves items without moving
    them in the document (a screen reader reads them in the code's order)."""
    rules = "\n".join(
        f'.stMain :is([data-testid="stLayoutWrapper"], [data-testid="stElementContainer"])'
        f":has(> .st-key-{key}) {{ order: {rank}; }}"
        for rank, key in enumerate(keys, 1)
    )
    st.html(f"<style>@media (max-width: {PHONE_WIDTH}px) {{\n{rules}\n}}</style>")


def lazy_tabs(key: str, label_keys: Sequence[str], t: Translator) -> list[tuple[str, Any]]:
    """Tabs (text keys ``label_keys``) whose content the caller draws only while open
    (``tab.open``): a tab nobody looks at costs a slider move nothing. Returns (text key, tab)
    pairs.

    Streamlit keeps the open tab by its label; after a language switch that is the other
    language's label, which is turned into the same tab's label in this one."""
    labels = [t(k) for k in label_keys]
    chosen = st.session_state.get(key)
    if chosen is not None and chosen not in labels:
        known = {
            Translator(lang)(k): labels[i] for lang in LANGUAGES for i, k in enumerate(label_keys)
        }
        if chosen in known:
            st.session_state[key] = known[chosen]
        else:
            del st.session_state[key]
    return list(zip(label_keys, st.tabs(labels, key=key, on_change="rerun"), strict=True))
