#!/usr/bin/env bash
# Runs the dashboard's browser tests: node (20 or later, for playwright-core) and Debian's chromium are needed;
# without them the tests are skipped (exit 77) with a message saying what is missing.
# Usage: tests/browser/run.sh RASAD SCREENSHOT_DIR
set -u
here="$(cd "$(dirname "$0")" && pwd)"
if ! command -v node > /dev/null; then echo "skip: node is not installed"; exit 77; fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then echo "skip: node $major is too old for playwright-core (20 or later)"; exit 77; fi
if [ ! -x /usr/bin/chromium ]; then echo "skip: /usr/bin/chromium is not installed (apt-get install chromium)"; exit 77; fi
exec node "$here/dashboard.test.js" "$@"
