// kiln-cli train --nproc: data-parallel training in several processes on c10d over loopback. Rank 0
// writes the run and it resumes with one process; a killed or hung rank ends the run on every
// rank within the timeout, with a message naming the rank; no process outlives its run.
#include "clirun.h"
#include "data/project.h"
#include "testfiles.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QThread>

#include <gtest/gtest.h>

#include <csignal>

using namespace kiln;
using kiln::test::q;
using kiln::test::TempDir;
namespace fs = std::filesystem;

namespace {

// The processes whose command line holds `needle` (a run folder), from /proc.
std::vector<int> processesWith(const QString &needle)
{
    std::vector<int> pids;
    for (const QString &entry : QDir("/proc").entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool number = false;
        const int pid = entry.toInt(&number);
        if (!number)
            continue;
        QFile f("/proc/" + entry + "/cmdline");
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QByteArray cmd = f.readAll();
        cmd.replace('\0', ' ');
        if (cmd.contains(needle.toUtf8()) && cmd.contains("kiln-cli"))
            pids.push_back(pid);
    }
    return pids;
}

std::string describe(const std::vector<int> &pids)
{
    std::string out;
    for (int pid : pids) {
        QFile f("/proc/" + QString::number(pid) + "/cmdline");
        QByteArray cmd = f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        cmd.replace('\0', ' ');
        out += std::to_string(pid) + ": " + cmd.toStdString() + "\n";
    }
    return out;
}

// Waits up to `ms` for `test`.
template <class F>
bool waitFor(F test, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!test()) {
        if (t.elapsed() > ms)
            return false;
        QThread::msleep(20);
    }
    return true;
}

// A started rank of this run (its command line says --dp-rank), or 0.
int startedRank(const fs::path &runDir)
{
    for (int pid : processesWith(q(runDir)))
        if (QFile f("/proc/" + QString::number(pid) + "/cmdline"); f.open(QIODevice::ReadOnly) && f.readAll().contains("--dp-rank"))
            return pid;
    return 0;
}

void makeProject(const fs::path &proj)
{
    ASSERT_TRUE(Project::create(proj).ok());
    test::makeLearnableDataset(proj / "images", 40, 16);
}

const QStringList kCommon{"--bs", "8", "--lr", "5e-3", "--no-aug", "--threads", "2", "--seed", "5"};

} // namespace

TEST(CliParallel, TwoProcessesTrainOneRunThatResumesWithOne)
{
    TempDir dir;
    ASSERT_NO_FATAL_FAILURE(makeProject(dir / "p"));
    auto two = test::runCli(QStringList{"train", q(dir / "p"), "--nproc", "2", "--epochs", "3", "--out", q(dir / "a"), "--json"} + kCommon);
    ASSERT_EQ(two.code, 0) << two.err.toStdString();
    EXPECT_TRUE(two.err.contains("rank 0 of 2")) << two.err.toStdString();
    const QJsonArray epochs = two.json().value("epochs").toArray();
    ASSERT_EQ(epochs.size(), 3);
    EXPECT_GT(epochs.last().toObject().value("accuracy").toDouble(), 0.9);
    EXPECT_TRUE(fs::exists(dir / "a/run.json"));
    EXPECT_TRUE(fs::exists(dir / "a/checkpoints/last.pt"));
    EXPECT_TRUE(waitFor([&] { return processesWith(q(dir / "a")).empty(); }, 5000)) << describe(processesWith(q(dir / "a")));

    // Kill rank 0 (SIGKILL) after its first checkpoint: the started rank dies with it, and the run
    // resumes in one process from that checkpoint.
    QProcess victim;
    victim.start(KILN_CLI_PATH, QStringList{"train", q(dir / "p"), "--nproc", "2", "--epochs", "40", "--out", q(dir / "b")} + kCommon);
    ASSERT_TRUE(victim.waitForStarted());
    ASSERT_TRUE(waitFor([&] { return fs::exists(dir / "b/checkpoints/last.pt") || victim.state() == QProcess::NotRunning; }, 60000));
    const int child = startedRank(dir / "b");
    victim.kill();
    victim.waitForFinished();
    ASSERT_TRUE(fs::exists(dir / "b/checkpoints/last.pt")) << "the run ended before its first checkpoint";
    EXPECT_GT(child, 0) << "the second rank was not running while the first trained";
    EXPECT_TRUE(waitFor([&] { return processesWith(q(dir / "b")).empty(); }, 10000)) << "a rank outlived its parent";
    auto resumed = test::runCli({"train", "--resume", q(dir / "b"), "--json"});
    ASSERT_EQ(resumed.code, 0) << resumed.err.toStdString();
    EXPECT_EQ(resumed.json().value("epochs").toArray().size(), 40);

    // lr_find would choose differently on each rank: refused, with what to do.
    auto automatic = test::runCli({"train", q(dir / "p"), "--nproc", "2", "--epochs", "1", "--out", q(dir / "c")});
    EXPECT_EQ(automatic.code, 1);
    EXPECT_TRUE(automatic.err.contains("--lr")) << automatic.err.toStdString();
    EXPECT_EQ(test::runCli({"train", q(dir / "p"), "--nproc", "0"}).code, 2);
    EXPECT_EQ(test::runCli({"train", q(dir / "p"), "--nnodes", "2", "--node-rank", "2", "--lr", "1e-3"}).code, 2);
}

TEST(CliParallel, AKilledOrHungRankEndsTheRunOnEveryRankWithinTheTimeout)
{
    TempDir dir;
    ASSERT_NO_FATAL_FAILURE(makeProject(dir / "p"));
    for (const int signal : {SIGKILL, SIGSTOP}) {
        SCOPED_TRACE(signal == SIGKILL ? "killed" : "hung");
        const fs::path run = dir / (signal == SIGKILL ? "killed" : "hung");
        QProcess parent;
        parent.start(KILN_CLI_PATH, QStringList{"train", q(dir / "p"), "--nproc", "2", "--epochs", "5000", "--dp-timeout", "8", "--out",
                                                q(run)} + kCommon);
        ASSERT_TRUE(parent.waitForStarted());
        ASSERT_TRUE(waitFor([&] { return fs::exists(run / "checkpoints/last.pt") || parent.state() == QProcess::NotRunning; }, 60000));
        const int child = startedRank(run);
        ASSERT_GT(child, 0) << parent.readAllStandardError().toStdString();
        ASSERT_EQ(parent.state(), QProcess::Running);
        QElapsedTimer since;
        since.start();
        ::kill(child, signal);
        ASSERT_TRUE(parent.waitForFinished(30000)) << "rank 0 did not end";
        const double seconds = since.elapsed() / 1000.0;
        EXPECT_LT(seconds, 8 + 12.0); // the timeout, and a margin for a loaded (or sanitized) machine
        EXPECT_EQ(parent.exitCode(), 1);
        const QString err = QString::fromUtf8(parent.readAllStandardError());
        EXPECT_TRUE(err.contains("rank 0 of 2")) << err.toStdString();
        EXPECT_TRUE(err.contains("the run ends on every rank")) << err.toStdString();
        EXPECT_TRUE(waitFor([&] { return processesWith(q(run)).empty(); }, 10000)) << "a rank was left behind";
        EXPECT_TRUE(fs::exists(run / "run.json"));
    }
}
