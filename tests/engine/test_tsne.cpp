#include "analysis/tsne.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace kiln;

namespace {

// `clusters` Gaussian blobs in `dims` dimensions, `per` points each, centres far apart.
std::vector<float> blobs(int clusters, int per, int dims, std::vector<int> *labels = nullptr, unsigned seed = 7)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> noise(0.f, 1.f);
    std::vector<float> centres(std::size_t(clusters * dims));
    for (auto &c : centres)
        c = noise(rng) * 8.f;
    std::vector<float> out;
    for (int c = 0; c < clusters; ++c)
        for (int i = 0; i < per; ++i) {
            for (int d = 0; d < dims; ++d)
                out.push_back(centres[std::size_t(c * dims + d)] + noise(rng));
            if (labels)
                labels->push_back(c);
        }
    return out;
}

} // namespace

TEST(Tsne, ClustersStayTogetherTrustworthily)
{
    const int dims = 60, per = 80, clusters = 8;
    std::vector<int> labels;
    const auto data = blobs(clusters, per, dims, &labels);
    const std::size_t n = std::size_t(per * clusters);
    TsneOptions o;
    o.iterations = 500;
    o.threads = 2;
    int reports = 0;
    double firstKl = 0, lastKl = 0;
    o.onLayout = [&](int, const std::vector<float> &layout, double kl) {
        EXPECT_EQ(layout.size(), 2 * n);
        if (reports++ == 0)
            firstKl = kl;
        lastKl = kl;
    };
    auto r = runTsne(data, n, dims, o);
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_EQ(r->layout.size(), 2 * n);
    EXPECT_EQ(reports, 500 / o.reportEvery);
    EXPECT_LT(lastKl, firstKl);
    EXPECT_NEAR(r->kl, lastKl, 1e-9);
    EXPECT_GT(r->kl, 0);
    const double t = trustworthiness(data, dims, r->layout, 2, n, 10);
    EXPECT_GE(t, 0.9) << "trustworthiness " << t;
    // Each point's nearest neighbour in the layout is of its own cluster.
    std::size_t agree = 0;
    for (std::size_t i = 0; i < n; ++i) {
        float best = 1e30f;
        std::size_t nearest = i;
        for (std::size_t j = 0; j < n; ++j) {
            if (j == i)
                continue;
            const float dx = r->layout[2 * i] - r->layout[2 * j], dy = r->layout[2 * i + 1] - r->layout[2 * j + 1];
            if (dx * dx + dy * dy < best) {
                best = dx * dx + dy * dy;
                nearest = j;
            }
        }
        agree += labels[i] == labels[nearest];
    }
    EXPECT_GE(double(agree) / double(n), 0.98);
}

TEST(Tsne, SameSeedSameLayoutWhateverTheThreads)
{
    const auto data = blobs(4, 50, 20);
    TsneOptions o;
    o.iterations = 200;
    o.perplexity = 15;
    o.threads = 1;
    auto a = runTsne(data, 200, 20, o);
    o.threads = 3;
    auto b = runTsne(data, 200, 20, o);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->layout, b->layout);
    EXPECT_EQ(a->kl, b->kl);
}

TEST(Tsne, BadInputAndCancelGiveErrors)
{
    const auto data = blobs(2, 10, 5);
    EXPECT_FALSE(runTsne(data, 3, 5).ok());                // too few points
    EXPECT_FALSE(runTsne(data, 20, 4).ok());               // not n x dims
    TsneOptions o;
    o.perplexity = 19;
    EXPECT_FALSE(runTsne(data, 20, 5, o).ok());            // perplexity too large for 20 points
    auto nan = data;
    nan[3] = NAN;
    TsneOptions fits; // a perplexity 20 points allow, so that the NaN is what fails
    fits.perplexity = 5;
    const auto withNan = runTsne(nan, 20, 5, fits);
    ASSERT_FALSE(withNan.ok());
    EXPECT_NE(withNan.message().find("NaN"), std::string::npos) << withNan.message();
    Progress progress;
    progress.cancel = true;
    o.perplexity = 5;
    auto cancelled = runTsne(data, 20, 5, o, &progress);
    ASSERT_FALSE(cancelled.ok());
    EXPECT_NE(cancelled.message().find("cancelled"), std::string::npos);
}

TEST(Tsne, ExactAndApproximateRepulsionAgree)
{
    // theta = 0 is exact t-SNE; theta = 0.5 must find nearly as good a layout.
    const auto data = blobs(3, 40, 10);
    TsneOptions o;
    o.iterations = 300;
    o.perplexity = 10;
    o.theta = 0;
    auto exact = runTsne(data, 120, 10, o);
    o.theta = 0.5;
    auto approx = runTsne(data, 120, 10, o);
    ASSERT_TRUE(exact.ok() && approx.ok());
    EXPECT_NEAR(approx->kl, exact->kl, 0.05 * exact->kl + 0.02);
}

TEST(Tsne, TrustworthinessOfAPerfectAndAShuffledLayout)
{
    std::mt19937 rng(3);
    std::uniform_real_distribution<float> u(0.f, 1.f);
    std::vector<float> pts(400);
    for (auto &v : pts)
        v = u(rng);
    EXPECT_NEAR(trustworthiness(pts, 2, pts, 2, 200, 5), 1.0, 1e-12);
    std::vector<float> shuffled(pts);
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    EXPECT_LT(trustworthiness(pts, 2, shuffled, 2, 200, 5), 0.7);
}
