#!/usr/bin/env bash
# Runs every benchmark side by side with its baseline and prints the figures. Needs the demo
# project (imported by `kiln-cli demo`) and, for the baselines, `packaging/install-deps.sh --bench`.
set -euo pipefail
build="${1:-build}"
project="$("$build/app/kiln-cli" demo)"
list="$(mktemp)"
trap 'rm -f "$list"' EXIT
echo "== dataset: index and verify ($project)"
"$build/tests/bench/bench_dataset" "$project" --files-out "$list"
echo "== baseline: PIL Image.open(f).load() over the same files"
/usr/bin/python3 "$(dirname "$0")/pil_verify.py" "$list"
echo "== gallery: first thumbnails and scrolling the whole gallery"
QT_QPA_PLATFORM=offscreen "$build/tests/bench/bench_gallery" "$project"
echo "== training throughput beside PyTorch"
bash "$(dirname "$0")/run-train.sh" "$build"
echo "== Train page responsiveness (1 epoch of the demo)"
QT_QPA_PLATFORM=offscreen "$build/tests/bench/bench_trainpage" "$project" 1
echo "== label noise: flipped labels among the top losses, and interpreting 10,000 images"
"$build/tests/bench/bench_labelnoise" "$project" --threads 2
echo "== t-SNE beside scikit-learn (2,000 / 5,000 / 10,000 embeddings of the newest demo run)"
run="$(ls -d "$project"/runs/*/ 2>/dev/null | tail -1)"
if [ -n "$run" ]; then bash "$(dirname "$0")/run-tsne.sh" "$build" "$run"; else echo "no run of the demo yet: train one first"; fi
echo "== embeddings scatter: 70,000 points"
QT_QPA_PLATFORM=offscreen "$build/tests/bench/bench_scatter" 70000
echo "== acquire: 10 classes x 200 images from the loopback search server, 300 ms latency per image"
"$build/tests/bench/bench_acquire" 10 200 300 100
echo "== prediction: resnet18 224 px single-image latency beside PyTorch, and folder throughput"
"$build/tests/bench/bench_predict" 2 200
