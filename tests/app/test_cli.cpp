// End-to-end: runs the kiln-cli executable as a process, as a script would.
#include "clirun.h"
#include "testfiles.h"

#include "data/editjournal.h"
#include "fakesearchserver.h"
#include "data/project.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QThread>

#include <algorithm>
#include <fstream>
#include <map>

#include <gtest/gtest.h>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

namespace {

using Run = test::CliResult;
Run cli(const QStringList &args) { return test::runCli(args); }

using test::q;

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

TEST(Cli, EachCommandsHelpListsItsOptionsWithAnExample)
{
    const std::map<QString, QStringList> options{
        {"dataset info", {"--valid-pct", "--seed", "--json"}},
        {"dataset verify", {"--quarantine", "--threads", "--max-side"}},
        {"dataset import-idx", {"--subset", "--classes"}},
        {"dataset import-csv", {}},
        {"dataset export-csv", {}},
        {"demo", {"--dir"}},
        {"acquire", {"--class", "--per-class", "--query-suffix", "--urls", "--endpoint", "--concurrency", "--max-side",
                     "--region", "--safe", "--size", "--type", "--layout"}},
        {"train", {"--arch", "--pretrained", "--size", "--resize", "--bs", "--epochs", "--schedule", "--lr", "--no-aug",
                   "--min-scale", "--valid-pct", "--seed", "--out", "--opt", "--wd", "--label-smoothing", "--freeze-epochs",
                   "--early-stop", "--keep-best", "--linear-head", "--threads", "--workers", "--device", "--flip-p",
                   "--max-rotate", "--max-zoom", "--max-warp", "--max-lighting", "--resume"}},
        {"lr-find", {"--out", "--start-lr", "--end-lr", "--num-it"}},
        {"interpret", {"--split", "--top-losses", "--most-confused", "--out", "--no-cache", "--threads", "--device"}},
        {"tsne", {"--out", "--split", "--perplexity", "--iters", "--theta", "--seed", "--threads"}},
        {"relabel", {}},
        {"remove", {"--reason"}},
        {"restore", {}},
        {"apply", {}},
        {"undo", {}},
        {"redo", {}},
        {"export", {"--out", "--format", "--softmax"}},
        {"predict", {"--top-k", "--threads"}},
    };
    for (const auto &[command, flags] : options) {
        QStringList args = command.split(' ');
        args << "--help";
        const auto r = cli(args);
        EXPECT_EQ(r.code, 0) << command.toStdString();
        EXPECT_TRUE(r.out.contains("Example:\n  kiln-cli " + command + " ")) << r.out.toStdString();
        for (const QString &flag : flags)
            EXPECT_TRUE(r.out.contains(flag)) << command.toStdString() << " --help lacks " << flag.toStdString();
        EXPECT_TRUE(r.out.contains("--json")) << command.toStdString();
    }
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

namespace {

// A two-class project (bright left or right half) that a tiny network learns.
void makeLearnableIdxProject(const fs::path &dir, const fs::path &project)
{
    const std::uint32_t n = 160;
    std::vector<std::uint8_t> pixels(std::size_t(n) * 16 * 16), labels(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        labels[i] = std::uint8_t(i % 2);
        for (int y = 0; y < 16; ++y)
            for (int x = 0; x < 16; ++x)
                pixels[std::size_t(i) * 256 + std::size_t(y * 16 + x)] =
                    std::uint8_t(((x < 8) == (i % 2 == 0) ? 180 : 30) + (i * 13 + std::uint32_t(x * 5 + y * 3)) % 40);
    }
    test::writeIdx(dir / "images.idx", {n, 16, 16}, pixels, false);
    test::writeIdx(dir / "labels.idx", {n}, labels, false);
    ASSERT_EQ(cli({"dataset", "import-idx", q(dir / "images.idx"), q(dir / "labels.idx"), q(project), "--classes", "left,right",
                   "--subset", "none"})
                  .code,
              0);
}

} // namespace

TEST(Cli, InterpretPrintsTheAnalysisAndEditsFollow)
{
    TempDir dir;
    makeLearnableIdxProject(dir.path(), dir / "proj");
    auto trained = cli({"train", q(dir / "proj"), "--out", q(dir / "run"), "--epochs", "2", "--bs", "16", "--lr", "5e-3",
                        "--no-aug", "--threads", "1", "--json"});
    ASSERT_EQ(trained.code, 0) << trained.err.toStdString();
    const double accuracy = trained.json().value("epochs").toArray().last().toObject().value("accuracy").toDouble();

    auto json = cli({"interpret", q(dir / "run"), "--top-losses", "5", "--out", q(dir / "preds.csv"), "--json"});
    ASSERT_EQ(json.code, 0) << json.err.toStdString();
    const QJsonObject o = json.json();
    EXPECT_NEAR(o.value("accuracy").toDouble(), accuracy, 1e-9);
    EXPECT_EQ(o.value("images").toInt(), 32);
    double sum = 0;
    for (const auto &row : o.value("confusion").toArray())
        for (const auto &v : row.toArray())
            sum += v.toDouble();
    EXPECT_EQ(sum, 32);
    EXPECT_EQ(o.value("per_class").toArray().size(), 2);
    const QJsonArray top = o.value("top_losses").toArray();
    ASSERT_EQ(top.size(), 5);
    EXPECT_GE(top[0].toObject().value("loss").toDouble(), top[4].toObject().value("loss").toDouble());
    const auto csv = test::readBytes(dir / "preds.csv");
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 33);

    auto text = cli({"interpret", q(dir / "run"), "--most-confused", "1"});
    ASSERT_EQ(text.code, 0);
    EXPECT_TRUE(text.out.contains("confusion matrix")) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains("precision"));
    EXPECT_TRUE(text.out.contains("(saved predictions)"));

    // Relabel the top loss by the path interpret printed; interpret sees the new label.
    const QString file = top[0].toObject().value("file").toString();
    const QString actual = top[0].toObject().value("actual").toString();
    const QString other = actual == "left" ? "right" : "left";
    auto relabel = cli({"relabel", q(dir / "proj"), file, other});
    ASSERT_EQ(relabel.code, 0) << relabel.err.toStdString();
    EXPECT_FALSE(fs::exists(dir / "proj" / file.toStdString()));
    auto after = cli({"interpret", q(dir / "run"), "--top-losses", "200", "--json"});
    ASSERT_EQ(after.code, 0);
    QString newPath = file;
    newPath.replace("/" + actual + "/", "/" + other + "/");
    bool found = false;
    for (const auto &t : after.json().value("top_losses").toArray())
        if (t.toObject().value("file").toString() == newPath) {
            found = true;
            EXPECT_EQ(t.toObject().value("actual").toString(), other);
        }
    EXPECT_TRUE(found) << newPath.toStdString();

    EXPECT_EQ(cli({"remove", q(dir / "proj"), newPath}).code, 0);
    EXPECT_EQ(cli({"undo", q(dir / "proj")}).code, 0);
    EXPECT_EQ(cli({"undo", q(dir / "proj")}).code, 0);
    EXPECT_TRUE(fs::exists(dir / "proj" / file.toStdString()));
    auto none = cli({"undo", q(dir / "proj")});
    EXPECT_EQ(none.code, 1);
    EXPECT_TRUE(none.err.contains("nothing to undo")) << none.err.toStdString();
    EXPECT_EQ(cli({"redo", q(dir / "proj")}).code, 0);
    EXPECT_FALSE(fs::exists(dir / "proj" / file.toStdString()));

    auto bad = cli({"relabel", q(dir / "proj"), "images/left/nope.png", "right"});
    EXPECT_EQ(bad.code, 1);
    EXPECT_TRUE(bad.err.contains("not found")) << bad.err.toStdString();
    // t-SNE of the run's embeddings, written as CSV.
    auto tsne = cli({"tsne", q(dir / "run"), "--out", q(dir / "tsne.csv"), "--perplexity", "5", "--iters", "250", "--json"});
    ASSERT_EQ(tsne.code, 0) << tsne.err.toStdString();
    const int images = tsne.json().value("images").toInt();
    EXPECT_EQ(images, 32); // the 20% validation split of 160 images; the relabelled one kept its split
    EXPECT_GT(tsne.json().value("kl").toDouble(), 0);
    const auto tsneCsv = test::readBytes(dir / "tsne.csv");
    EXPECT_EQ(std::count(tsneCsv.begin(), tsneCsv.end(), '\n'), images + 1);
    EXPECT_EQ(cli({"tsne", q(dir / "run")}).code, 2); // --out is required
    EXPECT_EQ(cli({"tsne", q(dir / "run"), "--out", q(dir / "t.csv"), "--perplexity", "500"}).code, 2);

    // Export as a bundle, then predict with it.
    auto exported = cli({"export", q(dir / "run"), "--out", q(dir / "m.kiln"), "--json"});
    ASSERT_EQ(exported.code, 0) << exported.err.toStdString();
    EXPECT_TRUE(exported.json().value("verified").toBool());
    auto predicted = cli({"predict", q(dir / "m.kiln"), q(dir / "proj/images"), "--top-k", "1", "--json"});
    ASSERT_EQ(predicted.code, 0) << predicted.err.toStdString();
    const QJsonArray predictedImages = predicted.json().value("images").toArray();
    EXPECT_EQ(predictedImages.size(), 160); // every image: the removal was undone, the relabel redone
    EXPECT_EQ(predictedImages[0].toObject().value("top").toArray().size(), 1);
    auto onnx = cli({"export", q(dir / "run"), "--out", q(dir / "m.onnx"), "--json"});
    ASSERT_EQ(onnx.code, 0) << onnx.err.toStdString();
    EXPECT_LE(onnx.json().value("max_difference").toDouble(), 1e-4);
    EXPECT_TRUE(fs::exists(dir / "m.onnx.json"));
    auto viaOnnx = cli({"predict", q(dir / "m.onnx"), q(dir / "proj/images"), "--top-k", "1", "--json"});
    ASSERT_EQ(viaOnnx.code, 0) << viaOnnx.err.toStdString();
    const QJsonArray onnxImages = viaOnnx.json().value("images").toArray();
    ASSERT_EQ(onnxImages.size(), predictedImages.size());
    // The same model through OpenCV: the same top class for every image.
    for (int i = 0; i < onnxImages.size(); ++i)
        EXPECT_EQ(onnxImages[i].toObject().value("top").toArray()[0].toObject().value("class").toString(),
                  predictedImages[i].toObject().value("top").toArray()[0].toObject().value("class").toString());
    auto script = cli({"export", q(dir / "run"), "--out", q(dir / "m.pt"), "--json"});
    ASSERT_EQ(script.code, 0) << script.err.toStdString();
    EXPECT_EQ(script.json().value("format").toString(), "torchscript");
    EXPECT_LE(script.json().value("max_difference").toDouble(), 1e-4);
    EXPECT_EQ(cli({"export", q(dir / "run"), "--out", q(dir / "m.x"), "--format", "tflite"}).code, 2);
    EXPECT_EQ(cli({"predict", q(dir / "run/run.json"), q(dir / "proj/images")}).code, 1); // not a bundle

    auto noRun = cli({"interpret", q(dir / "proj")});
    EXPECT_EQ(noRun.code, 1);
    EXPECT_TRUE(noRun.err.contains("run.json")) << noRun.err.toStdString();
}

TEST(Cli, KillDuringOneHundredEditsLosesNothing)
{
    TempDir dir;
    const fs::path proj = dir / "proj";
    ASSERT_TRUE(Project::create(proj).ok());
    test::makeDataset(proj / "images", {"a", "b", "c"}, 60, 8);
    std::map<std::string, std::string> original; // home-relative path -> content
    for (const auto &e : fs::recursive_directory_iterator(proj / "images"))
        if (e.is_regular_file()) {
            const auto b = test::readBytes(e.path());
            original[e.path().lexically_relative(proj).generic_string()] = std::string(b.begin(), b.end());
        }
    std::string csv = "file,action,class\n";
    for (int i = 0; i < 50; ++i) {
        csv += "a/a_" + std::to_string(i) + ".png,relabel,b\n";
        csv += "c/c_" + std::to_string(i) + ".png,remove\n";
    }
    test::writeText(dir / "edits.csv", csv);

    QProcess victim;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("KILN_JOURNAL_STEP_DELAY_MS", "15");
    victim.setProcessEnvironment(env);
    victim.start(KILN_CLI_PATH, {"apply", q(proj), q(dir / "edits.csv")});
    ASSERT_TRUE(victim.waitForStarted());
    auto begun = [&] {
        std::ifstream in(proj / ".kiln/journal.jsonl");
        std::string line;
        int n = 0;
        while (std::getline(in, line))
            n += line.find("\"op\":\"begin\"") != std::string::npos;
        return n;
    };
    for (int i = 0; i < 400 && begun() < 40 && victim.state() != QProcess::NotRunning; ++i)
        QThread::msleep(10);
    ASSERT_EQ(victim.state(), QProcess::Running) << "the edits finished before the kill";
    victim.kill(); // SIGKILL
    victim.waitForFinished();

    auto j = EditJournal::open(proj); // recovers
    ASSERT_TRUE(j.ok()) << j.message();
    std::size_t done = 0;
    for (const auto &m : j->moves()) {
        EXPECT_NE(m.state, EditJournal::Move::Pending);
        done += m.state == EditJournal::Move::Done;
    }
    EXPECT_GE(done, 39u);
    EXPECT_LT(done, 100u);
    // The journal accounts for every file: following its finished moves from each original path
    // leads to where the file is now, with its content, and nothing else is in the project.
    std::map<std::string, std::string> located; // current -> original
    for (const auto &[path, bytes] : original)
        located[path] = path;
    for (const auto &m : j->moves())
        if (m.state == EditJournal::Move::Done) {
            ASSERT_TRUE(located.count(m.from)) << m.from;
            const std::string orig = located[m.from];
            located.erase(m.from);
            located[m.to] = orig;
        }
    std::size_t onDisk = 0;
    for (const auto &root : {proj / "images", proj / ".kiln/trash"})
        if (fs::exists(root))
            for (const auto &e : fs::recursive_directory_iterator(root))
                if (e.is_regular_file()) {
                    ++onDisk;
                    const std::string rel = e.path().lexically_relative(proj).generic_string();
                    ASSERT_TRUE(located.count(rel)) << rel << " is not accounted for";
                    const auto b = test::readBytes(e.path());
                    EXPECT_EQ(std::string(b.begin(), b.end()), original[located[rel]]) << rel;
                }
    EXPECT_EQ(onDisk, original.size());

    // One undo puts back everything the interrupted edit moved.
    auto undo = cli({"undo", q(proj)});
    ASSERT_EQ(undo.code, 0) << undo.err.toStdString();
    for (const auto &[path, bytes] : original) {
        ASSERT_TRUE(fs::exists(proj / path)) << path;
        const auto b = test::readBytes(proj / path);
        EXPECT_EQ(std::string(b.begin(), b.end()), bytes);
    }
    EXPECT_EQ(test::countFiles(proj / ".kiln/trash"), 0u);
}

TEST(Cli, AcquireFromALoopbackSearchServer)
{
    TempDir dir;
    test::FakeSearchServer server;
    QStringList cat, dog;
    for (int i = 0; i < 7; ++i) {
        for (const char *c : {"cat", "dog"}) {
            const QString path = QStringLiteral("/img/%1-%2.png").arg(c).arg(i);
            server.addImage(path, test::encodeImage(".png", 40 + 3 * i, 30, 3, 8, (c[0] == 'c' ? 100 : 200) + i * 17), "image/png");
            (c[0] == 'c' ? cat : dog) << server.url(path);
        }
    }
    server.addResource("/img/html.png", {"<html>denied</html>", "image/png"});
    cat.insert(0, server.url("/img/html.png"));
    server.setResults("cat", cat);
    server.setResults("dog", dog);

    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *proxy : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
        env.remove(proxy); // kiln-cli honours the system proxy; the server is on loopback
    p.setProcessEnvironment(env);
    p.start(KILN_CLI_PATH, {"acquire", q(dir / "proj"), "--class", "cat", "--class", "dog", "--per-class", "5", "--endpoint",
                            server.base(), "--json"});
    QSignalSpy done(&p, &QProcess::finished);
    ASSERT_TRUE(done.wait(60000)); // the server answers while we wait
    const QString err = QString::fromUtf8(p.readAllStandardError());
    ASSERT_EQ(p.exitCode(), 0) << err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    const QJsonArray classes = o.value("classes").toArray();
    ASSERT_EQ(classes.size(), 2);
    EXPECT_EQ(classes[0].toObject().value("downloaded").toInt(), 5);
    EXPECT_EQ(classes[1].toObject().value("downloaded").toInt(), 5);
    EXPECT_EQ(test::countFiles(dir / "proj/images/cat"), 5u);
    bool html = false;
    for (const auto &f : o.value("failures").toArray())
        html = html || f.toObject().value("reason").toString().contains("not an image");
    EXPECT_TRUE(html);
    EXPECT_TRUE(fs::exists(dir / "proj/.kiln/acquire/cat.jsonl"));
    EXPECT_EQ(cli({"acquire", q(dir / "proj")}).code, 2); // no --class
}

TEST(Cli, WeightsListAndDownloadFromAMirrorIntoTorchHome)
{
    TempDir dir;
    test::FakeSearchServer server;
    QByteArray body(200000, 'w');
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
    const QString file = "resnet18-" + sha.left(8) + ".pth";
    server.addResource("/mirror/" + file, {body, "application/octet-stream"});
    test::writeText(dir / "catalog.json", "[{\"architecture\": \"resnet18\", \"file\": \"" + file.toStdString() + "\", \"url\": \"" + file.toStdString() + "\"}]");

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *proxy : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
        env.remove(proxy);
    env.insert("TORCH_HOME", q(dir / "torch"));
    auto run = [&](const QStringList &args) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(KILN_CLI_PATH, args);
        QSignalSpy done(&p, &QProcess::finished);
        EXPECT_TRUE(done.wait(60000)); // the server answers while we wait
        return ::Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    };
    const QStringList source{"--weights-catalog", q(dir / "catalog.json"), "--weights-url", server.base() + "/mirror/"};
    auto list = run(QStringList{"weights", "list", "--json"} + source);
    ASSERT_EQ(list.code, 0) << list.err.toStdString();
    const QJsonArray rows = list.json().value("weights").toArray();
    ASSERT_EQ(rows.size(), 1);
    EXPECT_FALSE(rows[0].toObject().value("cached").toBool());
    EXPECT_EQ(list.json().value("cache").toString(), q(dir / "torch/hub/checkpoints"));

    auto got = run(QStringList{"weights", "download", "resnet18", "--json"} + source);
    ASSERT_EQ(got.code, 0) << got.err.toStdString();
    EXPECT_TRUE(fs::exists(dir / "torch/hub/checkpoints" / file.toStdString()));
    EXPECT_TRUE(run(QStringList{"weights", "list", "--json"} + source).json().value("weights").toArray()[0].toObject().value("cached").toBool());
    EXPECT_EQ(server.hits("/mirror/" + file), 1);
    auto again = run(QStringList{"weights", "download", "resnet18"} + source);
    EXPECT_EQ(again.code, 0);
    EXPECT_TRUE(again.out.contains("already there, checked")) << again.out.toStdString();
    EXPECT_EQ(server.hits("/mirror/" + file), 1);

    auto unknown = run(QStringList{"weights", "download", "vgg11"} + source);
    EXPECT_EQ(unknown.code, 1);
    EXPECT_TRUE(unknown.err.contains("vgg11")) << unknown.err.toStdString();
    // A file that is not a state dict, though its hash matches: training refuses it with a reason.
    test::makeDataset(dir / "photos", {"a", "b"}, 3, 80);
    auto train = run(QStringList{"train", q(dir / "photos"), "--pretrained", "imagenet", "--size", "32", "--epochs", "1"} + source);
    EXPECT_EQ(train.code, 1);
    EXPECT_TRUE(train.err.contains(file)) << train.err.toStdString();
}
