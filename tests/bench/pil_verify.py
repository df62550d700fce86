#!/usr/bin/python3
"""The baseline for Kiln's verify benchmark: PIL's Image.open(f).load() over a list of files,
one process, as fastai's verify_images does per file. Prints images/s."""
import sys
import time

from PIL import Image

paths = [line.rstrip("\n") for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
ok = failed = 0
t0 = time.perf_counter()
for p in paths:
    try:
        with Image.open(p) as im:
            im.load()
        ok += 1
    except Exception:
        failed += 1
dt = time.perf_counter() - t0
print(f"pil: {len(paths)} images in {dt:.2f} s = {len(paths) / dt:.0f} images/s ({failed} failed)")
