#include "models/layers.h"

#include <torch/nn/init.h>

#include <cmath>

namespace kiln {

torch::Tensor activate(ActivationKind kind, torch::Tensor x, bool inplace)
{
    // The in-place variants are what torchvision's inplace=True layers call: same values, one
    // activation buffer less per layer.
    switch (kind) {
    case ActivationKind::Identity: return x;
    case ActivationKind::ReLU: return inplace ? torch::relu_(x) : torch::relu(x);
    case ActivationKind::Hardswish: return inplace ? torch::hardswish_(x) : torch::hardswish(x);
    case ActivationKind::Hardsigmoid:
        return inplace ? torch::hardsigmoid_(x) : torch::hardsigmoid(x);
    case ActivationKind::SiLU: return inplace ? torch::silu_(x) : torch::silu(x);
    case ActivationKind::Sigmoid: return inplace ? torch::sigmoid_(x) : torch::sigmoid(x);
    }
    return x;
}

ActivationImpl::ActivationImpl(ActivationKind kind, bool inplace)
    : kind(kind)
    , inplace(inplace)
{
}

torch::Tensor ActivationImpl::forward(const torch::Tensor &x)
{
    return activate(kind, x, inplace);
}

ConvBnActImpl::ConvBnActImpl(int in, int out, int kernel, int stride, int groups, ActivationKind act, const NormOptions &norm)
    : act(act)
{
    conv = register_module(
        "0", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding((kernel - 1) / 2).groups(groups).bias(false)));
    bn = register_module("1", torch::nn::BatchNorm2d(torch::nn::BatchNorm2dOptions(out).eps(norm.eps).momentum(norm.momentum)));
}

torch::Tensor ConvBnActImpl::forward(const torch::Tensor &x)
{
    return activate(act, bn(conv(x)), /*inplace=*/true); // BatchNorm's output is ours alone
}

SqueezeExcitationImpl::SqueezeExcitationImpl(int channels, int squeeze, ActivationKind act, ActivationKind gate)
    : act(act)
    , gate(gate)
{
    fc1 = register_module("fc1", torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, squeeze, 1)));
    fc2 = register_module("fc2", torch::nn::Conv2d(torch::nn::Conv2dOptions(squeeze, channels, 1)));
}

torch::Tensor SqueezeExcitationImpl::forward(const torch::Tensor &x)
{
    auto scale = torch::adaptive_avg_pool2d(x, {1, 1});
    scale = activate(gate, fc2(activate(act, fc1(scale), true)), false); // as torchvision: its gate is not in place
    return x * scale;
}

InvertedResidualImpl::InvertedResidualImpl(const Config &c, const NormOptions &norm)
    : residual(c.stride == 1 && c.in == c.out)
    , stochasticDepth(c.stochasticDepth)
{
    torch::nn::Sequential seq;
    if (c.expanded != c.in)
        seq->push_back(ConvBnAct(c.in, c.expanded, 1, 1, 1, c.act, norm));
    seq->push_back(ConvBnAct(c.expanded, c.expanded, c.kernel, c.stride, c.expanded, c.act, norm));
    if (c.squeeze > 0)
        seq->push_back(SqueezeExcitation(c.expanded, c.squeeze, c.seAct, c.seGate));
    seq->push_back(ConvBnAct(c.expanded, c.out, 1, 1, 1, ActivationKind::Identity, norm));
    block = register_module("block", seq);
}

torch::Tensor InvertedResidualImpl::forward(const torch::Tensor &x)
{
    auto y = block->forward(x);
    if (!residual)
        return y;
    if (is_training() && stochasticDepth > 0) {
        const double keep = 1.0 - stochasticDepth;
        auto noise = torch::empty({y.size(0), 1, 1, 1}, y.options()).bernoulli_(keep).div_(keep);
        y = y * noise;
    }
    return y.add_(x);
}

// ---- a network of `features` and torchvision's classifier ---------------------------------------

void FeaturesNetImpl::build(const ModelSpec &spec, torch::nn::Sequential features, int channels,
                            torch::nn::Sequential classifier, void (*linearInit)(torch::nn::LinearImpl &))
{
    featureLayers = register_module("features", features);
    makeHead(spec, channels, classifier);
    initConvAndNorm(*this);
    if (m_classifier) {
        torch::NoGradGuard guard;
        for (auto &m : m_classifier->modules(false))
            if (auto *linear = dynamic_cast<torch::nn::LinearImpl *>(m.get()))
                linearInit(*linear);
    }
}

torch::Tensor FeaturesNetImpl::features(const torch::Tensor &x)
{
    return featureLayers->forward(x);
}

std::vector<std::vector<torch::Tensor>> FeaturesNetImpl::parameterGroups()
{
    // Two halves of `features` by child (fastai would split a body it does not know at its middle
    // too); the head last.
    std::vector<std::vector<torch::Tensor>> groups(3);
    const std::size_t n = featureLayers->size();
    for (std::size_t i = 0; i < n; ++i)
        for (auto &p : featureLayers->ptr(i)->parameters())
            groups[i < n / 2 ? 0 : 1].push_back(p);
    groups[2] = headModule().parameters();
    return groups;
}

std::vector<std::string> FeaturesNetImpl::headPrefixes() const
{
    return {"head.", "classifier."};
}

// ---- helpers ----------------------------------------------------------------------------------------

void initConvAndNorm(torch::nn::Module &root)
{
    torch::NoGradGuard guard;
    for (auto &m : root.modules(/*include_self=*/false)) {
        if (auto *c = dynamic_cast<torch::nn::Conv2dImpl *>(m.get())) {
            torch::nn::init::kaiming_normal_(c->weight, 0.0, torch::kFanOut, torch::kReLU);
            if (c->bias.defined())
                c->bias.zero_();
        } else if (auto *b = dynamic_cast<torch::nn::BatchNorm2dImpl *>(m.get())) {
            b->weight.fill_(1);
            b->bias.zero_();
        }
    }
}

std::vector<torch::Tensor> parametersOf(std::initializer_list<torch::nn::Module *> modules)
{
    std::vector<torch::Tensor> out;
    for (auto *m : modules)
        for (auto &p : m->parameters())
            out.push_back(p);
    return out;
}

int makeDivisible(double v, int divisor)
{
    int rounded = std::max(divisor, int(v + divisor / 2.0) / divisor * divisor);
    if (rounded < 0.9 * v)
        rounded += divisor;
    return rounded;
}

} // namespace kiln
