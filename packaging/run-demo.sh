#!/usr/bin/env bash
# `make run`: opens the studio on the demo project, or, with no display, runs the same job headless.
set -euo pipefail
build="${1:-build}"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$build/app/kiln" --demo
fi
echo "make run: no display found (DISPLAY and WAYLAND_DISPLAY are unset); running the same job headless through kiln-cli."
project="$("$build/app/kiln-cli" demo)"
echo "Demo project: $project"
echo
echo "\$ kiln-cli dataset info \"$project\""
"$build/app/kiln-cli" dataset info "$project"
echo
echo "\$ kiln-cli dataset verify \"$project\""
"$build/app/kiln-cli" dataset verify "$project"
echo
echo "\$ kiln-cli train \"$project\" --arch simple_cnn --epochs ${KILN_DEMO_EPOCHS:-1} --bs 128"
"$build/app/kiln-cli" train "$project" --arch simple_cnn --epochs "${KILN_DEMO_EPOCHS:-1}" --bs 128
