"""Sensitivity: which assumptions move the investor's return and the municipality's net."""

import streamlit as st

from ui import charts, results, state
from ui.headline import headline_figures, show_figures
from ui.layout import show_chart

s, t = state.current()
ghost = state.ghost()
table = results.sensitivity_results(s)
before = None if ghost is None else results.sensitivity_results(ghost)

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
for metric, key, where in (
    ("expected_investor_irr", "sensitivity_investor_irr", left),
    ("expected_commissioner_net", "sensitivity_commissioner_net", right),
):
    show_chart(
        charts.tornado_chart(table, metric, t),
        key,
        where,
        baseline=None if before is None else charts.tornado_chart(before, metric, t),
        label=t("baseline"),
    )
