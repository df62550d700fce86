// Threads that cannot take Kiln down (issue 17): an exception in a worker becomes a reported
// error, never std::terminate (which would end this test binary).
#include "analysis/tsne.h"
#include "analysis/tsnetrees.h"
#include "core/guardedthread.h"
#include "data/batchloader.h"
#include "testfiles.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

TEST(GuardedThread, AnEscapingExceptionBecomesAnErrorAndWakesTheOwner)
{
    std::mutex m;
    std::condition_variable cv;
    std::string seen;
    GuardedThread t("the test worker", [] { throw std::runtime_error("disk on fire\nbacktrace line"); },
                    [&](const Error &e) {
                        std::lock_guard lock(m);
                        seen = e.message;
                        cv.notify_all();
                    });
    {
        std::unique_lock lock(m);
        ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(10), [&] { return !seen.empty(); }));
    }
    EXPECT_EQ(seen, "the test worker failed: disk on fire"); // the first line only
    auto joined = t.join();
    ASSERT_FALSE(joined.ok());
    EXPECT_EQ(joined.message(), seen);
    EXPECT_FALSE(t.join().ok()); // joining again gives the same outcome
    EXPECT_FALSE(t.joinable());

    GuardedThread fine("a quiet worker", [] {});
    EXPECT_TRUE(fine.join().ok());

    GuardedThread odd("an odd worker", [] { throw 42; });
    EXPECT_EQ(odd.join().message(), "an odd worker failed: an unknown exception");
}

TEST(GuardedThread, MovingAndAssigningJoinsInsteadOfTerminating)
{
    std::atomic<int> ran{0};
    GuardedThread a("a", [&] { ++ran; });
    GuardedThread b("b", [&] { ++ran; throw std::logic_error("b broke"); });
    a = std::move(b); // joins a's thread first: a joinable std::thread is never overwritten
    EXPECT_EQ(a.join().message(), "b failed: b broke");
    EXPECT_EQ(ran.load(), 2);
    std::vector<GuardedThread> pool;
    for (int i = 0; i < 8; ++i)
        pool.emplace_back("pool", [&] { ++ran; });
    pool.clear(); // destructors join
    EXPECT_EQ(ran.load(), 10);
}

TEST(GuardedThread, RunOnThreadsGivesTheFirstFailureAfterAllEnded)
{
    std::atomic<int> started{0}, finished{0};
    auto r = runOnThreads(4, "the shared work", [&] {
        const int me = started.fetch_add(1);
        if (me == 2)
            throw std::runtime_error("unit 2 failed");
        ++finished;
    });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.message(), "the shared work failed: unit 2 failed");
    EXPECT_EQ(started.load(), 4);
    EXPECT_EQ(finished.load(), 3);
    EXPECT_TRUE(runOnThreads(3, "nothing", [] {}).ok());
    EXPECT_TRUE(runOnThreads(0, "on the caller only", [] {}).ok());
}

TEST(BatchLoaderFailure, AWorkerThatThrowsFailsNextInsteadOfTerminatingOrHanging)
{
    TempDir dir;
    std::vector<fs::path> paths;
    for (int i = 0; i < 6; ++i) {
        paths.push_back(dir / ("img" + std::to_string(i) + ".png"));
        test::writeImage(paths.back(), 16, 16);
    }
    auto store = std::make_shared<ImageStore>(paths);
    PipelineConfig pipeline;
    pipeline.size = -1; // a batch of a negative size: LibTorch throws in the worker
    BatchLoader::Options options;
    options.batchSize = 2;
    options.workers = 2;
    BatchLoader loader(store, {0, 1, 2, 3, 4, 5}, {0, 1, 0, 1, 0, 1}, pipeline, options);
    loader.startEpoch(0);
    try {
        (void)loader.next();
        FAIL() << "next() returned a batch that cannot exist";
    } catch (const std::runtime_error &e) {
        EXPECT_NE(std::string(e.what()).find("the batch loader failed"), std::string::npos) << e.what();
    }
    // The loader can start again (and fail again) and be destroyed: no thread is left behind.
    loader.startEpoch(1);
    EXPECT_THROW((void)loader.next(), std::runtime_error);
}

TEST(BatchLoaderFailure, TheCacheFillStopsWhenTheRunIsStopped)
{
    TempDir dir;
    std::vector<fs::path> paths;
    for (int i = 0; i < 40; ++i) {
        paths.push_back(dir / ("img" + std::to_string(i) + ".png"));
        test::writeImage(paths.back(), 16, 16);
    }
    std::atomic<bool> stop{true};
    ImageStore stopped(paths);
    EXPECT_FALSE(stopped.cacheIfFits(1ull << 30, 64, 2, nullptr, &stop));
    EXPECT_FALSE(stopped.cached());
    EXPECT_FALSE(stopped.get(0).empty()); // decodes on demand instead

    stop = false;
    Progress progress;
    ImageStore running(paths);
    EXPECT_TRUE(running.cacheIfFits(1ull << 30, 64, 2, &progress, &stop));
    EXPECT_TRUE(running.cached());
    EXPECT_EQ(progress.done.load(), paths.size());
}

TEST(TsneFailure, AThrowingWorkerOrCallbackBecomesAnError)
{
    // A slice that throws on another thread is thrown again on the caller, after every thread ended.
    std::atomic<int> slices{0};
    try {
        tsnedetail::parallelFor(100, 4, [&](std::size_t begin, std::size_t) {
            ++slices;
            if (begin >= 50)
                throw std::runtime_error("slice broke");
        });
        FAIL() << "no failure reported";
    } catch (const std::runtime_error &e) {
        EXPECT_EQ(std::string(e.what()), "a t-SNE worker failed: slice broke");
    }
    EXPECT_EQ(slices.load(), 4);

    std::vector<float> data;
    for (int i = 0; i < 40 * 3; ++i)
        data.push_back(float((i * 37) % 11));
    TsneOptions options;
    options.perplexity = 5;
    options.iterations = 60;
    options.reportEvery = 10;
    options.threads = 2;
    options.onLayout = [](int, const std::vector<float> &, double) { throw std::runtime_error("the view is gone"); };
    auto r = runTsne(data, 40, 3, options);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("the view is gone"), std::string::npos) << r.message();
}
