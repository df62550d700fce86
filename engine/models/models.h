#pragma once
// Kiln's networks (engine-private: includes LibTorch): the interface every classifier has, the
// fastai head, simple_cnn, and the factory. The torchvision architectures live in resnet.h,
// mobilenet.h and efficientnet.h (their building blocks in layers.h); they use torchvision's module
// names, so a torchvision state dict loads by name, and fastai's cut: the body is everything before
// torchvision's pooling and classifier. Every network is split into fastai's parameter groups.

#include "models/modelspec.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/pooling.h>

#include <memory>
#include <vector>

namespace kiln {

// fastai's create_head: AdaptiveConcatPool2d, Flatten, [BN, Dropout(ps/2), Linear(2nf, 512), ReLU],
// [BN, Dropout(ps), Linear(512, n_out)] (linear layers without bias after BatchNorm).
struct FastaiHeadImpl : torch::nn::Module {
    FastaiHeadImpl(int features, int numClasses, double ps);
    torch::Tensor forward(const torch::Tensor &features); // features: N x C x H x W
    torch::Tensor embed(const torch::Tensor &features);   // the 512-d penultimate activations
    torch::Tensor logits(const torch::Tensor &embedding); // forward() from embed()'s output

    torch::nn::BatchNorm1d bn1{nullptr};
    torch::nn::Dropout drop1{nullptr};
    torch::nn::Linear lin1{nullptr};
    torch::nn::BatchNorm1d bn2{nullptr};
    torch::nn::Dropout drop2{nullptr};
    torch::nn::Linear lin2{nullptr};
};
TORCH_MODULE(FastaiHead);

// The common interface of Kiln's classifiers: a body (features) and a head (fastai's, or a linear
// one: see HeadKind). Not thread-safe; one thread uses a model at a time.
struct ClassifierImpl : torch::nn::Module {
    // The body's output at fastai's cut, N x C x H x W: what the head pools.
    virtual torch::Tensor features(const torch::Tensor &x) = 0;
    // Class scores (logits), N x classes.
    torch::Tensor forward(const torch::Tensor &x);
    // Penultimate-layer features (the input of the last linear layer), for analysis and t-SNE.
    torch::Tensor embed(const torch::Tensor &x);
    // The class scores from embed()'s output: forward(x) == logits(embed(x)), one pass for both.
    torch::Tensor logits(const torch::Tensor &embedding);
    // fastai's parameter groups, body first, head last: three groups (two of the body, then the
    // head) for every architecture, each parameter in exactly one, in module order.
    virtual std::vector<std::vector<torch::Tensor>> parameterGroups() = 0;
    // Parameters of the body (all groups but the last).
    std::vector<torch::Tensor> bodyParameters();
    // The name prefixes of the classifier head (skipped when importing pretrained weights): Kiln's
    // `head.` and torchvision's `fc.` or `classifier.`.
    virtual std::vector<std::string> headPrefixes() const = 0;

    // Freezes the body except its BatchNorm layers (fastai's train_bn), or unfreezes everything.
    void freezeBody();
    void unfreeze();

protected:
    // The ResNets' and simple_cnn's head: fastai's as `head`, or a linear layer as `fc`.
    void makeHead(const ModelSpec &spec, int features);
    // The MobileNets' and EfficientNet's: fastai's as `head`, or torchvision's `classifier` (a
    // Sequential after average pooling whose last layer is a Linear; see HeadKind).
    void makeHead(const ModelSpec &spec, int features, torch::nn::Sequential torchvisionClassifier);
    // The head's module, for parameterGroups().
    torch::nn::Module &headModule();

    FastaiHead m_fastaiHead{nullptr};
    torch::nn::Sequential m_classifier{nullptr}; // torchvision's classifier, when it is one
    torch::nn::Linear m_fc{nullptr};             // the last linear layer of a linear head
};

// Small and fast, for 28-64 px images: five conv-BN-ReLU blocks, downsampling by stride-2 convolutions.
struct SimpleCnnImpl : ClassifierImpl {
    explicit SimpleCnnImpl(const ModelSpec &spec);
    torch::Tensor features(const torch::Tensor &x) override;
    std::vector<std::vector<torch::Tensor>> parameterGroups() override;
    std::vector<std::string> headPrefixes() const override;

    torch::nn::Sequential stage1{nullptr};
    torch::nn::Sequential stage2{nullptr};
};

// Stores convolution weights in channels-last order, which oneDNN runs faster on the CPU; feed
// the model with inputs made by channelsLast(). Values and names are unchanged.
void useChannelsLast(torch::nn::Module &model);
torch::Tensor channelsLast(const torch::Tensor &images);
// Whether an architecture runs faster channels-last on a device (measured on the CPU with
// tests/bench/bench_zoo, see models.cpp); CUDA gains nothing here.
bool prefersChannelsLast(Architecture arch, bool cuda);

// Builds the network for a spec, with torchvision's initialisation (Kaiming-normal convolutions).
std::shared_ptr<ClassifierImpl> makeClassifier(const ModelSpec &spec);

} // namespace kiln
