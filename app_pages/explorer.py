"""Explorer: the headline numbers of the current scenario, in words and five pictures in three
tabs (only the open tab is drawn), with the baseline drawn faintly behind every chart and each
number's change from it.

The first screen (a laptop at 1280×720) holds the three parties' figures, the line of return
figures and the charts, as on the Creaming and Sensitivity pages; the other three figures and
the sentences follow the charts."""

import streamlit as st

from sib_model.reality import reality_check
from ui import charts
from ui.app import results, state
from ui.app.headline import show_figures
from ui.app.layout import lazy_tabs, presenting, show_chart, show_key_sentence, show_sentences
from ui.app.page_charts import page_figures, show_returns_note
from ui.app.scrub import SIDEBAR_TEXTS, ScrubView, follow_sliders
from ui.spec import keys
from ui.spec.pages import EXPLORER_TABS
from ui.words import narrative

s, t = state.current()
ghost = state.ghost()
summary = results.scenario_results(s).summary

if presenting():
    # For a projector: the three headline figures, the key sentence and the return chart.
    show_figures(page_figures(s, t, ghost)[:3])
    show_key_sentence(results.explorer_sentences(s, t.lang)[0])
    key = "explorer_investor_irr"
    chart = results.explorer_chart_with_baseline(key, s, state.baseline(), t.lang)
    show_chart(chart, key, height=430)
    follow_sliders(
        ScrubView("explorer", (key,), (0, 1, 2), True, 430, near=True, texts=SIDEBAR_TEXTS),
        s,
        state.baseline(),
        t,
    )
    st.stop()

st.title(t("page_explorer"))
st.caption(t("illustrative"))

figures = page_figures(s, t, ghost)
show_figures(figures[:3])
show_returns_note(s, t)

# Five pictures in three tabs, two side by side (the investor's return and what the SIB costs
# the municipality; the money year by year and where the saving lands), the payoff picture
# with its labelled kinks alone at full width. Only the open tab is drawn and only its charts
# are built: a slider move builds two figures, not five.
open_charts: tuple[str, ...] = ()
for text_key, tab in lazy_tabs(keys.EXPLORER_TAB, tuple(EXPLORER_TABS), t):
    if tab.open:
        tab_charts = open_charts = EXPLORER_TABS[text_key]
        with tab:
            for where, key in zip(st.columns(len(tab_charts)), tab_charts, strict=True):
                chart = results.explorer_chart_with_baseline(key, s, state.baseline(), t.lang)
                show_chart(chart, key, where)

show_figures(figures[3:])
show_sentences(
    list(results.explorer_sentences(s, t.lang)), st.container(key=keys.EXPLORER_SENTENCES)
)
# While a headline slider is dragged, the open tab's charts and the six figures follow it.
follow_sliders(
    ScrubView(
        "explorer",
        open_charts,
        (0, 1, 2, 3, 4, 5),
        near=True,
        texts=(keys.RETURNS_NOTE, keys.EXPLORER_SENTENCES, keys.GROUP_CAPTION),
    ),
    s,
    state.baseline(),
    t,
)

# Filled only while open (its table would otherwise be rebuilt and re-sent on every move).
reality = st.expander(t("reality_title"), key=keys.REALITY_OPEN, on_change="rerun")
if reality.open:
    checks = reality_check(s, summary)
    with reality:
        st.markdown(t("reality_intro"))
        st.markdown(narrative.reality_sentence(checks, t))
        st.table(charts.reality_table(checks, t).set_index(t("reality_figure")))
