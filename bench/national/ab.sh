#!/usr/bin/env bash
# Interleaved wall and CPU times of several iku binaries on one generated national size: each
# round runs every binary once, in turn, so a slow minute of a shared machine hits them all.
# The table is the benchmark's (`--tabel capaian --format csv`, one year, target pk).
#
#   bash bench/national/ab.sh ROUNDS BINARY... [SIZE=7200]
#
# The size's data must exist (bench/run national generates build/bench-national/wSIZE). Prints,
# per binary, its wall and CPU (user + system) seconds round by round, and their medians.
set -euo pipefail
rounds=$1
shift
here=$(cd "$(dirname "$0")/../.." && pwd)
dir="$here/build/bench-national/w${SIZE:-7200}"
[ -f "$dir/nasional.iku" ] || { echo "no $dir/nasional.iku: run bench/run national first" >&2; exit 2; }
cd "$dir"
times=$(mktemp)
trap 'rm -f "$times"' EXIT
for _ in $(seq "$rounds"); do
  for b in "$@"; do
    /usr/bin/time -f "$b %e %U %S" -a -o "$times" "$b" run nasional.iku --wilayah '*' --tahun 2024 --target pk \
      --tabel capaian --format csv > /dev/null
  done
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for b in "$@"; do
  wall=$(awk -v b="$b" '$1 == b { print $2 }' "$times")
  cpu=$(awk -v b="$b" '$1 == b { print $3 + $4 }' "$times")
  echo "$b"
  echo "  wall: $(echo $wall) (median $(echo "$wall" | median) s)"
  echo "  cpu:  $(echo $cpu) (median $(echo "$cpu" | median) s)"
done
