"""Deployment: the production Streamlit settings, the Dockerfile's helpers, the production
way behind nginx (``make serve``: ``deploy.serve``, ``deploy.nginx_site``), the two-replica
failover check (``python -m deploy.two_replicas``) and a throwaway PostgreSQL server for the
game's rooms (``python -m deploy.local_postgres``)."""
