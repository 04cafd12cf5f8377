"""Deal space: the prices and target groups where both the investor and the municipality
would sign."""

import streamlit as st

from ui import narrative, results, state
from ui.layout import percent_slider, show_sentences
from ui.page_charts import show_page_chart
from ui.pages import DEAL_MAX_LOSS, DEAL_TARGET_IRR, DEAL_TEST, DEAL_WTP, PAGE_WIDGETS
from ui.result_types import DealTerms

s, t = state.current()
ghost = state.ghost()
for key, default in PAGE_WIDGETS.items():
    state.page_widget_default(
        key, float(s.public_savings_per_outcome) if default is None else default
    )

st.title(t("page_deal_space"))
st.caption(t("illustrative"))
st.markdown(t("deal_intro"))

left, middle, right = st.columns(3)
# Select sliders, so "5 %" reads Danish in Danish (st.slider writes "5%" in every language).
target_irr = percent_slider(
    left, t("deal_target_irr"), 0.0, 0.30, 0.005, DEAL_TARGET_IRR, t("deal_target_irr_help"), t
)
max_loss = percent_slider(
    middle, t("deal_max_loss"), 0.0, 1.0, 0.01, DEAL_MAX_LOSS, t("deal_max_loss_help"), t
)
test = right.radio(
    t("deal_test"),
    ["net", "wtp"],
    key=DEAL_TEST,
    help=t("deal_test_help"),
    format_func=lambda choice: t(f"deal_test_{choice}"),
)
willingness = None
if test == "wtp":
    willingness = right.number_input(
        t("deal_wtp"), min_value=0.0, max_value=1e8, step=10_000.0, format="%.0f", key=DEAL_WTP
    )

terms = DealTerms(
    float(target_irr), float(max_loss), None if willingness is None else float(willingness)
)
grid = results.deal_results(s, terms)
show_page_chart("deal_space_heatmap", s, t, ghost, terms)
show_sentences(narrative.deal_sentences(grid, s, t))
