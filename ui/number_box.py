"""Number boxes that read and write numbers the way the page's language does.

Streamlit's ``number_input`` writes ``200000`` and ``1.50`` in every language and cannot group
thousands. A sidebar number box is therefore a text box (key ``in_<field>_text``) showing the
value as the language writes it (``200.000``, ``1,50``); what is typed is read back leniently —
Danish or English, with or without thousands separators or a currency — and stored as the
field's float under ``in_<field>`` (what :func:`ui.inputs.scenario_from_widgets` reads). Text
that is not a number in the box's range keeps the last good value and shows a short message.
"""

from __future__ import annotations

import math
import re

import streamlit as st

from .i18n import Translator
from .inputs import InputSpec

__all__ = ["parse_number", "number_text", "number_box", "text_key"]

_STRIP = re.compile(r"(?i)\s|kr\.?|dkk|\u00a0|\u202f")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+$")


def text_key(spec: InputSpec) -> str:
    return f"{spec.key}_text"


def _shown_key(spec: InputSpec) -> str:
    return f"{spec.key}_shown"


def _error_key(spec: InputSpec) -> str:
    return f"{spec.key}_error"


def parse_number(text: str, lang: str) -> float | None:
    """The number in ``text``, or None. Danish reads ``200.000``, ``1,5`` and ``1.234,5``;
    English reads ``200,000`` and ``1.5``; both read plain ``200000`` and ignore ``kr.``/DKK.
    In Danish a lone point is a decimal point unless it groups thousands (``1.5`` is 1.5,
    ``1.500`` is 1,500)."""
    cleaned = _STRIP.sub("", text).replace("\u2212", "-")
    if not cleaned:
        return None
    if lang == "da":
        if "," in cleaned:
            cleaned = cleaned.replace(".", "").replace(",", ".")
        elif _GROUPED.match(cleaned):
            cleaned = cleaned.replace(".", "")
    else:
        cleaned = cleaned.replace(",", "")
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)", cleaned):
        return None
    value = float(cleaned)
    return value if math.isfinite(value) else None


def _digits(spec: InputSpec) -> int:
    if spec.unit == "money":
        return 0
    return 2 if spec.format == "%.2f" else 3


def number_text(spec: InputSpec, value: float, t: Translator) -> str:
    """The box's text for ``value``: grouped thousands, the language's decimal mark, no
    trailing zeros beyond the field's format (``200.000``, ``1,50``, ``20``)."""
    digits = _digits(spec)
    text = t.fmt.number(value, digits)
    if spec.format == "%g" and digits:
        mark = "," if t.fmt.lang == "da" else "."
        text = text.rstrip("0").rstrip(mark) if mark in text else text
    return text


def _read(spec: InputSpec, lang: str) -> None:
    """Callback of the box: keep a good number, remember bad text."""
    value = parse_number(str(st.session_state.get(text_key(spec), "")), lang)
    if value is None or not spec.lo <= value <= spec.hi:
        st.session_state[_error_key(spec)] = True
        return
    st.session_state[_error_key(spec)] = False
    st.session_state[spec.key] = float(value)


def number_box(spec: InputSpec, label: str, help_text: str, disabled: bool, t: Translator) -> None:
    """Draw the box of ``spec``; its value lives under ``spec.key`` (a float)."""
    value = float(st.session_state.get(spec.key, spec.lo))
    shown = (value, t.fmt.lang)
    if st.session_state.get(_shown_key(spec)) != shown:
        # A new value (typed, or from a preset, link, reset) or language: write it afresh.
        st.session_state[text_key(spec)] = number_text(spec, value, t)
        st.session_state[_shown_key(spec)] = shown
        st.session_state[_error_key(spec)] = False
    st.text_input(
        label,
        key=text_key(spec),
        on_change=_read,
        args=(spec, t.fmt.lang),
        help=help_text,
        disabled=disabled,
    )
    if st.session_state.get(_error_key(spec)):
        st.caption(
            t(
                "number_box_invalid",
                lo=number_text(spec, spec.lo, t),
                hi=number_text(spec, spec.hi, t),
                value=number_text(spec, value, t),
            )
        )
