#!/usr/bin/env bash
# deb.sh BUILD_DIR: builds the Debian package with cpack into a scratch folder, checks what it
# holds and what it depends on, unpacks it (as `dpkg -i` would place it, without installing) and
# runs the packaged kiln-cli --version and kiln --version. Exits 77 (skipped) without dpkg-deb.
set -euo pipefail
build="$1"
command -v dpkg-deb >/dev/null || { echo "dpkg-deb is not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/out/kiln_*_amd64.deb)
echo "package: $(basename "$deb")"
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/kiln ./usr/bin/kiln-cli ./usr/share/applications/io.kiln.Kiln.desktop \
         ./usr/share/icons/hicolor/scalable/apps/io.kiln.Kiln.svg ./usr/share/icons/hicolor/48x48/apps/io.kiln.Kiln.png \
         ./usr/share/metainfo/io.kiln.Kiln.metainfo.xml; do
  grep -qx "$f" <<<"$contents" || { echo "missing from the package: $f"; exit 1; }
done
grep -qE '^\./usr/share/man/man1/kiln-cli\.1(\.gz)?$' <<<"$contents" || { echo "missing from the package: the kiln-cli man page"; exit 1; }
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
grep -q 'libopenblas0-openmp' <<<"$depends" || { echo "Depends lacks OpenBLAS"; exit 1; }
if grep -q -- '-dev' <<<"$depends"; then echo "Depends lists a -dev package"; exit 1; fi
dpkg-deb -x "$deb" "$work/root"
"$work/root/usr/bin/kiln-cli" --version | grep -q '^kiln-cli ' || { echo "kiln-cli --version failed"; exit 1; }
env -u DISPLAY -u WAYLAND_DISPLAY "$work/root/usr/bin/kiln" --version | grep -q '^kiln ' || { echo "kiln --version failed"; exit 1; }
# The translations are inside the binary: German help without any file beside it.
LANGUAGE=de env -u DISPLAY "$work/root/usr/bin/kiln" --language de --help | grep -q 'Bild' || { echo "no German in the packaged kiln"; exit 1; }
echo "ok"
