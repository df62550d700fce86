#pragma once
// Training settings for tests: a few epochs on tiny generated data, no augmentation, a fixed
// thread count, so runs are quick and repeatable; and a project with a run trained that way.
// Header-only; for tests that link the engine.

#include "data/project.h"
#include "testfiles.h"
#include "train/trainconfig.h"
#include "train/trainer.h"
#include "train/trainsettings.h"

namespace kiln::test {

// Every training setting as `key=value` lines (trainsettings.h), to compare configurations whole.
inline std::string settingsText(const TrainConfig &c)
{
    std::string out;
    for (const TrainSetting &s : trainSettings())
        out += std::string(s.key) + "=" + s.format(c) + "\n";
    return out;
}

inline TrainConfig tinyTraining(int epochs = 3, int batchSize = 16, double lr = 5e-3, int threads = 1)
{
    TrainConfig c;
    c.epochs = epochs;
    c.batchSize = batchSize;
    c.lr = lr;
    c.augment = false;
    c.threads = threads;
    return c;
}

// A project at `dir` holding `perClass` learnable images per class (makeLearnableDataset, `side`
// pixels), with one run trained by `config` into `runDir`.
inline Result<TrainSummary> makeTrainedProject(const std::filesystem::path &dir, const std::filesystem::path &runDir,
                                               int perClass = 40, const TrainConfig &config = tinyTraining(), int side = 16)
{
    if (auto created = Project::create(dir); !created)
        return created.error();
    makeLearnableDataset(dir / "images", perClass, side);
    return runTraining(dir, config, runDir, {});
}

} // namespace kiln::test
