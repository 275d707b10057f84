#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS each, one after another (one process at a time), on a scratch corpus
# under BUILD_DIR/fuzz-corpus/<target> (kept between runs, so that long runs build on each other) plus the
# checked-in seeds in tests/fuzz/seeds/<target>, which are only read. Crash, leak, timeout and OOM inputs are
# written to BUILD_DIR/fuzz-artifacts/<target>/. Prints what each target found and its final figures; exits
# nonzero when any target failed.
#   usage: tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]
# Environment: FUZZ_FLAGS adds libFuzzer flags (e.g. FUZZ_FLAGS=-max_len=65536 for long lines).
set -u
if [ $# -lt 2 ]; then
  echo "usage: $0 BUILD_DIR SECONDS [TARGET...]" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
seconds=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(reader_fuzz text_fuzz dict_fuzz image_fuzz time_fuzz engine_fuzz http_fuzz)

failed=0
summary=""
for t in "${targets[@]}"; do
  bin="$build/tests/fuzz/$t"
  if [ ! -x "$bin" ]; then
    echo "$t: not built ($bin); run make build-san" >&2
    failed=1
    summary+="$t: not built"$'\n'
    continue
  fi
  corpus="$build/fuzz-corpus/$t"
  artifacts="$build/fuzz-artifacts/$t"
  log="$build/fuzz-artifacts/$t.log"
  mkdir -p "$corpus" "$artifacts"
  echo "== $t: ${seconds}s"
  # shellcheck disable=SC2086
  "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" ${FUZZ_FLAGS:-} "$corpus" "$here/seeds/$t" >"$log" 2>&1
  rc=$?
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  execs=$(grep -E 'stat::number_of_executed_units' "$log" | awk '{print $2}')
  rate=$(grep -E 'stat::average_exec_per_sec' "$log" | awk '{print $2}')
  cov=$(echo "$last" | grep -oE 'cov: [0-9]+ ft: [0-9]+')
  if [ $rc -ne 0 ]; then
    failed=1
    found=$(grep -E 'ERROR: |runtime error|invariant failed|SUMMARY' "$log" | head -3 | tr '\n' ' ')
    unit=$(grep -oE 'Test unit written to .*' "$log" | tail -1)
    line="$t: FAILED (exit $rc): $found; $unit; log $log"
  else
    line="$t: ok, ${execs:-?} runs, ${rate:-?} exec/s, ${cov:-?}, corpus $(ls "$corpus" | wc -l) files"
  fi
  echo "$line"
  summary+="$line"$'\n'
done
echo
echo "== summary"
printf '%s' "$summary"
exit $failed
