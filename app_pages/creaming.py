"""Creaming: who prefers which target group, and what moves the investor's preference.

Drawn in the order a reader needs it, each part as soon as its numbers exist (Streamlit sends
every element as the script reaches it): the text first, then the frontier and the sentence
with the headline numbers, and only then the four lever frontiers — the slowest sweep on the
page never holds up the headline.
"""

import streamlit as st

from ui import charts, compute, narrative, state
from ui.layout import show_chart

s, t = state.current()

st.title(t("page_creaming"))
st.caption(t("illustrative"))
st.markdown(t("creaming_intro"))
key = compute.key_of(s, sweep_difficulty=True)
frontier = compute.frontier(key)
show_chart(charts.creaming_chart(frontier, s, t), "creaming_frontier")
st.markdown(narrative.creaming_sentence(frontier, t))

st.subheader(t("creaming_levers"))
st.markdown(t("creaming_levers_intro"))
levers = compute.frontier_levers(key)
show_chart(charts.lever_chart(levers, s, t), "creaming_levers")
st.dataframe(charts.lever_table(levers, t), hide_index=True)
st.caption(t("lever_table_note"))
