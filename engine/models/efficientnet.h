#pragma once
// torchvision's EfficientNet-B0 (engine-private: LibTorch): `features` = [Conv2dNormActivation 3x3
// s2 SiLU to 32, seven stages (Sequentials) of MBConv blocks (16 in all; SiLU, squeeze-excitation
// with SiLU and Sigmoid, stochastic depth rising linearly to 0.2 over the blocks), Conv2dNormActivation
// 1x1 SiLU to 1280], BatchNorm with PyTorch's defaults. fastai's cut is `features`; the linear head
// is torchvision's classifier (Dropout 0.2, Linear).

#include "models/layers.h"

namespace kiln {

struct EfficientNetImpl : FeaturesNetImpl {
    explicit EfficientNetImpl(const ModelSpec &spec);
};

} // namespace kiln
