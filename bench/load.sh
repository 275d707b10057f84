#!/usr/bin/env bash
# The server under load: ingests ~2,000 corpus articles (or the samples alone when the corpus is absent) into a
# temporary database, starts `rasad serve` on a loopback port and runs wrk with 64 connections on 2 threads
# against the read endpoints (bench/load.lua rotates over them) for SECONDS (default 60). Prints requests/s,
# p50/p90/p99 latency and errors (non-2xx answers and socket errors), then checks that the server still answers
# /healthz. Exits non-zero on any error.
#
#   bench/load.sh [SECONDS] [RASAD]        e.g. bench/load.sh 60 build/rasad
set -euo pipefail

SECONDS_=${1:-60}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RASAD=$(realpath "${2:-$ROOT/build/rasad}")
CORPUS="$ROOT/../shared/corpus/ant-multisource-2018.jsonl.gz"
command -v wrk >/dev/null || { echo "load.sh: wrk is missing (apt-get install wrk)" >&2; exit 2; }

TMP=$(mktemp -d /tmp/rasad-load.XXXXXX)
SERVER=
cleanup() {
  if [[ -n "$SERVER" ]] && kill -0 "$SERVER" 2>/dev/null; then kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

inputs=("$ROOT/samples")
if [[ -f "$CORPUS" ]]; then
  # 2,000 articles; `|| true`: head closing the pipe early makes zcat fail with SIGPIPE.
  (zcat "$CORPUS" || true) | head -n 2000 >"$TMP/corpus.jsonl"
  inputs+=("$TMP/corpus.jsonl")
fi
"$RASAD" ingest --db "$TMP/load.db" -q "${inputs[@]}"
python3 - "$TMP/load.db" >"$TMP/ids.txt" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
for (i,) in con.execute("select event_id from events order by random() limit 200"):
    print("event", i)
for (a,) in con.execute("select source_code from events where length(source_code) >= 3 group by 1 "
                        "order by count(*) desc limit 20"):
    print("actor", a)
PY
echo "database: $(sqlite3 "$TMP/load.db" 'select count(*) from articles') articles, $(sqlite3 "$TMP/load.db" 'select count(*) from events') events"

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$RASAD" serve --db "$TMP/load.db" --port "$PORT" 2>"$TMP/serve.log" &
SERVER=$!
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  sleep 0.1
done

echo "wrk: 64 connections, 2 threads, ${SECONDS_} s, http://127.0.0.1:$PORT (machine: $(nproc) cores, $(uname -sr))"
RASAD_LOAD_IDS="$TMP/ids.txt" wrk -c 64 -t 2 -d "${SECONDS_}s" --timeout 10s -s "$ROOT/bench/load.lua" \
  "http://127.0.0.1:$PORT" | tee "$TMP/wrk.out"

status=0
grep -q "^RESULT no errors" "$TMP/wrk.out" || status=1
if curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && kill -0 "$SERVER"; then
  echo "after the load: /healthz 200, server alive"
else
  echo "after the load: the server does not answer" >&2
  status=1
fi
exit $status
