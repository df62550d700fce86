#pragma once
// The arithmetic a run computes in: fp32, or mixed precision (fastai's to_fp16()): bf16 autocast
// on a CPU with native bf16 (avx512_bf16 or AMX), fp16 autocast with dynamic loss scaling on CUDA.
// Master weights, optimizer state, BatchNorm statistics and the loss stay fp32; exports are fp32.
// Torch-free; any thread.

#include "models/modelspec.h"

#include <string>

namespace kiln {

enum class Precision { Auto, Fp32, Bf16, Fp16 };
const char *precisionName(Precision p); // "auto", "fp32", "bf16", "fp16"
bool parsePrecision(const std::string &name, Precision &out);

// Whether this CPU computes bf16 natively (the avx512_bf16 or amx_bf16 flag), read once.
bool cpuHasNativeBf16();

// What `auto` means for an architecture on a device: on a CPU with native bf16, bf16 for the
// architectures it speeds up (measured, see precision.cpp) and fp32 for the others; fp16 on CUDA;
// fp32 elsewhere. An explicit choice is kept.
Precision resolvePrecision(Precision asked, Architecture arch, bool cuda);

} // namespace kiln
