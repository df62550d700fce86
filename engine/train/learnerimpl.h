#pragma once
// The learner's class (engine-private: LibTorch types), shared by learner.cpp (setup, fitting,
// checkpoints) and lrfind.cpp (fastai's learning-rate finder). See learner.h for what it promises.

#include "data/batchloader.h"
#include "models/models.h"
#include "train/learner.h"
#include "train/optimizer.h"
#include "train/lossscaler.h"
#include "train/precision.h"
#include "train/schedule.h"

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace kiln::detail {

namespace fs = std::filesystem;

// ---- the learner -------------------------------------------------------------------------------------

struct Phase {
    std::string name;  // "frozen" or ""
    int epochs = 0;
    bool frozen = false;
    OneCycle cycle;    // used unless constant
    bool constant = false;
    std::vector<double> groupScale; // per-group multiplier of the cycle's lr (discriminative lrs)
};

class Learner {
public:
    Learner(const TrainData &data, const TrainConfig &config, const TrainHooks &hooks, DataParallel *group = nullptr)
        : m_data(data)
        , m_config(config)
        , m_hooks(hooks)
        , m_group(group)
    {
    }

    Result<void> setup();
    Result<TrainSummary> fit(const fs::path &runDir, bool resume);
    // `plotted`: its batches go to hooks.batch (lr_find on its own); a run that finds its rate
    // first reports only a message, so its curves hold training batches alone.
    Result<LrFindResult> lrFind(double startLr, double endLr, int numIt, bool plotted = true);

private:
    void message(const std::string &m)
    {
        if (m_hooks.message)
            m_hooks.message(m);
    }
    bool stopRequested() const { return m_hooks.stop && m_hooks.stop->load(); }
    std::vector<Phase> makePhases(double lr) const;
    void applyFreeze(bool frozen);
    Result<double> trainEpoch(const Phase &phase, int phaseEpoch, int globalEpoch, int totalEpochs, bool &stopped);
    void validate(double &loss, double &accuracy);
    torch::Tensor lossOf(const torch::Tensor &logits, const torch::Tensor &labels);
    // The model's class scores in the run's precision (autocast around the forward pass), as fp32.
    torch::Tensor forwardLogits(const torch::Tensor &x);
    // Backward and optimizer step of one batch; in fp16 through the loss scaler, so an overflow is
    // a skipped step with a lower scale (training and lr_find alike).
    void backwardAndStep(const torch::Tensor &loss);
    Result<void> saveCheckpoint(const fs::path &file, int epochsDone, double bestLoss, int bestEpoch, int badEpochs);
    Result<void> loadCheckpoint(const fs::path &file, int &epochsDone, double &bestLoss, int &bestEpoch, int &badEpochs);
    std::vector<std::pair<std::string, torch::Tensor>> snapshot();
    void restore(const std::vector<std::pair<std::string, torch::Tensor>> &state);

    const TrainData &m_data;
    TrainConfig m_config;
    const TrainHooks &m_hooks;
    DataParallel *m_group; // null: one process
    bool m_reportedBytes = false;
    bool writer() const;   // this process writes the run folder (rank 0)
    // Data-parallel: rank 0's weights everywhere (start), and a check that they still agree.
    void shareWeights();
    void checkWeightsAgree(int epoch);
    void averageGradients();
    void sumOverRanks(double &a, double &b, double &c);
    DeviceInfo m_device;
    torch::Device m_torchDevice{torch::kCPU};
    ModelSpec m_spec;
    PipelineConfig m_pipeline;
    std::shared_ptr<ClassifierImpl> m_model;
    std::unique_ptr<Optimizer> m_optimizer;
    std::unique_ptr<BatchLoader> m_train;
    std::unique_ptr<BatchLoader> m_valid;
    double m_smoothAvg = 0;
    long m_smoothCount = 0;
    long m_iteration = 0; // batches trained in the current phase
    double m_lastEpochRate = 0;
    std::string m_batchLog; // rows of batches.csv for the epoch in progress
    bool m_channelsLast = false;
    Precision m_precision = Precision::Fp32;
    LossScaler m_scaler;
    torch::Tensor layout(const torch::Tensor &images) const { return m_channelsLast ? channelsLast(images) : images; }
};

} // namespace kiln::detail
