"""The sidebar every page shares: language, preset, the three headline sliders with the chosen
group's p(d) and c(d), and every other input under "Advanced".

Widgets are drawn from the specs in :mod:`ui.spec.inputs` and hold their values under stable keys
(``in_<field>``); they never get a ``value=`` argument, because :mod:`ui.app.state` puts each
value into session state before the widget is drawn.
"""

from __future__ import annotations

import html
from dataclasses import replace
from functools import lru_cache

import streamlit as st

from sib_model import PRESETS, Scenario, counterfactual_probability_at, success_probability_at
from ui.app.copy_link import copy_link
from ui.app.layout import PRESENTER_CSS, presenting
from ui.app.number_box import number_box
from ui.app.state import (
    CUSTOM_PRESET,
    app_root,
    apply_preset,
    choose_language,
    keep_page_widgets,
    link_params,
    pin_baseline,
    reset_to_baseline,
    reset_to_preset,
)
from ui.app.viewport import NARROW_QUERY, narrow_screen
from ui.export.share import share_link
from ui.spec import keys
from ui.spec.inputs import (
    ADVANCED_SECTIONS,
    HEADLINE_FIELDS,
    INPUTS,
    InputSpec,
    cohort_slider_max,
    slider_digits,
    slider_options,
)
from ui.text.translator import LANGUAGES, Translator

__all__ = [
    "render_sidebar",
    "render_phone_sliders",
    "PRESENTER_STEPS",
    "ADVANCED_WIDGET_KEYS",
    "headline_options",
]

#: The copy of the headline sliders at the top of the page (container ``keys.PHONE_SLIDERS``)
#: is shown on narrow screens only: on a phone the sidebar is a drawer, and a participant
#: should see a slider and the chart it moves together.
PHONE_CSS = """<style>
.st-key-{container} { display: none; }
/* Sent on every page, so the accessibility rules (WCAG 2.1 AA) sit here too. Contrast
   (1.4.3): Streamlit fades its captions (opacity 0.6), #828180 on white, 3.9:1; this grey,
   unfaded, is 6.9:1 and still reads as a caption. */
.stMain [data-testid="stCaptionContainer"], .stSidebar [data-testid="stCaptionContainer"] {
  color: #5c5b59;
  opacity: 1;
}
/* A wide formula (Method) would be a scroll box that a keyboard cannot reach (2.1.1): it
   takes the width it needs instead, a little smaller on a phone. */
.stMain .katex-display { overflow: visible !important; }
@media {phone} {
  .stMain .katex-display { font-size: 0.85em; }
  .st-key-{container} { display: flex; }
  .stMainBlockContainer, .block-container { padding-left: 0.8rem; padding-right: 0.8rem; }
  .stMain h1 { font-size: 2rem; padding-top: 0.5rem; }
  .stMain h2 { font-size: 1.5rem; }
  .stMain h3 { font-size: 1.25rem; }
  .stMain [data-testid="stImageContainer"] { max-width: 100%; }
  .stMain [data-testid="stImageContainer"] img { height: auto; }
}
</style>""".replace("{phone}", NARROW_QUERY).replace("{container}", keys.PHONE_SLIDERS)

#: The widgets under "Advanced": each field's slider, radio or number and its switch (a
#: number box writes its text afresh when it comes back: :func:`ui.app.number_box.number_box`).
ADVANCED_WIDGET_KEYS: tuple[str, ...] = tuple(
    key
    for fields in ADVANCED_SECTIONS.values()
    for field in fields
    for key in (INPUTS[field].key, INPUTS[field].switch_key)
    if key is not None
)

#: Presenter mode: how far one key press moves each headline slider.
PRESENTER_STEPS = {"cohort_size": 10.0, "success_probability": 0.05, "difficulty": 0.05}


def render_sidebar(
    s: Scenario, t: Translator, page_url: str = "", *, in_room: bool = False
) -> None:
    """Draw the shared inputs for scenario ``s`` (already in the widgets' state); the link at
    the bottom opens page ``page_url`` (the default page when empty). ``in_room``: the page
    is a game room's screen, which the headline sliders do not change (they say so)."""
    with st.sidebar:
        # Kept for the session ("session"): a page's st.switch_page (the Start page's and the
        # facilitator's guide's buttons) sends no widget values, and Streamlit then drops every
        # widget's value on the page change, which opened the next page in English.
        st.radio(
            t("language"),
            list(LANGUAGES),
            format_func=LANGUAGES.__getitem__,
            key=keys.LANG,
            horizontal=True,
            on_change=choose_language,
            # Kept through st.switch_page (the Start page's buttons, a loaded file), which
            # otherwise drops every widget's value: the Explorer opened in English.
            persist_state="session",
        )
        st.toggle(
            t("present_mode"),
            key=keys.PRESENT,
            help=t("present_mode_help"),
            persist_state="session",
        )
        present = presenting()
        if present:
            # The sliders first, so a 720 px projector shows all three under the menu.
            st.html(PRESENTER_CSS)
            _headline_sliders(s, t, present, in_room)
        st.selectbox(
            t("preset"),
            [CUSTOM_PRESET, *PRESETS],
            format_func=t.preset_title,
            key=keys.PRESET,
            on_change=apply_preset,
            help=t("preset_help"),
        )
        # Always one caption, empty for a custom scenario: an element that comes and goes
        # shifts everything after it, and Streamlit then rebuilds the whole sidebar.
        st.caption(t.preset_story(st.session_state.get(keys.PRESET, CUSTOM_PRESET)) or " ")
        if not present:
            _headline_sliders(s, t, present, in_room)
        with st.container(key=keys.GROUP_CAPTION):
            st.caption(group_caption(s, t))
        _baseline_buttons(t)
        # Drawn only while open: drawn collapsed, its thirty-odd widgets were re-sent and
        # re-rendered on every slider move (the Explorer's move took 2.93x the bare page with
        # them, 2.27x without, in one run). Closed, their values are kept in session state
        # (Streamlit forgets an undrawn widget's value).
        advanced = st.expander(t("advanced"), key=keys.ADVANCED_OPEN, on_change="rerun")
        if advanced.open:
            with advanced:
                for section, fields in ADVANCED_SECTIONS.items():
                    st.markdown(f"**{t(section)}**")
                    for field in fields:
                        _input(field, s, t)
        else:
            keep_page_widgets(ADVANCED_WIDGET_KEYS)
        st.caption(t("share_link"))
        # Not st.code: it would load a syntax highlighter for this one line (copy_link.py).
        copy_link(
            share_link(app_root(), page_url, link_params(s, shared=True)), t, keys.SIDEBAR_LINK
        )


def _headline_sliders(s: Scenario, t: Translator, present: bool, in_room: bool = False) -> None:
    st.subheader(t("headline_inputs"))
    if in_room:
        st.info(t("sidebar_not_the_room"), icon=":material/info:")
    for field in HEADLINE_FIELDS:
        _input(field, s, t, present)
        if present and field == "difficulty":
            st.html(
                '<div class="sib-ends"><span>← {}</span><span>{} →</span></div>'.format(
                    html.escape(t("difficulty_close")), html.escape(t("difficulty_far"))
                )
            )


def _baseline_buttons(t: Translator) -> None:
    """Pin the scenario as the baseline, or move the sliders back to it or to the preset."""
    st.markdown(f"**{t('baseline_title')}**", help=t("baseline_caption"))
    st.button(
        t("pin_baseline"),
        on_click=pin_baseline,
        help=t("pin_baseline_help"),
        icon=":material/push_pin:",
        width="stretch",
    )
    back, preset = st.columns(2)
    back.button(
        t("reset_baseline"),
        on_click=reset_to_baseline,
        help=t("reset_baseline_help"),
        width="stretch",
    )
    preset.button(
        t("reset_preset"),
        on_click=reset_to_preset,
        help=t("reset_preset_help"),
        width="stretch",
    )


def group_caption(s: Scenario, t: Translator) -> str:
    """The sidebar's words on the chosen group: p(d) and c(d) at the scenario's difficulty,
    beside the reference group's (markdown)."""
    f = t.fmt
    return t(
        "group_caption",
        p=f.percent(float(success_probability_at(s)), 1),
        c=f.percent(float(counterfactual_probability_at(s)), 1),
        p0=f.percent(s.success_probability, 1),
        c0=f.percent(s.counterfactual_probability, 1),
    )


def render_phone_sliders(s: Scenario, t: Translator, *, sliders: bool = True) -> None:
    """The three headline sliders again, at the top of the page, for narrow screens (hidden
    by CSS elsewhere). They hold copies (``keys.phone_copy``) kept equal to the sidebar's.
    Without ``sliders`` (a game room's screen, which they do not change), only the phone's
    page style."""
    st.html(PHONE_CSS)
    if not sliders:
        return
    present = presenting()
    with st.container(key=keys.PHONE_SLIDERS):
        # Drawn for narrow windows only: hidden by CSS, the copy still cost a laptop's browser
        # its rendering on every move.
        if not narrow_screen():
            return
        for field in HEADLINE_FIELDS:
            key = INPUTS[field].key
            copy = keys.phone_copy(key)
            if key in st.session_state and st.session_state.get(copy) != st.session_state[key]:
                st.session_state[copy] = st.session_state[key]
            _input(field, s, t, present, key=copy)


def _from_phone(key: str) -> None:
    """Callback of a phone slider: the sidebar's slider (the scenario's source) follows."""
    st.session_state[key] = st.session_state[keys.phone_copy(key)]


def _input(
    field: str, s: Scenario, t: Translator, present: bool = False, key: str | None = None
) -> None:
    spec = INPUTS[field]
    # A copy (the phone sliders) draws under its own key and hands its value on.
    widget_key = key or spec.key
    on_change = None if key is None else _from_phone
    args = None if key is None else (spec.key,)
    label, help_text = t.label(field), t.help(field)
    disabled = False
    if spec.switch_key is not None:
        # Optional field: the switch says whether it is set ("cap total payments"); a field
        # that may be infinite: whether it is infinite ("known exactly").
        st.checkbox(t(f"switch_{field}"), key=spec.switch_key, help=t(f"switch_{field}_help"))
        switched_on = bool(st.session_state.get(spec.switch_key, False))
        disabled = switched_on if spec.infinite else not switched_on
    if spec.kind == "choice":
        st.radio(
            label,
            list(spec.choices),
            format_func=lambda choice: t(f"{field}_{choice}"),
            key=spec.key,
            help=help_text,
        )
    elif spec.kind == "number":
        number_box(spec, label, help_text, disabled, t)
    elif present and field in PRESENTER_STEPS:
        # Presenter mode: each key press moves the headline sliders a visible amount.
        big = replace(spec, step=PRESENTER_STEPS[field])
        current = st.session_state.get(widget_key)
        options = headline_options(field, s, present, current) or []
        if field == "cohort_size":
            labels = _count_labels(tuple(options), t.lang)
        else:
            labels = slider_labels(big, tuple(options), t)
        st.select_slider(
            label,
            options,
            format_func=labels.__getitem__,
            key=widget_key,
            help=help_text,
            on_change=on_change,
            args=args,
        )
    elif spec.unit in ("count", "years"):
        hi = cohort_slider_max(s.cohort_size) if field == "cohort_size" else int(spec.hi)
        st.slider(
            label,
            min_value=int(spec.lo),
            max_value=hi,
            step=int(spec.step),
            key=widget_key,
            help=help_text,
            on_change=on_change,
            args=args,
        )
    else:
        # A select slider, so the value, its ends and what the keyboard steps to read in the
        # page's language (Streamlit's own slider writes "0.50" and "40%" in Danish too).
        options = slider_options(spec, st.session_state.get(widget_key))
        st.select_slider(
            label,
            options,
            format_func=slider_labels(spec, tuple(options), t).__getitem__,
            key=widget_key,
            help=help_text,
            disabled=disabled,
            on_change=on_change,
            args=args,
        )


def headline_options(
    field: str, s: Scenario, present: bool, current: float | None
) -> list[float] | None:
    """The values headline slider ``field`` offers for scenario ``s`` (its thumb at
    ``current``): a select slider's options, in order (the browser's thumb holds an index into
    them), or None for a plain slider, whose thumb holds the value itself. ``current=None``
    gives the options on the slider's steps only. What the sidebar draws, and what the
    dragged-slider frames (:mod:`ui.app.scrub`) read the thumb with."""
    spec = INPUTS[field]
    if present and field in PRESENTER_STEPS:
        if field == "cohort_size":
            hi = cohort_slider_max(s.cohort_size)
            steps = {1, *range(10, hi + 1, 10)}
            return sorted(steps if current is None else {*steps, int(current)})
        return slider_options(replace(spec, step=PRESENTER_STEPS[field]), current)
    if spec.unit in ("count", "years"):
        return None
    return slider_options(spec, current)


def slider_labels(spec: InputSpec, options: tuple[float, ...], t: Translator) -> dict[float, str]:
    """Every option's text (see :func:`slider_text`), made once per slider, option list and
    language: Streamlit formats every option on every run, and two sliders of 100–200 options
    through Babel cost about 20 ms of each slider move."""
    return _slider_labels(spec, options, t.lang)


@lru_cache(maxsize=256)
def _slider_labels(spec: InputSpec, options: tuple[float, ...], lang: str) -> dict[float, str]:
    t = Translator(lang)
    return {value: slider_text(spec, value, t) for value in options}


@lru_cache(maxsize=64)
def _count_labels(options: tuple[float, ...], lang: str) -> dict[float, str]:
    fmt = Translator(lang).fmt
    return {value: fmt.number(value) for value in options}


def slider_text(spec: InputSpec, value: float, t: Translator) -> str:
    """A fractional slider's value as the page's language writes it: "40 %", "0,50" (a value
    between steps with the decimals it needs, "53,5 %", so no two options read the same)."""
    digits = slider_digits(spec, value)
    if spec.format == "percent":
        return t.fmt.percent(value, digits)
    return t.fmt.number(value, digits)
