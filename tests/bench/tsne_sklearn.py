#!/usr/bin/python3
"""scikit-learn's side of the t-SNE benchmark: TSNE on the same 50-d input with the same settings,
then trustworthiness (k = 10) of both layouts, computed the same way (sklearn.manifold).

usage: tsne_sklearn.py OUT_DIR N
"""
import sys
import time

import numpy as np
from sklearn.manifold import TSNE, trustworthiness

out, n = sys.argv[1], int(sys.argv[2])
x = np.fromfile(f"{out}/input-{n}.f32", dtype=np.float32).reshape(n, 50)
start = time.perf_counter()
tsne = TSNE(n_components=2, perplexity=30.0, n_iter=1000, learning_rate=max(n / 12, 200), init="pca",
            method="barnes_hut", angle=0.5, random_state=0)
layout = tsne.fit_transform(x)
seconds = time.perf_counter() - start
print(f"sklearn N={n:6d}  {seconds:7.2f} s  KL {tsne.kl_divergence_:.4f}")
kiln = np.fromfile(f"{out}/kiln-{n}.f32", dtype=np.float32).reshape(n, 2)
print(f"trustworthiness (k=10): kiln {trustworthiness(x, kiln, n_neighbors=10):.4f}  "
      f"sklearn {trustworthiness(x, layout, n_neighbors=10):.4f}")
