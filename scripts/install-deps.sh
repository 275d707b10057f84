#!/usr/bin/env bash
# Installs the Debian 12 packages that rasad needs to build and test, and only those that are missing.
# Idempotent: when everything is present it prints one line and touches nothing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config python3
  libicu-dev          # normalisation, breaking, CLDR data
  libre2-dev          # regular expressions outside hot paths
  zlib1g-dev          # gzip'd JSON Lines input
  libsimdjson-dev     # JSON Lines input
  nlohmann-json3-dev  # JSON output and small JSON documents
  libcli11-dev        # the command line
  libfmt-dev          # formatting
  libspdlog-dev       # diagnostics
  libgtest-dev libgmock-dev  # unit tests
  libbenchmark-dev    # micro-benchmarks
  libsqlite3-dev      # the event store (with FTS5)
  libxml2-dev         # news pages (HTML)
  libcpp-httplib-dev  # rasad serve
  chromium            # the dashboard's browser tests (driven by playwright-core, checked in under tests/browser)
  sqlite3             # the database shell, for users and tests
  time                # /usr/bin/time for bench/run.sh (peak memory)
  clang libclang-rt-14-dev  # make test-sanitize and the libFuzzer targets (tests/fuzz)
  wrk                 # the server load test (bench/load.sh)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: not root; run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
