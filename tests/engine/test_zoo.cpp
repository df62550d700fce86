// The model zoo against torchvision itself: each architecture loads a real torchvision state dict
// (torch.save of model.state_dict(), BatchNorm statistics randomised) strictly, name for name and
// shape for shape, and gives torchvision's features at the cut, embedding and logits on the same
// input. Plus the parameter groups fine_tune's discriminative rates and freezing rely on.

#include "models/layers.h"
#include "models/models.h"
#include "models/statedict.h"
#include "testfiles.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <map>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

namespace {

constexpr int kSize = 64; // small and fast; every architecture still has a 2 x 2 map at the cut

const std::vector<Architecture> kTorchvision{Architecture::ResNet18,         Architecture::ResNet34,
                                             Architecture::ResNet50,         Architecture::MobileNetV3Small,
                                             Architecture::MobileNetV3Large, Architecture::EfficientNetB0};

// For each architecture: the state dict, and a plain dict with the input `x`, `pooled` (the body's
// output at fastai's cut, average-pooled as torchvision's avgpool does), `embedding` (the input of
// the last linear layer), `logits`, `stem_grad`: the gradient of the first convolution's weight
// for mean(body(x)^2) in eval mode (in-place activations and their backward), and
// `stem_running_mean`: the first BatchNorm's running mean after one training-mode pass of the body
// over x (which shows momentum as well as eps).
const char *const kScript = R"(
import sys
sys.dont_write_bytecode = True
out, size, archs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
import torch, torchvision

def body_of(model):
    if hasattr(model, "features"):
        return model.features
    return torch.nn.Sequential(*list(model.children())[:-2])  # ResNets: everything before avgpool, fc

for arch in archs:
    torch.manual_seed(0)
    model = getattr(torchvision.models, arch)(weights=None)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, torch.nn.BatchNorm2d):
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.2, 0.2)
                m.running_mean.uniform_(-0.2, 0.2)
                m.running_var.uniform_(0.5, 1.5)
                m.num_batches_tracked.fill_(7)
    torch.save(model.state_dict(), f"{out}/{arch}.pth")
    model.eval()
    x = torch.randn(2, 3, size, size)
    with torch.no_grad():
        pooled = torch.flatten(model.avgpool(body_of(model)(x)), 1)
        embedding = model.classifier[:-1](pooled) if hasattr(model, "classifier") else pooled
        logits = model(x)
    body = body_of(model)
    body(x).pow(2).mean().backward()
    stem_conv = next(m for m in model.modules() if isinstance(m, torch.nn.Conv2d))
    with torch.no_grad():
        body.train()
        body(x)
        stem = next(m for m in model.modules() if isinstance(m, torch.nn.BatchNorm2d))
    torch.save({"x": x, "pooled": pooled, "embedding": embedding, "logits": logits,
                "stem_grad": stem_conv.weight.grad.clone(),
                "stem_running_mean": stem.running_mean.clone()}, f"{out}/{arch}-reference.pth")
print("KILN_PY_OK")
)";

std::map<std::string, at::Tensor> asMap(const StateDict &dict)
{
    std::map<std::string, at::Tensor> m;
    for (const auto &[name, tensor] : dict)
        m[name] = tensor;
    return m;
}

// Within 1e-4 of the reference's largest magnitude.
void expectClose(const at::Tensor &got, const at::Tensor &expected, const char *what)
{
    ASSERT_EQ(got.sizes(), expected.sizes()) << what;
    const double scale = std::max(1e-6, expected.abs().max().item<double>());
    const double diff = (got - expected).abs().max().item<double>();
    EXPECT_LE(diff / scale, 1e-4) << what << ": max difference " << diff << " at scale " << scale;
}

} // namespace

TEST(Zoo, EveryTorchvisionArchitectureLoadsItsStateDictStrictlyAndGivesItsOutputs)
{
    // One Python run for all (importing torchvision is most of its time).
    TempDir dir;
    std::vector<std::string> args{dir.path().string(), std::to_string(kSize)};
    for (Architecture arch : kTorchvision)
        args.emplace_back(architectureName(arch));
    std::string output;
    ASSERT_EQ(kiln::test::runPython(dir.path(), kScript, args, output), 0)
        << kiln::test::kPython << " with python3-torch and python3-torchvision is a test dependency (packaging/install-deps.sh):\n"
        << output;

    for (Architecture arch : kTorchvision) {
        const std::string name = architectureName(arch);
        SCOPED_TRACE(name);
        auto dict = readStateDict(dir / (name + ".pth"));
        ASSERT_TRUE(dict.ok()) << dict.message();
        auto reference = readStateDict(dir / (name + "-reference.pth"));
        ASSERT_TRUE(reference.ok()) << reference.message();
        auto ref = asMap(reference.value());

        ModelSpec spec;
        spec.arch = arch;
        spec.head = HeadKind::Linear; // torchvision's own classifier, names and all
        spec.numClasses = 1000;
        auto model = makeClassifier(spec);
        const auto report = loadStateDict(*model, dict.value());
        EXPECT_TRUE(report.missing.empty()) << report.missing.front();
        EXPECT_TRUE(report.unexpected.empty()) << report.unexpected.front();
        EXPECT_TRUE(report.shapeMismatch.empty()) << report.shapeMismatch.front();
        EXPECT_EQ(report.matched.size(), dict->size());
        EXPECT_EQ(model->named_parameters().size() + model->named_buffers().size(), dict->size());

        model->eval();
        const auto x = ref.at("x");
        model->features(x).pow(2).mean().backward();
        const auto stemWeight = model->named_parameters()[name.starts_with("resnet") ? "conv1.weight" : "features.0.0.weight"];
        expectClose(stemWeight.grad(), ref.at("stem_grad"), "the stem's gradient");

        torch::NoGradGuard guard;
        expectClose(torch::mean(model->features(x), {2, 3}), ref.at("pooled"), "features at the cut");
        const auto embedding = model->embed(x);
        expectClose(embedding, ref.at("embedding"), "embedding");
        expectClose(model->logits(embedding), ref.at("logits"), "logits from the embedding");
        expectClose(model->forward(x), ref.at("logits"), "logits");
        // Channels-last, as the learner and the predictor run it on the CPU: the same values.
        useChannelsLast(*model);
        expectClose(model->forward(channelsLast(x)), ref.at("logits"), "logits channels-last");

        // BatchNorm's momentum and eps in training mode: the stem's running mean after one pass.
        model->train();
        model->features(x);
        const auto stem = model->named_buffers()[name.starts_with("resnet") ? "bn1.running_mean" : "features.0.1.running_mean"];
        expectClose(stem, ref.at("stem_running_mean"), "running mean after a training pass");
    }
}

TEST(Zoo, ParameterGroupsSplitTheBodyInTwoAndTheHeadAndFreezingKeepsBatchNorm)
{
    for (const std::string &name : architectureNames()) {
        for (HeadKind head : {HeadKind::Fastai, HeadKind::Linear}) {
            SCOPED_TRACE(name + " with a " + headKindName(head) + " head");
            ModelSpec spec;
            ASSERT_TRUE(parseArchitecture(name, spec.arch));
            spec.head = head;
            spec.numClasses = 5;
            auto model = makeClassifier(spec);
            const auto groups = model->parameterGroups();
            ASSERT_EQ(groups.size(), 3u);
            // Every parameter in exactly one group, in module order: body, body, head.
            const auto named = model->named_parameters();
            std::vector<std::string> order;
            for (const auto &g : groups) {
                EXPECT_FALSE(g.empty());
                for (const auto &p : g)
                    for (const auto &item : named)
                        if (item.value().is_same(p))
                            order.push_back(item.key());
            }
            ASSERT_EQ(order.size(), named.size());
            for (std::size_t i = 0; i < order.size(); ++i)
                EXPECT_EQ(order[i], named[i].key());
            // The head group is the head: what importing pretrained weights skips.
            const auto prefixes = model->headPrefixes();
            auto isHead = [&](const std::string &n) {
                for (const auto &p : prefixes)
                    if (n.starts_with(p))
                        return true;
                return false;
            };
            std::size_t headCount = 0;
            for (const auto &item : named)
                headCount += isHead(item.key());
            EXPECT_EQ(groups[2].size(), headCount);
            // The body's halves are both substantial (a tenth of its tensors at least).
            EXPECT_GE(groups[0].size() * 10, groups[0].size() + groups[1].size());
            EXPECT_GE(groups[1].size() * 10, groups[0].size() + groups[1].size());

            // freezeBody: the body stops learning except its BatchNorm layers; the head learns.
            std::vector<torch::Tensor> batchNorm;
            for (const auto &m : model->modules())
                if (dynamic_cast<torch::nn::BatchNorm2dImpl *>(m.get()) || dynamic_cast<torch::nn::BatchNorm1dImpl *>(m.get()))
                    for (const auto &p : m->parameters(false))
                        batchNorm.push_back(p);
            auto inBatchNorm = [&](const torch::Tensor &t) {
                return std::any_of(batchNorm.begin(), batchNorm.end(), [&](const torch::Tensor &b) { return b.is_same(t); });
            };
            model->freezeBody();
            std::size_t frozen = 0;
            for (const auto &item : named) {
                const bool shouldLearn = isHead(item.key()) || inBatchNorm(item.value());
                EXPECT_EQ(item.value().requires_grad(), shouldLearn) << item.key();
                frozen += !shouldLearn;
            }
            EXPECT_GT(frozen, 0u);
            model->unfreeze();
            for (const auto &item : named)
                EXPECT_TRUE(item.value().requires_grad()) << item.key();
        }
    }
}

TEST(Zoo, EveryArchitectureTrainsAndEmbedsAtSmallSizes)
{
    // One training step in each (stochastic depth and dropout on), then eval shapes.
    for (const std::string &name : architectureNames()) {
        SCOPED_TRACE(name);
        ModelSpec spec;
        ASSERT_TRUE(parseArchitecture(name, spec.arch));
        spec.numClasses = 3;
        auto model = makeClassifier(spec);
        torch::manual_seed(0);
        const auto x = torch::randn({4, 3, 32, 32});
        model->train();
        auto loss = torch::nn::functional::cross_entropy(model->forward(x), torch::tensor({0, 1, 2, 0}));
        loss.backward();
        EXPECT_TRUE(std::isfinite(loss.item<double>()));
        for (const auto &p : model->parameters())
            EXPECT_TRUE(p.grad().defined());
        model->eval();
        torch::NoGradGuard guard;
        EXPECT_EQ(model->forward(x).sizes(), (std::vector<int64_t>{4, 3}));
        EXPECT_EQ(model->embed(x).sizes(), (std::vector<int64_t>{4, 512}));
    }
}

TEST(Zoo, StochasticDepthDropsWholeResidualBranchesInTrainingOnly)
{
    InvertedResidualImpl::Config c{8, 16, 8, 3, 1, 4, ActivationKind::SiLU, ActivationKind::SiLU, ActivationKind::Sigmoid, 0.5};
    InvertedResidual block(c, NormOptions{});
    torch::NoGradGuard guard;
    torch::manual_seed(0);
    const auto x = torch::randn({64, 8, 4, 4});
    block->eval();
    const auto branch = block->block->forward(x);
    EXPECT_TRUE(torch::allclose(block->forward(x), branch + x));
    block->train();
    const auto branchTrain = block->block->forward(x); // BatchNorm on batch statistics now
    const auto y = block->forward(x) - x;
    // Each image's branch is either dropped (0) or kept and scaled by 1 / (1 - p) = 2.
    int dropped = 0;
    for (int i = 0; i < 64; ++i) {
        const bool zero = y[i].abs().max().item<double>() < 1e-6;
        if (zero)
            ++dropped;
        else
            EXPECT_TRUE(torch::allclose(y[i], 2 * branchTrain[i], 1e-4, 1e-5)) << i;
    }
    EXPECT_GT(dropped, 15);
    EXPECT_LT(dropped, 49);
}
