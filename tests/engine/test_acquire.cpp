// Acquire against a real HTTP server on loopback that injects the web's faults.
#include "acquire/acquirejob.h"
#include "acquire/imagehash.h"
#include "data/imageverifier.h"
#include "data/project.h"
#include "fakesearchserver.h"
#include "testfiles.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

#include <opencv2/imgcodecs.hpp>

#include <gtest/gtest.h>


using namespace kiln;
using kiln::test::FakeSearchServer;
using kiln::test::TempDir;
namespace fs = std::filesystem;

namespace {

QByteArray picture(int seed, int quality = 92, double scale = 1.0)
{
    const auto bytes = test::structuredJpeg(seed, quality, scale);
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
}

AcquireOptions fastOptions(const FakeSearchServer &server)
{
    AcquireOptions o;
    o.search.endpoint = server.base();
    o.search.pacingMs = 0;
    o.search.backoffBaseMs = 50;
    o.search.backoffMaxMs = 200;
    o.timeoutMs = 700;
    o.deadlineMs = 5000;
    o.maxBytes = 2 << 20;
    return o;
}

std::vector<QJsonObject> manifest(const fs::path &file)
{
    std::vector<QJsonObject> out;
    QFile f(QString::fromStdString(file.string()));
    if (f.open(QIODevice::ReadOnly))
        while (!f.atEnd())
            out.push_back(QJsonDocument::fromJson(f.readLine()).object());
    return out;
}

QString reasonFor(const std::vector<QJsonObject> &lines, const QString &url)
{
    for (const auto &o : lines)
        if (o.value("url").toString() == url)
            return o.value("status").toString() + ": " + o.value("reason").toString();
    return "(not in the manifest)";
}

} // namespace

TEST(ImageHash, NearCopiesAreCloseAndOthersFar)
{
    auto decode = [](const QByteArray &b) {
        return cv::imdecode(cv::Mat(1, int(b.size()), CV_8U, const_cast<char *>(b.constData())), cv::IMREAD_COLOR);
    };
    const auto h = fingerprint(decode(picture(1)));
    EXPECT_TRUE(nearDuplicate(h, fingerprint(decode(picture(1, 60, 0.7)))));
    EXPECT_LE(hammingDistance(h.dhash, fingerprint(decode(picture(1, 60, 0.7))).dhash), 4);
    // 300 different pictures: no two are taken for copies.
    std::vector<ImageFingerprint> prints;
    for (int s = 2; s < 302; ++s)
        prints.push_back(fingerprint(decode(picture(s))));
    int falseMatches = 0;
    for (std::size_t i = 0; i < prints.size(); ++i)
        for (std::size_t j = i + 1; j < prints.size(); ++j)
            falseMatches += nearDuplicate(prints[i], prints[j]);
    EXPECT_EQ(falseMatches, 0);
    // An image that did not decode has no fingerprint: it is nobody's copy, not even of a flat image,
    // whose dHash is 0 too.
    const ImageFingerprint none = fingerprint(cv::Mat());
    EXPECT_FALSE(none.valid);
    const ImageFingerprint flat = fingerprint(cv::Mat(64, 64, CV_8UC3, cv::Scalar(128, 128, 128)));
    EXPECT_TRUE(flat.valid);
    EXPECT_EQ(flat.dhash, 0u);
    EXPECT_FALSE(nearDuplicate(none, flat));
    EXPECT_FALSE(nearDuplicate(none, none));
}

TEST(Acquire, SearchesDownloadsChecksAndAccountsForEveryFault)
{
    TempDir dir;
    ASSERT_TRUE(Project::create(dir / "p").ok());
    FakeSearchServer server;
    // Faults first in the cat results, so they are tried before the class has enough.
    using F = FakeSearchServer::Fault;
    struct Bad { QString path; FakeSearchServer::Resource r; QString expect; };
    const QByteArray good0 = picture(100);
    std::vector<Bad> bad = {
        {"/img/slow.jpg", {picture(1), "image/jpeg", F::Slow, 3000}, "timeout"},
        {"/img/dropped.jpg", {picture(2), "image/jpeg", F::DropMidBody}, "failed: "},
        {"/img/truncated.jpg", {picture(3).left(1500)}, "truncated"},
        {"/img/html.jpg", {"<html><body>Access denied</body></html>", "image/jpeg"}, "not an image"},
        {"/img/huge.jpg", {{}, "image/jpeg", F::Endless}, "too large"},
        {"/img/huge-unannounced.jpg", {{}, "image/jpeg", F::EndlessNoLength}, "too large"},
        {"/img/loop.jpg", {{}, "image/jpeg", F::RedirectLoop}, "too many redirects"},
        {"/img/gone.jpg", {{}, "image/jpeg", F::Status, 0, 404}, "HTTP 404"},
        {"/img/same-as-good0.jpg", {good0}, "duplicate of"},
        {"/img/near-good0.jpg", {picture(100, 60, 0.8)}, "near duplicate of"},
    };
    QStringList catUrls{server.url("/img/cat-good0.jpg")};
    server.addResource("/img/cat-good0.jpg", {good0});
    for (const auto &b : bad) {
        server.addResource(b.path, b.r);
        catUrls << server.url(b.path);
    }
    QStringList dogUrls;
    for (int i = 1; i <= 12; ++i) {
        server.addResource(QStringLiteral("/img/cat-good%1.jpg").arg(i), {picture(100 + i)});
        catUrls << server.url(QStringLiteral("/img/cat-good%1.jpg").arg(i));
        server.addResource(QStringLiteral("/img/dog-good%1.jpg").arg(i), {picture(200 + i)});
        dogUrls << server.url(QStringLiteral("/img/dog-good%1.jpg").arg(i));
    }
    // A cat picture among the dogs, under another URL: a duplicate across classes.
    server.addResource("/img/dog-but-cat.jpg", {picture(105)});
    dogUrls.insert(0, server.url("/img/dog-but-cat.jpg"));
    server.setResults("cat photo", catUrls);
    server.setResults("dog photo", dogUrls);
    server.pageSize = 5;
    server.searchStatuses = {429};

    AcquireOptions options = fastOptions(server);
    options.maxSide = 64;
    std::vector<AcquireClass> classes{{"cat", "cat photo", 10, {}}, {"dog", "dog photo", 10, {}}};
    AcquireJob job(dir / "p", classes, options);
    QStringList waits;
    QObject::connect(&job, &AcquireJob::changed, &job, [&] {
        for (const auto &c : job.counts())
            if (!c.state.isEmpty() && !waits.contains(c.state))
                waits << c.state;
    });
    QSignalSpy finished(&job, &AcquireJob::finished);
    job.start();
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_FALSE(finished.front().at(0).toBool());

    // The refusal was shown and retried.
    EXPECT_TRUE(std::any_of(waits.begin(), waits.end(), [](const QString &w) { return w.contains("rate limited (HTTP 429)"); }))
        << waits.join(" | ").toStdString();
    // Each class got what it wanted; every file is a whole, decodable, downscaled image.
    for (const char *c : {"cat", "dog"}) {
        std::size_t n = 0;
        for (const auto &e : fs::directory_iterator(dir / "p/images" / c)) {
            ++n;
            EXPECT_NE(e.path().extension(), ".part");
            const VerifyResult v = verifyImageFile(e.path());
            EXPECT_TRUE(v.ok()) << e.path() << " " << v.reason;
            EXPECT_LE(std::max(v.width, v.height), 64);
        }
        EXPECT_EQ(n, 10u) << c;
    }
    EXPECT_EQ(job.counts()[0].downloaded, 10);
    EXPECT_EQ(job.counts()[1].downloaded, 10);
    // Every fault ends with its reason in the manifest.
    const auto cat = manifest(job.manifestFile(0));
    for (const auto &b : bad)
        EXPECT_TRUE(reasonFor(cat, server.url(b.path)).contains(b.expect))
            << b.path.toStdString() << " -> " << reasonFor(cat, server.url(b.path)).toStdString();
    const auto dog = manifest(job.manifestFile(1));
    // Whichever copy arrived second is the duplicate, reported with the other class.
    const QString dogSide = reasonFor(dog, server.url("/img/dog-but-cat.jpg"));
    const QString catSide = reasonFor(cat, server.url("/img/cat-good5.jpg"));
    EXPECT_TRUE(dogSide.contains("(class cat)") || catSide.contains("(class dog)"))
        << dogSide.toStdString() << " / " << catSide.toStdString();
    EXPECT_TRUE(std::any_of(job.failures().begin(), job.failures().end(), [](const AcquireOutcome &o) { return o.crossClass; }));

    // A rerun finds the images there and the manifest's verdicts: nothing downloads again.
    const int goodHits = server.hits("/img/cat-good1.jpg");
    AcquireJob again(dir / "p", classes, options);
    QSignalSpy finishedAgain(&again, &AcquireJob::finished);
    again.start();
    ASSERT_TRUE(finishedAgain.wait(30000));
    EXPECT_EQ(again.counts()[0].present, 10);
    EXPECT_EQ(again.counts()[0].downloaded, 0);
    EXPECT_EQ(server.hits("/img/cat-good1.jpg"), goodHits);
    EXPECT_EQ(server.hits("/img/html.jpg"), 1);
}

TEST(Acquire, APersistentRefusalEndsTheSearchWithAReason)
{
    TempDir dir;
    FakeSearchServer server;
    server.searchStatuses = QVector<int>(20, 418);
    AcquireOptions options = fastOptions(server);
    options.search.maxRetries = 3;
    AcquireJob job(dir.path(), {{"cat", "", 5, {}}}, options);
    QSignalSpy finished(&job, &AcquireJob::finished);
    job.start();
    ASSERT_TRUE(finished.wait(20000));
    ASSERT_FALSE(job.failures().empty());
    EXPECT_TRUE(job.failures().front().reason.contains("refused")) << job.failures().front().reason.toStdString();
    EXPECT_TRUE(job.failures().front().reason.contains("418"));
    EXPECT_EQ(server.searchRequests(), 4); // the first try and three retries, then it stops
}

TEST(Acquire, NoTokenAndUrlListsAndBadClassNames)
{
    TempDir dir;
    FakeSearchServer server;
    server.serveToken = false;
    {
        AcquireJob job(dir.path(), {{"cat", "", 5, {}}}, fastOptions(server));
        QSignalSpy finished(&job, &AcquireJob::finished);
        job.start();
        ASSERT_TRUE(finished.wait(20000));
        ASSERT_FALSE(job.failures().empty());
        EXPECT_TRUE(job.failures().front().reason.contains("Could not start a search")) << job.failures().front().reason.toStdString();
    }
    {
        const int searchesBefore = server.searchRequests();
        server.addResource("/a.jpg", {picture(1)});
        server.addResource("/b.jpg", {picture(2)});
        AcquireJob job(dir.path(), {{"cat", "", 5, {server.url("/a.jpg"), server.url("/b.jpg"), "ftp://x/c.jpg", server.url("/a.jpg")}}},
                       fastOptions(server));
        QSignalSpy finished(&job, &AcquireJob::finished);
        job.start();
        ASSERT_TRUE(finished.wait(20000));
        EXPECT_EQ(job.counts()[0].downloaded, 2);
        EXPECT_EQ(job.counts()[0].failed, 1); // the ftp URL
        EXPECT_EQ(server.searchRequests(), searchesBefore); // a URL list needs no search
    }
    {
        AcquireJob job(dir.path(), {{"../up", "", 5, {}}}, fastOptions(server));
        QSignalSpy finished(&job, &AcquireJob::finished);
        job.start();
        ASSERT_EQ(finished.size(), 1);
        EXPECT_FALSE(fs::exists(dir / "up"));
    }
}
