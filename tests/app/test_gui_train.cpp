// The Train page: live training, pause and stop, the plots; and the settings and runs it shares
// with the other pages and with kiln-cli (one table, one rule, one list of runs).
#include "analyzepage.h"
#include "datasetpage.h"
#include "fakesearchserver.h"
#include "weightschooser.h"
#include "exportpage.h"
#include "latencyprobe.h"
#include "mainwindow.h"
#include "showproject.h"
#include "runlistmodel.h"
#include "syntheticbatches.h"
#include "lrfinderplot.h"
#include "metricstablemodel.h"
#include "qcustomplot_include.h"
#include "testfiles.h"
#include "tinytraining.h"
#include "trainingplot.h"
#include "trainpage.h"
#include "trainsettingsform.h"

#include "cli/cli.h"
#include "data/datasetindex.h"
#include "data/project.h"
#include "train/run.h"
#include "train/trainer.h"
#include "train/trainsettings.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QProcess>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QAbstractProxyModel>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

namespace {

// A project of two easily separated classes of 16 px gray images.
fs::path makeTrainProject(const TempDir &dir, int perClass)
{
    const fs::path root = dir / "proj";
    EXPECT_TRUE(Project::create(root).ok());
    for (int c = 0; c < 2; ++c)
        for (int i = 0; i < perClass; ++i) {
            std::vector<unsigned char> png = test::encodeImage(".png", 16, 16, 1, 8, i + 1000 * c);
            test::writeBytes(root / "images" / (c ? "right" : "left") / (std::to_string(i) + ".png"), png);
        }
    return root;
}

} // namespace

TEST(TrainPage, TrainsLiveWithoutBlockingTheEventLoop)
{
    TempDir dir;
    const fs::path root = makeTrainProject(dir, 60);
    auto index = std::make_shared<const DatasetIndex>(DatasetIndex::scan(root / "images").value());
    TrainPage page;
    page.resize(1200, 800);
    page.show();
    page.setDataset(root, index);
    TrainConfig c = page.config();
    EXPECT_EQ(c.arch, Architecture::SimpleCnn); // small gray images
    EXPECT_EQ(c.size, 16);
    c.epochs = 4;
    c.batchSize = 8;
    c.lr = 3e-3;
    page.setConfig(c);

    // Event-loop lateness while training runs.
    test::LatencyProbe probe;
    QSignalSpy finished(&page, &TrainPage::runFinished);
    const int replotsBefore = page.plot()->replotCount();
    QElapsedTimer clock;
    clock.start();
    probe.start();
    page.start();
    EXPECT_EQ(page.state(), TrainPage::State::Training);
    ASSERT_TRUE(finished.wait(120000));
    probe.stop();
    const double seconds = clock.elapsed() / 1000.0;
    EXPECT_EQ(page.state(), TrainPage::State::Finished) << page.stateText().toStdString();
    EXPECT_EQ(page.metrics()->rowCount(), 4);
    EXPECT_GT(page.plot()->pointCount(), 4 * 12);
    // At most 25 redraws a second, whatever the batch rate.
    const int replots = page.plot()->replotCount() - replotsBefore;
    EXPECT_LE(replots, int(25 * seconds) + 2) << replots << " replots in " << seconds << " s";
    ASSERT_GT(probe.samples(), 0u);
    const double p99 = probe.percentile(0.99);
    EXPECT_LT(p99, 50.0) << "p99 event-loop lateness " << p99 << " ms";
    // The run is listed and opens again.
    ASSERT_GE(page.runModel()->rowCount(), 1); // listed when it started, no refresh needed
    page.metrics()->clear();
    ASSERT_TRUE(page.openRun(page.runModel()->index(0, 0).data(RunListModel::DirRole).toString()));
    EXPECT_EQ(page.metrics()->rowCount(), 4);
    EXPECT_GT(page.plot()->pointCount(), 4 * 12);
}

TEST(TrainPage, PauseResumeAndStop)
{
    TempDir dir;
    const fs::path root = makeTrainProject(dir, 80);
    auto index = std::make_shared<const DatasetIndex>(DatasetIndex::scan(root / "images").value());
    TrainPage page;
    page.setDataset(root, index);
    TrainConfig c = page.config();
    c.epochs = 50;
    c.batchSize = 4;
    c.lr = 1e-3;
    page.setConfig(c);
    QSignalSpy finished(&page, &TrainPage::runFinished);
    page.start();
    QTest::qWait(1500);
    page.pauseOrResume();
    EXPECT_EQ(page.state(), TrainPage::State::Paused);
    // Let the batch in flight finish and the telemetry already buffered reach the plot (it is
    // drained at 25 Hz; on a fast machine dozens of small batches fit in one interval).
    QTest::qWait(300);
    const int pointsAtPause = page.plot()->pointCount();
    QTest::qWait(800);
    // Nothing trains while paused.
    EXPECT_LE(page.plot()->pointCount(), pointsAtPause + 3 * 5);
    page.pauseOrResume();
    EXPECT_EQ(page.state(), TrainPage::State::Training);
    QTest::qWait(500);
    page.stop();
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_EQ(page.state(), TrainPage::State::Finished);
    EXPECT_TRUE(page.stateText().contains("stopped")) << page.stateText().toStdString();
    EXPECT_LT(page.metrics()->rowCount(), 50);
}

TEST(TrainPage, OverfittingHint)
{
    MetricsTableModel m;
    auto row = [](int e, double train, double valid) {
        EpochMetrics r;
        r.epoch = e;
        r.trainLoss = train;
        r.validLoss = valid;
        return r;
    };
    m.append(row(0, 1.0, 0.9));
    m.append(row(1, 0.8, 0.7));
    m.append(row(2, 0.6, 0.75));
    EXPECT_FALSE(m.overfitting());
    m.append(row(3, 0.5, 0.8));
    EXPECT_TRUE(m.overfitting());
}

TEST(TrainingPlot, HundredThousandPointsStayInteractive)
{
    TrainingPlot plot;
    plot.resize(900, 500);
    plot.show();
    const auto batches = test::syntheticBatches(100000);
    plot.addBatches(batches);
    plot.replotIfDirty();
    // Redraw speed with this many points is measured by tests/bench/bench_trainpage.
    plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
    EXPECT_EQ(plot.pointCount(), 300000);
    EXPECT_TRUE(plot.autoScale());
    plot.setAutoScale(false);
    EXPECT_FALSE(plot.autoScale());

    TempDir dir;
    EXPECT_TRUE(plot.exportPng(QString::fromStdString((dir / "p.png").string())));
    EXPECT_TRUE(plot.exportPdf(QString::fromStdString((dir / "p.pdf").string())));
    EXPECT_TRUE(plot.exportCsv(QString::fromStdString((dir / "p.csv").string())));
    EXPECT_GT(fs::file_size(dir / "p.png"), 1000u);
    EXPECT_GT(fs::file_size(dir / "p.csv"), 100000u);
}

TEST(LrFinderPlot, ClickingPicksALearningRate)
{
    LrFinderPlot plot;
    plot.resize(600, 400);
    plot.show();
    LrFindResult r;
    for (int i = 0; i < 100; ++i) {
        r.lrs.push_back(1e-7 * std::pow(1e8, i / 99.0));
        r.losses.push_back(2.0 - i * 0.01);
    }
    r.suggestions.valid = true;
    r.suggestions.valley = r.lrs[40];
    r.suggestions.slide = r.lrs[50];
    r.suggestions.minimum = r.lrs[80] / 10;
    r.suggestions.steep = r.lrs[60];
    plot.setResult(r);
    QSignalSpy picked(&plot, &LrFinderPlot::learningRatePicked);
    const double x = plot.plot()->xAxis->coordToPixel(r.suggestions.valley);
    EXPECT_DOUBLE_EQ(plot.lrAtPixel(x), r.suggestions.valley);
    QTest::mouseClick(plot.plot(), Qt::LeftButton, {}, QPoint(int(x), plot.plot()->height() / 2));
    ASSERT_EQ(picked.count(), 1);
    EXPECT_DOUBLE_EQ(picked.front().at(0).toDouble(), r.suggestions.valley);
}


namespace {


// What `kiln-cli ARGS` prints on stdout (run in this process), and its exit code.
std::pair<int, std::string> cliOut(const std::vector<std::string> &args)
{
    std::FILE *out = std::tmpfile(), *err = std::tmpfile();
    const int code = cli::run(args, out, err);
    std::string text;
    std::rewind(out);
    for (int ch; (ch = std::fgetc(out)) != EOF;)
        text += char(ch);
    std::fclose(out);
    std::fclose(err);
    return {code, text};
}

} // namespace

TEST(TrainSettingsShared, TheCliAndTheTrainPagePickTheSameSetupForAFolder)
{
    TempDir dir;
    test::makeDataset(dir / "gray", {"a", "b"}, 4, 16);
    for (const char *c : {"a", "b"})
        for (int i = 0; i < 4; ++i)
            test::writeImage(dir / "photos" / c / (std::to_string(i) + ".jpg"), 320, 240);
    for (const char *folder : {"gray", "photos"}) {
        auto index = std::make_shared<const DatasetIndex>(DatasetIndex::scan(dir / folder).value());
        TrainPage page;
        page.setDataset(dir / folder, index);
        const TrainConfig gui = page.config();
        const auto [code, json] = cliOut({"train", (dir / folder).string(), "--dry-run", "--json"});
        ASSERT_EQ(code, 0);
        auto cli = trainConfigFromJson(QJsonDocument::fromJson(QByteArray::fromStdString(json)).object().value("config").toObject());
        ASSERT_TRUE(cli.ok()) << cli.message() << json;
        EXPECT_EQ(cli->arch, gui.arch) << folder;
        EXPECT_EQ(cli->size, gui.size) << folder;
        EXPECT_EQ(cli->batchSize, gui.batchSize) << folder;
        EXPECT_EQ(cli->validPct, gui.validPct) << folder;
        EXPECT_EQ(test::settingsText(cli.value()), test::settingsText(gui)) << folder;
    }
}

TEST(TrainSettingsShared, AValueOutOfRangeGetsTheSameMessageFromTheGuiTheCliAndTheLearner)
{
    TempDir dir;
    const fs::path root = makeTrainProject(dir, 6);
    auto index = std::make_shared<const DatasetIndex>(DatasetIndex::scan(root / "images").value());
    TrainPage page;
    page.setDataset(root, index);
    TrainConfig c = page.config();
    c.epochs = 20000;
    const std::string expected = validate(c).message();
    ASSERT_FALSE(expected.empty());
    page.setConfig(c); // e.g. a run.json edited by hand, retrained
    EXPECT_TRUE(page.stateText().contains(QString::fromStdString(expected))) << page.stateText().toStdString();
    page.start();
    EXPECT_EQ(page.state(), TrainPage::State::Failed);
    EXPECT_TRUE(page.stateText().contains(QString::fromStdString(expected))) << page.stateText().toStdString();
    EXPECT_EQ(page.runModel()->rowCount(), 0);
    EXPECT_FALSE(fs::exists(root / "runs") && !fs::is_empty(root / "runs"));

    std::FILE *out = std::tmpfile(), *err = std::tmpfile();
    EXPECT_EQ(cli::run({"train", root.string(), "--epochs", "20000"}, out, err), 2);
    std::rewind(err);
    std::string cliErr;
    for (int ch; (ch = std::fgetc(err)) != EOF;)
        cliErr += char(ch);
    std::fclose(out);
    std::fclose(err);
    EXPECT_NE(cliErr.find(expected), std::string::npos) << cliErr;

    auto learner = runTraining(root, c, root / "runs/refused", {});
    ASSERT_FALSE(learner.ok());
    EXPECT_EQ(learner.message(), expected);
}

TEST(TrainSettingsShared, RetrainRepeatsEverySettingOfTheRun)
{
    TempDir dir;
    const fs::path root = makeTrainProject(dir, 12);
    TrainConfig c = test::tinyTraining(2, 8, 3e-3, 1);
    c.head = HeadKind::Linear;
    c.size = 16;
    c.resize = ResizeMethod::Pad;
    c.schedule = ScheduleKind::FineTune;
    c.freezeEpochs = 1;
    c.augment = true;
    c.minScale = 0.9;
    c.flipP = 0.3;
    c.maxRotate = 5;
    c.maxZoom = 1.2;
    c.maxWarp = 0.1;
    c.maxLighting = 0.1;
    c.validPct = 0.25;
    c.seed = 11;
    c.optimizer = OptimizerKind::Sgd;
    c.weightDecay = 0.02;
    c.momentum = 0.8;
    c.labelSmoothing = 0.1;
    c.pctStart = 0.3;
    c.earlyStopPatience = 5;
    c.keepBest = true;
    c.workers = 1;
    c.device = "cpu";
    c.precision = Precision::Fp32;
    c.channels = 1;
    const fs::path source = root / "runs/20260101-000000-simple_cnn";
    auto trained = runTraining(root, c, source, {});
    ASSERT_TRUE(trained.ok()) << trained.message();
    const TrainConfig recorded = kiln::Run::load(source)->config;
    EXPECT_EQ(test::settingsText(recorded), test::settingsText(c));

    MainWindow window;
    test::showProject(window, root);
    QSignalSpy finished(window.trainPage(), &TrainPage::runFinished);
    Q_EMIT window.analyzePage()->retrainRequested(QString::fromStdString(source.string()));
    ASSERT_TRUE(finished.wait(60000)) << window.trainPage()->stateText().toStdString();
    const fs::path again = finished.front().at(0).toString().toStdString();
    ASSERT_NE(again, source);
    auto rerun = kiln::Run::load(again);
    ASSERT_TRUE(rerun.ok()) << rerun.message();
    EXPECT_EQ(test::settingsText(rerun->config), test::settingsText(recorded));
}

TEST(TrainSettingsShared, ANewRunAppearsOnTheTrainAnalyzeAndExportPagesWhenItStarts)
{
    TempDir dir;
    const fs::path root = makeTrainProject(dir, 12);
    MainWindow window;
    test::showProject(window, root);
    TrainPage *train = window.trainPage();
    // One run list behind both (the Analyze page's chooser shows it without tick boxes).
    auto *choices = qobject_cast<QAbstractProxyModel *>(window.analyzePage()->runBox()->model());
    ASSERT_NE(choices, nullptr);
    EXPECT_EQ(train->runModel(), choices->sourceModel());
    EXPECT_EQ(window.analyzePage()->runBox()->count(), 0);
    train->setConfig(test::tinyTraining(2, 8, 3e-3, 1));
    QSignalSpy started(train, &TrainPage::runStarted);
    QSignalSpy finished(train, &TrainPage::runFinished);
    train->start();
    ASSERT_TRUE(started.wait(30000));
    // Listed at once (the signal, not a timer): the Train page's list and the Analyze page's runs.
    const QString runDir = started.front().at(0).toString();
    EXPECT_EQ(train->runModel()->rowOf(runDir), 0);
    EXPECT_EQ(train->runList()->model()->rowCount(), 1);
    EXPECT_EQ(window.analyzePage()->runBox()->count(), 1);
    EXPECT_EQ(window.analyzePage()->runBox()->currentData(RunListModel::DirRole).toString(), runDir);
    EXPECT_EQ(window.exportPage()->runBox()->count(), 0); // nothing to export until it has a result
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_EQ(window.exportPage()->runBox()->count(), 1);
    EXPECT_EQ(window.exportPage()->runBox()->currentData(RunListModel::DirRole).toString(), runDir);
    EXPECT_TRUE(train->runModel()->index(0, 0).data(RunListModel::HasResultRole).toBool());
}

TEST(TrainPageWeights, ImageNetWeightsDownloadOnStartAndTheRunRecordsThem)
{
    TempDir dir;
    // torchvision's own resnet18 file format (random weights), served by a loopback mirror.
    QProcess py;
    py.start("/usr/bin/python3", {"-c", "import sys, torch, torchvision\n"
                                        "torch.manual_seed(0)\n"
                                        "torch.save(torchvision.models.resnet18().state_dict(), sys.argv[1])\n",
                                  QString::fromStdString((dir / "r18.pth").string())});
    ASSERT_TRUE(py.waitForFinished(120000));
    ASSERT_EQ(py.exitCode(), 0) << py.readAllStandardError().toStdString();
    const auto bytes = test::readBytes(dir / "r18.pth");
    const QByteArray body(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
    const std::string sha = QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex().toStdString();
    const std::string file = "resnet18-" + sha.substr(0, 8) + ".pth";
    test::FakeSearchServer server;
    server.addResource(QString::fromStdString("/m/" + file), {body, "application/octet-stream"});
    test::writeText(dir / "catalog.json", "[{\"architecture\": \"resnet18\", \"file\": \"" + file + "\", \"url\": \"" +
                                              server.url(QString::fromStdString("/m/" + file)).toStdString() + "\"}]");
    ::setenv("KILN_WEIGHTS_CATALOG", (dir / "catalog.json").c_str(), 1);
    ::setenv("TORCH_HOME", (dir / "torch").c_str(), 1);

    for (const char *c : {"a", "b"})
        for (int i = 0; i < 6; ++i)
            test::writeImage(dir / "photos" / c / (std::to_string(i) + ".jpg"), 96, 80, 3, 8, i + (c[0] == 'a' ? 0 : 50));
    auto index = std::make_shared<const DatasetIndex>(DatasetIndex::scan(dir / "photos").value());
    TrainPage page;
    page.setDataset(dir / "photos", index);
    TrainConfig c = page.config();
    EXPECT_EQ(c.arch, Architecture::ResNet18); // photos: the pretrained photo model, fine-tuned
    EXPECT_EQ(c.pretrained, "imagenet");
    EXPECT_EQ(c.schedule, ScheduleKind::FineTune);
    EXPECT_TRUE(page.weights()->infoText().contains("downloads")) << page.weights()->infoText().toStdString();
    // The speed class of each architecture on a CPU, beside its size.
    for (auto [arch, speedClass] : {std::pair{Architecture::MobileNetV3Small, "fast"}, std::pair{Architecture::ResNet18, "medium"},
                                    std::pair{Architecture::ResNet50, "slow"}}) {
        TrainConfig other = c;
        other.arch = arch;
        page.setConfig(other);
        EXPECT_TRUE(page.weights()->infoText().contains(QLatin1String(speedClass))) << page.weights()->infoText().toStdString();
    }
    page.setConfig(c);
    c.size = 32; // quick
    c.epochs = 1;
    c.batchSize = 4;
    c.lr = 1e-3;
    c.threads = 1;
    page.setConfig(c);
    QSignalSpy finished(&page, &TrainPage::runFinished);
    page.start();
    EXPECT_EQ(page.state(), TrainPage::State::Downloading);
    ASSERT_TRUE(finished.wait(120000)) << page.stateText().toStdString();
    ::unsetenv("KILN_WEIGHTS_CATALOG");
    ::unsetenv("TORCH_HOME");
    EXPECT_EQ(server.hits(QString::fromStdString("/m/" + file)), 1);
    EXPECT_TRUE(fs::exists(dir / "torch/hub/checkpoints" / file));
    auto run = kiln::Run::load(finished.front().at(0).toString().toStdString());
    ASSERT_TRUE(run.ok()) << run.message();
    EXPECT_EQ(run->config.pretrained, "imagenet");
    EXPECT_EQ(run->weightsFile, file);
    EXPECT_EQ(run->weightsSha256, sha);
}
