#include "models/resnet.h"

#include "models/layers.h"

#include <torch/nn/functional/pooling.h>

namespace F = torch::nn::functional;

namespace kiln {

namespace {

torch::nn::Conv2d conv(int in, int out, int kernel, int stride = 1)
{
    return torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(kernel / 2).bias(false));
}

torch::nn::Sequential downsampleFor(int inPlanes, int outPlanes, int stride)
{
    if (stride == 1 && inPlanes == outPlanes)
        return nullptr;
    return torch::nn::Sequential(conv(inPlanes, outPlanes, 1, stride), torch::nn::BatchNorm2d(outPlanes));
}

} // namespace

BasicBlockImpl::BasicBlockImpl(int inPlanes, int planes, int stride)
{
    conv1 = register_module("conv1", conv(inPlanes, planes, 3, stride));
    bn1 = register_module("bn1", torch::nn::BatchNorm2d(planes));
    conv2 = register_module("conv2", conv(planes, planes, 3));
    bn2 = register_module("bn2", torch::nn::BatchNorm2d(planes));
    if (auto ds = downsampleFor(inPlanes, planes, stride))
        downsample = register_module("downsample", ds);
}

torch::Tensor BasicBlockImpl::forward(const torch::Tensor &x)
{
    auto out = bn1(conv1(x));
    out.relu_();
    out = bn2(conv2(out));
    out += downsample ? downsample->forward(x) : x;
    return torch::relu_(out);
}

BottleneckImpl::BottleneckImpl(int inPlanes, int planes, int stride)
{
    conv1 = register_module("conv1", conv(inPlanes, planes, 1));
    bn1 = register_module("bn1", torch::nn::BatchNorm2d(planes));
    conv2 = register_module("conv2", conv(planes, planes, 3, stride));
    bn2 = register_module("bn2", torch::nn::BatchNorm2d(planes));
    conv3 = register_module("conv3", conv(planes, planes * kExpansion, 1));
    bn3 = register_module("bn3", torch::nn::BatchNorm2d(planes * kExpansion));
    if (auto ds = downsampleFor(inPlanes, planes * kExpansion, stride))
        downsample = register_module("downsample", ds);
}

torch::Tensor BottleneckImpl::forward(const torch::Tensor &x)
{
    auto out = bn1(conv1(x));
    out.relu_();
    out = bn2(conv2(out));
    out.relu_();
    out = bn3(conv3(out));
    out += downsample ? downsample->forward(x) : x;
    return torch::relu_(out);
}

ResNetImpl::ResNetImpl(const ModelSpec &spec, const std::vector<int> &layers, bool bottleneck)
{
    conv1 = register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(spec.inChannels, 64, 7).stride(2).padding(3).bias(false)));
    bn1 = register_module("bn1", torch::nn::BatchNorm2d(64));
    const int expansion = bottleneck ? BottleneckImpl::kExpansion : 1;
    int inPlanes = 64;
    auto makeLayer = [&](int planes, int blocks, int stride) {
        torch::nn::Sequential seq;
        for (int i = 0; i < blocks; ++i) {
            const int s = i == 0 ? stride : 1;
            if (bottleneck)
                seq->push_back(Bottleneck(inPlanes, planes, s));
            else
                seq->push_back(BasicBlock(inPlanes, planes, s));
            inPlanes = planes * expansion;
        }
        return seq;
    };
    layer1 = register_module("layer1", makeLayer(64, layers[0], 1));
    layer2 = register_module("layer2", makeLayer(128, layers[1], 2));
    layer3 = register_module("layer3", makeLayer(256, layers[2], 2));
    layer4 = register_module("layer4", makeLayer(512, layers[3], 2));
    makeHead(spec, 512 * expansion);
    initConvAndNorm(*this);
}

torch::Tensor ResNetImpl::features(const torch::Tensor &x)
{
    auto y = bn1(conv1(x));
    y.relu_();
    y = F::max_pool2d(y, F::MaxPool2dFuncOptions(3).stride(2).padding(1));
    return layer4->forward(layer3->forward(layer2->forward(layer1->forward(y))));
}

std::vector<std::vector<torch::Tensor>> ResNetImpl::parameterGroups()
{
    return {parametersOf({conv1.get(), bn1.get(), layer1.get(), layer2.get()}), parametersOf({layer3.get(), layer4.get()}),
            headModule().parameters()};
}

std::vector<std::string> ResNetImpl::headPrefixes() const
{
    return {"head.", "fc."};
}

} // namespace kiln
