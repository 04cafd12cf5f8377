"""Creaming: who prefers which target group, and — inside a signed contract — which
citizens the provider would rather park; and what the contract's levers change.

Drawn in the order a reader needs it, each part as soon as its numbers exist (Streamlit sends
every element as the script reaches it): the headline figures and the text first, then the
frontier and its sentences, and only then the lever sweeps — the slowest work on the page
never holds up the headline. In presenter mode the three charts are three views, one at a
time under its key sentence.
"""

import streamlit as st

from ui import charts, narrative, presenter, results, state
from ui.headline import show_figures
from ui.layout import presenting, show_key_sentence, show_sentences
from ui.page_charts import page_figures, show_page_chart

s, t = state.current()
ghost = state.ghost()

if presenting():
    view = presenter.choose_view(("group", "parking", "levers"), "present_creaming_view", t)
    if view == "group":
        show_key_sentence(presenter.creaming_key_sentence(results.creaming_results(s), t))
        chart = "creaming_frontier"
    elif view == "parking":
        show_key_sentence(presenter.parking_key_sentence(results.parking_results(s), t))
        chart = "parking_frontier"
    else:
        show_key_sentence(presenter.levers_key_sentence(results.creaming_levers(s), t))
        chart = "creaming_levers"
    show_page_chart(chart, s, t, ghost, height=presenter.PRESENT_CHART_HEIGHT)
else:
    st.title(t("page_creaming"))
    st.caption(t("illustrative"))
    show_figures(page_figures(s, t, ghost)[:3])

    st.header(t("creaming_by_group"))
    st.markdown(t("creaming_intro"))
    frontier = results.creaming_results(s)
    show_page_chart("creaming_frontier", s, t, ghost)
    show_sentences(narrative.creaming_sentences(frontier, t))

    st.header(t("parking_title"))
    st.markdown(t("parking_intro"))
    parking = results.parking_results(s)
    show_page_chart("parking_frontier", s, t, ghost)
    show_sentences(narrative.parking_sentences(parking, s, t))

    st.subheader(t("creaming_levers"))
    st.markdown(t("creaming_levers_intro"))
    levers = results.creaming_levers(s)
    show_page_chart("creaming_levers", s, t, ghost)
    # Static tables: four rows need no interactive grid, which costs far more to redraw.
    st.table(charts.lever_table(levers, t).set_index(t("lever_terms")))
    st.caption(t("lever_table_note"))

    st.subheader(t("parking_levers"))
    st.markdown(t("parking_levers_intro"))
    st.table(charts.parking_lever_table(results.parking_levers(s), t).set_index(t("lever_terms")))
