#include "fakesearchserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

namespace kiln::test {

FakeSearchServer::FakeSearchServer(QObject *parent, bool manyHosts)
    : QObject(parent)
{
    m_server.listen(manyHosts ? QHostAddress::AnyIPv4 : QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            auto *buffer = new QByteArray;
            connect(socket, &QObject::destroyed, this, [buffer] { delete buffer; });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                buffer->append(socket->readAll());
                const int end = int(buffer->indexOf("\r\n\r\n"));
                if (end < 0 || socket->property("handled").toBool())
                    return;
                socket->setProperty("handled", true);
                handle(socket, buffer->left(end));
            });
        }
    });
}

void FakeSearchServer::answer(QTcpSocket *socket, int status, const QByteArray &type, const QByteArray &body,
                              const QByteArray &extraHeaders)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + type
                      + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n" + extraHeaders
                      + "\r\n";
    socket->write(head + body);
    socket->disconnectFromHost();
}

void FakeSearchServer::handle(QTcpSocket *socket, const QByteArray &head)
{
    const QList<QByteArray> firstLine = head.left(head.indexOf("\r\n")).split(' ');
    const QUrl target(QString::fromUtf8(firstLine.value(1)));
    const QString path = target.path();
    const QUrlQuery query(target);
    ++m_hits[path];

    if (path == "/" || path == "/i.js") {
        ++m_searchRequests;
        if (!searchStatuses.isEmpty()) {
            const int status = searchStatuses.takeFirst();
            answer(socket, status, "text/html", "refused");
            return;
        }
        if (path == "/") {
            answer(socket, 200, "text/html",
                   serveToken ? QByteArray("<html><script>var x = {vqd=\"4-237456488976888892595880207313027195381\"}</script></html>")
                              : QByteArray("<html>no token here</html>"));
            return;
        }
        const QString q = query.queryItemValue("q", QUrl::FullyDecoded);
        if (query.queryItemValue("vqd") != "4-237456488976888892595880207313027195381") {
            answer(socket, 403, "text/html", "bad token");
            return;
        }
        const QStringList all = m_results.value(q);
        const int offset = query.queryItemValue("s").toInt();
        QJsonArray results;
        for (int i = offset; i < std::min<int>(int(all.size()), offset + pageSize); ++i)
            results.append(QJsonObject{{"title", QStringLiteral("image %1").arg(i)},
                                       {"image", QString::fromUtf8(QUrl::toPercentEncoding(all[i], ":/?=&"))},
                                       {"thumbnail", all[i]},
                                       {"url", base() + "/page/" + QString::number(i)},
                                       {"width", 64},
                                       {"height", 48},
                                       {"source", "fake"}});
        QJsonObject page{{"results", results}};
        if (offset + pageSize < all.size())
            page.insert("next", QStringLiteral("i.js?q=%1&o=json&s=%2&vqd=x").arg(q).arg(offset + pageSize));
        answer(socket, 200, "application/json", QJsonDocument(page).toJson(QJsonDocument::Compact));
        return;
    }

    if (!m_resources.contains(path)) {
        answer(socket, 404, "text/html", "<html>not found</html>");
        return;
    }
    const Resource r = m_resources.value(path);
    QPointer<QTcpSocket> s(socket);
    auto respond = [this, s, r, path] {
        if (!s)
            return;
        switch (r.fault) {
        case Fault::None:
        case Fault::Slow:
            answer(s, 200, r.contentType, r.body);
            break;
        case Fault::Status:
            answer(s, r.status, "text/html", "<html>error</html>");
            break;
        case Fault::RedirectLoop:
            answer(s, 302, "text/html", "", "Location: " + path.toUtf8() + "\r\n");
            break;
        case Fault::DropMidBody:
            s->write("HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: " + QByteArray::number(r.body.size())
                     + "\r\nConnection: close\r\n\r\n" + r.body.left(r.body.size() / 2));
            s->flush();
            s->abort();
            break;
        case Fault::Endless:
        case Fault::EndlessNoLength: {
            // 100 MB announced (or not), sent in chunks while the client keeps reading.
            s->write("HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n"
                     + (r.fault == Fault::Endless ? QByteArray("Content-Length: 104857600\r\n") : QByteArray())
                     + "Connection: close\r\n\r\n");
            auto *timer = new QTimer(s);
            connect(timer, &QTimer::timeout, s, [s] {
                if (s && s->state() == QAbstractSocket::ConnectedState && s->bytesToWrite() < (1 << 20))
                    s->write(QByteArray(256 * 1024, '\xff'));
            });
            timer->start(1);
            break;
        }
        }
    };
    const int delay = r.delayMs + imageLatencyMs;
    if (delay > 0)
        QTimer::singleShot(delay, this, respond);
    else
        respond();
}

} // namespace kiln::test
