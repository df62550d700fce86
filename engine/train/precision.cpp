#include "train/precision.h"

#include <fstream>
#include <string>

namespace kiln {

const char *precisionName(Precision p)
{
    switch (p) {
    case Precision::Auto: return "auto";
    case Precision::Fp32: return "fp32";
    case Precision::Bf16: return "bf16";
    case Precision::Fp16: return "fp16";
    }
    return "auto";
}

bool cpuHasNativeBf16()
{
    static const bool has = [] {
        std::ifstream in("/proc/cpuinfo");
        std::string line;
        while (std::getline(in, line))
            if (line.rfind("flags", 0) == 0)
                return line.find(" avx512_bf16") != std::string::npos || line.find(" amx_bf16") != std::string::npos;
        return false;
    }();
    return has;
}

Precision resolvePrecision(Precision asked, Architecture arch, bool cuda)
{
    if (asked != Precision::Auto)
        return asked;
    if (cuda)
        return Precision::Fp16;
    if (!cpuHasNativeBf16())
        return Precision::Fp32;
    // Measured with tests/bench/bench_train (training, 2 threads, LibTorch 1.13): bf16 autocast is
    // faster for these; for the others it is not (see the README's table), so auto keeps fp32.
    switch (arch) {
    case Architecture::SimpleCnn:
    case Architecture::ResNet18:
    case Architecture::ResNet34:
        return Precision::Bf16;
    }
    return Precision::Fp32;
}

} // namespace kiln
