#!/usr/bin/env bash
# The whole-corpus benchmark: the speed of light (bench/speed_of_light.cc: decompress, parse, validate, split on
# white space), then `rasad code` on one core and with -j 2, their ratio, peak memory; then the micro-benchmarks.
# Prints a table and adds it to bench/RESULTS.md (newest first) with the date, the commit and the machine (`make bench`).
# Usage: bench/run.sh [CORPUS_FILE...]   (default: ../shared/corpus/*.jsonl.gz)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=("$@")
[ ${#corpus[@]} -gt 0 ] || corpus=(../shared/corpus/*.jsonl.gz)
for f in "${corpus[@]}"; do [ -f "$f" ] || { echo "bench: $f not found" >&2; exit 1; }; done
rasad=build/rasad
[ -x "$rasad" ] && [ -x build/speed_of_light ] || { echo "bench: build first (make)" >&2; exit 1; }

# Warm the page cache, then measure.
cat "${corpus[@]}" > /dev/null
light=$(taskset -c 0 build/speed_of_light "${corpus[@]}")
echo "$light"
light_rate=$(echo "$light" | sed -E 's/.* ([0-9]+) articles\/s.*/\1/')
light_articles=$(echo "$light" | sed -E 's/speed of light: ([0-9]+) articles.*/\1/')
row() {  # label, extra flags, cpus
  local err=/tmp/rasad-bench.err
  /usr/bin/time -f '%M' taskset -c "$3" $rasad code $2 "${corpus[@]}" --stats 2> "$err" > /dev/null
  local stats rss
  stats=$(grep 'rasad: stats' "$err")
  rss=$(tail -1 "$err")
  local articles sentences seconds mbs
  articles=$(echo "$stats" | sed -E 's/.* ([0-9]+) articles\/s.*/\1/')
  sentences=$(echo "$stats" | sed -E 's/.* ([0-9]+) sentences\/s.*/\1/')
  seconds=$(echo "$stats" | sed -E 's/.* in ([0-9.]+) s:.*/\1/')
  mbs=$(echo "$stats" | sed -E 's/.* ([0-9.]+) MB\/s.*/\1/')
  printf '| %s | %s s | %s | %s | %s | %.1f %% | %d MB |\n' "$1" "$seconds" "$articles" "$sentences" "$mbs" \
    "$(awk -v a="$articles" -v l="$light_rate" 'BEGIN { print 100 * a / l }')" $((rss / 1024))
}
ingest_row() {  # rasad ingest -j 2 into a fresh database
  local db err
  db=$(mktemp -d)/bench.db
  err=/tmp/rasad-bench-ingest.err
  /usr/bin/time -f '%e %M' $rasad ingest --db "$db" -j 2 -q "${corpus[@]}" 2> "$err" > /dev/null
  local seconds rss
  read -r seconds rss < <(tail -1 "$err")
  printf '| rasad ingest -j 2 (SQLite, full-text index) | %s s | %s | | | | %d MB |\n' "$seconds" \
    "$(awk -v a="$light_articles" -v s="$seconds" 'BEGIN { printf "%.0f", a / s }')" $((rss / 1024))
  rm -rf "$(dirname "$db")"
}
table=$(
  echo "| run | time | articles/s | sentences/s | MB/s | of the speed of light | peak RSS |"
  echo "|---|---|---|---|---|---|---|"
  row "rasad code, one core" "" 0
  row "rasad code -j 2, two cores" "-j 2" 0,1
  ingest_row
)
machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), commit $(git rev-parse --short HEAD)"
speedup=$(echo "$table" | awk -F'|' '/one core/ { one = $4 } /-j 2, two/ { two = $4 } END { printf "%.2f", two / one }')
echo "$table"
echo "-j 2 / one core: $speedup times"
echo "machine: $machine"
# The micro-benchmarks (one core): each stage, and how cost grows with article size and sentence length.
micro=""
if [ -x build/text_bench ]; then
  micro=$(taskset -c 0 build/text_bench --benchmark_min_time=0.5 2>/dev/null)
  echo "$micro"
fi
section=$(
  echo "## $(date -u +%Y-%m-%d) \`make bench\` ($machine)"
  echo
  echo "Corpus: ${corpus[*]}. $light."
  echo
  echo "$table"
  echo
  echo "\`rasad code -j 2\` codes $speedup times as fast as one core."
  echo
  if [ -n "$micro" ]; then
    echo "Micro-benchmarks (\`build/text_bench --benchmark_min_time=0.5\`, one core; BigO rows are Google Benchmark's fits"
    echo "of time against article size in KB and sentence length in tokens):"
    echo
    echo '```'
    echo "$micro"
    echo '```'
    echo
  fi
)
# Newest first: the section goes after the file's three-line introduction.
{ head -n 3 bench/RESULTS.md; echo; echo "$section"; tail -n +4 bench/RESULTS.md; } > bench/RESULTS.md.new
mv bench/RESULTS.md.new bench/RESULTS.md
