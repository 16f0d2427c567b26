#!/usr/bin/env bash
# The Debian package as a user gets it: `cpack -G DEB` over the build folder, its contents listed
# with `dpkg-deb -c` (/usr/bin/iku and /usr/share/iku/stdlib/sakip.iku), its dependencies named,
# then extracted with `dpkg-deb -x` into a scratch folder; the extracted iku, run from another
# folder with no IKU_STDLIB, must find the packaged stdlib (not the source tree's) and print the
# example's table. Exits 77 (skipped) when dpkg-deb or cpack is missing.
# Usage: deb_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$(cd "$1" && pwd)" source="$(cd "$2" && pwd)"
for tool in dpkg-deb cpack; do
  command -v "$tool" >/dev/null || { echo "skipped: $tool is missing (apt-get install dpkg cmake)"; exit 77; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log" >&2; echo "cpack -G DEB failed" >&2; exit 1; }
deb=$(ls "$work"/out/iku_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "cpack made no iku_*.deb:" >&2; ls -R "$work/out" >&2; exit 1; }
listing="$(dpkg-deb -c "$deb")"
for want in ./usr/bin/iku ./usr/share/iku/stdlib/sakip.iku; do
  grep -q " $want\$" <<<"$listing" || { echo "$want is not in $deb:"; echo "$listing"; exit 1; } >&2
done
depends="$(dpkg-deb -f "$deb" Depends)"
grep -q "libfmt" <<<"$depends" || { echo "the package does not depend on libfmt: Depends: $depends" >&2; exit 1; }
dpkg-deb -x "$deb" "$work/root"
cp -r "$source/examples/luwu-timur-2024" "$work/contoh"
cd "$work/contoh"
unset IKU_STDLIB
out="$("$work/root/usr/bin/iku" explain luwu_timur.iku ppks.capaian 2>/dev/null)"
grep -q "\[$work/root/usr/share/iku/stdlib/sakip.iku:" <<<"$out" ||
  { echo "the packaged iku did not use the packaged stdlib:"; echo "$out"; exit 1; } >&2
"$work/root/usr/bin/iku" run luwu_timur.iku --tabel capaian 2>/dev/null | grep -q "Prosentase kekerasan terhadap perempuan" ||
  { echo "the packaged iku did not print the table" >&2; exit 1; }
echo "$(basename "$deb"): usr/bin/iku and usr/share/iku/stdlib; Depends: $depends; the extracted iku runs the example"
