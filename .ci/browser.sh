#!/usr/bin/env bash
# Browser tests for wep (the published website in headless Chromium, checked with axe-core).
# Installs Debian's `chromium` package when it is missing and we can (root, apt-get); if that
# fails the tests skip themselves with a clear message instead of failing. Results go to
# .tmp/vitest-browser.json for .ci/run's summary.
set -uo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${WEP_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  echo "Chromium not found at $CHROMIUM: trying apt-get install chromium"
  SUDO=""
  if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; fi
  if command -v apt-get >/dev/null 2>&1; then
    ( $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium ) >/tmp/wep-chromium-install.log 2>&1 \
      || echo "could not install Chromium (see /tmp/wep-chromium-install.log); the browser tests will be skipped"
  else
    echo "no apt-get here; the browser tests will be skipped"
  fi
fi

[ -f dist/cli.cjs ] || npm run build
mkdir -p .tmp test-results
rm -f .tmp/vitest-browser.json
npx --no-install vitest run --config vitest.browser.config.ts --reporter=default --reporter=json --outputFile.json=.tmp/vitest-browser.json
