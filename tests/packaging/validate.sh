#!/usr/bin/env bash
# validate.sh DESKTOP_FILE METAINFO_FILE: desktop-file-validate and appstreamcli validate pass.
# Exits 77 (skipped) when neither tool is installed.
set -u
desktop="$1"
metainfo="$2"
ran=0
status=0
if command -v desktop-file-validate >/dev/null; then
  ran=1
  desktop-file-validate "$desktop" || status=1
fi
if command -v appstreamcli >/dev/null; then
  ran=1
  appstreamcli validate --no-net --pedantic "$metainfo" || status=1
fi
[ "$ran" = 1 ] || { echo "desktop-file-validate and appstreamcli are not installed"; exit 77; }
exit $status
