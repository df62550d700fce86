#include "acquire/imagesearch.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>

namespace kiln {

QString defaultSearchEndpoint()
{
    const QString env = qEnvironmentVariable("KILN_SEARCH_ENDPOINT");
    return env.isEmpty() ? QStringLiteral("https://duckduckgo.com") : env;
}

DuckDuckGoSearch::DuckDuckGoSearch(QNetworkAccessManager *network, SearchOptions options, QObject *parent)
    : ImageSearch(parent)
    , m_network(network)
    , m_options(std::move(options))
{
    m_wait.setSingleShot(true);
}

void DuckDuckGoSearch::start(const QString &query)
{
    m_query = query;
    m_token.clear();
    m_nextOffset.clear();
    m_seen.clear();
    m_retries = 0;
    m_exhausted = false;
    m_cancelled = false;
    requestToken();
}

void DuckDuckGoSearch::fetchMore()
{
    if (m_busy || m_exhausted || m_cancelled || m_token.isEmpty())
        return;
    requestPage();
}

void DuckDuckGoSearch::cancel()
{
    m_cancelled = true;
    m_wait.stop();
    if (m_reply)
        m_reply->abort();
}

void DuckDuckGoSearch::requestToken()
{
    QUrl url(m_options.endpoint + "/");
    QUrlQuery q;
    q.addQueryItem("q", m_query);
    url.setQuery(q);
    send(url, false);
}

void DuckDuckGoSearch::requestPage()
{
    QUrl url(m_options.endpoint + "/i.js");
    QUrlQuery q;
    q.addQueryItem("o", "json");
    q.addQueryItem("q", m_query);
    q.addQueryItem("vqd", m_token);
    q.addQueryItem("l", m_options.region);
    q.addQueryItem("p", m_options.safeSearch == "off" ? "-1" : "1");
    // time, size, color, type, layout, license; empty slots stay empty.
    auto slot = [](const char *name, const QString &value) { return value.isEmpty() ? QString() : name + (":" + value); };
    q.addQueryItem("f", QStringList{QString(), slot("size", m_options.size), QString(), slot("type", m_options.type),
                                    slot("layout", m_options.layout), QString()}
                            .join(','));
    q.addQueryItem("ct", "AT");
    if (!m_nextOffset.isEmpty())
        q.addQueryItem("s", m_nextOffset);
    url.setQuery(q);
    send(url, true);
}

void DuckDuckGoSearch::send(const QUrl &url, bool json)
{
    m_busy = true;
    // Pacing: at least pacingMs between requests to the search endpoints.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 due = m_lastRequest + m_options.pacingMs;
    if (m_lastRequest > 0 && now < due) {
        QTimer::singleShot(int(due - now), this, [this, url, json] {
            if (!m_cancelled)
                send(url, json);
        });
        return;
    }
    m_lastRequest = now;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_options.timeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, "Mozilla/5.0 (X11; Linux x86_64) Kiln");
    if (json) {
        request.setRawHeader("Referer", (m_options.endpoint + "/").toUtf8());
        request.setRawHeader("Sec-Fetch-Mode", "cors");
    }
    m_reply = m_network->get(request);
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, json] { onReply(reply, json); });
}

void DuckDuckGoSearch::retryLater(const QString &why, bool json)
{
    if (++m_retries > m_options.maxRetries) {
        m_busy = false;
        m_exhausted = true;
        Q_EMIT failed(tr("The image search refused the request %1 times (%2). Wait a few minutes and try again, or "
                         "paste a list of image URLs instead.")
                          .arg(m_retries)
                          .arg(why));
        return;
    }
    const int waitMs = std::min(m_options.backoffMaxMs, m_options.backoffBaseMs << std::min(m_retries - 1, 16));
    Q_EMIT waiting(tr("%1, retrying in %2 s").arg(why).arg(double(waitMs) / 1000.0, 0, 'f', waitMs < 10000 ? 1 : 0));
    disconnect(&m_wait, nullptr, this, nullptr);
    connect(&m_wait, &QTimer::timeout, this, [this, json] {
        if (m_cancelled)
            return;
        if (json)
            requestPage();
        else
            requestToken();
    });
    m_wait.start(waitMs);
}

void DuckDuckGoSearch::onReply(QNetworkReply *reply, bool json)
{
    reply->deleteLater();
    if (m_cancelled) {
        m_busy = false;
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    static const QSet<int> refusals{202, 301, 400, 403, 418, 429};
    if (refusals.contains(status)) {
        retryLater(tr("rate limited (HTTP %1)").arg(status), json);
        return;
    }
    if (reply->error() != QNetworkReply::NoError || status != 200) {
        const QString why = status ? tr("HTTP %1").arg(status) : reply->errorString();
        if (reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError)
            retryLater(tr("no answer within %1 s").arg(m_options.timeoutMs / 1000), json);
        else if (status >= 500 || status == 0)
            retryLater(tr("the search service failed (%1)").arg(why), json);
        else {
            m_busy = false;
            m_exhausted = true;
            Q_EMIT failed(tr("Could not %1: %2.").arg(json ? tr("read the search results") : tr("start a search"), why));
        }
        return;
    }
    const QByteArray body = reply->readAll();
    if (!json) {
        static const QRegularExpression forms[] = {QRegularExpression(R"(vqd="([^"]+)\")"),
                                                   QRegularExpression(R"(vqd=([\d-]+)&)"),
                                                   QRegularExpression(R"(vqd='([^']+)')")};
        for (const auto &re : forms) {
            const auto m = re.match(QString::fromUtf8(body));
            if (m.hasMatch()) {
                m_token = m.captured(1);
                break;
            }
        }
        if (m_token.isEmpty()) {
            m_busy = false;
            m_exhausted = true;
            Q_EMIT failed(tr("Could not start a search: the search page (HTTP %1) held no search token. The service "
                             "may have changed; try again later or paste a list of image URLs.")
                              .arg(status));
            return;
        }
        m_retries = 0;
        requestPage();
        return;
    }
    QJsonParseError err{};
    const QJsonObject page = QJsonDocument::fromJson(body, &err).object();
    if (err.error != QJsonParseError::NoError) {
        m_busy = false;
        m_exhausted = true;
        Q_EMIT failed(tr("Could not read the search results: %1.").arg(err.errorString()));
        return;
    }
    m_retries = 0;
    QVector<SearchHit> hits;
    for (const auto &v : page.value("results").toArray()) {
        const QJsonObject r = v.toObject();
        SearchHit h;
        h.imageUrl = QUrl::fromPercentEncoding(r.value("image").toString().toUtf8());
        if (h.imageUrl.isEmpty() || m_seen.contains(h.imageUrl))
            continue;
        m_seen.insert(h.imageUrl);
        h.title = r.value("title").toString();
        h.pageUrl = r.value("url").toString();
        h.width = r.value("width").toInt();
        h.height = r.value("height").toInt();
        hits.push_back(h);
    }
    const QString next = page.value("next").toString();
    m_nextOffset = next.isEmpty() ? QString() : QUrlQuery(QUrl(next).query()).queryItemValue("s");
    m_exhausted = next.isEmpty() || m_nextOffset.isEmpty();
    m_busy = false;
    if (!hits.isEmpty())
        Q_EMIT hitsFound(hits);
    Q_EMIT pageDone();
}

UrlListSearch::UrlListSearch(QStringList urls, QObject *parent)
    : ImageSearch(parent)
    , m_urls(std::move(urls))
{
}

void UrlListSearch::start(const QString &)
{
    QVector<SearchHit> hits;
    QSet<QString> seen;
    for (const QString &line : m_urls) {
        const QString url = line.trimmed();
        if (url.isEmpty() || url.startsWith('#') || seen.contains(url))
            continue;
        seen.insert(url);
        SearchHit h;
        h.imageUrl = url;
        hits.push_back(h);
    }
    // Queued, so the caller has connected before the hits arrive.
    QTimer::singleShot(0, this, [this, hits] {
        if (!hits.isEmpty())
            Q_EMIT hitsFound(hits);
        Q_EMIT pageDone();
    });
}

} // namespace kiln
