// kiln-cli data-issues end to end, as a process: a bars project with planted label flips and
// duplicates, its JSON and CSV, then kiln-cli apply on that CSV and undo.
#include "clirun.h"
#include "testfiles.h"

#include "data/project.h"

#include <QJsonArray>
#include <QJsonObject>

#include <set>
#include <vector>

#include <gtest/gtest.h>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

using kiln::test::q;

TEST(Cli, DataIssuesFindsPlantedFlipsAndItsCsvIsApplied)
{
    TempDir dir;
    const fs::path proj = dir / "proj";
    ASSERT_TRUE(Project::create(proj).ok());
    test::makeBarsDataset(proj / "images", 40);
    std::set<QString> flipped;
    for (int i : {3, 11, 19}) {
        const std::string name = "bar_" + std::to_string(i) + ".png";
        fs::rename(proj / "images/horizontal" / name, proj / "images/vertical" / name);
        flipped.insert(QString::fromStdString("images/vertical/" + name));
    }
    fs::copy_file(proj / "images/vertical/bar_1007.png", proj / "images/vertical/bar_1007 (1).png");

    // Nothing trained yet: a clear error.
    auto untrained = test::runCli({"data-issues", q(proj)});
    EXPECT_EQ(untrained.code, 1);
    EXPECT_TRUE(untrained.err.contains("Train one first")) << untrained.err.toStdString();

    auto trained = test::runCli({"train", q(proj), "--out", q(proj / "runs/r"), "--epochs", "6", "--bs", "16", "--lr", "5e-3",
                                 "--no-aug", "--threads", "2", "--json"});
    ASSERT_EQ(trained.code, 0) << trained.err.toStdString();

    auto found = test::runCli({"data-issues", q(proj), "--out", q(dir / "issues.csv"), "--threads", "2", "--json"});
    ASSERT_EQ(found.code, 0) << found.err.toStdString();
    const QJsonObject o = found.json();
    EXPECT_EQ(o.value("mode").toString(), "fast");
    EXPECT_EQ(o.value("images").toInt(), 81);
    EXPECT_FALSE(o.value("cached").toBool());
    const QJsonArray issues = o.value("label_issues").toArray();
    std::set<QString> flagged;
    for (const auto &v : issues) {
        const QJsonObject issue = v.toObject();
        flagged.insert(issue.value("file").toString());
        EXPECT_NE(issue.value("given").toString(), issue.value("suggested").toString());
        EXPECT_GE(issue.value("score").toDouble(), 0.0);
        EXPECT_LE(issue.value("score").toDouble(), 1.0);
    }
    std::vector<std::string> recovered; // the run may have fitted one flip it trained on: two of three
    for (const QString &f : flipped)
        if (flagged.count(f))
            recovered.push_back(fs::path(f.toStdString()).filename().string());
    EXPECT_GE(recovered.size(), 2u);
    EXPECT_LE(flagged.size(), 8u);
    EXPECT_EQ(o.value("per_class").toArray().size(), 2);
    EXPECT_GE(o.value("estimated_label_errors").toDouble(), 1.0);
    bool copyGroup = false;
    for (const auto &g : o.value("duplicate_groups").toArray()) {
        const QJsonArray files = g.toObject().value("files").toArray();
        for (const auto &f : files)
            copyGroup |= f.toString() == "images/vertical/bar_1007 (1).png";
        if (copyGroup) {
            EXPECT_EQ(files.size(), 2);
            EXPECT_EQ(g.toObject().value("reason").toString(), "same file");
            EXPECT_FALSE(g.toObject().value("mixed_labels").toBool());
            break;
        }
    }
    EXPECT_TRUE(copyGroup) << "the exact copy was not grouped";
    EXPECT_TRUE(o.value("outliers").isArray());

    // The second search is the saved one; the text form names the flips.
    auto again = test::runCli({"data-issues", q(proj), "--threads", "2"});
    ASSERT_EQ(again.code, 0) << again.err.toStdString();
    EXPECT_TRUE(again.out.contains("(saved search)")) << again.out.toStdString();
    EXPECT_TRUE(again.out.contains("vertical -> horizontal")) << again.out.toStdString();

    // apply takes the CSV as written: the flips go back, the copy is removed, the original stays.
    const auto bytes = test::readBytes(dir / "issues.csv");
    const std::string csv(bytes.begin(), bytes.end());
    EXPECT_NE(csv.find("images/vertical/bar_1007 (1).png,remove"), std::string::npos) << csv;
    auto applied = test::runCli({"apply", q(proj), q(dir / "issues.csv")});
    ASSERT_EQ(applied.code, 0) << applied.err.toStdString();
    for (const std::string &name : recovered) {
        EXPECT_TRUE(fs::exists(proj / "images/horizontal" / name)) << name;
        EXPECT_FALSE(fs::exists(proj / "images/vertical" / name)) << name;
    }
    EXPECT_FALSE(fs::exists(proj / "images/vertical/bar_1007 (1).png"));
    EXPECT_TRUE(fs::exists(proj / "images/vertical/bar_1007.png"));

    // The data changed: the saved search is not reused.
    auto after = test::runCli({"data-issues", q(proj), "--threads", "2", "--json"});
    ASSERT_EQ(after.code, 0) << after.err.toStdString();
    EXPECT_FALSE(after.json().value("cached").toBool());
    EXPECT_EQ(after.json().value("images").toInt(), 80);

    // One undo reverses the whole apply.
    ASSERT_EQ(test::runCli({"undo", q(proj)}).code, 0);
    for (const QString &f : flipped)
        EXPECT_TRUE(fs::exists(proj / f.toStdString())) << f.toStdString();
    EXPECT_TRUE(fs::exists(proj / "images/vertical/bar_1007 (1).png"));

    EXPECT_EQ(test::runCli({"data-issues", q(proj), "--mode", "slow"}).code, 2);
    EXPECT_EQ(test::runCli({"data-issues", q(proj), "--similarity", "0.5"}).code, 2);
    EXPECT_EQ(test::runCli({"data-issues", q(dir / "missing")}).code, 1);
}
