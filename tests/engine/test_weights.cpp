// Pretrained weights: the catalogue, torch.hub's cache and the downloader, against a real HTTP
// server on loopback and its faults.
#include "fakesearchserver.h"
#include "testfiles.h"
#include "tinytraining.h"

#include "models/weights.h"
#include "train/trainer.h"

#include <QCryptographicHash>
#include <QElapsedTimer>

#include <gtest/gtest.h>

#include <cstdlib>
#include <thread>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

namespace {

// A file's bytes, a catalogue entry for it served by `server`, and TORCH_HOME in `dir`.
struct Served {
    QByteArray body;
    WeightsEntry entry;
};

Served serve(test::FakeSearchServer &server, const std::string &arch, std::size_t bytes, const QString &path = {})
{
    Served s;
    s.body.resize(qsizetype(bytes));
    for (qsizetype i = 0; i < s.body.size(); ++i)
        s.body[i] = char((i * 131 + 7) % 251);
    const std::string sha = QCryptographicHash::hash(s.body, QCryptographicHash::Sha256).toHex().toStdString();
    s.entry.architecture = arch;
    s.entry.file = arch + "-" + sha.substr(0, 8) + ".pth";
    s.entry.sha256Prefix = hashPrefixFromFileName(s.entry.file);
    const QString at = path.isEmpty() ? QStringLiteral("/models/") + QString::fromStdString(s.entry.file) : path;
    s.entry.url = server.url(at).toStdString();
    server.addResource(at, {s.body, "application/octet-stream"});
    return s;
}

class TorchHome {
public:
    explicit TorchHome(const fs::path &dir)
    {
        if (const char *old = std::getenv("TORCH_HOME"))
            m_old = old;
        ::setenv("TORCH_HOME", dir.c_str(), 1);
    }
    ~TorchHome()
    {
        if (m_old.empty())
            ::unsetenv("TORCH_HOME");
        else
            ::setenv("TORCH_HOME", m_old.c_str(), 1);
    }

private:
    std::string m_old;
};

bool nothingLeft(const fs::path &dir, const WeightsEntry &e)
{
    return !fs::exists(dir / e.file) && !fs::exists(dir / (e.file + ".part"));
}

} // namespace

TEST(Weights, CatalogueFollowsTorchHubsNamesAndCanBeReplaced)
{
    EXPECT_EQ(hashPrefixFromFileName("resnet18-f37072fd.pth"), "f37072fd");
    EXPECT_EQ(hashPrefixFromFileName("efficientnet_b0_rwightman-3dd342df.pth"), "3dd342df");
    EXPECT_EQ(hashPrefixFromFileName("weights.pth"), "");
    const WeightsCatalog builtIn = WeightsCatalog::builtIn();
    for (const char *arch : {"resnet18", "resnet34", "resnet50", "mobilenet_v3_small", "mobilenet_v3_large", "efficientnet_b0"}) {
        const WeightsEntry *e = builtIn.find(arch);
        ASSERT_NE(e, nullptr) << arch;
        EXPECT_EQ(e->url, std::string(kTorchvisionWeightsBase) + e->file);
        EXPECT_EQ(e->sha256Prefix.size(), 8u) << arch;
    }
    EXPECT_EQ(WeightsCatalog::builtIn("http://mirror/models").find("resnet18")->url, "http://mirror/models/resnet18-f37072fd.pth");

    TempDir dir;
    test::writeText(dir / "catalog.json", R"([{"architecture": "resnet18", "file": "r18-0123abcd.pth", "url": "r18-0123abcd.pth"},
        {"architecture": "mine", "file": "mine.pth", "url": "http://elsewhere/mine.pth", "sha256_prefix": "ABCD"}])");
    auto file = WeightsCatalog::fromFile(dir / "catalog.json", "http://mirror/");
    ASSERT_TRUE(file.ok()) << file.message();
    ASSERT_EQ(file->entries().size(), 2u);
    EXPECT_EQ(file->find("resnet18")->url, "http://mirror/r18-0123abcd.pth");
    EXPECT_EQ(file->find("resnet18")->sha256Prefix, "0123abcd");
    EXPECT_DOUBLE_EQ(file->find("resnet18")->top1, builtIn.find("resnet18")->top1); // torchvision's facts by default
    EXPECT_EQ(file->find("mine")->sha256Prefix, "abcd");
    test::writeText(dir / "bad.json", R"([{"architecture": "x", "file": "../escape.pth", "url": "u"}])");
    EXPECT_FALSE(WeightsCatalog::fromFile(dir / "bad.json").ok());
    test::writeText(dir / "worse.json", R"({"not": "a list"})");
    EXPECT_FALSE(WeightsCatalog::fromFile(dir / "worse.json").ok());

    ::setenv("KILN_WEIGHTS_CATALOG", (dir / "catalog.json").c_str(), 1);
    ::setenv("KILN_WEIGHTS_URL", "http://env-mirror/", 1);
    auto current = WeightsCatalog::current();
    ::unsetenv("KILN_WEIGHTS_CATALOG");
    ::unsetenv("KILN_WEIGHTS_URL");
    ASSERT_TRUE(current.ok());
    EXPECT_EQ(current->find("resnet18")->url, "http://env-mirror/r18-0123abcd.pth");
    TorchHome home(dir / "th");
    EXPECT_EQ(weightsCacheDir(), dir / "th/hub/checkpoints");
}

TEST(Weights, DownloadsIntoTorchHomeWithProgressAndACacheHitMakesNoRequest)
{
    TempDir dir;
    TorchHome home(dir.path());
    test::FakeSearchServer server;
    const Served s = serve(server, "resnet18", 3 << 20);
    Progress progress;
    auto got = ensureWeights(s.entry, weightsCacheDir(), &progress);
    ASSERT_TRUE(got.ok()) << got.message();
    EXPECT_EQ(got->path, dir / "hub/checkpoints" / s.entry.file);
    EXPECT_EQ(test::readBytes(got->path).size(), std::size_t(s.body.size()));
    EXPECT_EQ(got->sha256.substr(0, 8), s.entry.sha256Prefix);
    EXPECT_EQ(progress.done.load(), std::size_t(s.body.size()));
    EXPECT_EQ(progress.total.load(), std::size_t(s.body.size()));
    EXPECT_FALSE(fs::exists(got->path.string() + ".part"));
    const QString path = QStringLiteral("/models/") + QString::fromStdString(s.entry.file);
    EXPECT_EQ(server.hits(path), 1);
    auto again = ensureWeights(s.entry, weightsCacheDir());
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(server.hits(path), 1); // the cache answered
    EXPECT_TRUE(cachedWeights(s.entry).present);
}

TEST(Weights, EveryFaultIsAClearErrorAndLeavesNoFile)
{
    TempDir dir;
    test::FakeSearchServer server;
    const fs::path cache = dir / "cache";
    // A wrong hash: the file that arrives is not the one named.
    Served wrong = serve(server, "wrong", 100000);
    wrong.entry.file = "wrong-00000000.pth";
    wrong.entry.sha256Prefix = "00000000";
    auto r = downloadWeights(wrong.entry, cache);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("SHA-256"), std::string::npos) << r.message();
    EXPECT_TRUE(nothingLeft(cache, wrong.entry));
    // A transfer cut short.
    Served cut = serve(server, "cut", 400000, "/models/cut.pth");
    server.addResource("/models/cut.pth", {cut.body, "application/octet-stream", test::FakeSearchServer::Fault::DropMidBody});
    r = downloadWeights(cut.entry, cache);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(nothingLeft(cache, cut.entry));
    // No such file.
    Served missing = serve(server, "missing", 10, "/models/elsewhere.pth");
    missing.entry.url = server.url("/models/nothing-here.pth").toStdString();
    r = downloadWeights(missing.entry, cache);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("404"), std::string::npos) << r.message();
    // The message names the URL and the folder where the file can be put by hand.
    EXPECT_NE(r.message().find(missing.entry.url), std::string::npos) << r.message();
    EXPECT_NE(r.message().find(cache.string()), std::string::npos) << r.message();
    // A server that never answers: a timeout, not a hang.
    Served silent = serve(server, "silent", 10, "/models/silent.pth");
    server.addResource("/models/silent.pth", {silent.body, "application/octet-stream", test::FakeSearchServer::Fault::Slow, 60000});
    QElapsedTimer clock;
    clock.start();
    r = downloadWeights(silent.entry, cache, nullptr, 700);
    ASSERT_FALSE(r.ok());
    EXPECT_LT(clock.elapsed(), 10000);
    EXPECT_NE(r.message().find("did not answer"), std::string::npos) << r.message();
    EXPECT_TRUE(nothingLeft(cache, silent.entry));
    // A cache folder that cannot be made (a file stands where it would be).
    test::writeText(dir / "blocked", "not a folder");
    Served fine = serve(server, "fine", 1000);
    r = downloadWeights(fine.entry, dir / "blocked" / "checkpoints");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("TORCH_HOME"), std::string::npos) << r.message();
    // Nothing was left behind in the cache.
    std::size_t files = 0;
    for (const auto &e : fs::directory_iterator(cache))
        files += e.is_regular_file() ? 1 : 0;
    EXPECT_EQ(files, 0u);
}

TEST(Weights, CancelStopsADownloadAndKeepsNothing)
{
    TempDir dir;
    test::FakeSearchServer server;
    Served endless = serve(server, "endless", 10, "/models/endless.pth");
    server.addResource("/models/endless.pth", {endless.body, "application/octet-stream", test::FakeSearchServer::Fault::EndlessNoLength});
    Progress progress;
    std::thread canceller([&] {
        while (progress.done.load() < 100000)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        progress.cancel = true;
    });
    auto r = downloadWeights(endless.entry, dir.path(), &progress);
    canceller.join();
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("cancelled"), std::string::npos) << r.message();
    EXPECT_TRUE(nothingLeft(dir.path(), endless.entry));
}

TEST(Weights, ACachedFileWithAWrongHashIsRefusedNotTrainedOn)
{
    TempDir dir;
    TorchHome home(dir / "th");
    test::writeText(weightsCacheDir() / "resnet18-f37072fd.pth", "an HTML error page saved under the weights' name");
    auto entry = imagenetWeightsFor("resnet18");
    ASSERT_TRUE(entry.ok());
    auto checked = verifiedWeights(entry.value());
    ASSERT_FALSE(checked.ok());
    EXPECT_NE(checked.message().find("damaged"), std::string::npos) << checked.message();
    for (int i = 0; i < 2; ++i)
        test::writeImage(dir / "photos" / "a" / (std::to_string(i) + ".png"), 80, 80);
    for (int i = 0; i < 2; ++i)
        test::writeImage(dir / "photos" / "b" / (std::to_string(i) + ".png"), 80, 80);
    TrainConfig c = test::tinyTraining(1, 2);
    c.arch = Architecture::ResNet18;
    c.size = 32;
    c.pretrained = "imagenet";
    auto trained = runTraining(dir / "photos", c, dir / "photos/runs/r", {});
    ASSERT_FALSE(trained.ok());
    EXPECT_EQ(trained.message(), checked.message());
    // Not downloaded at all: the message says how to get it.
    fs::remove(weightsCacheDir() / "resnet18-f37072fd.pth");
    auto missing = verifiedWeights(entry.value());
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.message().find("kiln-cli weights download resnet18"), std::string::npos) << missing.message();
}
