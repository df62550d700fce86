#include "analysis/interpretation.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace kiln;

TEST(Interpretation, ConfusionMatrixMetricsAndMostConfused)
{
    // actual:    a a a a b b b c c c   (and one unknown label, ignored)
    // predicted: a a b c b b a c b b
    const std::vector<int> labels{0, 0, 0, 0, 1, 1, 1, 2, 2, 2, -1};
    const std::vector<int> predicted{0, 0, 1, 2, 1, 1, 0, 2, 1, 1, 0};
    Interpretation in({"a", "b", "c"}, labels, predicted);
    EXPECT_EQ(in.total(), 10u);
    EXPECT_EQ(in.correct(), 5u);
    EXPECT_DOUBLE_EQ(in.accuracy(), 0.5);
    EXPECT_EQ(in.count(0, 0), 2u);
    EXPECT_EQ(in.count(0, 1), 1u);
    EXPECT_EQ(in.count(2, 1), 2u);
    EXPECT_DOUBLE_EQ(in.rowFraction(0, 0), 0.5);
    EXPECT_DOUBLE_EQ(in.rowFraction(2, 1), 2.0 / 3.0);
    // a: tp 2, predicted-as-a 3, support 4; b: tp 2, predicted 5, support 3; c: tp 1, predicted 2, support 3.
    EXPECT_DOUBLE_EQ(in.perClass()[0].precision, 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(in.perClass()[0].recall, 0.5);
    EXPECT_NEAR(in.perClass()[0].f1, 2 * (2.0 / 3.0) * 0.5 / (2.0 / 3.0 + 0.5), 1e-12);
    EXPECT_DOUBLE_EQ(in.perClass()[1].precision, 0.4);
    EXPECT_DOUBLE_EQ(in.perClass()[1].recall, 2.0 / 3.0);
    EXPECT_EQ(in.perClass()[2].support, 3u);
    EXPECT_DOUBLE_EQ(in.perClass()[2].precision, 0.5);
    const auto pairs = in.mostConfused(1);
    ASSERT_EQ(pairs.size(), 4u);
    EXPECT_EQ(pairs[0].actual, 2);
    EXPECT_EQ(pairs[0].predicted, 1);
    EXPECT_EQ(pairs[0].count, 2u);
    EXPECT_EQ(in.mostConfused(2).size(), 1u);
    EXPECT_TRUE(in.mostConfused(3).empty());
}

TEST(Interpretation, EmptyClassesAndInputsDoNotDivideByZero)
{
    Interpretation in({"a", "b"}, {}, {});
    EXPECT_EQ(in.total(), 0u);
    EXPECT_EQ(in.accuracy(), 0);
    EXPECT_EQ(in.rowFraction(1, 0), 0);
    EXPECT_EQ(in.perClass()[1].f1, 0);
    EXPECT_EQ(in.macroF1(), 0);
}

TEST(Interpretation, TopLossesLargestFirstSkippingUnknown)
{
    const std::vector<float> losses{0.5f, NAN, 3.0f, 0.1f, 3.0f, 2.0f};
    const auto top = topLosses(losses, 3);
    ASSERT_EQ(top.size(), 3u);
    EXPECT_EQ(top[0], 2u); // ties keep input order
    EXPECT_EQ(top[1], 4u);
    EXPECT_EQ(top[2], 5u);
    EXPECT_EQ(topLosses(losses, 100).size(), 5u);
    EXPECT_TRUE(topLosses(losses, 0).empty());
}
