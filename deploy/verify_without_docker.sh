#!/usr/bin/env bash
# The Dockerfile's steps without Docker (for a machine with no Docker daemon): a fresh
# folder laid out like the image's /app, a plain venv installed with
# `pip install -c constraints.txt .`, the sources removed, plotly.js copied at "build time",
# the folder made read-only, the app started as an unprivileged user (nobody) with the
# production settings, then checked: health, plotly.js served, one real session drawn
# without an exception (benchmarks/st_client.py). Run as root from the repository root:
#
#   bash deploy/verify_without_docker.sh [port]      # default port 8695
set -euo pipefail
PORT=${1:-8695}
REPO=$(pwd)
WORK=$(mktemp -d /tmp/sib-image-XXXXXX)
APP=$WORK/app
# A Python the unprivileged user can run (pyenv under /root is not), like the image's.
PY=${PYTHON:-/usr/bin/python3}
SERVER=
trap '[ -n "$SERVER" ] && kill -- -"$SERVER" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
mkdir -p "$APP"
cd "$APP"
# COPY pyproject.toml constraints.txt README.md LICENSE ./ ; COPY sib_model/ sib_game/ ui/
cp "$REPO"/{pyproject.toml,constraints.txt,README.md,LICENSE} .
cp -r "$REPO"/sib_model "$REPO"/sib_game "$REPO"/ui .
find . -name __pycache__ -prune -exec rm -rf {} +
$PY -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install --quiet --disable-pip-version-check --no-cache-dir -c constraints.txt .
rm -rf sib_model sib_game ui build ./*.egg-info
# COPY app.py app_pages/ static/ ; the production settings
cp "$REPO/app.py" .
cp -r "$REPO/app_pages" .
mkdir -p static .streamlit
cp "$REPO"/static/*.* static/ 2>/dev/null || true
rm -f static/plotly-*.min.js
find . -name __pycache__ -prune -exec rm -rf {} +
cp "$REPO/deploy/streamlit-production.toml" .streamlit/config.toml
# RUN ensure_plotly_js at build time
"$WORK/venv/bin/python" -c "from pathlib import Path; from ui.app.live_chart import ensure_plotly_js; \
print('plotly.js:', ensure_plotly_js(Path('static')))"
# The app folder read-only for the user that runs it (root owns it; nobody can only read).
chmod -R a-w "$APP"
chmod -R a+rX "$WORK"
cd "$APP"
setsid setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/tmp \
  PYTHONDONTWRITEBYTECODE=1 "$WORK/venv/bin/python" -m streamlit run app.py \
  --server.port "$PORT" --server.address 127.0.0.1 > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/_stcore/health" > /dev/null && break
  sleep 0.5
done
echo "health: $(curl -fs "http://127.0.0.1:$PORT/_stcore/health")"
JS=$(cd "$APP/static" && ls plotly-*.min.js)
echo "static/$JS: HTTP $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/app/static/$JS")"
echo "runs as: $(ps -o user= -p "$(pgrep -s "$SERVER" -f 'streamlit run' | head -1)")"
cd "$REPO"
"$REPO/.venv/bin/python" - "$PORT" <<'PYEOF'
import asyncio, sys
from benchmarks.st_client import Session

async def main(port: str) -> None:
    session = Session(f"http://127.0.0.1:{port}", query="n=250&p=0.55")
    await session.connect()
    result = await session.run(timeout=120)
    moved = await session.run({"in_difficulty": 0.8})
    await session.close()
    print(f"session: {result.status}, {moved.status} after a slider move; "
          f"exceptions: {result.exceptions + moved.exceptions or 'none'}")
    assert result.status == moved.status == "FINISHED_SUCCESSFULLY"
    assert not result.exceptions and not moved.exceptions

asyncio.run(main(sys.argv[1]))
PYEOF
if grep -qiE "Traceback|Permission denied|Read-only" "$WORK/server.log"; then
  echo "server log shows errors:"; cat "$WORK/server.log"; exit 1
fi
echo "image steps verified without Docker"
