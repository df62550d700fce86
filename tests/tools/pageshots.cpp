// kiln-pageshots: drives the studio's pages for screenshots (the README's pictures), so the shipped
// `kiln` carries no harness. Opens a project (or the demo), shows a page, optionally starts work on
// it (verify, train, acquire, interpret a cell, export and predict), then saves the window.
//
//   xvfb-run -a -s "-screen 0 1280x800x24" build/tests/tools/kiln-pageshots --demo --page analyze
//       --cell 6,0 --screenshot analyze.png
#include "acquirepage.h"
#include "analyzepage.h"
#include "dataissuestab.h"
#include "datasetpage.h"
#include "exportpage.h"
#include "galleryview.h"
#include "kilnapplication.h"
#include "localization.h"
#include "mainwindow.h"
#include "classcomparepanel.h"
#include "runlistmodel.h"
#include "preferencesdialog.h"
#include "trainpage.h"

#include "train/trainconfig.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTabWidget>
#include <QPushButton>
#include <QTimer>

int main(int argc, char **argv)
{
    kiln::KilnApplication app(argc, argv);
    QCoreApplication::setApplicationName("kiln");
    QCoreApplication::setOrganizationName("kiln");
    QApplication::setApplicationDisplayName("Kiln");

    QCommandLineParser parser;
    parser.setApplicationDescription("Drives Kiln's pages for screenshots.");
    parser.addHelpOption();
    parser.addPositionalArgument("project", "A Kiln project folder to open.", "[PROJECT_DIR]");
    const QCommandLineOption demo{"demo", "Open the Fashion-MNIST demo project (imported once)."};
    const QCommandLineOption language{"language", "Show Kiln in this language (en, de, es).", "CODE"};
    const QCommandLineOption screenshot{"screenshot", "Save a picture of the window to FILE once the dataset shows, then quit.", "FILE"};
    const QCommandLineOption delay{"screenshot-delay", "Milliseconds to wait before the screenshot (default 2500).", "MS"};
    const QCommandLineOption select{"select", "Select image number N in the gallery.", "N"};
    const QCommandLineOption verify{"verify", "Verify every image once the dataset shows."};
    const QCommandLineOption page{"page", "Show this page first: acquire, dataset, train, analyze or export.", "NAME"};
    const QCommandLineOption cell{"cell", "On the Analyze page, show the images of confusion cell ACTUAL,PREDICTED.", "A,P"};
    const QCommandLineOption train{"train", "Start training once the dataset shows, with N epochs.", "N"};
    const QCommandLineOption embeddings{"embeddings", "On the Analyze page, show the Embeddings tab (computes t-SNE)."};
    const QCommandLineOption analyzeTab{"analyze-tab", "On the Analyze page, show tab number N once interpreted.", "N"};
    const QCommandLineOption dataIssues{"data-issues", "On the Analyze page, show the Data issues tab and find them (fast)."};
    const QCommandLineOption acquire{"acquire", "On the Acquire page, add these comma-separated classes and start.", "CLASSES"};
    const QCommandLineOption exportPredict{"export-predict", "On the Export page, export the newest run, then predict FOLDER.", "FOLDER"};
    const QCommandLineOption preferences{"preferences", "Also save a picture of the Preferences dialog to FILE.", "FILE"};
    const QCommandLineOption tick{"tick", "Tick the N newest runs to compare them (Train and Analyze pages).", "N"};
    const QCommandLineOption compareClasses{"compare-classes", "On the Analyze page, compare two runs per class once interpreted."};
    parser.addOptions({demo, language, screenshot, delay, select, verify, page, cell, train, embeddings, analyzeTab, dataIssues, acquire,
                       exportPredict, preferences, tick, compareClasses});
    parser.process(app);
    kiln::installTranslations(parser.isSet(language) ? parser.value(language) : kiln::Preferences::load().language);

    if (parser.isSet(preferences)) { // before the window, whose signals the events below would run
        kiln::PreferencesDialog dialog;
        dialog.show();
        dialog.adjustSize();
        QApplication::processEvents();
        dialog.grab().save(parser.value(preferences));
    }
    kiln::MainWindow window;
    window.show();
    if (parser.isSet(demo))
        window.openDemo();
    else if (!parser.positionalArguments().isEmpty())
        window.openProject(parser.positionalArguments().front());

    const QStringList pages{"acquire", "dataset", "train", "analyze", "export"};
    if (pages.contains(parser.value(page)))
        window.showPage(int(pages.indexOf(parser.value(page))));
    if (parser.isSet(exportPredict)) {
        const QString folder = parser.value(exportPredict);
        QObject::connect(window.exportPage(), &kiln::ExportPage::exported, &window, [&window, folder](bool ok) {
            if (ok)
                window.exportPage()->predict({folder});
        });
        window.exportPage()->exportSelected();
    }
    if (parser.isSet(acquire)) {
        window.acquirePage()->addClasses(parser.value(acquire).split(','));
        window.acquirePage()->start();
    }
    if (parser.isSet(embeddings))
        QObject::connect(window.analyzePage(), &kiln::AnalyzePage::interpreted, &window, [&window](bool ok) {
            if (ok)
                window.analyzePage()->tabs()->setCurrentIndex(3);
        });
    if (parser.isSet(analyzeTab)) {
        const int tab = parser.value(analyzeTab).toInt();
        QObject::connect(window.analyzePage(), &kiln::AnalyzePage::interpreted, &window, [&window, tab](bool ok) {
            if (ok)
                window.analyzePage()->tabs()->setCurrentIndex(tab);
        });
    }
    if (parser.isSet(dataIssues))
        QObject::connect(window.analyzePage(), &kiln::AnalyzePage::interpreted, &window, [&window](bool ok) {
            static bool once = false;
            if (!ok || once)
                return;
            once = true;
            auto *tab = window.analyzePage()->dataIssues();
            window.analyzePage()->tabs()->setCurrentWidget(tab);
            tab->findButton()->click();
        });
    if (parser.isSet(compareClasses))
        QObject::connect(window.analyzePage(), &kiln::AnalyzePage::interpreted, &window, [&window](bool ok) {
            static bool once = false;
            if (!ok || once)
                return;
            once = true;
            window.analyzePage()->tabs()->setCurrentWidget(window.analyzePage()->classCompare());
            window.analyzePage()->classCompare()->compare();
        });
    if (parser.isSet(cell)) {
        const QStringList ap = parser.value(cell).split(',');
        const int a = ap.value(0).toInt(), p = ap.value(1).toInt();
        QObject::connect(window.analyzePage(), &kiln::AnalyzePage::interpreted, &window, [&window, a, p](bool ok) {
            if (ok)
                window.analyzePage()->showCell(a, p);
        });
    }
    const int row = parser.value(select).toInt();
    const QString file = parser.value(screenshot);
    const bool verifyOnLoad = parser.isSet(verify);
    const int trainEpochs = parser.value(train).toInt();
    const int delayMs = parser.isSet(delay) ? parser.value(delay).toInt() : 2500;
    const int ticks = parser.value(tick).toInt();
    QObject::connect(window.datasetPage(), &kiln::DatasetPage::datasetLoaded, &window,
                     [&window, row, file, verifyOnLoad, trainEpochs, delayMs, ticks] {
        static bool once = false;
        if (once)
            return;
        once = true;
        kiln::RunListModel *runs = window.trainPage()->runModel();
        for (int r = 0; r < ticks && r < runs->rowCount(); ++r)
            runs->setChecked(runs->index(r).data(kiln::RunListModel::DirRole).toString(), true);
        auto *gallery = window.datasetPage()->gallery();
        if (verifyOnLoad && !window.datasetPage()->isVerifying())
            window.datasetPage()->startVerify();
        if (trainEpochs > 0 && !window.trainPage()->isBusy()) {
            auto config = window.trainPage()->config();
            config.epochs = trainEpochs;
            window.trainPage()->setConfig(config);
            window.trainPage()->start();
        }
        if (row > 0 && row < gallery->model()->rowCount())
            gallery->setCurrentIndex(gallery->model()->index(row, 0));
        if (!file.isEmpty())
            QTimer::singleShot(delayMs, &window, [&window, file] {
                window.grab().save(file);
                window.trainPage()->shutdown(); // a run in progress stops; nothing asks
                QApplication::quit();
            });
    });
    return app.exec();
}
