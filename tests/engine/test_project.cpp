#include "data/project.h"
#include "testfiles.h"

#include <gtest/gtest.h>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

TEST(Project, CreateOpenSaveRoundTrip)
{
    TempDir dir;
    auto created = Project::create(dir / "P", "Bears");
    ASSERT_TRUE(created.ok()) << created.message();
    EXPECT_TRUE(fs::is_directory(dir / "P/images"));
    EXPECT_TRUE(fs::is_directory(dir / "P/.kiln/trash"));
    EXPECT_TRUE(fs::is_directory(dir / "P/runs"));
    auto saved = Project::update(dir / "P", [](Project &p) {
        p.classes = {"black", "grizzly"};
        p.validPct = 0.25;
        p.seed = 7;
        p.runs.push_back({"run-1", "2026-01-01T00:00:00Z", "acc 0.9"});
    });
    ASSERT_TRUE(saved.ok()) << saved.message();
    EXPECT_EQ(saved->seed, 7u);

    auto opened = Project::open(dir / "P");
    ASSERT_TRUE(opened.ok()) << opened.message();
    EXPECT_EQ(opened->name, "Bears");
    EXPECT_EQ(opened->classes, (std::vector<std::string>{"black", "grizzly"}));
    EXPECT_DOUBLE_EQ(opened->validPct, 0.25);
    EXPECT_EQ(opened->seed, 7u);
    ASSERT_EQ(opened->runs.size(), 1u);
    EXPECT_EQ(opened->runs[0].summary, "acc 0.9");
}

TEST(Project, CreateRefusesAnExistingProject)
{
    TempDir dir;
    ASSERT_TRUE(Project::create(dir.path()).ok());
    const auto before = test::readBytes(dir / "kiln-project.json");
    auto again = Project::create(dir.path());
    ASSERT_FALSE(again.ok());
    EXPECT_NE(again.message().find("already exists"), std::string::npos);
    EXPECT_EQ(test::readBytes(dir / "kiln-project.json"), before);
}

TEST(Project, NewerFormatIsRefusedClearly)
{
    TempDir dir;
    test::writeText(dir / "kiln-project.json", R"({"format_version": 99, "name": "future"})");
    auto p = Project::open(dir.path());
    ASSERT_FALSE(p.ok());
    EXPECT_NE(p.message().find("newer than this Kiln"), std::string::npos) << p.message();
}

TEST(Project, CorruptFileIsReportedAndLeftAlone)
{
    TempDir dir;
    const std::string garbage = "{\"format_version\": 1, \"name\": \"x\", \"classes\": [\"a\",";
    test::writeText(dir / "kiln-project.json", garbage);
    test::makeDataset(dir / "images", {"a", "b"}, 1);
    auto p = Project::open(dir.path());
    ASSERT_FALSE(p.ok());
    EXPECT_NE(p.message().find("damaged"), std::string::npos) << p.message();
    const auto after = test::readBytes(dir / "kiln-project.json");
    EXPECT_EQ(std::string(after.begin(), after.end()), garbage);
    EXPECT_EQ(test::countFiles(dir / "images"), 2u);
}

TEST(Project, MissingFileAndMissingVersion)
{
    TempDir dir;
    auto none = Project::open(dir.path());
    ASSERT_FALSE(none.ok());
    EXPECT_NE(none.message().find("not a Kiln project"), std::string::npos);
    test::writeText(dir / "kiln-project.json", R"({"name": "x"})");
    auto noVersion = Project::open(dir.path());
    ASSERT_FALSE(noVersion.ok());
    EXPECT_NE(noVersion.message().find("format_version"), std::string::npos);
    auto gone = Project::open(dir / "missing");
    ASSERT_FALSE(gone.ok());
    EXPECT_NE(gone.message().find("does not exist"), std::string::npos);
}

TEST(Project, UnknownKeysSurviveASave)
{
    TempDir dir;
    test::writeText(dir / "kiln-project.json", R"({"format_version": 1, "name": "x", "future_field": {"k": 3}})");
    ASSERT_TRUE(Project::update(dir.path(), [](Project &p) { p.name = "renamed"; }).ok());
    const auto bytes = test::readBytes(dir / "kiln-project.json");
    const std::string text(bytes.begin(), bytes.end());
    EXPECT_NE(text.find("future_field"), std::string::npos);
    EXPECT_NE(text.find("renamed"), std::string::npos);
}

TEST(Project, SaveLeavesNoTemporaryFiles)
{
    TempDir dir;
    auto p = Project::create(dir.path());
    ASSERT_TRUE(p.ok());
    for (int i = 0; i < 5; ++i)
        ASSERT_TRUE(Project::recordRun(dir.path(), {"r" + std::to_string(i), "", ""}).ok());
    std::size_t entries = 0;
    for (const auto &e : fs::directory_iterator(dir.path()))
        if (e.is_regular_file())
            ++entries;
    EXPECT_EQ(entries, 1u);
    EXPECT_EQ(Project::open(dir.path())->runs.size(), 5u);
}

TEST(Project, LocateDataset)
{
    TempDir dir;
    ASSERT_TRUE(Project::create(dir / "proj").ok());
    const auto loc = locateDataset(dir / "proj");
    EXPECT_TRUE(loc.isProject);
    EXPECT_EQ(loc.imagesRoot, dir / "proj/images");
    const auto plain = locateDataset(dir / "plain");
    EXPECT_FALSE(plain.isProject);
    EXPECT_EQ(plain.imagesRoot, dir / "plain");
}
