#pragma once
// Acquire: fills a dataset's class folders from image search. For each class it searches (one
// search request at a time, paced), downloads in parallel (bounded in total and per host), checks
// every download (magic bytes, full decode, size), optionally downscales it, drops exact and near
// duplicates within and across classes, and writes the survivors as images/<class>/<hash>.<ext>
// (through a .part file and a rename). Every URL's outcome is appended to a per-class manifest,
// .kiln/acquire/<class>.jsonl, so a rerun skips what is done and retries what failed for a
// passing reason (timeouts, server errors).
//
// Lives on the thread that creates it (the GUI thread or kiln-cli's event loop) and never blocks
// it: network I/O is asynchronous and decoding and hashing run on the thread pool.

#include "acquire/fingerprint.h"
#include "acquire/imagesearch.h"

#include <QElapsedTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <vector>

class QNetworkReply;

namespace kiln {

struct AcquireClass {
    QString name;      // the class folder
    QString query;     // what to search for (the name when empty)
    int wanted = 100;  // images to end up with (those already there count)
    QStringList urls;  // when not empty: download these instead of searching
};

struct AcquireOptions {
    SearchOptions search;
    int concurrency = 16;       // downloads at once
    int perHost = 4;            // downloads at once from one host
    int timeoutMs = 15000;      // no data for this long: timeout
    int deadlineMs = 60000;     // one download at most this long
    int maxRedirects = 5;
    qint64 maxBytes = 20ll << 20; // larger transfers are aborted
    int maxSide = 0;            // downscale larger images to this side (fastai uses 400); 0 keeps them
    int nearDuplicateBits = 6;  // near copies: dHash within this many bits ...
    double nearDuplicateThumb = 8; // ... and 16 x 16 thumbnails within this many grey levels (imagehash.h)
    double candidates = 1.5;    // image URLs gathered per wanted image before asking for more
};

struct AcquireCounts {
    int wanted = 0;
    int present = 0;     // images there before this run (kept, counted towards wanted)
    int found = 0;       // URLs the search gave
    int downloaded = 0;  // new images written
    int failed = 0;
    int duplicates = 0;
    int inFlight = 0;
    bool searchDone = false;
    bool done = false;
    QString state;       // what the class waits for, e.g. "rate limited (HTTP 429), retrying in 4 s"
    int have() const { return present + downloaded; }
};

struct AcquireOutcome {
    int classIndex = -1;
    QString url;
    QString status; // ok, failed, duplicate, skipped (not needed any more)
    QString file;   // written file, or for a duplicate the file it duplicates (relative to the project)
    QString reason;
    bool crossClass = false; // a duplicate of an image of another class
};

struct ProcessedDownload; // a checked, fingerprinted download (acquirejob.cpp)

class AcquireJob : public QObject {
    Q_OBJECT
public:
    // `datasetDir`: a project or image folder (see locateDataset()).
    AcquireJob(const std::filesystem::path &datasetDir, std::vector<AcquireClass> classes, AcquireOptions options,
               QObject *parent = nullptr);
    ~AcquireJob() override;

    void start();
    void cancel();
    bool isRunning() const { return m_running; }

    const std::vector<AcquireClass> &classes() const { return m_classes; }
    const std::vector<AcquireCounts> &counts() const { return m_counts; }
    const std::vector<AcquireOutcome> &failures() const { return m_failures; } // failed and duplicate
    double elapsedSeconds() const { return m_clock.isValid() ? double(m_clock.elapsed()) / 1000.0 : 0.0; }
    std::filesystem::path manifestFile(int classIndex) const;

Q_SIGNALS:
    void changed();                                   // counts or states moved on
    void imageAdded(int classIndex, const QString &path);
    void itemFinished(const kiln::AcquireOutcome &outcome); // every URL's outcome, ok or not
    void finished(bool cancelled);

private:
    struct Candidate {
        QString url;
    };
    struct Known {
        QByteArray sha;
        ImageFingerprint print;
        QString file; // relative to the project
        int classIndex = -1;
    };

    void loadManifests();
    void scanExisting();
    void startSearches();
    void pumpSearch();
    void pump();
    void download(int classIndex, const QString &url);
    void onDownloaded(int classIndex, const QString &url, QNetworkReply *reply, const QByteArray &body);
    void accept(int classIndex, const QString &url, const ProcessedDownload &p);
    void record(const AcquireOutcome &outcome, bool retryLater);
    void checkDone();
    bool wantsMore(int c) const;

    std::filesystem::path m_home, m_imagesRoot;
    std::vector<AcquireClass> m_classes;
    AcquireOptions m_options;
    std::vector<AcquireCounts> m_counts;
    std::vector<std::deque<Candidate>> m_pending;
    std::vector<QSet<QString>> m_skip; // URLs the manifest says are done
    std::vector<ImageSearch *> m_searches;
    std::vector<bool> m_searchStarted;
    int m_searching = -1; // the class whose search request is out
    std::vector<Known> m_known;
    QHash<QByteArray, int> m_bySha; // content hash -> index into m_known
    QHash<QString, int> m_perHost;
    QSet<QNetworkReply *> m_replies;
    std::vector<AcquireOutcome> m_failures;
    QNetworkAccessManager m_network;
    QElapsedTimer m_clock;
    int m_nextClass = 0;
    int m_processing = 0;
    bool m_running = false, m_cancelled = false;
};

} // namespace kiln

Q_DECLARE_METATYPE(kiln::AcquireOutcome)
