// End-to-end: runs the kiln-cli executable as a process, as a script would.
#include "testfiles.h"

#include "data/project.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

#include <algorithm>

#include <gtest/gtest.h>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

namespace {

struct Run {
    int code;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(KILN_CLI_PATH, args);
    p.waitForFinished(60000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QString q(const fs::path &p) { return QString::fromStdString(p.string()); }

} // namespace

TEST(Cli, HelpAndUsageErrors)
{
    auto help = cli({"--help"});
    EXPECT_EQ(help.code, 0);
    EXPECT_TRUE(help.out.contains("dataset verify"));
    EXPECT_EQ(cli({}).code, 2);
    auto unknown = cli({"dataset", "info", "/tmp", "--bogus"});
    EXPECT_EQ(unknown.code, 2);
    EXPECT_TRUE(unknown.err.contains("unknown option --bogus"));
    EXPECT_EQ(cli({"frobnicate"}).code, 2);
    EXPECT_TRUE(cli({"--version"}).out.startsWith("kiln-cli "));
}

TEST(Cli, InfoJsonAndText)
{
    TempDir dir;
    test::makeDataset(dir / "data", {"cats", "dogs"}, 5);
    auto r = cli({"dataset", "info", q(dir / "data"), "--json", "--valid-pct", "0.2", "--seed", "1"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject o = r.json();
    EXPECT_EQ(o.value("images").toInt(), 10);
    EXPECT_EQ(o.value("classes").toArray().size(), 2);
    EXPECT_EQ(o.value("split").toObject().value("valid").toInt(), 2);
    auto text = cli({"dataset", "info", q(dir / "data")});
    EXPECT_TRUE(text.out.contains("10 in 2 classes")) << text.out.toStdString();
}

TEST(Cli, MissingFolderFailsClearly)
{
    TempDir dir;
    auto r = cli({"dataset", "info", q(dir / "missing")});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("does not exist")) << r.err.toStdString();
    auto v = cli({"dataset", "verify", q(dir / "missing")});
    EXPECT_EQ(v.code, 1);
}

TEST(Cli, CorruptProjectFailsAndIsKept)
{
    TempDir dir;
    test::writeText(dir / "kiln-project.json", "garbage");
    auto r = cli({"dataset", "info", q(dir.path())});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("damaged"));
    const auto bytes = test::readBytes(dir / "kiln-project.json");
    EXPECT_EQ(std::string(bytes.begin(), bytes.end()), "garbage");
}

TEST(Cli, VerifyAndQuarantine)
{
    TempDir dir;
    ASSERT_TRUE(Project::create(dir.path()).ok());
    test::makeDataset(dir / "images", {"a", "b"}, 3);
    test::writeText(dir / "images/a/html.jpg", "<!doctype html><p>hi</p>");
    test::writeTruncated(dir / "images/b/cut.png", ".png");
    auto r = cli({"dataset", "verify", q(dir.path()), "--json"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().value("failed").toInt(), 2);
    EXPECT_EQ(r.json().value("ok").toInt(), 6);
    EXPECT_TRUE(fs::exists(dir / "images/a/html.jpg"));
    auto text = cli({"dataset", "verify", q(dir.path()), "--quarantine"});
    ASSERT_EQ(text.code, 0);
    EXPECT_TRUE(text.out.contains("not-an-image"));
    EXPECT_TRUE(text.out.contains("truncated"));
    EXPECT_TRUE(fs::exists(dir / ".kiln/trash/a/html.jpg"));
    EXPECT_FALSE(fs::exists(dir / "images/a/html.jpg"));
}

TEST(Cli, ImportIdxCsvAndExport)
{
    TempDir dir;
    std::vector<std::uint8_t> pixels(6 * 28 * 28, 7), labels{0, 1, 2, 0, 1, 2};
    test::writeIdx(dir / "train-images-idx3-ubyte.gz", {6, 28, 28}, pixels, true);
    test::writeIdx(dir / "train-labels-idx1-ubyte.gz", {6}, labels, true);
    auto r = cli({"dataset", "import-idx", q(dir / "train-images-idx3-ubyte.gz"), q(dir / "train-labels-idx1-ubyte.gz"),
                  q(dir / "proj"), "--classes", "x,y,z", "--subset", "none", "--json"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().value("written").toInt(), 6);
    EXPECT_TRUE(Project::isProject(dir / "proj"));
    EXPECT_TRUE(fs::exists(dir / "proj/images/z/train_00005.png"));

    auto ex = cli({"dataset", "export-csv", q(dir / "proj"), q(dir / "list.csv")});
    ASSERT_EQ(ex.code, 0) << ex.err.toStdString();
    auto im = cli({"dataset", "import-csv", q(dir / "list.csv"), q(dir / "proj/images"), q(dir / "copy"), "--json"});
    ASSERT_EQ(im.code, 0) << im.err.toStdString();
    EXPECT_EQ(im.json().value("copied").toInt(), 6);
    auto info = cli({"dataset", "info", q(dir / "copy"), "--json"});
    EXPECT_EQ(info.json().value("images").toInt(), 6);

    auto bad = cli({"dataset", "import-idx", q(dir / "list.csv"), q(dir / "list.csv"), q(dir / "proj2")});
    EXPECT_EQ(bad.code, 1);
    EXPECT_TRUE(bad.err.contains("not an IDX file"));
}

TEST(Cli, DemoImportsFashionMnistFromASmallCopy)
{
    // A miniature of the Debian package's layout, so the test does not need 70,000 files.
    TempDir dir;
    std::vector<std::uint8_t> pixels(20 * 28 * 28, 3), labels(20);
    for (int i = 0; i < 20; ++i)
        labels[std::size_t(i)] = std::uint8_t(i % 10);
    for (const char *part : {"train", "t10k"}) {
        test::writeIdx(dir / "fm" / (std::string(part) + "-images-idx3-ubyte.gz"), {20, 28, 28}, pixels, true);
        test::writeIdx(dir / "fm" / (std::string(part) + "-labels-idx1-ubyte.gz"), {20}, labels, true);
    }
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("KILN_FASHION_MNIST_DIR", q(dir / "fm"));
    env.insert("KILN_DATA_DIR", q(dir / "data"));
    p.setProcessEnvironment(env);
    p.start(KILN_CLI_PATH, {"demo"});
    ASSERT_TRUE(p.waitForFinished(60000));
    ASSERT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    const fs::path project = dir / "data/demo/fashion-mnist";
    EXPECT_TRUE(fs::exists(project / "images/train/Ankle boot/train_00009.png"));
    EXPECT_TRUE(fs::exists(project / "images/test/T-shirt-top/test_00000.png"));
    auto info = cli({"dataset", "info", q(project), "--json"});
    EXPECT_EQ(info.json().value("images").toInt(), 40);
    EXPECT_TRUE(info.json().value("split").toObject().value("by_folder").toBool());
    EXPECT_EQ(info.json().value("split").toObject().value("valid").toInt(), 20);
}

TEST(Cli, TrainWritesARunAndResumesAfterAKill)
{
    TempDir dir;
    // 2 x 120 images of 32 px through import-idx, so the project is a real one.
    const std::uint32_t n = 240;
    std::vector<std::uint8_t> pixels(std::size_t(n) * 32 * 32), labels(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        labels[i] = std::uint8_t(i % 2);
        for (int y = 0; y < 32; ++y)
            for (int x = 0; x < 32; ++x)
                pixels[std::size_t(i) * 1024 + std::size_t(y * 32 + x)] =
                    std::uint8_t(((x < 16) == (i % 2 == 0) ? 180 : 30) + (i * 13 + std::uint32_t(x * 5 + y * 3)) % 40);
    }
    test::writeIdx(dir / "images.idx", {n, 32, 32}, pixels, false);
    test::writeIdx(dir / "labels.idx", {n}, labels, false);
    ASSERT_EQ(cli({"dataset", "import-idx", q(dir / "images.idx"), q(dir / "labels.idx"), q(dir / "proj"), "--classes", "left,right",
                   "--subset", "none"})
                  .code,
              0);

    const QStringList common{"--epochs", "4", "--bs", "16", "--lr", "5e-3", "--no-aug", "--threads", "1", "--seed", "5"};
    auto straight = cli(QStringList{"train", q(dir / "proj"), "--out", q(dir / "a"), "--json"} + common);
    ASSERT_EQ(straight.code, 0) << straight.err.toStdString();
    const QJsonArray epochs = straight.json().value("epochs").toArray();
    ASSERT_EQ(epochs.size(), 4);
    EXPECT_GT(epochs.last().toObject().value("accuracy").toDouble(), 0.95);
    EXPECT_TRUE(fs::exists(dir / "a/run.json"));
    EXPECT_TRUE(fs::exists(dir / "a/metrics.csv"));
    EXPECT_TRUE(fs::exists(dir / "a/checkpoints/last.pt"));
    auto project = Project::open(dir / "proj");
    ASSERT_TRUE(project.ok());
    ASSERT_EQ(project->runs.size(), 1u);

    // Kill the same run (SIGKILL) once its first checkpoint exists, then resume it.
    QProcess victim;
    victim.start(KILN_CLI_PATH, QStringList{"train", q(dir / "proj"), "--out", q(dir / "b")} + common);
    ASSERT_TRUE(victim.waitForStarted());
    const fs::path ckpt = dir / "b/checkpoints/last.pt";
    for (int i = 0; i < 600 && !fs::exists(ckpt) && victim.state() != QProcess::NotRunning; ++i)
        QThread::msleep(50);
    victim.kill();
    victim.waitForFinished();
    ASSERT_TRUE(fs::exists(ckpt)) << "the run ended before its first checkpoint";
    auto resumed = cli({"train", "--resume", q(dir / "b"), "--json"});
    ASSERT_EQ(resumed.code, 0) << resumed.err.toStdString();
    const QJsonArray after = resumed.json().value("epochs").toArray();
    ASSERT_EQ(after.size(), 4);
    // The epochs trained after the resume match the uninterrupted run exactly.
    EXPECT_DOUBLE_EQ(after.last().toObject().value("valid_loss").toDouble(), epochs.last().toObject().value("valid_loss").toDouble());
}

TEST(Cli, TrainRefusesBadInput)
{
    TempDir dir;
    test::makeDataset(dir / "one", {"only"}, 4);
    auto one = cli({"train", q(dir / "one"), "--lr", "1e-3"});
    EXPECT_EQ(one.code, 1);
    EXPECT_TRUE(one.err.contains("at least two classes")) << one.err.toStdString();
    auto missing = cli({"train", q(dir / "nope")});
    EXPECT_EQ(missing.code, 1);
    EXPECT_TRUE(missing.err.contains("does not exist"));
    auto badArch = cli({"train", q(dir / "one"), "--arch", "vgg"});
    EXPECT_EQ(badArch.code, 2);
    auto badResume = cli({"train", "--resume", q(dir / "nothing")});
    EXPECT_EQ(badResume.code, 1);
}

TEST(Cli, LrFindPrintsSuggestionsAndWritesTheCurve)
{
    TempDir dir;
    test::makeDataset(dir / "data", {"a", "b"}, 40, 12);
    auto r = cli({"lr-find", q(dir / "data"), "--bs", "4", "--num-it", "40", "--out", q(dir / "curve.csv"), "--json"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_GT(r.json().value("valley").toDouble(), 0);
    const auto bytes = test::readBytes(dir / "curve.csv");
    const std::string csv(bytes.begin(), bytes.end());
    EXPECT_EQ(csv.rfind("lr,loss\n", 0), 0u);
    EXPECT_GT(std::count(csv.begin(), csv.end(), '\n'), 20);
}
