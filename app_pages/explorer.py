"""Explorer: the headline numbers of the current scenario, in words and five pictures, with
the baseline drawn faintly behind every chart and each number's change from it."""

import streamlit as st

from sib_model.reality import reality_check
from ui import charts, narrative, results, state
from ui.headline import show_figures
from ui.layout import presenting, show_chart, show_key_sentence, show_sentences
from ui.page_charts import page_figures
from ui.pages import REALITY_KEY

s, t = state.current()
ghost = state.ghost()
summary = results.scenario_results(s).summary

if presenting():
    # For a projector: the three headline figures, the key sentence and the return chart.
    show_figures(page_figures(s, t, ghost)[:3])
    show_key_sentence(narrative.explorer_sentences(summary, s, t)[0])
    chart_json = results.explorer_charts_with_baseline(s, state.baseline(), t.lang)
    show_chart(chart_json["explorer_investor_irr"], "explorer_investor_irr", height=430)
    st.stop()

st.title(t("page_explorer"))
st.caption(t("illustrative"))

figures = page_figures(s, t, ghost)
show_figures([figures[0], figures[1], figures[3]])
show_figures([figures[2], figures[4], figures[5]])
show_sentences(narrative.explorer_sentences(summary, s, t))

chart_json = results.explorer_charts_with_baseline(s, state.baseline(), t.lang)
# The municipality's two pictures in the right-hand column, one above the other: what the SIB
# costs it, and where the saving lands (the wrong pocket) beside its yearly cash flows. The
# payoff picture, with its labelled kinks, gets the page's full width.
for row in (
    ("explorer_investor_irr", "explorer_commissioner"),
    ("explorer_cash_flows", "explorer_wrong_pocket"),
):
    for column, key in zip(st.columns(2), row, strict=True):
        show_chart(chart_json[key], key, column)
show_chart(chart_json["explorer_payoff"], "explorer_payoff")

# Filled only while open (its table would otherwise be rebuilt and re-sent on every move).
reality = st.expander(t("reality_title"), key=REALITY_KEY, on_change="rerun")
if reality.open:
    checks = reality_check(s, summary)
    with reality:
        st.markdown(t("reality_intro"))
        st.markdown(narrative.reality_sentence(checks, t))
        st.table(charts.reality_table(checks, t).set_index(t("reality_figure")))
