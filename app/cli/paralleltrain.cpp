#include "cli/paralleltrain.h"

#include "train/dataparallel.h"
#include "train/trainer.h"

#include <QCoreApplication>
#include <QProcess>

#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>
#include <memory>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace kiln::cli {

namespace {

bool intOption(const Args &a, const Io &io, const char *name, long long lo, long long hi, int &out, int &code)
{
    if (!a.has(name))
        return true;
    long long v = 0;
    if (!parseInt(a.get(name), v) || v < lo || v > hi) {
        code = io.usage(std::string(name) + " takes a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
        return false;
    }
    out = int(v);
    return true;
}

// The last lines of a rank's output, to say why it ended.
std::string tail(const QByteArray &output)
{
    QList<QByteArray> lines = output.trimmed().split('\n');
    while (lines.size() > 3)
        lines.removeFirst();
    return lines.join("\n  ").toStdString();
}

} // namespace

bool parseParallelPlan(const Args &a, const Io &io, ParallelPlan &plan, int &code)
{
    if (!intOption(a, io, "--nproc", 1, 256, plan.nproc, code) || !intOption(a, io, "--nnodes", 1, 4096, plan.nnodes, code)
        || !intOption(a, io, "--node-rank", 0, 4095, plan.nodeRank, code)
        || !intOption(a, io, "--master-port", 1, 65535, plan.masterPort, code)
        || !intOption(a, io, "--dp-timeout", 1, 86400, plan.timeoutSeconds, code))
        return false;
    if (plan.nodeRank >= plan.nnodes) {
        code = io.usage("--node-rank must be below --nnodes");
        return false;
    }
    plan.masterAddr = a.get("--master-addr", plan.masterAddr);
    if (plan.nnodes > 1 && !a.has("--master-port"))
        plan.masterPort = 29500; // torchrun's default, which every machine must agree on
    if (a.has("--dp-rank")) {
        int world = 0;
        if (!intOption(a, io, "--dp-rank", 0, 1 << 20, plan.childRank, code) || !intOption(a, io, "--dp-world", 2, 1 << 20, world, code))
            return false;
        if (!a.has("--dp-world") || plan.childRank >= world || !a.has("--master-port")) {
            code = io.usage("--dp-rank is for the processes kiln-cli starts itself (with --dp-world and --master-port)");
            return false;
        }
        plan.nnodes = 1;
        plan.nproc = world; // world() is what counts for a started copy
    }
    return true;
}

Result<TrainSummary> trainInParallel(const Io &io, const ParallelPlan &plan, const fs::path &dataset, TrainConfig config,
                                     const fs::path &runDir, const TrainHooks &hooks)
{
    DistributedOptions options;
    options.world = plan.world();
    options.masterAddr = plan.masterAddr;
    options.timeout = std::chrono::seconds(plan.timeoutSeconds);
    if (plan.childRank >= 0) {
        // A started copy: it ends with its parent, whatever ends the parent.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() == 1)
            return Error{"the process that started this rank has gone"};
        options.rank = plan.childRank;
        options.masterPort = plan.masterPort;
        auto group = joinDataParallel(options);
        if (!group)
            return group.error();
        return runTraining(dataset, config, runDir, {}, group->get());
    }

    options.rank = plan.nodeRank * plan.nproc;
    options.masterPort = plan.masterPort > 0 ? plan.masterPort : freeLoopbackPort();
    // The machine's cores are shared between its processes.
    const int cores = config.threads > 0 ? config.threads : int(std::max(1u, std::thread::hardware_concurrency()));
    config.threads = std::max(1, cores / plan.nproc);
    std::vector<std::unique_ptr<QProcess>> ranks;
    QStringList base = QCoreApplication::arguments().mid(1);
    for (int local = 1; local < plan.nproc; ++local) {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::MergedChannels);
        QStringList args = base;
        args << "--dp-rank" << QString::number(options.rank + local) << "--dp-world" << QString::number(options.world)
             << "--master-addr" << QString::fromStdString(options.masterAddr) << "--master-port" << QString::number(options.masterPort)
             << "--out" << QString::fromStdString(runDir.string()) << "--threads" << QString::number(config.threads);
        p->start(QCoreApplication::applicationFilePath(), args);
        if (!p->waitForStarted(10000))
            return Error{"cannot start rank " + std::to_string(options.rank + local) + ": " + p->errorString().toStdString()};
        ranks.push_back(std::move(p));
    }
    std::fprintf(io.err, "data-parallel: rank %d of %d here, %d process(es) on this machine x %d thread(s), master %s:%d\n",
                options.rank, options.world, plan.nproc, config.threads, options.masterAddr.c_str(), options.masterPort);
    Result<TrainSummary> result = Error{"not run"};
    if (auto group = joinDataParallel(options); !group)
        result = group.error();
    else
        result = runTraining(dataset, config, runDir, hooks, group->get());
    // Every started rank ends now: at once when this one failed, else when it is done.
    std::string others;
    for (std::size_t i = 0; i < ranks.size(); ++i) {
        QProcess &p = *ranks[i];
        if (!result)
            p.kill();
        if (!p.waitForFinished(options.timeout.count() + 10000))
            p.kill(), p.waitForFinished(5000);
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            others += "\n  rank " + std::to_string(options.rank + 1 + int(i)) + (result ? " failed: " : " ended: ") + tail(p.readAll());
    }
    if (!result)
        return Error{result.message() + others};
    if (!others.empty())
        return Error{"training finished on rank 0, but another rank did not:" + others};
    return result;
}

} // namespace kiln::cli
