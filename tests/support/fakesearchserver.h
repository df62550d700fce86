#pragma once
// An HTTP server on loopback for the Acquire tests and benchmark: it speaks the image-search
// protocol of ../shared/reference/duckduckgo-images.md (token page, paginated i.js JSON) and serves
// image files, and it injects the faults the web has: refusals on the search endpoints, slow
// answers, connections dropped mid-body, truncated images, HTML served as image/jpeg, endless
// bodies, redirect loops. Runs on the thread that creates it (its event loop must run).

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <QVector>

#include <vector>

namespace kiln::test {

class FakeSearchServer : public QObject {
    Q_OBJECT
public:
    enum class Fault { None, Slow, DropMidBody, Endless, EndlessNoLength, RedirectLoop, Status };

    struct Resource {
        QByteArray body;
        QByteArray contentType = "image/jpeg";
        Fault fault = Fault::None;
        int delayMs = 0;   // Slow: wait this long before answering
        int status = 200;  // Status: answer with this code
    };

    // `manyHosts`: listen on every IPv4 address, so 127.0.0.2, 127.0.0.3, ... reach it too and a
    // client sees many hosts (for per-host limits); else on 127.0.0.1 only.
    explicit FakeSearchServer(QObject *parent = nullptr, bool manyHosts = false);
    quint16 port() const { return m_server.serverPort(); }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(port()); }
    QString url(const QString &path, int host = 1) const
    {
        return QStringLiteral("http://127.0.0.%1:%2").arg(host).arg(port()) + path;
    }

    // Search results for a query: these image URLs, `pageSize` per page.
    void setResults(const QString &query, const QStringList &imageUrls) { m_results[query] = imageUrls; }
    int pageSize = 10;
    // The next answers of the search endpoints ("/" and "/i.js"): these statuses first, then 200.
    QVector<int> searchStatuses;
    bool serveToken = true;
    int imageLatencyMs = 0; // added to every /img/ answer (the benchmark's latency)

    void addResource(const QString &path, Resource r) { m_resources[path] = std::move(r); }
    // An image answered with these bytes (as testfiles.h makes them).
    void addImage(const QString &path, const std::vector<unsigned char> &bytes, const QByteArray &type = "image/jpeg")
    {
        addResource(path, {QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size())), type});
    }
    int hits(const QString &path) const { return m_hits.value(path); }
    int searchRequests() const { return m_searchRequests; }

private:
    void handle(class QTcpSocket *socket, const QByteArray &head);
    void answer(QTcpSocket *socket, int status, const QByteArray &type, const QByteArray &body,
                const QByteArray &extraHeaders = {});

    QTcpServer m_server;
    QHash<QString, QStringList> m_results;
    QHash<QString, Resource> m_resources;
    QHash<QString, int> m_hits;
    int m_searchRequests = 0;
};

} // namespace kiln::test
