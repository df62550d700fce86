#!/usr/bin/env bash
# Data-parallel training on this machine: images/s of 1 process x T threads against 2 processes
# x T/2 threads (kiln-cli train --nproc) at the same global batch, sides alternating, median of
# the repeats; and the
# gradient bytes all-reduced per step for each architecture (what decides scaling across
# machines). Generates a folder of 28 px images in a scratch directory and removes it.
# Usage: tests/bench/run-parallel.sh [BUILD_DIR] [THREADS=2] [REPEATS=3]
set -euo pipefail
build=${1:-build}
threads=${2:-2}
repeats=${3:-3}
cli="$build/app/kiln-cli"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# 2 classes x 1,500 images of 28 px (a bar left or right, with noise).
for c in left right; do mkdir -p "$scratch/images/$c"; done
python3 - "$scratch/images" <<'PY'
import sys, zlib, struct, random
root = sys.argv[1]
def png(path, pixels, side):
    raw = b''.join(b'\x00' + bytes(pixels[y * side:(y + 1) * side]) for y in range(side))
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    data = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', side, side, 8, 0, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')
    open(path, 'wb').write(data)
r = random.Random(1)
for c, name in enumerate(['left', 'right']):
    for i in range(1500):
        px = [min(255, (170 if (x < 14) == (c == 0) else 30) + r.randrange(50)) for y in range(28) for x in range(28)]
        png(f'{root}/{name}/{i}.png', px, 28)
PY

rate() { # images/s of the last epoch on rank 0 (its share times the ranks: the run's throughput), from run.json
  python3 - "$1/run.json" "$2" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))['result']['epochs'][-1]
print('%.0f' % (e['images_per_second'] * int(sys.argv[2])))
PY
}
one=(); many=()
for r in $(seq 1 "$repeats"); do
  for n in 1 2; do
    out="$scratch/run-$n-$r"
    "$cli" train "$scratch/images" --arch simple_cnn --epochs 2 --bs $((128 / n)) --lr 3e-3 --threads "$threads" --nproc "$n" --out "$out" \
      >/dev/null 2>"$scratch/log-$n-$r" || { cat "$scratch/log-$n-$r"; exit 1; }
    v=$(rate "$out" "$n")
    if [ "$n" = 1 ]; then one+=("$v"); else many+=("$v"); fi
  done
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
m1=$(median "${one[@]}"); m2=$(median "${many[@]}")
echo "simple_cnn 28 px, global batch 128 (1 x 128, 2 x 64), $threads threads in all, $repeats repeats (images/s of the last epoch):"
echo "  1 process x $threads threads:   ${one[*]}  median $m1"
echo "  2 processes x $((threads / 2)) thread(s): ${many[*]}  median $m2"
python3 -c "print('  ratio 2 processes / 1 process: %.2f' % ($m2 / $m1))"
echo "gradient bytes all-reduced per step (every trainable parameter, fp32):"
grep -h "all-reducing" "$scratch"/log-2-1 | sed 's/^/  simple_cnn: /'
for arch in resnet18 resnet34 resnet50 mobilenet_v3_small efficientnet_b0; do
  "$cli" train "$scratch/images" --arch "$arch" --size 32 --epochs 1 --bs 8 --lr 1e-3 --threads 2 --nproc 2 \
    --out "$scratch/arch-$arch" 2>&1 >/dev/null | grep -h "all-reducing" | sed "s/^/  $arch: /" || echo "  $arch: (did not run)"
done
