"""Explorer: the headline numbers of the current scenario, in words and four pictures."""

import streamlit as st

from ui import charts, compute, narrative, state
from ui.layout import show_chart, show_sentences

s, t = state.current()
f = t.fmt
results = compute.explorer_results(compute.key_of(s))
summary, distribution = results["summary"], results["distribution"]

st.title(t("page_explorer"))
st.caption(t("illustrative"))

top = st.columns(3)
top[0].metric(t("metric_irr"), f.percent(summary["expected_investor_irr"], 1),
              help=t("metric_irr_help", median=f.percent(summary["median_investor_irr"], 1)))
top[1].metric(t("metric_loss"), f.percent(summary["probability_of_loss"]),
              help=t("metric_loss_help", total=f.percent(summary["probability_of_total_loss"])))
top[2].metric(t("metric_moic"), f.multiple(summary["expected_investor_moic"]),
              help=t("metric_moic_help"))
bottom = st.columns(3)
difference = summary["expected_commissioner_net"] - summary["expected_conventional_net"]
bottom[0].metric(t("metric_commissioner"), f.money_millions(summary["expected_commissioner_net"]),
                 delta=t("metric_commissioner_delta", diff=f.money_millions(difference)),
                 help=t("metric_commissioner_help",
                        conventional=f.money(summary["expected_conventional_net"])))
bottom[1].metric(t("metric_cost_per_additional"), f.money(summary["cost_per_additional_outcome"]),
                 help=t("metric_cost_per_additional_help"))
# Deadweight is a share of the outcomes only while the programme adds outcomes at all.
deadweight = (summary["deadweight_share"] if summary["expected_additional_outcomes"] > 0
              else float("nan"))
bottom[2].metric(t("metric_deadweight"), f.percent(deadweight),
                 help=t("metric_deadweight_help"))

show_sentences(narrative.explorer_sentences(summary, s, t))

left, right = st.columns(2)
show_chart(charts.investor_return_histogram(distribution, summary, t), "explorer_investor_irr",
           left)
show_chart(charts.commissioner_comparison(summary, t), "explorer_commissioner", right)
left, right = st.columns(2)
show_chart(charts.payoff_chart(results["payoff"], s, t), "explorer_payoff", left)
show_chart(charts.cash_flow_chart(results["cash_flows"], t), "explorer_cash_flows", right)
