#pragma once
// Image search for Acquire. A search turns a query into image URLs, page by page, and says when it
// waits (pacing, rate limits) or gives up. Two providers: DuckDuckGo (the protocol in
// ../shared/reference/duckduckgo-images.md, against a configurable endpoint) and a plain URL
// list. Asynchronous on the thread that owns the object (the GUI thread or kiln-cli's event loop);
// never blocks it. Every failure ends the search with a message a person can act on.

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVector>

namespace kiln {

struct SearchHit {
    QString imageUrl;
    QString title;
    QString pageUrl;
    int width = 0, height = 0;
};

struct SearchOptions {
    QString endpoint = QStringLiteral("https://duckduckgo.com"); // see defaultSearchEndpoint()
    QString region = QStringLiteral("us-en");  // "wt-wt": no region
    QString safeSearch = QStringLiteral("moderate"); // on, moderate, off
    QString size, type, layout;                // filter slots, empty: any
    int pacingMs = 750;                        // between requests to the search endpoints
    int maxRetries = 5;                        // rate-limited answers before giving up
    int backoffBaseMs = 2000;                  // first wait after a refusal; doubles, capped below
    int backoffMaxMs = 30000;
    int timeoutMs = 20000;                     // per search request
};

// The endpoint: KILN_SEARCH_ENDPOINT when set, else DuckDuckGo.
QString defaultSearchEndpoint();

class ImageSearch : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    // Starts looking for `query`; hits arrive in pages. fetchMore() asks for the next page.
    virtual void start(const QString &query) = 0;
    virtual void fetchMore() = 0;
    virtual bool exhausted() const = 0; // no more pages
    virtual void cancel() = 0;

Q_SIGNALS:
    void hitsFound(const QVector<kiln::SearchHit> &hits); // new image URLs only (de-duplicated)
    void waiting(const QString &why);                      // e.g. "rate limited (HTTP 429), retrying in 4 s"
    void pageDone();                                       // a page was handled (hits may be empty)
    void failed(const QString &message);                   // the search cannot go on
};

class DuckDuckGoSearch : public ImageSearch {
    Q_OBJECT
public:
    DuckDuckGoSearch(QNetworkAccessManager *network, SearchOptions options, QObject *parent = nullptr);
    void start(const QString &query) override;
    void fetchMore() override;
    bool exhausted() const override { return m_exhausted; }
    void cancel() override;

private:
    void requestToken();
    void requestPage();
    void send(const QUrl &url, bool json);
    void onReply(QNetworkReply *reply, bool json);
    void retryLater(const QString &why, bool json);

    QNetworkAccessManager *m_network;
    SearchOptions m_options;
    QString m_query, m_token;
    QString m_nextOffset; // "s" of the next page; empty for the first
    QSet<QString> m_seen;
    int m_retries = 0;
    bool m_exhausted = false, m_busy = false, m_cancelled = false;
    qint64 m_lastRequest = 0;
    QPointer<QNetworkReply> m_reply;
    QTimer m_wait;
};

// Hits from a list of URLs (pasted or read from a file), in one page.
class UrlListSearch : public ImageSearch {
    Q_OBJECT
public:
    UrlListSearch(QStringList urls, QObject *parent = nullptr);
    void start(const QString &query) override;
    void fetchMore() override {}
    bool exhausted() const override { return true; }
    void cancel() override {}

private:
    QStringList m_urls;
};

} // namespace kiln

Q_DECLARE_METATYPE(kiln::SearchHit)
