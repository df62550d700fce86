#pragma once
// Plain data that describes a training run and what it reports. Torch-free and Qt-free: shared by
// the learner, the CLI, the worker and the GUI.

#include "data/pipelineconfig.h"
#include "models/modelspec.h"
#include "train/precision.h"
#include "train/schedule.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace kiln {

// (TrainSummary etc. are registered as Qt metatypes in trainingworker.h, where Qt is available.)

enum class ScheduleKind { OneCycle, FineTune, Constant };
enum class OptimizerKind { AdamW, Sgd };
const char *scheduleName(ScheduleKind s); // "one-cycle", "fine-tune", "constant"
bool parseSchedule(const std::string &name, ScheduleKind &out);

// What a run is trained with. trainsettings.h describes every field (key, option, limits, help);
// keep the two in step.
struct TrainConfig {
    Architecture arch = Architecture::SimpleCnn;
    HeadKind head = HeadKind::Fastai;
    std::string pretrained;     // a torchvision state dict (.pth), or empty
    int size = 0;               // 0: from the data (native size for small images, else 224)
    ResizeMethod resize = ResizeMethod::Squish;
    int batchSize = 64;
    int epochs = 5;
    ScheduleKind schedule = ScheduleKind::OneCycle;
    double lr = 0;              // 0: pick lr_find's valley suggestion
    bool augment = true;
    double minScale = 1.0;      // RandomResizedCrop when < 1
    double flipP = 0.5;         // aug_transforms strengths (fastai's defaults)
    double maxRotate = 10.0;
    double maxZoom = 1.1;
    double maxWarp = 0.2;
    double maxLighting = 0.2;
    double validPct = 0.2;      // random split share (ignored when the dataset is split by folder)
    std::uint64_t seed = 42;
    OptimizerKind optimizer = OptimizerKind::AdamW;
    double weightDecay = 0.01;
    double momentum = 0.9;      // SGD
    double labelSmoothing = 0;  // 0 or e.g. 0.1
    int freezeEpochs = 1;       // fine-tune
    double pctStart = 0.25;     // one-cycle
    int earlyStopPatience = 0;  // 0: off; else epochs without a lower valid_loss before stopping
    bool keepBest = false;      // restore the weights of the best valid_loss at the end
    int threads = 0;            // 0: every core
    int workers = 0;            // loader threads; 0: chosen from the cores
    std::string device = "auto"; // auto, cpu, cuda
    Precision precision = Precision::Auto; // resolved (resolvePrecision) before run.json is written
    int channels = 0;           // 0: from the data (1 for gray images without pretrained weights)
    std::uint64_t cacheBudgetBytes = 2ull << 30; // decoded-image cache (not a setting of the run)
};

// The augmentation a configuration asks for, as the image pipeline takes it.
inline AugmentConfig augmentConfigOf(const TrainConfig &c)
{
    AugmentConfig a;
    a.enabled = c.augment;
    a.minScale = c.minScale;
    a.flipP = c.flipP;
    a.maxRotate = c.maxRotate;
    a.maxZoom = c.maxZoom;
    a.maxWarp = c.maxWarp;
    a.maxLighting = c.maxLighting;
    return a;
}

struct BatchTelemetry {
    int epoch = 0;        // 0-based, across phases
    int batch = 0;        // 0-based within the epoch
    int batches = 0;      // per epoch
    double loss = 0;      // this batch
    double smoothLoss = 0;
    double lr = 0;        // of the last parameter group
    double mom = 0;
    double imagesPerSecond = 0;
    double position = 0;  // fraction of the whole run done
};

struct EpochMetrics {
    int epoch = 0;
    std::string phase;    // "frozen" for fine-tune's first phase, else empty
    double trainLoss = 0;
    double validLoss = 0;
    double accuracy = 0;
    double errorRate = 0;
    double seconds = 0;
    double imagesPerSecond = 0;
};

struct TrainSummary {
    std::string runDir;
    std::vector<std::string> classes;
    int size = 0;               // input size and channels the model was trained at
    int channels = 0;
    std::vector<float> mean;    // normalisation used (per channel)
    std::vector<float> std;
    std::vector<EpochMetrics> epochs;
    std::string device;
    std::string precision;      // what it computed in: fp32, bf16 or fp16
    long skippedSteps = 0;      // fp16: steps skipped for an overflow (the loss scale was lowered)
    int threads = 0;
    bool stopped = false;       // by the user
    bool earlyStopped = false;
    int bestEpoch = -1;
    double bestValidLoss = 0;
    double learningRate = 0;    // the one used (after lr_find when automatic)
    std::size_t skippedFiles = 0;
    double seconds = 0;
};

struct LrFindResult {
    std::vector<double> lrs;
    std::vector<double> losses; // smoothed, as fastai records them
    LrSuggestions suggestions;
    int numIt = 100;
    // Sums of every weight before lr_find, at its last step, and after it restored them: the first
    // and last are equal when the model was left as it was.
    double checksumBefore = 0, checksumDuring = 0, checksumAfter = 0;
};

// Callbacks from the training thread. Every member may be empty.
struct TrainHooks {
    std::function<void(const BatchTelemetry &)> batch;
    std::function<void(const EpochMetrics &)> epoch;
    std::function<void(const std::string &)> message;
    // Called between batches; may block while the run is paused.
    std::function<void()> pausePoint;
    // Called once the run's folder and run.json exist (runTraining and resumeTraining).
    std::function<void(const std::string &runDir)> started;
    // Called when lr_find has chosen the rate of a run with an automatic one, before it trains.
    std::function<void(double lr)> learningRateChosen;
    const std::atomic<bool> *stop = nullptr;
};

// What a run trains on, resolved from a project or image folder.
struct TrainData {
    std::vector<std::string> classes;
    std::vector<std::filesystem::path> trainPaths;
    std::vector<int> trainLabels;
    std::vector<std::filesystem::path> validPaths;
    std::vector<int> validLabels;
};

} // namespace kiln
