#!/usr/bin/env bash
# The browser journeys drive Debian's Chromium (Playwright's own download does not work here).
# Install it when missing and we are allowed to; otherwise the browser tests skip with a reason.
set -uo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Chromium ontbreekt: installeren via apt-get (Debian-pakket chromium)..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "LET OP: chromium installeren lukte niet; browsertests worden overgeslagen."
else
  echo "LET OP: /usr/bin/chromium ontbreekt en ik ben geen root; browsertests worden overgeslagen."
  echo "        Installeer met: sudo apt-get install chromium"
fi
exit 0
