"""Explorer: the headline numbers of the current scenario, in words and four pictures."""

import streamlit as st

from ui import charts, narrative, results, state
from ui.headline import headline_figures, show_figures
from ui.layout import show_chart, show_sentences

s, t = state.current()
view = results.scenario_results(s)
summary, distribution = view.summary, view.result.distribution

st.title(t("page_explorer"))
st.caption(t("illustrative"))

figures = headline_figures(summary, t)
show_figures([figures[0], figures[1], figures[3]])
show_figures([figures[2], figures[4], figures[5]])
show_sentences(narrative.explorer_sentences(summary, s, t))

left, right = st.columns(2)
show_chart(charts.investor_return_histogram(distribution, summary, t), "explorer_investor_irr",
           left)
show_chart(charts.commissioner_comparison(summary, t), "explorer_commissioner", right)
left, right = st.columns(2)
show_chart(charts.payoff_chart(view.payoff, s, t), "explorer_payoff", left)
show_chart(charts.cash_flow_chart(view.result.cash_flows, t), "explorer_cash_flows", right)
