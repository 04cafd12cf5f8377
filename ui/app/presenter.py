"""Presenter mode on the pages with charts: one chart per view, chosen by a row of buttons,
under one key sentence.

A projector at 1280×720 shows one chart with large type, so a page with several charts
(Creaming, Sensitivity, Compare) shows them one at a time; the presenter clicks between them.
Each view has its key sentence: one short line built from the same figures the page's full
sentences and tables use (:mod:`ui.words.narrative`), never a number of its own. The sentence
builders are pure functions; :func:`choose_view` is the only Streamlit here.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from sib_model import CreamingFrontier, ParkingFrontier, Summary
from ui.spec.result_types import LeverFrontiers
from ui.text.translator import Translator
from ui.words.narrative import preference_words, preference_words_share

__all__ = [
    "PRESENT_CHART_HEIGHT",
    "choose_view",
    "creaming_key_sentence",
    "parking_key_sentence",
    "levers_key_sentence",
    "swing_key_sentence",
    "compare_key_sentence",
]

#: Height of a page's one chart in presenter mode: below it fits under the view buttons and
#: the key sentence on a 720 px projector (the Explorer's chart, under its three figures, is
#: smaller).
PRESENT_CHART_HEIGHT = 500


def choose_view(views: Sequence[str], key: str, t: Translator) -> str:
    """A row of buttons naming the page's charts (text keys ``present_view_<view>``); the
    chosen view (the first until one is clicked; a click on the chosen one keeps it)."""
    chosen = st.segmented_control(
        t("present_view"),
        list(views),
        format_func=lambda view: t(f"present_view_{view}"),
        default=views[0],
        required=True,
        key=key,
        label_visibility="collapsed",
        width="stretch",
    )
    return chosen if chosen in views else views[0]


def creaming_key_sentence(frontier: CreamingFrontier, t: Translator) -> str:
    """Which target group each of the investor and the municipality does best with."""
    return t(
        "present_best",
        investor=preference_words(frontier.investor, t),
        municipality=preference_words(frontier.municipality, t),
    )


def parking_key_sentence(frontier: ParkingFrontier, t: Translator) -> str:
    """Which parked share each of the investor and the municipality does best with."""
    return t(
        "present_best",
        investor=preference_words_share(frontier.investor, t),
        municipality=preference_words_share(frontier.municipality, t),
    )


def levers_key_sentence(levers: LeverFrontiers, t: Translator) -> str:
    """Where the investor's best group lies without the levers (no rate card, every outcome
    paid: the first variant) and with both (a rate card paid above the baseline: the last)."""
    before, after = levers.variants[0][2].investor, levers.variants[-1][2].investor
    return t(
        "present_levers",
        before=preference_words(before, t),
        after=preference_words(after, t),
    )


def swing_key_sentence(table: pd.DataFrame, metric: str, t: Translator) -> str:
    """The input that moves ``metric`` (``expected_investor_irr`` or
    ``expected_commissioner_net``) most, and between which results: the top bar of the
    tornado chart of :func:`ui.charts.tornado_chart`."""
    rows = table[table["metric"] == metric]
    top = rows.sort_values("swing", ascending=False).iloc[0]
    low, high = sorted((float(top["low_result"]), float(top["high_result"])))
    if metric == "expected_investor_irr":
        low_text, high_text = t.fmt.percent(low, 1), t.fmt.percent(high, 1)
        key = "present_swing_irr"
    else:
        low_text, high_text = t.fmt.amount(low), t.fmt.amount(high)
        key = "present_swing_net"
    return t(key, name=t.label(str(top["field"])), low=low_text, high=high_text)


def compare_key_sentence(summaries: Sequence[tuple[str, Summary]], t: Translator) -> str:
    """Which pinned scenario gives the investor the highest expected return, and which the
    municipality the best expected net (the first of equals)."""
    best_irr = max(summaries, key=lambda pinned: pinned[1]["median_investor_irr"])
    best_net = max(summaries, key=lambda pinned: pinned[1]["expected_commissioner_net"])
    return t(
        "present_compare",
        irr_name=best_irr[0],
        irr=t.fmt.percent(best_irr[1]["median_investor_irr"], 1),
        net_name=best_net[0],
        net=t.fmt.amount(best_net[1]["expected_commissioner_net"]),
    )
