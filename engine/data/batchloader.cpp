#include "data/batchloader.h"

#include "data/datasetindex.h"
#include "data/imageverifier.h"

#include <ATen/ATen.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <stdexcept>

namespace kiln {


ImageStore::ImageStore(std::vector<std::filesystem::path> paths)
    : m_paths(std::move(paths))
{
}

bool ImageStore::cacheIfFits(std::uint64_t budgetBytes, int maxSide, int threads, Progress *progress,
                             const std::atomic<bool> *stop)
{
    auto stopped = [&] { return (stop && stop->load()) || isCancelled(progress); };
    if (m_paths.empty() || stopped())
        return false;
    // Estimate from a few images.
    std::uint64_t sampleBytes = 0;
    int sampled = 0;
    for (std::size_t i = 0; i < m_paths.size() && sampled < 8; i += std::max<std::size_t>(1, m_paths.size() / 8)) {
        cv::Mat m;
        try {
            m = decodeImageFile(m_paths[i], nullptr);
        } catch (...) {
            continue; // counted as failed when it is decoded for real
        }
        if (m.empty())
            continue;
        const double s = std::min(1.0, double(maxSide) / std::max(m.cols, m.rows));
        sampleBytes += std::uint64_t(double(m.total()) * s * s * double(m.elemSize()));
        ++sampled;
    }
    if (sampled == 0)
        return false;
    const double estimate = double(sampleBytes) / sampled * double(m_paths.size());
    if (estimate > double(budgetBytes))
        return false;
    m_cache.assign(m_paths.size(), cv::Mat());
    m_cacheErrors.assign(m_paths.size(), std::string());
    addTotal(progress, m_paths.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; !stopped() && (i = next.fetch_add(1)) < m_paths.size();) {
            try {
                cv::Mat m = decodeImageFile(m_paths[i], &m_cacheErrors[i]);
                if (!m.empty() && std::max(m.cols, m.rows) > maxSide) {
                    const double s = double(maxSide) / std::max(m.cols, m.rows);
                    cv::Mat small;
                    cv::resize(m, small, cv::Size(std::max(1, int(m.cols * s)), std::max(1, int(m.rows * s))), 0, 0, cv::INTER_AREA);
                    m = small;
                }
                m_cache[i] = m;
            } catch (...) {
                m_cache[i] = cv::Mat();
                m_cacheErrors[i] = "cannot decode: " + exceptionText(std::current_exception());
            }
            stepProgress(progress);
        }
    };
    const auto filled = runOnThreads(std::max(1, threads), "the image cache", work);
    if (!filled || stopped()) {
        // Stopped, or failed as a whole: decode on demand instead, as without a cache.
        m_cache.clear();
        m_cacheErrors.clear();
        return false;
    }
    m_cached = true;
    return true;
}

cv::Mat ImageStore::get(std::size_t i, std::string *error) const
{
    if (m_cached) {
        if (m_cache[i].empty() && error)
            *error = m_cacheErrors[i];
        return m_cache[i];
    }
    return decodeImageFile(m_paths[i], error);
}

BatchLoader::BatchLoader(std::shared_ptr<const ImageStore> store, std::vector<std::size_t> samples, std::vector<int> labels,
                         PipelineConfig pipeline, Options options)
    : m_store(std::move(store))
    , m_samples(std::move(samples))
    , m_labels(std::move(labels))
    , m_pipeline(pipeline)
    , m_options(options)
{
    m_options.batchSize = std::max(1, m_options.batchSize);
    m_options.workers = std::max(1, m_options.workers);
    m_options.prefetch = std::max(1, m_options.prefetch);
    m_pin = m_options.pinMemory;
}

std::pair<std::size_t, std::size_t> rankShare(std::size_t count, std::size_t batch, std::size_t globalBatch, int rank, int world)
{
    const std::size_t begin = std::min(count, batch * globalBatch);
    const std::size_t end = std::min(count, begin + globalBatch);
    const std::size_t per = (end - begin + std::size_t(world) - 1) / std::size_t(world);
    const std::size_t from = std::min(end, begin + std::size_t(rank) * per);
    return {from, std::min(end, from + per)};
}

BatchLoader::~BatchLoader()
{
    stopWorkers();
}

std::size_t BatchLoader::batchesPerEpoch() const
{
    const std::size_t n = m_samples.size(), b = std::size_t(m_options.batchSize) * std::size_t(std::max(1, m_options.world));
    if (m_options.dropLast)
        return n / b;
    return (n + b - 1) / b;
}

void BatchLoader::stopWorkers()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_workAvailable.notify_all();
    for (auto &t : m_workers)
        (void)t.join(); // a failure was already handed to next() through m_workerError
    m_workers.clear();
    m_stopping = false;
    m_workerError.reset();
}

void BatchLoader::startEpoch(int epoch)
{
    stopWorkers();
    m_epoch = epoch;
    m_order.resize(m_samples.size());
    if (m_options.shuffle) {
        m_order = seededPermutation(m_samples.size(), m_options.seed * 1000003ull + std::uint64_t(epoch));
    } else {
        for (std::size_t i = 0; i < m_order.size(); ++i)
            m_order[i] = i;
    }
    m_batches = batchesPerEpoch();
    m_nextToBuild = 0;
    m_nextToReturn = 0;
    m_ready.clear();
    auto failed = [this](const Error &e) {
        {
            std::lock_guard lock(m_mutex);
            if (!m_workerError)
                m_workerError = e;
        }
        m_batchReady.notify_all();
    };
    for (int w = 0; w < m_options.workers; ++w) {
        GuardedThread worker("the batch loader", [this] { workerLoop(); }, failed);
        if (!worker.joinable()) {
            if (m_workers.empty()) // not even one: next() says why
                failed(worker.join().error());
            break;
        }
        m_workers.push_back(std::move(worker));
    }
}

void BatchLoader::workerLoop()
{
    while (true) {
        std::size_t index;
        {
            std::unique_lock lock(m_mutex);
            m_workAvailable.wait(lock, [this] {
                return m_stopping || m_nextToBuild >= m_batches || m_nextToBuild < m_nextToReturn + std::size_t(m_options.prefetch);
            });
            if (m_stopping || m_nextToBuild >= m_batches)
                return;
            index = m_nextToBuild++;
        }
        Batch batch = build(index); // may throw: the GuardedThread hands it to next()
        {
            std::lock_guard lock(m_mutex);
            m_ready.emplace(index, std::move(batch));
        }
        m_batchReady.notify_all();
    }
}

Batch BatchLoader::build(std::size_t batchIndex)
{
    // This rank's share of the global batch (all of it with one rank).
    const int world = std::max(1, m_options.world);
    const auto [begin, end] =
        rankShare(m_order.size(), batchIndex, std::size_t(m_options.batchSize) * std::size_t(world), m_options.rank, world);
    const int c = m_pipeline.channels, s = m_pipeline.size;
    at::Tensor images;
    if (m_pin.load(std::memory_order_relaxed)) {
        try {
            images = at::empty({long(end - begin), c, s, s}, at::TensorOptions().dtype(at::kFloat).pinned_memory(true));
        } catch (const std::exception &) {
            m_pin = false; // no CUDA host allocator in this LibTorch: plain memory from now on
        }
    }
    if (!images.defined())
        images = at::empty({long(end - begin), c, s, s}, at::kFloat);
    std::vector<std::int64_t> labels;
    std::vector<std::size_t> used;
    float *out = images.data_ptr<float>();
    const std::size_t plane = std::size_t(c) * std::size_t(s) * std::size_t(s);
    for (std::size_t k = begin; k < end; ++k) {
        const std::size_t pos = m_order[k];
        const std::size_t storeIndex = m_samples[pos];
        std::string error;
        cv::Mat decoded = m_store->get(storeIndex, &error);
        if (decoded.empty()) {
            std::lock_guard lock(m_failureMutex);
            m_failures.emplace(m_store->path(storeIndex).string(), error.empty() ? "cannot decode" : error);
            continue;
        }
        try {
            auto rng = sampleRng(m_options.seed, std::uint64_t(m_epoch), storeIndex);
            const cv::Mat prepared = prepareImage(decoded, m_pipeline, m_options.train, rng);
            normaliseInto(prepared, m_pipeline, out + used.size() * plane);
        } catch (...) {
            std::lock_guard lock(m_failureMutex);
            m_failures.emplace(m_store->path(storeIndex).string(), "cannot prepare: " + exceptionText(std::current_exception()));
            continue;
        }
        labels.push_back(m_labels[pos]);
        used.push_back(pos);
    }
    Batch batch;
    batch.images = used.size() == end - begin ? images : images.narrow(0, 0, long(used.size()));
    batch.labels = at::tensor(labels, at::kLong);
    if (m_pin.load(std::memory_order_relaxed) && images.is_pinned())
        batch.labels = batch.labels.pin_memory();
    batch.samples = std::move(used);
    return batch;
}

std::optional<Batch> BatchLoader::next()
{
    std::unique_lock lock(m_mutex);
    while (true) {
        if (m_nextToReturn >= m_batches)
            return std::nullopt;
        m_batchReady.wait(lock, [this] { return m_ready.count(m_nextToReturn) != 0 || m_workerError; });
        if (m_ready.count(m_nextToReturn) == 0)
            throw std::runtime_error(m_workerError->message);
        auto node = m_ready.extract(m_nextToReturn);
        ++m_nextToReturn;
        lock.unlock();
        m_workAvailable.notify_all();
        if (node.mapped().samples.empty()) {
            lock.lock();
            continue; // every file of this batch failed: skip it
        }
        return std::move(node.mapped());
    }
}

std::vector<LoaderFailure> BatchLoader::failures() const
{
    std::lock_guard lock(m_failureMutex);
    std::vector<LoaderFailure> out;
    for (const auto &[path, reason] : m_failures)
        out.push_back({path, reason});
    return out;
}

std::size_t BatchLoader::failureCount() const
{
    std::lock_guard lock(m_failureMutex);
    return m_failures.size();
}

void datasetStatistics(const ImageStore &store, const std::vector<std::size_t> &samples, const PipelineConfig &pipeline,
                       std::size_t maxImages, std::array<float, 3> &mean, std::array<float, 3> &stdev)
{
    double sum[3] = {0, 0, 0}, sq[3] = {0, 0, 0};
    double count = 0;
    const std::size_t step = std::max<std::size_t>(1, samples.size() / std::max<std::size_t>(1, maxImages));
    std::mt19937_64 rng(0);
    for (std::size_t k = 0; k < samples.size(); k += step) {
        cv::Mat m = store.get(samples[k]);
        if (m.empty())
            continue;
        cv::Mat img = resizeImage(toChannels(m, pipeline.channels), pipeline.size, pipeline.resize, false, rng);
        for (int y = 0; y < img.rows; ++y) {
            const uchar *row = img.ptr<uchar>(y);
            for (int x = 0; x < img.cols; ++x)
                for (int c = 0; c < pipeline.channels; ++c) {
                    const double v = row[x * pipeline.channels + c] / 255.0;
                    sum[c] += v;
                    sq[c] += v * v;
                }
        }
        count += double(img.rows) * img.cols;
    }
    for (int c = 0; c < 3; ++c) {
        const int src = std::min(c, pipeline.channels - 1);
        const double m = count > 0 ? sum[src] / count : 0.5;
        const double var = count > 0 ? sq[src] / count - m * m : 0.0625;
        mean[std::size_t(c)] = float(m);
        stdev[std::size_t(c)] = float(std::sqrt(std::max(var, 1e-6)));
    }
}

} // namespace kiln
