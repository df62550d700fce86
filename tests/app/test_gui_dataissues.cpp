// The Analyze page's Data issues tab offscreen: find, open the label issues in the cleaner
// gallery, take the suggested label with S, apply, undo.
#include "analyzepage.h"
#include "dataissuestab.h"
#include "mainwindow.h"
#include "reportbutton.h"
#include "showproject.h"
#include "testfiles.h"
#include "tinytraining.h"

#include "data/project.h"
#include "confusionmatrixmodel.h"
#include "galleryview.h"
#include "lossitemmodel.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

#include <gtest/gtest.h>

#include <cstdio>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

TEST(AnalyzePage, DataIssuesOpenInTheCleanerAndTheSuggestionIsOneKeyAway)
{
    TempDir dir;
    const fs::path proj = dir / "p";
    ASSERT_TRUE(Project::create(proj).ok());
    test::makeBarsDataset(proj / "images", 40);
    for (int i : {3, 11, 19})
        fs::rename(proj / "images/horizontal" / ("bar_" + std::to_string(i) + ".png"),
                   proj / "images/vertical" / ("bar_" + std::to_string(i) + ".png"));
    fs::copy_file(proj / "images/vertical/bar_1007.png", proj / "images/vertical/bar_1007 copy.png");
    TrainConfig c = test::tinyTraining(6, 16, 5e-3, 2);
    c.validPct = 0.2;
    ASSERT_TRUE(runTraining(proj, c, proj / "runs/r", {}).ok());

    MainWindow window;
    ASSERT_NO_FATAL_FAILURE(test::showAnalyzed(window, proj));
    AnalyzePage *page = window.analyzePage();
    DataIssuesTab *tab = page->dataIssues();
    page->tabs()->setCurrentWidget(tab);
    QSignalSpy found(tab, &DataIssuesTab::found);
    QTest::mouseClick(tab->findButton(), Qt::LeftButton);
    EXPECT_TRUE(page->isBusy());
    ASSERT_TRUE(found.wait(60000)) << tab->statusText().toStdString();
    EXPECT_FALSE(page->isBusy());

    // Three sections: label issues, duplicate groups (the copy is in one), outliers.
    QTreeWidget *tree = tab->tree();
    ASSERT_EQ(tree->topLevelItemCount(), 3);
    QTreeWidgetItem *labels = tree->topLevelItem(0);
    ASSERT_GE(labels->childCount(), 2);
    QTreeWidgetItem *dups = tree->topLevelItem(1);
    QTreeWidgetItem *copies = nullptr;
    for (int g = 0; g < dups->childCount(); ++g)
        for (int m = 0; m < dups->child(g)->childCount(); ++m)
            if (dups->child(g)->child(m)->toolTip(0) == "images/vertical/bar_1007 copy.png")
                copies = dups->child(g);
    ASSERT_NE(copies, nullptr) << "the copy is in no group";

    // Every image of the project is in the gallery's source (both splits); the search opened the
    // label issues, least confident first, each with its suggestion.
    EXPECT_EQ(page->losses()->rowCount(), 81);
    EXPECT_EQ(page->lossFilter()->rowCount(), labels->childCount());
    // A click on the duplicates section shows that group's images.
    tab->showItem(copies);
    EXPECT_EQ(page->lossFilter()->rowCount(), copies->childCount());
    tab->showItem(labels);
    ASSERT_EQ(page->lossFilter()->rowCount(), labels->childCount());
    const QModelIndex first = page->lossFilter()->index(0, 0);
    EXPECT_EQ(first.data(LossItemModel::PathRole).toString().toStdString(),
              (fs::absolute(proj) / labels->child(0)->toolTip(0).toStdString()).lexically_normal().string());
    const int suggested = first.data(LossItemModel::SuggestedRole).toInt();
    ASSERT_GE(suggested, 0);
    EXPECT_NE(suggested, first.data(LossItemModel::ActualRole).toInt());

    // S takes the suggestion for the selected images.
    page->gallery()->setFocus();
    page->gallery()->selectAll();
    QTest::keyClick(page->gallery(), Qt::Key_S);
    ASSERT_EQ(page->losses()->pendingEdits().size(), labels->childCount());
    const QString path = first.data(LossItemModel::PathRole).toString();
    EXPECT_EQ(page->losses()->pendingEdits().value(path).choice, CleanChoice::Relabel);
    EXPECT_EQ(page->losses()->pendingEdits().value(path).toClass, suggested);

    QSignalSpy edited(page, &AnalyzePage::editsDone);
    page->applyDecisions();
    ASSERT_TRUE(edited.wait(10000));
    ASSERT_TRUE(edited.front().at(0).toBool()) << edited.front().at(1).toString().toStdString();
    EXPECT_FALSE(fs::exists(path.toStdString()));
    EXPECT_TRUE(fs::exists(proj / "images/horizontal" / fs::path(path.toStdString()).filename()));
    EXPECT_TRUE(tab->statusText().contains("changed since")) << tab->statusText().toStdString();

    edited.clear();
    QTest::keyClick(page->gallery(), Qt::Key_Z, Qt::ControlModifier);
    ASSERT_TRUE(edited.wait(10000));
    EXPECT_TRUE(fs::exists(path.toStdString()));

    // A second search reads the saved one only if nothing changed: here the undo restored the data,
    // so the result is the first search's.
    const int flagged = labels->childCount();
    found.clear();
    QTest::mouseClick(tab->findButton(), Qt::LeftButton);
    ASSERT_TRUE(found.wait(60000)) << tab->statusText().toStdString();
    ASSERT_NE(tab->issues(), nullptr);
    EXPECT_TRUE(tab->issues()->fromCache);
    EXPECT_EQ(tree->topLevelItem(0)->childCount(), flagged);
}

TEST(AnalyzePage, ReportButtonSavesTheChosenRunAsHtml)
{
    TempDir dir;
    const fs::path proj = dir / "p";
    ASSERT_TRUE(Project::create(proj).ok());
    test::makeLearnableDataset(proj / "images", 20, 16);
    ASSERT_TRUE(runTraining(proj, test::tinyTraining(2, 16, 5e-3, 1), proj / "runs/r", {}).ok());
    MainWindow window;
    ASSERT_NO_FATAL_FAILURE(test::showAnalyzed(window, proj));
    AnalyzePage *page = window.analyzePage();
    ReportButton *button = page->reportButton();
    EXPECT_TRUE(button->isEnabled());
    EXPECT_EQ(fs::path(button->run().toStdString()).filename(), "r");
    QSignalSpy saved(button, &ReportButton::saved);
    button->save(QString::fromStdString((dir / "r.html").string()));
    ASSERT_TRUE(saved.wait(30000));
    ASSERT_TRUE(saved.front().at(0).toBool()) << saved.front().at(1).toString().toStdString();
    const auto bytes = test::readBytes(dir / "r.html");
    const std::string html(bytes.begin(), bytes.end());
    const double accuracy = page->matrixModel()->interpretation()->accuracy();
    char expected[64];
    std::snprintf(expected, sizeof expected, "<b id=\"accuracy\">%.4f</b>", accuracy);
    EXPECT_NE(html.find(expected), std::string::npos) << expected;
    // A run that cannot be read: the message says so, nothing is written.
    button->setRun(QString::fromStdString((dir / "nothing").string()));
    saved.clear();
    button->save(QString::fromStdString((dir / "x.html").string()));
    ASSERT_TRUE(saved.wait(30000));
    EXPECT_FALSE(saved.front().at(0).toBool());
    EXPECT_FALSE(saved.front().at(1).toString().isEmpty());
    EXPECT_FALSE(fs::exists(dir / "x.html"));
}
