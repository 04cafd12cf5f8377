# The SIB Scenario Explorer as a container for a municipality's server.
#
#   docker build -t sib-explorer .
#   docker run --rm -p 8501:8501 sib-explorer        # then http://localhost:8501
#
# Everything comes from PyPI at the versions pinned in constraints.txt (the same pins the
# tests pass with); nothing else is downloaded, no browser is installed. The app runs as an
# unprivileged user from a folder it cannot write to, with the production settings of
# deploy/streamlit-production.toml. Two or more replicas behind nginx: README.md, "Deploy".
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# The packages (the model, the game and the dashboard's helpers) with its dependencies, pinned. Copied
# before the rest so that a change to a page does not reinstall numpy and scipy.
COPY pyproject.toml constraints.txt README.md LICENSE ./
COPY sib_model/ sib_model/
COPY sib_game/ sib_game/
COPY ui/ ui/
RUN pip install --no-cache-dir -c constraints.txt . \
    && rm -rf sib_model sib_game ui build ./*.egg-info

# The Streamlit entry point, its pages and the static folder; the production settings
# replace the workshop's .streamlit/config.toml.
COPY app.py ./
COPY app_pages/ app_pages/
COPY static/ static/
COPY deploy/streamlit-production.toml .streamlit/config.toml

# plotly.js (the cartesian bundle vendored in ui/app/vendor/, installed with the package) is
# copied into static/ now, at build time, so the running app needs no write access to its
# folder (app.py finds the copy and leaves it).
RUN python -c "from pathlib import Path; from ui.app.live_chart import ensure_plotly_js; \
print(ensure_plotly_js(Path('static')))" \
    && useradd --system --uid 10001 --create-home --home-dir /home/sib --shell /usr/sbin/nologin sib

# By number, so that Kubernetes' runAsNonRoot can check it.
USER 10001
EXPOSE 8501

# Streamlit's own health endpoint; python instead of curl, which the slim image lacks.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).status != 200)"]

CMD ["python", "-m", "streamlit", "run", "app.py", "--server.port=8501", "--server.address=0.0.0.0"]
