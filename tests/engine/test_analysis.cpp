// Predictions and interpretation of a real (tiny) trained run.
#include "analysis/runanalysis.h"
#include "data/editjournal.h"
#include "data/project.h"
#include "testfiles.h"
#include "tinytraining.h"
#include "train/trainer.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

namespace {

// A project of two learnable classes with one tiny run, trained with a fixed seed.
TrainSummary trainTinyProject(const fs::path &project, int perClass)
{
    TrainConfig c = test::tinyTraining();
    c.seed = 3;
    auto s = test::makeTrainedProject(project, project / "runs/r1", perClass, c);
    EXPECT_TRUE(s.ok()) << (s ? "" : s.message());
    return s ? s.value() : TrainSummary{};
}

} // namespace

TEST(Analysis, PredictionsMatchTrainingAndFollowEdits)
{
    TempDir dir;
    const TrainSummary summary = trainTinyProject(dir / "p", 40);
    ASSERT_FALSE(summary.epochs.empty());

    auto run = readRunInfo(dir / "p/runs/r1");
    ASSERT_TRUE(run.ok()) << run.message();
    EXPECT_EQ(run->classes, (std::vector<std::string>{"left", "right"}));
    EXPECT_EQ(run->input.size, 16);

    PredictOptions options;
    options.threads = 1;
    auto first = predictRun(run.value(), AnalysisScope::Valid, options);
    ASSERT_TRUE(first.ok()) << first.message();
    const Predictions &p = first->predictions;
    ASSERT_EQ(p.size(), 16u); // 20% of 80
    EXPECT_FALSE(first->fromCache);
    // The same images and weights as the learner's validation: the same accuracy.
    const Interpretation in = first->interpretation(AnalysisScope::Valid);
    EXPECT_NEAR(in.accuracy(), summary.epochs.back().accuracy, 1e-9);
    EXPECT_EQ(p.embeddingDim, 512);
    EXPECT_EQ(p.embeddings.size(), 16u * 512u);
    for (std::size_t i = 0; i < p.size(); ++i) {
        EXPECT_NEAR(p.prob(i, 0) + p.prob(i, 1), 1.0, 1e-5);
        EXPECT_NEAR(p.losses[i], -std::log(p.probActual(i)), 1e-4);
        EXPECT_EQ(p.predicted[i], p.prob(i, 1) > p.prob(i, 0) ? 1 : 0);
    }

    // Saved and reused while nothing changed.
    EXPECT_TRUE(fs::exists(dir / "p/runs/r1/predictions/valid.pt"));
    auto cached = predictRun(run.value(), AnalysisScope::Valid, options);
    ASSERT_TRUE(cached.ok());
    EXPECT_TRUE(cached->fromCache);
    EXPECT_EQ(cached->predictions.probs, p.probs);
    EXPECT_EQ(cached->predictions.files, p.files);
    // A caller that wants no embeddings (export) reuses that cache and leaves it whole for t-SNE.
    PredictOptions noEmbeddings = options;
    noEmbeddings.embeddings = false;
    auto forExport = predictRun(run.value(), AnalysisScope::Valid, noEmbeddings);
    ASSERT_TRUE(forExport.ok());
    EXPECT_TRUE(forExport->fromCache);
    auto forTsne = predictRun(run.value(), AnalysisScope::Valid, options);
    ASSERT_TRUE(forTsne.ok());
    EXPECT_TRUE(forTsne->fromCache);
    EXPECT_EQ(forTsne->predictions.embeddings.size(), 16u * 512u);

    auto both = predictRun(run.value(), AnalysisScope::Both, options);
    ASSERT_TRUE(both.ok());
    EXPECT_EQ(both->predictions.size(), 80u);
    EXPECT_EQ(both->interpretation(AnalysisScope::Train).total(), 64u);

    // A relabel and a removal: followed in memory, exactly as a fresh prediction sees them.
    auto j = EditJournal::open(dir / "p");
    ASSERT_TRUE(j.ok());
    RunPredictions edited = cached.value();
    const std::string relabelled = p.files[0].lexically_relative(dir / "p/images").generic_string();
    const std::string removed = p.files[1].lexically_relative(dir / "p/images").generic_string();
    const std::string other = p.labels[0] == 0 ? "right" : "left";
    auto edit = j->apply({{EditKind::Relabel, relabelled, other, ""}, {EditKind::Remove, removed, "", ""}});
    ASSERT_TRUE(edit.ok());
    EXPECT_EQ(edited.applyMoves(edit->moves, dir / "p/images"), 2u);
    EXPECT_EQ(edited.predictions.labels[0], 1 - p.labels[0]);
    EXPECT_NEAR(edited.predictions.losses[0], -std::log(p.prob(0, 1 - p.labels[0])), 1e-4);
    EXPECT_TRUE(edited.removed[1]);
    EXPECT_EQ(edited.interpretation(AnalysisScope::Valid).total(), 15u);

    auto fresh = predictRun(run.value(), AnalysisScope::Valid, options);
    ASSERT_TRUE(fresh.ok());
    EXPECT_FALSE(fresh->fromCache); // the labels changed
    // 79 images now: round(0.2 * 79) = 16 validation images, the 15 left plus one from the boundary;
    // the relabelled image kept its split.
    ASSERT_EQ(fresh->predictions.size(), 16u);
    for (std::size_t k = 0; k < edited.predictions.size(); ++k) {
        if (edited.removed[k])
            continue;
        const auto &f = edited.predictions.files[k];
        auto it = std::find(fresh->predictions.files.begin(), fresh->predictions.files.end(), f);
        ASSERT_NE(it, fresh->predictions.files.end()) << f;
        const auto i = std::size_t(it - fresh->predictions.files.begin());
        EXPECT_EQ(fresh->predictions.labels[i], edited.predictions.labels[k]);
        EXPECT_NEAR(fresh->predictions.losses[i], edited.predictions.losses[k], 1e-4);
    }
    // Undo follows back.
    auto undone = j->undo();
    ASSERT_TRUE(undone.ok());
    edited.applyMoves(undone->moves, dir / "p/images");
    EXPECT_EQ(edited.predictions.labels[0], p.labels[0]);
    EXPECT_FALSE(edited.removed[1]);
    EXPECT_EQ(edited.interpretation(AnalysisScope::Valid).total(), 16u);
}

TEST(Analysis, UnusableRunsFailClearly)
{
    TempDir dir;
    EXPECT_FALSE(readRunInfo(dir / "nope").ok());
    test::writeText(dir / "r/run.json", R"({"format_version":1,"status":"running","config":{"arch":"simple_cnn"}})");
    auto r = readRunInfo(dir / "r");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("no result yet"), std::string::npos) << r.message();
    test::writeText(dir / "bad/run.json", "{ not json");
    EXPECT_FALSE(readRunInfo(dir / "bad").ok());
}

TEST(Analysis, ADamagedCheckpointIsAnErrorNotACrash)
{
    TempDir dir;
    trainTinyProject(dir / "p", 10);
    test::writeText(dir / "p/runs/r1/checkpoints/last.pt", "garbage");
    auto run = readRunInfo(dir / "p/runs/r1");
    ASSERT_TRUE(run.ok());
    auto p = predictRun(run.value(), AnalysisScope::Valid);
    ASSERT_FALSE(p.ok());
    EXPECT_NE(p.message().find("last.pt"), std::string::npos) << p.message();
}
