#!/usr/bin/env bash
# Throughput of `rasad code` on the real corpus, one core, written to stdout in the form of bench/RESULTS.md.
# Usage: bench/run.sh [CORPUS_FILE]   (default ../shared/corpus/ant-multisource-2018.jsonl.gz)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/ant-multisource-2018.jsonl.gz}
[ -f "$corpus" ] || { echo "bench: $corpus not found" >&2; exit 1; }
rasad=build/rasad
[ -x "$rasad" ] || { echo "bench: build first (make)" >&2; exit 1; }
# Warm the page cache, then measure: wall time, peak RSS and the engine's own counts.
$rasad code "$corpus" > /dev/null 2>&1 || true
/usr/bin/time -f '%e s wall, %M kB peak RSS' taskset -c 0 $rasad code "$corpus" --stats 2> /tmp/rasad-bench.err > /dev/null
grep -E 'stats|peak' /tmp/rasad-bench.err
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(git rev-parse --short HEAD)"
if [ -x build/text_bench ]; then build/text_bench --benchmark_min_time=0.5; fi
