#!/usr/bin/env bash
# t-SNE beside scikit-learn (issue 6): the same 50-d embeddings of a run, the same perplexity,
# iterations, learning rate and angle; for each size, Kiln then scikit-learn, one after the other.
# usage: tests/bench/run-tsne.sh BUILD_DIR RUN_DIR [SIZES...]   (default sizes 2000 5000 10000)
set -euo pipefail
build="$1"
run="$2"
shift 2
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(2000 5000 10000)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$build/tests/bench/bench_tsne" prepare "$run" "$out" "${sizes[@]}"
for n in "${sizes[@]}"; do
  "$build/tests/bench/bench_tsne" run "$out" "$n"
  /usr/bin/python3 "$(dirname "$0")/tsne_sklearn.py" "$out" "$n"
done
