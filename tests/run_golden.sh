#!/usr/bin/env bash
# One golden test: runs `iku` with the arguments in CASE/args (one per line) from the repository
# root and compares stdout, stderr and the exit code with CASE/stdout, CASE/stderr, CASE/exit.
# UPDATE=1 rewrites the expected files instead (review the diff before committing).
set -u
iku="$1"
case_dir="$2"
mapfile -t args < "$case_dir/args"
actual_out=$(mktemp) actual_err=$(mktemp)
trap 'rm -f "$actual_out" "$actual_err"' EXIT
"$iku" "${args[@]}" >"$actual_out" 2>"$actual_err" </dev/null
code=$?

if [ "${UPDATE:-0}" = 1 ]; then
  cat "$actual_out" > "$case_dir/stdout"
  cat "$actual_err" > "$case_dir/stderr"
  echo "$code" > "$case_dir/exit"
  exit 0
fi

status=0
expected_code=$(cat "$case_dir/exit")
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
