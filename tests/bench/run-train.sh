#!/usr/bin/env bash
# Training throughput, Kiln beside PyTorch for Python, same model, batch, threads and data, each
# pair run back to back. Prints every figure and the ratio Kiln / PyTorch. Needs the demo project
# and `packaging/install-deps.sh --bench` (python3-torch, python3-torchvision).
set -euo pipefail
build="${1:-build}"
threads="${THREADS:-2}"
rounds="${ROUNDS:-3}"
fm=/usr/share/datasets/fashion-mnist
project="$("$build/app/kiln-cli" demo)"
bench="$build/tests/bench/bench_train"
py="/usr/bin/python3 $(dirname "$0")/torch_train.py"
result() { grep '^RESULT' | awk '{print $3}'; }
gflops() { grep '^RESULT' | awk '{print $4}'; }

sgemm=$("$bench" sgemm --threads "$threads" | result)
echo "sgemm 2048x2048 with $threads threads: $sgemm GFLOP/s"
printf "%-22s %12s %12s %7s %18s\n" benchmark "kiln img/s" "torch img/s" ratio "kiln GFLOP/s (eff)"
echo "(best of $rounds alternating runs each; efficiency = achieved training FLOP/s over sgemm FLOP/s)"
# The machine is shared and noisy: each side runs ROUNDS times, alternating, and keeps its best.
max() { echo "$1 $2" | awk '{print ($1 > $2) ? $1 : $2}'; }
run_pair() {
  local name="$1"; shift
  local kargs="$1"; shift
  local pargs="$1"; shift
  local k=0 p=0 g=0 kout pout
  for _ in $(seq "$rounds"); do
    kout=$($bench $kargs --threads "$threads")
    pout=$($py $pargs --threads "$threads")
    if awk "BEGIN{exit !($(echo "$kout" | result) > $k)}"; then k=$(echo "$kout" | result); g=$(echo "$kout" | gflops); fi
    p=$(max "$p" "$(echo "$pout" | result)")
  done
  printf "%-22s %12.1f %12.1f %6.2fx %10.1f (%.0f%%)\n" "$name" "$k" "$p" "$(echo "$k / $p" | bc -l)" "$g" "$(echo "100 * $g / $sgemm" | bc -l)"
}
run_pair simple_cnn_memory "memory $fm/train-images-idx3-ubyte.gz $fm/train-labels-idx1-ubyte.gz --bs 128 --steps 60" \
                           "memory $fm/train-images-idx3-ubyte.gz $fm/train-labels-idx1-ubyte.gz --bs 128 --steps 60"
run_pair simple_cnn_folder "folder $project/images/train --limit 10000 --bs 128" "folder $project/images/train --limit 10000 --bs 128"
run_pair resnet18_64 "resnet18 64 --bs 32 --steps 10" "resnet18 64 --bs 32 --steps 10"
run_pair resnet18_224 "resnet18 224 --bs 16 --steps 4" "resnet18 224 --bs 16 --steps 4"
