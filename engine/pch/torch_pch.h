// Precompiled for kiln_numeric's LibTorch files. Never include Qt here (Qt's `slots` macro breaks ATen).
#pragma once
#include <torch/torch.h>
