// Precision-recall and ROC against values computed by hand (scikit-learn's definitions).
#include "analysis/curves.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace kiln;

TEST(Curves, PrecisionRecallAndRocByHand)
{
    // Positives at 0.9, 0.7, 0.6; negatives at 0.8, 0.55, 0.4.
    const ClassCurves c = oneVsRestCurves({0.9f, 0.8f, 0.7f, 0.6f, 0.55f, 0.4f}, {1, 0, 1, 1, 0, 0});
    EXPECT_EQ(c.positives, 3u);
    EXPECT_EQ(c.negatives, 3u);
    ASSERT_EQ(c.pr.size(), 6u);
    const double precision[] = {1.0, 0.5, 2.0 / 3, 0.75, 0.6, 0.5}, recall[] = {1.0 / 3, 1.0 / 3, 2.0 / 3, 1, 1, 1};
    for (std::size_t i = 0; i < 6; ++i) {
        EXPECT_NEAR(c.pr[i].y, precision[i], 1e-12) << i;
        EXPECT_NEAR(c.pr[i].x, recall[i], 1e-12) << i;
    }
    EXPECT_NEAR(c.pr[2].threshold, 0.7, 1e-6);
    // AP = 1/3 * 1 + 1/3 * 2/3 + 1/3 * 3/4.
    EXPECT_NEAR(c.averagePrecision, 1.0 / 3 + 2.0 / 9 + 0.25, 1e-12);
    // AUC: of the 9 positive-negative pairs, 7 are ordered right.
    EXPECT_NEAR(c.auc, 7.0 / 9, 1e-12);
    ASSERT_EQ(c.roc.size(), 7u);
    EXPECT_TRUE(std::isinf(c.roc.front().threshold));
    EXPECT_EQ(c.roc.front().x, 0);
    EXPECT_EQ(c.roc.back().x, 1);
    EXPECT_EQ(c.roc.back().y, 1);
    EXPECT_NEAR(c.roc[2].x, 1.0 / 3, 1e-12); // after 0.8: one false positive
    EXPECT_NEAR(c.roc[2].y, 1.0 / 3, 1e-12);
}

TEST(Curves, TiesAreOneThresholdAndEdgeCasesAreNaN)
{
    // A tie of a positive and a negative counts half in the AUC, once in the curve.
    const ClassCurves tie = oneVsRestCurves({0.5f, 0.5f}, {1, 0});
    ASSERT_EQ(tie.pr.size(), 1u);
    EXPECT_NEAR(tie.pr[0].y, 0.5, 1e-12);
    EXPECT_NEAR(tie.auc, 0.5, 1e-12);
    EXPECT_NEAR(tie.averagePrecision, 0.5, 1e-12);
    EXPECT_TRUE(std::isnan(oneVsRestCurves({0.3f, 0.2f}, {0, 0}).averagePrecision));
    EXPECT_TRUE(std::isnan(oneVsRestCurves({0.3f, 0.2f}, {1, 1}).auc));
    EXPECT_NEAR(oneVsRestCurves({0.9f, 0.1f}, {1, 0}).auc, 1.0, 1e-12);
    EXPECT_TRUE(oneVsRestCurves({}, {}).pr.empty());
    // A score that is not a number (a diverged model) is left out, not looped on.
    const ClassCurves nan = oneVsRestCurves({NAN, 0.9f, 0.1f}, {0, 1, 0});
    EXPECT_EQ(nan.positives + nan.negatives, 2u);
    EXPECT_NEAR(nan.auc, 1.0, 1e-12);
}

TEST(Curves, ClassOfASoftmaxMatrixSkipsUnknownLabels)
{
    // Three classes, four images; the third is unlabelled.
    const std::vector<float> probs{0.7f, 0.2f, 0.1f, 0.1f, 0.8f, 0.1f, 0.6f, 0.3f, 0.1f, 0.3f, 0.3f, 0.4f};
    const ClassCurves c = classCurves(probs, 3, {0, 1, -1, 0}, 0);
    EXPECT_EQ(c.positives, 2u);
    EXPECT_EQ(c.negatives, 1u);
    EXPECT_NEAR(c.auc, 1.0, 1e-12); // 0.7 and 0.3 above the negative's 0.1
    EXPECT_TRUE(classCurves(probs, 3, {0, 1, -1, 0}, 5).pr.empty());
}
