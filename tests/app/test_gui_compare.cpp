// Comparing runs in the studio offscreen: ticking two runs on the Train page shows them overlaid
// with the differing setting highlighted; the Analyze page compares them per class and exports
// its pictures; the Export page offers the report.
#include "analyzepage.h"
#include "classbarchart.h"
#include "classcomparemodel.h"
#include "classcomparepanel.h"
#include "exportpage.h"
#include "mainwindow.h"
#include "reportbutton.h"
#include "runcomparemodel.h"
#include "runcompareview.h"
#include "runlistmodel.h"
#include "runoverlayplot.h"
#include "showproject.h"
#include "testfiles.h"
#include "tinytraining.h"
#include "trainpage.h"

#include "data/project.h"

#include <QComboBox>
#include <QImage>
#include <QListView>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>

#include <gtest/gtest.h>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

TEST(CompareRuns, TwoTickedRunsOverlayOnTheTrainPageAndLineUpPerClassOnTheAnalyzePage)
{
    TempDir dir;
    const fs::path proj = dir / "p";
    ASSERT_TRUE(test::makeTrainedProject(proj, proj / "runs/20260101-000000-simple_cnn", 20, test::tinyTraining(2, 16, 5e-3, 2)).ok());
    ASSERT_TRUE(runTraining(proj, test::tinyTraining(3, 16, 1e-2, 2), proj / "runs/20260102-000000-simple_cnn", {}).ok());

    MainWindow window;
    ASSERT_NO_FATAL_FAILURE(test::showAnalyzed(window, proj));
    TrainPage *train = window.trainPage();
    RunListModel *runs = train->runModel();
    ASSERT_EQ(runs->rowCount(), 2);
    auto *tabs = qobject_cast<QTabWidget *>(train->compareView()->parentWidget()->parentWidget());
    ASSERT_NE(tabs, nullptr);
    window.showPage(2);
    // Ticking in the Train page's list (the user's click sets the check state).
    QListView *list = train->runList();
    for (int r = 0; r < 2; ++r)
        ASSERT_TRUE(list->model()->setData(list->model()->index(r, 0), Qt::Checked, Qt::CheckStateRole));
    EXPECT_EQ(tabs->currentWidget(), train->compareView());
    RunOverlayPlot *plot = train->compareView()->plot();
    ASSERT_EQ(plot->runCount(), 2);
    EXPECT_EQ(plot->points(0, RunOverlayPlot::Series::ValidLoss).size(), 3u); // the newest run: 3 epochs
    EXPECT_EQ(plot->points(1, RunOverlayPlot::Series::ValidLoss).size(), 2u);
    RunCompareModel *table = train->compareView()->table();
    EXPECT_TRUE(table->differs("lr"));
    EXPECT_TRUE(table->differs("epochs"));
    EXPECT_FALSE(table->differs("arch"));
    EXPECT_TRUE(train->compareView()->hint().contains("2 runs compared")) << train->compareView()->hint().toStdString();

    // The Analyze page shares the ticks; run B is the ticked run that is not A.
    AnalyzePage *analyze = window.analyzePage();
    window.showPage(3);
    EXPECT_EQ(analyze->compareView()->plot()->runCount(), 2);
    ClassComparePanel *panel = analyze->classCompare();
    const QString a = analyze->runBox()->currentData(RunListModel::DirRole).toString();
    const QString b = panel->runBBox()->currentData(RunListModel::DirRole).toString();
    EXPECT_FALSE(b.isEmpty());
    EXPECT_NE(a, b);
    QSignalSpy compared(panel, &ClassComparePanel::compared);
    panel->compare();
    ASSERT_TRUE(compared.wait(30000));
    ASSERT_TRUE(compared.front().at(0).toBool()) << compared.front().at(1).toString().toStdString();
    ClassCompareModel *m = panel->model();
    ASSERT_EQ(m->rowCount(), 2);
    for (int r = 0; r < 2; ++r) {
        ASSERT_TRUE(m->metrics(r, 0) && m->metrics(r, 1));
        EXPECT_EQ(m->metrics(r, 0)->support, m->metrics(r, 1)->support); // the same validation images
    }
    EXPECT_EQ(panel->chart()->series().size(), 2u);
    EXPECT_TRUE(panel->status().contains("accuracy")) << panel->status().toStdString();
    // Run A's own per-class chart: precision, recall and F1.
    EXPECT_EQ(analyze->classChart()->series().size(), 3u);

    // The page's pictures export: the matrix and the gallery's images (none selected: all shown).
    for (auto [picture, name] : {std::pair{analyze->matrixPicture(), "matrix"}, std::pair{analyze->galleryPicture(), "images"}}) {
        const QString file = QString::fromStdString((dir / (std::string(name) + ".png")).string());
        ASSERT_EQ(savePicture(picture, file, PictureFormat::Png), QString()) << name;
        EXPECT_FALSE(QImage(file).isNull()) << name;
        ASSERT_EQ(saveCsv(picture, file + ".csv"), QString()) << name;
    }
    const auto csv = test::readBytes(dir / "images.png.csv");
    EXPECT_TRUE(std::string(csv.begin(), csv.end()).rfind("file,split,actual,predicted,loss", 0) == 0);

    // The Export page's report button follows its run.
    window.showPage(4);
    EXPECT_FALSE(window.exportPage()->reportButton()->run().isEmpty());
    EXPECT_TRUE(window.exportPage()->reportButton()->isEnabled());
}
