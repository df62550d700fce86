#pragma once
// How an image becomes a model's input, as plain data: the resize method, fastai's augmentation
// strengths and the normalisation. No OpenCV and no torch, so the GUI can hold and show it; the
// pipeline itself is in transforms.h.

#include <array>
#include <string>

namespace kiln {

enum class ResizeMethod { Squish, Crop, Pad };
const char *resizeMethodName(ResizeMethod m); // "squish", "crop", "pad"
bool parseResizeMethod(const std::string &name, ResizeMethod &out);

struct AugmentConfig {
    bool enabled = true;
    double flipP = 0.5;
    double maxRotate = 10.0; // degrees
    double maxZoom = 1.1;
    double maxWarp = 0.2;
    double pAffine = 0.75;
    double maxLighting = 0.2;
    double pLighting = 0.75;
    double minScale = 1.0; // RandomResizedCrop's min_scale; 1 disables it (plain Resize)
};

struct PipelineConfig {
    int size = 28;
    ResizeMethod resize = ResizeMethod::Squish;
    int channels = 3; // 1 or 3
    AugmentConfig augment;
    std::array<float, 3> mean{0.485f, 0.456f, 0.406f};
    std::array<float, 3> std{0.229f, 0.224f, 0.225f};
};

} // namespace kiln
