// Benchmark: the first job a person runs (issue 15). Two classes of 150 photos each at 224 px, the
// setup Kiln suggests for photos (an ImageNet-pretrained model, fine_tune: 1 frozen epoch + 3),
// with the weights already in torch.hub's cache, from Start to a finished run. Prints the time and
// the validation accuracy. The "ImageNet" weights here are torchvision's file format with its
// default random initialisation (this machine cannot download the real ones), so the time is the
// real one and the accuracy says only that the run learned the two kinds of picture apart.
//   bench_firstjob [ARCH] [--threads 2] [--per-class 150]
#include "testfiles.h"

#include "data/datasetindex.h"
#include "models/weights.h"
#include "train/trainer.h"
#include "train/trainsettings.h"

#include <QCryptographicHash>
#include <QFile>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace kiln;
namespace fs = std::filesystem;

int main(int argc, char **argv)
{
    std::string arch = "";
    int threads = 2, perClass = 150;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--threads" && i + 1 < argc)
            threads = std::atoi(argv[++i]);
        else if (a == "--per-class" && i + 1 < argc)
            perClass = std::atoi(argv[++i]);
        else
            arch = a;
    }
    test::TempDir dir;
    // Photos: structured pictures, two visually different kinds.
    for (int c = 0; c < 2; ++c)
        for (int i = 0; i < perClass; ++i) {
            auto bytes = test::structuredJpeg(c * 1000 + i, 90, 1.0 + 0.5 * c);
            test::writeBytes(dir / "photos" / (c ? "discs" : "gradients") / (std::to_string(i) + ".jpg"), bytes);
        }
    TrainConfig config = suggestFor(dir / "photos");
    if (!arch.empty() && !parseArchitecture(arch, config.arch)) {
        std::fprintf(stderr, "unknown architecture %s\n", arch.c_str());
        return 2;
    }
    config.threads = threads;
    // torchvision's file for that architecture, in a scratch torch.hub cache.
    const std::string name = architectureName(config.arch);
    const fs::path made = dir / "made.pth";
    const std::string cmd = "/usr/bin/python3 -c \"import sys, torch, torchvision; torch.manual_seed(0); "
                            "torch.save(getattr(torchvision.models, '" + name + "')().state_dict(), '" + made.string() + "')\"";
    if (std::system(cmd.c_str()) != 0) {
        std::fprintf(stderr, "cannot make torchvision's %s file (python3-torchvision)\n", name.c_str());
        return 1;
    }
    QFile f(QString::fromStdString(made.string()));
    f.open(QIODevice::ReadOnly);
    const std::string sha = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex().toStdString();
    const std::string file = name + "-" + sha.substr(0, 8) + ".pth";
    fs::create_directories(dir / "torch/hub/checkpoints");
    fs::copy_file(made, dir / "torch/hub/checkpoints" / file);
    test::writeText(dir / "catalog.json", "[{\"architecture\": \"" + name + "\", \"file\": \"" + file + "\", \"url\": \"http://127.0.0.1:9/" + file + "\"}]");
    ::setenv("TORCH_HOME", (dir / "torch").c_str(), 1);
    ::setenv("KILN_WEIGHTS_CATALOG", (dir / "catalog.json").c_str(), 1);

    std::printf("first job: %d photos (%d classes) of %d px, %s, %s from %s, %d+%d epochs, batch %d, %d threads\n", 2 * perClass, 2,
                224, name.c_str(), scheduleName(config.schedule), config.pretrained.c_str(), config.freezeEpochs, config.epochs,
                config.batchSize, threads);
    const auto t0 = std::chrono::steady_clock::now();
    auto run = runTraining(dir / "photos", config, dir / "photos/runs/first", {});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!run) {
        std::fprintf(stderr, "%s\n", run.message().c_str());
        return 1;
    }
    std::printf("RESULT firstjob %s %.1f s (from Start to a finished run), accuracy %.4f, lr %.2g\n", name.c_str(), seconds,
                run->epochs.back().accuracy, run->learningRate);
    for (const auto &e : run->epochs)
        std::printf("  epoch %d%s: %.1f s, %.0f images/s, valid_loss %.4f, accuracy %.4f\n", e.epoch,
                    e.phase.empty() ? "" : (" (" + e.phase + ")").c_str(), e.seconds, e.imagesPerSecond, e.validLoss, e.accuracy);
    return 0;
}
