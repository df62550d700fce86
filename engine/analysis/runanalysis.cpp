#include "analysis/runanalysis.h"

#include "core/enumnames.h"
#include "core/hash.h"
#include "train/run.h"
#include "train/trainer.h"

#include <chrono>
#include <map>

namespace fs = std::filesystem;

namespace kiln {

namespace {

std::string cacheKey(const RunInfo &run, const std::vector<fs::path> &files, const std::vector<int> &labels,
                     const fs::path &base)
{
    std::error_code ec;
    const auto size = fs::file_size(run.checkpoint, ec);
    const auto stamp = fs::last_write_time(run.checkpoint, ec).time_since_epoch().count();
    std::uint64_t h = kFnvOffset;
    for (std::size_t i = 0; i < files.size(); ++i)
        h = fnv1a(files[i].lexically_relative(base).generic_string() + '\t' + std::to_string(labels[i]) + '\n', h);
    return "v1 " + run.checkpoint.filename().string() + " " + std::to_string(size) + " " + std::to_string(stamp) + " "
           + std::to_string(run.input.size) + "x" + std::to_string(run.input.channels) + " "
           + resizeMethodName(run.input.resize) + " " + std::to_string(files.size()) + " " + std::to_string(h);
}

void appendPredictions(Predictions &to, Predictions &&from)
{
    if (to.classes.empty())
        to.classes = from.classes;
    to.files.insert(to.files.end(), from.files.begin(), from.files.end());
    to.labels.insert(to.labels.end(), from.labels.begin(), from.labels.end());
    to.predicted.insert(to.predicted.end(), from.predicted.begin(), from.predicted.end());
    to.probs.insert(to.probs.end(), from.probs.begin(), from.probs.end());
    to.losses.insert(to.losses.end(), from.losses.begin(), from.losses.end());
    if (to.embeddingDim == 0 || to.embeddingDim == from.embeddingDim) {
        to.embeddingDim = from.embeddingDim;
        to.embeddings.insert(to.embeddings.end(), from.embeddings.begin(), from.embeddings.end());
    }
    to.failures.insert(to.failures.end(), from.failures.begin(), from.failures.end());
}

} // namespace

const char *analysisScopeName(AnalysisScope s)
{
    switch (s) {
    case AnalysisScope::Valid: return "valid";
    case AnalysisScope::Train: return "train";
    case AnalysisScope::Both: return "both";
    }
    return "?";
}

bool parseAnalysisScope(const std::string &name, AnalysisScope &out)
{
    return parseByName(name, {AnalysisScope::Valid, AnalysisScope::Train, AnalysisScope::Both}, analysisScopeName, out);
}

Result<RunInfo> readRunInfo(const fs::path &runDir)
{
    auto run = Run::load(runDir);
    if (!run)
        return run.error();
    RunInfo info;
    info.runDir = fs::absolute(runDir).lexically_normal();
    info.config = run->config;
    info.status = runStatusName(run->status);
    info.datasetDir = run->datasetDir;
    if (!run->hasResult() || run->result->size < 1)
        return Error{"The run " + runDir.string() + " has no result yet (status: " + info.status
                     + "). Let it finish, or resume it with 'kiln-cli train --resume " + runDir.string() + "'."};
    const TrainSummary &result = *run->result;
    info.classes = result.classes;
    info.input.size = result.size;
    info.input.channels = result.channels;
    info.input.resize = info.config.resize;
    info.input.augment.enabled = false;
    for (std::size_t c = 0; c < 3 && c < result.mean.size() && c < result.std.size(); ++c) {
        info.input.mean[c] = result.mean[c];
        info.input.std[c] = result.std[c];
    }
    if (info.input.size < 1 || info.input.size > 4096 || (info.input.channels != 1 && info.input.channels != 3))
        return Error{"Damaged run: " + run->file().string() + " has an unusable input size or channel count."};
    info.spec.arch = info.config.arch;
    info.spec.head = info.config.head;
    info.spec.inChannels = info.input.channels;
    info.spec.numClasses = int(info.classes.size());
    info.checkpoint = fs::absolute(run->checkpoint()).lexically_normal();
    std::error_code ec;
    if (!fs::exists(info.checkpoint, ec))
        return Error{"The run " + runDir.string() + " has no checkpoint (" + info.checkpoint.string() + ")."};
    if (info.datasetDir.empty() || !fs::is_directory(info.datasetDir, ec))
        return Error{"The dataset of the run, " + info.datasetDir.string()
                     + ", is gone. Move it back, or interpret a run of another dataset."};
    return info;
}

Result<RunPredictions> predictRun(const RunInfo &run, AnalysisScope scope, const PredictOptions &options,
                                  Progress *progress, bool useCache)
{
    const auto start = std::chrono::steady_clock::now();
    auto data = loadTrainData(run.datasetDir, run.config.validPct, run.config.seed);
    if (!data)
        return data.error();
    std::map<std::string, int> modelClass;
    for (std::size_t c = 0; c < run.classes.size(); ++c)
        modelClass[run.classes[c]] = int(c);
    auto mapLabels = [&](const std::vector<int> &labels) {
        std::vector<int> out;
        out.reserve(labels.size());
        for (int l : labels) {
            auto it = modelClass.find(data->classes[std::size_t(l)]);
            out.push_back(it == modelClass.end() ? -1 : it->second);
        }
        return out;
    };
    const fs::path base = fs::absolute(run.datasetDir).lexically_normal();
    RunPredictions out;
    out.fromCache = true;
    std::vector<std::pair<Split, bool>> parts{{Split::Valid, scope != AnalysisScope::Train},
                                              {Split::Train, scope != AnalysisScope::Valid}};
    for (const auto &[split, wanted] : parts) {
        if (!wanted)
            continue;
        std::vector<fs::path> files;
        for (const auto &f : split == Split::Valid ? data->validPaths : data->trainPaths)
            files.push_back(fs::absolute(f).lexically_normal());
        const std::vector<int> labels = mapLabels(split == Split::Valid ? data->validLabels : data->trainLabels);
        const std::string key = cacheKey(run, files, labels, base);
        const fs::path cacheFile = run.runDir / "predictions" / (std::string(splitName(split)) + ".pt");
        Result<Predictions> p = Error{"not cached"};
        if (useCache)
            p = loadPredictions(cacheFile, key, base);
        // A cache with embeddings serves a caller that wants none (export); one without them cannot
        // serve a caller that wants them (t-SNE).
        if (p && options.embeddings && p->embeddings.empty())
            p = Error{"cached without the embeddings"};
        if (p) {
            addTotal(progress, files.size());
            stepProgress(progress, files.size());
        } else {
            out.fromCache = false;
            PredictOptions asTrained = options;
            if (asTrained.precision == Precision::Auto)
                asTrained.precision = run.config.precision; // what the run trained in
            p = predictFiles(run.spec, run.input, run.checkpoint, run.classes, files, labels, asTrained, progress);
            if (!p)
                return p.error();
            (void)savePredictions(cacheFile, p.value(), key, base); // a cache: failing to save costs only time
        }
        out.splits.insert(out.splits.end(), p->size(), split);
        appendPredictions(out.predictions, std::move(p.value()));
    }
    out.removed.assign(out.predictions.size(), 0);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return out;
}

std::size_t RunPredictions::applyMoves(const std::vector<FileMove> &moves, const fs::path &imagesRoot)
{
    std::map<std::string, std::size_t> byPath;
    for (std::size_t i = 0; i < predictions.size(); ++i)
        byPath[predictions.files[i].string()] = i;
    std::map<std::string, int> classIndex;
    for (std::size_t c = 0; c < predictions.classes.size(); ++c)
        classIndex[predictions.classes[c]] = int(c);
    const fs::path root = fs::absolute(imagesRoot).lexically_normal();
    std::size_t changed = 0;
    for (const auto &m : moves) {
        auto it = byPath.find(fs::absolute(m.from).lexically_normal().string());
        if (it == byPath.end())
            continue;
        const std::size_t i = it->second;
        const fs::path to = fs::absolute(m.to).lexically_normal();
        const std::string rel = to.lexically_relative(root).generic_string();
        const bool inDataset = !rel.empty() && !rel.starts_with("..") && !rel.starts_with(".kiln/");
        if (inDataset) {
            auto c = classIndex.find(classFolderOf(rel));
            predictions.setLabel(i, c == classIndex.end() ? -1 : c->second);
            removed[i] = 0;
        } else {
            removed[i] = 1;
        }
        predictions.files[i] = to;
        byPath.erase(it);
        byPath[to.string()] = i;
        ++changed;
    }
    return changed;
}

bool RunPredictions::counts(std::size_t i, AnalysisScope scope) const
{
    if (removed[i] || predictions.labels[i] < 0)
        return false;
    return scope == AnalysisScope::Both || (scope == AnalysisScope::Valid) == (splits[i] == Split::Valid);
}

Interpretation RunPredictions::interpretation(AnalysisScope scope) const
{
    std::vector<int> labels, predicted;
    for (std::size_t i = 0; i < predictions.size(); ++i)
        if (counts(i, scope)) {
            labels.push_back(predictions.labels[i]);
            predicted.push_back(predictions.predicted[i]);
        }
    return Interpretation(predictions.classes, labels, predicted);
}

std::vector<std::size_t> RunPredictions::topLosses(std::size_t k, AnalysisScope scope) const
{
    std::vector<float> losses(predictions.losses);
    for (std::size_t i = 0; i < losses.size(); ++i)
        if (!counts(i, scope))
            losses[i] = NAN;
    return kiln::topLosses(losses, k);
}

} // namespace kiln
