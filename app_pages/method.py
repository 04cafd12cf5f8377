"""Method: the equations, the assumptions, a Danish–English glossary and the presets'
sources."""

import pandas as pd
import streamlit as st

from sib_model import PRESET_DETAILS
from ui import state
from ui.i18n import GLOSSARY

s, t = state.current()

st.title(t("page_method"))
st.info(t("illustrative"), icon="ℹ️")
st.markdown(t("method_intro"))

st.header(t("method_equations"))
st.markdown(t("method_group"))
st.latex(r"p(d) = \sigma\big(\operatorname{logit} p_{0.5} - \beta\,(d - 0.5)\big), \qquad "
         r"c(d) = \sigma\big(\operatorname{logit} c_{0.5} - \beta\,(d - 0.5)\big)")
st.markdown(t("method_draws"))
st.latex(r"n \sim \operatorname{Binomial}(N, r), \quad "
         r"\theta \sim \operatorname{Beta}\big(\kappa\,p(d),\ \kappa\,(1 - p(d))\big), \quad "
         r"S \sim \operatorname{Binomial}(n, \theta), \quad A = S - n\,c(d)")
st.markdown(t("method_payment"))
st.latex(r"P = \begin{cases} 0 & \text{if } n = 0 \text{ or } S/n < \tau \\ "
         r"\min\!\big(\text{cap},\ \text{payable} \cdot \pi_0\,(1 + \gamma\,(d - 0.5))\big) "
         r"& \text{otherwise} \end{cases}, \qquad "
         r"\text{payable} = S \ \text{ or } \ \max(0,\ S - n\,b)")
st.markdown(t("method_parties"))
st.latex(r"\text{capital} = F + n\,k, \qquad \text{MOIC} = P / \text{capital}")
st.latex(r"\text{net}_\text{municipality} = \mathrm{PV}(A \cdot V \cdot m) - \mathrm{PV}(P), "
         r"\qquad \text{net}_\text{society} = \mathrm{PV}(A \cdot V) - \mathrm{PV}(\text{capital})")
st.markdown(t("method_ratios"))
st.latex(r"\text{cost per additional outcome} = \frac{E[P]}{E[A]}, \qquad "
         r"\text{deadweight share} = \frac{E[n\,c(d)]}{E[S]}")

st.header(t("method_assumptions"))
st.markdown(t("method_assumptions_text"))

st.header(t("method_glossary"))
# A static table: every term visible at once, no scrolling inside a grid.
st.table(pd.DataFrame(GLOSSARY, columns=[t("glossary_da"), t("glossary_en")]).set_index(
    t("glossary_da")))

st.header(t("method_presets"))
st.caption(t("method_presets_note"))
for key, details in PRESET_DETAILS.items():
    with st.expander(details.title[t.lang]):
        st.markdown(f"*{details.story[t.lang]}*")
        st.text(details.sources)
