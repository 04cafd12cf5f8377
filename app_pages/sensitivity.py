"""Sensitivity: which assumptions move the investor's return and the municipality's net."""

import streamlit as st

from ui import charts, results, state
from ui.headline import headline_figures, show_figures
from ui.layout import show_chart

s, t = state.current()
table = results.sensitivity_results(s)

st.title(t("page_sensitivity"))
st.caption(t("illustrative"))
show_figures(headline_figures(results.scenario_results(s).summary, t)[:3])
st.markdown(t("sensitivity_intro"))
left, right = st.columns(2)
show_chart(
    charts.tornado_chart(table, "expected_investor_irr", t), "sensitivity_investor_irr", left
)
show_chart(
    charts.tornado_chart(table, "expected_commissioner_net", t),
    "sensitivity_commissioner_net",
    right,
)
