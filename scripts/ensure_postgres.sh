#!/usr/bin/env bash
# Make sure Debian's PostgreSQL server programs are there for the store tests, which start a
# throwaway server of their own (deploy/local_postgres.py: initdb and pg_ctl in a temporary
# folder, as the `postgres` user when root). Like scripts/ensure_nginx.sh: installed with apt
# when missing and running as root (as in CI); otherwise the PostgreSQL runs of the store
# tests are skipped, and we say so. Debian keeps initdb/pg_ctl in /usr/lib/postgresql/*/bin.
set -euo pipefail
if command -v pg_ctl >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing PostgreSQL with apt (needed for the store tests on PostgreSQL)…"
  export DEBIAN_FRONTEND=noninteractive
  # The tests make their own clusters: no system cluster (main) to create and start.
  mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = off" > /etc/postgresql-common/createcluster.d/sib-tests.conf
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  exit 0
fi
echo "PostgreSQL is missing: the store tests on PostgreSQL are skipped (sudo apt-get install postgresql)." >&2
exit 0
