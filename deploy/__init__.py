"""Deployment: the production Streamlit settings, the Dockerfile's helpers and the
production way behind nginx (``make serve``: ``deploy.serve``, ``deploy.nginx_site``) and the
two-replica failover check (``python -m deploy.two_replicas``)."""
