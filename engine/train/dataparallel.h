#pragma once
// What the rest of Kiln (kiln-cli's launcher) needs of data-parallel training without LibTorch's
// headers: where the ranks meet, and joining the group (distributed.h has the group itself).
// Torch-free; any thread.

#include "core/result.h"

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace kiln {

struct DistributedOptions {
    int rank = 0;
    int world = 1;
    std::string masterAddr = "127.0.0.1";
    int masterPort = 29500;  // 0 on rank 0: any free port (masterPort() says which)
    std::chrono::milliseconds timeout{60000};
    std::size_t bucketBytes = 25u << 20;
};

// A loopback TCP port nobody listens on now (bound, read, released): rank 0's port for a group on
// one machine. 0 when none could be had.
int freeLoopbackPort();

class DataParallel;
// DataParallel::connect, as a shared pointer that can be held where its type is incomplete.
Result<std::shared_ptr<DataParallel>> joinDataParallel(const DistributedOptions &options);

} // namespace kiln
