#!/usr/bin/env bash
# The numeric core alone (engine/numeric): configure it into a scratch folder against the LibTorch
# CMake finds, build the library and its tests, and run the quick ones (precision, loss scaling,
# schedules, transforms, the thread guard, the state-dict reader). ctest runs it with Debian's
# LibTorch; tests/gpu/check.sh does the same against a CUDA build.
# Usage: standalone.sh KILN_ROOT SCRATCH_DIR [extra cmake arguments...]
set -euo pipefail
root="$1"; scratch="$2"; shift 2
rm -rf "$scratch"
cmake -S "$root/engine/numeric" -B "$scratch" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >"$scratch.configure.log" 2>&1 \
  || { cat "$scratch.configure.log"; echo "standalone.sh: the numeric core does not configure alone" >&2; exit 1; }
grep -E "numeric core against" "$scratch.configure.log" || true
cmake --build "$scratch" -j "${JOBS:-2}" --target test_numeric
"$scratch/test_numeric" --gtest_brief=1 \
  --gtest_filter='Precision.*:LossScaler.*:Schedule.*:Transforms.*:GuardedThread.*:StateDict.*:Models.*'
