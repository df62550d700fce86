// Benchmark: training and inference throughput of one zoo architecture in Kiln (LibTorch C++ with
// the learner's process setup, optimizer and memory layout). Run on demand through
// tests/bench/run-zoo.py, which runs torch_zoo.py (torchvision's same model in PyTorch for Python)
// alternately with it and prints the medians side by side. Usage:
//   bench_zoo ARCH [--size 224] [--bs 16] [--threads 2] [--warmup 2] [--train-steps 3]
//             [--infer-steps 5] [--layout auto|contiguous|channels-last] [--channels 3]
//             [--precision fp32|bf16|fp16|auto] [--device cpu|cuda]
// Precision as the learner runs it: the forward pass under autocast, logits and loss in fp32, fp16
// with dynamic loss scaling; auto resolves as a run would (precision.h).
// Prints "RESULT <arch> train <images/s> infer <images/s> channels_last <0|1> gflop <forward GFLOP
// per image> precision <resolved>".
#include "export/inferencegraph.h"
#include "train/autocast.h"
#include "train/lossscaler.h"
#include "models/models.h"
#include "train/learner.h"
#include "train/optimizer.h"

#include <torch/cuda.h>
#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <string>

using namespace kiln;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: see the comment at the top of bench_zoo.cpp\n");
        return 2;
    }
    std::map<std::string, std::string> o;
    for (int i = 2; i + 1 < argc; i += 2)
        o[argv[i]] = argv[i + 1];
    auto intOption = [&](const char *key, int def) { return o.count(key) ? std::stoi(o[key]) : def; };
    const int size = intOption("--size", 224), bs = intOption("--bs", 16), threads = intOption("--threads", 2);
    const int warmup = intOption("--warmup", 2), trainSteps = intOption("--train-steps", 3), inferSteps = intOption("--infer-steps", 5);
    ModelSpec spec;
    if (!parseArchitecture(argv[1], spec.arch)) {
        std::fprintf(stderr, "unknown architecture %s\n", argv[1]);
        return 2;
    }
    spec.head = HeadKind::Linear; // torchvision's model, classifier and all
    spec.numClasses = 10;
    spec.inChannels = intOption("--channels", 3);
    const std::string device = o.count("--device") ? o["--device"] : "cpu";
    const bool cuda = device == "cuda";
    if (cuda && !torch::cuda::is_available()) {
        std::fprintf(stderr, "--device cuda: LibTorch sees no CUDA device\n");
        return 2;
    }
    Precision precision = Precision::Fp32;
    if (o.count("--precision") && !parsePrecision(o["--precision"], precision)) {
        std::fprintf(stderr, "unknown precision %s\n", o["--precision"].c_str());
        return 2;
    }
    precision = resolvePrecision(precision, spec.arch, cuda);
    const torch::Device where = cuda ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    auto sync = [&] {
        if (cuda)
            torch::cuda::synchronize();
    };    const std::string layout = o.count("--layout") ? o["--layout"] : "auto";
    const bool useChannelsLastLayout = layout == "auto" ? prefersChannelsLast(spec.arch, cuda) : layout == "channels-last";

    // The learner's process setup: threads and allocator (configureDevice), as a training run has it.
    TrainConfig config;
    config.threads = threads;
    config.device = device;
    configureDevice(config);

    torch::manual_seed(0);
    auto model = makeClassifier(spec);
    model->to(where);
    if (useChannelsLastLayout)
        useChannelsLast(*model);
    Optimizer optimizer(OptimizerKind::AdamW, *model, 0.01);
    optimizer.setLearningRates({1e-3});
    optimizer.setMomentum(0.9);
    auto x = torch::randn({bs, spec.inChannels, size, size}).to(where);
    if (useChannelsLastLayout)
        x = channelsLast(x);
    const auto y = torch::randint(0, spec.numClasses, {bs}).to(where);
    LossScaler scaler;
    auto forward = [&] {
        const AutocastScope autocast(precision, cuda);
        return model->forward(x).to(torch::kFloat);
    };

    model->train();
    auto step = [&] {
        optimizer.zeroGrad();
        auto loss = torch::nn::functional::cross_entropy(forward(), y);
        if (precision == Precision::Fp16) {
            scaler.scale(loss).backward();
            if (scaler.unscale(model->parameters()))
                optimizer.step();
        } else {
            loss.backward();
            optimizer.step();
        }
    };
    for (int i = 0; i < warmup; ++i)
        step();
    sync();
    auto t0 = Clock::now();
    for (int i = 0; i < trainSteps; ++i)
        step();
    sync();
    const double train = double(trainSteps) * bs / seconds(t0);

    model->eval(); // as the predictor runs it
    double infer = 0;
    {
        torch::InferenceMode guard;
        for (int i = 0; i < warmup; ++i)
            forward();
        sync();
        t0 = Clock::now();
        for (int i = 0; i < inferSteps; ++i)
            forward();
        sync();
        infer = double(inferSteps) * bs / seconds(t0);
    }
    std::printf("RESULT %s train %.2f infer %.2f channels_last %d gflop %.3f precision %s\n", argv[1], train, infer,
                useChannelsLastLayout ? 1 : 0, forwardFlops(spec, size) / 1e9, precisionName(precision));
    return 0;
}
