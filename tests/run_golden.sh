#!/usr/bin/env bash
# One golden test: runs `iku` with the arguments in CASE/args (one per line) from the repository
# root and compares stdout, stderr and the exit code with CASE/stdout, CASE/stderr, CASE/exit.
# UPDATE=1 rewrites the expected files instead (review the diff before committing).
#
# Optional files of a case (docs/reliability.md, "Hostile input"):
#   setup         a bash script run first (from the same directory as the command) with CASE_TMP
#                 set to a fresh empty directory, removed afterwards. It may create inputs there
#                 (large generated files, a FIFO, a symlink loop, ...). Exit 77 skips the case;
#                 say why on its output.
#   limits        KEY=VALUE lines: timeout=SECONDS (default 20), memory_mib=MIB (default 2048,
#                 0 for no cap).
#   unprivileged  run the command as user nobody when the tests run as root (root reads files
#                 whatever their mode, so a chmod 000 case would test nothing); its text says why.
# In `args`, @TMP@ is replaced by CASE_TMP; in the actual stdout and stderr CASE_TMP is replaced
# back by @TMP@ before they are compared.
#
# Every case runs under `timeout` and a virtual-memory cap (`ulimit -v`; not with a sanitizer
# build, which reserves terabytes of address space). Its inputs must be left untouched: for each
# file named in `args`, the input folder it lies in (the first two levels under the repository,
# such as tests/hostile or examples/NAME, so the data files next to it are included; a path
# outside the repository and CASE_TMP: that file only), and everything under CASE_TMP, are listed
# with type, mode, size, mtime and sha256 before and after the run; any difference fails the case.
#
# Environment: GOLDEN_TIME_FACTOR=N multiplies every timeout (slow builds such as ASan);
# GOLDEN_SANITIZED=1|0 forces the sanitizer detection; GOLDEN_TMPDIR is where CASE_TMP is made
# (default /dev/shm when writable, else $TMPDIR or /tmp).
set -u
iku="$1"
case_dir="$2"
name=${case_dir%/}; name=${name##*/}

fail() { echo "golden $name: $*"; exit 1; }

# In memory when possible: a setup that writes 9,000 files is 7 times faster on tmpfs than on disk.
tmp_base=${GOLDEN_TMPDIR:-}
if [ -z "$tmp_base" ]; then
  tmp_base=${TMPDIR:-/tmp}
  [ -d /dev/shm ] && [ -w /dev/shm ] && tmp_base=/dev/shm
fi
work=$(mktemp -d -p "$tmp_base") || fail "cannot create a temporary directory in $tmp_base"
case_tmp="$work/tmp"
mkdir "$case_tmp"
case_tmp=$(cd "$case_tmp" && pwd -P)  # as the program will show it
actual_out="$work/stdout" actual_err="$work/stderr" before="$work/before" after="$work/after"
cleanup() {
  chmod -R u+rwx "$case_tmp" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# ---- limits ----------------------------------------------------------------------------------
timeout_s=20
memory_mib=2048
if [ -f "$case_dir/limits" ]; then
  while IFS='=' read -r key value; do
    case "$key" in
      timeout) timeout_s=$value ;;
      memory_mib) memory_mib=$value ;;
      ''|'#'*) ;;
      *) fail "unknown key '$key' in limits" ;;
    esac
  done < "$case_dir/limits"
fi
timeout_s=$((timeout_s * ${GOLDEN_TIME_FACTOR:-1}))

sanitized() {
  case "${GOLDEN_SANITIZED:-}" in 1) return 0 ;; 0) return 1 ;; esac
  ldd "$iku" 2>/dev/null | grep -Eq 'lib(a|t|m|hwa)san' && return 0
  nm -D "$iku" 2>/dev/null | grep -q '__[a-z]*san_init' && return 0
  return 1
}
if sanitized; then memory_mib=0; fi

# ---- setup -----------------------------------------------------------------------------------
if [ -f "$case_dir/setup" ]; then
  CASE_TMP="$case_tmp" bash "$case_dir/setup"
  rc=$?
  if [ $rc = 77 ]; then echo "golden $name: skipped by its setup"; exit 77; fi
  [ $rc = 0 ] || fail "setup failed with exit code $rc"
fi

# Reports carry a stamp with the date (docs/cli.md): a fixed one keeps expected outputs stable.
export SOURCE_DATE_EPOCH=1717200000  # 2024-06-01T00:00:00Z

mapfile -t args < "$case_dir/args"
args=("${args[@]//@TMP@/$case_tmp}")

runner=()
if [ -f "$case_dir/unprivileged" ] && [ "$(id -u)" = 0 ]; then
  if ! command -v setpriv >/dev/null; then
    echo "golden $name: skipped: running as root, and setpriv (util-linux) is missing to run as nobody"
    exit 77
  fi
  chmod 755 "$work" "$case_tmp"  # nobody must reach the inputs the setup made
  runner=(setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all)
fi

# ---- inputs: what must be left untouched -------------------------------------------------------
repo=$(pwd -P)
roots=("$case_tmp")
for a in "${args[@]}"; do
  [ -e "$a" ] || [ -L "$a" ] || continue
  parent=.; [[ $a = */* ]] && parent=${a%/*}/
  dir=$(cd -- "$parent" 2>/dev/null && pwd -P) || continue
  abs=$a; [[ $a = /* ]] || abs=$repo/$a
  case "$dir/" in
    "$case_tmp"/*) ;;                        # already a root
    "$repo"/*/?*)                            # the input folder: tests/hostile, examples/NAME, ...
      rel=${dir#"$repo"/}/; second=${rel#*/}; roots+=("$repo/${rel%%/*}/${second%%/*}") ;;
    "$repo"/*) [ "$dir" = "$repo" ] && roots+=("$abs") || roots+=("$dir") ;;
    *) [ -f "$a" ] && roots+=("$abs") ;;     # such as /etc/passwd: that file only
  esac
done
manifest() {
  # type, mode, size, mtime and symlink target of everything; sha256 of each readable regular file
  # up to 64 MiB (a larger one, such as a sparse 3 GiB file, is known by size and mtime)
  find "${roots[@]}" -printf '%p %y %m %s %T@ %l\n' 2>/dev/null
  find "${roots[@]}" -type f -readable -size -65537k -exec sha256sum {} + 2>/dev/null
}
manifest > "$before"

# ---- the run -----------------------------------------------------------------------------------
start=$SECONDS
(
  if [ "$memory_mib" != 0 ]; then ulimit -v $((memory_mib * 1024)) || exit 125; fi
  exec timeout --kill-after=5 "$timeout_s" "${runner[@]}" "$iku" "${args[@]}"
) >"$actual_out" 2>"$actual_err" </dev/null
code=$?
elapsed=$((SECONDS - start))
if [ $code = 124 ] || { [ $code = 137 ] && [ $elapsed -ge "$timeout_s" ]; }; then
  echo "golden $name: TIMED OUT: iku did not finish within $timeout_s s (limit of this case)"
  echo "  command: $iku ${args[*]}"
  exit 1
fi
[ $code = 125 ] && fail "could not set the memory limit (ulimit -v $((memory_mib * 1024)))"
[ $code = 126 ] || [ $code = 127 ] && fail "cannot run $iku (exit code $code; is it being rebuilt?)"

# Put the placeholder back where the temporary directory shows.
sed -i "s|${case_tmp//./\\.}|@TMP@|g" "$actual_out" "$actual_err"

status=0
manifest > "$after"
if ! cmp -s "$before" "$after"; then
  echo "golden $name: an input file was changed by the run (type mode size mtime / sha256):"
  diff "$before" "$after" | sed "s|${case_tmp//./\\.}|@TMP@|g"
  status=1
fi
if [ $code -ge 128 ]; then  # never an expected result: not written by UPDATE=1 either
  echo "golden $name: CRASH: iku was killed by signal $((code - 128)) (exit code $code)"
  echo "  command: $iku ${args[*]}"
  sed 's/^/  stderr: /' "$actual_err" | head -20
  exit 1
fi

if [ "${UPDATE:-0}" = 1 ]; then
  cat "$actual_out" > "$case_dir/stdout"
  cat "$actual_err" > "$case_dir/stderr"
  echo "$code" > "$case_dir/exit"
  exit $status
fi

expected_code=$(<"$case_dir/exit")
if [ "$code" != "$expected_code" ]; then
  echo "exit code: expected $expected_code, got $code"
  status=1
fi
for stream in stdout stderr; do
  actual="$actual_out"; [ $stream = stderr ] && actual="$actual_err"
  if ! diff -u "$case_dir/$stream" "$actual" --label "expected $stream" --label "actual $stream"; then
    status=1
  fi
done
exit $status
