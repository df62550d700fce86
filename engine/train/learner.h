#pragma once
// The learner: trains a classifier with fastai's schedules and behaviour (see
// ../shared/reference/fastai-training.md). Torch-free interface over a LibTorch implementation.
// Everything here runs synchronously on the calling thread (the training worker's thread);
// progress and results leave through TrainHooks. Qt-free, so the numeric core builds alone.
//
// A run folder holds metrics.csv (one row per finished epoch) and checkpoints/last.pt (model,
// optimizer, schedule position and RNG state after the last finished epoch, written atomically),
// plus checkpoints/best.pt with keep-best.

#include "core/result.h"
#include "train/trainconfig.h"

#include <filesystem>
#include <string>

namespace kiln {

struct DeviceInfo {
    std::string name; // "cpu" or "cuda:0 (<gpu name>)"
    bool cuda = false;
    int index = 0; // the CUDA device's ordinal
    int threads = 1;
};

// True when LibTorch sees a CUDA device.
bool cudaAvailable();
// "NVIDIA H200, 140 GiB": the CUDA driver's name and memory of GPU `index`; "" without a driver
// or a GPU (whether or not this LibTorch was built with CUDA).
std::string cudaDeviceDescription(int index = 0);
// "LibTorch 1.13.0, OpenCV 4.6.0, <device>" for About boxes and bug reports.
std::string runtimeDescription();

// Picks the device (CUDA when available and not refused) and sets LibTorch's thread count to the
// configured number or the machine's cores (LibTorch defaults to one thread here otherwise). Also
// tunes glibc's allocator once per process so per-batch activation buffers are reused, not
// returned to the kernel (see learner.cpp).
DeviceInfo configureDevice(const TrainConfig &config);
// "cuda:1: <what CUDA said>. <advice>": out of memory → a smaller batch; any other CUDA failure
// (no driver, a device that does not exist, a kernel that failed) → the CPU, with where to choose it.
std::string deviceProblem(const std::string &device, const std::exception &e);
// What "auto" means for configureDevice in this process (the studio's Preferences: "auto" takes
// a GPU when there is one, "cpu" never does), for every step: training, interpreting, exporting's
// checks and predicting. Any thread.
void setPreferredDevice(const std::string &device);

// Trains from scratch into runDir, or, with `resume`, continues the run in runDir from its last
// checkpoint with the same configuration. Stops cleanly between batches when hooks.stop is set
// (the last finished epoch's checkpoint stays). A NaN or infinite loss ends the run with an Error
// that says where it happened; the last good checkpoint is kept.
//
// With `group`, this process is one rank of data-parallel training (distributed.h): every rank
// trains its share of each global batch (config.batchSize per rank), gradients are averaged,
// validation is shared out and summed, the weights are checked to agree after every epoch, and
// rank 0 alone writes the run folder. Every rank returns the same metrics.
class DataParallel;
bool isRankZero(const DataParallel &group);
Result<TrainSummary> trainModel(const TrainData &data, const TrainConfig &config, const std::filesystem::path &runDir,
                                bool resume, const TrainHooks &hooks, DataParallel *group = nullptr);

// fastai's lr_find: exponentially growing learning rate from startLr to endLr over numIt batches,
// no validation, stops when the smoothed loss exceeds 4x its best. Works on a fresh model built
// from the config (frozen body for fine-tune, as fastai's vision learner); returns the curve and
// the four suggestions.
Result<LrFindResult> findLearningRate(const TrainData &data, const TrainConfig &config, const TrainHooks &hooks,
                                      double startLr = 1e-7, double endLr = 10.0, int numIt = 100);

// The size and channel count a run will use for `config` on `data` (resolves the automatic choices).
void resolveInputShape(const TrainData &data, const TrainConfig &config, int &size, int &channels);

} // namespace kiln
