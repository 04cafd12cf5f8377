"""Number boxes that read and write numbers the way the page's language does.

Streamlit's ``number_input`` writes ``200000`` and ``1.50`` in every language and cannot group
thousands. A sidebar number box is therefore a text box (key ``in_<field>_text``) showing the
value as the language writes it (``200.000``, ``1,50``); what is typed is read back leniently —
Danish or English, with or without thousands separators or a currency — and stored as the
field's float under ``in_<field>`` (what :func:`ui.spec.inputs.scenario_from_widgets` reads). Text
that is not a number in the box's range keeps the last good value and shows a short message.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui.spec import keys
from ui.spec.inputs import InputSpec
from ui.text.numbers import parse_number, without_trailing_zeros
from ui.text.translator import Translator

__all__ = ["number_text", "number_box", "text_key"]


def text_key(key: str) -> str:
    """Key of the text box of the number stored under ``key``."""
    return keys.box_text(key)


def _digits(spec: InputSpec) -> int:
    if spec.unit == "money":
        return 0
    return 2 if spec.format == "%.2f" else 3


def number_text(spec: InputSpec, value: float, t: Translator) -> str:
    """The box's text for ``value``: grouped thousands, the language's decimal mark, no
    trailing zeros beyond the field's format (``200.000``, ``1,50``, ``20``)."""
    digits = _digits(spec)
    text = t.fmt.number(value, digits)
    return without_trailing_zeros(text, t.fmt.lang) if spec.format == "%g" and digits else text


def _read(spec: InputSpec, key: str, lang: str) -> None:
    """Callback of the box: keep a good number, remember bad text."""
    value = parse_number(str(st.session_state.get(text_key(key), "")), lang)
    if value is None or not spec.lo <= value <= spec.hi:
        st.session_state[keys.box_error(key)] = True
        return
    st.session_state[keys.box_error(key)] = False
    st.session_state[key] = float(value)


def number_box(
    spec: InputSpec,
    label: str,
    help_text: str | None,
    disabled: bool,
    t: Translator,
    where: Any = st,
    key: str | None = None,
) -> float:
    """Draw the box of ``spec`` in ``where`` (the page, or a column); its value lives under
    ``key`` (``spec.key`` unless given; a float), which is returned."""
    key = key or spec.key
    value = float(st.session_state.get(key, spec.lo))
    shown = (value, t.fmt.lang)
    # A new value (typed, or from a preset, link, reset) or language, or a box not drawn on
    # the last run (a page's own box: Streamlit then forgot its text): write the text afresh.
    if st.session_state.get(keys.box_shown(key)) != shown or text_key(key) not in st.session_state:
        st.session_state[text_key(key)] = number_text(spec, value, t)
        st.session_state[keys.box_shown(key)] = shown
        st.session_state[keys.box_error(key)] = False
    where.text_input(
        label,
        key=text_key(key),
        on_change=_read,
        args=(spec, key, t.fmt.lang),
        help=help_text,
        disabled=disabled,
    )
    if st.session_state.get(keys.box_error(key)):
        where.caption(
            t(
                "number_box_invalid",
                lo=number_text(spec, spec.lo, t),
                hi=number_text(spec, spec.hi, t),
                value=number_text(spec, value, t),
            )
        )
    return value
