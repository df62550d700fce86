// Data-parallel communication on c10d: two ranks (threads here, over loopback) average their
// gradients in buckets, sum counts, share rank 0's weights; each takes its slice of a global
// batch; a rank that never comes is an error within the timeout, not a hang.
#include "testfiles.h"
#include "data/batchloader.h"
#include "train/distributed.h"

#include <gtest/gtest.h>


#include <chrono>
#include <thread>

using namespace kiln;

namespace {

// The items of `order` that rankShare gives a rank.
std::vector<std::int64_t> rankSlice(const std::vector<std::int64_t> &order, std::size_t batch, std::size_t globalBatch, int rank,
                                    int world)
{
    const auto [from, to] = rankShare(order.size(), batch, globalBatch, rank, world);
    return std::vector<std::int64_t>(order.begin() + std::ptrdiff_t(from), order.begin() + std::ptrdiff_t(to));
}

} // namespace


TEST(DataParallel, TwoRanksAverageGradientsInBucketsAndSumCounts)
{
    const int port = freeLoopbackPort();
    ASSERT_GT(port, 0);
    std::string errors[2];
    torch::Tensor results[2][3];
    std::size_t bytes[2] = {0, 0};
    auto rank = [&](int r) {
        DistributedOptions o;
        o.rank = r;
        o.world = 2;
        o.masterPort = port;
        o.timeout = std::chrono::seconds(20);
        o.bucketBytes = 64; // several buckets: 16 floats at most each
        auto dp = DataParallel::connect(o);
        if (!dp) {
            errors[r] = dp.message();
            return;
        }
        torch::NoGradGuard none;
        auto a = torch::zeros({10}), b = torch::zeros({3, 4}), c = torch::zeros({2});
        a.mutable_grad() = torch::full({10}, double(r + 1));
        b.mutable_grad() = torch::arange(12, torch::kFloat).view({3, 4}) * double(r == 0 ? 1 : 3);
        // c has no gradient: skipped on both ranks.
        if (auto avg = (*dp)->averageGradients({a, b, c}); !avg) {
            errors[r] = avg.message();
            return;
        }
        bytes[r] = (*dp)->lastReducedBytes();
        auto count = torch::tensor({double(10 * (r + 1))}, torch::kDouble);
        if (auto s = (*dp)->sumInPlace(count); !s) {
            errors[r] = s.message();
            return;
        }
        auto w = torch::full({4}, double(r == 0 ? 7 : -1));
        if (auto bc = (*dp)->broadcastFromRankZero({w}); !bc) {
            errors[r] = bc.message();
            return;
        }
        results[r][0] = a.grad().clone();
        results[r][1] = b.grad().clone();
        results[r][2] = torch::cat({count.to(torch::kFloat), w});
        if (auto done = (*dp)->barrier(); !done)
            errors[r] = done.message();
    };
    std::thread t1(rank, 1);
    rank(0);
    t1.join();
    for (int r = 0; r < 2; ++r) {
        ASSERT_EQ(errors[r], "") << "rank " << r;
        EXPECT_TRUE(torch::allclose(results[r][0], torch::full({10}, 1.5)));
        EXPECT_TRUE(torch::allclose(results[r][1], torch::arange(12, torch::kFloat).view({3, 4}) * 2.0));
        EXPECT_TRUE(torch::allclose(results[r][2], torch::tensor({30.f, 7.f, 7.f, 7.f, 7.f})));
        EXPECT_EQ(bytes[r], (10 + 12) * sizeof(float));
    }
}

TEST(DataParallel, ARankThatNeverComesIsAnErrorWithinTheTimeout)
{
    DistributedOptions o;
    o.rank = 0;
    o.world = 2;
    o.masterPort = freeLoopbackPort();
    o.timeout = std::chrono::seconds(2);
    const auto start = std::chrono::steady_clock::now();
    auto dp = DataParallel::connect(o);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_FALSE(dp);
    EXPECT_NE(dp.message().find("rank 0 of 2"), std::string::npos) << dp.message();
    EXPECT_LT(seconds, 15.0);

    DistributedOptions bad;
    bad.rank = 2;
    bad.world = 2;
    EXPECT_FALSE(DataParallel::connect(bad));
    bad.rank = 1;
    bad.masterPort = 0;
    EXPECT_FALSE(DataParallel::connect(bad));
}

TEST(DataParallel, EachRankTakesItsSliceOfAGlobalBatch)
{
    std::vector<std::int64_t> order{9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
    using V = std::vector<std::int64_t>;
    EXPECT_EQ(rankSlice(order, 0, 4, 0, 2), V({9, 8}));
    EXPECT_EQ(rankSlice(order, 0, 4, 1, 2), V({7, 6}));
    EXPECT_EQ(rankSlice(order, 1, 4, 1, 2), V({3, 2}));
    EXPECT_EQ(rankSlice(order, 2, 4, 0, 2), V({1}));  // the last batch: 2 items
    EXPECT_EQ(rankSlice(order, 2, 4, 1, 2), V({0}));
    EXPECT_EQ(rankSlice(order, 3, 3, 0, 2), V({0})); // 1 item: rank 1 gets none
    EXPECT_EQ(rankSlice(order, 3, 3, 1, 2), V());
    EXPECT_EQ(rankSlice(order, 5, 4, 0, 2), V()); // past the end
    // The slices of one batch are disjoint and cover it.
    V all;
    for (int r = 0; r < 3; ++r) {
        const V s = rankSlice(order, 0, 7, r, 3);
        all.insert(all.end(), s.begin(), s.end());
    }
    EXPECT_EQ(all, V({9, 8, 7, 6, 5, 4, 3}));
}
