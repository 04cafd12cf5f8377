"""A page's cached chart with its baseline behind it, placed the same way on every page.

Kept apart from :mod:`ui.app.layout` because it reads :mod:`ui.app.results`, which itself uses
``layout`` (importing one from the other both ways would be circular).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from sib_model import Scenario
from ui.app import results
from ui.app.layout import show_chart
from ui.spec import keys
from ui.spec.result_types import DealTerms
from ui.text.translator import Translator
from ui.words.headline import Figure

__all__ = ["show_page_chart", "page_figures", "page_returns_note", "show_returns_note"]


def show_page_chart(
    key: str,
    s: Scenario,
    t: Translator,
    ghost: Scenario | None,
    terms: DealTerms | None = None,
    where: Any = st,
    height: int | None = None,
) -> None:
    """One of the cached page charts (:func:`ui.app.results.page_chart`) for scenario ``s``, with
    the same chart for the baseline ``ghost`` faintly behind it when one is pinned (``height``
    in px in presenter mode, when given)."""
    show_chart(
        results.page_chart(key, s, t.lang, terms),
        key,
        where,
        baseline=None if ghost is None else results.page_chart(key, ghost, t.lang, terms),
        label=t("baseline"),
        height=height,
    )


def page_figures(s: Scenario, t: Translator, ghost: Scenario | None) -> list[Figure]:
    """The headline figures of scenario ``s``, each with its change from the baseline
    ``ghost`` (none when the baseline is the scenario on screen): the same figures, from the
    same cached results, at the top of every page."""
    return list(results.headline_words(s, ghost, t.lang)[0])


def page_returns_note(s: Scenario, t: Translator) -> str:
    """The line of return figures under the headline (median, IRR of the expected flows,
    money multiple) of scenario ``s``, from the same cached results as the figures."""
    return results.headline_words(s, None, t.lang)[1]


def show_returns_note(s: Scenario, t: Translator) -> None:
    """The line of return figures as a caption, in a container of its own (``keys.RETURNS_NOTE``)
    where a dragged headline slider's frames find it (``ui/app/scrub.js``)."""
    with st.container(key=keys.RETURNS_NOTE):
        st.caption(page_returns_note(s, t))
