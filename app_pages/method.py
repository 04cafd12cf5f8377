"""Method: the equations, the assumptions, a Danish–English glossary and the presets'
sources."""

import re

import pandas as pd
import streamlit as st

from sib_model import PRESET_DETAILS
from ui.app import state
from ui.text.translator import GLOSSARY

s, t = state.current()


def word(key: str) -> str:
    """A word of the catalog for the equations, safe inside LaTeX's ``\\text{}``."""
    return re.sub(r"([#$%&_{}])", r"\\\1", t(key))


st.title(t("page_method"))
st.info(t("illustrative"), icon="ℹ️")
st.markdown(t("method_intro"))

st.header(t("method_equations"))
st.markdown(t("method_group"))
st.latex(
    r"p(d) = \sigma\big(\operatorname{logit} p_{0.5} - \beta\,(d - 0.5)\big), \qquad "
    r"c(d) = \sigma\big(\operatorname{logit} c_{0.5} - \beta\,(d - 0.5)\big)"
)
st.markdown(t("method_draws"))
st.latex(
    r"n \sim \operatorname{Binomial}(N, r), \quad "
    r"\theta \sim \operatorname{Beta}\big(\kappa\,p(d),\ \kappa\,(1 - p(d))\big), \quad "
    r"S \sim \operatorname{Binomial}(n, \theta), \quad A = S - n\,c(d)"
)
st.markdown(t("method_payment"))
w = {
    key: word(key)
    for key in (
        "eq_if",
        "eq_or",
        "eq_otherwise",
        "eq_cap",
        "eq_payable",
        "eq_capital",
        "eq_moic",
        "eq_net",
        "eq_municipality",
        "eq_society",
        "eq_pv",
        "eq_cost_per_additional",
        "eq_deadweight_share",
        "eq_price",
        "eq_saving",
        "eq_guarantee",
        "eq_served",
        "eq_state",
        "eq_region",
    )
}
st.latex(
    rf"P = \begin{{cases}} 0 & \text{{{w['eq_if']} }} n = 0 \text{{ {w['eq_or']} }} "
    rf"S/n < \tau \\ \min\!\big(\text{{{w['eq_cap']}}},\ \text{{{w['eq_payable']}}} \cdot "
    rf"\pi_0\,(1 + \gamma\,(d - 0.5))\big) & \text{{{w['eq_otherwise']}}} \end{{cases}}, "
    rf"\qquad \text{{{w['eq_payable']}}} = S \ \text{{ {w['eq_or']} }} \ "
    rf"\max(0,\ S - n\,b)"
)
st.markdown(t("method_parties"))
st.latex(
    rf"\text{{{w['eq_capital']}}} = F + n\,k, \qquad "
    rf"\text{{{w['eq_moic']}}} = P / \text{{{w['eq_capital']}}}"
)
st.latex(
    rf"\text{{{w['eq_net']}}}_\text{{{w['eq_municipality']}}} = "
    rf"\mathrm{{{w['eq_pv']}}}(A \cdot V \cdot m) - \mathrm{{{w['eq_pv']}}}(P), \qquad "
    rf"\text{{{w['eq_net']}}}_\text{{{w['eq_society']}}} = \mathrm{{{w['eq_pv']}}}(A \cdot V) "
    rf"- \mathrm{{{w['eq_pv']}}}(\text{{{w['eq_capital']}}})"
)
st.markdown(t("method_pockets"))
st.latex(
    rf"\text{{{w['eq_saving']}}}_\text{{{w['eq_state']}}} = "
    rf"\mathrm{{{w['eq_pv']}}}(A \cdot V)\,(1 - m)\,q, \qquad "
    rf"\text{{{w['eq_saving']}}}_\text{{{w['eq_region']}}} = "
    rf"\mathrm{{{w['eq_pv']}}}(A \cdot V)\,(1 - m)\,(1 - q)"
)
st.markdown(t("method_ratios"))
st.latex(
    rf"\text{{{w['eq_cost_per_additional']}}} = \frac{{E[P]}}{{E[A]}}, \qquad "
    rf"\text{{{w['eq_deadweight_share']}}} = \frac{{E[n\,c(d)]}}{{E[S]}}"
)
st.markdown(t("method_returns"))

st.markdown(t("method_second_step"))
st.latex(
    rf"d_k = d - w + 2w\,\tfrac{{k + 1/2}}{{9}}, \qquad "
    rf"\text{{{w['eq_price']}}}(d_k) = \pi_0\,(1 + \gamma\,(d_k - 0.5)), \qquad "
    rf"\text{{{w['eq_saving']}}}(d_k) = V\,(1 + g_V\,(d_k - 0.5))"
)
st.latex(
    rf"P = \min\!\big(P_0,\ R \cdot \text{{{w['eq_capital']}}}\big), \qquad "
    rf"\text{{{w['eq_guarantee']}}} = \min\!\big(\max(0,\ "
    rf"\text{{{w['eq_capital']}}}_I - P_I),\ g \cdot \text{{{w['eq_capital']}}}_I\big), "
    rf"\qquad \text{{{w['eq_capital']}}} = F + n_\text{{{w['eq_served']}}}\,k"
)

st.header(t("method_assumptions"))
st.markdown(t("method_assumptions_text"))

st.header(t("method_glossary"))
# A static table: every term visible at once, no scrolling inside a grid.
st.table(
    pd.DataFrame(GLOSSARY, columns=[t("glossary_da"), t("glossary_en")]).set_index(t("glossary_da"))
)

st.header(t("method_presets"))
st.caption(t("method_presets_note"))
for key in PRESET_DETAILS:
    with st.expander(t.preset_title(key)):
        st.markdown(f"*{t.preset_story(key)}*")
        st.markdown(t.preset_sources(key))
