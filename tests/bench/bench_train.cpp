// Benchmark: training throughput of Kiln's learner pieces beside PyTorch for Python (issue 3).
// Run on demand through tests/bench/run-train.sh, which runs torch_train.py with the same
// settings right after and prints the ratios. Usage:
//   bench_train memory  IDX_IMAGES IDX_LABELS [--bs 128] [--steps 60] [--threads 2]
//   bench_train folder  IMAGE_ROOT [--limit 10000] [--bs 128] [--threads 2]
//   bench_train resnet18 SIZE [--bs 32] [--steps 10] [--threads 2]
//   bench_train sgemm
// Each mode prints one line "RESULT <name> <images/s> [<GFLOP/s>]".
#include "data/batchloader.h"
#include "data/datasetindex.h"
#include "data/idximport.h"
#include "export/inferencegraph.h"
#include "models/models.h"
#include "train/autocast.h"
#include "train/learner.h"
#include "train/optimizer.h"

#include <torch/torch.h>


#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>

using namespace kiln;
using Clock = std::chrono::steady_clock;

namespace {

std::map<std::string, std::string> options(int argc, char **argv, int from)
{
    std::map<std::string, std::string> o;
    for (int i = from; i + 1 < argc; i += 2)
        o[argv[i]] = argv[i + 1];
    return o;
}

// The learner's process setup: threads and allocator (configureDevice), as a training run has it.
void setupLikeTheLearner(int threads)
{
    TrainConfig c;
    c.threads = threads;
    c.device = "cpu";
    configureDevice(c);
}

int intOption(const std::map<std::string, std::string> &o, const char *key, int def)
{
    auto it = o.find(key);
    return it == o.end() ? def : std::stoi(it->second);
}

double seconds(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

double sgemmFlops()
{
    auto a = torch::randn({2048, 2048}), b = torch::randn({2048, 2048});
    torch::mm(a, b);
    const auto t0 = Clock::now();
    const int n = 5;
    for (int i = 0; i < n; ++i)
        torch::mm(a, b);
    return 2.0 * 2048.0 * 2048.0 * 2048.0 * n / seconds(t0);
}

struct Stepper {
    std::shared_ptr<ClassifierImpl> model;
    std::unique_ptr<Optimizer> optimizer;
    bool channelsLastLayout;
    explicit Stepper(const ModelSpec &spec)
        : model(makeClassifier(spec))
        , optimizer(std::make_unique<Optimizer>(OptimizerKind::AdamW, *model, 0.01))
        , channelsLastLayout(prefersChannelsLast(spec.arch, false))
    {
        if (channelsLastLayout)
            useChannelsLast(*model); // as the learner does on the CPU
        model->train();
        optimizer->setLearningRates({1e-3});
        optimizer->setMomentum(0.9);
    }
    bool bf16 = std::getenv("KILN_BENCH_BF16") != nullptr;
    void step(const torch::Tensor &x, const torch::Tensor &y)
    {
        optimizer->zeroGrad();
        torch::Tensor logits;
        {
            const AutocastScope autocast(bf16 ? Precision::Bf16 : Precision::Fp32, false);
            logits = model->forward(channelsLastLayout ? channelsLast(x) : x).to(torch::kFloat);
        }
        auto loss = torch::nn::functional::cross_entropy(logits, y);
        loss.backward();
        optimizer->step();
    }
};

void report(const char *name, double imagesPerSecond, double flopsPerImage)
{
    const double achieved = imagesPerSecond * flopsPerImage;
    std::printf("RESULT %s %.1f %.2f\n", name, imagesPerSecond, achieved / 1e9);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: see the comment at the top of bench_train.cpp\n");
        return 2;
    }
    const std::string mode = argv[1];
    if (mode == "sgemm") {
        const auto o = options(argc, argv, 2);
        setupLikeTheLearner(intOption(o, "--threads", 2));
        std::printf("RESULT sgemm %.2f\n", sgemmFlops() / 1e9);
        return 0;
    }
    if (mode == "memory") {
        const auto o = options(argc, argv, 4);
        setupLikeTheLearner(intOption(o, "--threads", 2));
        const int bs = intOption(o, "--bs", 128), steps = intOption(o, "--steps", 60);
        auto images = readIdx(argv[2]);
        auto labels = readIdx(argv[3]);
        if (!images || !labels) {
            std::fprintf(stderr, "%s\n", (!images ? images.message() : labels.message()).c_str());
            return 1;
        }
        const long n = long(images->dims[0]);
        auto x = torch::from_blob(images->data.data(), {n, 1, 28, 28}, torch::kUInt8).to(torch::kFloat).div_(255).sub_(0.286).div_(0.353);
        auto y = torch::from_blob(labels->data.data(), {n}, torch::kUInt8).to(torch::kLong);
        ModelSpec spec;
        spec.inChannels = 1;
        spec.numClasses = 10;
        Stepper s(spec);
        torch::manual_seed(0);
        auto perm = torch::randperm(n);
        auto batchAt = [&](long i) {
            auto idx = perm.narrow(0, (i * bs) % (n - bs), bs);
            return std::make_pair(x.index_select(0, idx), y.index_select(0, idx));
        };
        for (int i = 0; i < 5; ++i) {
            auto [bx, by] = batchAt(i);
            s.step(bx, by);
        }
        const auto t0 = Clock::now();
        for (int i = 0; i < steps; ++i) {
            auto [bx, by] = batchAt(i + 5);
            s.step(bx, by);
        }
        report("simple_cnn_memory", double(steps) * bs / seconds(t0), 3 * forwardFlops(spec, 28));
        return 0;
    }
    if (mode == "folder") {
        const auto o = options(argc, argv, 3);
        const int threads = intOption(o, "--threads", 2);
        setupLikeTheLearner(threads);
        const int bs = intOption(o, "--bs", 128), limit = intOption(o, "--limit", 10000);
        auto index = DatasetIndex::scan(argv[2]);
        if (!index) {
            std::fprintf(stderr, "%s\n", index.message().c_str());
            return 1;
        }
        // The first `limit` training images in a fixed shuffled order (the same list torch_train.py uses:
        // every (size/limit)-th image of the sorted list).
        std::vector<std::filesystem::path> paths;
        std::vector<int> labels;
        const std::size_t step = std::max<std::size_t>(1, index->size() / std::size_t(limit));
        for (std::size_t i = 0; i < index->size() && paths.size() < std::size_t(limit); i += step) {
            paths.push_back(index->absolutePath(i));
            labels.push_back(index->samples()[i].label);
        }
        const auto t0 = Clock::now();
        auto store = std::make_shared<ImageStore>(paths);
        store->cacheIfFits(2ull << 30, 64, threads);
        std::vector<std::size_t> idx(paths.size());
        for (std::size_t i = 0; i < idx.size(); ++i)
            idx[i] = i;
        PipelineConfig pipeline;
        pipeline.size = 28;
        pipeline.channels = 1;
        pipeline.mean = {0.286f, 0.286f, 0.286f};
        pipeline.std = {0.353f, 0.353f, 0.353f};
        BatchLoader::Options lo;
        lo.batchSize = bs;
        lo.shuffle = true;
        lo.dropLast = true;
        lo.train = true;
        lo.workers = store->cached() ? 1 : threads;
        BatchLoader loader(store, idx, labels, pipeline, lo);
        ModelSpec spec;
        spec.inChannels = 1;
        spec.numClasses = int(index->classes().size());
        Stepper s(spec);
        loader.startEpoch(0);
        std::size_t images = 0;
        while (auto b = loader.next()) {
            s.step(b->images, b->labels);
            images += b->samples.size();
        }
        report("simple_cnn_folder", double(images) / seconds(t0), 3 * forwardFlops(spec, 28));
        return 0;
    }
    if (mode == "resnet18") {
        const int size = std::atoi(argv[2]);
        const auto o = options(argc, argv, 3);
        setupLikeTheLearner(intOption(o, "--threads", 2));
        const int bs = intOption(o, "--bs", 32), steps = intOption(o, "--steps", 10);
        ModelSpec spec;
        spec.arch = Architecture::ResNet18;
        spec.head = HeadKind::Linear;
        spec.numClasses = 10;
        Stepper s(spec);
        torch::manual_seed(0);
        auto x = torch::randn({bs, 3, size, size});
        auto y = torch::randint(0, 10, {bs});
        s.step(x, y);
        s.step(x, y);
        const auto t0 = Clock::now();
        for (int i = 0; i < steps; ++i)
            s.step(x, y);
        const std::string name = "resnet18_" + std::to_string(size);
        report(name.c_str(), double(steps) * bs / seconds(t0), 3 * forwardFlops(spec, size));
        return 0;
    }
    std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
    return 2;
}
