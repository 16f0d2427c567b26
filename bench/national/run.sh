#!/usr/bin/env bash
# The national benchmark (issue 10): every region, one year, one table, computed by iku, DuckDB,
# pandas and an exact fractions oracle; every figure checked against the oracle, then timed.
# Not part of make test. See bench/README.md and docs/performance.md ("National benchmark").
#
#   bash bench/run national                         # 514 and 7200 regions, 5 interleaved rounds
#   SIZES="514" RUNS=3 bash bench/run national      # quicker
#   SIZES="514 7200 28800" bash bench/run national  # with the 4x size for the linearity goal (~1 GB CSV)
#   SKIP_BUILD=1 / PEERS_ONLY=1 (no iku) / FORMULA=0 (no formula core) / EXPLAIN=0
#
# Generated data is kept in build/bench-national/wN (regenerated when gen.py changes).
set -euo pipefail
shopt -s inherit_errexit

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
here="$root/bench/national"
cd "$root"
PY=/usr/bin/python3
SIZES=${SIZES:-"514 7200"}
RUNS=${RUNS:-5}

# ---- tools: Debian packages and the DuckDB npm package, installed when missing -------------------
need=()
"$PY" -c 'import pandas' 2>/dev/null || need+=(python3-pandas)
[ -x /usr/bin/time ] || need+=(time)
[ -f /usr/include/muParser.h ] || need+=(libmuparser-dev)
if [ ${#need[@]} -gt 0 ]; then
  echo "== apt-get install ${need[*]}" >&2
  apt-get update >&2 && apt-get install -y "${need[@]}" >&2
fi
if [ ! -d "$here/node_modules/@duckdb/node-api" ]; then
  echo "== npm ci (@duckdb/node-api into bench/national/node_modules)" >&2
  (cd "$here" && npm ci --no-audit --no-fund >&2)
fi

# ---- builds: release iku, and the formula core against its library ------------------------------
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== build (release preset, target iku)" >&2
  cmake --preset release >/dev/null
  cmake --build --preset release --target iku >&2
fi
if [ "${FORMULA:-1}" != 0 ]; then
  fc="$root/build/release/formula_core"
  if [ ! -x "$fc" ] || [ "$fc" -ot "$here/formula_core.cpp" ] || [ "$fc" -ot "$root/build/release/libiku_core.a" ]; then
    echo "== build formula_core (g++ -O2, muparser, build/release/libiku_core.a)" >&2
    g++ -O2 -std=c++17 -I"$root/src" -I"$root" "$here/formula_core.cpp" "$root/build/release/libiku_core.a" \
      -lmuparser -lfmt -lnettle -o "$fc"
  fi
fi

args=(--sizes "$SIZES" --runs "$RUNS" --data "$root/build/bench-national")
[ "${PEERS_ONLY:-0}" = 1 ] || args+=(--iku "$root/build/release/iku")
[ "${FORMULA:-1}" = 0 ] || args+=(--formula-core "$root/build/release/formula_core")
[ "${EXPLAIN:-1}" = 0 ] || args+=(--explain)
exec "$PY" "$here/bench.py" "${args[@]}"
