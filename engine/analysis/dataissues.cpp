#include "analysis/dataissues.h"

#include "analysis/dataissuesfile.h"
#include "analysis/embeddingissues.h"
#include "analysis/picturematch.h"
#include "core/enumnames.h"
#include "core/fileutil.h"
#include "core/hash.h"
#include "data/imageverifier.h"
#include "data/project.h"
#include "train/learner.h"
#include "train/run.h"

#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <thread>

namespace fs = std::filesystem;

namespace kiln {

namespace {

constexpr int kNeighbours = 10;
constexpr int kPictureNeighbours = 6;

std::string checkpointIdentity(const fs::path &checkpoint)
{
    std::error_code ec;
    const auto size = fs::file_size(checkpoint, ec);
    const auto stamp = fs::last_write_time(checkpoint, ec).time_since_epoch().count();
    return checkpoint.filename().string() + " " + std::to_string(size) + " " + std::to_string(stamp);
}

// Which files with which labels, relative to `base`: part of every key.
std::uint64_t filesHash(const std::vector<fs::path> &files, const std::vector<int> &labels, const fs::path &base)
{
    std::uint64_t h = kFnvOffset;
    for (std::size_t i = 0; i < files.size(); ++i)
        h = fnv1a(files[i].lexically_relative(base).generic_string() + '\t' + std::to_string(labels[i]) + '\n', h);
    return h;
}

// Calls fn(i) for i in [0, n) on the machine's cores; fn must not throw (each caller's fn catches).
template <class Fn>
void parallelFor(std::size_t n, int threads, Fn fn)
{
    const std::size_t t = std::max<std::size_t>(1, std::min<std::size_t>(n, std::size_t(threads > 0 ? threads : int(std::max(1u, std::thread::hardware_concurrency())))));
    std::vector<std::thread> pool;
    for (std::size_t w = 0; w < t; ++w)
        pool.emplace_back([&, w] {
            for (std::size_t i = w; i < n; i += t)
                fn(i);
        });
    for (auto &th : pool)
        th.join();
}

struct FilePrint {
    std::uint64_t bytesHash = 0;
    std::uintmax_t size = 0;
    PictureDescriptor picture;
};

Result<std::vector<FilePrint>> fingerprintFiles(const std::vector<fs::path> &files, int threads, Progress *progress)
{
    std::vector<FilePrint> out(files.size());
    addTotal(progress, files.size());
    parallelFor(files.size(), threads, [&](std::size_t i) {
        if (isCancelled(progress))
            return;
        try {
            auto bytes = readFileBytes(files[i], 512ull << 20);
            if (bytes) {
                out[i].size = bytes->size();
                out[i].bytesHash = fnv1a(std::string_view(reinterpret_cast<const char *>(bytes->data()), bytes->size()));
                cv::Mat image;
                verifyAndDecode(bytes->data(), bytes->size(), cv::IMREAD_COLOR, &image);
                out[i].picture = describePicture(image);
            }
        } catch (...) {
            out[i].picture = PictureDescriptor{}; // undecodable: compared by its bytes only
        }
        stepProgress(progress);
    });
    if (isCancelled(progress))
        return Error{"Cancelled."};
    return out;
}

// Pairs worth a look: the same bytes; the nearest pictures by their candidate vectors, confirmed
// by the aligned correlation; the nearest embeddings at kMinSimilarity or more.
Result<std::vector<DuplicatePair>> candidatePairs(const std::vector<FilePrint> &prints, const Neighbours &nb, int threads,
                                                  Progress *progress)
{
    std::map<std::pair<std::size_t, std::size_t>, DuplicatePair> pairs;
    auto pair = [&](std::size_t a, std::size_t b) -> DuplicatePair & {
        if (a > b)
            std::swap(a, b);
        auto &p = pairs[{a, b}];
        p.a = a;
        p.b = b;
        return p;
    };
    std::map<std::pair<std::uint64_t, std::uintmax_t>, std::vector<std::size_t>> byBytes;
    for (std::size_t i = 0; i < prints.size(); ++i)
        if (prints[i].size > 0)
            byBytes[{prints[i].bytesHash, prints[i].size}].push_back(i);
    for (const auto &[key, members] : byBytes)
        for (std::size_t j = 1; j < members.size(); ++j)
            pair(members[0], members[j]).sameBytes = true;
    for (std::size_t i = 0; nb.k > 0 && i < nb.index.size() / std::size_t(nb.k); ++i)
        for (int j = 0; j < nb.k; ++j) {
            const float s = nb.similarity[i * std::size_t(nb.k) + std::size_t(j)];
            if (s < DataIssues::kMinSimilarity)
                break; // nearest first
            DuplicatePair &p = pair(i, nb.index[i * std::size_t(nb.k) + std::size_t(j)]);
            p.similarity = std::max(p.similarity, s);
        }
    // The pictures' own neighbours, then every candidate not already the same bytes is aligned.
    std::vector<float> vectors;
    vectors.reserve(prints.size() * 256);
    for (const auto &f : prints) {
        const auto v = candidateVector(f.picture);
        vectors.insert(vectors.end(), v.begin(), v.end());
    }
    auto near = nearestNeighbours(EmbeddingMatrix{prints.size(), 256, vectors.data()}, kPictureNeighbours, progress);
    if (!near)
        return near.error();
    for (std::size_t i = 0; near->k > 0 && i < prints.size(); ++i)
        for (int j = 0; j < near->k; ++j)
            if (prints[i].picture.valid)
                (void)pair(i, near->index[i * std::size_t(near->k) + std::size_t(j)]);
    std::vector<DuplicatePair> out;
    out.reserve(pairs.size());
    for (auto &[key, p] : pairs)
        out.push_back(p);
    addTotal(progress, 1);
    parallelFor(out.size(), threads, [&](std::size_t n) {
        DuplicatePair &p = out[n];
        if (p.sameBytes || isCancelled(progress))
            return;
        try { // on a worker thread: nothing may escape
            p.samePicture = alignedCorrelation(prints[p.a].picture, prints[p.b].picture) >= kSamePictureCorrelation;
        } catch (...) {
            p.samePicture = false;
        }
    });
    stepProgress(progress);
    if (isCancelled(progress))
        return Error{"Cancelled."};
    // Only pairs that join something are kept.
    out.erase(std::remove_if(out.begin(), out.end(),
                             [](const DuplicatePair &p) { return !p.sameBytes && !p.samePicture && p.similarity < DataIssues::kMinSimilarity; }),
              out.end());
    return out;
}

struct FoldPlan {
    RunInfo run;
    double learningRate = 0;
    std::vector<int> labels; // model class per image, -1 unknown
    std::vector<int> folds;
    fs::path base;
};

// Thorough mode: K models trained with the run's configuration, each predicting its held-out fold.
Result<ProbabilityMatrix> thoroughProbabilities(const FoldPlan &plan, const RunPredictions &preds, const DataIssueOptions &options,
                                                const fs::path &foldsDir, Progress *progress)
{
    const Predictions &p = preds.predictions;
    const int k = int(p.classes.size());
    ProbabilityMatrix out;
    out.rows = p.size();
    out.classes = k;
    out.values.assign(out.rows * std::size_t(k), 1.0f / float(k));
    const int foldCount = std::max(options.folds, 2);
    constexpr std::size_t kTrainUnits = 1000, kPredictUnits = 50;
    addTotal(progress, std::size_t(foldCount) * (kTrainUnits + kPredictUnits));
    TrainConfig config = plan.run.config;
    config.lr = plan.learningRate; // the run's rate: no lr_find per fold, and a fold can resume
    config.keepBest = false;       // the held-out fold must not choose its own model
    config.earlyStopPatience = 0;
    config.threads = options.threads > 0 ? options.threads : config.threads;
    config.device = options.device;
    for (int fold = 0; fold < foldCount; ++fold) {
        TrainData data;
        data.classes = p.classes;
        std::vector<std::size_t> heldOut;
        for (std::size_t i = 0; i < p.size(); ++i) {
            if (plan.folds[i] < 0)
                continue;
            if (plan.folds[i] == fold) {
                heldOut.push_back(i);
                data.validPaths.push_back(p.files[i]);
                data.validLabels.push_back(plan.labels[i]);
            } else {
                data.trainPaths.push_back(p.files[i]);
                data.trainLabels.push_back(plan.labels[i]);
            }
        }
        const fs::path dir = foldsDir / ("fold-" + std::to_string(fold + 1));
        const std::string key = "fold " + std::to_string(fold) + " of " + std::to_string(foldCount) + " "
                                + std::to_string(filesHash(data.trainPaths, data.trainLabels, plan.base)) + " "
                                + std::to_string(filesHash(data.validPaths, data.validLabels, plan.base)) + " lr "
                                + std::to_string(config.lr) + " epochs " + std::to_string(config.epochs);
        const std::size_t unitsBefore = progress ? progress->done.load() : 0;
        if (auto kept = loadFoldProbabilities(dir / "heldout.txt", key, heldOut.size(), k); kept) {
            for (std::size_t r = 0; r < heldOut.size(); ++r)
                std::copy_n(kept->begin() + std::ptrdiff_t(r * std::size_t(k)), k,
                            out.values.begin() + std::ptrdiff_t(heldOut[r] * std::size_t(k)));
            stepProgress(progress, kTrainUnits + kPredictUnits);
            continue;
        }
        std::error_code ec;
        const bool resume = readKeyLine(dir / "fold.key").ok() && readKeyLine(dir / "fold.key").value() == key && fs::exists(dir / "checkpoints" / "last.pt", ec);
        if (!resume) {
            fs::remove_all(dir, ec); // a fold of other data or settings: derived files only
            fs::create_directories(dir, ec);
            if (auto w = writeFileAtomic(dir / "fold.key", key); !w)
                return w.error();
        }
        TrainHooks hooks;
        std::size_t reported = 0;
        hooks.batch = [&](const BatchTelemetry &t) {
            const std::size_t now = std::min<std::size_t>(kTrainUnits, std::size_t(t.position * double(kTrainUnits)));
            if (now > reported) {
                stepProgress(progress, now - reported);
                reported = now;
            }
        };
        if (progress)
            hooks.stop = &progress->cancel;
        auto trained = trainModel(data, config, dir, resume, hooks);
        if (!trained)
            return Error{"Fold " + std::to_string(fold + 1) + " of " + std::to_string(foldCount) + ": " + trained.message()};
        if (trained->stopped || isCancelled(progress))
            return Error{"Cancelled after " + std::to_string(fold) + " of " + std::to_string(foldCount)
                         + " folds; run the search again to continue from there."};
        if (progress && progress->done.load() < unitsBefore + kTrainUnits)
            stepProgress(progress, unitsBefore + kTrainUnits - progress->done.load());
        PipelineConfig input = plan.run.input;
        input.size = trained->size;
        input.channels = trained->channels;
        for (std::size_t c = 0; c < 3 && c < trained->mean.size() && c < trained->std.size(); ++c) {
            input.mean[c] = trained->mean[c];
            input.std[c] = trained->std[c];
        }
        ModelSpec spec = plan.run.spec;
        spec.inChannels = trained->channels;
        PredictOptions predictOptions;
        predictOptions.threads = options.threads;
        predictOptions.device = options.device;
        predictOptions.embeddings = false;
        predictOptions.precision = config.precision;
        auto held = predictFiles(spec, input, dir / "checkpoints" / "last.pt", p.classes, data.validPaths, data.validLabels,
                                 predictOptions, nullptr);
        if (!held)
            return held.error();
        if (held->size() != heldOut.size())
            return Error{"Fold " + std::to_string(fold + 1) + ": " + std::to_string(held->failures.size())
                         + " held-out images did not decode; run kiln-cli dataset verify --quarantine first."};
        for (std::size_t r = 0; r < heldOut.size(); ++r)
            std::copy_n(held->probs.begin() + std::ptrdiff_t(r * std::size_t(k)), k,
                        out.values.begin() + std::ptrdiff_t(heldOut[r] * std::size_t(k)));
        (void)saveFoldProbabilities(dir / "heldout.txt", key, held->probs, k); // costs a retrain when lost
        stepProgress(progress, kPredictUnits);
    }
    return out;
}

} // namespace

const char *dataIssueModeName(DataIssueMode m) { return m == DataIssueMode::Thorough ? "thorough" : "fast"; }

bool parseDataIssueMode(const std::string &name, DataIssueMode &out)
{
    return parseByName(name, {DataIssueMode::Fast, DataIssueMode::Thorough}, dataIssueModeName, out);
}

std::vector<DuplicateGroup> DataIssues::duplicateGroups(float similarity) const
{
    std::vector<std::pair<std::size_t, std::size_t>> same;
    std::vector<LinkedPair> similar;
    // Copies of the file join transitively; the same picture and look-alikes by complete linkage,
    // the same picture first (ranked above any cosine).
    for (const auto &p : pairs) {
        if (p.sameBytes)
            same.emplace_back(p.a, p.b);
        else if (p.samePicture)
            similar.push_back({p.a, p.b, 2.0f});
        else if (p.similarity >= similarity)
            similar.push_back({p.a, p.b, p.similarity});
    }
    auto joins = [similarity](const DuplicatePair &p) { return p.sameBytes || p.samePicture || p.similarity >= similarity; };
    const auto &labels = predictions.predictions.labels;
    std::vector<DuplicateGroup> groups;
    std::vector<int> groupOf(labels.size(), -1);
    for (auto &members : groupPairs(labels.size(), same, similar, similarity)) {
        DuplicateGroup g;
        g.members = std::move(members);
        for (std::size_t m : g.members) {
            g.mixedLabels = g.mixedLabels || labels[m] != labels[g.members[0]];
            groupOf[m] = int(groups.size());
        }
        groups.push_back(std::move(g));
    }
    // A group is "same file" when every pair joining it has the same bytes, "same picture" when
    // every one has at least the same hash.
    std::vector<char> allBytes(groups.size(), 1), allHash(groups.size(), 1);
    for (const auto &p : pairs)
        if (joins(p) && groupOf[p.a] >= 0 && groupOf[p.a] == groupOf[p.b]) {
            allBytes[std::size_t(groupOf[p.a])] &= char(p.sameBytes);
            allHash[std::size_t(groupOf[p.a])] &= char(p.sameBytes || p.samePicture);
        }
    for (std::size_t g = 0; g < groups.size(); ++g)
        groups[g].reason = allBytes[g] ? "same file" : allHash[g] ? "same picture" : "similar embeddings";
    std::stable_sort(groups.begin(), groups.end(), [](const DuplicateGroup &a, const DuplicateGroup &b) {
        if (a.mixedLabels != b.mixedLabels)
            return a.mixedLabels;
        auto strength = [](const DuplicateGroup &g) { return g.reason == "same file" ? 0 : g.reason == "same picture" ? 1 : 2; };
        if (strength(a) != strength(b))
            return strength(a) < strength(b);
        return a.members.size() > b.members.size();
    });
    return groups;
}

std::vector<std::size_t> DataIssues::outliers() const
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < outlierScores.size(); ++i)
        if (outlierScores[i] > outlierFence)
            out.push_back(i);
    std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) { return outlierScores[a] > outlierScores[b]; });
    return out;
}

std::string DataIssues::relativePath(std::size_t i) const
{
    return predictions.predictions.files[i].lexically_relative(home).generic_string();
}

Result<fs::path> newestAnalysableRun(const fs::path &project)
{
    for (const RunEntry &e : RunStore(project).list())
        if (e.run && e.run->hasResult() && fs::exists(e.run->checkpoint()))
            return e.dir;
    return Error{"No finished run in " + project.string()
                 + ": finding data issues starts from a trained model. Train one first (kiln-cli train "
                 + project.string() + ", or the Train page), then run this again."};
}

Result<DataIssues> findDataIssues(const fs::path &runDir, const DataIssueOptions &options, Progress *progress)
{
    const auto start = std::chrono::steady_clock::now();
    auto run = readRunInfo(runDir);
    if (!run)
        return run.error();
    if (options.folds < 2 || options.folds > 20)
        return Error{"The number of folds must be from 2 to 20 (5 is the usual choice)."};
    DataIssues out;
    out.runDir = run->runDir;
    out.options = options;
    out.home = fs::absolute(locateDataset(run->datasetDir).home).lexically_normal();
    PredictOptions predictOptions;
    predictOptions.threads = options.threads;
    predictOptions.device = options.device;
    auto preds = predictRun(run.value(), AnalysisScope::Both, predictOptions, progress, options.useCache);
    if (!preds)
        return preds.error();
    out.predictions = std::move(preds.value());
    const Predictions &p = out.predictions.predictions;
    const int k = int(p.classes.size());
    std::vector<int> present(std::size_t(k), 0);
    for (int l : p.labels)
        if (l >= 0)
            present[std::size_t(l)] = 1;
    if (std::count(present.begin(), present.end(), 1) < 2)
        return Error{"Finding label issues needs images of at least two of the run's classes in the dataset."};
    if (p.embeddings.empty() || p.embeddingDim < 1 || p.embeddings.size() != p.size() * std::size_t(p.embeddingDim))
        return Error{"The run's predictions have no embeddings; interpret it again without the cache (--no-cache)."};

    const fs::path issuesDir = out.runDir / "data-issues";
    const std::string name = std::string(dataIssueModeName(options.mode)) + "-k" + std::to_string(options.folds) + "-s"
                             + std::to_string(options.seed);
    // The same-picture threshold is in the key: the saved pairs were confirmed with it.
    const std::string key = "v1 " + name + " r" + std::to_string(kSamePictureCorrelation) + " " + checkpointIdentity(run->checkpoint)
                            + " " + std::to_string(p.size()) + " " + std::to_string(filesHash(p.files, p.labels, out.home));
    if (options.useCache)
        if (auto saved = loadDataIssues(issuesDir / (name + ".txt"), key, p.size(), k)) {
            out.outOfSample = std::move(saved->outOfSample);
            out.pairs = std::move(saved->pairs);
            out.outlierScores = std::move(saved->outlierScores);
            out.fromCache = true;
        }

    if (!out.fromCache) {
        const std::vector<int> folds = stratifiedFolds(p.labels, options.folds, options.seed);
        const EmbeddingMatrix embeddings{p.size(), p.embeddingDim, p.embeddings.data()};
        Result<ProbabilityMatrix> probs = Error{"not run"};
        if (options.mode == DataIssueMode::Fast) {
            HeadOptions head;
            head.threads = options.threads;
            probs = crossValidatedHead(embeddings, p.labels, k, folds, head, progress);
        } else {
            auto record = Run::load(runDir); // the learning rate the run used (after lr_find)
            if (!record)
                return record.error();
            FoldPlan plan{run.value(), record->result ? record->result->learningRate : record->config.lr, p.labels, folds,
                          out.home};
            if (plan.learningRate <= 0)
                return Error{"The run records no learning rate; train it again before the thorough search."};
            probs = thoroughProbabilities(plan, out.predictions, options, issuesDir / name, progress);
        }
        if (!probs)
            return probs.error();
        out.outOfSample = std::move(probs.value());
        auto neighbours = nearestNeighbours(embeddings, kNeighbours, progress);
        if (!neighbours)
            return neighbours.error();
        auto prints = fingerprintFiles(p.files, options.threads, progress);
        if (!prints)
            return prints.error();
        auto pairs = candidatePairs(prints.value(), neighbours.value(), options.threads, progress);
        if (!pairs)
            return pairs.error();
        out.pairs = std::move(pairs.value());
        out.outlierScores = outlierScores(neighbours.value(), kNeighbours);
        (void)saveDataIssues(issuesDir / (name + ".txt"), key, out); // a cache: failing costs only time
    }
    std::vector<int> labels = p.labels;
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (out.predictions.removed[i])
            labels[i] = -1;
    out.labelIssues = findLabelIssues(out.outOfSample, labels, options.score);
    out.outlierFence = outlierFence(out.outlierScores);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return out;
}

} // namespace kiln
