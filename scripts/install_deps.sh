#!/usr/bin/env bash
# Installs the Debian packages iku needs, and only those that are missing.
# Idempotent: when everything is present it calls neither apt-get nor the network.
set -euo pipefail

# Usage: install_deps.sh [build|test|windows]. `build` (make demo) is what compiles iku; `test` (make test)
# adds clang and libclang-rt-dev (libFuzzer and the sanitizer runtimes of Debian's default clang)
# for the fuzz targets of tests/fuzz. python3 runs the differential tests; python3-openpyxl reads
# back the xlsx report, chromium (driven through python3-websocket) loads the html report.
# libxlsxwriter-dev: iku writes --format xlsx with it.
# `windows` (make windows): the build list's headers and the mingw-w64 cross-compiler for iku.exe.
packages=(g++ cmake ninja-build pkg-config tao-pegtl-dev libboost-dev libfmt-dev catch2 libcli11-dev nlohmann-json3-dev nettle-dev
          libxlsxwriter-dev)
case "${1:-build}" in
  build) ;;
  test) packages+=(clang libclang-rt-dev python3 python3-openpyxl chromium python3-websocket) ;;
  windows) packages+=(g++-mingw-w64-x86-64) ;;
  *) echo "usage: install_deps.sh [build|test|windows]" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install_deps: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install_deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 2; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
