#pragma once
// Data-parallel training's communication, on LibTorch's own distributed engine (c10d, what
// PyTorch's DistributedDataParallel and torchrun use): ranks meet through a TCPStore (rank 0
// serves it at the master address and port, torchrun's meaning of those words) and talk through a
// Gloo process group. Gradients are averaged in buckets (DDP's 25 MiB) with one all-reduce each;
// a rank that does not answer within the timeout is an Error that names the operation, never a
// hang. Each rank takes its disjoint slice of every global batch (batchloader.h's rankShare), so N ranks with
// batch B see what one process with batch N x B sees. LibTorch; the training thread only.

#include "core/result.h"
#include "train/dataparallel.h"

#include <torch/torch.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace kiln {

class DataParallel {
public:
    // Joins the group; rank 0 serves the store. Fails with what went wrong and who was waited for.
    static Result<std::unique_ptr<DataParallel>> connect(const DistributedOptions &options);
    ~DataParallel();

    int rank() const { return m_options.rank; }
    int world() const { return m_options.world; }
    int masterPort() const { return m_port; }

    // Every rank's gradients of `params` averaged, in place (parameters without a gradient are
    // skipped, the same on every rank since the model is the same).
    Result<void> averageGradients(const std::vector<torch::Tensor> &params);
    // Sums a tensor over the ranks, in place (validation counts and losses).
    Result<void> sumInPlace(torch::Tensor &t);
    // The same parameters and buffers on every rank as on rank 0.
    Result<void> broadcastFromRankZero(const std::vector<torch::Tensor> &tensors);
    Result<void> barrier();
    // Bytes all-reduced by the last averageGradients (the figure that decides scaling).
    std::size_t lastReducedBytes() const { return m_lastBytes; }

private:
    DataParallel();
    struct Group; // the c10d store and process group
    DistributedOptions m_options;
    int m_port = 0;
    std::unique_ptr<Group> m_c10d;
    std::size_t m_lastBytes = 0;
};

} // namespace kiln
