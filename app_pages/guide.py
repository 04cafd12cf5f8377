"""Facilitator's guide: a 60-minute and a 90-minute workshop plan using the story, the
Explorer, Creaming, Compare and the game, with what to show, ask and watch for in each
block, a preparation checklist, and the plan to print or download (the plans are data in
:mod:`ui.words.guide`)."""

from ui.app import state
from ui.app.guide import show_guide

s, t = state.current()
show_guide(s, t)
