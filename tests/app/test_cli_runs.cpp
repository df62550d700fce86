// kiln-cli runs: three runs of different lengths listed newest first, with what differs.
#include "clirun.h"
#include "testfiles.h"

#include "data/project.h"

#include <QJsonArray>
#include <QJsonObject>

#include <fstream>
#include <thread>

#include <gtest/gtest.h>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

using kiln::test::q;

TEST(Cli, RunsListsRunsNewestFirstWithTheSettingsThatDiffer)
{
    TempDir dir;
    const fs::path proj = dir / "p";
    ASSERT_TRUE(Project::create(proj).ok());
    test::makeLearnableDataset(proj / "images", 20, 16);
    auto empty = test::runCli({"runs", q(proj)});
    ASSERT_EQ(empty.code, 0) << empty.err.toStdString();
    EXPECT_TRUE(empty.out.contains("no runs")) << empty.out.toStdString();

    const std::pair<const char *, const char *> plans[] = {{"1", "1e-3"}, {"3", "1e-3"}, {"2", "5e-3"}};
    for (const auto &[epochs, lr] : plans) {
        auto trained = test::runCli({"train", q(proj), "--epochs", epochs, "--lr", lr, "--bs", "16", "--no-aug", "--threads", "1"});
        ASSERT_EQ(trained.code, 0) << trained.err.toStdString();
        std::this_thread::sleep_for(std::chrono::milliseconds(1100)); // run folders are named by the second
    }
    // A damaged run is listed as such, not skipped.
    fs::create_directories(proj / "runs" / "20000101-000000-broken");
    std::ofstream(proj / "runs" / "20000101-000000-broken" / "run.json") << "{ not json";

    auto json = test::runCli({"runs", q(proj), "--json"});
    ASSERT_EQ(json.code, 0) << json.err.toStdString();
    const QJsonArray runs = json.json().value("runs").toArray();
    ASSERT_EQ(runs.size(), 4);
    // Newest first: 2 epochs, 3 epochs, 1 epoch, then the damaged one (the oldest name).
    const int epochs[] = {2, 3, 1};
    for (int i = 0; i < 3; ++i) {
        const QJsonObject r = runs[i].toObject();
        EXPECT_EQ(r.value("status").toString(), "finished");
        EXPECT_EQ(r.value("epochs").toInt(), epochs[i]) << i;
        EXPECT_EQ(r.value("epochs_planned").toInt(), epochs[i]);
        EXPECT_GT(r.value("accuracy").toDouble(), 0.0);
        EXPECT_EQ(r.value("arch").toString(), "simple_cnn");
    }
    EXPECT_TRUE(runs[3].toObject().contains("damaged"));
    std::map<QString, QJsonArray> differing;
    for (const auto &d : json.json().value("differing_settings").toArray())
        differing[d.toObject().value("key").toString()] = d.toObject().value("values").toArray();
    ASSERT_TRUE(differing.count("epochs"));
    ASSERT_TRUE(differing.count("lr"));
    EXPECT_FALSE(differing.count("arch"));
    EXPECT_EQ(differing["epochs"][0].toString(), "2");
    EXPECT_EQ(differing["epochs"][1].toString(), "3");
    EXPECT_EQ(differing["lr"][1].toString(), differing["lr"][2].toString());
    EXPECT_NE(differing["lr"][0].toString(), differing["lr"][1].toString());

    auto text = test::runCli({"runs", q(proj)});
    ASSERT_EQ(text.code, 0);
    EXPECT_TRUE(text.out.contains("settings that differ")) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains("damaged")) << text.out.toStdString();
    EXPECT_EQ(test::runCli({"runs", q(dir / "missing")}).code, 1);
    EXPECT_EQ(test::runCli({"runs"}).code, 2);
}
