#!/usr/bin/env bash
# The fuzzing part of `make test`: tests/fuzz/smoke.sh [SECONDS]
# Builds the four libFuzzer targets (the clang `fuzz` preset), replays every saved crash in
# tests/fuzz/regressions/<target>/ through its target, then fuzzes each target for SECONDS
# (default 30), all four at once (run.sh: a fresh copy of the corpus under build/fuzz/runs/), so
# the whole takes the build plus about SECONDS. Exits 0 when clang is not installed (saying so),
# non-zero on any finding.
set -uo pipefail

seconds="${1:-30}"
fuzz_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$fuzz_dir/../.." && pwd)"
build="$root/build/fuzz"
targets=(fuzz_program fuzz_csv fuzz_expression fuzz_explain_json)
start=$(date +%s)

if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz smoke: skipped: clang not installed (scripts/install_deps.sh installs clang and libclang-rt-dev)"
  exit 0
fi
probe_dir=$(mktemp -d)
trap 'rm -rf "$probe_dir"' EXIT
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' >"$probe_dir/p.cpp"
if ! clang++ -fsanitize=fuzzer,address,undefined "$probe_dir/p.cpp" -o "$probe_dir/p" >/dev/null 2>&1; then
  echo "fuzz smoke: skipped: clang's libFuzzer/sanitizer runtimes are not installed (Debian package libclang-rt-dev)"
  exit 0
fi

cd "$root" || exit 2
mkdir -p "$build"
echo "fuzz smoke: building the fuzz preset (clang, libFuzzer + ASan + UBSan) ..."
if ! { { [ -f "$build/build.ninja" ] || cmake --preset fuzz; } && cmake --build --preset fuzz; } >"$build/smoke-build.log" 2>&1; then
  tail -n 40 "$build/smoke-build.log"
  echo "fuzz smoke: FAILED: the fuzz preset does not build (log: $build/smoke-build.log)"
  exit 1
fi
echo "fuzz smoke: built in $(( $(date +%s) - start )) s"

failed=()
# Every saved finding, replayed once (one run per file, so the log names each that fails).
for t in "${targets[@]}"; do
  [ -d "$fuzz_dir/regressions/$t" ] || continue
  mkdir -p "$build/runs/$t/tmp"
  count=0 bad=0
  for f in "$fuzz_dir/regressions/$t"/*; do
    [ -f "$f" ] || continue
    count=$((count + 1))
    log="$build/runs/$t/regression-$(basename "$f").log"
    if ! TMPDIR="$build/runs/$t/tmp" "$build/tests/fuzz/$t" "$f" >"$log" 2>&1; then
      bad=$((bad + 1))
      echo "$t: FINDING: ${f#"$root"/} fails (log: $log)"
      grep -m 4 -E 'ERROR|SUMMARY|runtime error|invalid JSON|deadly signal' "$log" | sed 's/^/    /'
    fi
  done
  (( bad > 0 )) && failed+=("$t (regressions)")
  (( count > 0 )) && echo "$t: $count regression inputs replayed, $bad failing"
done

# Fuzz every target at once: on 2 cores each gets about half of one. The smoke checks that the
# targets reach the code and nothing breaks at once; volume is for the long runs (run.sh).
declare -A pid_of
mkdir -p "$build/runs"
for t in "${targets[@]}"; do
  IKU_FUZZ_NO_BUILD=1 "$fuzz_dir/run.sh" "$t" "$seconds" >"$build/runs/smoke-$t.out" 2>&1 &
  pid_of[$t]=$!
done
for t in "${targets[@]}"; do
  wait "${pid_of[$t]}" || failed+=("$t")
  cat "$build/runs/smoke-$t.out"
done

echo "fuzz smoke: $(( $(date +%s) - start )) s in all"
if (( ${#failed[@]} > 0 )); then
  echo "fuzz smoke: FAILED: ${failed[*]} (a finding: see docs/reliability.md, \"Fuzzing\")"
  exit 1
fi
echo "fuzz smoke: no finding"
