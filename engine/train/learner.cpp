#include "train/learner.h"

#include "train/learnerimpl.h"
#include "train/distributed.h"

#include "core/fileutil.h"
#include "data/batchloader.h"
#include "models/models.h"
#include "models/statedict.h"
#include "train/optimizer.h"
#include "train/runfiles.h"
#include "train/autocast.h"
#include "train/torchdevice.h"
#include "train/trainsettings.h"

#include <torch/nn/functional/loss.h>
#include <torch/utils.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

namespace fs = std::filesystem;
namespace F = torch::nn::functional;
using Clock = std::chrono::steady_clock;

namespace kiln {

namespace detail {

Result<void> Learner::setup()
{
    if (m_data.classes.size() < 2)
        return Error{"Training needs at least two classes; this dataset has " + std::to_string(m_data.classes.size())
                     + ". Add a folder of images for each class."};
    if (m_data.trainPaths.empty())
        return Error{"There are no training images."};
    if (m_data.validPaths.empty())
        return Error{"There are no validation images: set a validation share above 0 (--valid-pct), or add a valid/ folder."};
    if (auto valid = kiln::validate(m_config); !valid)
        return valid.error();

    m_device = configureDevice(m_config);
    m_torchDevice = torchDevice(m_device);
    m_precision = resolvePrecision(m_config.precision, m_config.arch, m_device.cuda);
    if (m_precision == Precision::Fp16 && !m_device.cuda)
        return Error{"fp16 (--precision fp16) needs a CUDA GPU; LibTorch's CPU autocast computes in bf16. Use bf16 or auto."};
    int size = 0, channels = 0;
    resolveInputShape(m_data, m_config, size, channels);
    m_config.size = size;
    m_config.channels = channels;

    m_spec.arch = m_config.arch;
    m_spec.head = m_config.head;
    m_spec.inChannels = channels;
    m_spec.numClasses = int(m_data.classes.size());
    torch::manual_seed(m_config.seed);
    m_model = makeClassifier(m_spec);
    if (!m_config.pretrained.empty()) {
        if (channels != 3)
            return Error{"Pretrained weights need 3-channel input."};
        auto dict = readStateDict(m_config.pretrained);
        if (!dict)
            return dict.error();
        const auto report = loadStateDict(*m_model, dict.value(), m_model->headPrefixes());
        std::ostringstream m;
        m << "pretrained weights: " << report.matched.size() << " tensors matched, " << report.missing.size()
          << " missing, " << report.unexpected.size() << " unexpected, " << report.shapeMismatch.size() << " of another shape";
        if (report.matched.empty())
            return Error{"None of the tensors in " + m_config.pretrained + " match " + architectureName(m_config.arch)
                         + "; is it a torchvision " + architectureName(m_config.arch) + " state dict?"};
        message(m.str());
    }
    try {
        m_model->to(m_torchDevice);
    } catch (const std::exception &e) {
        return Error{deviceProblem(m_device.name, e)};
    }
    m_channelsLast = prefersChannelsLast(m_config.arch, m_device.cuda);
    if (m_channelsLast)
        useChannelsLast(*m_model);

    // One store for both splits: train first, then valid.
    std::vector<fs::path> all = m_data.trainPaths;
    all.insert(all.end(), m_data.validPaths.begin(), m_data.validPaths.end());
    auto store = std::make_shared<ImageStore>(std::move(all));
    const int workersForCache = m_device.threads;
    if (store->cacheIfFits(m_config.cacheBudgetBytes, std::max(2 * size, 64), workersForCache, nullptr, m_hooks.stop))
        message("decoded images cached in memory");

    m_pipeline.size = size;
    m_pipeline.resize = m_config.resize;
    m_pipeline.channels = channels;
    m_pipeline.augment = augmentConfigOf(m_config);
    std::vector<std::size_t> trainIdx(m_data.trainPaths.size()), validIdx(m_data.validPaths.size());
    for (std::size_t i = 0; i < trainIdx.size(); ++i)
        trainIdx[i] = i;
    for (std::size_t i = 0; i < validIdx.size(); ++i)
        validIdx[i] = trainIdx.size() + i;
    if (m_config.pretrained.empty()) {
        datasetStatistics(*store, trainIdx, m_pipeline, 2000, m_pipeline.mean, m_pipeline.std);
    } // else ImageNet statistics (the defaults)

    const int workers = m_config.workers > 0 ? m_config.workers : (store->cached() ? 1 : m_device.threads);
    BatchLoader::Options trainOptions;
    trainOptions.batchSize = m_config.batchSize;
    trainOptions.shuffle = true;
    trainOptions.rank = m_group ? m_group->rank() : 0;
    trainOptions.world = m_group ? m_group->world() : 1;
    trainOptions.dropLast = m_data.trainPaths.size() >= std::size_t(m_config.batchSize) * std::size_t(trainOptions.world);
    trainOptions.train = true;
    trainOptions.seed = m_config.seed;
    trainOptions.workers = workers;
    trainOptions.pinMemory = m_device.cuda; // so the copies below do not block
    m_train = std::make_unique<BatchLoader>(store, trainIdx, m_data.trainLabels, m_pipeline, trainOptions);
    BatchLoader::Options validOptions = trainOptions;
    validOptions.batchSize = m_config.batchSize * 2;
    validOptions.shuffle = false;
    validOptions.dropLast = false;
    validOptions.train = false;
    m_valid = std::make_unique<BatchLoader>(store, validIdx, m_data.validLabels, m_pipeline, validOptions);

    m_optimizer = std::make_unique<Optimizer>(m_config.optimizer, *m_model, m_config.weightDecay);
    std::ostringstream m;
    m << "device " << m_device.name << ", " << m_device.threads << " threads; " << architectureName(m_config.arch) << " at "
      << size << " px, " << channels << (channels == 1 ? " channel" : " channels") << "; " << m_data.trainPaths.size()
      << " training and " << m_data.validPaths.size() << " validation images";
    message(m.str());
    return Ok{};
}

std::vector<Phase> Learner::makePhases(double lr) const
{
    std::vector<Phase> phases;
    const int groups = 3;
    if (m_config.schedule == ScheduleKind::FineTune) {
        Phase frozen;
        frozen.name = "frozen";
        frozen.epochs = std::max(0, m_config.freezeEpochs);
        frozen.frozen = true;
        frozen.cycle.lrMax = lr;
        frozen.cycle.pctStart = 0.99;
        frozen.groupScale.assign(groups, 1.0);
        if (frozen.epochs > 0)
            phases.push_back(frozen);
        Phase thawed;
        thawed.epochs = m_config.epochs;
        const double base = lr / 2;
        thawed.cycle.lrMax = base;
        thawed.cycle.pctStart = 0.3;
        thawed.cycle.div = 5.0;
        const auto lrs = sliceLrs(base / 100, base, groups);
        for (double g : lrs)
            thawed.groupScale.push_back(g / base);
        phases.push_back(thawed);
    } else {
        Phase p;
        p.epochs = m_config.epochs;
        p.cycle.lrMax = lr;
        p.cycle.pctStart = m_config.pctStart;
        p.constant = m_config.schedule == ScheduleKind::Constant;
        p.groupScale.assign(groups, 1.0);
        phases.push_back(p);
    }
    return phases;
}

void Learner::applyFreeze(bool frozen)
{
    if (frozen)
        m_model->freezeBody();
    else
        m_model->unfreeze();
}

torch::Tensor Learner::forwardLogits(const torch::Tensor &x)
{
    const AutocastScope autocast(m_precision, m_device.cuda);
    return m_model->forward(x).to(torch::kFloat);
}

void Learner::backwardAndStep(const torch::Tensor &loss)
{
    if (m_precision == Precision::Fp16) {
        m_scaler.scale(loss).backward();
        averageGradients(); // before the overflow check, so every rank decides alike
        if (m_scaler.unscale(m_model->parameters()))
            m_optimizer->step();
    } else {
        loss.backward();
        averageGradients();
        m_optimizer->step();
    }
}

torch::Tensor Learner::lossOf(const torch::Tensor &logits, const torch::Tensor &labels)
{
    return F::cross_entropy(logits, labels, F::CrossEntropyFuncOptions().label_smoothing(m_config.labelSmoothing));
}

Result<double> Learner::trainEpoch(const Phase &phase, int phaseEpoch, int globalEpoch, int totalEpochs, bool &stopped)
{
    m_model->train();
    // Dropout draws depend only on (seed, epoch): a resumed run continues identically.
    torch::manual_seed(m_config.seed * 7919 + std::uint64_t(globalEpoch));
    m_train->startEpoch(globalEpoch);
    m_batchLog.clear();
    const long batches = long(m_train->batchesPerEpoch());
    const double phaseIters = double(phase.epochs) * double(batches);
    m_iteration = long(phaseEpoch) * batches;
    const auto start = Clock::now();
    auto lastTick = start;
    long images = 0, imagesSinceTick = 0;
    double rate = 0;
    long b = 0;
    while (auto batch = m_train->next()) {
        if (m_hooks.pausePoint)
            m_hooks.pausePoint();
        if (stopRequested()) {
            stopped = true;
            return 0.0;
        }
        const double pos = double(m_iteration) / phaseIters;
        const double lr = phase.constant ? phase.cycle.lrMax : phase.cycle.lr(pos);
        const double mom = phase.constant ? (m_config.optimizer == OptimizerKind::Sgd ? m_config.momentum : 0.9)
                                          : phase.cycle.mom(pos);
        std::vector<double> lrs;
        for (double s : phase.groupScale)
            lrs.push_back(lr * s);
        m_optimizer->setLearningRates(lrs);
        m_optimizer->setMomentum(mom);

        auto x = layout(batch->images.to(m_torchDevice, /*non_blocking=*/m_device.cuda));
        auto y = batch->labels.to(m_torchDevice, /*non_blocking=*/m_device.cuda);
        m_optimizer->zeroGrad();
        auto loss = lossOf(forwardLogits(x), y);
        const double value = loss.item<double>();
        if (!std::isfinite(value)) {
            std::ostringstream m;
            m << "The loss became " << (std::isnan(value) ? "NaN" : "infinite") << " at epoch " << globalEpoch << ", batch " << b
              << " (learning rate " << lr << "). Training stopped; the last good checkpoint is kept. "
              << "Try a lower learning rate (run lr-find) or check the data.";
            return Error{m.str()};
        }
        backwardAndStep(loss);

        ++m_smoothCount;
        m_smoothAvg = 0.98 * m_smoothAvg + 0.02 * value;
        const double smooth = m_smoothAvg / (1 - std::pow(0.98, double(m_smoothCount)));
        images += long(batch->samples.size());
        imagesSinceTick += long(batch->samples.size());
        const auto now = Clock::now();
        const double dt = std::chrono::duration<double>(now - lastTick).count();
        if (dt > 0.5 || rate == 0) {
            rate = dt > 0 ? double(imagesSinceTick) / dt : 0;
            lastTick = now;
            imagesSinceTick = 0;
        }
        {
            char row[160];
            std::snprintf(row, sizeof row, "%d,%ld,%.6g,%.6g,%.6g,%.4f\n", globalEpoch, b, value, smooth, lrs.back(), mom);
            m_batchLog += row;
        }
        if (m_hooks.batch) {
            BatchTelemetry t;
            t.epoch = globalEpoch;
            t.batch = int(b);
            t.batches = int(batches);
            t.loss = value;
            t.smoothLoss = smooth;
            t.lr = lrs.back();
            t.mom = mom;
            t.imagesPerSecond = rate;
            t.position = (double(globalEpoch) + double(b + 1) / double(batches)) / double(totalEpochs);
            m_hooks.batch(t);
        }
        ++m_iteration;
        ++b;
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    m_lastEpochRate = seconds > 0 ? double(images) / seconds : 0;
    return m_smoothCount ? m_smoothAvg / (1 - std::pow(0.98, double(m_smoothCount))) : 0.0;
}

void Learner::validate(double &loss, double &accuracy)
{
    m_model->eval();
    torch::NoGradGuard guard;
    double total = 0, correct = 0, count = 0;
    m_valid->startEpoch(0);
    while (auto batch = m_valid->next()) {
        auto x = layout(batch->images.to(m_torchDevice, /*non_blocking=*/m_device.cuda));
        auto y = batch->labels.to(m_torchDevice, /*non_blocking=*/m_device.cuda);
        auto logits = forwardLogits(x);
        total += F::cross_entropy(logits, y, F::CrossEntropyFuncOptions().reduction(torch::kSum)).item<double>();
        correct += logits.argmax(1).eq(y).sum().item<double>();
        count += double(batch->samples.size());
    }
    sumOverRanks(total, correct, count); // each rank validated its share
    loss = count > 0 ? total / count : std::nan("");
    accuracy = count > 0 ? correct / count : 0;
}

std::vector<std::pair<std::string, torch::Tensor>> Learner::snapshot()
{
    std::vector<std::pair<std::string, torch::Tensor>> state;
    for (const auto &p : m_model->named_parameters())
        state.emplace_back(p.key(), p.value().detach().clone());
    for (const auto &b : m_model->named_buffers())
        state.emplace_back(b.key(), b.value().detach().clone());
    return state;
}

void Learner::restore(const std::vector<std::pair<std::string, torch::Tensor>> &state)
{
    torch::NoGradGuard guard;
    auto params = m_model->named_parameters();
    auto buffers = m_model->named_buffers();
    for (const auto &[name, value] : state) {
        if (auto *p = params.find(name))
            p->copy_(value);
        else if (auto *b = buffers.find(name))
            b->copy_(value);
    }
}

Result<void> Learner::saveCheckpoint(const fs::path &file, int epochsDone, double bestLoss, int bestEpoch, int badEpochs)
{
    try {
        TensorMap t;
        for (const auto &p : m_model->named_parameters())
            t["model." + p.key()] = p.value().detach().cpu();
        for (const auto &b : m_model->named_buffers())
            t["model." + b.key()] = b.value().detach().cpu();
        m_optimizer->save(t);
        t["meta.epochs_done"] = torch::tensor(std::int64_t(epochsDone));
        t["meta.best_loss"] = torch::tensor(bestLoss, torch::kDouble);
        t["meta.best_epoch"] = torch::tensor(std::int64_t(bestEpoch));
        t["meta.bad_epochs"] = torch::tensor(std::int64_t(badEpochs));
        t["meta.smooth_avg"] = torch::tensor(m_smoothAvg, torch::kDouble);
        t["meta.smooth_count"] = torch::tensor(std::int64_t(m_smoothCount));
        t["meta.rng"] = at::detail::getDefaultCPUGenerator().get_state();
        t["meta.loss_scale"] = torch::tensor(m_scaler.currentScale(), torch::kDouble);
        if (m_device.cuda) // a resume on the GPU draws the same dropout masks
            t["meta.cuda_rng"] = at::globalContext().defaultGenerator(m_torchDevice).get_state();
        if (auto w = writeTensorMap(file, t); !w)
            return Error{"Cannot write the checkpoint: " + w.message()};
    } catch (const std::exception &e) {
        return Error{"Cannot write the checkpoint " + file.string() + ": " + e.what()};
    }
    return Ok{};
}

Result<void> Learner::loadCheckpoint(const fs::path &file, int &epochsDone, double &bestLoss, int &bestEpoch, int &badEpochs)
{
    try {
        auto read = readTensorMap(file);
        if (!read)
            return read.error();
        const TensorMap &t = read.value();
        auto get = [&](const std::string &k) {
            auto it = t.find(k);
            if (it == t.end())
                throw std::runtime_error("missing " + k);
            return it->second;
        };
        if (auto loaded = loadModelTensors(*m_model, t); !loaded)
            throw std::runtime_error(loaded.message());
        m_optimizer->load(t);
        epochsDone = int(get("meta.epochs_done").item<std::int64_t>());
        bestLoss = get("meta.best_loss").item<double>();
        bestEpoch = int(get("meta.best_epoch").item<std::int64_t>());
        badEpochs = int(get("meta.bad_epochs").item<std::int64_t>());
        m_smoothAvg = get("meta.smooth_avg").item<double>();
        m_smoothCount = long(get("meta.smooth_count").item<std::int64_t>());
        if (auto scale = t.find("meta.loss_scale"); scale != t.end()) // checkpoints before mixed precision lack it
            m_scaler.setScale(scale->second.item<double>());
        {
            at::Generator generator = at::detail::getDefaultCPUGenerator();
            std::lock_guard<std::mutex> lock(generator.mutex());
            generator.set_state(get("meta.rng"));
        }
        if (auto cudaRng = t.find("meta.cuda_rng"); cudaRng != t.end() && m_device.cuda) {
            at::Generator generator = at::globalContext().defaultGenerator(m_torchDevice);
            std::lock_guard<std::mutex> lock(generator.mutex());
            generator.set_state(cudaRng->second);
        }
    } catch (const std::exception &e) {
        return Error{"Cannot read the checkpoint " + file.string() + " (" + e.what()
                     + "). It may come from another model or a damaged file; start a new run."};
    }
    return Ok{};
}

Result<TrainSummary> Learner::fit(const fs::path &runDir, bool resume)
{
    const auto fitStart = Clock::now();
    TrainSummary summary;
    summary.runDir = runDir.string();
    summary.device = m_device.name;
    summary.precision = precisionName(m_precision);
    summary.threads = m_device.threads;
    summary.classes = m_data.classes;
    summary.size = m_config.size;
    summary.channels = m_config.channels;
    summary.mean.assign(m_pipeline.mean.begin(), m_pipeline.mean.begin() + m_config.channels);
    summary.std.assign(m_pipeline.std.begin(), m_pipeline.std.begin() + m_config.channels);
    std::error_code ec;
    fs::create_directories(runDir / "checkpoints", ec);
    if (ec)
        return Error{"Cannot create the run folder " + runDir.string() + ": " + ec.message()};
    const fs::path lastCkpt = runDir / "checkpoints" / "last.pt";
    const fs::path bestCkpt = runDir / "checkpoints" / "best.pt";
    const fs::path metricsFile = runDir / "metrics.csv";

    double lr = m_config.lr;
    if (lr <= 0) {
        if (resume)
            return Error{"The run's learning rate is unknown; resume needs the run.json written when it started."};
        message("finding a learning rate (lr_find)...");
        auto found = lrFind(1e-7, 10.0, 100, false);
        if (!found)
            return found.error();
        if (!found->suggestions.valid)
            return Error{"lr_find could not suggest a learning rate (too few batches); pass --lr explicitly."};
        lr = found->suggestions.valley;
        if (m_hooks.learningRateChosen)
            m_hooks.learningRateChosen(lr);
        char buf[128];
        std::snprintf(buf, sizeof buf, "lr_find suggests %.3g (valley); training with it", lr);
        message(buf);
    }
    summary.learningRate = lr;
    const auto phases = makePhases(lr);
    int totalEpochs = 0;
    for (const auto &p : phases)
        totalEpochs += p.epochs;

    int epochsDone = 0, bestEpoch = -1, badEpochs = 0;
    double bestLoss = std::numeric_limits<double>::infinity();
    if (resume) {
        if (!fs::exists(lastCkpt)) {
            message("no checkpoint in the run yet: starting from the beginning");
        } else {
            auto loaded = loadCheckpoint(lastCkpt, epochsDone, bestLoss, bestEpoch, badEpochs);
            if (!loaded)
                return loaded.error();
            auto read = readMetrics(metricsFile);
            if (!read)
                return Error{"Cannot resume: " + read.message()};
            auto rows = std::move(read).value();
            rows.resize(std::min<std::size_t>(rows.size(), std::size_t(epochsDone)));
            summary.epochs = rows;
            message("resuming after epoch " + std::to_string(epochsDone - 1) + " of " + std::to_string(totalEpochs));
        }
    }
    const fs::path batchesFile = runDir / "batches.csv";
    if (writer()) {
        if (auto w = writeMetrics(metricsFile, summary.epochs); !w)
            return w.error();
        trimBatchLog(batchesFile, epochsDone);
    }
    shareWeights();

    int globalEpoch = 0;
    bool stop = false;
    for (const auto &phase : phases) {
        applyFreeze(phase.frozen);
        for (int e = 0; e < phase.epochs && !stop; ++e, ++globalEpoch) {
            if (globalEpoch < epochsDone)
                continue;
            const auto epochStart = Clock::now();
            bool stopped = false;
            auto trainLoss = trainEpoch(phase, e, globalEpoch, totalEpochs, stopped);
            if (!trainLoss)
                return trainLoss.error();
            if (stopped) {
                summary.stopped = true;
                stop = true;
                message("stopped by request after " + std::to_string(globalEpoch) + " finished epoch(s); the checkpoint of the last finished epoch is kept");
                break;
            }
            EpochMetrics m;
            m.epoch = globalEpoch;
            m.phase = phase.name;
            m.trainLoss = trainLoss.value();
            validate(m.validLoss, m.accuracy);
            m.errorRate = 1.0 - m.accuracy;
            m.seconds = std::chrono::duration<double>(Clock::now() - epochStart).count();
            m.imagesPerSecond = m_lastEpochRate;
            if (!std::isfinite(m.validLoss))
                return Error{"The validation loss became NaN at epoch " + std::to_string(globalEpoch)
                             + "; training stopped and the last good checkpoint is kept. Try a lower learning rate."};
            summary.epochs.push_back(m);
            const bool improved = m.validLoss < bestLoss;
            if (improved) {
                bestLoss = m.validLoss;
                bestEpoch = globalEpoch;
                badEpochs = 0;
            } else {
                ++badEpochs;
            }
            checkWeightsAgree(globalEpoch);
            if (writer()) { // only rank 0 writes the run folder
                if (auto w = writeMetrics(metricsFile, summary.epochs); !w)
                    return w.error();
                if (auto b = appendBatchLog(batchesFile, m_batchLog); !b)
                    message("the batch log could not be written (" + b.message() + "); the curves of this epoch are not saved");
                if (auto c = saveCheckpoint(lastCkpt, globalEpoch + 1, bestLoss, bestEpoch, badEpochs); !c)
                    return c.error();
            }
            if (m_config.keepBest && improved && writer()) {
                // Atomic and checked: a copy cut short never replaces a good best.pt, which the
                // end of the run and --checkpoint best prefer.
                if (auto c = copyFileAtomic(lastCkpt, bestCkpt); !c)
                    return Error{"Cannot keep the best checkpoint: " + c.message()};
            }
            if (m_hooks.epoch)
                m_hooks.epoch(m);
            const bool lastPhase = &phase == &phases.back();
            if (lastPhase && m_config.earlyStopPatience > 0 && badEpochs >= m_config.earlyStopPatience) {
                summary.earlyStopped = true;
                message("early stopping: valid_loss did not improve for " + std::to_string(badEpochs) + " epoch(s)");
                stop = true;
            }
        }
        if (stop)
            break;
    }
    if (m_config.keepBest && bestEpoch >= 0 && fs::exists(bestCkpt) && !summary.stopped) {
        int d = 0, be = 0, bad = 0;
        double bl = 0;
        if (loadCheckpoint(bestCkpt, d, bl, be, bad))
            message("kept the model of epoch " + std::to_string(bestEpoch) + " (lowest valid_loss)");
    }
    summary.bestEpoch = bestEpoch;
    summary.bestValidLoss = bestLoss;
    summary.skippedFiles = m_train->failureCount() + m_valid->failureCount();
    for (const auto &f : m_train->failures())
        message("skipped " + f.path + ": " + f.reason);
    for (const auto &f : m_valid->failures())
        message("skipped " + f.path + ": " + f.reason);
    summary.skippedSteps = m_scaler.skippedSteps();
    summary.seconds = std::chrono::duration<double>(Clock::now() - fitStart).count();
    return summary;
}

} // namespace detail

using detail::Learner;

namespace {

// What LibTorch threw, with the device's advice when CUDA raised it (out of memory, a kernel failure).
std::string failureText(const char *what, const TrainConfig &config, const c10::Error &e)
{
    const std::string text = e.what_without_backtrace();
    const bool cuda = text.find("CUDA") != std::string::npos || text.find("cuda") != std::string::npos
        || text.find("cuDNN") != std::string::npos || text.find("CUBLAS") != std::string::npos;
    if (cuda && config.device != "cpu")
        return std::string(what) + " on the GPU: " + deviceProblem(configureDevice(config).name, e);
    return std::string(what) + ": LibTorch: " + exceptionLine(e);
}

} // namespace

Result<TrainSummary> trainModel(const TrainData &data, const TrainConfig &config, const fs::path &runDir, bool resume,
                                const TrainHooks &hooks, DataParallel *group)
{
    try {
        Learner learner(data, config, hooks, group);
        if (auto s = learner.setup(); !s)
            return s.error();
        return learner.fit(runDir, resume);
    } catch (const c10::Error &e) {
        return Error{failureText("Training failed", config, e)};
    } catch (const std::exception &e) {
        return Error{std::string("Training failed: ") + e.what()};
    }
}

Result<LrFindResult> findLearningRate(const TrainData &data, const TrainConfig &config, const TrainHooks &hooks,
                                      double startLr, double endLr, int numIt)
{
    try {
        Learner learner(data, config, hooks);
        if (auto s = learner.setup(); !s)
            return s.error();
        return learner.lrFind(startLr, endLr, numIt);
    } catch (const c10::Error &e) {
        return Error{failureText("lr_find failed", config, e)};
    } catch (const std::exception &e) {
        return Error{std::string("lr_find failed: ") + e.what()};
    }
}

} // namespace kiln
