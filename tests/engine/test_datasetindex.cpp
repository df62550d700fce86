#include "data/datasetindex.h"
#include "testfiles.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

TEST(DatasetIndex, ClassesSortedWithCounts)
{
    TempDir dir;
    test::makeDataset(dir.path(), {"zebra", "ant", "moth"}, 3);
    test::writeImage(dir / "ant/nested/deeper/extra.JPG", 8, 8);
    auto index = DatasetIndex::scan(dir.path());
    ASSERT_TRUE(index.ok()) << index.message();
    EXPECT_EQ(index->classes(), (std::vector<std::string>{"ant", "moth", "zebra"}));
    EXPECT_EQ(index->classCounts(), (std::vector<std::size_t>{4, 3, 3}));
    EXPECT_EQ(index->size(), 10u);
    EXPECT_EQ(index->classIndex("moth"), 1);
    EXPECT_EQ(index->classIndex("cat"), -1);
}

TEST(DatasetIndex, SkipsHiddenKilnAndNonImages)
{
    TempDir dir;
    test::makeDataset(dir.path(), {"a", "b"}, 2);
    test::writeImage(dir / ".kiln/trash/a/old.png", 8, 8);
    test::writeImage(dir / "a/.hidden.png", 8, 8);
    test::writeImage(dir / "a/.thumbs/t.png", 8, 8);
    test::writeText(dir / "a/notes.txt", "hello");
    test::writeText(dir / "b/anim.gif", "GIF89a");
    auto index = DatasetIndex::scan(dir.path());
    ASSERT_TRUE(index.ok());
    EXPECT_EQ(index->size(), 4u);
    for (const auto &s : index->samples())
        EXPECT_EQ(s.relPath.find('.', s.relPath.rfind('/') + 1), s.relPath.rfind('.')) << s.relPath;
}

TEST(DatasetIndex, NamesWithSpacesAndNonAscii)
{
    TempDir dir;
    test::writeImage(dir / "grizzly bear/bär 1.png", 8, 8);
    test::writeImage(dir / "ours polaire/ourson été.jpg", 8, 8);
    test::writeImage(dir / "ours polaire/日本.png", 8, 8);
    auto index = DatasetIndex::scan(dir.path());
    ASSERT_TRUE(index.ok());
    EXPECT_EQ(index->classes(), (std::vector<std::string>{"grizzly bear", "ours polaire"}));
    EXPECT_EQ(index->size(), 3u);
    EXPECT_TRUE(fs::exists(index->absolutePath(0)));
}

TEST(DatasetIndex, SymlinkLoopIsSafe)
{
    TempDir dir;
    test::makeDataset(dir.path(), {"a", "b"}, 2);
    fs::create_directory_symlink(dir.path() / "a", dir / "a/loop");
    fs::create_directory_symlink(dir.path(), dir / "b/up");
    auto index = DatasetIndex::scan(dir.path());
    ASSERT_TRUE(index.ok());
    EXPECT_EQ(index->size(), 4u);
    EXPECT_FALSE(index->warnings().empty());
}

TEST(DatasetIndex, EmptyClassFolderAndOneClassAreReported)
{
    TempDir dir;
    test::makeDataset(dir.path(), {"only"}, 3);
    fs::create_directories(dir / "empty");
    auto index = DatasetIndex::scan(dir.path());
    ASSERT_TRUE(index.ok());
    EXPECT_EQ(index->classes(), std::vector<std::string>{"only"});
    const auto &w = index->warnings();
    EXPECT_TRUE(std::any_of(w.begin(), w.end(), [](const std::string &s) { return s.find("'empty' holds no images") != std::string::npos; }));
    EXPECT_TRUE(std::any_of(w.begin(), w.end(), [](const std::string &s) { return s.find("only one class") != std::string::npos; }));
}

TEST(DatasetIndex, EmptyDatasetIsNotAnError)
{
    TempDir dir;
    auto index = DatasetIndex::scan(dir.path());
    ASSERT_TRUE(index.ok());
    EXPECT_EQ(index->size(), 0u);
    EXPECT_TRUE(index->classes().empty());
}

TEST(DatasetIndex, LooseImagesAreReported)
{
    TempDir dir;
    test::makeDataset(dir.path(), {"a", "b"}, 1);
    test::writeImage(dir / "stray.png", 8, 8);
    auto index = DatasetIndex::scan(dir.path());
    ASSERT_TRUE(index.ok());
    EXPECT_EQ(index->size(), 2u);
    ASSERT_FALSE(index->warnings().empty());
    EXPECT_NE(index->warnings().front().find("not inside a class folder"), std::string::npos);
}

TEST(DatasetIndex, MissingFolderAndFileGiveClearErrors)
{
    TempDir dir;
    auto missing = DatasetIndex::scan(dir / "nope");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.message().find("does not exist"), std::string::npos);
    test::writeText(dir / "file.txt", "x");
    auto file = DatasetIndex::scan(dir / "file.txt");
    ASSERT_FALSE(file.ok());
    EXPECT_NE(file.message().find("not a folder"), std::string::npos);
}

TEST(DatasetIndex, ReadOnlyFolderIsIndexedAndUnchanged)
{
    TempDir dir;
    test::makeDataset(dir.path(), {"a", "b"}, 2);
    fs::permissions(dir / "a", fs::perms::owner_read | fs::perms::owner_exec, fs::perm_options::replace);
    auto index = DatasetIndex::scan(dir.path());
    ASSERT_TRUE(index.ok());
    EXPECT_EQ(index->size(), 4u);
    EXPECT_EQ(test::countFiles(dir.path()), 4u);
}

TEST(DatasetIndex, RandomSplitIsReproducibleAndSized)
{
    TempDir dir;
    test::makeDataset(dir.path(), {"a", "b", "c", "d"}, 25, 4);
    auto one = DatasetIndex::scan(dir.path(), {0.2, 42});
    auto two = DatasetIndex::scan(dir.path(), {0.2, 42});
    auto other = DatasetIndex::scan(dir.path(), {0.2, 7});
    ASSERT_TRUE(one.ok() && two.ok() && other.ok());
    EXPECT_FALSE(one->splitByFolder());
    EXPECT_EQ(one->countIn(Split::Valid), 20u);
    EXPECT_EQ(one->countIn(Split::Train), 80u);
    std::vector<int> a, b, c;
    for (std::size_t i = 0; i < one->size(); ++i) {
        a.push_back(int(one->samples()[i].split));
        b.push_back(int(two->samples()[i].split));
        c.push_back(int(other->samples()[i].split));
    }
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
    auto none = DatasetIndex::scan(dir.path(), {0.0, 42});
    EXPECT_EQ(none->countIn(Split::Valid), 0u);
    auto bad = DatasetIndex::scan(dir.path(), {1.5, 42});
    EXPECT_FALSE(bad.ok());
}

TEST(DatasetIndex, SeededPermutationIsAFixedPermutation)
{
    const auto p = seededPermutation(10, 42);
    EXPECT_EQ(p, seededPermutation(10, 42));
    std::set<std::size_t> s(p.begin(), p.end());
    EXPECT_EQ(s.size(), 10u);
    EXPECT_EQ(*s.rbegin(), 9u);
}

TEST(DatasetIndex, SplitByTrainValidFolders)
{
    TempDir dir;
    test::makeDataset(dir / "train", {"cat", "dog"}, 3);
    test::makeDataset(dir / "valid", {"cat", "dog"}, 1);
    auto index = DatasetIndex::scan(dir.path());
    ASSERT_TRUE(index.ok());
    EXPECT_TRUE(index->splitByFolder());
    EXPECT_EQ(index->classes(), (std::vector<std::string>{"cat", "dog"}));
    EXPECT_EQ(index->countIn(Split::Train), 6u);
    EXPECT_EQ(index->countIn(Split::Valid), 2u);
}

TEST(DatasetIndex, TestFolderServesAsValidWhenThereIsNone)
{
    TempDir dir;
    test::makeDataset(dir / "train", {"cat", "dog"}, 2);
    test::makeDataset(dir / "test", {"cat", "dog"}, 1);
    auto index = DatasetIndex::scan(dir.path());
    ASSERT_TRUE(index.ok());
    EXPECT_EQ(index->countIn(Split::Valid), 2u);
    EXPECT_EQ(index->countIn(Split::Test), 0u);

    test::makeDataset(dir / "valid", {"cat", "dog"}, 1);
    auto three = DatasetIndex::scan(dir.path());
    EXPECT_EQ(three->countIn(Split::Valid), 2u);
    EXPECT_EQ(three->countIn(Split::Test), 2u);
    EXPECT_EQ(three->countIn(Split::Train), 4u);
}
