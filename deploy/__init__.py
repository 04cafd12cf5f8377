"""Deployment: the production Streamlit settings, the Dockerfile's helpers, the
two-replica recipe behind nginx (``python -m deploy.two_replicas``) and a throwaway PostgreSQL
server for the game's rooms (``python -m deploy.local_postgres``)."""
