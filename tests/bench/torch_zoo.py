#!/usr/bin/python3
"""PyTorch for Python side of bench_zoo: torchvision's model with the same batch, input size,
optimizer (AdamW as Kiln's) and step counts. Prints the same RESULT line as bench_zoo.
  torch_zoo.py ARCH [--size 224] [--bs 16] [--threads N] [--warmup 2] [--train-steps 3]
               [--infer-steps 5] [--channels-last 0|1] [--precision fp32|bf16]
--precision bf16 runs the forward passes under torch.autocast("cpu", dtype=torch.bfloat16), the loss
in fp32, as fastai's and PyTorch's mixed-precision recipes do (and Kiln's learner).
Without --threads it keeps PyTorch's default thread count (what a user gets).
"""
import contextlib
import sys
import time

import torch
import torch.nn.functional as F
import torchvision


def main():
    arch = sys.argv[1]
    o = {sys.argv[i]: sys.argv[i + 1] for i in range(2, len(sys.argv) - 1, 2)}
    size, bs = int(o.get("--size", 224)), int(o.get("--bs", 16))
    warmup, train_steps, infer_steps = int(o.get("--warmup", 2)), int(o.get("--train-steps", 3)), int(o.get("--infer-steps", 5))
    if "--threads" in o:
        torch.set_num_threads(int(o["--threads"]))
    channels_last = o.get("--channels-last", "0") == "1"
    torch.manual_seed(0)
    model = getattr(torchvision.models, arch)(weights=None, num_classes=10)
    x = torch.randn(bs, 3, size, size)
    if channels_last:
        model = model.to(memory_format=torch.channels_last)
        x = x.contiguous(memory_format=torch.channels_last)
    y = torch.randint(0, 10, (bs,))
    bf16 = o.get("--precision", "fp32") == "bf16"

    def forward():
        ctx = torch.autocast("cpu", dtype=torch.bfloat16) if bf16 else contextlib.nullcontext()
        with ctx:
            return model(x).float()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, betas=(0.9, 0.99), eps=1e-5, weight_decay=0.01)

    def step():
        opt.zero_grad(set_to_none=True)  # as Kiln drops its gradients
        F.cross_entropy(forward(), y).backward()
        opt.step()

    model.train()
    for _ in range(warmup):
        step()
    t0 = time.perf_counter()
    for _ in range(train_steps):
        step()
    train = train_steps * bs / (time.perf_counter() - t0)

    model.eval()
    with torch.inference_mode():
        for _ in range(warmup):
            forward()
        t0 = time.perf_counter()
        for _ in range(infer_steps):
            forward()
        infer = infer_steps * bs / (time.perf_counter() - t0)
    print(f"RESULT {arch} train {train:.2f} infer {infer:.2f} channels_last {int(channels_last)} threads {torch.get_num_threads()} "
          f"precision {'bf16' if bf16 else 'fp32'}")


if __name__ == "__main__":
    main()
