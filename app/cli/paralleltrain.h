#pragma once
// kiln-cli train's data-parallel side: --nproc N processes on this machine (this one is the first;
// it starts the others as copies of itself and waits for them), across machines with torchrun's
// --nnodes, --node-rank, --master-addr and --master-port. A started copy is told its rank with
// --dp-rank/--dp-world, dies with its parent (no orphans), and writes nothing; rank 0 writes the
// run. A rank that fails or hangs ends the run on every rank within --dp-timeout seconds.

#include "cli/clicommon.h"
#include "train/trainconfig.h"

#include <filesystem>

namespace kiln::cli {

struct ParallelPlan {
    int nproc = 1, nnodes = 1, nodeRank = 0;
    std::string masterAddr = "127.0.0.1";
    int masterPort = 0; // 0: a free port (one machine only)
    int timeoutSeconds = 120;
    int childRank = -1; // a started copy: its rank
    int world() const { return nnodes * nproc; }
    bool parallel() const { return world() > 1 || childRank >= 0; }
};

// The options' values; false (with `code` set) after a usage message.
bool parseParallelPlan(const Args &a, const Io &io, ParallelPlan &plan, int &code);
// Trains as this process's rank; the first process of a machine starts and waits for the rest.
Result<TrainSummary> trainInParallel(const Io &io, const ParallelPlan &plan, const std::filesystem::path &dataset, TrainConfig config,
                                     const std::filesystem::path &runDir, const TrainHooks &hooks);

} // namespace kiln::cli
