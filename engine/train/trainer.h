#pragma once
// Training a project: resolves the data from a project or image folder, keeps each run's folder
// (run.json with the configuration and outcome, metrics.csv, checkpoints/) and the project's list
// of runs. Torch-free; runs synchronously on the calling thread.

#include "core/result.h"
#include "train/trainconfig.h"

#include <QJsonObject>

#include <filesystem>
#include <string>
#include <vector>

namespace kiln {

// The training and validation images of a dataset (a project or a plain image folder), split as
// the index splits it (folders, or random with validPct and seed).
Result<TrainData> loadTrainData(const std::filesystem::path &datasetDir, double validPct, std::uint64_t seed);

// A new run folder: <home>/runs/<YYYYMMDD-HHMMSS>-<arch>.
std::filesystem::path newRunDir(const std::filesystem::path &datasetDir, Architecture arch);

QJsonObject trainConfigToJson(const TrainConfig &config);
Result<TrainConfig> trainConfigFromJson(const QJsonObject &json);

// A run as the run lists show it, from its run.json.
struct RunListing {
    std::filesystem::path dir;
    std::string name;     // the folder name: <date>-<arch>
    std::string arch;
    std::string status;   // "running", "finished", "stopped", "failed"
    bool hasResult = false; // a finished or stopped run (it can be interpreted)
    double accuracy = -1;   // of the last epoch; -1 when none finished
};
// The runs of a dataset (folders of <home>/runs with a readable run.json), newest first.
std::vector<RunListing> listRuns(const std::filesystem::path &datasetDir);

// A run folder's run.json, or an Error that says why it cannot be read.
Result<QJsonObject> readRunJson(const std::filesystem::path &runDir);

// Trains `datasetDir` into `runDir` (created), writing run.json before and after, and adds the run
// to the project's run list when datasetDir is a project.
Result<TrainSummary> runTraining(const std::filesystem::path &datasetDir, const TrainConfig &config,
                                 const std::filesystem::path &runDir, const TrainHooks &hooks);
// Continues the run in `runDir` after its last finished epoch, with the configuration in its run.json.
Result<TrainSummary> resumeTraining(const std::filesystem::path &runDir, const TrainHooks &hooks);

// The validation share and seed a dataset folder uses by default (its project's, else 0.2 and 42).
void datasetSplitDefaults(const std::filesystem::path &datasetDir, double &validPct, std::uint64_t &seed);

} // namespace kiln
