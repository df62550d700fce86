// Prediction benchmark (issue 8): single-image latency of resnet18 at 224 px on the CPU, warm
// (decode, resize, normalise, forward, softmax), beside PyTorch for Python doing the same on the
// same images (tests/bench/predict_torch.py, torchvision's resnet18); then folder throughput
// with batching.
//
// usage: bench_predict [THREADS] [IMAGES]

#include "analysis/predictor.h"
#include "export/modelbundle.h"
#include "models/models.h"
#include "testfiles.h"
#include "train/runfiles.h"

#include <QCoreApplication>
#include <QProcess>

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

using namespace kiln;
namespace fs = std::filesystem;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int threads = argc > 1 ? std::atoi(argv[1]) : 2;
    const int count = argc > 2 ? std::atoi(argv[2]) : 200;
    test::TempDir dir;
    for (int i = 0; i < count; ++i)
        test::writeImage(dir / "images" / ("img" + std::to_string(i) + ".png"), 320, 256, 3, 8, i);

    ModelSpec spec;
    spec.arch = Architecture::ResNet18;
    spec.head = HeadKind::Linear;
    spec.inChannels = 3;
    spec.numClasses = 10;
    {
        torch::manual_seed(0);
        auto model = makeClassifier(spec);
        TensorMap t;
        for (const auto &p : model->named_parameters())
            t["model." + p.key()] = p.value().detach();
        for (const auto &b : model->named_buffers())
            t["model." + b.key()] = b.value().detach();
        if (!writeTensorMap(dir / "resnet18.pt", t))
            return 1;
    }
    PipelineConfig input;
    input.size = 224;
    input.channels = 3; // ImageNet normalisation (the defaults)

    auto predictor = Predictor::load(spec, input, dir / "resnet18.pt", threads);
    if (!predictor) {
        std::fprintf(stderr, "%s\n", predictor.message().c_str());
        return 1;
    }
    std::vector<double> ms;
    for (int i = 0; i < 60; ++i) {
        const auto start = std::chrono::steady_clock::now();
        auto p = (*predictor)->probabilities(dir / "images" / ("img" + std::to_string(i % count) + ".png"));
        if (!p)
            return 1;
        if (i >= 10) // warm-up
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    const double kiln = ms[ms.size() / 2];
    std::printf("resnet18, 224 px, %d threads, one image at a time (decode + resize + normalise + forward + softmax)\n", threads);
    std::printf("kiln     median %.1f ms\n", kiln);

    QProcess py;
    py.start("/usr/bin/python3", {QString::fromUtf8(BENCH_DIR) + "/predict_torch.py", QString::fromStdString((dir / "images").string()),
                                  QString::number(threads)});
    py.waitForFinished(600000);
    const QString out = QString::fromUtf8(py.readAllStandardOutput()).trimmed();
    if (py.exitCode() != 0 || out.isEmpty()) {
        std::printf("pytorch  (not run: %s)\n", QString::fromUtf8(py.readAllStandardError()).trimmed().toStdString().c_str());
    } else {
        const double torchMs = out.toDouble();
        std::printf("pytorch  median %.1f ms\nratio    %.2fx (kiln / pytorch; the target is <= 1.0)\n", torchMs, kiln / torchMs);
    }

    ModelBundle bundle;
    bundle.file = dir / "resnet18.pt";
    bundle.spec = spec;
    bundle.input = input;
    for (int c = 0; c < 10; ++c)
        bundle.classes.push_back("class" + std::to_string(c));
    const auto start = std::chrono::steady_clock::now();
    auto all = predictImages(bundle, {dir / "images"}, 5, threads);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!all)
        return 1;
    std::printf("folder   %zu images in %.1f s: %.1f images/s (batched, model load included)\n", all->size(), seconds,
                double(all->size()) / seconds);
    return 0;
}
