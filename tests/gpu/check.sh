#!/usr/bin/env bash
# The GPU check (issue 16), for a machine with a CUDA GPU: builds Kiln's numeric core alone
# (engine/numeric) against the LibTorch it finds, runs the numeric tests there (their device is
# "auto", so the GPU), then prints training and inference images/s per architecture and precision
# on the GPU. A few minutes. CI has no GPU and never runs it.
#   tests/gpu/check.sh [SCRATCH_DIR]
# Environment: LIBTORCH_PREFIX (a LibTorch's CMake prefix; default: PyTorch's own,
#   python3 -c 'import torch; print(torch.utils.cmake_prefix_path)'), ARCHS, PRECISIONS (fp32 fp16
#   auto), BS (64), SIZE (224), JOBS.
# LibTorch, OpenCV and ONNX must share the C++ ABI: a pip wheel of PyTorch built with
# _GLIBCXX_USE_CXX11_ABI=0 cannot link Debian's OpenCV; use a cxx11-ABI LibTorch then.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
scratch="${1:-$root/build-gpu}"
prefix="${LIBTORCH_PREFIX:-$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)' 2>/dev/null || true)}"
if [ -z "$prefix" ]; then
  echo "check.sh: no LibTorch found: set LIBTORCH_PREFIX, or install PyTorch for python3" >&2
  exit 2
fi
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || true
echo "== building the numeric core against $prefix"
rm -rf "$scratch"
cmake -S "$root/engine/numeric" -B "$scratch" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKILN_NUMERIC_BENCH=ON \
  -DCMAKE_PREFIX_PATH="$prefix" | grep -E "numeric core against|CUDA" || true
cmake --build "$scratch" -j "${JOBS:-$(nproc)}" --target test_numeric bench_zoo

echo "== the numeric tests, on the GPU"
"$scratch/test_numeric" --gtest_brief=1 || status=$?

echo "== images/s on the GPU (batch ${BS:-64}, ${SIZE:-224} px; auto = what a run's precision auto becomes)"
printf '%-20s %-6s %10s %10s\n' architecture prec train infer
for arch in ${ARCHS:-resnet18 resnet34 resnet50 mobilenet_v3_small mobilenet_v3_large efficientnet_b0}; do
  for precision in ${PRECISIONS:-fp32 fp16 auto}; do
    line=$("$scratch/bench_zoo" "$arch" --device cuda --precision "$precision" --bs "${BS:-64}" --size "${SIZE:-224}" \
             --warmup 3 --train-steps 10 --infer-steps 20 | grep '^RESULT' || echo "RESULT $arch train failed infer failed")
    set -- $line
    printf '%-20s %-6s %10s %10s\n' "$arch" "${12:-$precision}" "$4" "$6"
  done
done
exit "${status:-0}"
