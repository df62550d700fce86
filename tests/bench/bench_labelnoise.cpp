// Label-noise benchmark (issue 5): does ranking by loss find mislabelled images?
//
// Copies a Fashion-MNIST subset from the demo project into a fresh project, flips a share of the
// labels at random through the edit journal (the flipped files are recorded), trains simple_cnn,
// predicts every image (training and validation split), and reports how many of the flipped
// images are among the top 5% and top 10% losses. Then times interpreting the demo's 10,000
// validation (test) images with the trained model.
//
// usage: bench_labelnoise DEMO_PROJECT [--per-class N] [--epochs E] [--noise F] [--threads T] [--work DIR]

#include "analysis/runanalysis.h"
#include "data/datasetindex.h"
#include "data/editjournal.h"
#include "data/project.h"
#include "train/trainer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>

namespace fs = std::filesystem;
using namespace kiln;

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_labelnoise DEMO_PROJECT [--per-class N] [--epochs E] [--noise F] [--threads T] [--work DIR]\n");
        return 2;
    }
    const fs::path demo = argv[1];
    int perClass = 1000, epochs = 5, threads = int(std::thread::hardware_concurrency());
    double noise = 0.05;
    fs::path work = fs::temp_directory_path() / "kiln-bench-labelnoise";
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--per-class") perClass = std::atoi(v.c_str());
        else if (k == "--epochs") epochs = std::atoi(v.c_str());
        else if (k == "--noise") noise = std::atof(v.c_str());
        else if (k == "--threads") threads = std::atoi(v.c_str());
        else if (k == "--work") work = v;
    }
    auto demoIndex = DatasetIndex::scan(demo / "images");
    if (!demoIndex || demoIndex->size() == 0) {
        std::fprintf(stderr, "no demo dataset in %s (run kiln-cli demo first)\n", demo.c_str());
        return 1;
    }
    std::error_code ec;
    fs::remove_all(work, ec);
    auto project = Project::create(work, "label-noise");
    if (!project) {
        std::fprintf(stderr, "%s\n", project.message().c_str());
        return 1;
    }
    // The first N training images of each class, in one folder per class (random 20% validation).
    std::map<int, int> taken;
    std::vector<fs::path> testFiles;
    std::vector<int> testLabels;
    for (std::size_t i = 0; i < demoIndex->size(); ++i) {
        const Sample &s = demoIndex->samples()[i];
        if (s.relPath.starts_with("test/")) {
            testFiles.push_back(demoIndex->absolutePath(i));
            testLabels.push_back(s.label);
            continue;
        }
        if (taken[s.label]++ >= perClass)
            continue;
        const fs::path to = work / "images" / demoIndex->classes()[std::size_t(s.label)] / fs::path(s.relPath).filename();
        fs::create_directories(to.parent_path(), ec);
        fs::copy_file(demoIndex->absolutePath(i), to, ec);
    }
    auto index = DatasetIndex::scan(work / "images", {project->validPct, project->seed});
    const auto &classes = index->classes();
    const std::size_t n = index->size();

    // Flip a random share of the labels to another class, recording where each flipped file lands.
    std::mt19937_64 rng(1234);
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i)
        order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    const std::size_t flips = std::size_t(noise * double(n) + 0.5);
    std::vector<EditRequest> requests;
    for (std::size_t k = 0; k < flips; ++k) {
        const Sample &s = index->samples()[order[k]];
        int to = int(rng() % (classes.size() - 1));
        if (to >= s.label)
            ++to;
        requests.push_back({EditKind::Relabel, s.relPath, classes[std::size_t(to)], "label-noise benchmark"});
    }
    auto journal = EditJournal::open(work);
    auto flipped = journal->apply(requests);
    if (!flipped || !flipped->failures.empty()) {
        std::fprintf(stderr, "flipping failed\n");
        return 1;
    }
    std::set<std::string> noisy;
    for (const auto &m : flipped->moves)
        noisy.insert(fs::absolute(m.to).lexically_normal().string());
    std::printf("dataset: %zu images, %zu classes, %zu labels flipped (%.1f%%)\n", n, classes.size(), noisy.size(),
                100.0 * double(noisy.size()) / double(n));

    TrainConfig config;
    config.epochs = epochs;
    config.batchSize = 64;
    config.lr = 3e-3;
    config.threads = threads;
    config.maxRotate = 0;
    config.maxWarp = 0;
    config.flipP = 0.5;
    const auto t0 = std::chrono::steady_clock::now();
    auto trained = runTraining(work, config, work / "runs" / "noisy", {});
    if (!trained) {
        std::fprintf(stderr, "%s\n", trained.message().c_str());
        return 1;
    }
    const double trainSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("trained simple_cnn %d epochs in %.0f s: valid accuracy %.4f (against the noisy labels)\n", epochs,
                trainSeconds, trained->epochs.back().accuracy);

    auto run = readRunInfo(work / "runs" / "noisy");
    PredictOptions options;
    options.threads = threads;
    auto preds = predictRun(run.value(), AnalysisScope::Both, options, nullptr, false);
    if (!preds) {
        std::fprintf(stderr, "%s\n", preds.message().c_str());
        return 1;
    }
    const auto &p = preds->predictions;
    const auto ranked = preds->topLosses(p.size(), AnalysisScope::Both);
    auto report = [&](const char *name, AnalysisScope scope) {
        std::vector<std::size_t> inScope;
        std::size_t noisyInScope = 0;
        for (auto i : ranked)
            if (preds->counts(i, scope)) {
                inScope.push_back(i);
                noisyInScope += noisy.count(p.files[i].string());
            }
        for (double share : {0.05, 0.10}) {
            const std::size_t k = std::size_t(share * double(inScope.size()) + 0.5);
            std::size_t hits = 0;
            for (std::size_t r = 0; r < k; ++r)
                hits += noisy.count(p.files[inScope[r]].string());
            std::printf("  %-6s top %2.0f%% losses (%5zu images): %4zu of %4zu flipped found = %5.1f%% recall, %5.1f%% precision\n",
                        name, share * 100, k, hits, noisyInScope, 100.0 * double(hits) / double(std::max<std::size_t>(noisyInScope, 1)),
                        100.0 * double(hits) / double(std::max<std::size_t>(k, 1)));
        }
    };
    std::printf("flipped labels among the largest losses:\n");
    report("both", AnalysisScope::Both);
    report("train", AnalysisScope::Train);
    report("valid", AnalysisScope::Valid);

    // Interpreting 10,000 validation images: the demo's test split through the trained model.
    std::vector<int> mapped;
    for (int l : testLabels) {
        const auto &name = demoIndex->classes()[std::size_t(l)];
        mapped.push_back(int(std::find(run->classes.begin(), run->classes.end(), name) - run->classes.begin()));
    }
    const auto t1 = std::chrono::steady_clock::now();
    auto timed = predictFiles(run->spec, run->input, run->checkpoint, run->classes, testFiles, mapped, options);
    const double predictSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    if (!timed) {
        std::fprintf(stderr, "%s\n", timed.message().c_str());
        return 1;
    }
    const auto t2 = std::chrono::steady_clock::now();
    const Interpretation in(timed->classes, timed->labels, timed->predicted);
    const auto confused = in.mostConfused(1);
    const auto top = topLosses(timed->losses, 100);
    const double statsSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t2).count();
    std::printf("interpret %zu validation images on %d threads: predictions + embeddings %.2f s, matrix/metrics/top losses %.3f s "
                "(accuracy %.4f, %zu confused pairs, top loss %.2f)\n",
                timed->size(), threads, predictSeconds, statsSeconds, in.accuracy(), confused.size(),
                top.empty() ? 0.0 : double(timed->losses[top[0]]));
    fs::remove_all(work, ec);
    return 0;
}
