#pragma once
// A long synthetic training curve (a decaying loss with noise), for plot tests and benchmarks.

#include "train/trainconfig.h"

#include <vector>

namespace kiln::test {

inline std::vector<BatchTelemetry> syntheticBatches(int count, int perEpoch = 1000)
{
    std::vector<BatchTelemetry> batches;
    batches.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i) {
        BatchTelemetry b;
        b.epoch = i / perEpoch;
        b.batch = i % perEpoch;
        b.batches = perEpoch;
        b.smoothLoss = 2.0 / (1 + i * 0.001);
        b.loss = b.smoothLoss + 0.2 * ((i * 7919) % 100) / 100.0;
        b.lr = 1e-3;
        batches.push_back(b);
    }
    return batches;
}

} // namespace kiln::test
