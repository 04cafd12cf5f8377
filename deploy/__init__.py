"""Deployment: the production Streamlit settings, the Dockerfile's helpers and the
two-replica recipe behind nginx (``python -m deploy.two_replicas``)."""
