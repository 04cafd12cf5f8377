"""Creaming: who prefers which target group, and — inside a signed contract — which
citizens the provider would rather park; and what the contract's levers change.

The three parts (target group, parking, levers) are tabs, each computed and drawn only while
open: a slider move redraws one chart, and the parking and lever sweeps (the slowest work on
any page, about half a second for a new cohort) run only for a reader who looks at them. In
presenter mode the three charts are three views, one at a time under its key sentence.
"""

import streamlit as st

from sib_model import can_park
from ui import charts
from ui.app import presenter, results, state
from ui.app.headline import show_figures
from ui.app.layout import lazy_tabs, presenting, show_key_sentence, show_sentences
from ui.app.page_charts import page_figures, show_page_chart, show_returns_note
from ui.app.scrub import SIDEBAR_TEXTS, ScrubView, follow_sliders
from ui.spec import keys
from ui.spec.pages import CREAMING_TABS
from ui.words import narrative

s, t = state.current()
#: A frame of the frontier is a sweep of 21 groups (about 40 ms): 21 frames a slider.
CREAMING_FRAMES = 21
ghost = state.ghost()

if presenting():
    view = presenter.choose_view(("group", "parking", "levers"), keys.presenter_view("creaming"), t)
    if view == "group":
        show_key_sentence(presenter.creaming_key_sentence(results.creaming_results(s), t))
        chart = "creaming_frontier"
    elif view == "parking" and not can_park(s):
        # Parking needs a mixed group: no frontier to show (and none to compute).
        st.info(t("parking_not_meaningful"), icon=":material/info:")
        st.stop()
    elif view == "parking":
        show_key_sentence(presenter.parking_key_sentence(results.parking_results(s), t))
        chart = "parking_frontier"
    else:
        show_key_sentence(presenter.levers_key_sentence(results.creaming_levers(s), t))
        chart = "creaming_levers"
    show_page_chart(chart, s, t, ghost, height=presenter.PRESENT_CHART_HEIGHT)
    # The frontier follows a dragged slider; the parking and lever sweeps (half a second a
    # scenario) settle on release.
    followed = (chart,) if chart == "creaming_frontier" else ()
    height = presenter.PRESENT_CHART_HEIGHT
    follow_sliders(
        ScrubView("creaming", followed, (), True, height, CREAMING_FRAMES, texts=SIDEBAR_TEXTS),
        s,
        state.baseline(),
        t,
    )
else:
    st.title(t("page_creaming"))
    st.caption(t("illustrative"))
    show_figures(page_figures(s, t, ghost)[:3])
    show_returns_note(s, t)

    group, parking_tab, levers_tab = (
        tab for _, tab in lazy_tabs(keys.CREAMING_TAB, CREAMING_TABS, t)
    )
    if group.open:
        with group:
            st.header(t("creaming_by_group"))
            st.markdown(t("creaming_intro"))
            frontier = results.creaming_results(s)
            show_page_chart("creaming_frontier", s, t, ghost)
            show_sentences(
                narrative.creaming_sentences(frontier, t), st.container(key=keys.CREAMING_SENTENCES)
            )
    if parking_tab.open:
        with parking_tab:
            st.header(t("parking_title"))
            st.markdown(t("parking_intro"))
            if not can_park(s):
                # Nobody is harder than the rest: no frontier to compute or draw.
                st.info(t("parking_not_meaningful"), icon=":material/info:")
            else:
                parking = results.parking_results(s)
                show_page_chart("parking_frontier", s, t, ghost)
                show_sentences(narrative.parking_sentences(parking, s, t))
                st.subheader(t("parking_levers"))
                st.markdown(t("parking_levers_intro"))
                st.table(
                    charts.parking_lever_table(results.parking_levers(s), t).set_index(
                        t("lever_terms")
                    )
                )
    if levers_tab.open:
        with levers_tab:
            st.header(t("creaming_levers"))
            st.markdown(t("creaming_levers_intro"))
            levers = results.creaming_levers(s)
            show_page_chart("creaming_levers", s, t, ghost)
            # Static tables: four rows need no interactive grid, which costs far more to redraw.
            st.table(charts.lever_table(levers, t).set_index(t("lever_terms")))
            st.caption(t("lever_table_note"))
    # The three figures, and the frontier while its tab is open, follow a dragged slider.
    followed = ("creaming_frontier",) if group.open else ()
    # A key press's frame (near) is built ahead too: on a walk its run then finds the new
    # value's sweep done.
    texts: tuple[str, ...] = (keys.RETURNS_NOTE, keys.GROUP_CAPTION)
    if group.open:
        texts += (keys.CREAMING_SENTENCES,)
    scrub = ScrubView(
        "creaming", followed, (0, 1, 2), frames=CREAMING_FRAMES, near=True, texts=texts
    )
    follow_sliders(scrub, s, state.baseline(), t)
