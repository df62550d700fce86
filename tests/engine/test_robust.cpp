// Issue 17 in the engine: durable writes that never leave half a file or a descriptor behind,
// appends a torn line cannot swallow, a journal and caches whose damaged content is refused by
// name, CSV imports that take only images from inside their root, and a plain image folder made
// into a project without moving a file.
#include "analysis/predictor.h"
#include "core/fileutil.h"
#include "data/csvio.h"
#include "data/datasetindex.h"
#include "data/editjournal.h"
#include "data/project.h"
#include "testfiles.h"

#include <gtest/gtest.h>

#include <csignal>
#include <sys/resource.h>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::size_t openDescriptors()
{
    std::size_t n = 0;
    for ([[maybe_unused]] const auto &e : fs::directory_iterator("/proc/self/fd"))
        ++n;
    return n;
}

std::size_t temporaryFiles(const fs::path &dir)
{
    std::size_t n = 0;
    for (const auto &e : fs::directory_iterator(dir))
        n += e.path().filename().string().find(".tmp-") != std::string::npos;
    return n;
}

std::string readText(const fs::path &file)
{
    const auto bytes = test::readBytes(file);
    return std::string(bytes.begin(), bytes.end());
}

// Files may not grow past `bytes` while it lives (writes past it fail with EFBIG, SIGXFSZ ignored).
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
};

} // namespace

TEST(DurableFiles, AFailedAtomicWriteKeepsTheOldFileAndLeavesNothingBehind)
{
    TempDir dir;
    const fs::path file = dir / "state.json";
    ASSERT_TRUE(writeFileAtomic(file, "old and good").ok());
    const std::size_t fds = openDescriptors();

    {
        FileSizeLimit limit(4096);
        auto r = writeFileAtomic(file, std::string(100000, 'x'));
        ASSERT_FALSE(r.ok());
        EXPECT_NE(r.message().find(file.string()), std::string::npos) << r.message();
    }
    EXPECT_EQ(readText(file), "old and good");
    EXPECT_EQ(temporaryFiles(dir.path()), 0u);
    EXPECT_EQ(openDescriptors(), fds);

    // A rename that cannot happen (a folder with content is in the way).
    fs::create_directories(dir / "taken" / "inside");
    EXPECT_FALSE(writeFileAtomic(dir / "taken", "text").ok());
    EXPECT_EQ(temporaryFiles(dir.path()), 0u);
    EXPECT_EQ(openDescriptors(), fds);

    ASSERT_TRUE(writeFileAtomic(file, "new").ok());
    EXPECT_EQ(readText(file), "new");
    EXPECT_EQ(openDescriptors(), fds);
}

TEST(DurableFiles, ACopyCutShortNeverReplacesTheGoodFile)
{
    // Keep-best's copy of last.pt to best.pt: a full disk halfway must leave the good best.pt.
    TempDir dir;
    const fs::path last = dir / "last.pt", best = dir / "best.pt";
    test::writeText(best, "the good best checkpoint");
    test::writeText(last, std::string(200000, 'c'));
    const std::size_t fds = openDescriptors();
    {
        FileSizeLimit limit(65536);
        auto r = copyFileAtomic(last, best);
        ASSERT_FALSE(r.ok());
        EXPECT_NE(r.message().find("best.pt"), std::string::npos) << r.message();
    }
    EXPECT_EQ(readText(best), "the good best checkpoint");
    EXPECT_EQ(temporaryFiles(dir.path()), 0u);
    EXPECT_EQ(openDescriptors(), fds);

    ASSERT_TRUE(copyFileAtomic(last, best).ok());
    EXPECT_EQ(test::readBytes(best), test::readBytes(last));
    EXPECT_FALSE(copyFileAtomic(dir / "missing.pt", best).ok());
    EXPECT_EQ(test::readBytes(best), test::readBytes(last));
}

TEST(DurableFiles, AnAppendAfterATornLineStartsOnItsOwnLine)
{
    TempDir dir;
    const fs::path manifest = dir / ".kiln" / "acquire" / "cats.jsonl";
    ASSERT_TRUE(appendLine(manifest, R"({"url":"http://a/1","status":"ok"})").ok());
    // A crash tore the next line halfway.
    {
        std::FILE *f = std::fopen(manifest.c_str(), "ab");
        std::fputs(R"({"url":"http://a/2","sta)", f);
        std::fclose(f);
    }
    ASSERT_TRUE(appendLine(manifest, R"({"url":"http://a/3","status":"failed"})").ok());
    EXPECT_EQ(readText(manifest), "{\"url\":\"http://a/1\",\"status\":\"ok\"}\n"
                                  "{\"url\":\"http://a/2\",\"sta\n"
                                  "{\"url\":\"http://a/3\",\"status\":\"failed\"}\n");
}

TEST(DamagedJournal, DamagedLinesAreSkippedByNameAndNeverMoveFilesOutsideTheProject)
{
    TempDir dir;
    ASSERT_TRUE(Project::create(dir / "p").ok());
    test::makeDataset(dir / "p/images", {"a", "b"}, 2);
    // A file outside the project that a damaged record names, also linked inside it: recovery
    // of a "half-done move" from outside would unlink it.
    test::writeImage(dir / "outside.png");
    fs::create_hard_link(dir / "outside.png", dir / "p/images/a/linked.png");
    test::writeText(dir / "p/.kiln/journal.jsonl",
                    "{\"op\":\"batch\",\"batch\":1}\n"
                    "{\"op\":\"begin\",\"seq\":1,\"batch\":1,\"kind\":\"remove\",\"from\":\"../outside.png\",\"to\":\"images/a/linked.png\"}\n"
                    "{\"op\":\"begin\",\"seq\":1e400,\"batch\":1,\"kind\":\"remove\",\"from\":\"images/a/a_0.png\",\"to\":\".kiln/trash/a/a_0.png\"}\n"
                    "\x01\x02 not json at all \xff\n"
                    "{\"op\":\"batch\",\"batch\":2147483647}\n"
                    "{\"op\":\"done\",\"seq\":\"one\"}\n");
    auto j = EditJournal::open(dir / "p");
    ASSERT_TRUE(j.ok()) << j.message();
    EXPECT_TRUE(fs::exists(dir / "outside.png"));
    EXPECT_TRUE(fs::exists(dir / "p/images/a/a_0.png"));
    ASSERT_FALSE(j->recoveryNotes().empty());
    const std::string note = j->recoveryNotes().front();
    EXPECT_NE(note.find("journal.jsonl"), std::string::npos) << note;
    EXPECT_NE(note.find("damaged"), std::string::npos) << note;
    // Edits still work after the damage, with batch numbers that do not overflow.
    auto edit = j->apply({{EditKind::Remove, "b/b_0.png", "", ""}});
    ASSERT_TRUE(edit.ok()) << edit.message();
    EXPECT_TRUE(fs::exists(dir / "p/.kiln/trash/b/b_0.png"));
    ASSERT_TRUE(j->undo().ok());
    EXPECT_TRUE(fs::exists(dir / "p/images/b/b_0.png"));
    // Nothing left to undo: the message says the journal had damaged lines, by name.
    ASSERT_TRUE(j->undo().ok()); // batch 1 (moves skipped) is still an undo step
    auto none = j->undo();
    ASSERT_FALSE(none.ok());
    EXPECT_NE(none.message().find("journal.jsonl"), std::string::npos) << none.message();
}

TEST(CsvImportSafety, OnlyImagesFromInsideTheRootAreImported)
{
    TempDir dir;
    fs::create_directories(dir / "root");
    test::writeImage(dir / "root/cat1.png");
    test::writeBytes(dir / "root/noextension", test::encodeImage(".png", 20, 20)); // a PNG without an image extension
    test::writeText(dir / "root/notes.txt", "not an image\n");
    test::writeText(dir / "secret", "root:x:0:0:root:/root:/bin/bash\n");
    test::writeText(dir / "rows.csv", "path,label\n"
                                      "../secret,evil\n"
                                      "../../../../../../../etc/passwd,evil\n"
                                      "notes.txt,evil\n"
                                      "cat1.png,cat\n"
                                      "noextension,cat\n");
    auto summary = importCsv(dir / "rows.csv", dir / "root", dir / "out");
    ASSERT_TRUE(summary.ok()) << summary.message();
    EXPECT_EQ(summary->copied, 2u);
    EXPECT_EQ(summary->classes, std::vector<std::string>{"cat"});
    ASSERT_EQ(summary->problems.size(), 3u);
    EXPECT_NE(summary->problems[0].find("leaves"), std::string::npos) << summary->problems[0];
    EXPECT_NE(summary->problems[1].find("leaves"), std::string::npos) << summary->problems[1];
    EXPECT_NE(summary->problems[2].find("not a usable image"), std::string::npos) << summary->problems[2];
    EXPECT_FALSE(fs::exists(dir / "out/evil"));
    EXPECT_EQ(test::countFiles(dir / "out"), 2u);
    auto index = DatasetIndex::scan(dir / "out");
    ASSERT_TRUE(index.ok());
    EXPECT_EQ(index->size(), 2u); // both copies are images the dataset sees

    // A CSV of nothing but such rows imports nothing and says why.
    test::writeText(dir / "evil.csv", "../../../../../../../etc/passwd,evil\n");
    auto refused = importCsv(dir / "evil.csv", dir / "root", dir / "out2");
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.message().find("leaves"), std::string::npos) << refused.message();
    EXPECT_FALSE(fs::exists(dir / "out2/evil"));
}

TEST(ClassNames, TheProblemIsNamed)
{
    EXPECT_EQ(classNameProblem("grizzly bear"), "");
    EXPECT_NE(classNameProblem("cats/dogs").find("cannot be a class name"), std::string::npos);
    EXPECT_NE(classNameProblem("cats/dogs").find("'cats-dogs'"), std::string::npos);
    EXPECT_NE(classNameProblem(".hidden").find("leading '.'"), std::string::npos);
    EXPECT_NE(classNameProblem("").find("empty"), std::string::npos);
}

TEST(PlainFolder, BecomesAProjectBesideItWithoutMovingAFile)
{
    TempDir dir;
    test::makeDataset(dir / "photos", {"cat", "dog"}, 3);
    fs::create_directories(dir / "empty");
    EXPECT_TRUE(looksLikeImageFolder(dir / "photos"));
    EXPECT_FALSE(looksLikeImageFolder(dir / "empty"));
    EXPECT_FALSE(looksLikeImageFolder(dir / "missing"));
    EXPECT_EQ(projectFolderFor(dir / "photos"), dir / "photos-kiln");

    auto made = createProjectFor(dir / "photos");
    ASSERT_TRUE(made.ok()) << made.message();
    EXPECT_EQ(made->root(), dir / "photos-kiln");
    EXPECT_TRUE(fs::is_symlink(dir / "photos-kiln/images"));
    EXPECT_EQ(test::countFiles(dir / "photos"), 6u); // nothing moved, copied or added
    EXPECT_FALSE(looksLikeImageFolder(dir / "photos-kiln")); // it is a project now
    auto index = DatasetIndex::scan(made->imagesDir());
    ASSERT_TRUE(index.ok()) << index.message();
    EXPECT_EQ(index->size(), 6u);
    EXPECT_EQ(index->classes(), (std::vector<std::string>{"cat", "dog"}));
    // Edits go through the project: the image moves into the project's trash, and back.
    auto j = EditJournal::open(made->root());
    ASSERT_TRUE(j.ok());
    ASSERT_TRUE(j->apply({{EditKind::Remove, "cat/cat_0.png", "", ""}}).ok());
    EXPECT_TRUE(fs::exists(dir / "photos-kiln/.kiln/trash/cat/cat_0.png"));
    ASSERT_TRUE(j->undo().ok());
    EXPECT_TRUE(fs::exists(dir / "photos/cat/cat_0.png"));
    // A second one gets a free name.
    EXPECT_EQ(projectFolderFor(dir / "photos"), dir / "photos-kiln_1");
}

TEST(DamagedCaches, PredictionsWhoseClassesDoNotAgreeAreRefusedByName)
{
    TempDir dir;
    Predictions p;
    p.classes = {"a", "b"};
    p.files = {dir / "x.png", dir / "y.png"};
    p.labels = {0, 7}; // no class 7
    p.predicted = {1, 0};
    p.probs = {0.2f, 0.8f, 0.6f, 0.4f};
    p.losses = {1.6f, 0.5f};
    const fs::path file = dir / "predictions" / "valid.pt";
    ASSERT_TRUE(savePredictions(file, p, "key", dir.path()).ok());
    auto loaded = loadPredictions(file, "key", dir.path());
    ASSERT_FALSE(loaded.ok());
    EXPECT_NE(loaded.message().find(file.string()), std::string::npos) << loaded.message();

    p.labels = {0, 1};
    p.predicted = {1, -3};
    ASSERT_TRUE(savePredictions(file, p, "key", dir.path()).ok());
    EXPECT_FALSE(loadPredictions(file, "key", dir.path()).ok());
    p.predicted = {1, 0};
    ASSERT_TRUE(savePredictions(file, p, "key", dir.path()).ok());
    EXPECT_TRUE(loadPredictions(file, "key", dir.path()).ok());
}

TEST(DamagedProject, NumbersOutOfRangeFallBackAndDeepNestingIsRefusedByName)
{
    TempDir dir;
    ASSERT_TRUE(Project::create(dir / "p").ok());
    for (const char *seed : {"-5", "\"x\"", "1e30", "null", "0.5"}) {
        test::writeText(dir / "p/kiln-project.json",
                        std::string("{\"format_version\":1,\"name\":\"p\",\"defaults\":{\"valid_pct\":7,\"seed\":") + seed + "}}");
        auto p = Project::open(dir / "p");
        ASSERT_TRUE(p.ok()) << seed << ": " << p.message();
        EXPECT_EQ(p->seed, 42u) << seed;
        EXPECT_DOUBLE_EQ(p->validPct, 0.2) << seed;
    }
    // Qt refuses 1e400 as a number: the file is damaged, by name.
    test::writeText(dir / "p/kiln-project.json", "{\"format_version\":1,\"defaults\":{\"seed\":1e400}}");
    auto huge = Project::open(dir / "p");
    ASSERT_FALSE(huge.ok());
    EXPECT_NE(huge.message().find("kiln-project.json"), std::string::npos) << huge.message();
    test::writeText(dir / "p/kiln-project.json", std::string(50000, '[') + std::string(50000, ']'));
    auto deep = Project::open(dir / "p");
    ASSERT_FALSE(deep.ok());
    EXPECT_NE(deep.message().find("kiln-project.json"), std::string::npos) << deep.message();
}
