// A t-SNE layout as CSV: what kiln-cli tsne writes and RUN/tsne.csv keeps for the report, read back;
// a damaged file is an error that names it and the line.
#include "analysis/tsnefile.h"
#include "testfiles.h"

#include <gtest/gtest.h>

#include <cmath>

namespace fs = std::filesystem;
using namespace kiln;
using kiln::test::TempDir;

TEST(TsneFile, WritesTheChosenRowsRelativeToTheDatasetAndReadsThemBack)
{
    TempDir dir;
    RunPredictions preds;
    Predictions &p = preds.predictions;
    p.classes = {"cat", "dog, big"};
    p.files = {dir / "images/cat/1.png", dir / "images/dog/2.png", dir / "images/cat/3.png"};
    p.labels = {0, 1, 0};
    p.predicted = {0, 0, 0};
    p.losses = {0.1f, 2.5f, NAN};
    preds.splits = {Split::Valid, Split::Train, Split::Valid};
    // Rows 2 and 1 only, in that order.
    const std::string csv = tsneCsv(preds, {2, 1}, {1.5f, -2.0f, 3.25f, 4.0f}, dir.path());
    EXPECT_EQ(csv, "file,split,actual,predicted,loss,x,y\n"
                   "images/cat/3.png,valid,cat,cat,,1.50000,-2.00000\n"
                   "images/dog/2.png,train,\"dog, big\",cat,2.500000,3.25000,4.00000\n");
    test::writeText(runTsneFile(dir.path()), csv);
    EXPECT_EQ(runTsneFile(dir.path()), dir.path() / "tsne.csv");
    auto back = readTsneCsv(runTsneFile(dir.path()));
    ASSERT_TRUE(back.ok()) << back.message();
    ASSERT_TRUE(back->has_value());
    const TsnePoints &t = **back;
    ASSERT_EQ(t.size(), 2u);
    EXPECT_EQ(t.actual[1], "dog, big");
    EXPECT_EQ(t.predicted[1], "cat");
    EXPECT_FLOAT_EQ(t.xy[2], 3.25f);
    EXPECT_FLOAT_EQ(t.xy[1], -2.0f);
    // With no base the paths are written as they are.
    EXPECT_NE(tsneCsv(preds, {0}, {0, 0}, {}).find((dir / "images/cat/1.png").generic_string()), std::string::npos);
}

TEST(TsneFile, AMissingFileIsNoLayoutAndADamagedOneIsNamed)
{
    TempDir dir;
    auto none = readTsneCsv(dir / "tsne.csv");
    ASSERT_TRUE(none.ok());
    EXPECT_FALSE(none->has_value());
    test::writeText(dir / "tsne.csv", "file,split,actual,predicted,loss,x,y\na.png,valid,cat,cat,0.1,1.0,zero\n");
    auto damaged = readTsneCsv(dir / "tsne.csv");
    ASSERT_FALSE(damaged.ok());
    EXPECT_NE(damaged.message().find("tsne.csv: line 2"), std::string::npos) << damaged.message();
    test::writeText(dir / "tsne.csv", "name,score\n");
    EXPECT_FALSE(readTsneCsv(dir / "tsne.csv").ok());
}
