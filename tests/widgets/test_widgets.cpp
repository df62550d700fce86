#include "confusionmatrixmodel.h"
#include "confusionmatrixview.h"
#include "embeddingscatter.h"
#include "lossitemmodel.h"
#include "data/datasetindex.h"
#include "galleryview.h"
#include "progresspanel.h"
#include "samplemodel.h"
#include "testfiles.h"
#include "thumbnailcache.h"

#include "core/progress.h"

#include <QSignalSpy>
#include <QTest>

#include <QApplication>
#include <QScrollBar>
#include <QWheelEvent>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace kiln;
using kiln::test::TempDir;

namespace {

std::shared_ptr<const DatasetIndex> makeIndex(const TempDir &dir)
{
    test::makeDataset(dir / "train", {"cat", "dog", "emu"}, 4, 200);
    test::makeDataset(dir / "valid", {"cat", "dog", "emu"}, 2, 200);
    test::writeText(dir / "train/dog/broken.png", "<html>oops</html>");
    auto index = DatasetIndex::scan(dir.path());
    return std::make_shared<const DatasetIndex>(std::move(index).value());
}

} // namespace

TEST(ThumbnailCache, DecodesOffThreadAndCaches)
{
    TempDir dir;
    auto index = makeIndex(dir);
    ThumbnailCache cache;
    cache.setThumbnailSize(64);
    cache.setIndex(index);
    QSignalSpy spy(&cache, &ThumbnailCache::thumbnailsReady);
    EXPECT_TRUE(cache.thumbnail(0).isNull()); // not ready yet: the call never blocks
    ASSERT_TRUE(spy.wait(5000));
    const QImage img = cache.thumbnail(0);
    ASSERT_FALSE(img.isNull());
    EXPECT_LE(std::max(img.width(), img.height()), 64);
    EXPECT_GT(img.width(), 32);
}

TEST(ThumbnailCache, UndecodableFilesAreMarkedFailed)
{
    TempDir dir;
    auto index = makeIndex(dir);
    int broken = -1;
    for (std::size_t i = 0; i < index->size(); ++i)
        if (index->samples()[i].relPath.find("broken") != std::string::npos)
            broken = int(i);
    ASSERT_GE(broken, 0);
    ThumbnailCache cache;
    cache.setIndex(index);
    QSignalSpy spy(&cache, &ThumbnailCache::thumbnailsReady);
    cache.thumbnail(broken);
    ASSERT_TRUE(spy.wait(5000));
    EXPECT_TRUE(cache.isFailed(broken));
    EXPECT_TRUE(cache.thumbnail(broken).isNull());
}

TEST(SampleModel, FiltersByClassAndSplit)
{
    TempDir dir;
    auto index = makeIndex(dir);
    ThumbnailCache cache;
    SampleModel model(&cache);
    model.setIndex(index);
    SampleFilterModel filter;
    filter.setSourceModel(&model);
    EXPECT_EQ(model.rowCount(), 19);
    EXPECT_EQ(filter.rowCount(), 19);
    filter.setClassFilter(index->classIndex("dog"));
    EXPECT_EQ(filter.rowCount(), 7);
    filter.setSplitFilter(int(Split::Valid));
    EXPECT_EQ(filter.rowCount(), 2);
    filter.setClassFilter(-1);
    EXPECT_EQ(filter.rowCount(), 6);
    const QModelIndex first = filter.index(0, 0);
    EXPECT_EQ(first.data(SampleModel::SplitRole).toInt(), int(Split::Valid));
    EXPECT_TRUE(first.data(SampleModel::RelPathRole).toString().startsWith("valid/"));
}

TEST(GalleryView, PaintsOnlyVisibleThumbnails)
{
    TempDir dir;
    test::makeDataset(dir.path(), {"a", "b"}, 150, 24);
    auto index = std::make_shared<const DatasetIndex>(DatasetIndex::scan(dir.path()).value());
    ThumbnailCache cache;
    SampleModel model(&cache);
    model.setIndex(index);
    GalleryView view;
    view.setModel(&model);
    view.resize(400, 300);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&cache, &ThumbnailCache::thumbnailsReady);
    view.viewport()->repaint();
    ASSERT_TRUE(spy.wait(5000));
    QTest::qWait(200);
    int cached = 0;
    for (int i = 0; i < 300; ++i)
        cached += cache.isFailed(i) ? 0 : (cache.thumbnail(i).isNull() ? 0 : 1);
    EXPECT_GT(cached, 0);
    EXPECT_LT(cached, 60) << "off-screen rows must not be decoded";
}

TEST(ProgressPanel, ShowsCountRateAndTimeLeft)
{
    Progress progress;
    progress.total = 1000;
    ProgressPanel panel;
    panel.start("Verifying", &progress);
    QTest::qWait(150);
    progress.done = 500;
    QTest::qWait(250);
    const QString text = panel.statusText();
    EXPECT_TRUE(text.contains("500")) << text.toStdString();
    EXPECT_TRUE(text.contains("1,000") || text.contains("1000")) << text.toStdString();
    EXPECT_TRUE(text.contains("left")) << text.toStdString();
    panel.finish();
    EXPECT_FALSE(panel.isRunning());
    EXPECT_EQ(ProgressPanel::formatDuration(75), "1:15");
    EXPECT_EQ(ProgressPanel::formatDuration(3725), "1:02:05");
}

TEST(ConfusionMatrixView, HundredTwentyClassesScrollZoomAndHitTest)
{
    std::vector<std::string> classes;
    std::vector<int> labels, predicted;
    for (int c = 0; c < 120; ++c) {
        classes.push_back("class number " + std::to_string(c));
        for (int k = 0; k < 5; ++k) {
            labels.push_back(c);
            predicted.push_back(k == 0 ? (c + 1) % 120 : c);
        }
    }
    ConfusionMatrixModel model;
    model.setInterpretation(Interpretation(classes, labels, predicted));
    EXPECT_EQ(model.rowCount(), 120);
    EXPECT_EQ(model.index(3, 4).data(ConfusionMatrixModel::CountRole).toInt(), 1);
    EXPECT_DOUBLE_EQ(model.index(3, 3).data(ConfusionMatrixModel::FractionRole).toDouble(), 0.8);
    EXPECT_TRUE(model.index(3, 4).data(Qt::ToolTipRole).toString().contains("class number 4"));

    ConfusionMatrixView view;
    view.resize(600, 500);
    view.setModel(&model);
    view.show();
    QTest::qWait(20);
    EXPECT_GE(view.cellSize(), 8); // fitted, never smaller than readable
    EXPECT_TRUE(view.horizontalScrollBar()->maximum() > 0); // 120 classes scroll
    const int before = view.cellSize();
    view.zoomIn();
    EXPECT_GT(view.cellSize(), before);
    view.setCellSize(30);
    view.ensureVisible(0, 0);
    const QPoint c = view.cellCenter(2, 3);
    EXPECT_EQ(view.cellAt(c), QPoint(2, 3));
    QSignalSpy clicked(&view, &ConfusionMatrixView::cellClicked);
    QTest::mouseClick(view.widget(), Qt::LeftButton, {}, view.widget()->mapFrom(view.viewport(), c));
    ASSERT_EQ(clicked.size(), 1);
    EXPECT_EQ(clicked.front().at(0).toInt(), 2);
    EXPECT_EQ(clicked.front().at(1).toInt(), 3);
    const QImage shot = view.grab().toImage();
    EXPECT_FALSE(shot.isNull());
}

TEST(LossItemModel, ChoicesSurviveFilteringAndSortByLoss)
{
    LossItemModel model;
    std::vector<LossItem> items;
    for (int i = 0; i < 6; ++i)
        items.push_back({QString("/x/%1.png").arg(i), i % 2, i % 3 == 0 ? 0 : 1, float(i), 0.5f, 0.5f, true, i});
    model.setItems({"a", "b"}, items);
    LossFilterModel filter;
    filter.setSourceModel(&model);
    filter.sort(0);
    EXPECT_EQ(filter.index(0, 0).data(LossItemModel::LossRole).toDouble(), 5.0);
    model.setDecision({model.index(1), model.index(4)}, {CleanChoice::Delete, -1});
    model.setDecision({model.index(2)}, {CleanChoice::Relabel, 1});
    model.setDecision({model.index(3)}, {CleanChoice::Keep, -1});
    filter.setActualClass(0);
    EXPECT_EQ(filter.rowCount(), 3);
    filter.setPredictedClass(1);
    EXPECT_EQ(filter.rowCount(), 2);
    filter.setActualClass(-1);
    filter.setPredictedClass(-1);
    EXPECT_EQ(filter.rowCount(), 6);
    EXPECT_EQ(model.pendingEdits().size(), 3);
    EXPECT_EQ(model.keptCount(), 1);
    EXPECT_EQ(model.index(2).data(LossItemModel::ChoiceTextRole).toString(), QString::fromUtf8("→ b"));
    filter.setOnlyMistakes(true);
    EXPECT_EQ(filter.rowCount(), 3); // rows 2, 3 and 4 have actual != predicted
    model.clearDecisions({"/x/1.png"});
    EXPECT_EQ(model.pendingEdits().size(), 2);
}

TEST(EmbeddingScatter, SeventyThousandPointsSelectHideAndZoom)
{
    std::vector<float> xy;
    std::vector<int> classes;
    std::vector<char> wrong;
    for (int i = 0; i < 70000; ++i) {
        xy.push_back(float(i % 350)); // a 350 x 200 grid
        xy.push_back(float(i / 350));
        classes.push_back(i % 10);
        wrong.push_back(i % 7 == 0);
    }
    EmbeddingScatter scatter;
    scatter.resize(700, 500);
    scatter.setPoints(xy, classes, wrong, {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"});
    scatter.show();
    QTest::qWait(20);
    EXPECT_FALSE(scatter.grab().isNull());
    QSignalSpy selected(&scatter, &EmbeddingScatter::selectionChanged);
    // The left half of the grid: points with x < 175.
    const QPointF a = scatter.pointPosition(0), b = scatter.pointPosition(174 + 350 * 199);
    scatter.selectInRect(QRectF(a - QPointF(1, -1), b + QPointF(1, -1)).normalized());
    ASSERT_EQ(selected.size(), 1);
    EXPECT_EQ(scatter.selection().size(), 35000u);
    // Hidden classes are not selected: class 3 has x = 3, 13, ..., 173 in the left half (18 x 200).
    scatter.setClassVisible(3, false);
    scatter.selectInRect(QRectF(a - QPointF(1, -1), b + QPointF(1, -1)).normalized());
    EXPECT_EQ(scatter.selection().size(), 35000u - 18u * 200u);
    // Zooming keeps the point under the cursor in place.
    const QPointF before = scatter.pointPosition(35175);
    QWheelEvent wheel(before, scatter.mapToGlobal(before), {}, QPoint(0, 240), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(&scatter, &wheel);
    EXPECT_GT(scatter.zoom(), 1.4);
    EXPECT_NEAR(scatter.pointPosition(35175).x(), before.x(), 1.0);
    EXPECT_NEAR(scatter.pointPosition(35175).y(), before.y(), 1.0);
    EXPECT_EQ(scatter.pointAt(scatter.pointPosition(35175).toPoint(), 0.8), 35175);
}
