#include "models/models.h"

#include "core/enumnames.h"
#include "models/efficientnet.h"
#include "models/layers.h"
#include "models/mobilenet.h"
#include "models/resnet.h"

#include <array>

namespace kiln {

namespace {

constexpr std::array kArchitectures{Architecture::SimpleCnn,        Architecture::ResNet18,         Architecture::ResNet34,
                                    Architecture::ResNet50,         Architecture::MobileNetV3Small, Architecture::MobileNetV3Large,
                                    Architecture::EfficientNetB0};

} // namespace

const char *architectureName(Architecture arch)
{
    switch (arch) {
    case Architecture::SimpleCnn: return "simple_cnn";
    case Architecture::ResNet18: return "resnet18";
    case Architecture::ResNet34: return "resnet34";
    case Architecture::ResNet50: return "resnet50";
    case Architecture::MobileNetV3Small: return "mobilenet_v3_small";
    case Architecture::MobileNetV3Large: return "mobilenet_v3_large";
    case Architecture::EfficientNetB0: return "efficientnet_b0";
    }
    return "simple_cnn";
}

double relativeCpuTrainingSpeed(Architecture arch)
{
    // Kiln's fp32 training images/s at 224 px (2 threads): resnet18 28.4, resnet34 15.1, resnet50
    // 9.0, mobilenet_v3_small 153.0, mobilenet_v3_large 53.7, efficientnet_b0 33.2.
    switch (arch) {
    case Architecture::SimpleCnn: return 0;
    case Architecture::ResNet18: return 1.0;
    case Architecture::ResNet34: return 15.1 / 28.4;
    case Architecture::ResNet50: return 9.0 / 28.4;
    case Architecture::MobileNetV3Small: return 153.0 / 28.4;
    case Architecture::MobileNetV3Large: return 53.7 / 28.4;
    case Architecture::EfficientNetB0: return 33.2 / 28.4;
    }
    return 0;
}

bool parseArchitecture(const std::string &name, Architecture &out)
{
    for (Architecture arch : kArchitectures)
        if (name == architectureName(arch)) {
            out = arch;
            return true;
        }
    return false;
}

const char *headKindName(HeadKind head)
{
    return head == HeadKind::Linear ? "linear" : "fastai";
}

bool parseHeadKind(const std::string &name, HeadKind &out)
{
    return parseByName(name, {HeadKind::Fastai, HeadKind::Linear}, headKindName, out);
}

std::vector<std::string> architectureNames()
{
    std::vector<std::string> names;
    for (Architecture arch : kArchitectures)
        names.emplace_back(architectureName(arch));
    return names;
}

// ---- head ----------------------------------------------------------------------------------------

FastaiHeadImpl::FastaiHeadImpl(int features, int numClasses, double ps)
{
    bn1 = register_module("bn1", torch::nn::BatchNorm1d(2 * features));
    drop1 = register_module("drop1", torch::nn::Dropout(ps / 2));
    lin1 = register_module("lin1", torch::nn::Linear(torch::nn::LinearOptions(2 * features, 512).bias(false)));
    bn2 = register_module("bn2", torch::nn::BatchNorm1d(512));
    drop2 = register_module("drop2", torch::nn::Dropout(ps));
    lin2 = register_module("lin2", torch::nn::Linear(torch::nn::LinearOptions(512, numClasses).bias(false)));
}

torch::Tensor FastaiHeadImpl::embed(const torch::Tensor &features)
{
    // AdaptiveConcatPool2d: [max, avg] as fastai orders them.
    auto pooled = torch::cat({torch::amax(features, {2, 3}), torch::mean(features, {2, 3})}, 1);
    return torch::relu(lin1(drop1(bn1(pooled))));
}

torch::Tensor FastaiHeadImpl::forward(const torch::Tensor &features)
{
    return logits(embed(features));
}

torch::Tensor FastaiHeadImpl::logits(const torch::Tensor &embedding)
{
    return lin2(drop2(bn2(embedding)));
}

// ---- classifier base --------------------------------------------------------------------------------

void ClassifierImpl::makeHead(const ModelSpec &spec, int features)
{
    if (spec.head == HeadKind::Fastai)
        m_fastaiHead = register_module("head", FastaiHead(features, spec.numClasses, spec.dropout));
    else
        m_fc = register_module("fc", torch::nn::Linear(features, spec.numClasses));
}

void ClassifierImpl::makeHead(const ModelSpec &spec, int features, torch::nn::Sequential torchvisionClassifier)
{
    if (spec.head == HeadKind::Fastai) {
        makeHead(spec, features);
        return;
    }
    m_classifier = register_module("classifier", torchvisionClassifier);
    m_fc = std::dynamic_pointer_cast<torch::nn::LinearImpl>(m_classifier->ptr(m_classifier->size() - 1));
    TORCH_CHECK(m_fc, "torchvision's classifier ends with a linear layer");
}

torch::nn::Module &ClassifierImpl::headModule()
{
    if (m_fastaiHead)
        return *m_fastaiHead;
    if (m_classifier)
        return *m_classifier;
    return *m_fc;
}

torch::Tensor ClassifierImpl::forward(const torch::Tensor &x)
{
    return logits(embed(x));
}

torch::Tensor ClassifierImpl::embed(const torch::Tensor &x)
{
    const auto body = features(x);
    if (m_fastaiHead)
        return m_fastaiHead->embed(body);
    // torchvision: AdaptiveAvgPool2d(1), flatten, then its classifier up to the last linear layer.
    auto y = torch::mean(body, {2, 3});
    if (m_classifier)
        for (std::size_t i = 0; i + 1 < m_classifier->size(); ++i)
            y = (m_classifier->begin() + std::ptrdiff_t(i))->forward(y);
    return y;
}

torch::Tensor ClassifierImpl::logits(const torch::Tensor &embedding)
{
    return m_fastaiHead ? m_fastaiHead->logits(embedding) : m_fc->forward(embedding);
}

std::vector<torch::Tensor> ClassifierImpl::bodyParameters()
{
    std::vector<torch::Tensor> out;
    auto groups = parameterGroups();
    for (std::size_t g = 0; g + 1 < groups.size(); ++g)
        out.insert(out.end(), groups[g].begin(), groups[g].end());
    return out;
}

void ClassifierImpl::freezeBody()
{
    // Body parameters stop learning, but BatchNorm layers keep training (fastai's train_bn=True).
    for (auto &p : parameters())
        p.set_requires_grad(true);
    std::vector<torch::Tensor> bnParams;
    for (const auto &named : named_modules()) {
        auto *m = named.value().get();
        if (dynamic_cast<torch::nn::BatchNorm2dImpl *>(m) || dynamic_cast<torch::nn::BatchNorm1dImpl *>(m))
            for (auto &p : m->parameters(false))
                bnParams.push_back(p);
    }
    for (auto &p : bodyParameters()) {
        bool isBn = false;
        for (auto &b : bnParams)
            if (b.is_same(p))
                isBn = true;
        if (!isBn)
            p.set_requires_grad(false);
    }
}

void ClassifierImpl::unfreeze()
{
    for (auto &p : parameters())
        p.set_requires_grad(true);
}

namespace {

torch::nn::Conv2d conv3x3(int in, int out, int stride = 1)
{
    return torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false));
}

} // namespace

// ---- simple_cnn -------------------------------------------------------------------------------------

SimpleCnnImpl::SimpleCnnImpl(const ModelSpec &spec)
{
    // fastai's simple_cnn idea (stride-2 convolutions instead of pooling), wider: 28 px -> 14 -> 7
    // with 32, 64 and 128 channels; about 11 M multiply-adds per 28 px image.
    auto layers = [](std::initializer_list<std::array<int, 3>> specs) {
        torch::nn::Sequential seq;
        for (const auto &[in, out, stride] : specs) {
            seq->push_back(conv3x3(in, out, stride));
            seq->push_back(torch::nn::BatchNorm2d(out));
            seq->push_back(torch::nn::ReLU(torch::nn::ReLUOptions(true)));
        }
        return seq;
    };
    stage1 = register_module("stage1", layers({{spec.inChannels, 32, 1}, {32, 32, 2}, {32, 64, 1}}));
    stage2 = register_module("stage2", layers({{64, 64, 2}, {64, 128, 1}}));
    makeHead(spec, 128);
    initConvAndNorm(*this);
}

torch::Tensor SimpleCnnImpl::features(const torch::Tensor &x)
{
    return stage2->forward(stage1->forward(x));
}

std::vector<std::vector<torch::Tensor>> SimpleCnnImpl::parameterGroups()
{
    return {stage1->parameters(), stage2->parameters(), headModule().parameters()};
}

std::vector<std::string> SimpleCnnImpl::headPrefixes() const
{
    return {"head.", "fc."};
}

void useChannelsLast(torch::nn::Module &model)
{
    torch::NoGradGuard guard;
    for (auto &p : model.parameters())
        if (p.dim() == 4)
            p.set_data(p.contiguous(at::MemoryFormat::ChannelsLast));
}

torch::Tensor channelsLast(const torch::Tensor &images)
{
    return images.dim() == 4 ? images.contiguous(at::MemoryFormat::ChannelsLast) : images;
}

bool prefersChannelsLast(Architecture arch, bool cuda)
{
    // Measured with tests/bench/run-zoo.py (LAYOUTS=1; 224 px, batch 16, 2 threads, medians of 3 on
    // a loaded 2-core machine), channels-last vs contiguous, training / inference images/s:
    // resnet50 2.1 / 10.2 vs 1.6 / 5.8, mobilenet_v3_small 18 / 320 vs 9.6 / 167,
    // mobilenet_v3_large 12 / 77 vs 1.8 / 68, efficientnet_b0 7.8 / 40 vs 4.9 / 28: oneDNN's
    // depthwise and 1x1 convolutions gain most. The ResNet-18/34 gained before; simple_cnn's small
    // 28-64 px maps run slower channels-last.
    return !cuda && arch != Architecture::SimpleCnn;
}

std::shared_ptr<ClassifierImpl> makeClassifier(const ModelSpec &spec)
{
    switch (spec.arch) {
    case Architecture::SimpleCnn: return std::make_shared<SimpleCnnImpl>(spec);
    case Architecture::ResNet18: return std::make_shared<ResNetImpl>(spec, std::vector<int>{2, 2, 2, 2}, false);
    case Architecture::ResNet34: return std::make_shared<ResNetImpl>(spec, std::vector<int>{3, 4, 6, 3}, false);
    case Architecture::ResNet50: return std::make_shared<ResNetImpl>(spec, std::vector<int>{3, 4, 6, 3}, true);
    case Architecture::MobileNetV3Small: return std::make_shared<MobileNetV3Impl>(spec, false);
    case Architecture::MobileNetV3Large: return std::make_shared<MobileNetV3Impl>(spec, true);
    case Architecture::EfficientNetB0: return std::make_shared<EfficientNetImpl>(spec);
    }
    return nullptr;
}

} // namespace kiln
