"""Sensitivity: which assumptions move the investor's return and the municipality's net."""

import streamlit as st

from ui import results, state
from ui.headline import headline_figures, show_figures
from ui.page_charts import show_page_chart

s, t = state.current()
ghost = state.ghost()

st.title(t("page_sensitivity"))
st.caption(t("illustrative"))
show_figures(
    headline_figures(
        results.scenario_results(s).summary,
        t,
        None if ghost is None else results.scenario_results(ghost).summary,
    )[:3]
)
st.markdown(t("sensitivity_intro"))
left, right = st.columns(2)
for key, where in (
    ("sensitivity_investor_irr", left),
    ("sensitivity_commissioner_net", right),
):
    show_page_chart(key, s, t, ghost, where=where)
