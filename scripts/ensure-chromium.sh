#!/usr/bin/env bash
# The e2e tests drive Debian's Chromium; install it when we can (root), else say how.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the e2e tests..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "e2e tests need Chromium: run 'sudo apt-get install chromium' (or set CHROMIUM_PATH)." >&2
exit 1
