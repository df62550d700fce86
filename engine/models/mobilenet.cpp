#include "models/mobilenet.h"

#include <torch/nn/init.h>

#include <array>

namespace kiln {

namespace {

// One row of tables 1 and 2 of the MobileNetV3 paper, as torchvision 0.14 lists them
// (mobilenetv3.py, _mobilenet_v3_conf; width 1.0, no dilation).
struct Row {
    int in, kernel, expanded, out;
    bool se, hardswish;
    int stride;
};

constexpr std::array<Row, 15> kLarge{{
    {16, 3, 16, 16, false, false, 1},    {16, 3, 64, 24, false, false, 2},    {24, 3, 72, 24, false, false, 1},
    {24, 5, 72, 40, true, false, 2},     {40, 5, 120, 40, true, false, 1},    {40, 5, 120, 40, true, false, 1},
    {40, 3, 240, 80, false, true, 2},    {80, 3, 200, 80, false, true, 1},    {80, 3, 184, 80, false, true, 1},
    {80, 3, 184, 80, false, true, 1},    {80, 3, 480, 112, true, true, 1},    {112, 3, 672, 112, true, true, 1},
    {112, 5, 672, 160, true, true, 2},   {160, 5, 960, 160, true, true, 1},   {160, 5, 960, 160, true, true, 1},
}};

constexpr std::array<Row, 11> kSmall{{
    {16, 3, 16, 16, true, false, 2},  {16, 3, 72, 24, false, false, 2}, {24, 3, 88, 24, false, false, 1},
    {24, 5, 96, 40, true, true, 2},   {40, 5, 240, 40, true, true, 1},  {40, 5, 240, 40, true, true, 1},
    {40, 5, 120, 48, true, true, 1},  {48, 5, 144, 48, true, true, 1},  {48, 5, 288, 96, true, true, 2},
    {96, 5, 576, 96, true, true, 1},  {96, 5, 576, 96, true, true, 1},
}};

// torchvision's MobileNetV3 initialises its linear layers from N(0, 0.01), biases 0.
void linearInit(torch::nn::LinearImpl &linear)
{
    torch::nn::init::normal_(linear.weight, 0, 0.01);
    torch::nn::init::zeros_(linear.bias);
}

} // namespace

MobileNetV3Impl::MobileNetV3Impl(const ModelSpec &spec, bool large)
{
    const NormOptions norm{0.001, 0.01};
    torch::nn::Sequential features;
    const Row *rows = large ? kLarge.data() : kSmall.data();
    const std::size_t count = large ? kLarge.size() : kSmall.size();
    features->push_back(ConvBnAct(spec.inChannels, rows[0].in, 3, 2, 1, ActivationKind::Hardswish, norm));
    for (std::size_t i = 0; i < count; ++i) {
        const Row &r = rows[i];
        InvertedResidualImpl::Config c;
        c.in = r.in;
        c.expanded = r.expanded;
        c.out = r.out;
        c.kernel = r.kernel;
        c.stride = r.stride;
        c.squeeze = r.se ? makeDivisible(r.expanded / 4) : 0;
        c.act = r.hardswish ? ActivationKind::Hardswish : ActivationKind::ReLU;
        c.seAct = ActivationKind::ReLU;
        c.seGate = ActivationKind::Hardsigmoid;
        c.stochasticDepth = 0;
        features->push_back(InvertedResidual(c, norm));
    }
    const int lastIn = rows[count - 1].out;
    const int channels = 6 * lastIn; // 960 or 576
    features->push_back(ConvBnAct(lastIn, channels, 1, 1, 1, ActivationKind::Hardswish, norm));

    const int hidden = large ? 1280 : 1024;
    torch::nn::Sequential classifier(torch::nn::Linear(channels, hidden), Activation(ActivationKind::Hardswish, true),
                                     torch::nn::Dropout(0.2), torch::nn::Linear(hidden, spec.numClasses));
    build(spec, features, channels, classifier, linearInit);
}

} // namespace kiln
