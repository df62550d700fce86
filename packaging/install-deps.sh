#!/usr/bin/env bash
# Installs every Debian 12 package Kiln needs to build, test and run.
# Idempotent: packages already present are skipped; nothing is downloaded outside apt.
# Usage: packaging/install-deps.sh [--bench]   (--bench adds the Python side of the benchmarks)
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # Qt 6 (widgets, concurrent, network, linguist tools, platform plugins)
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-qpa-plugins qt6-svg-dev libqt6svg6 qt6-translations-l10n
  # plots
  libqcustomplot-dev libqcustomplot2.1-qt6
  # LibTorch and a fast BLAS (build-notes: without libopenblas0-openmp matrix products are ~40x slower)
  libtorch-dev libopenblas0-openmp
  # the headers of Gloo, which c10d (LibTorch's distributed engine) includes for data-parallel training
  libgloo-dev
  # images, ONNX, compression
  libopencv-dev libonnx-dev libprotobuf-dev protobuf-compiler zlib1g-dev
  # tests (the Python side checks that PyTorch reads what Kiln writes, and that torchvision's own
  # models and Kiln's agree, so real ImageNet weights behave in Kiln as in PyTorch)
  libgtest-dev libgmock-dev xvfb xauth imagemagick fonts-dejavu-core
  python3-torch python3-torchvision python3-onnx python3-numpy
  # the run report opened in a real browser (headless)
  chromium fonts-liberation libgl1-mesa-dri
  # checks of the desktop entry and AppStream metadata
  desktop-file-utils appstream
  # the demo dataset
  dataset-fashion-mnist
)
if [ "${1:-}" = "--bench" ]; then
  packages+=(python3-pil python3-sklearn python3-opencv)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${#missing[@]} package(s): ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
