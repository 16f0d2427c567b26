#!/usr/bin/env bash
# Runs one libFuzzer target for a while: tests/fuzz/run.sh TARGET SECONDS [extra libFuzzer args]
# Builds the `fuzz` preset when needed (IKU_FUZZ_NO_BUILD=1 skips that: smoke.sh builds once).
# Fuzzes a fresh copy of tests/fuzz/corpus/TARGET in build/fuzz/runs/TARGET/corpus
# (IKU_FUZZ_KEEP_CORPUS=1 goes on from the copy the last run grew; the committed corpus is never
# written), with the dictionary, a 10 s per-input timeout and crash files in
# build/fuzz/runs/TARGET/artifacts/. Prints executions, exec/s and the corpus growth at the end.
# Exit status: 0 when nothing was found, 1 on a finding, 2 when it could not run.
set -uo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 TARGET SECONDS [libFuzzer args...]  (TARGET: fuzz_program fuzz_csv fuzz_expression fuzz_explain_json)" >&2
  exit 2
fi
target="$1" seconds="$2"
shift 2
fuzz_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$fuzz_dir/../.." && pwd)"
build="$root/build/fuzz"
if [ ! -d "$fuzz_dir/corpus/$target" ]; then
  echo "run.sh: unknown target \`$target\` (no $fuzz_dir/corpus/$target)" >&2
  exit 2
fi

if [ "${IKU_FUZZ_NO_BUILD:-0}" != 1 ]; then
  cd "$root" || exit 2
  mkdir -p "$build"
  { [ -f "$build/build.ninja" ] || cmake --preset fuzz; } >"$build/configure.log" 2>&1 ||
    { cat "$build/configure.log" >&2; echo "run.sh: configure failed" >&2; exit 2; }
  cmake --build --preset fuzz --target "$target" >"$build/build-$target.log" 2>&1 ||
    { tail -n 40 "$build/build-$target.log" >&2; echo "run.sh: build failed" >&2; exit 2; }
fi

work="$build/runs/$target"
[ "${IKU_FUZZ_KEEP_CORPUS:-0}" = 1 ] || rm -rf "$work/corpus"
mkdir -p "$work/corpus" "$work/artifacts" "$work/tmp"
cp -n "$fuzz_dir/corpus/$target"/* "$work/corpus/" 2>/dev/null
before=$(ls "$work/corpus" | wc -l)
crashes_before=$(ls "$work/artifacts" | wc -l)
log="$work/last.log"
rm -f "$work"/fuzz-*.log

# The targets write their scratch files under TMPDIR; -jobs/-fork workers log to fuzz-N.log in cwd.
# -entropic=0: libFuzzer's default scheduler (entropic) spent 68 % of fuzz_program's time in
# InputCorpus::UpdateFeatureFrequency once the corpus had ~45,000 features; without it the same
# 30 s run executed 6 times as many inputs and reached more features (docs/reliability.md).
# A later -entropic=1 among the extra arguments turns it back on.
cd "$work" || exit 2
start=$(date +%s)
TMPDIR="$work/tmp" "$build/tests/fuzz/$target" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -entropic=0 \
  -dict="$fuzz_dir/iku.dict" -artifact_prefix="$work/artifacts/" \
  "$@" "$work/corpus" >"$log" 2>&1
status=$?
elapsed=$(( $(date +%s) - start ))

after=$(ls "$work/corpus" | wc -l)
new_crashes=$(( $(ls "$work/artifacts" | wc -l) - crashes_before ))
# Final stats of the fuzzing process, or of each worker with -jobs (summed). The parent's output
# repeats its workers' logs, so with workers only their logs are counted.
stats=("$log")
compgen -G "$work/fuzz-*.log" >/dev/null && stats=("$work"/fuzz-*.log)
execs=$(awk '/stat::number_of_executed_units/ {s += $NF} END {print s + 0}' "${stats[@]}")
rate=$(awk '/stat::average_exec_per_sec/ {s += $NF} END {print s + 0}' "${stats[@]}")
echo "$target: $execs executions in ${elapsed} s ($rate exec/s), corpus $before -> $after files"

if [ "$status" -ne 0 ] || [ "$new_crashes" -gt 0 ] || grep -qE '^==[0-9]+==ERROR|^SUMMARY: |runtime error:' "$log"; then
  echo "$target: FINDING (exit $status); log: $log" >&2
  grep -m 12 -E 'ERROR|SUMMARY|runtime error|Test unit written|deadly signal|timeout|invalid JSON' "$log" >&2
  ls -t "$work/artifacts" | head -n "$(( new_crashes > 0 ? new_crashes : 1 ))" | sed "s|^|  artifact: $work/artifacts/|" >&2
  exit 1
fi
exit 0
