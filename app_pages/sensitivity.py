"""Sensitivity: which assumptions move the investor's return and the municipality's net.
In presenter mode the two tornado charts are two views, one at a time under its key
sentence."""

import streamlit as st

from ui.app import presenter, results, state
from ui.app.headline import show_figures
from ui.app.layout import presenting, show_key_sentence
from ui.app.page_charts import page_figures, show_page_chart, show_returns_note
from ui.spec import keys

s, t = state.current()
ghost = state.ghost()
CHARTS = {
    "irr": ("sensitivity_investor_irr", "expected_investor_irr"),
    "net": ("sensitivity_commissioner_net", "expected_commissioner_net"),
}

if presenting():
    chart, metric = CHARTS[
        presenter.choose_view(tuple(CHARTS), keys.presenter_view("sensitivity"), t)
    ]
    show_key_sentence(presenter.swing_key_sentence(results.sensitivity_results(s), metric, t))
    show_page_chart(chart, s, t, ghost, height=presenter.PRESENT_CHART_HEIGHT)
else:
    st.title(t("page_sensitivity"))
    st.caption(t("illustrative"))
    show_figures(page_figures(s, t, ghost)[:3])
    show_returns_note(s, t)
    st.markdown(t("sensitivity_intro"))
    for (chart, _), where in zip(CHARTS.values(), st.columns(2), strict=True):
        show_page_chart(chart, s, t, ghost, where=where)
