#!/usr/bin/env bash
# Make sure Debian's Chromium is there for the real-browser tests. Browsers cannot be
# downloaded by Playwright here, so we use the distribution's package at /usr/bin/chromium.
set -euo pipefail
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium with apt (needed for the real-browser tests)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
cat >&2 <<MSG
Chromium is missing at $CHROMIUM, and it cannot be installed automatically here
(not root, or no apt-get). Install it yourself, e.g. on Debian/Ubuntu:
    sudo apt-get install chromium
or point CHROMIUM at an existing Chromium/Chrome binary:
    make test CHROMIUM=/path/to/chromium
MSG
exit 1
