#include "train/precision.h"

#include "core/enumnames.h"

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

bool parsePrecision(const std::string &name, Precision &out)
{
    return parseByName(name, {Precision::Auto, Precision::Fp32, Precision::Bf16, Precision::Fp16}, precisionName, out);
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
    // Measured with MODE=precision tests/bench/run-zoo.py (2 threads, LibTorch 1.13, bf16 over fp32
    // training images/s): simple_cnn 1.50x, resnet18 1.75x, resnet34 1.69x, resnet50 2.17x,
    // mobilenet_v3_large 1.20x; slower in bf16: mobilenet_v3_small 0.84x, efficientnet_b0 0.68x
    // (their depthwise convolutions have no fast bf16 kernel here), so auto keeps fp32 for those.
    switch (arch) {
    case Architecture::SimpleCnn:
    case Architecture::ResNet18:
    case Architecture::ResNet34:
    case Architecture::ResNet50:
    case Architecture::MobileNetV3Large:
        return Precision::Bf16;
    case Architecture::MobileNetV3Small:
    case Architecture::EfficientNetB0:
        return Precision::Fp32;
    }
    return Precision::Fp32;
}

} // namespace kiln
