#!/usr/bin/python3
"""Training and inference throughput of the model zoo: Kiln (bench_zoo) beside torchvision's same
model in PyTorch for Python (torch_zoo.py), at 224 px, batch 16, in one run. For every architecture
the sides run alternately, REPS times each (the machine is noisy), and the table shows medians:
  kiln          LibTorch C++ with the learner's setup (threads, malloc tuning, channels-last where
                prefersChannelsLast says so)
  torch tuned   PyTorch with the same threads, the same malloc tuning (environment) and layout
  torch default PyTorch as a user runs it: default threads, glibc's malloc, contiguous layout
Usage: tests/bench/run-zoo.py [BUILD_DIR] ; environment: THREADS (2), REPS (3), ARCHS (all but
simple_cnn), SIZE (224), BS (16), TRAIN_STEPS (3), INFER_STEPS (4) timed after one warm-up batch;
LAYOUTS=1 adds Kiln in both layouts (to choose prefersChannelsLast).
MODE=precision compares Kiln in fp32 with Kiln in bf16 autocast and with PyTorch (tuned) under the
same autocast, and names what the precision setting auto picks for each architecture; simple_cnn
runs at Fashion-MNIST's 28 px, one channel, batch 64 (Kiln only: it is not a torchvision model).
"""
import os
import statistics
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
build = sys.argv[1] if len(sys.argv) > 1 else "build"
threads = os.environ.get("THREADS", "2")
reps = int(os.environ.get("REPS", "3"))
archs = os.environ.get("ARCHS", "resnet18 resnet34 resnet50 mobilenet_v3_small mobilenet_v3_large efficientnet_b0").split()
# A few batches after one warm-up batch keep the whole run to a few minutes on 2 cores.
common = ["--size", os.environ.get("SIZE", "224"), "--bs", os.environ.get("BS", "16"), "--warmup", "1",
          "--train-steps", os.environ.get("TRAIN_STEPS", "3"), "--infer-steps", os.environ.get("INFER_STEPS", "4")]
malloc = {"MALLOC_MMAP_THRESHOLD_": "33554432", "MALLOC_TRIM_THRESHOLD_": "1073741824", "MALLOC_TOP_PAD_": "67108864"}
plain_env = {k: v for k, v in os.environ.items() if k not in malloc and k not in ("OMP_NUM_THREADS", "MKL_NUM_THREADS")}


def run(cmd, env):
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    line = next(l for l in out.splitlines() if l.startswith("RESULT"))
    f = line.split()
    return {f[i]: f[i + 1] for i in range(2, len(f) - 1, 2)}


def kiln(arch, layout="auto", precision="fp32", extra=()):
    return run([f"{build}/tests/bench/bench_zoo", arch, *(extra or common), "--threads", threads, "--layout", layout,
                "--precision", precision], plain_env)


def torch(arch, tuned, channels_last, precision="fp32"):
    cmd = ["/usr/bin/python3", f"{here}/torch_zoo.py", arch, *common, "--precision", precision]
    if tuned:
        cmd += ["--threads", threads, "--channels-last", channels_last]
    return run(cmd, {**plain_env, **malloc} if tuned else plain_env)


def medians(results):
    return {c: (statistics.median(float(x["train"]) for x in r), statistics.median(float(x["infer"]) for x in r))
            for c, r in results.items() if r}


def precision_table():
    print(f"{threads} threads, median of {reps} alternating runs; images/s. torch bf16 = PyTorch {common[1]} px batch "
          f"{common[3]} under torch.autocast('cpu', bfloat16), same threads, malloc tuning and layout as Kiln")
    print(f"{'architecture':<20} {'auto':>5} | {'kiln fp32':^13} | {'kiln bf16':^13} | {'torch bf16':^13} | "
          "bf16/fp32      | kiln/torch bf16")
    print(f"{'':<20} {'':>5} | " + " | ".join("train  infer" for _ in range(3)) + " | train  infer  | train  infer")
    for arch in ["simple_cnn"] + archs:
        small = ["--size", "28", "--bs", "64", "--channels", "1", "--warmup", "2", "--train-steps", "30", "--infer-steps", "30"]
        extra = small if arch == "simple_cnn" else ()
        state = {"cl": "0"}
        sides = {"kiln fp32": lambda: kiln(arch, "auto", "fp32", extra), "kiln bf16": lambda: kiln(arch, "auto", "bf16", extra)}
        if arch != "simple_cnn":
            sides["torch bf16"] = lambda: torch(arch, True, state["cl"], "bf16")
        results = {c: [] for c in sides}
        names = list(sides)
        for r in range(reps):
            for c in names[r % len(names):] + names[:r % len(names)]:
                results[c].append(sides[c]())
                if c == "kiln fp32":
                    state["cl"] = results[c][-1]["channels_last"]
        auto = kiln(arch, "auto", "auto", extra)["precision"]
        med = medians(results)
        cell = lambda c: f"{med[c][0]:>6.1f} {med[c][1]:>6.1f}" if c in med else f"{'-':>6} {'-':>6}"
        row = f"{arch:<20} {auto:>5} | " + " | ".join(cell(c) for c in ["kiln fp32", "kiln bf16", "torch bf16"])
        row += f" | {med['kiln bf16'][0] / med['kiln fp32'][0]:>4.2f}x {med['kiln bf16'][1] / med['kiln fp32'][1]:>4.2f}x"
        if "torch bf16" in med:
            row += f" | {med['kiln bf16'][0] / med['torch bf16'][0]:>4.2f}x {med['kiln bf16'][1] / med['torch bf16'][1]:>4.2f}x"
        print(row, flush=True)


if os.environ.get("MODE") == "precision":
    precision_table()
    sys.exit(0)


layouts = os.environ.get("LAYOUTS") == "1"
print(f"{threads} threads, {common[1]} px, batch {common[3]}, median of {reps} alternating runs; images/s; "
      "CL = channels-last, GFLOP = forward per image")
cols = ["kiln", "torch tuned", "torch default"] + (["kiln NCHW", "kiln CL"] if layouts else [])
print(f"{'':20} {'':>6} {'':>6} | " + " | ".join(f"{c:^13}" for c in cols) + " | kiln / tuned")
print(f"{'architecture':<20} {'GFLOP':>6} {'layout':>6} | " + " | ".join(f"{'train':>6} {'infer':>6}" for _ in cols)
      + " | train  infer")
for arch in archs:
    state = {"cl": "0"}  # Kiln's layout, which the tuned PyTorch side copies: set by Kiln's first run
    sides = {"kiln": lambda: kiln(arch), "torch tuned": lambda: torch(arch, True, state["cl"]),
             "torch default": lambda: torch(arch, False, "0")}
    if layouts:
        sides["kiln NCHW"] = lambda: kiln(arch, "contiguous")
        sides["kiln CL"] = lambda: kiln(arch, "channels-last")
    results = {c: [] for c in cols}
    names = list(sides)  # "kiln" first: the first round learns its layout before PyTorch runs
    for r in range(reps):
        for c in names[r % len(names):] + names[:r % len(names)]:  # rotate who goes first
            results[c].append(sides[c]())
            if c == "kiln":
                state["cl"] = results[c][-1]["channels_last"]
    med = medians(results)
    row = f"{arch:<20} {float(results['kiln'][0]['gflop']):>6.2f} {('CL' if state['cl'] == '1' else 'NCHW'):>6} | "
    row += " | ".join(f"{med[c][0]:>6.1f} {med[c][1]:>6.1f}" for c in cols)
    row += f" | {med['kiln'][0] / med['torch tuned'][0]:>4.2f}x  {med['kiln'][1] / med['torch tuned'][1]:>4.2f}x"
    print(row, flush=True)
