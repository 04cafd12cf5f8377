"""The floor of Streamlit itself: one slider, one small plotly chart, nothing else.

`benchmarks/browser_latency.py` times a slider move on this page next to the same move on
the Explorer page, so the ratio shows what the dashboard adds on top of Streamlit's own
round trip (websocket message, script rerun, delta, React render, plotly redraw).
"""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="Bare page", layout="wide")

cohort_size = st.sidebar.slider(
    "Cohort size", min_value=10, max_value=500, value=100, step=10, key="in_cohort_size"
)
x = np.arange(11)
figure = go.Figure(go.Bar(x=x, y=cohort_size * x / 10.0))
figure.update_layout(height=300, margin=dict(l=20, r=20, t=20, b=20))
st.plotly_chart(figure, key="bare_chart")
