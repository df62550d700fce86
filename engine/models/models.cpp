#include "models/models.h"

#include "core/enumnames.h"

#include <torch/nn/init.h>
#include <torch/nn/functional/pooling.h>

#include <array>
#include <cstring>

namespace F = torch::nn::functional;

namespace kiln {

const char *architectureName(Architecture arch)
{
    switch (arch) {
    case Architecture::SimpleCnn: return "simple_cnn";
    case Architecture::ResNet18: return "resnet18";
    case Architecture::ResNet34: return "resnet34";
    }
    return "simple_cnn";
}

bool parseArchitecture(const std::string &name, Architecture &out)
{
    return parseByName(name, {Architecture::SimpleCnn, Architecture::ResNet18, Architecture::ResNet34}, architectureName, out);
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
    return {"simple_cnn", "resnet18", "resnet34"};
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

torch::Tensor ClassifierImpl::classify(const torch::Tensor &features)
{
    return logits(classifyEmbed(features));
}

torch::Tensor ClassifierImpl::classifyEmbed(const torch::Tensor &features)
{
    if (m_fastaiHead)
        return m_fastaiHead->embed(features);
    return torch::mean(features, {2, 3});
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

void kaimingInit(torch::nn::Module &root)
{
    torch::NoGradGuard guard;
    for (auto &m : root.modules(/*include_self=*/false)) {
        if (auto *c = dynamic_cast<torch::nn::Conv2dImpl *>(m.get())) {
            torch::nn::init::kaiming_normal_(c->weight, 0.0, torch::kFanOut, torch::kReLU);
        } else if (auto *b = dynamic_cast<torch::nn::BatchNorm2dImpl *>(m.get())) {
            b->weight.fill_(1);
            b->bias.zero_();
        }
    }
}

std::vector<torch::Tensor> paramsOf(std::initializer_list<torch::nn::Module *> modules)
{
    std::vector<torch::Tensor> out;
    for (auto *m : modules)
        for (auto &p : m->parameters())
            out.push_back(p);
    return out;
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
    kaimingInit(*this);
}

torch::Tensor SimpleCnnImpl::features(const torch::Tensor &x)
{
    return stage2->forward(stage1->forward(x));
}

torch::Tensor SimpleCnnImpl::forward(const torch::Tensor &x)
{
    return classify(features(x));
}

torch::Tensor SimpleCnnImpl::embed(const torch::Tensor &x)
{
    return classifyEmbed(features(x));
}

std::vector<std::vector<torch::Tensor>> SimpleCnnImpl::parameterGroups()
{
    torch::nn::Module *head = m_fastaiHead ? static_cast<torch::nn::Module *>(m_fastaiHead.get()) : m_fc.get();
    return {paramsOf({stage1.get()}), paramsOf({stage2.get()}), paramsOf({head})};
}

std::vector<std::string> SimpleCnnImpl::headPrefixes() const
{
    return {"head.", "fc."};
}

// ---- ResNet -----------------------------------------------------------------------------------------

BasicBlockImpl::BasicBlockImpl(int inPlanes, int planes, int stride)
{
    conv1 = register_module("conv1", conv3x3(inPlanes, planes, stride));
    bn1 = register_module("bn1", torch::nn::BatchNorm2d(planes));
    conv2 = register_module("conv2", conv3x3(planes, planes));
    bn2 = register_module("bn2", torch::nn::BatchNorm2d(planes));
    if (stride != 1 || inPlanes != planes)
        downsample = register_module(
            "downsample",
            torch::nn::Sequential(torch::nn::Conv2d(torch::nn::Conv2dOptions(inPlanes, planes, 1).stride(stride).bias(false)),
                                  torch::nn::BatchNorm2d(planes)));
}

torch::Tensor BasicBlockImpl::forward(const torch::Tensor &x)
{
    auto out = bn1(conv1(x));
    out.relu_();
    out = bn2(conv2(out));
    out += downsample ? downsample->forward(x) : x;
    return torch::relu_(out);
}

namespace {

torch::nn::Sequential makeLayer(int &inPlanes, int planes, int blocks, int stride)
{
    torch::nn::Sequential seq;
    seq->push_back(BasicBlock(inPlanes, planes, stride));
    inPlanes = planes;
    for (int i = 1; i < blocks; ++i)
        seq->push_back(BasicBlock(inPlanes, planes, 1));
    return seq;
}

} // namespace

ResNetImpl::ResNetImpl(const ModelSpec &spec, const std::vector<int> &layers)
{
    conv1 = register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(spec.inChannels, 64, 7).stride(2).padding(3).bias(false)));
    bn1 = register_module("bn1", torch::nn::BatchNorm2d(64));
    int inPlanes = 64;
    layer1 = register_module("layer1", makeLayer(inPlanes, 64, layers[0], 1));
    layer2 = register_module("layer2", makeLayer(inPlanes, 128, layers[1], 2));
    layer3 = register_module("layer3", makeLayer(inPlanes, 256, layers[2], 2));
    layer4 = register_module("layer4", makeLayer(inPlanes, 512, layers[3], 2));
    makeHead(spec, 512);
    kaimingInit(*this);
}

torch::Tensor ResNetImpl::features(const torch::Tensor &x)
{
    auto y = bn1(conv1(x));
    y.relu_();
    y = F::max_pool2d(y, F::MaxPool2dFuncOptions(3).stride(2).padding(1));
    return layer4->forward(layer3->forward(layer2->forward(layer1->forward(y))));
}

torch::Tensor ResNetImpl::forward(const torch::Tensor &x)
{
    return classify(features(x));
}

torch::Tensor ResNetImpl::embed(const torch::Tensor &x)
{
    return classifyEmbed(features(x));
}

std::vector<std::vector<torch::Tensor>> ResNetImpl::parameterGroups()
{
    torch::nn::Module *head = m_fastaiHead ? static_cast<torch::nn::Module *>(m_fastaiHead.get()) : m_fc.get();
    return {paramsOf({conv1.get(), bn1.get(), layer1.get(), layer2.get()}), paramsOf({layer3.get(), layer4.get()}),
            paramsOf({head})};
}

std::vector<std::string> ResNetImpl::headPrefixes() const
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
    return !cuda && arch != Architecture::SimpleCnn;
}

std::shared_ptr<ClassifierImpl> makeClassifier(const ModelSpec &spec)
{
    switch (spec.arch) {
    case Architecture::SimpleCnn: return std::make_shared<SimpleCnnImpl>(spec);
    case Architecture::ResNet18: return std::make_shared<ResNetImpl>(spec, std::vector<int>{2, 2, 2, 2});
    case Architecture::ResNet34: return std::make_shared<ResNetImpl>(spec, std::vector<int>{3, 4, 6, 3});
    }
    return nullptr;
}

double forwardFlops(const ModelSpec &spec, int size)
{
    // Count conv/linear multiply-adds by running shapes through the layers analytically is fiddly;
    // trace one image instead with hooks-free arithmetic on the known layer layout.
    auto model = makeClassifier(spec);
    model->eval();
    torch::NoGradGuard guard;
    double macs = 0;
    // Walk the modules in registration order, tracking spatial size through strides.
    auto convMacs = [](const torch::nn::Conv2dImpl &c, int &h, int &w) {
        const auto &o = c.options;
        const int k0 = int((*o.kernel_size())[0]), k1 = int((*o.kernel_size())[1]);
        const int s0 = int((*o.stride())[0]), s1 = int((*o.stride())[1]);
        const auto pad = c10::get<torch::ExpandingArray<2>>(o.padding());
        const int p0 = int((*pad)[0]), p1 = int((*pad)[1]);
        h = (h + 2 * p0 - k0) / s0 + 1;
        w = (w + 2 * p1 - k1) / s1 + 1;
        return double(h) * w * k0 * k1 * double(o.in_channels()) * double(o.out_channels());
    };
    int h = size, w = size;
    if (auto *cnn = dynamic_cast<SimpleCnnImpl *>(model.get())) {
        for (auto *stage : {cnn->stage1.get(), cnn->stage2.get()})
            for (auto &m : stage->modules(false))
                if (auto *c = dynamic_cast<torch::nn::Conv2dImpl *>(m.get()))
                    macs += convMacs(*c, h, w);
    } else if (auto *res = dynamic_cast<ResNetImpl *>(model.get())) {
        macs += convMacs(*res->conv1, h, w);
        h = (h + 2 - 3) / 2 + 1;
        w = (w + 2 - 3) / 2 + 1;
        for (auto *layer : {res->layer1.get(), res->layer2.get(), res->layer3.get(), res->layer4.get()}) {
            for (auto &child : layer->children()) {
                auto *block = dynamic_cast<BasicBlockImpl *>(child.get());
                int h1 = h, w1 = w;
                macs += convMacs(*block->conv1, h1, w1);
                int h2 = h1, w2 = w1;
                macs += convMacs(*block->conv2, h2, w2);
                if (block->downsample) {
                    int hd = h, wd = w;
                    for (auto &m : block->downsample->modules(false))
                        if (auto *c = dynamic_cast<torch::nn::Conv2dImpl *>(m.get()))
                            macs += convMacs(*c, hd, wd);
                }
                h = h2;
                w = w2;
            }
        }
    }
    for (auto &m : model->modules())
        if (auto *l = dynamic_cast<torch::nn::LinearImpl *>(m.get()))
            macs += double(l->options.in_features()) * double(l->options.out_features());
    return 2.0 * macs;
}

} // namespace kiln
