#include "train/trainer.h"

#include "data/datasetindex.h"
#include "data/project.h"
#include "models/weights.h"
#include "train/learner.h"
#include "train/run.h"
#include "train/trainsettings.h"

#include <cstdio>

namespace fs = std::filesystem;

namespace kiln {

Result<SplitOptions> datasetSplit(const fs::path &datasetDir)
{
    SplitOptions split;
    if (Project::isProject(datasetDir)) {
        auto project = Project::open(datasetDir);
        if (!project)
            return project.error();
        split.validPct = project->validPct;
        split.seed = project->seed;
    }
    return split;
}

Result<DatasetIndex> scanDataset(const fs::path &datasetDir, std::optional<SplitOptions> split)
{
    if (!split) {
        auto own = datasetSplit(datasetDir); // also: a damaged project file is an error
        if (!own)
            return own.error();
        split = own.value();
    } else if (Project::isProject(datasetDir)) {
        if (auto p = Project::open(datasetDir); !p)
            return p.error();
    }
    return DatasetIndex::scan(locateDataset(datasetDir).imagesRoot, *split);
}

Result<TrainData> loadTrainData(const fs::path &datasetDir, double validPct, std::uint64_t seed)
{
    auto index = scanDataset(datasetDir, SplitOptions{validPct, seed});
    if (!index)
        return index.error();
    if (index->size() == 0)
        return Error{"No images in " + index->root().string() + ". Put them in one folder per class first."};
    TrainData data;
    data.classes = index->classes();
    for (std::size_t i = 0; i < index->size(); ++i) {
        const Sample &s = index->samples()[i];
        if (s.split == Split::Train) {
            data.trainPaths.push_back(index->absolutePath(i));
            data.trainLabels.push_back(s.label);
        } else if (s.split == Split::Valid) {
            data.validPaths.push_back(index->absolutePath(i));
            data.validLabels.push_back(s.label);
        }
    }
    return data;
}

TrainConfig suggestFor(const fs::path &datasetDir, std::optional<Architecture> arch)
{
    auto index = scanDataset(datasetDir);
    if (!index) {
        TrainConfig c;
        if (arch)
            c.arch = *arch;
        return c;
    }
    return suggestFor(index.value(), arch);
}

Result<StartingWeights> startingWeights(const TrainConfig &config)
{
    if (config.pretrained.empty())
        return StartingWeights{};
    if (config.pretrained == "imagenet") {
        auto entry = imagenetWeightsFor(architectureName(config.arch));
        if (!entry)
            return entry.error();
        auto weights = verifiedWeights(entry.value());
        if (!weights)
            return weights.error();
        return StartingWeights{weights->path.string(), entry->file, weights->sha256};
    }
    auto sha = sha256OfFile(config.pretrained);
    if (!sha)
        return Error{"Cannot read the pretrained weights: " + sha.message()};
    return StartingWeights{config.pretrained, config.pretrained, sha.value()};
}

Result<LrFindResult> findLearningRateFor(const fs::path &datasetDir, const TrainConfig &config, const TrainHooks &hooks, double startLr,
                                         double endLr, int numIt)
{
    if (auto valid = validate(config); !valid)
        return valid.error();
    auto weights = startingWeights(config);
    if (!weights)
        return weights.error();
    auto data = loadTrainData(datasetDir, config.validPct, config.seed);
    if (!data)
        return data.error();
    TrainConfig learnerConfig = config;
    learnerConfig.pretrained = weights->path;
    return findLearningRate(data.value(), learnerConfig, hooks, startLr, endLr, numIt);
}

namespace {

std::string projectSummary(const TrainConfig &config, const TrainSummary &result)
{
    if (result.epochs.empty())
        return {};
    char buf[128];
    const auto &last = result.epochs.back();
    std::snprintf(buf, sizeof buf, "%s, %d epochs, accuracy %.4f, valid_loss %.4f", architectureName(config.arch),
                  int(result.epochs.size()), last.accuracy, last.validLoss);
    return buf;
}

// Trains `run` (new, or loaded to resume) and keeps its run.json current (rank 0 of a group).
Result<TrainSummary> trainInto(Run run, bool resume, const TrainHooks &hooks, DataParallel *group = nullptr)
{
    TrainConfig config = run.config;
    auto weights = startingWeights(config);
    if (!weights)
        return weights.error();
    run.weightsFile = weights->file;
    run.weightsSha256 = weights->sha256;
    auto data = loadTrainData(run.datasetDir, config.validPct, config.seed);
    if (!data)
        return data.error();
    // Fix the automatic choices before run.json is written, so a resume rebuilds the same model
    // and computes in the same precision.
    resolveInputShape(data.value(), config, config.size, config.channels);
    config.precision = resolvePrecision(config.precision, config.arch, configureDevice(config).cuda); // as the learner will
    TrainConfig learnerConfig = config;
    learnerConfig.pretrained = weights->path;
    if (group && !isRankZero(*group)) // rank 0 writes the run; this rank trains its share
        return trainModel(data.value(), learnerConfig, run.dir(), resume, hooks, group);
    std::error_code ec;
    fs::create_directories(run.dir(), ec);
    if (ec)
        return Error{"Cannot create the run folder " + run.dir().string() + ": " + ec.message()};
    run.config = config;
    run.status = RunStatus::Running;
    run.error.clear();
    if (auto w = run.save(); !w)
        return w.error();
    if (hooks.started)
        hooks.started(run.dir().string());

    // The rate lr_find chooses goes into run.json before training, so a run killed in its first
    // epochs still resumes with it.
    TrainHooks withRate = hooks;
    withRate.learningRateChosen = [&](double lr) {
        run.config.lr = lr;
        run.lrFound = true;
        if (auto w = run.save(); !w && hooks.message)
            hooks.message("cannot record the learning rate in run.json: " + w.message());
        if (hooks.learningRateChosen)
            hooks.learningRateChosen(lr);
    };
    auto result = trainModel(data.value(), learnerConfig, run.dir(), resume, withRate, group);
    if (!result) {
        run.status = RunStatus::Failed;
        run.error = result.message();
        (void)run.save();
        return result.error();
    }
    if (config.lr <= 0) {
        // Record the rate lr_find chose, so that a resume uses the same one.
        run.config.lr = result->learningRate;
        run.lrFound = true;
    }
    run.status = result->stopped ? RunStatus::Stopped : RunStatus::Finished;
    run.result = result.value();
    if (auto w = run.save(); !w)
        return w.error();
    if (locateDataset(run.datasetDir).isProject)
        if (auto recorded = Project::recordRun(run.datasetDir, {run.id(), run.created, projectSummary(config, result.value())});
            !recorded && hooks.message)
            hooks.message("the run is not in the project's list of runs: " + recorded.message());
    return result;
}

} // namespace

Result<TrainSummary> runTraining(const fs::path &datasetDir, const TrainConfig &config, const fs::path &runDir,
                                 const TrainHooks &hooks, DataParallel *group)
{
    if (auto valid = validate(config); !valid)
        return valid.error();
    if (group && config.lr <= 0)
        return Error{"data-parallel training needs a learning rate (--lr): lr_find's suggestion would differ between the ranks. "
                     "Run kiln-cli lr-find first."};
    std::error_code ec;
    if ((!group || isRankZero(*group)) && fs::exists(runDir / "run.json", ec))
        return Error{runDir.string() + " already holds a run; resume it (--resume) or choose another folder."};
    return trainInto(Run::begin(runDir, datasetDir, config), false, hooks, group);
}

Result<TrainSummary> resumeTraining(const fs::path &runDir, const TrainHooks &hooks)
{
    auto run = Run::load(runDir);
    if (!run)
        return Error{"Cannot resume " + runDir.string() + ": " + run.message()};
    if (auto valid = validate(run->config); !valid)
        return Error{"Cannot resume " + runDir.string() + ": its run.json says " + valid.message()};
    return trainInto(std::move(run).value(), true, hooks);
}

} // namespace kiln
