#!/usr/bin/python3
"""PyTorch for Python side of bench_train (issue 3): the same models, batch sizes, threads and
data as bench_train.cpp. Prints "RESULT <name> <images/s>" lines.
  torch_train.py memory IDX_IMAGES IDX_LABELS [--bs 128] [--steps 60] [--threads 2]
  torch_train.py folder IMAGE_ROOT [--limit 10000] [--bs 128] [--threads 2]
  torch_train.py resnet18 SIZE [--bs 32] [--steps 10] [--threads 2]
"""
import gzip
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def opts(args):
    return {args[i]: args[i + 1] for i in range(0, len(args) - 1, 2)}


class FastaiHead(nn.Module):
    def __init__(self, nf, n_out, ps=0.5):
        super().__init__()
        self.bn1 = nn.BatchNorm1d(2 * nf)
        self.drop1 = nn.Dropout(ps / 2)
        self.lin1 = nn.Linear(2 * nf, 512, bias=False)
        self.bn2 = nn.BatchNorm1d(512)
        self.drop2 = nn.Dropout(ps)
        self.lin2 = nn.Linear(512, n_out, bias=False)

    def forward(self, x):
        x = torch.cat([torch.amax(x, dim=(2, 3)), torch.mean(x, dim=(2, 3))], 1)
        x = F.relu(self.lin1(self.drop1(self.bn1(x))))
        return self.lin2(self.drop2(self.bn2(x)))


def block(i, o, s=1):
    return [nn.Conv2d(i, o, 3, stride=s, padding=1, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True)]


class SimpleCnn(nn.Module):
    """Kiln's simple_cnn, layer for layer."""

    def __init__(self, c_in=1, n_out=10):
        super().__init__()
        self.stage1 = nn.Sequential(*block(c_in, 32), *block(32, 32, 2), *block(32, 64))
        self.stage2 = nn.Sequential(*block(64, 64, 2), *block(64, 128))
        self.head = FastaiHead(128, n_out)

    def forward(self, x):
        return self.head(self.stage2(self.stage1(x)))


def make_opt(model):
    return torch.optim.AdamW(model.parameters(), lr=1e-3, betas=(0.9, 0.99), eps=1e-5, weight_decay=0.01)


def step(model, opt, x, y):
    opt.zero_grad()
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    opt.step()


def read_idx(path):
    with gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def main():
    mode = sys.argv[1]
    if mode == "memory":
        o = opts(sys.argv[4:])
        torch.set_num_threads(int(o.get("--threads", 2)))
        bs, steps = int(o.get("--bs", 128)), int(o.get("--steps", 60))
        x = torch.from_numpy(read_idx(sys.argv[2]).copy()).float().div_(255).sub_(0.286).div_(0.353).unsqueeze(1)
        y = torch.from_numpy(read_idx(sys.argv[3]).copy()).long()
        n = x.shape[0]
        model = SimpleCnn()
        model.train()
        opt = make_opt(model)
        torch.manual_seed(0)
        perm = torch.randperm(n)

        def batch(i):
            s = (i * bs) % (n - bs)
            idx = perm[s:s + bs]
            return x[idx], y[idx]

        for i in range(5):
            step(model, opt, *batch(i))
        t0 = time.perf_counter()
        for i in range(steps):
            step(model, opt, *batch(i + 5))
        print(f"RESULT simple_cnn_memory {steps * bs / (time.perf_counter() - t0):.1f}")
    elif mode == "folder":
        from PIL import Image
        import torchvision
        from torchvision import transforms as T
        o = opts(sys.argv[3:])
        threads = int(o.get("--threads", 2))
        torch.set_num_threads(threads)
        bs, limit = int(o.get("--bs", 128)), int(o.get("--limit", 10000))
        t0 = time.perf_counter()
        tfm = T.Compose([T.RandomHorizontalFlip(), T.RandomAffine(degrees=10, scale=(1.0, 1.1)),
                         T.ColorJitter(brightness=0.2, contrast=0.2), T.ToTensor(), T.Normalize([0.286], [0.353])])
        ds = torchvision.datasets.ImageFolder(sys.argv[2], transform=tfm, loader=lambda p: Image.open(p).convert("L"))
        # The same images as bench_train: every (size/limit)-th of the sorted list. ImageFolder sorts
        # by class then file name, like Kiln's index.
        stride = max(1, len(ds) // limit)
        sub = torch.utils.data.Subset(ds, list(range(0, len(ds), stride))[:limit])
        dl = torch.utils.data.DataLoader(sub, batch_size=bs, shuffle=True, drop_last=True, num_workers=2)
        model = SimpleCnn(1, len(ds.classes))
        model.train()
        opt = make_opt(model)
        images = 0
        for xb, yb in dl:
            step(model, opt, xb, yb)
            images += xb.shape[0]
        print(f"RESULT simple_cnn_folder {images / (time.perf_counter() - t0):.1f}")
    elif mode == "resnet18":
        import torchvision
        size = int(sys.argv[2])
        o = opts(sys.argv[3:])
        torch.set_num_threads(int(o.get("--threads", 2)))
        bs, steps = int(o.get("--bs", 32)), int(o.get("--steps", 10))
        model = torchvision.models.resnet18(num_classes=10)
        model.train()
        opt = make_opt(model)
        torch.manual_seed(0)
        x = torch.randn(bs, 3, size, size)
        y = torch.randint(0, 10, (bs,))
        step(model, opt, x, y)
        step(model, opt, x, y)
        t0 = time.perf_counter()
        for _ in range(steps):
            step(model, opt, x, y)
        print(f"RESULT resnet18_{size} {steps * bs / (time.perf_counter() - t0):.1f}")


if __name__ == "__main__":
    main()
