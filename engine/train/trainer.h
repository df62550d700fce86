#pragma once
// Training a project: resolves the data from a project or image folder, keeps each run's folder
// (run.h: run.json with the configuration and outcome, metrics.csv, checkpoints/) and the
// project's list of runs. Torch-free; runs synchronously on the calling thread.

#include "core/result.h"
#include "data/datasetindex.h"
#include "train/trainconfig.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiln {

// The split a dataset folder uses: its project's valid share and seed, or the defaults for a plain
// image folder. A damaged project file is an Error, not a silent default.
Result<SplitOptions> datasetSplit(const std::filesystem::path &datasetDir);

// The index of a project or image folder, split as `split` says, else as the folder's own split.
Result<DatasetIndex> scanDataset(const std::filesystem::path &datasetDir, std::optional<SplitOptions> split = std::nullopt);

// The training and validation images of a dataset (a project or a plain image folder), split as
// the index splits it (folders, or random with validPct and seed).
Result<TrainData> loadTrainData(const std::filesystem::path &datasetDir, double validPct, std::uint64_t seed);

// suggestFor() (trainsettings.h) for a project or image folder, scanned with its own split; a
// folder that cannot be read gives TrainConfig's defaults.
TrainConfig suggestFor(const std::filesystem::path &datasetDir, std::optional<Architecture> arch = std::nullopt);

// The weights a configuration starts from: `pretrained` "imagenet" is the architecture's
// torchvision file in torch.hub's cache (checked against its hash; an Error says how to get it
// when it is missing or damaged), a file name is that file; empty, none.
struct StartingWeights {
    std::string path;   // what the learner loads; empty: from scratch
    std::string file;   // as run.json records it: torchvision's file name, or the user's path
    std::string sha256;
};
Result<StartingWeights> startingWeights(const TrainConfig &config);

// fastai's lr_find on a project or image folder (its split, `config`'s weights resolved).
Result<LrFindResult> findLearningRateFor(const std::filesystem::path &datasetDir, const TrainConfig &config, const TrainHooks &hooks,
                                         double startLr = 1e-7, double endLr = 10.0, int numIt = 100);

// Trains `datasetDir` into `runDir` (created), writing run.json before and after (hooks.started
// is called once it exists), and adds the run to the project's run list when datasetDir is a
// project. The configuration is validate()d first; nothing is created when it is refused.
// With `group`, this process is one rank of data-parallel training (distributed.h): rank 0 does
// all of the above; the other ranks train their share and write nothing.
class DataParallel;
Result<TrainSummary> runTraining(const std::filesystem::path &datasetDir, const TrainConfig &config,
                                 const std::filesystem::path &runDir, const TrainHooks &hooks, DataParallel *group = nullptr);
// Continues the run in `runDir` after its last finished epoch, with the configuration in its run.json.
Result<TrainSummary> resumeTraining(const std::filesystem::path &runDir, const TrainHooks &hooks);

} // namespace kiln
