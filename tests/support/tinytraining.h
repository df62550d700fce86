#pragma once
// Training settings for tests: a few epochs on tiny generated data, no augmentation, a fixed
// thread count, so runs are quick and repeatable. Header-only; for tests that link the engine.

#include "train/trainconfig.h"

namespace kiln::test {

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

} // namespace kiln::test
