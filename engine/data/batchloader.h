#pragma once
// The training batch loader (engine-private: produces torch tensors). Worker threads decode and
// transform samples into batches; a bounded window of batches is prepared ahead of the consumer.
// Deterministic for a seed: the epoch's order and every sample's augmentation depend only on
// (seed, epoch, sample), never on thread timing. A file that fails to decode is skipped, counted
// and reported; it never stops training. Neither does a file whose preparation throws (OpenCV on
// a strange image): it is skipped and reported the same way.
//
// Threads: construct, startEpoch() and next() from one consumer thread; workers are internal
// (GuardedThreads). When a worker fails as a whole (a batch cannot be allocated, say), next()
// throws std::runtime_error with the reason on the consumer thread instead of waiting forever:
// the loader's callers (the learner, lr_find, the predictor) run under guards that turn it into
// an Error.

#include "core/guardedthread.h"
#include "core/progress.h"
#include "data/transforms.h"

#include <ATen/core/Tensor.h>
#include <opencv2/core.hpp>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kiln {

// The images of a dataset by index, with an optional in-memory cache of decoded pixels (filled
// once up front when the estimate fits the budget). Thread-safe for concurrent reads.
class ImageStore {
public:
    explicit ImageStore(std::vector<std::filesystem::path> paths);

    // Decodes everything into memory when the estimated size is at most `budgetBytes`. Images
    // larger than `maxSide` are stored downscaled to it (the pipeline resizes anyway). An image
    // whose decoding throws is cached as failed, with the reason. Gives up, caching nothing, as
    // soon as `stop` (may be null) becomes true or progress is cancelled.
    // Returns true when the cache is in use.
    bool cacheIfFits(std::uint64_t budgetBytes, int maxSide, int threads, Progress *progress = nullptr,
                     const std::atomic<bool> *stop = nullptr);
    bool cached() const { return m_cached; }

    // The decoded image (BGR order, any depth), or an empty Mat with `error` set.
    cv::Mat get(std::size_t i, std::string *error = nullptr) const;
    std::size_t size() const { return m_paths.size(); }
    const std::filesystem::path &path(std::size_t i) const { return m_paths[i]; }

private:
    std::vector<std::filesystem::path> m_paths;
    std::vector<cv::Mat> m_cache;
    std::vector<std::string> m_cacheErrors;
    bool m_cached = false;
};

struct Batch {
    at::Tensor images;                // N x C x H x W float32, normalised
    at::Tensor labels;                // N int64
    std::vector<std::size_t> samples; // indices into the loader's sample list
};

struct LoaderFailure {
    std::string path;
    std::string reason;
};

// Rank `rank`'s share of global batch `batch` (of `globalBatch` items) of `count` items in order:
// the positions [first, second), the contiguous slice [rank x per, (rank + 1) x per) of it with
// per = ceil(size / world). The last batch of an epoch may leave a rank fewer items, or none.
std::pair<std::size_t, std::size_t> rankShare(std::size_t count, std::size_t batch, std::size_t globalBatch, int rank, int world);

class BatchLoader {
public:
    struct Options {
        int batchSize = 64;
        bool shuffle = false;
        bool dropLast = false;
        bool train = false; // augment (when the pipeline enables it)
        std::uint64_t seed = 42;
        int workers = 1;
        int prefetch = 4; // batches ready ahead of the consumer
        // Batches in page-locked host memory, so a copy to the GPU can run without blocking (the
        // learner and predictor ask for it on CUDA). Ignored where LibTorch cannot pin.
        bool pinMemory = false;
        // Data-parallel training: each global batch is batchSize x world samples of the epoch's
        // order, and this loader yields rank `rank`'s contiguous share of each (distributed.h).
        int rank = 0;
        int world = 1;
    };

    BatchLoader(std::shared_ptr<const ImageStore> store, std::vector<std::size_t> samples, std::vector<int> labels,
                PipelineConfig pipeline, Options options);
    ~BatchLoader();
    BatchLoader(const BatchLoader &) = delete;
    BatchLoader &operator=(const BatchLoader &) = delete;

    std::size_t batchesPerEpoch() const;
    std::size_t sampleCount() const { return m_samples.size(); }
    // Starts producing the batches of `epoch`; abandons any batches of the previous epoch.
    void startEpoch(int epoch);
    // The next batch in order, or nullopt at the end of the epoch. Blocks while it is prepared.
    std::optional<Batch> next();

    // Files that failed to decode so far (each reported once).
    std::vector<LoaderFailure> failures() const;
    std::size_t failureCount() const;
    const PipelineConfig &pipeline() const { return m_pipeline; }

private:
    void stopWorkers();
    void workerLoop();
    Batch build(std::size_t batchIndex);

    std::shared_ptr<const ImageStore> m_store;
    std::vector<std::size_t> m_samples; // store indices
    std::vector<int> m_labels;          // parallel to m_samples
    PipelineConfig m_pipeline;
    Options m_options;

    int m_epoch = 0;
    std::vector<std::size_t> m_order; // positions into m_samples for this epoch
    std::size_t m_batches = 0;
    std::size_t m_nextToBuild = 0;
    std::size_t m_nextToReturn = 0;
    std::map<std::size_t, Batch> m_ready;
    bool m_stopping = false;
    std::optional<Error> m_workerError; // a worker that failed as a whole (next() throws it)
    std::vector<GuardedThread> m_workers;
    mutable std::mutex m_mutex;
    std::condition_variable m_workAvailable;
    std::condition_variable m_batchReady;

    mutable std::mutex m_failureMutex;
    std::atomic<bool> m_pin{false};
    std::map<std::string, std::string> m_failures;
};

// Per-channel mean and standard deviation of up to `maxImages` images after the pipeline's resize
// (no augmentation), for normalising data that has no pretrained statistics.
void datasetStatistics(const ImageStore &store, const std::vector<std::size_t> &samples, const PipelineConfig &pipeline,
                       std::size_t maxImages, std::array<float, 3> &mean, std::array<float, 3> &std);

} // namespace kiln
