#include "thumbnailcache.h"

#include "data/datasetindex.h"
#include "data/imageloader.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>
#include <vector>

namespace kiln {

namespace {
constexpr int kBatch = 24;          // samples decoded by one job
constexpr std::size_t kMaxPending = 600;
qint64 g_cacheLimit = 96 * 1024 * 1024;
std::vector<ThumbnailCache *> g_caches; // those alive (GUI thread only)

} // namespace

ThumbnailCache::ThumbnailCache(QObject *parent)
    : QObject(parent)
    , m_liveGeneration(std::make_shared<std::atomic<quint64>>(0))
{
    m_cache.setMaxCost(g_cacheLimit);
    g_caches.push_back(this);
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
    m_dispatchTimer.setSingleShot(true);
    m_dispatchTimer.setInterval(0);
    connect(&m_dispatchTimer, &QTimer::timeout, this, &ThumbnailCache::dispatch);
}

ThumbnailCache::~ThumbnailCache()
{
    g_caches.erase(std::remove(g_caches.begin(), g_caches.end(), this), g_caches.end());
    m_pending.clear();
    m_pool.clear();
    m_pool.waitForDone();
}

void ThumbnailCache::setIndex(std::shared_ptr<const DatasetIndex> index)
{
    if (index) {
        m_count = index->size();
        m_pathOf = [index](std::size_t i) { return index->absolutePath(i); };
    } else {
        m_count = 0;
        m_pathOf = nullptr;
    }
    reset();
}

void ThumbnailCache::setPaths(std::shared_ptr<const std::vector<std::filesystem::path>> paths)
{
    if (paths) {
        m_count = paths->size();
        m_pathOf = [paths](std::size_t i) { return (*paths)[i]; };
    } else {
        m_count = 0;
        m_pathOf = nullptr;
    }
    reset();
}

void ThumbnailCache::reset()
{
    ++m_generation;
    m_liveGeneration->store(m_generation);
    m_cache.clear();
    m_queued.clear();
    m_failed.clear();
    m_pending.clear();
}

void ThumbnailCache::setThumbnailSize(int side)
{
    if (side == m_side)
        return;
    m_side = side;
    reset();
}

void ThumbnailCache::setCacheLimitForAll(qint64 bytes)
{
    g_cacheLimit = std::max<qint64>(bytes, 1 << 20);
    for (ThumbnailCache *cache : g_caches)
        cache->m_cache.setMaxCost(g_cacheLimit);
}

QImage ThumbnailCache::thumbnail(int sample)
{
    if (QImage *img = m_cache.object(sample))
        return *img;
    if (!m_pathOf || sample < 0 || std::size_t(sample) >= m_count || m_failed.contains(sample))
        return {};
    if (!m_queued.contains(sample)) {
        m_queued.insert(sample);
        m_pending.push_back(sample);
        while (m_pending.size() > kMaxPending) {
            m_queued.remove(m_pending.front());
            m_pending.pop_front();
        }
        if (!m_dispatchTimer.isActive())
            m_dispatchTimer.start();
    }
    return {};
}

void ThumbnailCache::dispatch()
{
    if (!m_pathOf)
        return;
    const int maxJobs = m_pool.maxThreadCount() * 2;
    while (!m_pending.empty() && m_inFlightJobs < maxJobs) {
        std::vector<std::pair<int, std::filesystem::path>> batch;
        while (!m_pending.empty() && int(batch.size()) < kBatch) {
            const int s = m_pending.back(); // newest first
            m_pending.pop_back();
            batch.emplace_back(s, m_pathOf(std::size_t(s)));
        }
        using Out = std::vector<std::pair<int, LoadedImage>>;
        const int side = m_side;
        auto *watcher = new QFutureWatcher<Out>(this);
        const quint64 generation = m_generation;
        connect(watcher, &QFutureWatcher<Out>::finished, this, [this, watcher, generation] {
            watcher->deleteLater();
            --m_inFlightJobs;
            if (generation == m_generation && !watcher->future().isCanceled()) {
                QList<int> ready;
                for (auto &[s, loaded] : watcher->future().result()) {
                    m_queued.remove(s);
                    if (loaded.image.isNull()) {
                        m_failed.insert(s);
                    } else {
                        const int cost = int(std::max<qsizetype>(1, loaded.image.sizeInBytes()));
                        m_cache.insert(s, new QImage(std::move(loaded.image)), cost);
                    }
                    ready.append(s);
                }
                Q_EMIT thumbnailsReady(ready);
            }
            if (!m_pending.empty())
                dispatch();
        });
        ++m_inFlightJobs;
        watcher->setFuture(QtConcurrent::run(&m_pool, [batch = std::move(batch), side, generation,
                                                       live = m_liveGeneration]() {
            Out out;
            out.reserve(batch.size());
            for (const auto &[s, path] : batch) {
                if (live->load() != generation)
                    break; // the dataset changed: the result will be dropped anyway
                LoadedImage loaded;
                try {
                    loaded = loadThumbnail(path, side);
                } catch (...) {
                    // left empty: shown as failed; never an exception for result() on the GUI thread
                }
                out.emplace_back(s, std::move(loaded));
            }
            return out;
        }));
    }
}

} // namespace kiln
