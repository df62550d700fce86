#include "datasetpage.h"
#include "mainwindow.h"
#include "testfiles.h"

#include "data/datasetindex.h"
#include "data/project.h"
#include "galleryview.h"
#include "imagepreview.h"
#include "samplemodel.h"
#include "verifyfailuremodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

TEST(DatasetPage, LoadsFiltersPreviewsAndVerifies)
{
    TempDir dir;
    ASSERT_TRUE(Project::create(dir.path()).ok());
    test::makeDataset(dir / "images", {"apple", "pear"}, 6, 40);
    test::writeTruncated(dir / "images/pear/cut.jpg", ".jpg");
    test::writeText(dir / "images/apple/zero.png", "");

    DatasetPage page;
    page.resize(1100, 700);
    page.show();
    QSignalSpy loaded(&page, &DatasetPage::datasetLoaded);
    page.setDataset(dir / "images", dir.path(), 0.25, 42);
    ASSERT_TRUE(loaded.wait(5000));
    EXPECT_EQ(loaded.front().at(0).toInt(), 14);
    EXPECT_EQ(loaded.front().at(1).toInt(), 2);
    EXPECT_EQ(page.filterModel()->rowCount(), 14);

    page.classFilterBox()->setCurrentIndex(2); // "pear"
    EXPECT_EQ(page.filterModel()->rowCount(), 7);
    page.classFilterBox()->setCurrentIndex(0);

    // Selecting an image shows it large with its label.
    QSignalSpy shown(page.preview(), &ImagePreview::imageShown);
    page.gallery()->setCurrentIndex(page.filterModel()->index(1, 0));
    ASSERT_TRUE(shown.wait(5000));
    EXPECT_TRUE(page.preview()->hasImage());
    EXPECT_TRUE(page.preview()->infoText().contains("40 × 40")) << page.preview()->infoText().toStdString();

    // Verify finds both bad files; nothing moves without the checkbox.
    QSignalSpy verified(&page, &DatasetPage::verifyFinished);
    page.startVerify();
    ASSERT_TRUE(verified.wait(10000));
    EXPECT_EQ(verified.front().at(0).toInt(), 14);
    EXPECT_EQ(verified.front().at(1).toInt(), 2);
    EXPECT_EQ(page.failureModel()->rowCount(), 2);
    EXPECT_EQ(test::countFiles(dir / "images"), 14u);

    // With quarantine, the failures move to the trash and the page rescans.
    page.quarantineBox()->setChecked(true);
    loaded.clear();
    verified.clear();
    page.startVerify();
    ASSERT_TRUE(verified.wait(10000));
    ASSERT_TRUE(loaded.wait(5000));
    EXPECT_EQ(loaded.front().at(0).toInt(), 12);
    EXPECT_EQ(test::countFiles(dir / ".kiln/trash"), 2u);
}

TEST(DatasetPage, MissingFolderShowsTheReason)
{
    TempDir dir;
    DatasetPage page;
    QSignalSpy failed(&page, &DatasetPage::scanFailed);
    page.setDataset(dir / "gone", dir.path(), 0.2, 42);
    ASSERT_TRUE(failed.wait(5000));
    EXPECT_TRUE(failed.front().at(0).toString().contains("does not exist"));
}

TEST(MainWindow, OpensProjectsAndExplainsBadOnes)
{
    TempDir dir;
    ASSERT_TRUE(Project::create(dir / "good").ok());
    test::makeDataset(dir / "good/images", {"a", "b"}, 3);
    fs::create_directories(dir / "bad");
    test::writeText(dir / "bad/kiln-project.json", "{ not json");

    MainWindow window;
    window.show();
    EXPECT_FALSE(window.openProject(QString::fromStdString((dir / "bad").string())));
    EXPECT_TRUE(window.lastError().contains("damaged")) << window.lastError().toStdString();
    EXPECT_TRUE(fs::exists(dir / "bad/kiln-project.json"));

    QSignalSpy loaded(window.datasetPage(), &DatasetPage::datasetLoaded);
    ASSERT_TRUE(window.openProject(QString::fromStdString((dir / "good").string())));
    ASSERT_TRUE(loaded.wait(5000));
    EXPECT_EQ(loaded.front().at(0).toInt(), 6);
    EXPECT_TRUE(window.windowTitle().contains("good"));

    // Pages of later steps are listed but disabled; Dataset is the current page.
    QListWidget *bar = window.sideBar();
    ASSERT_EQ(bar->count(), 5);
    EXPECT_FALSE(bar->item(0)->flags() & Qt::ItemIsEnabled);
    EXPECT_TRUE(bar->item(1)->flags() & Qt::ItemIsEnabled);
    EXPECT_EQ(bar->currentRow(), 1);
}
