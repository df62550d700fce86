#!/usr/bin/python3
"""Writes the state-dict fixtures that tests/engine/test_statedict.cpp reads.

Run with Debian's interpreter, which has python3-torch 1.13:
    /usr/bin/python3 tests/data/make_statedict_fixtures.py [output-folder]

The output folder defaults to the folder of this script (tests/data). It writes:
    statedict_ordered.pth     torch.save(m.state_dict(), p): zip format, OrderedDict with _metadata
    statedict_plain.pth       torch.save(dict(m.state_dict()), p): zip format, plain dict
    statedict_legacy.pth      the pre-1.6 non-zip format (_use_new_zipfile_serialization=False)
    statedict_checkpoint.pth  a training checkpoint {"epoch": 3, "state_dict": ...}, not a state dict
    statedict_tied.pth        two Linear layers sharing one weight ("a.weight" and "b.weight")
    statedict_single.pth      Linear(2, 3, bias=False): one tensor, "weight" (pickled with SETITEM, not SETITEMS)
    statedict_parameters.pth  dict(m.named_parameters()): nn.Parameter objects, not a state dict
    statedict_cuda.pth        Linear(2, 3) whose storages say "cuda:0", as when saved from a GPU (no GPU needed)
    statedict_expected.tsv    one line per tensor, in state-dict order:
                              name, dtype, shape (comma separated), sum, weighted sum, first value

Every value is a multiple of 1/16 in [-4, 4), so float32 holds it exactly and the sums (computed in
float64) are exact too: the C++ test compares them with ==. The weighted sum weights element i by
(i % 7) + 1, so a transposed or shifted tensor does not pass.

MirrorNet is imported by the C++ test (with sys.dont_write_bytecode) to check that Python loads
what Kiln saves; its parameter names must stay equal to the C++ MirrorNet in the test.
"""

import os
import sys

import torch
import torch.serialization as serialization
from torch import nn


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(4, 4, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(4)

    def forward(self, x):
        return torch.relu(self.bn1(self.conv1(x)))


class MirrorNet(nn.Module):
    """conv1, bn1, layer1 (Sequential holding one Block as "0"), fc: names like torchvision's ResNet."""

    def __init__(self, classes=3):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 4, 3, bias=False)
        self.bn1 = nn.BatchNorm2d(4)
        self.layer1 = nn.Sequential(Block())
        self.fc = nn.Linear(4, classes)

    def forward(self, x):
        x = torch.relu(self.bn1(self.conv1(x)))
        x = self.layer1(x)
        return self.fc(x.mean(dim=(2, 3)))


class Tied(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(2, 2, bias=False)
        self.b = nn.Linear(2, 2, bias=False)
        self.b.weight = self.a.weight


def make_model():
    """A MirrorNet with exact, distinct values in every tensor."""
    torch.manual_seed(1234)
    m = MirrorNet()
    with torch.no_grad():
        for name, t in m.state_dict().items():
            if t.dtype == torch.int64:  # num_batches_tracked
                t.fill_(7 if name == "bn1.num_batches_tracked" else 11)
            elif name.endswith("running_var"):
                t.copy_(torch.randint(1, 64, t.shape).to(t.dtype) / 16)
            else:
                t.copy_(torch.randint(-64, 64, t.shape).to(t.dtype) / 16)
    return m


def linear_2x3(bias):
    """Linear(2, 3): weight = arange(6).reshape(3, 2) / 4, bias = [1, 2, 3] / 8."""
    lin = nn.Linear(2, 3, bias=bias)
    with torch.no_grad():
        lin.weight.copy_(torch.arange(6.0).reshape(3, 2) / 4)
        if bias:
            lin.bias.copy_(torch.tensor([1.0, 2.0, 3.0]) / 8)
    return lin


def save_as_if_on_gpu(module, path):
    """torch.save with every storage tagged "cuda:0", without needing a GPU."""
    original = serialization.location_tag
    serialization.location_tag = lambda storage: "cuda:0"
    try:
        torch.save(module.state_dict(), path)
    finally:
        serialization.location_tag = original


def describe(sd):
    lines = []
    for name, t in sd.items():
        flat = t.reshape(-1).to(torch.float64)
        weights = (torch.arange(flat.numel()) % 7 + 1).to(torch.float64)
        dtype = str(t.dtype).replace("torch.", "")
        shape = ",".join(str(s) for s in t.shape)
        lines.append("\t".join([name, dtype, shape, repr(flat.sum().item()),
                                repr((flat * weights).sum().item()), repr(flat[0].item())]))
    return "\n".join(lines) + "\n"


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out, exist_ok=True)
    m = make_model()
    sd = m.state_dict()
    assert hasattr(sd, "_metadata")
    torch.save(sd, os.path.join(out, "statedict_ordered.pth"))
    torch.save(dict(sd), os.path.join(out, "statedict_plain.pth"))
    torch.save(sd, os.path.join(out, "statedict_legacy.pth"), _use_new_zipfile_serialization=False)
    torch.save({"epoch": 3, "state_dict": sd}, os.path.join(out, "statedict_checkpoint.pth"))
    torch.save(Tied().state_dict(), os.path.join(out, "statedict_tied.pth"))
    torch.save(linear_2x3(bias=False).state_dict(), os.path.join(out, "statedict_single.pth"))
    torch.save(dict(m.named_parameters()), os.path.join(out, "statedict_parameters.pth"))
    save_as_if_on_gpu(linear_2x3(bias=True), os.path.join(out, "statedict_cuda.pth"))
    with open(os.path.join(out, "statedict_expected.tsv"), "w") as f:
        f.write(describe(sd))


if __name__ == "__main__":
    main()
