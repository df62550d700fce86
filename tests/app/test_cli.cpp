// End-to-end: runs the kiln-cli executable as a process, as a script would.
#include "testfiles.h"

#include "data/project.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

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
