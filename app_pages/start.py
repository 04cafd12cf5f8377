"""Start: what a social investment is, its three parties and the three headline sliders, and
the two ways in — the guided story and the Explorer.

A link that carries a scenario (every link the app hands out does) opened at "/" still lands
on the Explorer, as it did before this page existed: on the session's first run only, so the
Start page stays reachable from the menu afterwards.
"""

import streamlit as st

from ui.app import state
from ui.app.viewport import narrow

if state.followed_linked_scenario():
    st.switch_page("app_pages/explorer.py")

t = state.translator()


def _start_story() -> None:
    """Callback: the story from its first step, with that step's scenario in the sliders."""
    state.open_story_step(1)


st.title(t("start_title"))
st.markdown(t("start_intro"))
story, explorer = st.columns(2)
if story.button(
    t("start_story"),
    type="primary",
    icon=":material/slideshow:",
    on_click=_start_story,
    width="stretch",
):
    st.switch_page("app_pages/story.py")
if explorer.button(t("start_explorer"), icon=":material/insights:", width="stretch"):
    st.switch_page("app_pages/explorer.py")

st.header(t("start_parties_title"))
for column, party in zip(st.columns(3), ("commissioner", "investor", "provider"), strict=True):
    column.markdown(t(f"start_party_{party}"))

# Where the sliders are: in the sidebar on the left, or above the page on a phone.
st.header(t("start_sliders_title_phone" if narrow() else "start_sliders_title"))
for column, field in zip(
    st.columns(3), ("cohort_size", "success_probability", "difficulty"), strict=True
):
    column.markdown(f"**{t.label(field)}**\n\n{t(f'start_slider_{field}')}")
st.caption(t("illustrative"))
