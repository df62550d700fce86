#include "acquire/acquirejob.h"

#include "acquire/imagehash.h"
#include "core/fileutil.h"
#include "core/guardedthread.h"
#include "data/imageformat.h"
#include "data/imageverifier.h"
#include "data/project.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTimer>
#include <QtConcurrent>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace fs = std::filesystem;

namespace kiln {

namespace {

QString q(const fs::path &p) { return QString::fromStdString(p.generic_string()); }

const char *extensionOf(ImageFormat f)
{
    switch (f) {
    case ImageFormat::Jpeg: return ".jpg";
    case ImageFormat::Png: return ".png";
    case ImageFormat::Bmp: return ".bmp";
    case ImageFormat::Webp: return ".webp";
    case ImageFormat::Tiff: return ".tif";
    default: return "";
    }
}

} // namespace

// What the thread pool makes of a download.
struct ProcessedDownload {
    bool ok = false;
    QString reason;
    QByteArray bytes; // what to write (downscaled and re-encoded when asked)
    QString extension;
    QByteArray sha;
    ImageFingerprint print;
};

namespace {

ProcessedDownload processImageUnguarded(QByteArray bytes, int maxSide)
{
    ProcessedDownload p;
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const ImageFormat format = sniffImageFormat(data, std::size_t(bytes.size()));
    if (bytes.isEmpty()) {
        p.reason = QObject::tr("empty response");
        return p;
    }
    if (format == ImageFormat::Text) {
        p.reason = QObject::tr("not an image (the server sent text or HTML)");
        return p;
    }
    // One decode verifies and gives the pixels (8-bit BGR, upright by the EXIF orientation).
    cv::Mat image;
    const VerifyResult v = verifyAndDecode(data, std::size_t(bytes.size()), cv::IMREAD_COLOR, &image);
    if (!v.ok()) {
        p.reason = QString::fromStdString(std::string(verifyStatusName(v.status)) + ": " + v.reason);
        return p;
    }
    const char *ext = extensionOf(v.format);
    if (!*ext) {
        p.reason = QObject::tr("unsupported image format (%1)").arg(imageFormatName(v.format));
        return p;
    }
    p.extension = ext;
    if (maxSide > 0 && std::max(image.cols, image.rows) > maxSide) {
        const double s = double(maxSide) / std::max(image.cols, image.rows);
        cv::Mat small;
        cv::resize(image, small, cv::Size(std::max(1, int(image.cols * s + 0.5)), std::max(1, int(image.rows * s + 0.5))), 0, 0,
                   cv::INTER_AREA);
        image = small;
        std::vector<unsigned char> out;
        const bool png = v.format == ImageFormat::Png;
        cv::imencode(png ? ".png" : ".jpg", image, out, png ? std::vector<int>{} : std::vector<int>{cv::IMWRITE_JPEG_QUALITY, 95});
        bytes = QByteArray(reinterpret_cast<const char *>(out.data()), qsizetype(out.size()));
        p.extension = png ? ".png" : ".jpg";
    }
    p.print = fingerprint(image);
    p.sha = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    p.bytes = std::move(bytes);
    p.ok = true;
    return p;
}

// On the pool: whatever OpenCV throws becomes the download's failure, never an exception that
// QFutureWatcher::result() would throw again on the job's thread.
ProcessedDownload processImage(const QByteArray &bytes, int maxSide)
{
    try {
        return processImageUnguarded(bytes, maxSide);
    } catch (...) {
        ProcessedDownload p;
        p.reason = QObject::tr("cannot process the image (%1)").arg(QString::fromStdString(exceptionText(std::current_exception())));
        return p;
    }
}

} // namespace

AcquireJob::AcquireJob(const fs::path &datasetDir, std::vector<AcquireClass> classes, AcquireOptions options, QObject *parent)
    : QObject(parent)
    , m_classes(std::move(classes))
    , m_options(std::move(options))
{
    const DatasetLocation loc = locateDataset(datasetDir);
    m_home = fs::absolute(loc.home).lexically_normal();
    m_imagesRoot = fs::absolute(loc.imagesRoot).lexically_normal();
    m_counts.resize(m_classes.size());
    m_pending.resize(m_classes.size());
    m_skip.resize(m_classes.size());
    m_searchStarted.assign(m_classes.size(), false);
    for (std::size_t c = 0; c < m_classes.size(); ++c) {
        if (m_classes[c].query.isEmpty())
            m_classes[c].query = m_classes[c].name;
        m_counts[c].wanted = m_classes[c].wanted;
    }
    m_network.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

AcquireJob::~AcquireJob()
{
    m_cancelled = true;
    // abort() emits finished() at once, whose handler removes the reply from m_replies: iterate a copy.
    const QSet<QNetworkReply *> replies = m_replies;
    for (QNetworkReply *r : replies)
        r->abort();
}

fs::path AcquireJob::manifestFile(int c) const
{
    return m_home / ".kiln" / "acquire" / (sanitizeFileName(m_classes[std::size_t(c)].name.toStdString()) + ".jsonl");
}

void AcquireJob::start()
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    m_clock.start();
    for (const auto &c : m_classes)
        if (!isValidClassName(c.name.toStdString())) {
            m_running = false;
            AcquireOutcome o;
            o.reason = tr("'%1' cannot be a class folder name (no '/', no leading '.').").arg(c.name);
            m_failures.push_back(o);
            Q_EMIT finished(false);
            return;
        }
    loadManifests();
    scanExisting();
}

void AcquireJob::loadManifests()
{
    for (std::size_t c = 0; c < m_classes.size(); ++c) {
        QFile f(q(manifestFile(int(c))));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        while (!f.atEnd()) {
            const QJsonObject o = QJsonDocument::fromJson(f.readLine()).object();
            const QString url = o.value("url").toString();
            if (url.isEmpty())
                continue;
            if (o.value("retry").toBool())
                m_skip[c].remove(url);
            else
                m_skip[c].insert(url);
        }
    }
}

void AcquireJob::scanExisting()
{
    // Fingerprints of the images already in these class folders, so new downloads are checked
    // against them too; counted towards each class's wanted images.
    struct Existing {
        int classIndex;
        QString file;
        QByteArray sha;
        ImageFingerprint print;
    };
    std::vector<std::pair<int, fs::path>> files;
    for (std::size_t c = 0; c < m_classes.size(); ++c) {
        std::error_code ec;
        for (const auto &e : fs::directory_iterator(m_imagesRoot / m_classes[c].name.toStdString(), ec))
            if (e.is_regular_file() && hasImageExtension(e.path().filename().string()))
                files.emplace_back(int(c), e.path());
    }
    auto *watcher = new QFutureWatcher<std::vector<Existing>>(this);
    connect(watcher, &QFutureWatcher<std::vector<Existing>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (m_cancelled)
            return;
        for (const Existing &e : watcher->result()) {
            ++m_counts[std::size_t(e.classIndex)].present;
            m_bySha.insert(e.sha, int(m_known.size()));
            m_known.push_back({e.sha, e.print, e.file, e.classIndex});
        }
        startSearches();
    });
    const fs::path home = m_home;
    watcher->setFuture(QtConcurrent::run([files, home] {
        std::vector<Existing> out;
        try {
            for (const auto &[c, path] : files) {
                QFile f(q(path));
                if (!f.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray bytes = f.readAll();
                // A file that does not decode (or whose decoding throws) gets no fingerprint (it
                // near-duplicates nothing) and still counts by its hash.
                ImageFingerprint print;
                try {
                    cv::Mat img;
                    verifyAndDecode(reinterpret_cast<const unsigned char *>(bytes.constData()), std::size_t(bytes.size()),
                                    cv::IMREAD_COLOR, &img);
                    print = fingerprint(img);
                } catch (...) {
                    print = ImageFingerprint{};
                }
                out.push_back({c, q(path.lexically_relative(home)), QCryptographicHash::hash(bytes, QCryptographicHash::Sha256), print});
            }
        } catch (...) {
            // Out of memory, say: the images not fingerprinted are not checked against; never an
            // exception for result() to throw on the job's thread.
        }
        return out;
    }));
}

void AcquireJob::startSearches()
{
    for (std::size_t c = 0; c < m_classes.size(); ++c) {
        ImageSearch *s = m_classes[c].urls.isEmpty()
                             ? static_cast<ImageSearch *>(new DuckDuckGoSearch(&m_network, m_options.search, this))
                             : static_cast<ImageSearch *>(new UrlListSearch(m_classes[c].urls, this));
        const int ci = int(c);
        connect(s, &ImageSearch::hitsFound, this, [this, ci](const QVector<SearchHit> &hits) {
            for (const SearchHit &h : hits) {
                if (m_skip[std::size_t(ci)].contains(h.imageUrl))
                    continue;
                m_pending[std::size_t(ci)].push_back({h.imageUrl});
                ++m_counts[std::size_t(ci)].found;
            }
            pump();
        });
        connect(s, &ImageSearch::waiting, this, [this, ci](const QString &why) {
            m_counts[std::size_t(ci)].state = why;
            Q_EMIT changed();
        });
        connect(s, &ImageSearch::pageDone, this, [this, ci] {
            m_counts[std::size_t(ci)].state.clear();
            m_counts[std::size_t(ci)].searchDone = m_searches[std::size_t(ci)]->exhausted();
            m_searching = -1;
            pump();
            pumpSearch();
            checkDone();
        });
        connect(s, &ImageSearch::failed, this, [this, ci](const QString &message) {
            m_counts[std::size_t(ci)].state = message;
            m_counts[std::size_t(ci)].searchDone = true;
            AcquireOutcome o;
            o.classIndex = ci;
            o.status = "failed";
            o.reason = message;
            m_failures.push_back(o);
            Q_EMIT itemFinished(o);
            m_searching = -1;
            pumpSearch();
            checkDone();
        });
        m_searches.push_back(s);
    }
    pumpSearch();
    checkDone();
}

bool AcquireJob::wantsMore(int c) const
{
    const AcquireCounts &k = m_counts[std::size_t(c)];
    return k.have() + k.inFlight < k.wanted;
}

void AcquireJob::pumpSearch()
{
    // One search request at a time, for the class with the fewest candidate URLs for what it still
    // needs, so every class gets its first page early.
    if (m_searching >= 0 || m_cancelled)
        return;
    int best = -1;
    double bestCover = 0;
    for (std::size_t c = 0; c < m_classes.size(); ++c) {
        const AcquireCounts &k = m_counts[c];
        if (k.searchDone || !wantsMore(int(c)))
            continue;
        const double need = m_options.candidates * (k.wanted - k.have()) - k.inFlight;
        const double cover = double(m_pending[c].size()) / std::max(need, 1.0);
        if (cover < 1 && (best < 0 || cover < bestCover)) {
            best = int(c);
            bestCover = cover;
        }
    }
    if (best < 0)
        return;
    m_searching = best;
    AcquireCounts &k = m_counts[std::size_t(best)];
    k.state = tr("searching");
    if (!m_searchStarted[std::size_t(best)]) {
        m_searchStarted[std::size_t(best)] = true;
        m_searches[std::size_t(best)]->start(m_classes[std::size_t(best)].query);
    } else {
        m_searches[std::size_t(best)]->fetchMore();
    }
    Q_EMIT changed();
}

void AcquireJob::pump()
{
    if (m_cancelled)
        return;
    const int n = int(m_classes.size());
    int idle = 0;
    while (int(m_replies.size()) < m_options.concurrency && idle < n) {
        const int c = m_nextClass;
        m_nextClass = (m_nextClass + 1) % n;
        auto &queue = m_pending[std::size_t(c)];
        bool started = false;
        if (wantsMore(c)) {
            for (auto it = queue.begin(); it != queue.end(); ++it) {
                const QString host = QUrl(it->url).host();
                if (m_perHost.value(host) >= m_options.perHost)
                    continue;
                const QString url = it->url;
                queue.erase(it);
                download(c, url);
                started = true;
                break;
            }
        }
        idle = started ? 0 : idle + 1;
    }
    pumpSearch();
    Q_EMIT changed();
}

void AcquireJob::download(int c, const QString &url)
{
    const QUrl u(url);
    AcquireCounts &k = m_counts[std::size_t(c)];
    if (!u.isValid() || (u.scheme() != "http" && u.scheme() != "https")) {
        record({c, url, "failed", {}, tr("not an http or https URL")}, false);
        return;
    }
    QNetworkRequest request(u);
    request.setMaximumRedirectsAllowed(m_options.maxRedirects);
    request.setTransferTimeout(m_options.timeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, "Mozilla/5.0 (X11; Linux x86_64) Kiln");
    QNetworkReply *reply = m_network.get(request);
    m_replies.insert(reply);
    ++m_perHost[u.host()];
    ++k.inFlight;
    auto buffer = std::make_shared<QByteArray>();
    const qint64 maxBytes = m_options.maxBytes;
    auto tooLarge = [reply, maxBytes](const QString &why) {
        reply->setProperty("kilnReason", why);
        reply->abort();
    };
    connect(reply, &QNetworkReply::metaDataChanged, this, [reply, maxBytes, tooLarge] {
        const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (length > maxBytes)
            tooLarge(tr("too large (%1 MB, the limit is %2 MB)").arg(double(length) / 1048576.0, 0, 'f', 1).arg(maxBytes >> 20));
    });
    connect(reply, &QIODevice::readyRead, this, [reply, buffer, maxBytes, tooLarge] {
        buffer->append(reply->readAll());
        if (buffer->size() > maxBytes)
            tooLarge(tr("too large (more than %1 MB)").arg(maxBytes >> 20));
    });
    QTimer::singleShot(m_options.deadlineMs, reply, [reply, this] {
        reply->setProperty("kilnReason", tr("timeout (not done within %1 s)").arg(m_options.deadlineMs / 1000));
        reply->setProperty("kilnTimedOut", true); // worth another try later
        reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, c, url, reply, buffer] {
        buffer->append(reply->readAll());
        onDownloaded(c, url, reply, *buffer);
    });
}

void AcquireJob::onDownloaded(int c, const QString &url, QNetworkReply *reply, const QByteArray &body)
{
    reply->deleteLater();
    m_replies.remove(reply);
    const QString host = reply->request().url().host();
    if (--m_perHost[host] <= 0)
        m_perHost.remove(host);
    AcquireCounts &k = m_counts[std::size_t(c)];
    if (m_cancelled) {
        --k.inFlight;
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString reason = reply->property("kilnReason").toString();
    bool transient = false;
    if (reason.isEmpty() && reply->error() != QNetworkReply::NoError) {
        switch (reply->error()) {
        case QNetworkReply::OperationCanceledError:
        case QNetworkReply::TimeoutError:
            reason = tr("timeout (no data for %1 s)").arg(m_options.timeoutMs / 1000);
            transient = true;
            break;
        case QNetworkReply::TooManyRedirectsError: reason = tr("too many redirects"); break;
        case QNetworkReply::InsecureRedirectError: reason = tr("redirected to an insecure or unsupported URL"); break;
        default:
            if (status >= 400) {
                reason = tr("HTTP %1").arg(status);
                transient = status >= 500 || status == 429;
            } else {
                reason = reply->errorString();
                transient = true;
            }
        }
    } else if (reason.isEmpty() && status >= 400) {
        reason = tr("HTTP %1").arg(status);
        transient = status >= 500 || status == 429;
    }
    if (reply->property("kilnTimedOut").toBool())
        transient = true;
    if (!reason.isEmpty()) {
        --k.inFlight;
        record({c, url, "failed", {}, reason}, transient);
        pump();
        checkDone();
        return;
    }
    // Check, downscale and fingerprint on the pool; accept on this thread (the duplicate index lives here).
    ++m_processing;
    auto *watcher = new QFutureWatcher<ProcessedDownload>(this);
    connect(watcher, &QFutureWatcher<ProcessedDownload>::finished, this, [this, watcher, c, url] {
        watcher->deleteLater();
        --m_processing;
        --m_counts[std::size_t(c)].inFlight;
        if (!m_cancelled)
            accept(c, url, watcher->result());
        pump();
        checkDone();
    });
    watcher->setFuture(QtConcurrent::run(processImage, body, m_options.maxSide));
}

void AcquireJob::accept(int c, const QString &url, const ProcessedDownload &p)
{
    if (!p.ok) {
        record({c, url, "failed", {}, p.reason}, false);
        return;
    }
    // Exact copies by content, then near copies by dHash, against everything kept so far.
    int dup = m_bySha.value(p.sha, -1);
    if (dup < 0)
        for (std::size_t i = 0; i < m_known.size(); ++i)
            if (nearDuplicate(m_known[i].print, p.print, m_options.nearDuplicateBits, m_options.nearDuplicateThumb)) {
                dup = int(i);
                break;
            }
    if (dup >= 0) {
        const Known &k = m_known[std::size_t(dup)];
        AcquireOutcome o{c, url, "duplicate", k.file, {}};
        o.crossClass = k.classIndex != c;
        o.reason = (m_bySha.contains(p.sha) ? tr("duplicate of %1") : tr("near duplicate of %1")).arg(k.file)
                   + (o.crossClass ? tr(" (class %1)").arg(m_classes[std::size_t(k.classIndex)].name) : QString());
        record(o, false);
        return;
    }
    if (m_counts[std::size_t(c)].have() >= m_counts[std::size_t(c)].wanted) {
        // Enough already: the download raced the last needed one. Not kept, not a failure; a
        // rerun may use it.
        record({c, url, "skipped", {}, tr("not needed (the class has enough images)")}, true);
        return;
    }
    const QByteArray urlHash = QCryptographicHash::hash(url.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    const fs::path dir = m_imagesRoot / m_classes[std::size_t(c)].name.toStdString();
    const fs::path target = uniquePath(dir / (urlHash.toStdString() + p.extension.toStdString()));
    const fs::path part = fs::path(target.string() + ".part");
    std::error_code ec;
    fs::create_directories(dir, ec);
    QFile f(q(part));
    if (!f.open(QIODevice::WriteOnly) || f.write(p.bytes) != p.bytes.size() || !f.flush()) {
        f.remove();
        record({c, url, "failed", {}, tr("cannot write %1: %2").arg(q(part), f.errorString())}, true);
        return;
    }
    f.close();
    fs::rename(part, target, ec);
    if (ec) {
        fs::remove(part, ec);
        record({c, url, "failed", {}, tr("cannot write %1").arg(q(target))}, true);
        return;
    }
    const QString rel = q(target.lexically_relative(m_home));
    m_bySha.insert(p.sha, int(m_known.size()));
    m_known.push_back({p.sha, p.print, rel, c});
    ++m_counts[std::size_t(c)].downloaded;
    record({c, url, "ok", rel, {}}, false);
    Q_EMIT imageAdded(c, q(target));
}

void AcquireJob::record(const AcquireOutcome &o, bool retryLater)
{
    AcquireCounts &k = m_counts[std::size_t(o.classIndex)];
    if (o.status == "duplicate")
        ++k.duplicates;
    else if (o.status == "failed")
        ++k.failed;
    if (o.status == "failed" || o.status == "duplicate")
        m_failures.push_back(o);
    QJsonObject line{{"url", o.url}, {"status", o.status}, {"time", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    if (!o.file.isEmpty())
        line.insert("file", o.file);
    if (!o.reason.isEmpty())
        line.insert("reason", o.reason);
    if (retryLater)
        line.insert("retry", true);
    // Synced, and never glued onto a line a crash tore: a rerun reads every outcome written.
    // A manifest that cannot be written costs only a repeat download on the next run.
    (void)appendLine(manifestFile(o.classIndex), QJsonDocument(line).toJson(QJsonDocument::Compact).toStdString());
    Q_EMIT itemFinished(o);
}

void AcquireJob::checkDone()
{
    if (!m_running)
        return;
    bool all = true;
    for (std::size_t c = 0; c < m_classes.size(); ++c) {
        AcquireCounts &k = m_counts[c];
        const bool enough = k.have() >= k.wanted && k.inFlight == 0;
        const bool outOfUrls = k.searchDone && m_pending[c].empty() && k.inFlight == 0;
        k.done = enough || outOfUrls;
        if (k.done && k.state == tr("searching"))
            k.state.clear();
        all = all && k.done;
    }
    if (all && m_processing == 0 && m_searching < 0) {
        m_running = false;
        Q_EMIT changed();
        Q_EMIT finished(false);
    }
}

void AcquireJob::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    for (ImageSearch *s : m_searches)
        s->cancel();
    for (QNetworkReply *r : m_replies.values())
        r->abort();
    m_running = false;
    Q_EMIT changed();
    Q_EMIT finished(true);
}

} // namespace kiln
