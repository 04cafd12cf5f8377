"""The real-browser run and the Streamlit harness it shares with the latency benchmark."""
