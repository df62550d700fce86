#include "export/inferencegraph.h"

#include "models/models.h"
#include "train/runfiles.h"

#include <torch/torch.h>

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
                  int(c10::get<torch::ExpandingArray<2>>(o.padding())->at(0)));
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

} // namespace

Result<std::string> emitGraph(ClassifierImpl &model, GraphEmitter &e, const std::string &input, bool softmax)
{
    torch::NoGradGuard guard;
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
    } else if (auto *resnet = dynamic_cast<ResNetImpl *>(&model)) {
        x = e.relu(convBn(e, x, *resnet->conv1, *resnet->bn1));
        x = e.maxPool(x, 3, 2, 1);
        for (auto *layer : {resnet->layer1.get(), resnet->layer2.get(), resnet->layer3.get(), resnet->layer4.get()})
            for (const auto &m : layer->children()) {
                auto *block = as<BasicBlockImpl>(m);
                if (!block)
                    return Error{"resnet: an unexpected layer; cannot export."};
                std::string y = e.relu(convBn(e, x, *block->conv1, *block->bn1));
                y = convBn(e, y, *block->conv2, *block->bn2);
                std::string shortcut = x;
                if (block->downsample) {
                    const auto ds = block->downsample->children();
                    shortcut = convBn(e, x, *as<torch::nn::Conv2dImpl>(ds.at(0)), *as<torch::nn::BatchNorm2dImpl>(ds.at(1)));
                }
                x = e.relu(e.add(y, shortcut));
            }
    } else {
        return Error{"This architecture cannot be exported."};
    }

    // The head, from the named submodules ("head." fastai, "fc." linear).
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
    } else {
        return Error{"The model has no classifier head to export."};
    }
    if (softmax)
        x = e.softmax(x);
    return x;
}

} // namespace kiln
