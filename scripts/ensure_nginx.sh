#!/usr/bin/env bash
# Make sure Debian's nginx is there for the tests that run deploy/nginx-sib.conf on loopback
# (the response headers, the two replicas). Like scripts/ensure_chromium.sh: installed with apt
# when missing and running as root (as in CI); otherwise those tests are skipped, and we say so.
set -euo pipefail
if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing nginx with apt (needed for the deployment tests)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # nginx-light: the small build (no extra modules); its postinst may try to start a system
  # nginx, which the tests never use, so a failure to start it is not an error here.
  apt-get install -y -qq --no-install-recommends nginx-light >/dev/null
  exit 0
fi
echo "nginx is missing: the nginx tests are skipped (sudo apt-get install nginx-light)." >&2
exit 0
