#!/usr/bin/env bash
# The benchmark: builds the release preset, generates synthetic offices at a few sizes, checks that
# iku and the Python peer compute the same figures, then times, in this one run, for each size:
# `iku run`, `iku explain --semua --format json` and the peer. Prints a markdown table.
#
#   bash bench/run.sh                        # sizes 200 2000 20000, 5 timed runs each
#   SIZES="200 2000" RUNS=3 bash bench/run.sh
#   SKIP_BUILD=1 bash bench/run.sh           # time build/release/iku as it is
#   HYPERFINE=0 bash bench/run.sh            # the bash timing loop even when hyperfine is installed
#
# Uses hyperfine when installed (median of RUNS after one warm-up run), otherwise a bash loop
# with the same counts; peak memory from /usr/bin/time -v when installed. See docs/performance.md.
set -euo pipefail
shopt -s inherit_errexit

SIZES=${SIZES:-"200 2000 20000"}
RUNS=${RUNS:-5}
PY=/usr/bin/python3

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== build (release preset)" >&2
  cmake --preset release >/dev/null
  cmake --build --preset release >&2
fi
IKU="$root/build/release/iku"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/iku-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

have_hyperfine=0
command -v hyperfine >/dev/null 2>&1 && [ "${HYPERFINE:-1}" != 0 ] && have_hyperfine=1
have_time=0
[ -x /usr/bin/time ] && have_time=1

# Median wall time in seconds of RUNS runs (after one warm-up run) of "$@", output discarded.
median_loop() {
  local i t0 t1 times=()
  "$@" >/dev/null 2>&1
  for ((i = 0; i < RUNS; i++)); do
    t0=$EPOCHREALTIME
    "$@" >/dev/null 2>&1
    t1=$EPOCHREALTIME
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.6f %.6f %.6f\n", m, v[1], v[NR] }'
}

# "median min max" in seconds for "$@".
wall() {
  if [ $have_hyperfine = 1 ]; then
    local json="$tmp/hyperfine.json"
    hyperfine --style none --warmup 1 --runs "$RUNS" -N --export-json "$json" -- "$(printf '%q ' "$@")" >/dev/null
    "$PY" -c 'import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("%.6f %.6f %.6f" % (r["median"], r["min"], r["max"]))' "$json"
  else
    median_loop "$@"
  fi
}

# Peak resident set size in MB of one run of "$@", or "n/a".
peak_mb() {
  if [ $have_time = 1 ]; then
    /usr/bin/time -v "$@" 2>"$tmp/time.txt" >/dev/null
    awk -F: '/Maximum resident set size/ { printf "%.0f\n", $2 / 1024 }' "$tmp/time.txt"
  else
    echo "n/a"
  fi
}

rows=()
for n in $SIZES; do
  dir="$tmp/n$n"
  "$PY" bench/gen.py --indikator "$n" --out "$dir"
  iku_file="$dir/kantor.iku"
  csv_rows=$(($(wc -l <"$dir/data/realisasi.csv") - 1))
  echo "== $n indicators ($(du -k "$iku_file" | cut -f1) KB .iku, $csv_rows CSV rows)" >&2

  # A benchmark of wrong results is worthless: agree first.
  "$IKU" run "$iku_file" >"$dir/run.txt"
  "$IKU" explain --semua --format json "$iku_file" >"$dir/explain.json"
  "$PY" bench/peer_fractions.py "$iku_file" >"$dir/peer.txt"
  "$PY" bench/check.py "$dir/peer.txt" "$dir/run.txt" "$dir/explain.json" >&2
  json_mb=$(awk -v b="$(stat -c %s "$dir/explain.json")" 'BEGIN { printf "%.1f", b / 1e6 }')
  rm -f "$dir/explain.json"

  timing=$(wall "$PY" bench/peer_fractions.py "$iku_file")
  read -r peer_med peer_min peer_max <<<"$timing"
  peer_mem=$(peak_mb "$PY" bench/peer_fractions.py "$iku_file")
  for what in run explain peer; do
    case $what in
      run) cmd=("$IKU" run "$iku_file") label='`iku run`' ;;
      explain) cmd=("$IKU" explain --semua --format json "$iku_file") label="\`iku explain --semua --format json\` (${json_mb} MB out)" ;;
      peer) cmd=("$PY" bench/peer_fractions.py "$iku_file") label='peer (`fractions`)' ;;
    esac
    if [ $what = peer ]; then
      med=$peer_med lo=$peer_min hi=$peer_max mem=$peer_mem
    else
      timing=$(wall "${cmd[@]}")
      read -r med lo hi <<<"$timing"
      mem=$(peak_mb "${cmd[@]}")
    fi
    ratio=$(awk -v a="$med" -v b="$peer_med" 'BEGIN { printf "%.2f", a / b }')
    echo "   $what: median ${med}s" >&2
    rows+=("$(awk -v n="$n" -v l="$label" -v m="$med" -v lo="$lo" -v hi="$hi" -v mem="$mem" -v r="$ratio" \
      'BEGIN { printf "| %s | %s | %.3f | %.3f–%.3f | %s | %s |", n, l, m, lo, hi, mem, r }')")
  done
done

model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
timer="hyperfine $(hyperfine --version 2>/dev/null | awk '{ print $2 }'), median of $RUNS runs after 1 warm-up"
[ $have_hyperfine = 1 ] || timer="bash loop (EPOCHREALTIME), median of $RUNS runs after 1 warm-up"
echo
echo "Machine: $(nproc) CPUs, $model; $(uname -sr); $(g++ --version | head -1); $("$PY" --version)"
echo "Commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" --no-optional-locks status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo ' (working tree modified)')"
echo "Timing: $timer; peak memory: $([ $have_time = 1 ] && echo '/usr/bin/time -v, one run' || echo 'not measured (no /usr/bin/time)')"
echo
echo "| indicators | command | median wall (s) | min–max (s) | peak RSS (MB) | iku / peer |"
echo "|---:|---|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
