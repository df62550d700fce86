#include "acquirepage.h"
#include "analyzepage.h"
#include "fakesearchserver.h"
#include "datasetpage.h"
#include "exportpage.h"
#include "embeddingscatter.h"
#include "mainwindow.h"
#include "showproject.h"
#include "preferencesdialog.h"
#include "testfiles.h"
#include "tinytraining.h"
#include "trainpage.h"
#include "runlistmodel.h"

#include "confusionmatrixmodel.h"
#include "confusionmatrixview.h"
#include "data/datasetindex.h"
#include "data/project.h"
#include "lossitemmodel.h"
#include "train/trainer.h"
#include "galleryview.h"
#include "imagepreview.h"
#include "samplemodel.h"
#include "thumbnailcache.h"
#include "verifyfailuremodel.h"
#include "qcustomplot_include.h"
#include "trainingplot.h"

#include <QCheckBox>
#include <QComboBox>
#include <QPushButton>
#include <QLineEdit>
#include <QListWidget>
#include <QTableWidget>
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

    // Every step of the loop has its page; Dataset is the current one.
    QListWidget *bar = window.sideBar();
    ASSERT_EQ(bar->count(), 5);
    for (int row = 0; row < 5; ++row)
        EXPECT_TRUE(bar->item(row)->flags() & Qt::ItemIsEnabled) << row;
    EXPECT_EQ(bar->currentRow(), 1);
}

namespace {

// A project with a trained run (two learnable classes), for the Analyze page.
fs::path makeTrainedProject(const fs::path &dir)
{
    const fs::path run = dir / "runs" / "20260101-000000-simple_cnn";
    auto trained = test::makeTrainedProject(dir, run);
    EXPECT_TRUE(trained.ok()) << (trained ? "" : trained.message());
    return run;
}

} // namespace

TEST(AnalyzePage, MatrixCellGalleryCleanUndoAndRetrain)
{
    TempDir dir;
    const fs::path run = makeTrainedProject(dir / "p");
    MainWindow window;
    ASSERT_NO_FATAL_FAILURE(test::showAnalyzed(window, dir / "p"));
    AnalyzePage *page = window.analyzePage();

    // The matrix holds every validation image; clicking a cell shows exactly its images.
    const auto *interp = page->matrixModel()->interpretation();
    ASSERT_NE(interp, nullptr);
    EXPECT_EQ(interp->total(), 16u);
    EXPECT_EQ(page->losses()->rowCount(), 16);
    QTest::qWait(50);
    int ca = 0, cp = 0; // the fullest cell
    for (int a = 0; a < 2; ++a)
        for (int p = 0; p < 2; ++p)
            if (interp->count(a, p) > interp->count(ca, cp)) {
                ca = a;
                cp = p;
            }
    ASSERT_GE(interp->count(ca, cp), 2u);
    const QPoint center = page->matrixView()->cellCenter(ca, cp);
    EXPECT_EQ(page->matrixView()->cellAt(center), QPoint(ca, cp));
    QWidget *canvas = page->matrixView()->widget();
    QTest::mouseClick(canvas, Qt::LeftButton, {}, canvas->mapFrom(page->matrixView()->viewport(), center));
    EXPECT_EQ(page->lossFilter()->actualClass(), ca);
    EXPECT_EQ(page->lossFilter()->predictedClass(), cp);
    EXPECT_EQ(std::size_t(page->lossFilter()->rowCount()), interp->count(ca, cp));
    for (int r = 1; r < page->lossFilter()->rowCount(); ++r)
        EXPECT_GE(page->lossFilter()->index(r - 1, 0).data(LossItemModel::LossRole).toDouble(),
                  page->lossFilter()->index(r, 0).data(LossItemModel::LossRole).toDouble());

    // The embeddings: t-SNE of the 16 images; a rubber band over all of them shows them all in the
    // gallery, a click on one point shows just that image.
    QSignalSpy embedded(page, &AnalyzePage::embeddingsFinished);
    page->tabs()->setCurrentIndex(3); // computes on first show
    ASSERT_TRUE(page->isComputingEmbeddings());
    ASSERT_TRUE(embedded.wait(30000));
    ASSERT_TRUE(embedded.front().at(0).toBool()) << embedded.front().at(1).toString().toStdString();
    EmbeddingScatter *scatter = page->scatter();
    ASSERT_EQ(scatter->pointCount(), 16);
    QTest::qWait(50);
    QTest::mousePress(scatter, Qt::LeftButton, {}, QPoint(1, 1));
    QTest::mouseMove(scatter, QPoint(scatter->width() - 2, scatter->height() - 2));
    QTest::mouseRelease(scatter, Qt::LeftButton, {}, QPoint(scatter->width() - 2, scatter->height() - 2));
    EXPECT_EQ(scatter->selection().size(), 16u);
    EXPECT_EQ(page->lossFilter()->rowCount(), 16);
    const QPoint one = scatter->pointPosition(5).toPoint();
    QTest::mouseClick(scatter, Qt::LeftButton, {}, one);
    ASSERT_GE(scatter->selection().size(), 1u);
    EXPECT_EQ(page->lossFilter()->rowCount(), int(scatter->selection().size()));
    page->tabs()->setCurrentIndex(0);
    page->showCell(ca, cp); // back to the cell: the selection filter goes
    EXPECT_EQ(std::size_t(page->lossFilter()->rowCount()), interp->count(ca, cp));

    // Choices: delete the first, relabel the second (keyboard and API); they survive a filter change.
    page->gallery()->setFocus();
    page->gallery()->setCurrentIndex(page->lossFilter()->index(0, 0));
    const QString deleted = page->lossFilter()->index(0, 0).data(LossItemModel::PathRole).toString();
    QTest::keyClick(page->gallery(), Qt::Key_Delete);
    page->gallery()->setCurrentIndex(page->lossFilter()->index(1, 0));
    const QString relabelled = page->lossFilter()->index(1, 0).data(LossItemModel::PathRole).toString();
    const int other = 1 - page->lossFilter()->index(1, 0).data(LossItemModel::ActualRole).toInt();
    page->setDecisionForSelection({CleanChoice::Relabel, other});
    page->showCell(-1, -1);
    EXPECT_EQ(page->lossFilter()->rowCount(), 16);
    ASSERT_EQ(page->losses()->pendingEdits().size(), 2);
    EXPECT_EQ(page->losses()->pendingEdits().value(deleted).choice, CleanChoice::Delete);

    QSignalSpy edited(page, &AnalyzePage::editsDone);
    QSignalSpy rescanned(window.datasetPage(), &DatasetPage::datasetLoaded);
    page->applyDecisions();
    ASSERT_TRUE(edited.wait(10000));
    EXPECT_TRUE(edited.front().at(0).toBool()) << edited.front().at(1).toString().toStdString();
    EXPECT_FALSE(fs::exists(deleted.toStdString()));
    EXPECT_FALSE(fs::exists(relabelled.toStdString()));
    EXPECT_TRUE(fs::exists(dir / "p/images" / (other == 0 ? "left" : "right") / fs::path(relabelled.toStdString()).filename()));
    EXPECT_EQ(test::countFiles(dir / "p/.kiln/trash"), 1u);
    EXPECT_TRUE(page->losses()->pendingEdits().isEmpty());
    EXPECT_EQ(page->matrixModel()->interpretation()->total(), 15u); // the matrix follows the edits
    ASSERT_TRUE(rescanned.wait(5000));                               // and so does the Dataset page
    EXPECT_EQ(rescanned.back().at(0).toInt(), 79);

    // Ctrl+Z on the page undoes the whole edit.
    edited.clear();
    rescanned.clear();
    QTest::keyClick(page->gallery(), Qt::Key_Z, Qt::ControlModifier);
    ASSERT_TRUE(edited.wait(10000));
    EXPECT_TRUE(fs::exists(deleted.toStdString()));
    EXPECT_TRUE(fs::exists(relabelled.toStdString()));
    EXPECT_EQ(page->matrixModel()->interpretation()->total(), 16u);
    ASSERT_TRUE(rescanned.wait(5000));
    EXPECT_EQ(rescanned.back().at(0).toInt(), 80);
    edited.clear();
    QTest::keyClick(page->gallery(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(edited.wait(10000));
    EXPECT_FALSE(fs::exists(deleted.toStdString()));

    // Retrain: a new run with the same configuration, on the cleaned data.
    QSignalSpy finished(window.trainPage(), &TrainPage::runFinished);
    Q_EMIT page->retrainRequested(QString::fromStdString(run.string()));
    ASSERT_TRUE(finished.wait(60000));
    const fs::path newRun = finished.front().at(0).toString().toStdString();
    EXPECT_NE(newRun, run);
    auto info = readRunInfo(newRun);
    ASSERT_TRUE(info.ok()) << info.message();
    EXPECT_EQ(info->config.epochs, 3);
    EXPECT_EQ(info->config.batchSize, 16);
}

TEST(AcquirePage, FillsTheProjectAndTheDatasetPageFollows)
{
    TempDir dir;
    ASSERT_TRUE(Project::create(dir / "p").ok());
    test::FakeSearchServer server;
    for (const char *c : {"cat", "dog"}) {
        QStringList urls;
        for (int i = 0; i < 8; ++i) {
            const QString path = QStringLiteral("/img/%1/%2.jpg").arg(c).arg(i);
            server.addImage(path, test::structuredJpeg((c[0] == 'c' ? 1000 : 2000) + i));
            urls << server.url(path);
        }
        server.addResource(QStringLiteral("/img/%1/html.jpg").arg(c), {"<html>no</html>", "image/jpeg"});
        urls.insert(0, server.url(QStringLiteral("/img/%1/html.jpg").arg(c)));
        server.setResults(c, urls);
    }
    MainWindow window;
    test::showProject(window, dir / "p");
    QSignalSpy loaded(window.datasetPage(), &DatasetPage::datasetLoaded);
    window.showPage(0);
    AcquirePage *page = window.acquirePage();
    page->setEndpoint(server.base());
    page->addClasses({"cat", "dog", "cat", " "}); // duplicates and blanks are skipped
    ASSERT_EQ(page->classTable()->rowCount(), 2);
    page->classTable()->item(0, 2)->setData(Qt::EditRole, 6);
    page->classTable()->item(1, 2)->setData(Qt::EditRole, 6);
    QSignalSpy finished(page, &AcquirePage::finished);
    page->start();
    ASSERT_TRUE(page->isRunning());
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_FALSE(finished.front().at(0).toBool());
    EXPECT_EQ(test::countFiles(dir / "p/images/cat"), 6u);
    EXPECT_EQ(test::countFiles(dir / "p/images/dog"), 6u);
    EXPECT_EQ(page->failureTable()->rowCount(), 2); // the two HTML pages, with their reason
    EXPECT_TRUE(page->failureTable()->item(0, 2)->text().contains("not an image"));
    EXPECT_TRUE(page->summaryText().contains("12 of 12")) << page->summaryText().toStdString();
    ASSERT_TRUE(loaded.wait(5000)); // the Dataset page rescans
    EXPECT_EQ(loaded.back().at(0).toInt(), 12);
    EXPECT_EQ(loaded.back().at(1).toInt(), 2);
    // Every image that arrived shows in the arrivals strip.
    EXPECT_TRUE(QTest::qWaitFor([&] { return page->arrivals()->count() == 12; }, 5000)) << page->arrivals()->count();
}

TEST(ExportPage, ExportsBothFormatsAndPredictsAFolder)
{
    TempDir dir;
    makeTrainedProject(dir / "p");
    ExportPage page;
    page.resize(1200, 800);
    page.show();
    page.setProject(dir / "p");
    QSignalSpy exported(&page, &ExportPage::exported);
    page.exportSelected();
    ASSERT_TRUE(exported.wait(60000));
    ASSERT_TRUE(exported.front().at(0).toBool()) << exported.front().at(1).toString().toStdString();
    EXPECT_TRUE(page.exportText().contains("matches LibTorch")) << page.exportText().toStdString();
    EXPECT_TRUE(fs::exists(dir / "p/exports/20260101-000000-simple_cnn.kiln"));
    EXPECT_TRUE(fs::exists(dir / "p/exports/20260101-000000-simple_cnn.onnx.json"));
    QSignalSpy predicted(&page, &ExportPage::predicted);
    page.predict({QString::fromStdString((dir / "p/images/left").string())});
    ASSERT_TRUE(predicted.wait(30000));
    ASSERT_TRUE(predicted.front().at(0).toBool()) << predicted.front().at(1).toString().toStdString();
    EXPECT_EQ(page.results()->rowCount(), 40);
    ASSERT_TRUE(page.saveCsv(QString::fromStdString((dir / "out.csv").string())));
    const auto csv = test::readBytes(dir / "out.csv");
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 41);

    // The checkpoint chosen: the last epoch's exports; a best one this run never kept is refused.
    exported.clear();
    page.checkpointBox()->setCurrentIndex(page.checkpointBox()->findData("last"));
    page.exportSelected();
    ASSERT_TRUE(exported.wait(60000));
    EXPECT_TRUE(exported.front().at(0).toBool()) << exported.front().at(1).toString().toStdString();
    exported.clear();
    page.checkpointBox()->setCurrentIndex(page.checkpointBox()->findData("best"));
    page.exportSelected();
    ASSERT_EQ(exported.count(), 1);
    EXPECT_FALSE(exported.front().at(0).toBool());
    EXPECT_TRUE(page.exportText().contains("best.pt")) << page.exportText().toStdString();

    // A finished run refreshes the same project: the folder the user chose stays; another project
    // gets its own exports folder.
    page.destination()->setText(QString::fromStdString((dir / "elsewhere").string()));
    page.setProject(dir / "p");
    EXPECT_EQ(page.destination()->text().toStdString(), (dir / "elsewhere").string());
    page.setProject(dir / "q");
    EXPECT_EQ(page.destination()->text().toStdString(), (dir / "q/exports").string());
}

TEST(Preferences, AreKeptAndTheyReachThePages)
{
    Preferences p;
    p.threads = 3;
    p.downloads = 7;
    p.region = "de-de";
    p.safeSearch = "off";
    p.thumbnailCacheMB = 64;
    p.save();
    EXPECT_EQ(Preferences::load().region, "de-de");
    {
        PreferencesDialog dialog;
        EXPECT_EQ(dialog.preferences().downloads, 7);
        EXPECT_EQ(dialog.preferences().threads, 3);
    }
    MainWindow window;
    EXPECT_EQ(window.trainPage()->config().threads, 3);
    // The thumbnail cache limit reaches every cache, the Analyze gallery's and later ones too.
    EXPECT_EQ(window.datasetPage()->thumbnails()->cacheLimitBytes(), qint64(64) << 20);
    EXPECT_EQ(window.analyzePage()->losses()->thumbnails()->cacheLimitBytes(), qint64(64) << 20);
    EXPECT_EQ(ThumbnailCache().cacheLimitBytes(), qint64(64) << 20);
    Preferences defaults;
    defaults.save();
    ThumbnailCache::setCacheLimitForAll(qint64(defaults.thumbnailCacheMB) << 20);
    window.trainPage()->applyPreferences(defaults);
    EXPECT_EQ(window.trainPage()->config().threads, 0);
}

#include "appearance.h"
#include "localization.h"

#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QTabWidget>
#include <QTableView>

namespace {

// Every text a person reads under a widget: buttons, labels, group titles, tabs, table headers,
// combo-box items.
QStringList visibleTexts(const QWidget *root)
{
    QStringList out;
    for (auto *b : root->findChildren<QAbstractButton *>())
        out << b->text();
    for (auto *l : root->findChildren<QLabel *>())
        out << l->text();
    for (auto *g : root->findChildren<QGroupBox *>())
        out << g->title();
    for (auto *t : root->findChildren<QTabWidget *>())
        for (int i = 0; i < t->count(); ++i)
            out << t->tabText(i);
    for (auto *v : root->findChildren<QTableView *>())
        if (v->model())
            for (int c = 0; c < v->model()->columnCount(); ++c)
                out << v->model()->headerData(c, Qt::Horizontal).toString();
    for (auto *c : root->findChildren<QComboBox *>())
        for (int i = 0; i < c->count(); ++i)
            out << c->itemText(i);
    return out;
}

// Restores English and the C locale when a test leaves.
struct EnglishAfterwards {
    ~EnglishAfterwards()
    {
        installTranslations(QStringLiteral("en"));
        QLocale::setDefault(QLocale::c());
    }
};

} // namespace

TEST(Translations, GermanOnEveryPage)
{
    EnglishAfterwards restore;
    ASSERT_EQ(installTranslations(QStringLiteral("de")), "de");
    MainWindow window;
    window.resize(1280, 800);
    window.show();

    QStringList menus;
    for (QAction *a : window.menuBar()->actions())
        menus << a->text();
    EXPECT_TRUE(menus.contains("&Datei")) << menus.join(' ').toStdString();
    EXPECT_TRUE(menus.contains("&Hilfe")) << menus.join(' ').toStdString();

    QStringList pages;
    for (int row = 0; row < window.sideBar()->count(); ++row)
        pages << window.sideBar()->item(row)->text();
    EXPECT_EQ(pages, QStringList({"Beschaffen", "Datensatz", "Trainieren", "Analysieren", "Exportieren & Vorhersagen"}));
    // Longer words must not push the window past a 1280-pixel screen.
    EXPECT_LE(window.minimumSizeHint().width(), 1280);

    // Known labels of each page, in German; their English originals are gone.
    const struct {
        const QWidget *page;
        QStringList german, english;
    } expected[] = {
        {window.acquirePage(), {"Starten", "Suche und Download", "Mittel", "Moderat"}, {"Start", "Search and download", "Medium"}},
        {window.datasetPage(), {"Bilder prüfen", "Alle Aufteilungen"}, {"Verify images", "All splits"}},
        {window.trainPage(), {"Suchen", "Zeitplan", "Lernraten-Finder", "stauchen", "Train-Verlust"}, {"Find", "Schedule", "squish", "train_loss"}},
        {window.analyzePage(), {"Interpretieren", "Konfusionsmatrix", "Anwenden"}, {"Interpret", "Confusion matrix", "Apply"}},
        {window.exportPage(), {"Exportieren", "Vorhersagen"}, {"Export", "Predict"}},
    };
    for (const auto &e : expected) {
        const QStringList texts = visibleTexts(e.page);
        for (const QString &g : e.german)
            EXPECT_TRUE(texts.contains(g)) << e.page->metaObject()->className() << ": no " << g.toStdString() << " in "
                                           << texts.join(" | ").toStdString();
        for (const QString &en : e.english)
            EXPECT_FALSE(texts.contains(en)) << e.page->metaObject()->className() << ": still " << en.toStdString();
    }

    // Qt's own strings come in German too (Debian's qt6-translations-l10n), and numbers are German.
    QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    EXPECT_EQ(buttons.button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')), "Abbrechen");
    EXPECT_EQ(QLocale().toString(1234.5, 'f', 1), "1.234,5");

    // Preferences offers the languages Kiln carries.
    PreferencesDialog dialog;
    const QStringList dialogTexts = visibleTexts(&dialog);
    EXPECT_TRUE(dialogTexts.contains("Sprache"));
    EXPECT_TRUE(dialogTexts.contains("Deutsch"));
    EXPECT_TRUE(dialogTexts.contains("Español")) << dialogTexts.join(" | ").toStdString();
    EXPECT_TRUE(dialogTexts.contains("English"));
}

TEST(Translations, SpanishAndBackToEnglish)
{
    EnglishAfterwards restore;
    ASSERT_EQ(installTranslations(QStringLiteral("es")), "es");
    {
        MainWindow window;
        EXPECT_EQ(window.sideBar()->item(0)->text(), "Adquirir");
        EXPECT_LE(window.minimumSizeHint().width(), 1280);
        EXPECT_TRUE(visibleTexts(window.trainPage()).contains("Buscar"));
        EXPECT_EQ(QLocale().toString(0.5, 'f', 2), "0,50");
    }
    // English is the source language: nothing is loaded, and a language Kiln lacks falls back to it.
    EXPECT_EQ(installTranslations(QStringLiteral("en")), "en");
    EXPECT_EQ(installTranslations(QStringLiteral("fi")), "en");
    MainWindow window;
    EXPECT_EQ(window.sideBar()->item(0)->text(), "Acquire");
}

TEST(Appearance, DarkAndLightReachThePlots)
{
    applyAppearance(QStringLiteral("dark"));
    EXPECT_LT(QApplication::palette().color(QPalette::Window).lightness(), 100);
    TrainingPlot plot;
    auto *custom = plot.findChild<QCustomPlot *>();
    ASSERT_NE(custom, nullptr);
    custom->resize(400, 300);
    auto corner = [custom] {
        custom->replot();
        return custom->toPixmap(400, 300).toImage().pixelColor(2, 2);
    };
    EXPECT_EQ(corner(), QApplication::palette().color(QPalette::Base));
    EXPECT_EQ(custom->xAxis->tickLabelColor(), QApplication::palette().color(QPalette::Text));

    // Switching back repaints the plot that exists.
    applyAppearance(QStringLiteral("light"));
    QCoreApplication::processEvents();
    EXPECT_GT(QApplication::palette().color(QPalette::Window).lightness(), 150);
    EXPECT_EQ(corner(), custom->palette().color(QPalette::Base));
    EXPECT_GT(corner().lightness(), 150);
    applyAppearance(QStringLiteral("system"));
}
