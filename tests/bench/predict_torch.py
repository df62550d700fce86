#!/usr/bin/python3
"""PyTorch's side of bench_predict: torchvision resnet18 (10 classes), one image at a time, warm:
PIL decode, resize to 224 x 224, to tensor, ImageNet normalisation, forward, softmax. Prints the
median milliseconds.

usage: predict_torch.py IMAGE_DIR THREADS
"""
import os
import statistics
import sys
import time

import torch
import torchvision
from PIL import Image

folder, threads = sys.argv[1], int(sys.argv[2])
torch.set_num_threads(threads)
model = torchvision.models.resnet18(num_classes=10).eval()
mean = torch.tensor([0.485, 0.456, 0.406]).view(3, 1, 1)
std = torch.tensor([0.229, 0.224, 0.225]).view(3, 1, 1)
files = sorted(os.path.join(folder, f) for f in os.listdir(folder))
times = []
with torch.inference_mode():
    for i in range(60):
        start = time.perf_counter()
        img = Image.open(files[i % len(files)]).convert("RGB").resize((224, 224), Image.BILINEAR)
        x = torch.frombuffer(bytearray(img.tobytes()), dtype=torch.uint8).view(224, 224, 3).permute(2, 0, 1).float() / 255
        x = ((x - mean) / std).unsqueeze(0)
        torch.softmax(model(x), 1)
        if i >= 10:
            times.append((time.perf_counter() - start) * 1000)
print(f"{statistics.median(times):.2f}")
