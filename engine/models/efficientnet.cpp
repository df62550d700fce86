#include "models/efficientnet.h"

#include <torch/nn/init.h>

#include <array>
#include <cmath>

namespace kiln {

namespace {

// Table 1 of the EfficientNet paper for B0, as torchvision 0.14 lists it (efficientnet.py,
// _efficientnet_conf; width and depth 1.0).
struct StageConfig {
    int expandRatio, kernel, stride, in, out, layers;
};

constexpr std::array<StageConfig, 7> kB0{{
    {1, 3, 1, 32, 16, 1},
    {6, 3, 2, 16, 24, 2},
    {6, 5, 2, 24, 40, 2},
    {6, 3, 2, 40, 80, 3},
    {6, 5, 1, 80, 112, 3},
    {6, 5, 2, 112, 192, 4},
    {6, 3, 1, 192, 320, 1},
}};

constexpr double kStochasticDepth = 0.2; // torchvision's stochastic_depth_prob

// torchvision's EfficientNet initialises its linear layers from U(-1/sqrt(out), 1/sqrt(out)),
// biases 0.
void linearInit(torch::nn::LinearImpl &linear)
{
    const double range = 1.0 / std::sqrt(double(linear.options.out_features()));
    torch::nn::init::uniform_(linear.weight, -range, range);
    torch::nn::init::zeros_(linear.bias);
}

} // namespace

EfficientNetImpl::EfficientNetImpl(const ModelSpec &spec)
{
    const NormOptions norm; // PyTorch's defaults
    torch::nn::Sequential features;
    features->push_back(ConvBnAct(spec.inChannels, kB0[0].in, 3, 2, 1, ActivationKind::SiLU, norm));
    int total = 0;
    for (const StageConfig &s : kB0)
        total += s.layers;
    int blockId = 0;
    for (const StageConfig &s : kB0) {
        Stage stage;
        for (int i = 0; i < s.layers; ++i, ++blockId) {
            InvertedResidualImpl::Config c;
            c.in = i == 0 ? s.in : s.out;
            c.expanded = makeDivisible(double(c.in) * s.expandRatio);
            c.out = s.out;
            c.kernel = s.kernel;
            c.stride = i == 0 ? s.stride : 1;
            c.squeeze = std::max(1, c.in / 4);
            c.act = ActivationKind::SiLU;
            c.seAct = ActivationKind::SiLU;
            c.seGate = ActivationKind::Sigmoid;
            c.stochasticDepth = kStochasticDepth * double(blockId) / double(total);
            stage->push_back(InvertedResidual(c, norm));
        }
        features->push_back(stage);
    }
    const int lastIn = kB0.back().out;
    const int channels = 4 * lastIn; // 1280
    features->push_back(ConvBnAct(lastIn, channels, 1, 1, 1, ActivationKind::SiLU, norm));

    torch::nn::Sequential classifier(torch::nn::Dropout(0.2), torch::nn::Linear(channels, spec.numClasses));
    build(spec, features, channels, classifier, linearInit);
}

} // namespace kiln
