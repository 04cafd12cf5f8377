"""SIB Scenario Explorer: what a social impact bond does for each of its three parties.

Entry point (``streamlit run app.py``). It only wires things together: read the link once,
turn the sidebar's widgets into one scenario, mirror it into the URL, and run the chosen
page. Pages live in ``app_pages/`` (listed in ``ui/spec/pages.py``), helpers in ``ui/``, the model
in ``sib_model/``. (Not ``pages/``: Streamlit treats a folder of that name as its old
multipage layout and then runs page files without this entry point — on a fresh server's
first run and in every AppTest run.)
"""

import gc
from pathlib import Path

import streamlit as st

from ui.app import game, state
from ui.app.layout import presenting
from ui.app.live_chart import ensure_plotly_js
from ui.app.sidebar import render_phone_sliders, render_sidebar
from ui.spec.pages import PAGE_TABS, PAGE_WIDGETS, PAGES
from ui.words.link_messages import link_problem_text

st.set_page_config(
    page_title="SIB Scenario Explorer", page_icon=":material/handshake:", layout="wide"
)

# plotly.js for the in-place charts, served from static/ beside this file (a no-op when the
# copy is there, as in the container image, which makes it at build time).
ensure_plotly_js(Path(__file__).resolve().parent / "static")
state.start_session()
state.keep_page_widgets((*PAGE_WIDGETS, *(tab_key for tab_key, _ in PAGE_TABS.values())))
scenario = state.scenario_from_session()
t = state.translator()
pages = [
    st.Page(page.path, title=t(page.title), icon=page.icon, url_path=page.url, default=index == 0)
    for index, page in enumerate(PAGES)
]
# The navigation first: the sidebar's link names the page it is on, and the URL keeps it. On a
# projector the pages sit in the top bar, so the sidebar starts with the three sliders.
navigation = st.navigation(pages, position="top" if presenting() else "sidebar")
state.visit(navigation.url_path)
# A saved file just loaded (on the Share page) opens the page it was saved on.
state.open_loaded_page(navigation.url_path)
# A game room plays the scenario it was started with: on its screens the sidebar's sliders are
# marked as not the room's, and no copy of them tops a phone's page.
in_room = game.in_room(navigation.url_path)
render_sidebar(scenario, t, navigation.url_path, in_room=in_room)
render_phone_sliders(scenario, t, sliders=not in_room)
state.publish(scenario, navigation.url_path)

problems = state.link_problems()
if problems:
    st.warning(link_problem_text(problems, t), icon=":material/warning:")


@st.cache_resource(show_spinner=False)
def _freeze_long_lived_objects() -> None:
    """Once per server, after the first run has imported everything: move the objects alive
    now out of the garbage collector's sight.

    Streamlit runs a full collection (``gc.collect(2)``) after every script run: 45–80 ms
    holding the GIL on each slider move, nearly all of it spent walking the long-lived objects
    of streamlit, plotly, pandas and scipy. Frozen (``gc.freeze``), they are skipped; later
    collections walk only what later runs create, so garbage is still collected, in about a
    millisecond. (``st.cache_resource`` makes it once: ``gc.get_freeze_count()`` would walk
    every frozen object on each call.)
    """
    gc.collect()
    gc.freeze()


# Frozen after the page's run, also when the page stops early (``st.stop``: the Explorer in
# presenter mode, Compare with nothing pinned), or a projector's session would never freeze.
try:
    navigation.run()
finally:
    _freeze_long_lived_objects()
