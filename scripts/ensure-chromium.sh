#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (playwright-core cannot download browsers here).
# Installs it when missing and we are root on Debian; otherwise says what to do.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then exit 0; fi
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests (once)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH." >&2
exit 1
