"""Story: the guided tour a facilitator clicks through — investor, municipality, deadweight,
creaming, parking, the wrong pocket and the design levers — one scenario, one chart and two
or three sentences per step (the steps are data in :mod:`ui.words.story`).

The step is in the link (``?step=4``), so a room can jump to it. Opening a step puts its
scenario into the sliders once; after that the room may move them and the step's chart and
numbers follow, and "Keep exploring" opens the Explorer on whatever the sliders hold.

The buttons are drawn above the step and again where it ends: on a phone a step is longer
than the screen, and a reader who has scrolled through it finds the way on right there. The
last step has no Next; its place goes on to the Explorer, beside a way back to step 1.
"""

import streamlit as st

from ui.app import results, state
from ui.app.layout import presenting, show_chart, show_key_sentence, show_sentences
from ui.spec import keys
from ui.words import narrative
from ui.words.story import EXPLORER_CHARTS, STEPS, notice_values

number = state.story_step()
if not state.story_step_applied():
    # Arrived by a link or the menu: the sliders are drawn already, so load the step's
    # scenario at the start of a new run.
    state.open_story_step(number, now=False)
    st.rerun()

s, t = state.current()
step = STEPS[number - 1]
present = presenting()
#: The chart's height in presenter mode: under the step's buttons, title and key sentence it
#: stays on a 720 px projector.
PRESENT_HEIGHT = 420


def _go(to: int) -> None:
    """Callback: open step ``to`` and put its scenario into the sliders."""
    state.open_story_step(to)


def _buttons(place: str) -> None:
    """The row of buttons at ``place`` ("top" or "end" of the step): Back, Next and Keep
    exploring; at the last step, Back, on to the Explorer and back to the first step."""
    back, forward, other = st.columns(3)
    back.button(
        t("story_back"),
        key=keys.story_button(place, "back"),
        on_click=_go,
        args=(number - 1,),
        disabled=number == 1,
        icon=":material/arrow_back:",
        width="stretch",
    )
    if number < len(STEPS):
        forward.button(
            t("story_next"),
            key=keys.story_button(place, "next"),
            on_click=_go,
            args=(number + 1,),
            type="primary",
            icon=":material/arrow_forward:",
            width="stretch",
        )
        explore = other.button(
            t("story_keep_exploring"),
            key=keys.story_button(place, "explore"),
            icon=":material/insights:",
            width="stretch",
        )
    else:
        explore = forward.button(
            t("story_finish"),
            key=keys.story_button(place, "explore"),
            type="primary",
            icon=":material/arrow_forward:",
            width="stretch",
        )
        other.button(
            t("story_again"),
            key=keys.story_button(place, "again"),
            on_click=_go,
            args=(1,),
            icon=":material/replay:",
            width="stretch",
        )
    if explore:
        st.switch_page("app_pages/explorer.py")


if not present:
    st.title(t("page_story"))
st.progress(number / len(STEPS), text=t("story_progress", step=number, steps=len(STEPS)))
_buttons("top")
(st.subheader if present else st.header)(t(f"story_{step.key}_title"))
summary = results.scenario_results(s).summary
values = notice_values(step, s, summary, t.fmt)
notice = t(f"story_{step.key}_notice", **values)
if present:
    show_key_sentence(t(f"story_{step.key}_key", **values))
else:
    st.markdown(notice)

chart = (
    results.explorer_chart(step.chart, s, t.lang)
    if step.chart in EXPLORER_CHARTS
    else results.page_chart(step.chart, s, t.lang)
)
show_chart(chart, step.chart, height=PRESENT_HEIGHT)
if present:
    st.markdown(notice)
elif step.chart == "creaming_frontier":
    show_sentences(narrative.creaming_sentences(results.creaming_results(s), t)[:2])
elif step.chart == "parking_frontier":
    show_sentences(narrative.parking_sentences(results.parking_results(s), s, t)[:2])

_buttons("end")
if not present:
    st.caption(t("story_leave_note"))
