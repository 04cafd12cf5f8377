"""Deal space: the prices and target groups where both the investor and the municipality
would sign.

On a phone the chart comes right after the title, with the parties' terms under it, so a
participant sees the headline sliders at the top, the chart they move and the terms together
(:func:`ui.app.layout.after_the_chart_on_phones`). In presenter mode the page is the terms in one
row, the key sentence and the chart."""

import streamlit as st

from sib_model import SETTINGS
from ui.app import results, state
from ui.app.layout import (
    after_the_chart_on_phones,
    percent_slider,
    presenting,
    show_key_sentence,
    show_sentences,
)
from ui.app.number_box import number_box
from ui.app.page_charts import show_page_chart
from ui.app.presenter import PRESENT_CHART_HEIGHT
from ui.spec import keys
from ui.spec.inputs import InputSpec
from ui.spec.pages import PAGE_WIDGETS
from ui.spec.result_types import DealTerms
from ui.words import narrative

#: The municipality's willingness to pay: a money box in the page's number format, over the
#: range the link and saved files accept.
WTP_BOX = InputSpec(
    keys.DEAL_WTP,
    "number",
    "money",
    SETTINGS[keys.DEAL_WTP].lo,
    SETTINGS[keys.DEAL_WTP].hi,
    10_000.0,
    "%.0f",
)
#: Keys of the page's parts that a phone shows after the chart, in that order.
TERMS, READING, SENTENCES = "deal_terms", "deal_reading", "deal_sentences"

s, t = state.current()
ghost = state.ghost()
present = presenting()
for key, default in PAGE_WIDGETS.items():
    state.page_widget_default(
        key, float(s.public_savings_per_outcome) if default is None else default
    )

if not present:
    st.title(t("page_deal_space"))
    st.caption(t("illustrative"))
    after_the_chart_on_phones(TERMS, SENTENCES, READING)
    st.container(key=READING).markdown(t("deal_intro"))

# In presenter mode the four terms sit in one row, so the chart stays on a 720 px screen.
columns = st.container(key=TERMS).columns(4 if present else 3)
left, middle, right = columns[:3]
box = columns[3] if present else right
# Select sliders, so "5 %" reads Danish in Danish (st.slider writes "5%" in every language).
target_irr = percent_slider(
    left, t("deal_target_irr"), 0.0, 0.30, 0.005, keys.DEAL_TARGET_IRR, t("deal_target_irr_help"), t
)
max_loss = percent_slider(
    middle, t("deal_max_loss"), 0.0, 1.0, 0.01, keys.DEAL_MAX_LOSS, t("deal_max_loss_help"), t
)
test = right.radio(
    t("deal_test"),
    ["net", "wtp"],
    key=keys.DEAL_TEST,
    help=t("deal_test_help"),
    format_func=lambda choice: t(f"deal_test_{choice}"),
)
willingness = None
if test == "wtp":
    willingness = number_box(WTP_BOX, t("deal_wtp"), None, False, t, where=box, key=keys.DEAL_WTP)

terms = DealTerms(
    float(target_irr), float(max_loss), None if willingness is None else float(willingness)
)
grid = results.deal_results(s, terms)
sentences = narrative.deal_sentences(grid, s, t)
if present:
    show_key_sentence(sentences[0])
    show_page_chart("deal_space_heatmap", s, t, ghost, terms, height=PRESENT_CHART_HEIGHT - 40)
else:
    show_page_chart("deal_space_heatmap", s, t, ghost, terms)
    show_sentences(sentences, st.container(key=SENTENCES))
