// Data-issue benchmark (issue 18): does confident learning find flipped labels, and do the
// duplicate groups find planted near copies?
//
// Labels: N training images per class of Fashion-MNIST copied from the demo project into a fresh
// project, 10 % of the labels flipped through the edit journal (the truth recorded), in two kinds:
// symmetric (any other class) and asymmetric (to the class each class is most confused with, read
// from the confusion matrix of a model trained on the clean images). For each kind a simple_cnn is
// trained on the noisy labels, then: in-sample top losses (that model's own losses), fast mode,
// thorough mode, and out-of-sample top losses at the same count as the flagged set; precision and
// recall against the truth, and the time of each mode.
//
// Duplicates: the clean project plus P planted near copies (resized, re-encoded as JPEG, cropped a
// pixel or two, brightness shifted), half of them under another class; a model trained on it, then
// the share of planted pairs that land in one group and the share of grouped pairs that are not
// planted, at several similarity thresholds.
//
// usage: bench_dataissues DEMO_PROJECT [--per-class 1000] [--epochs 5] [--noise 0.1] [--threads 2]
//        [--kinds symmetric,asymmetric] [--modes fast,thorough] [--copies 200] [--work DIR]

#include "analysis/dataissues.h"
#include "analysis/picturematch.h"
#include "data/datasetindex.h"
#include "data/editjournal.h"
#include "data/project.h"
#include "train/trainer.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <string>

namespace fs = std::filesystem;
using namespace kiln;

namespace {

double secondsSince(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

struct Setup {
    fs::path demo, work;
    int perClass = 1000, epochs = 5, threads = 2, copies = 200;
    double noise = 0.1;
};

// A fresh project with the first N training images of each demo class.
bool makeProject(const Setup &s, const fs::path &dir)
{
    auto demoIndex = DatasetIndex::scan(s.demo / "images");
    if (!demoIndex || demoIndex->size() == 0) {
        std::fprintf(stderr, "no demo dataset in %s (run kiln-cli demo first)\n", s.demo.c_str());
        return false;
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    if (!Project::create(dir, dir.filename().string()))
        return false;
    std::map<int, int> taken;
    for (std::size_t i = 0; i < demoIndex->size(); ++i) {
        const Sample &smp = demoIndex->samples()[i];
        if (smp.relPath.starts_with("test/") || taken[smp.label]++ >= s.perClass)
            continue;
        const fs::path to = dir / "images" / demoIndex->classes()[std::size_t(smp.label)] / fs::path(smp.relPath).filename();
        fs::create_directories(to.parent_path(), ec);
        fs::copy_file(demoIndex->absolutePath(i), to, ec);
    }
    return true;
}

Result<TrainSummary> train(const Setup &s, const fs::path &project, const std::string &name)
{
    TrainConfig config = suggestFor(project);
    config.epochs = s.epochs;
    config.lr = 3e-3;
    config.threads = s.threads;
    config.maxRotate = 0;
    config.maxWarp = 0;
    return runTraining(project, config, project / "runs" / name, {});
}

struct Score {
    std::size_t flagged = 0, hits = 0;
    double precision() const { return flagged ? double(hits) / double(flagged) : 0; }
    double recall(std::size_t truth) const { return truth ? double(hits) / double(truth) : 0; }
};

Score score(const std::vector<std::size_t> &flagged, const Predictions &p, const std::set<std::string> &truth)
{
    Score sc;
    sc.flagged = flagged.size();
    for (std::size_t i : flagged)
        sc.hits += truth.count(p.files[i].string());
    return sc;
}

// The k images with the largest -log p(given) under `probs` (row per image).
std::vector<std::size_t> topLossesOf(const ProbabilityMatrix &probs, const std::vector<int> &labels, std::size_t k)
{
    std::vector<float> loss(probs.rows, NAN);
    for (std::size_t i = 0; i < probs.rows; ++i)
        if (labels[i] >= 0)
            loss[i] = -std::log(std::max(probs.at(i, labels[i]), 1e-30f));
    return topLosses(loss, k);
}

int labelBenchmark(const Setup &s, const std::string &kind, const std::vector<DataIssueMode> &modes,
                   const std::map<int, int> &mostConfused)
{
    const fs::path project = s.work / ("labels-" + kind);
    if (!makeProject(s, project))
        return 1;
    auto index = DatasetIndex::scan(project / "images");
    const auto &classes = index->classes();
    const std::size_t n = index->size();
    std::mt19937_64 rng(kind == "symmetric" ? 1234 : 4321);
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i)
        order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    const std::size_t flips = std::size_t(s.noise * double(n) + 0.5);
    std::vector<EditRequest> requests;
    for (std::size_t k = 0; k < flips; ++k) {
        const Sample &smp = index->samples()[order[k]];
        int to = 0;
        if (kind == "symmetric") {
            to = int(rng() % (classes.size() - 1));
            if (to >= smp.label)
                ++to;
        } else {
            to = mostConfused.at(smp.label);
        }
        requests.push_back({EditKind::Relabel, smp.relPath, classes[std::size_t(to)], "data-issue benchmark"});
    }
    auto journal = EditJournal::open(project);
    auto flipped = journal->apply(requests);
    if (!flipped || !flipped->failures.empty()) {
        std::fprintf(stderr, "flipping failed\n");
        return 1;
    }
    std::set<std::string> truth;
    for (const auto &m : flipped->moves)
        truth.insert(fs::absolute(m.to).lexically_normal().string());
    const auto t0 = std::chrono::steady_clock::now();
    auto trained = train(s, project, "noisy");
    if (!trained) {
        std::fprintf(stderr, "%s\n", trained.message().c_str());
        return 1;
    }
    std::printf("\n%s noise: %zu images, %zu labels flipped; simple_cnn trained %d epochs in %.0f s (valid accuracy %.4f "
                "against the noisy labels)\n",
                kind.c_str(), n, truth.size(), s.epochs, secondsSince(t0), trained->epochs.back().accuracy);
    std::printf("  %-34s %8s %8s %9s %7s\n", "method", "flagged", "found", "precision", "recall");
    auto row = [&](const std::string &name, const Score &sc) {
        std::printf("  %-34s %8zu %8zu %9.3f %7.3f\n", name.c_str(), sc.flagged, sc.hits, sc.precision(), sc.recall(truth.size()));
    };
    for (DataIssueMode mode : modes) {
        DataIssueOptions options;
        options.mode = mode;
        options.threads = s.threads;
        options.useCache = false;
        const auto t1 = std::chrono::steady_clock::now();
        auto issues = findDataIssues(project / "runs" / "noisy", options);
        const double seconds = secondsSince(t1);
        if (!issues) {
            std::fprintf(stderr, "%s\n", issues.message().c_str());
            return 1;
        }
        const Predictions &p = issues->predictions.predictions;
        std::vector<std::size_t> flaggedRows;
        for (const auto &issue : issues->labelIssues.issues)
            flaggedRows.push_back(issue.index);
        const std::size_t k = flaggedRows.size();
        const std::string m = dataIssueModeName(mode);
        row("confident learning, " + m + " (" + std::to_string(int(std::lround(seconds))) + " s)", score(flaggedRows, p, truth));
        row("out-of-sample top losses, " + m, score(topLossesOf(issues->outOfSample, p.labels, k), p, truth));
        row("in-sample top losses", score(issues->predictions.topLosses(k, AnalysisScope::Both), p, truth));
        std::printf("  %s mode: %.1f s on %d threads; estimated label errors %zu (true %zu)\n", m.c_str(), seconds, s.threads,
                    issues->labelIssues.estimatedTotal(), truth.size());
    }
    return 0;
}

// Each class's most confused other class, from a model trained on the clean images.
std::map<int, int> mostConfusedOf(const Setup &s)
{
    std::map<int, int> out;
    const fs::path project = s.work / "clean";
    auto run = readRunInfo(project / "runs" / "clean");
    auto preds = run ? predictRun(run.value(), AnalysisScope::Valid) : Result<RunPredictions>(run.error());
    if (!preds)
        return out;
    const Interpretation in = preds->interpretation(AnalysisScope::Valid);
    for (int a = 0; a < in.classCount(); ++a) {
        int best = a == 0 ? 1 : 0;
        for (int b = 0; b < in.classCount(); ++b)
            if (b != a && in.count(a, b) > in.count(a, best))
                best = b;
        out[a] = best;
    }
    return out;
}

int duplicateBenchmark(const Setup &s)
{
    const fs::path project = s.work / "duplicates";
    if (!makeProject(s, project))
        return 1;
    auto index = DatasetIndex::scan(project / "images");
    const auto &classes = index->classes();
    std::mt19937_64 rng(99);
    std::vector<std::size_t> order(index->size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<std::pair<std::string, std::string>> planted; // (original, copy), absolute
    for (int c = 0; c < s.copies && std::size_t(c) < order.size(); ++c) {
        const fs::path from = index->absolutePath(order[std::size_t(c)]);
        cv::Mat img = cv::imread(from.string(), cv::IMREAD_GRAYSCALE);
        const int crop = 1 + c % 2;
        cv::Mat cropped = img(cv::Rect(crop, crop, img.cols - 2 * crop, img.rows - 2 * crop)).clone();
        cv::Mat resized;
        cv::resize(cropped, resized, cv::Size(img.cols + 4, img.rows + 4), 0, 0, cv::INTER_AREA);
        resized.convertTo(resized, -1, 1.0, (c % 3 == 0 ? 15.0 : -12.0));
        int label = index->samples()[order[std::size_t(c)]].label;
        if (c % 2 == 1)
            label = (label + 1 + int(rng() % (classes.size() - 1))) % int(classes.size());
        const fs::path to = project / "images" / classes[std::size_t(label)] / ("planted-" + std::to_string(c) + ".jpg");
        cv::imwrite(to.string(), resized, {cv::IMWRITE_JPEG_QUALITY, 85});
        planted.emplace_back(fs::absolute(from).lexically_normal().string(), fs::absolute(to).lexically_normal().string());
    }
    const auto t0 = std::chrono::steady_clock::now();
    auto trained = train(s, project, "dups");
    if (!trained) {
        std::fprintf(stderr, "%s\n", trained.message().c_str());
        return 1;
    }
    DataIssueOptions options;
    options.threads = s.threads;
    options.useCache = false;
    const auto t1 = std::chrono::steady_clock::now();
    auto issues = findDataIssues(project / "runs" / "dups", options);
    if (!issues) {
        std::fprintf(stderr, "%s\n", issues.message().c_str());
        return 1;
    }
    std::printf("\nduplicates: %zu images with %zu planted near copies (half under another class); trained in %.0f s, "
                "search %.1f s\n",
                issues->predictions.predictions.size(), planted.size(), secondsSince(t0) - secondsSince(t1), secondsSince(t1));
    std::printf("  %-10s %7s %9s %9s %11s %12s\n", "similarity", "groups", "pairs", "found", "false pairs", "mixed found");
    const auto &files = issues->predictions.predictions.files;
    std::map<std::string, std::size_t> rowOf;
    for (std::size_t i = 0; i < files.size(); ++i)
        rowOf[files[i].string()] = i;
    // What joins the planted pairs and what joins the rest: the hash, and the embedding cosine.
    {
        std::set<std::pair<std::size_t, std::size_t>> plantedRows;
        for (const auto &[a, b] : planted)
            if (rowOf.count(a) && rowOf.count(b))
                plantedRows.insert(std::minmax(rowOf[a], rowOf[b]));
        std::vector<float> plantedSim, otherSim;
        std::size_t plantedHash = 0, otherHash = 0, plantedSeen = 0;
        for (const auto &p : issues->pairs) {
            const bool isPlanted = plantedRows.count({p.a, p.b}) > 0;
            (isPlanted ? plantedHash : otherHash) += p.samePicture || p.sameBytes;
            if (isPlanted) {
                ++plantedSeen;
                plantedSim.push_back(p.similarity);
            } else if (p.similarity > 0) {
                otherSim.push_back(p.similarity);
            }
        }
        {
            auto describe = [&](std::size_t row) {
                return describePicture(cv::imread(files[row].string(), cv::IMREAD_GRAYSCALE));
            };
            std::vector<float> cp, co;
            for (const auto &[a, b] : plantedRows)
                cp.push_back(float(alignedCorrelation(describe(a), describe(b))));
            for (const auto &p : issues->pairs)
                if (p.samePicture && !plantedRows.count({p.a, p.b}) && co.size() < 3000)
                    co.push_back(float(alignedCorrelation(describe(p.a), describe(p.b))));
            std::sort(cp.begin(), cp.end());
            std::sort(co.begin(), co.end());
            auto at = [](const std::vector<float> &v, double q) { return v.empty() ? 0.0 : double(v[std::size_t(q * double(v.size() - 1))]); };
            std::printf("  aligned correlation, planted 5/10/50/90: %.4f %.4f %.4f %.4f; other same-picture pairs 50/90/99/max: %.4f %.4f %.4f %.4f\n",
                        at(cp, 0.05), at(cp, 0.1), at(cp, 0.5), at(cp, 0.9), at(co, 0.5), at(co, 0.9), at(co, 0.99), at(co, 1.0));
        }
        auto quantile = [](std::vector<float> v, double q) {
            if (v.empty())
                return 0.0f;
            std::sort(v.begin(), v.end());
            return v[std::size_t(q * double(v.size() - 1))];
        };
        std::printf("  planted pairs among the candidates: %zu of %zu (same picture %zu); their cosine 10/50/90 %%: %.4f %.4f %.4f\n",
                    plantedSeen, plantedRows.size(), plantedHash, double(quantile(plantedSim, 0.1)), double(quantile(plantedSim, 0.5)),
                    double(quantile(plantedSim, 0.9)));
        std::printf("  other candidate pairs: same picture %zu; cosine >= 0.95 %zu, >= 0.98 %zu, >= 0.99 %zu; 99th percentile %.4f\n",
                    otherHash, std::size_t(std::count_if(otherSim.begin(), otherSim.end(), [](float x) { return x >= 0.95f; })),
                    std::size_t(std::count_if(otherSim.begin(), otherSim.end(), [](float x) { return x >= 0.98f; })),
                    std::size_t(std::count_if(otherSim.begin(), otherSim.end(), [](float x) { return x >= 0.99f; })),
                    double(quantile(otherSim, 0.99)));
    }
    for (float sim : {0.95f, 0.97f, 0.98f, 0.99f, 0.995f, 1.0f}) {
        const auto groups = issues->duplicateGroups(sim);
        std::vector<int> groupOf(files.size(), -1);
        std::size_t pairs = 0;
        for (std::size_t g = 0; g < groups.size(); ++g) {
            for (std::size_t m : groups[g].members)
                groupOf[m] = int(g);
            pairs += groups[g].members.size() * (groups[g].members.size() - 1) / 2;
        }
        std::size_t found = 0, mixedFound = 0;
        for (std::size_t c = 0; c < planted.size(); ++c) {
            const auto a = rowOf.find(planted[c].first), b = rowOf.find(planted[c].second);
            if (a == rowOf.end() || b == rowOf.end() || groupOf[a->second] < 0 || groupOf[a->second] != groupOf[b->second])
                continue;
            ++found;
            mixedFound += c % 2 == 1 && groups[std::size_t(groupOf[a->second])].mixedLabels;
        }
        const std::size_t falsePairs = pairs - std::min(pairs, found);
        std::printf("  %-10.3f %7zu %9zu %8.1f%% %10.2f%% %11zu/%zu\n", double(sim), groups.size(), pairs,
                    100.0 * double(found) / double(planted.size()), pairs ? 100.0 * double(falsePairs) / double(pairs) : 0.0,
                    mixedFound, planted.size() / 2);
    }
    return 0;
}

// Whether the comma-separated `list` names `item`.
bool wanted(const std::string &list, const std::string &item)
{
    return ("," + list + ",").find("," + item + ",") != std::string::npos;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_dataissues DEMO_PROJECT [--per-class N] [--epochs E] [--noise F] [--threads T] "
                             "[--kinds symmetric,asymmetric] [--modes fast,thorough] [--copies P] [--work DIR]\n");
        return 2;
    }
    Setup s;
    s.demo = argv[1];
    s.work = fs::temp_directory_path() / "kiln-bench-dataissues";
    std::string kinds = "symmetric,asymmetric", modeList = "fast,thorough";
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--per-class") s.perClass = std::atoi(v.c_str());
        else if (k == "--epochs") s.epochs = std::atoi(v.c_str());
        else if (k == "--noise") s.noise = std::atof(v.c_str());
        else if (k == "--threads") s.threads = std::atoi(v.c_str());
        else if (k == "--kinds") kinds = v;
        else if (k == "--modes") modeList = v;
        else if (k == "--copies") s.copies = std::atoi(v.c_str());
        else if (k == "--work") s.work = v;
    }
    std::vector<DataIssueMode> modes;
    for (const char *m : {"fast", "thorough"})
        if (wanted(modeList, m))
            modes.push_back(std::string(m) == "fast" ? DataIssueMode::Fast : DataIssueMode::Thorough);
    std::error_code ec;
    fs::create_directories(s.work, ec);
    std::map<int, int> confused;
    if (wanted(kinds, "asymmetric")) {
        if (!makeProject(s, s.work / "clean") || !train(s, s.work / "clean", "clean"))
            return 1;
        confused = mostConfusedOf(s);
        std::printf("most confused class of each class (clean model):");
        for (const auto &[a, b] : confused)
            std::printf(" %d->%d", a, b);
        std::printf("\n");
    }
    for (const std::string kind : {"symmetric", "asymmetric"})
        if (wanted(kinds, kind))
            if (int rc = labelBenchmark(s, kind, modes, confused); rc != 0)
                return rc;
    if (s.copies > 0)
        if (int rc = duplicateBenchmark(s); rc != 0)
            return rc;
    fs::remove_all(s.work, ec);
    return 0;
}
