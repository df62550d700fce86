#pragma once
// torchvision's ResNets (engine-private: LibTorch), with its module names: conv1, bn1, layer1..layer4
// of BasicBlocks (resnet18, resnet34) or Bottlenecks (resnet50), each with conv1/bn1/conv2/bn2
// [/conv3/bn3] and downsample = Sequential(conv 1x1, BatchNorm), and fc. fastai's cut: the body is
// everything before avgpool.

#include "models/models.h"

#include <vector>

namespace kiln {

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

// torchvision's Bottleneck (ResNet V1.5): 1x1 to `planes`, 3x3 with the stride, 1x1 to 4 x planes.
struct BottleneckImpl : torch::nn::Module {
    static constexpr int kExpansion = 4;
    BottleneckImpl(int inPlanes, int planes, int stride);
    torch::Tensor forward(const torch::Tensor &x);

    torch::nn::Conv2d conv1{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr};
    torch::nn::Conv2d conv2{nullptr};
    torch::nn::BatchNorm2d bn2{nullptr};
    torch::nn::Conv2d conv3{nullptr};
    torch::nn::BatchNorm2d bn3{nullptr};
    torch::nn::Sequential downsample{nullptr};
};
TORCH_MODULE(Bottleneck);

struct ResNetImpl : ClassifierImpl {
    // `layers`: blocks per stage ({2, 2, 2, 2} resnet18, {3, 4, 6, 3} resnet34 and, with
    // bottlenecks, resnet50).
    ResNetImpl(const ModelSpec &spec, const std::vector<int> &layers, bool bottleneck);
    torch::Tensor features(const torch::Tensor &x) override;
    // conv1 to layer2, layer3 and layer4, the head.
    std::vector<std::vector<torch::Tensor>> parameterGroups() override;
    std::vector<std::string> headPrefixes() const override;

    torch::nn::Conv2d conv1{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr};
    torch::nn::Sequential layer1{nullptr}, layer2{nullptr}, layer3{nullptr}, layer4{nullptr};
};

} // namespace kiln
