#include "core/fileutil.h"
#include "data/csvio.h"
#include "data/datasetindex.h"
#include "data/folderimport.h"
#include "data/idximport.h"
#include "testfiles.h"

#include <gtest/gtest.h>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

namespace {

// n images of rows x cols with label i % classes.
void writeIdxPair(const fs::path &images, const fs::path &labels, std::uint32_t n, bool gzip, int classes = 3)
{
    std::vector<std::uint8_t> pixels(std::size_t(n) * 4 * 5);
    for (std::size_t i = 0; i < pixels.size(); ++i)
        pixels[i] = std::uint8_t(i * 13);
    std::vector<std::uint8_t> lab(n);
    for (std::uint32_t i = 0; i < n; ++i)
        lab[i] = std::uint8_t(i % std::uint32_t(classes));
    test::writeIdx(images, {n, 4, 5}, pixels, gzip);
    test::writeIdx(labels, {n}, lab, gzip);
}

} // namespace

TEST(Idx, ReadsGzipAndPlain)
{
    TempDir dir;
    writeIdxPair(dir / "a-images.gz", dir / "a-labels.gz", 7, true);
    writeIdxPair(dir / "b-images", dir / "b-labels", 7, false);
    auto gz = readIdx(dir / "a-images.gz");
    auto plain = readIdx(dir / "b-images");
    ASSERT_TRUE(gz.ok()) << gz.message();
    ASSERT_TRUE(plain.ok()) << plain.message();
    EXPECT_EQ(gz->dims, (std::vector<std::uint32_t>{7, 4, 5}));
    EXPECT_EQ(gz->data, plain->data);
}

TEST(Idx, BadFilesGiveClearErrors)
{
    TempDir dir;
    test::writeText(dir / "text.idx", "not an idx file at all");
    auto bad = readIdx(dir / "text.idx");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.message().find("magic"), std::string::npos);

    writeIdxPair(dir / "i", dir / "l", 10, false);
    auto bytes = test::readBytes(dir / "i");
    bytes.resize(bytes.size() - 30);
    test::writeBytes(dir / "cut", bytes);
    auto cut = readIdx(dir / "cut");
    ASSERT_FALSE(cut.ok());
    EXPECT_NE(cut.message().find("truncated"), std::string::npos);

    EXPECT_FALSE(readIdx(dir / "missing").ok());
}

TEST(Idx, ImportWritesClassFoldersAndNeverOverwrites)
{
    TempDir dir;
    writeIdxPair(dir / "train-images-idx3-ubyte.gz", dir / "train-labels-idx1-ubyte.gz", 9, true);
    IdxImportOptions options;
    options.classNames = {"zero", "one/slash", "two"};
    auto first = importIdx(dir / "train-images-idx3-ubyte.gz", dir / "train-labels-idx1-ubyte.gz", dir / "out", options);
    ASSERT_TRUE(first.ok()) << first.message();
    EXPECT_EQ(first->written, 9u);
    EXPECT_EQ(first->perClass, (std::vector<std::size_t>{3, 3, 3}));
    EXPECT_TRUE(fs::exists(dir / "out/one-slash/train_00001.png"));

    auto index = DatasetIndex::scan(dir / "out");
    ASSERT_TRUE(index.ok());
    EXPECT_EQ(index->size(), 9u);

    // Running again keeps every existing file.
    const auto before = test::readBytes(dir / "out/zero/train_00000.png");
    test::writeText(dir / "out/two/train_00002.png", "user edit");
    auto second = importIdx(dir / "train-images-idx3-ubyte.gz", dir / "train-labels-idx1-ubyte.gz", dir / "out", options);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->written, 0u);
    EXPECT_EQ(second->alreadyPresent, 9u);
    const auto edited = test::readBytes(dir / "out/two/train_00002.png");
    EXPECT_EQ(std::string(edited.begin(), edited.end()), "user edit");
    EXPECT_EQ(test::readBytes(dir / "out/zero/train_00000.png"), before);
}

TEST(Idx, MismatchedFilesAreRefused)
{
    TempDir dir;
    writeIdxPair(dir / "a-images", dir / "a-labels", 5, false);
    writeIdxPair(dir / "b-images", dir / "b-labels", 6, false);
    auto r = importIdx(dir / "a-images", dir / "b-labels", dir / "out");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("disagree"), std::string::npos);
    EXPECT_FALSE(fs::exists(dir / "out"));
    auto swapped = importIdx(dir / "a-labels", dir / "a-images", dir / "out");
    EXPECT_FALSE(swapped.ok());
}

TEST(Idx, GuessesNamesAndSubsets)
{
    EXPECT_EQ(guessIdxClassNames("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")[0], "T-shirt-top");
    EXPECT_EQ(guessIdxClassNames("/data/mnist/train-images-idx3-ubyte.gz")[0], "0");
    EXPECT_EQ(guessIdxSubset("t10k-images-idx3-ubyte.gz"), "test");
    EXPECT_EQ(guessIdxSubset("train-images-idx3-ubyte"), "train");
    EXPECT_EQ(guessIdxSubset("digits.idx"), "");
}

TEST(Csv, ParsesQuotesAndLineEndings)
{
    const auto rows = parseCsv("path,label\r\n\"a, b.png\",cat\n\"say \"\"hi\"\".png\",\"dog\"\nlast.png,cat");
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[1][0], "a, b.png");
    EXPECT_EQ(rows[2][0], "say \"hi\".png");
    EXPECT_EQ(rows[2][1], "dog");
    EXPECT_EQ(rows[3][1], "cat");
    EXPECT_EQ(csvField("a,b"), "\"a,b\"");
    EXPECT_EQ(csvField("plain"), "plain");
}

TEST(Csv, ImportCopiesReportsAndNeverOverwrites)
{
    TempDir dir;
    test::writeImage(dir / "src/x/one.png", 8, 8, 3, 8, 1);
    test::writeImage(dir / "src/y/one.png", 8, 8, 3, 8, 2);
    test::writeImage(dir / "src/z/été 2.jpg", 8, 8);
    test::writeText(dir / "list.csv", "file,class\nx/one.png,cat\ny/one.png,cat\n\"z/été 2.jpg\",dog\nmissing.png,dog\n,dog\n");
    auto r = importCsv(dir / "list.csv", dir / "src", dir / "out");
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_EQ(r->copied, 3u);
    EXPECT_EQ(r->classes, (std::vector<std::string>{"cat", "dog"}));
    EXPECT_EQ(r->problems.size(), 2u);
    EXPECT_TRUE(fs::exists(dir / "out/cat/one.png"));
    EXPECT_TRUE(fs::exists(dir / "out/cat/one_1.png"));
    EXPECT_TRUE(fs::exists(dir / "out/dog/été 2.jpg"));
    EXPECT_TRUE(fs::exists(dir / "src/x/one.png")); // the source is untouched
}

TEST(Csv, EmptyOrUselessCsvIsAnError)
{
    TempDir dir;
    test::writeText(dir / "empty.csv", "");
    EXPECT_FALSE(importCsv(dir / "empty.csv", dir.path(), dir / "out").ok());
    test::writeText(dir / "bad.csv", "path,label\nnope.png,cat\n");
    auto r = importCsv(dir / "bad.csv", dir.path(), dir / "out");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("does not exist"), std::string::npos);
}

TEST(Csv, ExportRoundTrip)
{
    TempDir dir;
    test::makeDataset(dir / "data", {"a,comma", "b"}, 2);
    auto index = DatasetIndex::scan(dir / "data");
    ASSERT_TRUE(index.ok());
    ASSERT_TRUE(exportCsv(*index, dir / "out.csv").ok());
    const auto bytes = test::readBytes(dir / "out.csv");
    const auto rows = parseCsv(std::string(bytes.begin(), bytes.end()));
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"path", "label", "split"}));
    EXPECT_EQ(rows[1][1], "a,comma");
    auto back = importCsv(dir / "out.csv", dir / "data", dir / "copy");
    ASSERT_TRUE(back.ok()) << back.message();
    EXPECT_EQ(back->copied, 4u);
}

TEST(FolderImport, CopiesKeepingLayout)
{
    TempDir dir;
    test::makeDataset(dir / "src/train", {"a", "b"}, 2);
    test::makeDataset(dir / "src/valid", {"a", "b"}, 1);
    auto r = importFolder(dir / "src", dir / "out");
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_EQ(r->copied, 6u);
    auto index = DatasetIndex::scan(dir / "out");
    ASSERT_TRUE(index.ok());
    EXPECT_TRUE(index->splitByFolder());
    EXPECT_EQ(index->countIn(Split::Valid), 2u);
    auto empty = importFolder(dir / "nothing", dir / "out");
    EXPECT_FALSE(empty.ok());
}

TEST(FileUtil, MoveNeverOverwrites)
{
    TempDir dir;
    test::writeText(dir / "a.txt", "A");
    test::writeText(dir / "dest/a.txt", "existing");
    auto moved = moveNoClobber(dir / "a.txt", dir / "dest/a.txt");
    ASSERT_TRUE(moved.ok()) << moved.message();
    EXPECT_EQ(moved.value(), dir / "dest/a_1.txt");
    const auto kept = test::readBytes(dir / "dest/a.txt");
    EXPECT_EQ(std::string(kept.begin(), kept.end()), "existing");
    EXPECT_FALSE(fs::exists(dir / "a.txt"));
}

TEST(FileUtil, SanitizeFileName)
{
    EXPECT_EQ(sanitizeFileName("T-shirt/top"), "T-shirt-top");
    EXPECT_EQ(sanitizeFileName(".."), "_");
    EXPECT_EQ(sanitizeFileName(".hidden"), "_hidden");
    EXPECT_EQ(sanitizeFileName("  ok "), "ok");
    EXPECT_EQ(sanitizeFileName("ours été"), "ours été");
}
