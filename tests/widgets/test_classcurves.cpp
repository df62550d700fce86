// The Analyze page's Curves view: one class's precision-recall and ROC from saved predictions.
#include "classcurvesplot.h"
#include "qcustomplot_include.h"

#include <QComboBox>
#include <QLocale>

#include <gtest/gtest.h>

using namespace kiln;

TEST(ClassCurvesPlot, ShowsTheClassCurvesWithTheirFiguresAndThresholdsOnHover)
{
    QLocale::setDefault(QLocale::c());
    ClassCurvesPlot plot;
    plot.resize(600, 400);
    plot.show();
    // Two classes; class "b" scores 0.9, 0.7, 0.6 for its images and 0.8, 0.55, 0.4 for the others;
    // the last row is not counted.
    const std::vector<float> probs{0.1f, 0.9f, 0.2f, 0.8f, 0.3f, 0.7f, 0.4f, 0.6f, 0.45f, 0.55f, 0.6f, 0.4f, 0.5f, 0.5f};
    plot.setData({"a", "b"}, probs, {1, 0, 1, 1, 0, 0, -1});
    plot.classBox()->setCurrentIndex(1);
    EXPECT_NEAR(plot.curves().averagePrecision, 1.0 / 3 + 2.0 / 9 + 0.25, 1e-9);
    EXPECT_NEAR(plot.curves().auc, 7.0 / 9, 1e-9);
    EXPECT_TRUE(plot.summary().contains("average precision 0.806")) << plot.summary().toStdString();
    EXPECT_TRUE(plot.summary().contains("ROC AUC 0.778")) << plot.summary().toStdString();
    auto *curve = qobject_cast<QCPCurve *>(plot.plot()->plottable(0));
    ASSERT_NE(curve, nullptr);
    EXPECT_EQ(curve->dataCount(), 6);
    // Hovering the point at recall 2/3, precision 2/3 names its threshold.
    plot.plot()->replot();
    const QPointF at(plot.plot()->xAxis->coordToPixel(2.0 / 3), plot.plot()->yAxis->coordToPixel(2.0 / 3));
    EXPECT_EQ(plot.textAt(at), "threshold 0.700: precision 0.667, recall 0.667");
    EXPECT_TRUE(plot.textAt(QPointF(-500, -500)).isEmpty());
    plot.kindBox()->setCurrentIndex(1); // ROC: from (0, 0) to (1, 1)
    EXPECT_EQ(curve->dataCount(), 7);
    EXPECT_TRUE(plot.textAt(QPointF(plot.plot()->xAxis->coordToPixel(1.0 / 3), plot.plot()->yAxis->coordToPixel(1.0 / 3)))
                    .startsWith("threshold 0.800"));
    // Class "a" of two: its scores and labels are b's mirrored, so its ROC has the same area.
    plot.classBox()->setCurrentIndex(0);
    EXPECT_NEAR(plot.curves().auc, 7.0 / 9, 1e-9);
    EXPECT_EQ(plot.curves().positives, 3u);
    plot.clear();
    EXPECT_EQ(plot.classBox()->count(), 0);
}
