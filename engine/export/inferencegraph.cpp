#include "export/inferencegraph.h"

#include "models/layers.h"
#include "models/models.h"
#include "models/resnet.h"

#include <torch/torch.h>

#include <array>
#include <map>

namespace kiln {

namespace {

template <class T>
T *as(const std::shared_ptr<torch::nn::Module> &m)
{
    return dynamic_cast<T *>(m.get());
}

std::string convBn(GraphEmitter &e, const std::string &x, torch::nn::Conv2dImpl &conv, torch::nn::BatchNorm2dImpl &bn)
{
    const auto scale = bn.weight / torch::sqrt(bn.running_var + bn.options.eps());
    auto w = conv.weight * scale.view({-1, 1, 1, 1});
    auto b = bn.bias - bn.running_mean * scale;
    if (conv.bias.defined())
        b = b + conv.bias * scale;
    const auto &o = conv.options;
    return e.conv(x, w, b, int((*o.kernel_size())[0]), int((*o.stride())[0]),
                  int(c10::get<torch::ExpandingArray<2>>(o.padding())->at(0)), int(o.groups()));
}

// A convolution with its own bias and no BatchNorm (squeeze-excitation's fc1 and fc2).
std::string plainConv(GraphEmitter &e, const std::string &x, torch::nn::Conv2dImpl &conv)
{
    const auto &o = conv.options;
    return e.conv(x, conv.weight, conv.bias, int((*o.kernel_size())[0]), int((*o.stride())[0]),
                  int(c10::get<torch::ExpandingArray<2>>(o.padding())->at(0)), int(o.groups()));
}

// A BatchNorm1d followed by a bias-free linear layer: W diag(s) x + W t.
std::string bnLinear(GraphEmitter &e, const std::string &x, torch::nn::BatchNorm1dImpl &bn, torch::nn::LinearImpl &lin)
{
    const auto s = bn.weight / torch::sqrt(bn.running_var + bn.options.eps());
    const auto t = bn.bias - bn.running_mean * s;
    auto c = torch::matmul(lin.weight, t);
    if (lin.bias.defined())
        c = c + lin.bias;
    return e.linear(x, lin.weight * s.view({1, -1}), c);
}

std::string activation(GraphEmitter &e, ActivationKind kind, const std::string &x)
{
    switch (kind) {
    case ActivationKind::Identity: return x;
    case ActivationKind::ReLU: return e.relu(x);
    case ActivationKind::Hardswish: return e.hardswish(x);
    case ActivationKind::Hardsigmoid: return e.hardsigmoid(x);
    case ActivationKind::SiLU: return e.silu(x);
    case ActivationKind::Sigmoid: return e.sigmoid(x);
    }
    return x;
}

std::string bottleneckOrBasic(GraphEmitter &e, const std::string &x, torch::nn::Module &block)
{
    std::string y;
    torch::nn::Sequential downsample{nullptr};
    if (auto *basic = dynamic_cast<BasicBlockImpl *>(&block)) {
        y = e.relu(convBn(e, x, *basic->conv1, *basic->bn1));
        y = convBn(e, y, *basic->conv2, *basic->bn2);
        downsample = basic->downsample;
    } else {
        auto &b = dynamic_cast<BottleneckImpl &>(block);
        y = e.relu(convBn(e, x, *b.conv1, *b.bn1));
        y = e.relu(convBn(e, y, *b.conv2, *b.bn2));
        y = convBn(e, y, *b.conv3, *b.bn3);
        downsample = b.downsample;
    }
    std::string shortcut = x;
    if (downsample) {
        const auto ds = downsample->children();
        shortcut = convBn(e, x, *as<torch::nn::Conv2dImpl>(ds.at(0)), *as<torch::nn::BatchNorm2dImpl>(ds.at(1)));
    }
    return e.relu(e.add(y, shortcut));
}

// The blocks of the ResNets, MobileNets and EfficientNet, recursively through Sequentials.
Result<std::string> emitBlock(GraphEmitter &e, const std::string &x, torch::nn::Module &m)
{
    if (auto *c = dynamic_cast<ConvBnActImpl *>(&m))
        return activation(e, c->act, convBn(e, x, *c->conv, *c->bn));
    if (auto *se = dynamic_cast<SqueezeExcitationImpl *>(&m)) {
        auto s = activation(e, se->act, plainConv(e, e.globalAveragePool(x), *se->fc1));
        s = activation(e, se->gate, plainConv(e, s, *se->fc2));
        return e.mul(x, s);
    }
    if (auto *ir = dynamic_cast<InvertedResidualImpl *>(&m)) {
        auto y = emitBlock(e, x, *ir->block);
        if (!y || !ir->residual)
            return y;
        return e.add(y.value(), x);
    }
    if (dynamic_cast<BasicBlockImpl *>(&m) || dynamic_cast<BottleneckImpl *>(&m))
        return bottleneckOrBasic(e, x, m);
    if (dynamic_cast<torch::nn::SequentialImpl *>(&m)) {
        std::string y = x;
        for (const auto &child : m.children()) {
            auto next = emitBlock(e, y, *child);
            if (!next)
                return next;
            y = next.value();
        }
        return y;
    }
    return Error{"An unexpected layer (" + m.name() + "); cannot export."};
}

Result<std::string> emitBody(ClassifierImpl &model, GraphEmitter &e, const std::string &input)
{
    std::string x = input;
    if (auto *cnn = dynamic_cast<SimpleCnnImpl *>(&model)) {
        for (auto *stage : {cnn->stage1.get(), cnn->stage2.get()}) {
            const auto children = stage->children();
            for (std::size_t i = 0; i + 1 < children.size(); ++i)
                if (auto *conv = as<torch::nn::Conv2dImpl>(children[i])) {
                    auto *bn = as<torch::nn::BatchNorm2dImpl>(children[i + 1]);
                    if (!bn)
                        return Error{"simple_cnn: a convolution without its BatchNorm; cannot export."};
                    x = e.relu(convBn(e, x, *conv, *bn));
                }
        }
        return x;
    }
    if (auto *resnet = dynamic_cast<ResNetImpl *>(&model)) {
        x = e.relu(convBn(e, x, *resnet->conv1, *resnet->bn1));
        x = e.maxPool(x, 3, 2, 1);
        for (auto *layer : {resnet->layer1.get(), resnet->layer2.get(), resnet->layer3.get(), resnet->layer4.get()}) {
            auto y = emitBlock(e, x, *layer);
            if (!y)
                return y;
            x = y.value();
        }
        return x;
    }
    if (auto *net = dynamic_cast<FeaturesNetImpl *>(&model))
        return emitBlock(e, x, *net->featureLayers);
    return Error{"This architecture cannot be exported."};
}

} // namespace

Result<std::string> emitGraph(ClassifierImpl &model, GraphEmitter &e, const std::string &input, bool softmax)
{
    torch::NoGradGuard guard;
    auto body = emitBody(model, e, input);
    if (!body)
        return body;
    std::string x = body.value();

    // The head, from the named submodules ("head." fastai, "fc." or "classifier." torchvision's).
    std::map<std::string, std::shared_ptr<torch::nn::Module>> modules;
    for (const auto &item : model.named_modules(""))
        modules[item.key()] = item.value();
    if (modules.count("head")) {
        x = e.flatten(e.concat(e.globalMaxPool(x), e.globalAveragePool(x)));
        x = e.relu(bnLinear(e, x, *as<torch::nn::BatchNorm1dImpl>(modules["head.bn1"]), *as<torch::nn::LinearImpl>(modules["head.lin1"])));
        x = bnLinear(e, x, *as<torch::nn::BatchNorm1dImpl>(modules["head.bn2"]), *as<torch::nn::LinearImpl>(modules["head.lin2"]));
    } else if (modules.count("fc")) {
        auto *fc = as<torch::nn::LinearImpl>(modules["fc"]);
        x = e.linear(e.flatten(e.globalAveragePool(x)), fc->weight, fc->bias);
    } else if (modules.count("classifier")) {
        x = e.flatten(e.globalAveragePool(x));
        for (const auto &layer : modules["classifier"]->children()) {
            if (auto *linear = as<torch::nn::LinearImpl>(layer))
                x = e.linear(x, linear->weight, linear->bias);
            else if (auto *act = as<ActivationImpl>(layer))
                x = activation(e, act->kind, x);
            else if (!as<torch::nn::DropoutImpl>(layer))
                return Error{"An unexpected layer in the classifier (" + layer->name() + "); cannot export."};
        }
    } else {
        return Error{"The model has no classifier head to export."};
    }
    if (softmax)
        x = e.softmax(x);
    return x;
}

namespace {

// Follows the shape (C, H, W) of every value and adds up the multiply-adds of the convolutions and
// linear layers.
class FlopCounter : public GraphEmitter {
public:
    using Shape = std::array<std::int64_t, 3>;
    FlopCounter(const std::string &input, const Shape &shape) { m_shapes[input] = shape; }
    double macs() const { return m_macs; }

    std::string conv(const std::string &x, const at::Tensor &w, const at::Tensor &, int k, int s, int p, int) override
    {
        const Shape &in = m_shapes.at(x);
        const Shape out{w.size(0), (in[1] + 2 * p - k) / s + 1, (in[2] + 2 * p - k) / s + 1};
        m_macs += double(out[0]) * double(out[1]) * double(out[2]) * double(w.size(1)) * double(k) * double(k);
        return value(out);
    }
    std::string relu(const std::string &x) override { return same(x); }
    std::string hardswish(const std::string &x) override { return same(x); }
    std::string hardsigmoid(const std::string &x) override { return same(x); }
    std::string silu(const std::string &x) override { return same(x); }
    std::string sigmoid(const std::string &x) override { return same(x); }
    std::string maxPool(const std::string &x, int k, int s, int p) override
    {
        const Shape &in = m_shapes.at(x);
        return value({in[0], (in[1] + 2 * p - k) / s + 1, (in[2] + 2 * p - k) / s + 1});
    }
    std::string add(const std::string &a, const std::string &) override { return same(a); }
    std::string mul(const std::string &a, const std::string &) override { return same(a); }
    std::string globalMaxPool(const std::string &x) override { return value({m_shapes.at(x)[0], 1, 1}); }
    std::string globalAveragePool(const std::string &x) override { return value({m_shapes.at(x)[0], 1, 1}); }
    std::string concat(const std::string &a, const std::string &b) override
    {
        const Shape &sa = m_shapes.at(a), &sb = m_shapes.at(b);
        return value({sa[0] + sb[0], sa[1], sa[2]});
    }
    std::string flatten(const std::string &x) override
    {
        const Shape &in = m_shapes.at(x);
        return value({in[0] * in[1] * in[2], 1, 1});
    }
    std::string linear(const std::string &, const at::Tensor &w, const at::Tensor &) override
    {
        m_macs += double(w.size(0)) * double(w.size(1));
        return value({w.size(0), 1, 1});
    }
    std::string softmax(const std::string &x) override { return same(x); }

private:
    std::string value(const Shape &shape)
    {
        std::string name("v"); // appended: GCC 12 warns (falsely) on "v" + std::string
        name += std::to_string(m_shapes.size());
        m_shapes[name] = shape;
        return name;
    }
    std::string same(const std::string &x) { return value(m_shapes.at(x)); }

    std::map<std::string, Shape> m_shapes;
    double m_macs = 0;
};

} // namespace

double forwardFlops(const ModelSpec &spec, int size)
{
    auto model = makeClassifier(spec);
    model->eval();
    FlopCounter counter("input", {spec.inChannels, size, size});
    if (!emitGraph(*model, counter, "input", false))
        return 0;
    return 2.0 * counter.macs();
}

} // namespace kiln
