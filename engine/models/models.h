#pragma once
// Kiln's networks (engine-private: includes LibTorch). ResNets use torchvision's module names
// (conv1, bn1, layer1..layer4 of BasicBlocks with conv1/bn1/conv2/bn2/downsample, fc), so a
// torchvision state dict loads by name; a fastai head (concat pooling, BatchNorm, dropout, linear)
// replaces `fc` as `head` when chosen. Every network is split into fastai's parameter groups.

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

// The common interface of Kiln's classifiers.
struct ClassifierImpl : torch::nn::Module {
    virtual torch::Tensor forward(const torch::Tensor &x) = 0;
    // Penultimate-layer features (the input of the last linear layer), for analysis and t-SNE.
    virtual torch::Tensor embed(const torch::Tensor &x) = 0;
    // The class scores from embed()'s output: forward(x) == logits(embed(x)), one pass for both.
    torch::Tensor logits(const torch::Tensor &embedding);
    // fastai's parameter groups, body first, head last.
    virtual std::vector<std::vector<torch::Tensor>> parameterGroups() = 0;
    // Parameters of the body (all groups but the last).
    std::vector<torch::Tensor> bodyParameters();
    // The name prefixes of the classifier head (skipped when importing pretrained weights).
    virtual std::vector<std::string> headPrefixes() const = 0;

    // Freezes the body except its BatchNorm layers (fastai's train_bn), or unfreezes everything.
    void freezeBody();
    void unfreeze();

protected:
    torch::Tensor classify(const torch::Tensor &features);
    torch::Tensor classifyEmbed(const torch::Tensor &features);
    void makeHead(const ModelSpec &spec, int features);

    FastaiHead m_fastaiHead{nullptr};
    torch::nn::Linear m_fc{nullptr};
};

// Small and fast, for 28-64 px images: five conv-BN-ReLU blocks, downsampling by stride-2 convolutions.
struct SimpleCnnImpl : ClassifierImpl {
    explicit SimpleCnnImpl(const ModelSpec &spec);
    torch::Tensor forward(const torch::Tensor &x) override;
    torch::Tensor embed(const torch::Tensor &x) override;
    std::vector<std::vector<torch::Tensor>> parameterGroups() override;
    std::vector<std::string> headPrefixes() const override;
    torch::Tensor features(const torch::Tensor &x);

    torch::nn::Sequential stage1{nullptr};
    torch::nn::Sequential stage2{nullptr};
};

struct BasicBlockImpl : torch::nn::Module {
    BasicBlockImpl(int inPlanes, int planes, int stride);
    torch::Tensor forward(const torch::Tensor &x);

    torch::nn::Conv2d conv1{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr};
    torch::nn::Conv2d conv2{nullptr};
    torch::nn::BatchNorm2d bn2{nullptr};
    torch::nn::Sequential downsample{nullptr};
};
TORCH_MODULE(BasicBlock);

struct ResNetImpl : ClassifierImpl {
    ResNetImpl(const ModelSpec &spec, const std::vector<int> &layers);
    torch::Tensor forward(const torch::Tensor &x) override;
    torch::Tensor embed(const torch::Tensor &x) override;
    std::vector<std::vector<torch::Tensor>> parameterGroups() override;
    std::vector<std::string> headPrefixes() const override;
    torch::Tensor features(const torch::Tensor &x);

    torch::nn::Conv2d conv1{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr};
    torch::nn::Sequential layer1{nullptr}, layer2{nullptr}, layer3{nullptr}, layer4{nullptr};
};

// Stores convolution weights in channels-last order, which oneDNN runs faster on the CPU; feed
// the model with inputs made by channelsLast(). Values and names are unchanged.
void useChannelsLast(torch::nn::Module &model);
torch::Tensor channelsLast(const torch::Tensor &images);
// Whether an architecture runs faster channels-last on a device: the ResNets on the CPU; it slows
// simple_cnn down (measured), and CUDA gains nothing here.
bool prefersChannelsLast(Architecture arch, bool cuda);

// Builds the network for a spec, with Kaiming-initialised weights.
std::shared_ptr<ClassifierImpl> makeClassifier(const ModelSpec &spec);

// Forward FLOPs (multiply-adds x 2) of one image of size x size through the network, counted from
// its conv and linear layers: for the efficiency figures of the benchmarks.
double forwardFlops(const ModelSpec &spec, int size);

} // namespace kiln
