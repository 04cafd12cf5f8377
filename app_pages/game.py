"""Negotiation game: groups take the roles of a social impact bond and negotiate its contract
from their own laptops, each through its own link (``?room=K7QX&role=investor&key=…``: the
key is the group's secret; the facilitator's screen lists every group's link)."""

import streamlit as st

from ui.app import game, state

s, t = state.current()
st.title(t("page_game"))
st.caption(t("illustrative"))
game.page(s, state.page_settings(), t)
