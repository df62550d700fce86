#!/usr/bin/env bash
# check-translations.sh LUPDATE WORKDIR STAMP TS... -- SOURCES...
# Runs lupdate over the sources into copies of the .ts files and fails when a copy has an
# unfinished or vanished entry, naming them. The .ts files in the source tree are not touched.
set -euo pipefail
lupdate=$1 work=$2 stamp=$3
shift 3
ts=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do ts+=("$1"); shift; done
shift
rm -rf "$work" && mkdir -p "$work"
copies=()
for f in "${ts[@]}"; do
  copies+=("$work/$(basename "$f")")
  cp "$f" "${copies[-1]}"
done
# One pass over the sources updates every copy.
"$lupdate" -silent -locations none "$@" -ts "${copies[@]}" >/dev/null
failed=0
for f in "${ts[@]}"; do
  copy="$work/$(basename "$f")"
  bad=$(grep -c -E 'type="(unfinished|vanished|obsolete)"' "$copy" || true)
  if [ "$bad" -gt 0 ]; then
    failed=1
    echo "translations: $(basename "$f") has $bad unfinished or vanished string(s):" >&2
    # Print the source text of each entry that needs work.
    awk '/<source>/{src=$0} /type="(unfinished|vanished|obsolete)"/{sub(/^ */,"",src); print "  " src}' "$copy" | head -40 >&2
  fi
done
if [ "$failed" -ne 0 ]; then
  echo "translations: run 'cmake --build build --target update_translations', translate the entries above" >&2
  echo "translations: in translations/*.ts and remove their type=\"unfinished\" (or delete vanished ones)." >&2
  exit 1
fi
touch "$stamp"
