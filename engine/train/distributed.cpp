#include "train/distributed.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

namespace kiln {

namespace {

std::string what(const std::exception &e)
{
    std::string s = e.what();
    // c10's messages carry a C++ backtrace after the first line; the first line is the reason.
    const auto nl = s.find('\n');
    return nl == std::string::npos ? s : s.substr(0, nl);
}

Error commError(const DistributedOptions &o, const std::string &operation, const std::exception &e)
{
    return Error{"rank " + std::to_string(o.rank) + " of " + std::to_string(o.world) + ": " + operation + " failed (" + what(e)
                 + "). Another rank has stopped, hangs, or cannot be reached at " + o.masterAddr + ":" + std::to_string(o.masterPort)
                 + "; the run ends on every rank."};
}

} // namespace

struct DataParallel::Group {
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
};

DataParallel::DataParallel()
    : m_c10d(std::make_unique<Group>())
{
}

DataParallel::~DataParallel() = default;

Result<std::unique_ptr<DataParallel>> DataParallel::connect(const DistributedOptions &options)
{
    if (options.world < 1 || options.rank < 0 || options.rank >= options.world)
        return Error{"rank " + std::to_string(options.rank) + " is not one of 0.." + std::to_string(options.world - 1)};
    if (options.masterPort < 0 || options.masterPort > 65535 || (options.masterPort == 0 && options.rank != 0))
        return Error{"the master port must be from 1 to 65535 (0, any free port, only on rank 0)"};
    std::unique_ptr<DataParallel> dp(new DataParallel);
    dp->m_options = options;
    try {
        c10d::TCPStoreOptions so;
        so.port = std::uint16_t(options.masterPort);
        so.isServer = options.rank == 0;
        so.numWorkers = options.world;
        so.waitWorkers = false;
        so.timeout = options.timeout;
        auto store = c10::make_intrusive<c10d::TCPStore>(options.masterAddr, so);
        dp->m_port = store->getPort();
        dp->m_options.masterPort = dp->m_port;
        dp->m_c10d->store = store;
        auto go = c10d::ProcessGroupGloo::Options::create(options.timeout);
        go->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname(options.masterAddr == "localhost" ? "127.0.0.1"
                                                                                                                 : options.masterAddr));
        go->threads = 2;
        dp->m_c10d->group = c10::make_intrusive<c10d::ProcessGroupGloo>(store, options.rank, options.world, go);
    } catch (const std::exception &e) {
        return commError(options, "joining the group", e);
    }
    return dp;
}

Result<void> DataParallel::averageGradients(const std::vector<torch::Tensor> &params)
{
    m_lastBytes = 0;
    if (world() == 1)
        return {};
    std::vector<torch::Tensor> grads;
    for (const auto &p : params)
        if (p.grad().defined())
            grads.push_back(p.grad());
    try {
        // Buckets of about bucketBytes, each flattened into one tensor and all-reduced once.
        std::size_t i = 0;
        while (i < grads.size()) {
            std::vector<torch::Tensor> bucket;
            std::size_t bytes = 0;
            while (i < grads.size() && (bucket.empty() || bytes + std::size_t(grads[i].nbytes()) <= m_options.bucketBytes)) {
                bytes += std::size_t(grads[i].nbytes());
                bucket.push_back(grads[i++]);
            }
            std::vector<torch::Tensor> flat{torch::cat([&] {
                std::vector<torch::Tensor> views;
                for (const auto &g : bucket)
                    views.push_back(g.reshape({-1}));
                return views;
            }())};
            m_c10d->group->allreduce(flat)->wait(m_options.timeout);
            flat[0].div_(double(world()));
            std::int64_t offset = 0;
            for (auto &g : bucket) {
                const std::int64_t n = g.numel();
                g.copy_(flat[0].narrow(0, offset, n).view_as(g));
                offset += n;
            }
            m_lastBytes += bytes;
        }
    } catch (const std::exception &e) {
        return commError(m_options, "averaging the gradients", e);
    }
    return {};
}

Result<void> DataParallel::sumInPlace(torch::Tensor &t)
{
    if (world() == 1)
        return {};
    try {
        std::vector<torch::Tensor> v{t};
        m_c10d->group->allreduce(v)->wait(m_options.timeout);
    } catch (const std::exception &e) {
        return commError(m_options, "summing over the ranks", e);
    }
    return {};
}

Result<void> DataParallel::broadcastFromRankZero(const std::vector<torch::Tensor> &tensors)
{
    if (world() == 1)
        return {};
    try {
        for (const auto &t : tensors) {
            std::vector<torch::Tensor> v{t};
            m_c10d->group->broadcast(v)->wait(m_options.timeout);
        }
    } catch (const std::exception &e) {
        return commError(m_options, "sharing rank 0's weights", e);
    }
    return {};
}

Result<void> DataParallel::barrier()
{
    if (world() == 1)
        return {};
    try {
        m_c10d->group->barrier()->wait(m_options.timeout);
    } catch (const std::exception &e) {
        return commError(m_options, "waiting for every rank", e);
    }
    return {};
}

int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 && ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    ::close(fd);
    return port;
}

Result<std::shared_ptr<DataParallel>> joinDataParallel(const DistributedOptions &options)
{
    auto dp = DataParallel::connect(options);
    if (!dp)
        return dp.error();
    return std::shared_ptr<DataParallel>(std::move(dp).value());
}

} // namespace kiln
