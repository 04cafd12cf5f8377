"""SIB Scenario Explorer: what a social impact bond does for each of its three parties.

Entry point (``streamlit run app.py``). It only wires things together: read the link once,
turn the sidebar's widgets into one scenario, mirror it into the URL, and run the chosen
page. Pages live in ``app_pages/``, helpers in ``ui/``, the model in ``sib_model/``. (Not
``pages/``: Streamlit treats a folder of that name as its old multipage layout and then runs
page files without this entry point — on a fresh server's first run and in every AppTest run.)
"""

import streamlit as st

from ui import state
from ui.sidebar import render_sidebar

st.set_page_config(page_title="SIB Scenario Explorer", page_icon="🤝", layout="wide")

#: Widgets that live on one page but should keep their values across page visits.
PAGE_WIDGETS = ("deal_target_irr", "deal_max_loss", "deal_test", "deal_wtp")

state.start_session()
state.keep_page_widgets(PAGE_WIDGETS)
scenario = state.scenario_from_session()
t = state.translator()
render_sidebar(scenario, t)
state.publish(scenario)

problems = state.link_problems()
if problems:
    st.warning(state.link_problem_text(problems, t), icon="⚠️")

pages = [
    st.Page("app_pages/explorer.py", title=t("page_explorer"), icon="📊", url_path="explorer",
            default=True),
    st.Page("app_pages/creaming.py", title=t("page_creaming"), icon="🥛", url_path="creaming"),
    st.Page("app_pages/deal_space.py", title=t("page_deal_space"), icon="🤝", url_path="deal-space"),
    st.Page("app_pages/sensitivity.py", title=t("page_sensitivity"), icon="🌪️",
            url_path="sensitivity"),
    st.Page("app_pages/method.py", title=t("page_method"), icon="📐", url_path="method"),
]
st.navigation(pages).run()
