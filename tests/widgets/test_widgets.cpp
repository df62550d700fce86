#include "data/datasetindex.h"
#include "galleryview.h"
#include "progresspanel.h"
#include "samplemodel.h"
#include "testfiles.h"
#include "thumbnailcache.h"

#include "core/progress.h"

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
