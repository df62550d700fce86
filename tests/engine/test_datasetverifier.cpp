#include "data/datasetindex.h"
#include "data/datasetverifier.h"
#include "data/editjournal.h"
#include "data/project.h"
#include "testfiles.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

namespace {

// A dataset with every kind of bad file the issue lists, next to good ones.
void makeMixedDataset(const fs::path &root)
{
    test::makeDataset(root, {"good"}, 5);
    test::writeTruncated(root / "bad/truncated.jpg", ".jpg");
    test::writeTruncated(root / "bad/truncated.png", ".png");
    test::writeText(root / "bad/zero.png", "");
    test::writeText(root / "bad/page.jpg", "<html><body>Not found</body></html>");
    test::writePngHeaderClaiming(root / "bad/bomb.png", 30000, 30000);
    test::writeImage(root / "odd/deep.png", 10, 10, 3, 16);
    test::writeGrayAlphaPng(root / "odd/ga.png", 10, 10);
    fs::create_directories(root / "odd");
    fs::copy_file(test::cmykJpeg(), root / "odd/cmyk jpeg é.jpg");
}

std::vector<std::string> relPaths(const DatasetIndex &index)
{
    std::vector<std::string> out;
    for (const auto &s : index.samples())
        out.push_back(s.relPath);
    return out;
}

} // namespace

TEST(DatasetVerifier, ReportsEveryFailureWithItsReason)
{
    TempDir dir;
    makeMixedDataset(dir.path());
    auto index = DatasetIndex::scan(dir.path());
    ASSERT_TRUE(index.ok());
    ASSERT_EQ(index->size(), 13u);
    Progress progress;
    const auto report = verifyFiles(index->root(), relPaths(*index), dir.path(), {}, &progress);
    EXPECT_EQ(report.checked, 13u);
    EXPECT_EQ(report.ok, 8u);
    ASSERT_EQ(report.failures.size(), 5u);
    EXPECT_EQ(progress.done.load(), 13u);
    EXPECT_EQ(progress.total.load(), 13u);
    std::map<std::string, VerifyStatus> byName;
    for (const auto &f : report.failures) {
        byName[fs::path(f.relPath).filename().string()] = f.result.status;
        EXPECT_FALSE(f.result.reason.empty());
    }
    EXPECT_EQ(byName["truncated.jpg"], VerifyStatus::Truncated);
    EXPECT_EQ(byName["truncated.png"], VerifyStatus::Truncated);
    EXPECT_EQ(byName["zero.png"], VerifyStatus::ZeroBytes);
    EXPECT_EQ(byName["page.jpg"], VerifyStatus::NotAnImage);
    EXPECT_EQ(byName["bomb.png"], VerifyStatus::TooLarge);
    EXPECT_TRUE(report.quarantined.empty());
    EXPECT_EQ(test::countFiles(dir.path()), 13u); // nothing moved without asking
}

TEST(DatasetVerifier, QuarantineMovesToTrashAndJournals)
{
    TempDir dir;
    ASSERT_TRUE(Project::create(dir.path()).ok());
    makeMixedDataset(dir / "images");
    auto index = DatasetIndex::scan(dir / "images");
    ASSERT_TRUE(index.ok());
    DatasetVerifyOptions options;
    options.quarantine = true;
    options.threads = 3;
    const auto report = verifyFiles(index->root(), relPaths(*index), dir.path(), options);
    EXPECT_EQ(report.quarantined.size(), 5u);
    EXPECT_TRUE(report.quarantineErrors.empty());
    EXPECT_TRUE(fs::exists(dir / ".kiln/trash/bad/bomb.png"));
    EXPECT_TRUE(fs::exists(dir / ".kiln/trash/bad/zero.png"));
    EXPECT_FALSE(fs::exists(dir / "images/bad/bomb.png"));
    EXPECT_EQ(test::countFiles(dir / "images") + test::countFiles(dir / ".kiln/trash"), 13u);
    std::ifstream journal(dir / ".kiln/journal.jsonl");
    std::string line;
    int removes = 0;
    while (std::getline(journal, line))
        removes += line.find("\"kind\":\"remove\"") != std::string::npos;
    EXPECT_EQ(removes, 5);
    // The quarantine is one edit: one undo puts every file back.
    auto j = EditJournal::open(dir.path());
    ASSERT_TRUE(j.ok());
    EXPECT_EQ(j->undoText(), "remove 5 images");
    {
        auto undone = j->undo();
        ASSERT_TRUE(undone.ok()) << undone.message();
        EXPECT_EQ(undone->moves.size(), 5u);
        EXPECT_TRUE(fs::exists(dir / "images/bad/bomb.png"));
        ASSERT_TRUE(j->redo().ok());
    }
    auto after = DatasetIndex::scan(dir / "images");
    EXPECT_EQ(after->size(), 8u);
}

TEST(DatasetVerifier, QuarantineNeverOverwritesTheTrash)
{
    TempDir dir;
    test::writeText(dir / "a/zero.png", "");
    test::writeText(dir / ".kiln/trash/a/zero.png", "older trash");
    const auto report = verifyFiles(dir.path(), {"a/zero.png"}, dir.path(), {{}, 1, true});
    ASSERT_EQ(report.quarantined.size(), 1u);
    const auto older = test::readBytes(dir / ".kiln/trash/a/zero.png");
    EXPECT_EQ(std::string(older.begin(), older.end()), "older trash");
    EXPECT_TRUE(fs::exists(dir / ".kiln/trash/a/zero_1.png"));
}

TEST(DatasetVerifier, CancelStopsEarly)
{
    TempDir dir;
    test::makeDataset(dir.path(), {"a"}, 40);
    auto index = DatasetIndex::scan(dir.path());
    Progress progress;
    progress.cancel = true;
    const auto report = verifyFiles(index->root(), relPaths(*index), dir.path(), {}, &progress);
    EXPECT_TRUE(report.cancelled);
    EXPECT_LT(report.checked, 40u);
}
