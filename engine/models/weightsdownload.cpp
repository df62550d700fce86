#include "models/weights.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

namespace fs = std::filesystem;

namespace kiln {

namespace {

// No torchvision file is near this; a server that sends more is not sending weights.
constexpr qint64 kMaxWeightsBytes = 4ll << 30;

QString q(const std::string &s) { return QString::fromStdString(s); }

} // namespace

Result<VerifiedWeights> downloadWeights(const WeightsEntry &entry, const fs::path &cacheDir, Progress *progress, int timeoutMs)
{
    const std::string byHand = " You can also download " + entry.url + " on another machine and put it into " + cacheDir.string()
                               + " as " + entry.file + ".";
    auto fail = [&](const std::string &what) {
        return Error{"Cannot download the ImageNet weights of " + entry.architecture + " from " + entry.url + ": " + what + "." + byHand};
    };
    std::error_code ec;
    fs::create_directories(cacheDir, ec);
    if (ec)
        return fail("cannot create the folder " + cacheDir.string() + " (" + ec.message() + "); set TORCH_HOME to a folder you can write to");
    const fs::path part = cacheDir / (entry.file + ".part"), target = cacheDir / entry.file;
    QFile out(q(part.string()));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail("cannot write into " + cacheDir.string() + " (" + out.errorString().toStdString()
                    + "); make it writable or set TORCH_HOME to a folder you can write to");
    auto discard = [&] {
        out.close();
        QFile::remove(q(part.string()));
    };

    QNetworkAccessManager network;
    QNetworkRequest request{QUrl(q(entry.url))};
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("kiln (torch.hub)"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    request.setTransferTimeout(timeoutMs); // no byte for this long, at the start or mid-transfer: give up
    QNetworkReply *reply = network.get(request);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 received = 0;
    std::string problem;
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
        const QByteArray chunk = reply->readAll();
        received += chunk.size();
        if (received > kMaxWeightsBytes) {
            problem = "the server sends more than " + std::to_string(kMaxWeightsBytes >> 30) + " GiB";
            reply->abort();
            return;
        }
        if (out.write(chunk) != chunk.size()) {
            problem = "cannot write " + part.string() + " (" + out.errorString().toStdString() + ")";
            reply->abort();
            return;
        }
        hash.addData(chunk);
        stepProgress(progress, std::size_t(chunk.size()));
    });
    QObject::connect(reply, &QNetworkReply::downloadProgress, &loop, [&](qint64, qint64 total) {
        if (progress && total > 0)
            progress->total = std::size_t(total);
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer cancelPoll;
    QObject::connect(&cancelPoll, &QTimer::timeout, &loop, [&] {
        if (isCancelled(progress)) {
            problem = "cancelled";
            reply->abort();
        }
    });
    cancelPoll.start(100);
    if (!reply->isFinished())
        loop.exec();
    cancelPoll.stop();
    if (reply->bytesAvailable() > 0 && problem.empty()) {
        const QByteArray rest = reply->readAll();
        received += rest.size();
        out.write(rest);
        hash.addData(rest);
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    const QNetworkReply::NetworkError error = reply->error();
    const QString errorText = reply->errorString();
    reply->deleteLater();

    if (problem == "cancelled") {
        discard();
        return Error{"The download of " + entry.file + " was cancelled; nothing was kept."};
    }
    if (!problem.empty()) {
        discard();
        return fail(problem);
    }
    if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
        discard();
        return fail("the server did not answer for " + std::to_string(timeoutMs / 1000) + " s");
    }
    if (status != 0 && status != 200) {
        discard();
        return fail("the server answered HTTP " + std::to_string(status) + (status == 404 ? " (no such file there)" : ""));
    }
    if (error != QNetworkReply::NoError) {
        discard();
        return fail(errorText.toStdString());
    }
    if (length > 0 && received != length) {
        discard();
        return fail("the transfer broke off after " + std::to_string(received) + " of " + std::to_string(length) + " bytes");
    }
    if (!out.flush()) {
        const std::string why = out.errorString().toStdString();
        discard();
        return fail("cannot write " + part.string() + " (" + why + ")");
    }
    out.close();
    const std::string sha = hash.result().toHex().toStdString();
    if (!entry.sha256Prefix.empty() && sha.compare(0, entry.sha256Prefix.size(), entry.sha256Prefix) != 0) {
        QFile::remove(q(part.string()));
        return fail("the file that arrived is not " + entry.file + " (its SHA-256 starts with " + sha.substr(0, 8) + ", not "
                    + entry.sha256Prefix + "), so it was not kept");
    }
    fs::rename(part, target, ec);
    if (ec) {
        QFile::remove(q(part.string()));
        return fail("cannot move it into place as " + target.string() + " (" + ec.message() + ")");
    }
    return VerifiedWeights{target, sha};
}

} // namespace kiln
