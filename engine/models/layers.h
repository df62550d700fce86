#pragma once
// The building blocks torchvision's MobileNetV3 and EfficientNet share (engine-private: LibTorch),
// with torchvision's module names so that their state dicts load by name: Conv2dNormActivation
// ("0" conv, "1" BatchNorm), SqueezeExcitation (fc1, fc2), the inverted residual block (`block`, a
// Sequential of those) and a network of them whose body is `features` and whose linear head is
// torchvision's `classifier`. The export walks these types (export/inferencegraph.cpp): their
// submodules and settings are public fields, as LibTorch's own modules have their `options`.

#include "models/models.h"

#include <initializer_list>
#include <vector>

namespace kiln {

enum class ActivationKind { Identity, ReLU, Hardswish, Hardsigmoid, SiLU, Sigmoid };

// A parameter-free activation as a module, so that a Sequential (torchvision's classifier) can hold
// it and the export can read which one it is. `inplace` overwrites its input, as torchvision's
// inplace=True layers do; only for inputs no one else reads.
struct ActivationImpl : torch::nn::Module {
    explicit ActivationImpl(ActivationKind kind, bool inplace = false);
    torch::Tensor forward(const torch::Tensor &x);

    ActivationKind kind;
    bool inplace;
};
TORCH_MODULE(Activation);

// `inplace` writes into x's storage (x is a handle).
torch::Tensor activate(ActivationKind kind, torch::Tensor x, bool inplace);

// BatchNorm's settings per architecture: MobileNetV3 uses eps 0.001 and momentum 0.01, the others
// PyTorch's defaults (1e-5, 0.1).
struct NormOptions {
    double eps = 1e-5;
    double momentum = 0.1;
};

// torchvision's Conv2dNormActivation: a bias-free convolution ("0", padding (k - 1) / 2), BatchNorm
// ("1"), then the activation in place (parameter-free, so it has no name in a state dict).
struct ConvBnActImpl : torch::nn::Module {
    ConvBnActImpl(int in, int out, int kernel, int stride, int groups, ActivationKind act, const NormOptions &norm);
    torch::Tensor forward(const torch::Tensor &x);

    torch::nn::Conv2d conv{nullptr};
    torch::nn::BatchNorm2d bn{nullptr};
    ActivationKind act;
};
TORCH_MODULE(ConvBnAct);

// Squeeze-and-excitation: x * gate(fc2(act(fc1(avgpool(x))))), fc1 and fc2 1x1 convolutions with
// bias. MobileNetV3: ReLU and Hardsigmoid; EfficientNet: SiLU and Sigmoid.
struct SqueezeExcitationImpl : torch::nn::Module {
    SqueezeExcitationImpl(int channels, int squeeze, ActivationKind act, ActivationKind gate);
    torch::Tensor forward(const torch::Tensor &x);

    torch::nn::Conv2d fc1{nullptr};
    torch::nn::Conv2d fc2{nullptr};
    ActivationKind act, gate;
};
TORCH_MODULE(SqueezeExcitation);

// torchvision's InvertedResidual (MobileNetV3) and MBConv (EfficientNet): `block` = [expand 1x1]
// depthwise kxk [squeeze-excitation] project 1x1 (no activation), plus the input when stride is 1
// and the channels stay. In training, EfficientNet drops the residual branch per image with
// probability `stochasticDepth` and scales the kept ones by 1 / (1 - p) (torchvision's
// StochasticDepth "row" mode); in eval it is the identity.
struct InvertedResidualImpl : torch::nn::Module {
    struct Config {
        int in, expanded, out, kernel, stride;
        int squeeze;            // squeeze-excitation channels, 0 for none
        ActivationKind act;     // of the expand and depthwise convolutions
        ActivationKind seAct, seGate;
        double stochasticDepth; // 0 for none
    };
    InvertedResidualImpl(const Config &c, const NormOptions &norm);
    torch::Tensor forward(const torch::Tensor &x);

    torch::nn::Sequential block{nullptr};
    bool residual;
    double stochasticDepth;
};
TORCH_MODULE(InvertedResidual);

// A Sequential that can sit inside another (LibTorch's own has a templated forward that a
// Sequential cannot hold): EfficientNet's stages.
struct StageImpl : torch::nn::SequentialImpl {
    using SequentialImpl::SequentialImpl;
    torch::Tensor forward(const torch::Tensor &x) { return SequentialImpl::forward(x); }
};
TORCH_MODULE(Stage);

// A classifier whose body is torchvision's `features` Sequential and whose linear head is
// torchvision's `classifier` after average pooling. The body splits at the middle child of
// `features` into the two body groups of parameterGroups().
struct FeaturesNetImpl : ClassifierImpl {
    torch::Tensor features(const torch::Tensor &x) override;
    std::vector<std::vector<torch::Tensor>> parameterGroups() override;
    std::vector<std::string> headPrefixes() const override;

    torch::nn::Sequential featureLayers{nullptr}; // registered as "features"

protected:
    // Registers `features` and the head; initialises everything as torchvision does, with
    // `linearInit` for the linear layers of torchvision's classifier.
    void build(const ModelSpec &spec, torch::nn::Sequential features, int channels, torch::nn::Sequential classifier,
               void (*linearInit)(torch::nn::LinearImpl &));
};

// torchvision's initialisation of convolutions and BatchNorm: Kaiming-normal (fan-out) weights,
// zero biases; BatchNorm weight 1, bias 0.
void initConvAndNorm(torch::nn::Module &root);
// The parameters of the given modules, in order.
std::vector<torch::Tensor> parametersOf(std::initializer_list<torch::nn::Module *> modules);
// torchvision's _make_divisible(v, 8): channels rounded to a multiple of 8, never 10 % below v.
int makeDivisible(double v, int divisor = 8);

} // namespace kiln
