// Issue 17 where Qt runs things: the last-resort guard around the GUI event loop (the binary's
// application is a KilnApplication: KILN_APP in tests/CMakeLists.txt), a stop asked before the training worker
// starts, an Acquire job destroyed with downloads in flight, its manifest after a torn line, and
// the main window offered a plain folder of class folders.
#include "kilnapplication.h"
#include "mainwindow.h"
#include "datasetpage.h"

#include "acquire/acquirejob.h"
#include "data/project.h"
#include "fakesearchserver.h"
#include "testfiles.h"
#include "tinytraining.h"
#include "train/trainingworker.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <stdexcept>
#include <thread>

using namespace kiln;
using kiln::test::FakeSearchServer;
using kiln::test::TempDir;
namespace fs = std::filesystem;

namespace {

KilnApplication *kilnApp() { return static_cast<KilnApplication *>(QCoreApplication::instance()); }

QByteArray picture(int seed)
{
    const auto bytes = test::structuredJpeg(seed);
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
}

} // namespace

TEST(KilnApplication, AnExceptionFromAnEventHandlerIsReportedAndTheLoopGoesOn)
{
    const int before = kilnApp()->escapedExceptions();
    bool later = false;
    QObject context;
    QTimer::singleShot(0, &context, [] { throw std::runtime_error("a slot threw"); });
    QTimer::singleShot(10, &context, [&] { later = true; });
    QTRY_VERIFY_WITH_TIMEOUT(later, 5000);
    EXPECT_EQ(kilnApp()->escapedExceptions(), before + 1);
    EXPECT_EQ(kilnApp()->lastEscapedException(), "a slot threw");
    // And again: the guard is not used up.
    QTimer::singleShot(0, &context, [] { throw std::bad_alloc(); });
    QTRY_COMPARE_WITH_TIMEOUT(kilnApp()->escapedExceptions(), before + 2, 5000);
    EXPECT_EQ(kilnApp()->lastEscapedException(), "out of memory");
}

TEST(TrainingStop, AStopAskedBeforeTheWorkerStartsIsNotLost)
{
    TempDir dir;
    test::makeLearnableDataset(dir / "data", 16);
    TrainingController controller;
    // Keep the training thread busy, so the start command waits in its queue while Stop is asked.
    std::atomic<bool> release{false};
    QMetaObject::invokeMethod(
        controller.worker(), [&] { while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(5)); }, Qt::QueuedConnection);
    QSignalSpy finished(controller.worker(), &TrainingWorker::finished);
    QSignalSpy failed(controller.worker(), &TrainingWorker::failed);
    QElapsedTimer clock;
    clock.start();
    controller.start(QString::fromStdString((dir / "data").string()), test::tinyTraining(10000, 16),
                     QString::fromStdString((dir / "run").string()));
    controller.stop();
    release = true;
    // 10,000 epochs would take many minutes: the run must end at its first batch.
    QTRY_COMPARE_WITH_TIMEOUT(finished.size() + failed.size(), 1, 60000);
    EXPECT_LT(clock.elapsed(), 60000);
    ASSERT_EQ(finished.size(), 1) << failed.front().at(0).toString().toStdString();
    const auto summary = finished.front().at(0).value<TrainSummary>();
    EXPECT_TRUE(summary.stopped);
    EXPECT_LE(summary.epochs.size(), 1u);
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isRunning(), 10000);

    // The next command starts armed again: a fresh run is not stopped by the old request.
    controller.start(QString::fromStdString((dir / "data").string()), test::tinyTraining(1, 16),
                     QString::fromStdString((dir / "run2").string()));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size() + failed.size(), 2, 60000);
    ASSERT_EQ(finished.size(), 2) << failed.front().at(0).toString().toStdString();
    EXPECT_FALSE(finished.at(1).at(0).value<TrainSummary>().stopped);
    EXPECT_EQ(finished.at(1).at(0).value<TrainSummary>().epochs.size(), 1u);
}

TEST(TrainingStop, ClosingRightAfterStartDoesNotWaitForTheRun)
{
    TempDir dir;
    test::makeLearnableDataset(dir / "data", 16);
    QElapsedTimer clock;
    {
        TrainingController controller;
        std::atomic<bool> release{false};
        QMetaObject::invokeMethod(
            controller.worker(), [&] { while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(5)); },
            Qt::QueuedConnection);
        controller.start(QString::fromStdString((dir / "data").string()), test::tinyTraining(10000, 16),
                         QString::fromStdString((dir / "run").string()));
        clock.start();
        std::thread releaser([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            release = true;
        });
        controller.shutdown(); // what closing the window does
        releaser.join();
    }
    EXPECT_LT(clock.elapsed(), 60000);
}

TEST(AcquireRobust, DestroyingAJobWithDownloadsInFlightAbortsThemSafely)
{
    TempDir dir;
    ASSERT_TRUE(Project::create(dir / "p").ok());
    FakeSearchServer server;
    QStringList urls;
    for (int i = 0; i < 12; ++i) {
        const QString path = QString("/img/slow%1.jpg").arg(i);
        server.addResource(path, {picture(i), "image/jpeg", FakeSearchServer::Fault::Slow, 5000});
        urls << server.url(path);
    }
    AcquireOptions options;
    options.concurrency = 12;
    options.perHost = 12;
    auto job = std::make_unique<AcquireJob>(dir / "p", std::vector<AcquireClass>{{"cat", "", 12, urls}}, options);
    job->start();
    QTRY_VERIFY_WITH_TIMEOUT(job->counts()[0].inFlight >= 4, 10000);
    job.reset(); // aborts every reply; each abort's finished handler edits the reply set
    QTest::qWait(100);
    SUCCEED();
}

TEST(AcquireRobust, ATornManifestLineDoesNotSwallowTheNextOutcome)
{
    TempDir dir;
    ASSERT_TRUE(Project::create(dir / "p").ok());
    FakeSearchServer server;
    server.addResource("/a.jpg", {picture(1)});
    server.addResource("/b.jpg", {picture(2)});
    AcquireOptions options;
    AcquireJob first(dir / "p", {{"cat", "", 5, {server.url("/a.jpg")}}}, options);
    const fs::path manifest = first.manifestFile(0);
    fs::create_directories(manifest.parent_path());
    test::writeText(manifest, "{\"url\":\"http://torn.example/x.jpg\",\"sta"); // a crash tore it
    AcquireJob job(dir / "p", {{"cat", "", 5, {server.url("/a.jpg"), server.url("/b.jpg")}}}, options);
    QSignalSpy finished(&job, &AcquireJob::finished);
    job.start();
    ASSERT_TRUE(finished.wait(30000));
    EXPECT_EQ(job.counts()[0].downloaded, 2);
    QFile f(QString::fromStdString(manifest.string()));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    ASSERT_EQ(lines.size(), 4); // torn, a, b, and the empty tail after the last newline
    EXPECT_TRUE(QJsonDocument::fromJson(lines[0]).isNull());
    for (int i = 1; i < 3; ++i)
        EXPECT_EQ(QJsonDocument::fromJson(lines[i]).object().value("status").toString(), "ok") << lines[i].toStdString();
    // A rerun reads both outcomes: nothing is downloaded again.
    AcquireJob again(dir / "p", {{"cat", "", 5, {server.url("/a.jpg"), server.url("/b.jpg")}}}, options);
    QSignalSpy finishedAgain(&again, &AcquireJob::finished);
    again.start();
    ASSERT_TRUE(finishedAgain.wait(30000));
    EXPECT_EQ(again.counts()[0].downloaded, 0);
    EXPECT_EQ(server.hits("/a.jpg"), 1);
    EXPECT_EQ(server.hits("/b.jpg"), 1);
}

TEST(OpenPlainFolder, TheWindowOffersToMakeItAProjectBesideIt)
{
    TempDir dir;
    test::makeDataset(dir / "photos", {"cat", "dog"}, 3);
    const QString photos = QString::fromStdString((dir / "photos").string());
    {
        // Offscreen and unanswered: no, and the reason is shown.
        MainWindow window;
        EXPECT_FALSE(window.openProject(photos));
        EXPECT_TRUE(window.lastError().contains("not a Kiln project")) << window.lastError().toStdString();
        EXPECT_FALSE(fs::exists(dir / "photos-kiln"));
    }
    {
        MainWindow window;
        QStringList asked;
        window.setQuestionHandler([&](const QString &, const QString &question) {
            asked << question;
            return false;
        });
        EXPECT_FALSE(window.openProject(photos));
        ASSERT_EQ(asked.size(), 1);
        EXPECT_TRUE(asked.front().contains("photos-kiln")) << asked.front().toStdString();
        EXPECT_FALSE(fs::exists(dir / "photos-kiln"));
    }
    MainWindow window;
    window.setQuestionHandler([](const QString &, const QString &) { return true; });
    window.show();
    QSignalSpy loaded(window.datasetPage(), &DatasetPage::datasetLoaded);
    ASSERT_TRUE(window.openProject(photos)) << window.lastError().toStdString();
    ASSERT_TRUE(loaded.wait(10000));
    EXPECT_EQ(loaded.front().at(0).toInt(), 6);
    EXPECT_EQ(window.projectRoot(), QString::fromStdString((dir / "photos-kiln").string()));
    EXPECT_TRUE(Project::isProject(dir / "photos-kiln"));
    EXPECT_EQ(test::countFiles(dir / "photos"), 6u); // the user's folder is as it was
}
