#include "train/schedule.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace kiln;

namespace {
// The formula as fastai writes it, independently of the implementation.
double cosFormula(double start, double end, double pos) { return start + (1 + std::cos(M_PI * (1 - pos))) * (end - start) / 2; }
} // namespace

TEST(Schedule, CosineAndExponentialSegments)
{
    EXPECT_DOUBLE_EQ(schedCos(1, 3, 0), 1);
    EXPECT_DOUBLE_EQ(schedCos(1, 3, 1), 3);
    EXPECT_DOUBLE_EQ(schedCos(1, 3, 0.5), 2);
    EXPECT_NEAR(schedCos(0.2, 0.9, 0.3), cosFormula(0.2, 0.9, 0.3), 1e-15);
    EXPECT_DOUBLE_EQ(schedExp(1e-7, 10, 0), 1e-7);
    EXPECT_NEAR(schedExp(1e-7, 10, 1), 10, 1e-12);
    EXPECT_NEAR(schedExp(1e-7, 10, 0.5), std::sqrt(1e-6), 1e-15);
}

TEST(Schedule, OneCycleMatchesFastai)
{
    OneCycle c;
    c.lrMax = 1e-2;
    // lr: lr_max/div -> lr_max over the first 25 %, then -> lr_max/div_final.
    EXPECT_NEAR(c.lr(0.0), 1e-2 / 25, 1e-15);
    EXPECT_NEAR(c.lr(0.25), 1e-2, 1e-15);
    EXPECT_NEAR(c.lr(1.0), 1e-2 / 1e5, 1e-15);
    for (double pos : {0.05, 0.1, 0.2}) {
        EXPECT_NEAR(c.lr(pos), cosFormula(1e-2 / 25, 1e-2, pos / 0.25), 1e-15) << pos;
        EXPECT_NEAR(c.mom(pos), cosFormula(0.95, 0.85, pos / 0.25), 1e-15) << pos;
    }
    for (double pos : {0.3, 0.5, 0.9, 0.999}) {
        EXPECT_NEAR(c.lr(pos), cosFormula(1e-2, 1e-7, (pos - 0.25) / 0.75), 1e-15) << pos;
        EXPECT_NEAR(c.mom(pos), cosFormula(0.85, 0.95, (pos - 0.25) / 0.75), 1e-15) << pos;
    }
    EXPECT_NEAR(c.mom(0), 0.95, 1e-15);
    EXPECT_NEAR(c.mom(0.25), 0.85, 1e-15);
    // fine_tune's frozen phase: pct_start 0.99.
    OneCycle frozen;
    frozen.lrMax = 2e-3;
    frozen.pctStart = 0.99;
    EXPECT_NEAR(frozen.lr(0.495), cosFormula(2e-3 / 25, 2e-3, 0.5), 1e-15);
}

TEST(Schedule, DiscriminativeLearningRates)
{
    const auto spread = sliceLrs(1e-5, 1e-3, 3);
    ASSERT_EQ(spread.size(), 3u);
    EXPECT_NEAR(spread[0], 1e-5, 1e-18);
    EXPECT_NEAR(spread[1], 1e-4, 1e-17);
    EXPECT_NEAR(spread[2], 1e-3, 1e-16);
    const auto single = sliceLrs(1e-3, 3);
    EXPECT_EQ(single, (std::vector<double>{1e-4, 1e-4, 1e-3}));
}

TEST(Schedule, LrFindRateIsExponential)
{
    EXPECT_DOUBLE_EQ(lrFindRate(1e-7, 10, 0, 100), 1e-7);
    EXPECT_NEAR(lrFindRate(1e-7, 10, 50, 100), std::sqrt(1e-7 * 10), 1e-12);
}

TEST(Schedule, SuggestionsOnAKnownCurve)
{
    // 100 points: the loss falls from 3 to a minimum at point 70, then rises steeply.
    std::vector<double> lrs, losses;
    for (int i = 0; i < 100; ++i) {
        lrs.push_back(lrFindRate(1e-7, 10, i, 100));
        const double x = i / 100.0;
        losses.push_back(i <= 70 ? 3.0 - 2.0 * x * x / 0.49 : 1.0 + 40.0 * (x - 0.7) * (x - 0.7));
    }
    const auto s = suggestLearningRates(lrs, losses, 100);
    ASSERT_TRUE(s.valid);
    // Trimmed curve: points 10..94. minimum at point 70 -> lr/10.
    EXPECT_NEAR(s.minimum, lrs[70] / 10, 1e-15);
    // The loss falls monotonically over trimmed points 0..60, so fastai's valley computes
    // max_start = max_end - lds = 60 - 61 = -1, sections = 61/3, idx = -1 + 20 + 10 = 29 (point 39).
    EXPECT_NEAR(s.valley, lrs[10 + 29], 1e-15);
    // Steepest descent against log(lr): the fall is steepest just before the minimum.
    EXPECT_NEAR(s.steep, lrs[69], 1e-15);
    EXPECT_GT(s.slide, 0);
    EXPECT_LE(s.slide, lrs[94]);
}

TEST(Schedule, SuggestionsStopAtNaNAndNeedPoints)
{
    std::vector<double> lrs, losses;
    for (int i = 0; i < 100; ++i) {
        lrs.push_back(lrFindRate(1e-7, 10, i, 100));
        losses.push_back(i < 50 ? 2.0 - i * 0.01 : std::nan(""));
    }
    const auto s = suggestLearningRates(lrs, losses, 100);
    ASSERT_TRUE(s.valid);
    EXPECT_NEAR(s.minimum, lrs[49] / 10, 1e-15);
    EXPECT_FALSE(suggestLearningRates({1, 2, 3}, {1, 2, 3}, 100).valid);
}
