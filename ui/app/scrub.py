"""Charts and headline numbers that follow a headline slider while it is dragged.

Streamlit's slider tells the script its value only when it is let go, so a page would move
only on release. This component (``scrub.js`` beside this file, Components v2, no visible
output) lets the page move *during* the drag without a server round trip per frame:

* the server computes, once per scenario-without-this-slider, page view and language, the
  page's open charts and its headline numbers at a grid of the slider's values (the *frames*,
  :func:`frames_json`), cached with ``st.cache_resource`` and so shared by every session;
* only the frames of the slider the reader is about to use are sent (it is *armed* when the
  pointer comes over it, a finger touches it or it gets the keyboard focus: the component
  then reports it and the next run carries its frames; before that, the success slider's),
  so a run carries one slider's grid, not three; and once the browser reports that it holds
  them (``have``), runs name them without sending them again;
* while the thumb is dragged (mouse, touch, or an arrow key held down), ``scrub.js`` reads
  the thumb on every animation frame and shows the frame of the nearest grid value: the
  charts are handed to the in-place charts (``live_chart.js``, which redraw with
  ``Plotly.react``) and the headline numbers' texts are replaced;
* on release Streamlit's slider reports the value as it always did, the script reruns, and
  the page settles to the server's figures.

One true number: a frame is built by the very functions the page draws with
(:func:`ui.app.layout.shown_chart`, :func:`ui.app.results.headline_words`), so the frame at a
grid value *is* the settled page at that value (``tests/app/test_scrub.py`` holds them equal).
Every text is formatted here, by the server, never in JavaScript. Between grid values the
nearest frame is shown; the thumb's own label, keyboard steps, help, Danish labels, focus
ring and ``role="slider"`` stay Streamlit's, since the sliders themselves are unchanged.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st

from sib_model import Scenario
from ui.app import results
from ui.app.component_js import component_js
from ui.app.layout import sentences_markdown, shown_chart
from ui.app.live_chart import ChartJSON
from ui.app.sidebar import group_caption, headline_options
from ui.spec import keys
from ui.spec.inputs import HEADLINE_FIELDS, INPUTS, cohort_slider_max
from ui.text.translator import Translator
from ui.words import narrative

__all__ = [
    "ScrubView",
    "FRAME_LIMIT",
    "follow_sliders",
    "slider_grid",
    "frames_json",
    "frame_charts",
    "frame_metrics",
    "frame_texts",
    "markdown_segments",
    "SIDEBAR_TEXTS",
    "keyboard_neighbours",
    "healed_value",
]

_HERE = Path(__file__).resolve().parent
_LOG = logging.getLogger(__name__)
#: At most this many frames per slider: a drag across the whole slider shows this many
#: pictures (a share every 2 %), and one slider's frames of two charts are some 350 kB of
#: JSON per run.
FRAME_LIMIT = 51


@dataclass(frozen=True)
class ScrubView:
    """What of a page follows a dragged headline slider.

    ``page``: which page's chart builders (``"explorer"`` or ``"creaming"``); ``charts``: the
    keys of the charts drawn now (the open tab's, or the one chart of presenter mode);
    ``metrics``: the indices (in :func:`ui.words.headline.headline_figures`) of the headline
    figures on the page, in the order the page shows them; ``texts``: the keyed containers of
    words that follow too (of :data:`TEXTS`); ``present`` and ``height``: as the
    page passes them to :func:`ui.app.layout.show_chart`; ``frames``: at most this many frames
    per slider."""

    page: str
    charts: tuple[str, ...]
    metrics: tuple[int, ...]
    present: bool = False
    height: int | None = None
    #: How many frames a slider has at most (fewer where a frame costs a sweep of the model).
    frames: int = FRAME_LIMIT
    #: Whether the armed slider's two keyboard neighbours are framed on every run too (and
    #: built ahead, after the run: the Explorer's, and the Creaming frontier's, whose walk
    #: then finds each new value's sweep done).
    near: bool = False
    #: The containers of words on the page that follow a drag too (keys of :data:`TEXTS`).
    texts: tuple[str, ...] = ()


def _explorer_chart(
    key: str, s: Scenario, baseline: Scenario, view: ScrubView, t: Translator
) -> ChartJSON:
    chart = results.explorer_chart_with_baseline(key, s, baseline, t.lang)
    return shown_chart(chart, present=view.present, height=view.height)


def _page_chart(
    key: str, s: Scenario, baseline: Scenario, view: ScrubView, t: Translator
) -> ChartJSON:
    # As ui.app.page_charts.show_page_chart draws it, with the ghost of state.ghost().
    ghost = None if baseline == s else baseline
    return shown_chart(
        results.page_chart(key, s, t.lang),
        None if ghost is None else results.page_chart(key, ghost, t.lang),
        t("baseline"),
        present=view.present,
        height=view.height,
    )


ChartBuilder = Callable[[str, Scenario, Scenario, ScrubView, Translator], ChartJSON]
_CHART_BUILDERS: dict[str, ChartBuilder] = {
    "explorer": _explorer_chart,
    "creaming": _page_chart,
}


def frame_charts(
    view: ScrubView, s: Scenario, baseline: Scenario, lang: str
) -> dict[str, ChartJSON]:
    """The charts of ``view`` for scenario ``s``, exactly as the page draws them."""
    t = Translator(lang)
    build = _CHART_BUILDERS[view.page]
    return {key: build(key, s, baseline, view, t) for key in view.charts}


def frame_metrics(
    view: ScrubView, s: Scenario, baseline: Scenario, lang: str
) -> list[tuple[str, str]]:
    """The headline figures of ``view`` for scenario ``s``, as shown: (value, change) each,
    the change empty when there is none."""
    ghost = None if baseline == s else baseline
    figures = results.headline_words(s, ghost, lang)[0]
    return [(figures[i].value, figures[i].delta or "") for i in view.metrics]


#: The words that follow a dragged slider, by the key of the container the page draws them in:
#: each the very markdown the page draws for a scenario and language.
TEXTS: dict[str, Callable[[Scenario, str], str]] = {
    keys.RETURNS_NOTE: lambda s, lang: results.headline_words(s, None, lang)[1],
    keys.GROUP_CAPTION: lambda s, lang: group_caption(s, Translator(lang)),
    keys.EXPLORER_SENTENCES: lambda s, lang: sentences_markdown(
        results.explorer_sentences(s, lang)
    ),
    keys.CREAMING_SENTENCES: lambda s, lang: sentences_markdown(
        narrative.creaming_sentences(results.creaming_results(s), Translator(lang))
    ),
}
#: The words of the sidebar, on every page that follows a drag.
SIDEBAR_TEXTS = (keys.GROUP_CAPTION,)

# What markdown might turn into something other than its own letters: escapes, code, links,
# emphasis by underscores, headings, HTML, entities, maths, tables, strike-through, icons and
# emoji shortcodes, numbered lists.
_NOT_PLAIN = re.compile(r"[\\`_\[\]<>#&$|~]|:[a-z0-9_/-]+:|^\s*\d+[.)]\s", re.MULTILINE)


def markdown_segments(markdown: str) -> list[str] | None:
    """The texts of ``markdown`` as the browser holds them, one per text node in order
    (whitespace-only ones left out), or None where the markdown is more than lines of plain
    words, optionally bulleted ("- "), with **bold** parts: only those are followed, so a
    frame's words go exactly where the page's were. ``scrub.js`` writes them into the text
    nodes of the container only when their number and the settled page's texts agree."""
    if _NOT_PLAIN.search(markdown):
        return None
    segments: list[str] = []
    for line in markdown.split("\n"):
        line = line.strip()
        if line.startswith("- "):
            line = line[2:].lstrip()
        parts = line.split("**")
        if len(parts) % 2 == 0 or any("*" in part for part in parts):
            return None
        segments.extend(part for part in parts if part.strip())
    return segments


def frame_texts(view: ScrubView, s: Scenario, lang: str) -> dict[str, list[str] | None]:
    """The words of ``view``'s containers for scenario ``s`` (:func:`markdown_segments`)."""
    return {key: markdown_segments(TEXTS[key](s, lang)) for key in view.texts}


def slider_grid(
    field: str, s: Scenario, present: bool, limit: int = FRAME_LIMIT
) -> tuple[float, ...]:
    """The values of headline slider ``field`` that have a frame: at most ``limit`` of the
    values the slider can take, evenly spread, both ends included. The same for every
    position of the thumb (a value between steps, from a link or a preset, is not in it), so
    the frames of a slider are kept once per scenario-without-this-slider."""
    options = headline_options(field, s, present, None)
    if options is None:  # the cohort's plain slider: every whole number in its range
        lo, hi = int(INPUTS[field].lo), cohort_slider_max(s.cohort_size)
        step = max(1, math.ceil((hi - lo) / (limit - 1)))
        step = _round_step(step)
        values = [float(lo), *(float(v) for v in range(step, hi + 1, step))]
        if values[-1] != hi:
            values.append(float(hi))
        return tuple(values)
    stride = _round_step(max(1, math.ceil((len(options) - 1) / (limit - 1))))
    picked = options[::stride]
    if picked[-1] != options[-1]:
        picked.append(options[-1])
    return tuple(float(v) for v in picked)


def _round_step(step: int) -> int:
    """``step`` rounded up to 1, 2, 2.5, 4 or 5 times a power of ten (the cohort's frames at
    25, 50, …, not at 25, 49, …; a share's at 4 %, 8 %, …): round numbers are where a reader
    lets go."""
    power = 10 ** max(0, len(str(step)) - 1)
    for nice in (1, 2, 2.5, 4, 5, 10):
        if step <= nice * power:
            return int(nice * power)
    return step


def _field_value(field: str, value: float) -> float | int:
    return int(value) if INPUTS[field].unit in ("count", "years") else round(float(value), 6)


def _at(s: Scenario, field: str, value: float) -> Scenario:
    return s.replace(**{field: _field_value(field, value)})


def frames_id(
    view: ScrubView,
    field: str,
    base: Scenario,
    baseline: Scenario,
    lang: str,
    grid: tuple[float, ...],
) -> str:
    """The name of the frames :func:`frames_json` builds from the same arguments."""
    parts = (repr(view), field, results.scenario_key(base), results.scenario_key(baseline))
    return hashlib.sha1("|".join((*parts, lang, repr(grid))).encode()).hexdigest()[:16]


@st.cache_resource(max_entries=64, show_spinner=False, hash_funcs={Scenario: results.scenario_key})
def frames_json(
    view: ScrubView,
    field: str,
    base: Scenario,
    baseline: Scenario,
    lang: str,
    grid: tuple[float, ...],
) -> str:
    """Every frame of slider ``field`` over ``grid`` for scenario ``base`` (whose own value of
    ``field`` does not matter), as one JSON text::

        {"id": ..., "field": ..., "values": [v, ...],
         "charts": {chart key: [figure, or its change from an earlier frame, at v, ...]},
         "metrics": [[[value, change], ...] at v, ...],
         "texts": [{container key: [text, ...] or null} at v, ...]}

    Built once and shared by every session; each chart's frames are compacted by
    :func:`_compact`."""
    scenarios = [_at(base, field, v) for v in grid]
    built = [frame_charts(view, s, baseline, lang) for s in scenarios]
    charts = ",".join(
        json.dumps(key) + ":" + _compact([json.loads(frame[key].json) for frame in built])
        for key in view.charts
    )
    metrics = [frame_metrics(view, s, baseline, lang) for s in scenarios]
    texts = [frame_texts(view, s, lang) for s in scenarios]
    frame_id = frames_id(view, field, base, baseline, lang, grid)
    return (
        '{"id":'
        + json.dumps(frame_id)
        + ',"field":'
        + json.dumps(field)
        + ',"values":'
        + json.dumps(list(grid))
        + ',"charts":{'
        + charts
        + '},"metrics":'
        + json.dumps(metrics, ensure_ascii=False)
        + ',"texts":'
        + json.dumps(texts, ensure_ascii=False)
        + "}"
    )


def _compact(figures: list[dict[str, Any]]) -> str:
    """One chart's frames as JSON, each figure as what differs from an earlier frame of the
    same shape (as many traces, the same layout entries), ``ref`` its index: its traces (null
    where a trace is the earlier one's: the baseline's ghost, a fixed line) and its layout's
    changed entries (the template stays); a figure of a new shape goes whole. Frames of two
    charts shrink to about a third. ``scrub.js`` builds every frame whole again
    (``expand``)."""
    changes: list[dict[str, Any]] = []
    for index, figure in enumerate(figures):
        data, layout = figure.get("data", []), figure.get("layout", {})
        ref = next(
            (
                j
                for j in range(index - 1, -1, -1)
                if len(figures[j].get("data", [])) == len(data)
                and set(figures[j].get("layout", {})) == set(layout)
            ),
            None,
        )
        if ref is None:
            changes.append({"whole": figure})
            continue
        earlier = figures[ref]
        changes.append(
            {
                "ref": ref,
                "data": [None if t == earlier["data"][i] else t for i, t in enumerate(data)],
                "layout": {k: v for k, v in layout.items() if earlier["layout"][k] != v},
            }
        )
    return json.dumps(changes, separators=(",", ":"))


_mount = st.components.v2.component(
    "sib_scrub",
    js=component_js(_HERE / "scrub.js"),
    isolate_styles=False,
)


#: The slider whose frames a page carries before the reader has come near any: the one a
#: workshop drags most, so its first drag moves the page from the first instant.
FIRST_ARMED = "success_probability"


def _reported(name: str) -> object:
    reported = st.session_state.get(keys.SCRUB) or {}
    return reported.get(name) if hasattr(reported, "get") else None


def _reported_field(report: object) -> str | None:
    """The slider named by an ``armed`` report: ``{"field": ..., "n": ...}`` (the count makes
    every report new, also one naming the slider an earlier report named) or a field name."""
    field = report.get("field") if isinstance(report, dict) else report
    return field if isinstance(field, str) and field in HEADLINE_FIELDS else None


def moved_field(before: Scenario | None, s: Scenario) -> str | None:
    """The headline slider that alone changed from scenario ``before`` to ``s``, if one did."""
    if before is None:
        return None
    moved = [f for f in HEADLINE_FIELDS if getattr(before, f) != getattr(s, f)]
    if len(moved) != 1 or before.replace(**{moved[0]: getattr(s, moved[0])}) != s:
        return None
    return moved[0]


def _armed(s: Scenario) -> str:
    """The slider whose frames this run sends: the one the browser last reported the reader
    at (pointer, finger, focus) when that report is new; else the one this run's move came
    from (the browser reports a slider only once it has been still for a moment, after the
    release's run: that run would otherwise build and send another slider's frames, some
    0.6 s of server time and 300 kB, for a scenario the reader is not dragging in); else the
    one armed before."""
    report = _reported("armed")
    before = st.session_state.get(keys.SCRUB_ARMED)
    last_report, last_field, last_scenario = (
        before if isinstance(before, tuple) and len(before) == 3 else (None, None, None)
    )
    field = _reported_field(report) if report != last_report else None
    field = field or moved_field(last_scenario, s) or last_field
    field = field or _reported_field(report) or FIRST_ARMED
    st.session_state[keys.SCRUB_ARMED] = (report, field, s)
    return field


def _noop() -> None:
    """Callback of the component's report: the rerun it causes is all it needs."""


def healed_value(
    field: str, value: object, s: Scenario, present: bool, current: float | None
) -> float | int | None:
    """``value``, reported by the browser for headline slider ``field``, as the slider's own
    value, or None when the slider could not hold it: one of the options the slider offers
    for scenario ``s`` (its thumb at ``current``), or a whole number inside the cohort
    slider's range. The browser's word is data: anything else is ignored."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value):
        return None
    options = headline_options(field, s, present, current)
    if options is None:
        lo, hi = int(INPUTS[field].lo), cohort_slider_max(s.cohort_size)
        return int(value) if value == int(value) and lo <= value <= hi else None
    return next((option for option in options if abs(option - value) < 1e-9), None)


def _heal() -> None:
    """Callback of the component's ``heal`` report: a headline slider's thumb has shown a
    value for a while that the script never heard of (``{"field": ..., "value": ...}``).

    Streamlit's slider sends its value when a key press or a drag ends; should that message be
    lost (a run asked for in the same moment was seen to draw the slider at its old value,
    cause not proven), the page would go on showing a value whose figures it never draws.
    ``scrub.js`` notices the thumb and the run's value disagreeing once the slider has been
    still for a while, and reports the thumb's value; here it becomes the slider's value, as
    if the slider had sent it. The value is checked like a slider's own: one of the options
    the slider offers, or a whole number inside its range; anything else is ignored."""
    heal = _reported("heal")
    s = st.session_state.get(keys.SCENARIO)
    if not isinstance(heal, dict) or not isinstance(s, Scenario):
        return
    field = heal.get("field")
    if field not in HEADLINE_FIELDS:
        return
    key = INPUTS[field].key
    present = bool(st.session_state.get(keys.PRESENT))
    chosen = healed_value(field, heal.get("value"), s, present, st.session_state.get(key))
    if chosen is None:
        return
    _LOG.info("a headline slider's value came by the component: %s = %s", field, chosen)
    st.session_state[key] = chosen


def keyboard_neighbours(
    field: str, s: Scenario, present: bool, current: float | None, reach: int = 1
) -> list[float]:
    """The values one key press (arrow left or right) moves headline slider ``field`` to from
    scenario ``s``'s value (its thumb at ``current``), inside the slider; with ``reach`` 2,
    those of two presses too."""
    value = getattr(s, field)
    options = headline_options(field, s, present, current)
    moves = [m for r in range(1, reach + 1) for m in (-r, r)]
    if options is None:
        lo, hi = int(INPUTS[field].lo), cohort_slider_max(s.cohort_size)
        step = int(INPUTS[field].step)
        return [float(value + m * step) for m in moves if lo <= value + m * step <= hi]
    if value not in options:
        return []
    index = options.index(value)
    return [float(options[index + m]) for m in moves if 0 <= index + m < len(options)]


NearFrame = tuple[float, dict[str, str], list[tuple[str, str]], dict[str, list[str] | None]]
#: Frames of keyboard neighbours built ahead (by :func:`_build_ahead`, in a worker thread),
#: newest last, shared by every session like the caches they are built from.
_NEAR: OrderedDict[tuple[object, ...], NearFrame] = OrderedDict()
_NEAR_LOCK = threading.Lock()
_NEAR_MAX = 512
_AHEAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sib-scrub-ahead")
#: Builds waiting for the worker at most: under a room's load a build ahead is dropped rather
#: than queued behind builds for values the readers have long passed (the run builds what it
#: needs itself).
_AHEAD_QUEUE = 4
_ahead_waiting = 0


def _ahead_done(_: object) -> None:
    global _ahead_waiting
    with _NEAR_LOCK:
        _ahead_waiting -= 1


def _build_later(
    view: ScrubView, field: str, scenarios: list[Scenario], baseline: Scenario, lang: str
) -> None:
    """Hand :func:`_build_ahead` to the worker thread, unless too many builds wait already."""
    global _ahead_waiting
    with _NEAR_LOCK:
        if _ahead_waiting >= _AHEAD_QUEUE:
            return
        _ahead_waiting += 1
    _AHEAD.submit(_build_ahead, view, field, scenarios, baseline, lang).add_done_callback(
        _ahead_done
    )


def _near_key(
    view: ScrubView, field: str, s: Scenario, baseline: Scenario, lang: str
) -> tuple[object, ...]:
    return (view, field, results.scenario_key(s), results.scenario_key(baseline), lang)


def _build_ahead(
    view: ScrubView, field: str, scenarios: list[Scenario], baseline: Scenario, lang: str
) -> None:
    """Build the frames of ``scenarios`` (neighbours of the value on screen) into the caches
    every figure is kept in, and note each as a ready frame. Runs after the script run, in a
    worker thread: the run that a key press then causes finds its page built, and the
    browser got this frame with the run before to show at the press."""
    for at in scenarios:
        key = _near_key(view, field, at, baseline, lang)
        with _NEAR_LOCK:
            if key in _NEAR:
                continue
        try:
            shown = frame_charts(view, at, baseline, lang)
            if view.page == "explorer":
                results.explorer_sentences(at, lang)
            frame = (
                float(getattr(at, field)),
                {chart: figure.json for chart, figure in shown.items()},
                frame_metrics(view, at, baseline, lang),
                frame_texts(view, at, lang),
            )
        except Exception:  # a frame ahead is a convenience: the run builds it if need be
            _LOG.exception("building a frame ahead failed")
            continue
        with _NEAR_LOCK:
            _NEAR[key] = frame
            while len(_NEAR) > _NEAR_MAX:
                _NEAR.popitem(last=False)


def _near_frames(
    view: ScrubView, field: str, s: Scenario, baseline: Scenario, lang: str
) -> list[NearFrame]:
    """The frames of the armed slider's keyboard neighbours that are built already, as
    ``(value, {chart key: figure JSON text}, headline figures, words)``;
    the neighbours one and two
    presses away that are not are built after this run (:func:`_build_ahead`). On a walk
    (every value new) each press's frame was built after the run before: the press shows it
    at once, and the run it causes finds everything built (a move to a value never seen
    costs what a move back to a seen one does)."""
    current = st.session_state.get(INPUTS[field].key)
    one = keyboard_neighbours(field, s, view.present, current)
    near, missing = [], []
    for value in keyboard_neighbours(field, s, view.present, current, reach=2):
        at = _at(s, field, value)
        with _NEAR_LOCK:
            frame = _NEAR.get(_near_key(view, field, at, baseline, lang))
        if frame is None:
            missing.append(at)
        elif value in one:
            near.append(frame)
    if missing:
        _build_later(view, field, missing, baseline, lang)
    return near


def follow_sliders(view: ScrubView, s: Scenario, baseline: Scenario, t: Translator) -> None:
    """Mount the component for a page showing ``view`` of scenario ``s`` (call it after the
    page's charts and figures are drawn): the armed slider's frames go with it."""
    fields = {}
    for field in HEADLINE_FIELDS:
        key = INPUTS[field].key
        options = headline_options(field, s, view.present, st.session_state.get(key))
        fields[field] = {
            "keys": [key, keys.phone_copy(key)],
            "options": options,
            "value": _field_value(field, getattr(s, field)),
        }
    armed = _armed(s)
    near = _near_frames(view, armed, s, baseline, t.lang) if view.near else []
    frames = name = None
    if view.charts or view.metrics:
        grid = slider_grid(armed, s, view.present, view.frames)
        base = _at(s, armed, grid[0])
        name = frames_id(view, armed, base, baseline, t.lang, grid)
        # Frames the browser says it holds are not sent again: some 250 kB on every run cost
        # the browser about a tenth of a second to take in.
        if _reported("have") != name:
            frames = frames_json(view, armed, base, baseline, t.lang, grid)
    data = {
        "fields": fields,
        "armed": armed,
        "frames": frames,
        "frames_id": name,
        "near": near,
        "settled": frame_metrics(view, s, baseline, t.lang),
        "settled_texts": frame_texts(view, s, t.lang),
        # A new value on every run, so the browser side hears of every run (it settles the
        # page after a drag on the run that follows the release).
        "run": time.monotonic_ns(),
    }
    _mount(
        key=keys.SCRUB,
        data=data,
        default={"armed": None, "have": None, "heal": None},
        on_armed_change=_noop,
        on_have_change=_noop,
        on_heal_change=_heal,
        height=0,
    )
