#!/usr/bin/env bash
# `make install` as a packager runs it: into a scratch DESTDIR with PREFIX /usr. The installed iku,
# run from another folder with no IKU_STDLIB, must find the installed stdlib (not the source
# tree's) and print the example's table.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$1" source="$2"
dest="$(mktemp -d)"
trap 'rm -rf "$dest"' EXIT
DESTDIR="$dest" cmake --install "$build" --prefix /usr >/dev/null
test -x "$dest/usr/bin/iku" || { echo "no $dest/usr/bin/iku" >&2; exit 1; }
test -f "$dest/usr/share/iku/stdlib/sakip.iku" || { echo "no installed stdlib/sakip.iku" >&2; exit 1; }
cp -r "$source/examples/luwu-timur-2024" "$dest/contoh"
cd "$dest/contoh"
unset IKU_STDLIB
out="$("$dest/usr/bin/iku" explain luwu_timur.iku ppks.capaian 2>/dev/null)"
# The polaritas formula is quoted from the stdlib the binary found.
grep -q "\[$dest/usr/share/iku/stdlib/sakip.iku:" <<<"$out" ||
  { echo "the installed iku did not use the installed stdlib:"; echo "$out"; exit 1; } >&2
"$dest/usr/bin/iku" run luwu_timur.iku --tabel capaian 2>/dev/null | grep -q "Prosentase kekerasan terhadap perempuan" ||
  { echo "the installed iku did not print the table" >&2; exit 1; }
echo "installed into $dest/usr: iku and share/iku/stdlib; the example runs from another folder"
