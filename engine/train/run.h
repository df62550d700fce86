#pragma once
// A run (DESIGN.md, "A run"): one folder under <project>/runs/ holding run.json (the dataset, the
// configuration, the status and, once it ends, the outcome), metrics.csv, batches.csv and
// checkpoints/. Run is the one reader and writer of run.json and the one way the rest of Kiln
// reads a run's files; RunStore lists a dataset's runs and names new ones. A damaged file is an
// error value that names it ("damaged run"), never an exception. Torch-free; any thread, one
// writer per run at a time (the training thread while it trains).

#include "core/result.h"
#include "train/trainconfig.h"

#include <QJsonObject>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiln {

enum class RunStatus { Running, Finished, Stopped, Failed };
const char *runStatusName(RunStatus s); // "running", "finished", "stopped", "failed"
bool parseRunStatus(const std::string &name, RunStatus &out);

// TrainConfig as run.json stores it (every setting of trainsettings.h, by its key), and back.
// Reading: a missing key keeps the default; a value of the wrong type or spelling is an Error.
QJsonObject trainConfigToJson(const TrainConfig &config);
Result<TrainConfig> trainConfigFromJson(const QJsonObject &json);
// A run's outcome as run.json's "result" holds it (kiln-cli train --json prints it too).
QJsonObject trainSummaryToJson(const TrainSummary &summary);

// A run's final figures as a comparison lists them: its last finished epoch (the outcome in
// run.json, else metrics.csv for a run still training or killed). `epochs` 0: none finished.
struct RunFigures {
    int epochs = 0;        // finished
    int planned = 0;       // configured
    double accuracy = 0, validLoss = 0, trainLoss = 0, errorRate = 0;
    double bestValidLoss = 0; // the lowest of any epoch
    int bestEpoch = -1;    // the checkpoint kept (0-based), -1 when the run keeps the last
    double seconds = 0;    // training time so far
};

// A model exported from a run (run.json's "exports", oldest first): what the run's report lists.
struct RunExport {
    std::string format;            // "bundle", "onnx", "torchscript"
    std::string file;              // where it was written
    std::string created;           // ISO 8601, UTC
    double bytes = 0;
    double validationAccuracy = 0; // the bundle's check on the validation images (0 when not run)
    double maxDifference = 0;      // ONNX / TorchScript against LibTorch
    double oodThreshold = 0;
};

class Run {
public:
    static constexpr int kFormatVersion = 1;

    // A new run of `datasetDir` into `dir`, status running, created now; nothing is written yet.
    static Run begin(const std::filesystem::path &dir, const std::filesystem::path &datasetDir, const TrainConfig &config);
    // Reads dir/run.json. Errors: no run.json ("not a Kiln run folder"), or damaged (names the file
    // and what is wrong with it).
    static Result<Run> load(const std::filesystem::path &dir);
    // Writes run.json atomically, keeping the keys this version does not know.
    Result<void> save() const;

    const std::filesystem::path &dir() const { return m_dir; }
    std::string id() const { return m_dir.filename().string(); } // <date>-<arch>
    std::filesystem::path file() const { return m_dir / "run.json"; }
    std::filesystem::path metricsFile() const { return m_dir / "metrics.csv"; }
    std::filesystem::path batchesFile() const { return m_dir / "batches.csv"; }
    std::filesystem::path checkpointsDir() const { return m_dir / "checkpoints"; }
    // best.pt for a keep-best run that has one, else last.pt.
    std::filesystem::path checkpoint() const;

    std::filesystem::path datasetDir;
    std::string created; // ISO 8601, UTC
    RunStatus status = RunStatus::Running;
    std::string error;   // why it failed
    TrainConfig config;  // with the automatic choices resolved once training started
    bool lrFound = false; // config.lr came from lr_find
    // The weights the run started from (config.pretrained resolved): the file's name, or its path
    // for a file of the user's, and its SHA-256; empty when it trained from scratch.
    std::string weightsFile, weightsSha256;
    std::optional<TrainSummary> result; // once it finished or stopped
    std::vector<RunExport> exports;

    bool hasResult() const { return result.has_value() && result->classes.size() >= 2; }
    // The last epoch's accuracy; -1 when no epoch finished.
    double accuracy() const;

    // The final figures: the outcome's epochs, else metrics.csv's (a run training or killed).
    RunFigures figures() const;

    // metrics.csv and batches.csv as written so far (empty when missing); Error when damaged.
    Result<std::vector<EpochMetrics>> metrics() const;
    Result<std::vector<BatchTelemetry>> batches() const;

private:
    std::filesystem::path m_dir;
    QJsonObject m_raw; // everything read, so keys of a newer Kiln survive a save
};

// A folder of runs/ as a list shows it: a readable run, or the reason it cannot be read.
struct RunEntry {
    std::filesystem::path dir;
    std::string id;
    std::optional<Run> run; // empty: damaged
    std::string damage;     // why, when damaged
};

class RunStore {
public:
    // The runs of a project (its runs/ folder) or of a plain image folder (DIR/runs).
    explicit RunStore(const std::filesystem::path &datasetDir);
    const std::filesystem::path &runsDir() const { return m_runsDir; }
    // Every folder of runs/ that holds a run.json, newest first, damaged ones included.
    std::vector<RunEntry> list() const;
    // A folder name that is free: runs/<YYYYMMDD-HHMMSS>-<arch>.
    std::filesystem::path newRunDir(Architecture arch) const;

private:
    std::filesystem::path m_runsDir;
};

} // namespace kiln
