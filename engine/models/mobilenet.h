#pragma once
// torchvision's MobileNetV3 (engine-private: LibTorch): `features` = [Conv2dNormActivation 3x3 s2
// Hardswish, 15 (large) or 11 (small) InvertedResiduals, Conv2dNormActivation 1x1 Hardswish to 960
// or 576 channels], BatchNorm eps 0.001 and momentum 0.01. fastai's cut is `features`; the linear
// head is torchvision's classifier (Linear to 1280 or 1024, Hardswish, Dropout 0.2, Linear).

#include "models/layers.h"

namespace kiln {

struct MobileNetV3Impl : FeaturesNetImpl {
    MobileNetV3Impl(const ModelSpec &spec, bool large);
};

} // namespace kiln
