#include "data/datasetindex.h"
#include "data/editjournal.h"
#include "data/project.h"
#include "testfiles.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string content(const fs::path &p)
{
    const auto b = test::readBytes(p);
    return std::string(b.begin(), b.end());
}

void makeProject(const fs::path &dir)
{
    ASSERT_TRUE(Project::create(dir).ok());
    test::makeDataset(dir / "images", {"cat", "dog"}, 4, 8);
}

std::size_t journalLines(const fs::path &dir, const std::string &needle)
{
    std::ifstream in(dir / ".kiln/journal.jsonl");
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line))
        n += line.find(needle) != std::string::npos;
    return n;
}

} // namespace

TEST(EditJournal, RelabelRemoveRestoreWithUndoAndRedo)
{
    TempDir dir;
    makeProject(dir.path());
    const std::string cat0 = content(dir / "images/cat/cat_0.png");
    auto j = EditJournal::open(dir.path());
    ASSERT_TRUE(j.ok()) << j.message();
    EXPECT_FALSE(j->canUndo());
    EXPECT_FALSE(fs::exists(dir / ".kiln/journal.jsonl")); // opening writes nothing

    auto edit = j->apply({{EditKind::Relabel, "cat/cat_0.png", "dog", ""}, {EditKind::Remove, "cat/cat_1.png", "", "blurry"}});
    ASSERT_TRUE(edit.ok()) << edit.message();
    EXPECT_TRUE(edit->failures.empty());
    ASSERT_EQ(edit->moves.size(), 2u);
    EXPECT_EQ(content(dir / "images/dog/cat_0.png"), cat0);
    EXPECT_FALSE(fs::exists(dir / "images/cat/cat_0.png"));
    EXPECT_TRUE(fs::exists(dir / ".kiln/trash/cat/cat_1.png"));
    EXPECT_EQ(journalLines(dir.path(), "\"reason\":\"blurry\""), 1u);
    EXPECT_TRUE(j->canUndo());
    EXPECT_EQ(j->undoText(), "relabel 1 image, remove 1 image");

    auto restore = j->apply({{EditKind::Restore, ".kiln/trash/cat/cat_1.png", "", ""}});
    ASSERT_TRUE(restore.ok());
    ASSERT_EQ(restore->moves.size(), 1u);
    EXPECT_TRUE(fs::exists(dir / "images/cat/cat_1.png"));

    // Undo the restore, then the first edit: everything is back where it began.
    ASSERT_TRUE(j->undo().ok());
    EXPECT_TRUE(fs::exists(dir / ".kiln/trash/cat/cat_1.png"));
    auto undone = j->undo();
    ASSERT_TRUE(undone.ok());
    EXPECT_EQ(undone->moves.size(), 2u);
    EXPECT_EQ(content(dir / "images/cat/cat_0.png"), cat0);
    EXPECT_TRUE(fs::exists(dir / "images/cat/cat_1.png"));
    EXPECT_EQ(test::countFiles(dir / ".kiln/trash"), 0u);
    EXPECT_FALSE(j->canUndo());
    EXPECT_TRUE(j->canRedo());
    EXPECT_EQ(j->redoText(), "relabel 1 image, remove 1 image");
    EXPECT_FALSE(j->undo().ok()); // nothing left: a clear error, no change

    auto redone = j->redo();
    ASSERT_TRUE(redone.ok());
    EXPECT_TRUE(fs::exists(dir / "images/dog/cat_0.png"));
    EXPECT_TRUE(fs::exists(dir / ".kiln/trash/cat/cat_1.png"));

    // The history survives reopening, and a new edit clears the redo stack.
    auto again = EditJournal::open(dir.path());
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->canUndo());
    EXPECT_TRUE(again->canRedo()); // the restore can still be redone
    ASSERT_TRUE(again->apply({{EditKind::Relabel, "dog/dog_0.png", "cat", ""}}).ok());
    EXPECT_FALSE(again->canRedo());
    EXPECT_EQ(test::countFiles(dir / "images") + test::countFiles(dir / ".kiln/trash"), 8u);
}

TEST(EditJournal, NameClashesNeverOverwrite)
{
    TempDir dir;
    makeProject(dir.path());
    test::writeText(dir / "images/dog/x.png", "dog x");
    test::writeText(dir / "images/cat/x.png", "cat x");
    test::writeText(dir / ".kiln/trash/cat/cat_0.png", "older trash");
    auto j = EditJournal::open(dir.path());
    ASSERT_TRUE(j.ok());
    auto edit = j->apply({{EditKind::Relabel, "cat/x.png", "dog", ""}, {EditKind::Remove, "cat/cat_0.png", "", ""}});
    ASSERT_TRUE(edit.ok());
    EXPECT_EQ(content(dir / "images/dog/x.png"), "dog x");
    EXPECT_EQ(content(dir / "images/dog/x_1.png"), "cat x");
    EXPECT_EQ(content(dir / ".kiln/trash/cat/cat_0.png"), "older trash");
    EXPECT_TRUE(fs::exists(dir / ".kiln/trash/cat/cat_0_1.png"));
    // Undo when the original name was taken meanwhile: the file comes back under a free name.
    test::writeText(dir / "images/cat/x.png", "newcomer");
    ASSERT_TRUE(j->undo().ok());
    EXPECT_EQ(content(dir / "images/cat/x.png"), "newcomer");
    EXPECT_EQ(content(dir / "images/cat/x_1.png"), "cat x");
    EXPECT_TRUE(fs::exists(dir / "images/cat/cat_0.png"));
}

TEST(EditJournal, BadRequestsAreReportedAndChangeNothing)
{
    TempDir dir;
    makeProject(dir.path());
    auto j = EditJournal::open(dir.path());
    ASSERT_TRUE(j.ok());
    auto edit = j->apply({{EditKind::Relabel, "cat/cat_0.png", "../escape", ""},
                          {EditKind::Relabel, "cat/cat_0.png", ".hidden", ""},
                          {EditKind::Relabel, "cat/cat_0.png", "", ""},
                          {EditKind::Relabel, "cat/cat_0.png", "cat", ""},
                          {EditKind::Relabel, "cat/missing.png", "dog", ""},
                          {EditKind::Remove, "../kiln-project.json", "", ""},
                          {EditKind::Remove, ".kiln/journal.jsonl", "", ""},
                          {EditKind::Restore, "cat/never-trashed.png", "", ""}});
    ASSERT_TRUE(edit.ok());
    EXPECT_EQ(edit->failures.size(), 8u);
    EXPECT_TRUE(edit->moves.empty());
    EXPECT_EQ(edit->batch, -1);
    EXPECT_FALSE(j->canUndo()); // no empty undo step
    EXPECT_EQ(test::countFiles(dir / "images"), 8u);
    EXPECT_TRUE(fs::exists(dir / "kiln-project.json"));
    // A new class is fine: the folder is created.
    auto ok = j->apply({{EditKind::Relabel, "cat/cat_0.png", "bird", ""}});
    ASSERT_TRUE(ok.ok());
    EXPECT_TRUE(fs::exists(dir / "images/bird/cat_0.png"));
}

TEST(EditJournal, OpeningFinishesOrRollsBackHalfDoneMoves)
{
    TempDir dir;
    makeProject(dir.path());
    // A crash left three moves begun but not marked done: one whose file already moved, one whose
    // file did not, one interrupted between link and unlink. The last line is torn.
    fs::create_directories(dir / "images/dog");
    fs::rename(dir / "images/cat/cat_0.png", dir / "images/dog/cat_0.png");
    fs::create_hard_link(dir / "images/cat/cat_2.png", dir / "images/dog/cat_2.png");
    test::writeText(dir / ".kiln/journal.jsonl",
                    R"({"op":"batch","batch":1}
{"op":"begin","seq":1,"batch":1,"kind":"relabel","from":"images/cat/cat_0.png","to":"images/dog/cat_0.png"}
{"op":"begin","seq":2,"batch":1,"kind":"relabel","from":"images/cat/cat_1.png","to":"images/dog/cat_1.png"}
{"op":"begin","seq":3,"batch":1,"kind":"relabel","from":"images/cat/cat_2.png","to":"images/dog/cat_2.png"}
{"op":"beg)");
    auto j = EditJournal::open(dir.path());
    ASSERT_TRUE(j.ok()) << j.message();
    EXPECT_EQ(j->recoveryNotes().size(), 3u);
    ASSERT_EQ(j->moves().size(), 3u);
    EXPECT_EQ(j->moves()[0].state, EditJournal::Move::Done);
    EXPECT_EQ(j->moves()[1].state, EditJournal::Move::Aborted);
    EXPECT_EQ(j->moves()[2].state, EditJournal::Move::Done);
    EXPECT_TRUE(fs::exists(dir / "images/cat/cat_1.png"));
    EXPECT_FALSE(fs::exists(dir / "images/cat/cat_2.png"));
    EXPECT_TRUE(fs::exists(dir / "images/dog/cat_2.png"));
    // Settled once: reopening has nothing left to recover, and the torn line did not break it.
    auto again = EditJournal::open(dir.path());
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->recoveryNotes().empty());
    // Undo reverses the moves that happened.
    auto undone = again->undo();
    ASSERT_TRUE(undone.ok()) << undone.message();
    EXPECT_EQ(undone->moves.size(), 2u);
    EXPECT_TRUE(fs::exists(dir / "images/cat/cat_0.png"));
    EXPECT_TRUE(fs::exists(dir / "images/cat/cat_2.png"));
    EXPECT_EQ(test::countFiles(dir / "images"), 8u);
}

TEST(EditJournal, TwoOpenersSeeEachOthersEdits)
{
    TempDir dir;
    makeProject(dir.path());
    auto gui = EditJournal::open(dir.path());
    auto cli = EditJournal::open(dir.path());
    ASSERT_TRUE(gui.ok() && cli.ok());
    ASSERT_TRUE(cli->apply({{EditKind::Remove, "dog/dog_3.png", "", ""}}).ok());
    auto undone = gui->undo(); // re-reads the journal first
    ASSERT_TRUE(undone.ok()) << undone.message();
    EXPECT_TRUE(fs::exists(dir / "images/dog/dog_3.png"));
}

TEST(EditJournal, PlainFoldersAndFolderSplitsKeepTheirLayout)
{
    TempDir dir;
    test::makeDataset(dir / "train", {"a", "b"}, 2, 8);
    test::makeDataset(dir / "valid", {"a", "b"}, 2, 8);
    EXPECT_EQ(classFolderOf("train/a/a_0.png"), "a");
    EXPECT_EQ(classFolderOf("a/sub/x.png"), "a");
    EXPECT_EQ(classFolderOf("x.png"), "");
    auto j = EditJournal::open(dir.path());
    ASSERT_TRUE(j.ok());
    auto edit = j->apply({{EditKind::Relabel, "valid/a/a_1.png", "b", ""}, {EditKind::Remove, "train/b/b_0.png", "", ""}});
    ASSERT_TRUE(edit.ok());
    EXPECT_TRUE(edit->failures.empty());
    EXPECT_TRUE(fs::exists(dir / "valid/b/a_1.png"));
    EXPECT_TRUE(fs::exists(dir / ".kiln/trash/train/b/b_0.png"));
    auto index = DatasetIndex::scan(dir.path());
    ASSERT_TRUE(index.ok());
    EXPECT_EQ(index->size(), 7u); // .kiln is not part of the dataset
}

TEST(EditJournal, RelabelledImagesKeepTheirRandomSplit)
{
    TempDir dir;
    makeProject(dir.path());
    test::makeDataset(dir / "images", {"cat", "dog"}, 30, 8);
    auto before = DatasetIndex::scan(dir / "images", {0.3, 7});
    ASSERT_TRUE(before.ok());
    std::map<std::string, Split> split;
    for (const auto &s : before->samples())
        split[s.relPath.substr(s.relPath.find('/') + 1)] = s.split;
    auto j = EditJournal::open(dir.path());
    std::vector<EditRequest> requests;
    for (int i = 0; i < 10; ++i)
        requests.push_back({EditKind::Relabel, "cat/cat_" + std::to_string(i) + ".png", "dog", ""});
    ASSERT_TRUE(j->apply(requests).ok());
    auto after = DatasetIndex::scan(dir / "images", {0.3, 7});
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->countIn(Split::Valid), before->countIn(Split::Valid));
    for (const auto &s : after->samples())
        EXPECT_EQ(s.split, split[s.relPath.substr(s.relPath.find('/') + 1)]) << s.relPath;
}
