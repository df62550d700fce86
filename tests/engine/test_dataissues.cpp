#include "analysis/dataissues.h"
#include "analysis/dataissuesfile.h"
#include "data/datasetedits.h"
#include "data/editjournal.h"
#include "tinytraining.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

namespace fs = std::filesystem;
using namespace kiln;
using kiln::test::TempDir;

namespace {

// A bars project (two classes) with three horizontal bars filed under vertical, an exact copy of a
// horizontal image under vertical, and a near copy of a vertical image under vertical; one run.
struct PlantedProject {
    fs::path dir, run;
    std::set<std::string> flipped; // absolute paths after the move
    fs::path exactOriginal, exactCopy, nearOriginal, nearCopy;
};

PlantedProject makePlantedProject(const fs::path &dir, int perClass = 40)
{
    PlantedProject p;
    p.dir = dir;
    p.run = dir / "runs" / "r";
    EXPECT_TRUE(Project::create(dir).ok());
    test::makeBarsDataset(dir / "images", perClass);
    for (int i : {3, 11, 19}) {
        const fs::path from = dir / "images/horizontal" / ("bar_" + std::to_string(i) + ".png");
        const fs::path to = dir / "images/vertical" / ("bar_" + std::to_string(i) + ".png");
        fs::rename(from, to);
        p.flipped.insert(fs::absolute(to).lexically_normal().string());
    }
    p.exactOriginal = dir / "images/horizontal/bar_5.png";
    p.exactCopy = dir / "images/vertical/copy_of_bar_5.png";
    fs::copy_file(p.exactOriginal, p.exactCopy);
    p.nearOriginal = dir / "images/vertical/bar_1007.png";
    p.nearCopy = dir / "images/vertical/near_bar_1007.jpg";
    test::writeNearCopy(p.nearOriginal, p.nearCopy);
    TrainConfig c = test::tinyTraining(6, 16, 5e-3, 2);
    c.validPct = 0.2;
    auto trained = runTraining(dir, c, p.run, {});
    EXPECT_TRUE(trained.ok()) << (trained ? "" : trained.message());
    return p;
}

std::set<std::string> flaggedFiles(const DataIssues &d)
{
    std::set<std::string> out;
    for (const auto &issue : d.labelIssues.issues)
        out.insert(d.predictions.predictions.files[issue.index].string());
    return out;
}

const DuplicateGroup *groupWith(const std::vector<DuplicateGroup> &groups, const DataIssues &d, const fs::path &a, const fs::path &b)
{
    const auto &files = d.predictions.predictions.files;
    auto has = [&](const DuplicateGroup &g, const fs::path &f) {
        for (std::size_t m : g.members)
            if (files[m] == fs::absolute(f).lexically_normal())
                return true;
        return false;
    };
    for (const auto &g : groups)
        if (has(g, a) && has(g, b))
            return &g;
    return nullptr;
}

} // namespace

TEST(DataIssues, FastModeFindsFlipsDuplicatesAndReusesItsResult)
{
    TempDir tmp;
    const PlantedProject p = makePlantedProject(tmp / "p");
    auto d = findDataIssues(p.run);
    ASSERT_TRUE(d) << d.message();
    EXPECT_FALSE(d->fromCache);
    EXPECT_EQ(d->predictions.predictions.size(), 82u);
    // The fast mode's embeddings come from the run, which may have fitted a flip it trained on:
    // at least two of the three are found.
    const auto flagged = flaggedFiles(d.value());
    std::vector<std::string> found;
    for (const auto &f : p.flipped)
        if (flagged.count(f))
            found.push_back(fs::relative(f, p.dir).generic_string());
    EXPECT_GE(found.size(), 2u);
    EXPECT_LE(flagged.size(), 8u);
    for (const auto &issue : d->labelIssues.issues)
        if (p.flipped.count(d->predictions.predictions.files[issue.index].string()))
            EXPECT_EQ(d->predictions.predictions.classes[std::size_t(issue.suggested)], "horizontal");

    // Duplicates by bytes and by hash count at any similarity; the exact copy carries another label.
    const auto groups = d->duplicateGroups(1.0f);
    const DuplicateGroup *exact = groupWith(groups, d.value(), p.exactOriginal, p.exactCopy);
    ASSERT_NE(exact, nullptr);
    EXPECT_TRUE(exact->mixedLabels);
    EXPECT_EQ(exact->reason, "same file");
    EXPECT_EQ(&groups.front(), exact); // mixed-label groups first
    const DuplicateGroup *near = groupWith(groups, d.value(), p.nearOriginal, p.nearCopy);
    ASSERT_NE(near, nullptr);
    EXPECT_FALSE(near->mixedLabels);
    EXPECT_EQ(near->reason, "same picture");

    // The CSV kiln-cli apply takes: relabel for the flips, remove for the same-label near copy.
    const std::string csv = dataIssuesCsv(d.value(), 1.0f);
    EXPECT_EQ(csv.rfind("file,action,class,issue,given,suggested,score\n", 0), 0u);
    for (const auto &f : found)
        EXPECT_NE(csv.find(f + ",relabel,horizontal,label"), std::string::npos) << csv;
    EXPECT_NE(csv.find("images/vertical/near_bar_1007.jpg,keep,,duplicate"), std::string::npos) << csv; // re-encoded: for the eye
    // The copy filed under the wrong class is a label issue too: relabelling it wins over "keep".
    EXPECT_NE(csv.find("copy_of_bar_5.png,relabel,horizontal,label;duplicate-mixed-labels"), std::string::npos) << csv;
    EXPECT_NE(csv.find("images/horizontal/bar_5.png,"), std::string::npos) << csv; // listed, relabelled or kept
    EXPECT_EQ(csv.find("images/horizontal/bar_5.png,remove"), std::string::npos) << csv;
    EXPECT_EQ(csv.find("images/vertical/bar_1007.png,remove"), std::string::npos) << csv;

    // Saved beside the run and reused; an edit of the dataset makes it stale.
    auto again = findDataIssues(p.run);
    ASSERT_TRUE(again) << again.message();
    EXPECT_TRUE(again->fromCache);
    EXPECT_EQ(flaggedFiles(again.value()), flagged);
    EXPECT_TRUE(fs::exists(p.run / "data-issues" / "fast-k5-s0.txt"));
    ASSERT_FALSE(found.empty());
    const fs::path relabelled = fs::path(found.front()).lexically_relative("images");
    auto edit = editDataset(p.dir, [&](EditJournal &j) {
        return j.apply({{EditKind::Relabel, relabelled.generic_string(), "horizontal", "test"}});
    });
    ASSERT_TRUE(edit.outcome) << edit.outcome.message();
    auto after = findDataIssues(p.run);
    ASSERT_TRUE(after) << after.message();
    EXPECT_FALSE(after->fromCache);
    const auto &files = after->predictions.predictions.files;
    const auto moved = std::find(files.begin(), files.end(), (fs::absolute(p.dir) / "images/horizontal" / relabelled.filename()).lexically_normal());
    ASSERT_NE(moved, files.end());
    EXPECT_EQ(after->predictions.predictions.classes[std::size_t(after->predictions.predictions.labels[std::size_t(moved - files.begin())])],
              "horizontal");
}

TEST(DataIssues, DamagedSavedSearchIsRecomputed)
{
    TempDir tmp;
    const PlantedProject p = makePlantedProject(tmp / "p", 20);
    ASSERT_TRUE(findDataIssues(p.run));
    const fs::path saved = p.run / "data-issues" / "fast-k5-s0.txt";
    auto bytes = test::readBytes(saved);
    bytes.resize(bytes.size() / 2);
    test::writeBytes(saved, bytes);
    EXPECT_FALSE(loadDataIssues(saved, "any key", 42, 2));
    auto d = findDataIssues(p.run);
    ASSERT_TRUE(d) << d.message();
    EXPECT_FALSE(d->fromCache);
}

TEST(DataIssues, ThoroughModeTrainsPerFoldStopsAndResumes)
{
    TempDir tmp;
    const PlantedProject p = makePlantedProject(tmp / "p");
    DataIssueOptions options;
    options.mode = DataIssueMode::Thorough;
    options.folds = 3;
    options.threads = 2;
    // Stop once the first fold's work is done.
    Progress progress;
    std::atomic<bool> finished{false};
    std::thread watcher([&] {
        while (!finished) {
            if (progress.done.load() >= 1050 + 82) // the predictions of every image, then one fold
                progress.cancel = true;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    });
    auto stopped = findDataIssues(p.run, options, &progress);
    finished = true;
    watcher.join();
    ASSERT_FALSE(stopped);
    EXPECT_NE(stopped.message().find("run the search again"), std::string::npos) << stopped.message();
    const fs::path folds = p.run / "data-issues" / "thorough-k3-s0";
    ASSERT_TRUE(fs::exists(folds / "fold-1" / "heldout.txt"));
    const auto firstFold = fs::last_write_time(folds / "fold-1" / "heldout.txt");

    auto d = findDataIssues(p.run, options);
    ASSERT_TRUE(d) << d.message();
    EXPECT_EQ(fs::last_write_time(folds / "fold-1" / "heldout.txt"), firstFold); // kept, not retrained
    for (int f = 1; f <= 3; ++f)
        EXPECT_TRUE(fs::exists(folds / ("fold-" + std::to_string(f)) / "heldout.txt"));
    const auto flagged = flaggedFiles(d.value());
    std::size_t found = 0;
    for (const auto &f : p.flipped)
        found += flagged.count(f);
    // Three folds of 55 images trained for 6 epochs are weak models: this test proves the fold
    // mechanics (stop, resume, every fold held out once); bench_dataissues measures the quality.
    EXPECT_GE(found, 1u);
    EXPECT_LE(flagged.size(), 16u);
}

TEST(DataIssues, RefusesWhatItCannotAnalyse)
{
    TempDir tmp;
    EXPECT_FALSE(findDataIssues(tmp / "nothing"));
    ASSERT_TRUE(Project::create(tmp / "empty").ok());
    auto none = newestAnalysableRun(tmp / "empty");
    ASSERT_FALSE(none);
    EXPECT_NE(none.message().find("Train one first"), std::string::npos);
    const PlantedProject p = makePlantedProject(tmp / "p", 20);
    DataIssueOptions bad;
    bad.folds = 1;
    EXPECT_FALSE(findDataIssues(p.run, bad));
    auto newest = newestAnalysableRun(p.dir);
    ASSERT_TRUE(newest) << newest.message();
    EXPECT_EQ(fs::absolute(newest.value()).lexically_normal(), fs::absolute(p.run).lexically_normal());
}
