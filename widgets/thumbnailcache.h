#pragma once
// Thumbnails of a dataset's samples, decoded off the GUI thread into a bounded cache.
// thumbnail() never blocks: it returns what is cached, or a null image and queues the sample.
// The newest requests are served first (what the user looks at now), a burst of requests is
// coalesced into one dispatch, and the queue is capped so a fast scroll does not pile up work.
// GUI thread only.

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <deque>
#include <filesystem>
#include <functional>
#include <vector>
#include <memory>

namespace kiln {

class DatasetIndex;

class ThumbnailCache : public QObject {
    Q_OBJECT
public:
    explicit ThumbnailCache(QObject *parent = nullptr);
    ~ThumbnailCache() override;

    // The images are a dataset's samples (by row), or a list of files (by position).
    void setIndex(std::shared_ptr<const DatasetIndex> index);
    void setPaths(std::shared_ptr<const std::vector<std::filesystem::path>> paths);
    void setThumbnailSize(int side);
    int thumbnailSize() const { return m_side; }
    // The memory limit of each thumbnail cache (Preferences ▸ Thumbnail cache), for the caches
    // that exist (the Dataset page's, the Analyze gallery's) and those made later.
    static void setCacheLimitForAll(qint64 bytes);
    qint64 cacheLimitBytes() const { return m_cache.maxCost(); }

    QImage thumbnail(int sample);
    bool isFailed(int sample) const { return m_failed.contains(sample); }
    int pendingCount() const { return int(m_pending.size()); }

Q_SIGNALS:
    void thumbnailsReady(const QList<int> &samples);

private:
    void dispatch();
    void reset();

    std::function<std::filesystem::path(std::size_t)> m_pathOf;
    std::size_t m_count = 0;
    QCache<int, QImage> m_cache;
    QSet<int> m_queued;   // pending or in flight
    QSet<int> m_failed;
    std::deque<int> m_pending;
    QThreadPool m_pool;
    QTimer m_dispatchTimer;
    int m_inFlightJobs = 0;
    int m_side = 96;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<quint64>> m_liveGeneration; // read by jobs to skip stale work
};

} // namespace kiln
