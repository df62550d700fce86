// kiln: the studio. Thin by design: arguments, then the main window.
#include "acquirepage.h"
#include "analyzepage.h"
#include "datasetpage.h"
#include "exportpage.h"

#include <QNetworkProxyFactory>
#include <QTabWidget>
#include "galleryview.h"
#include "localization.h"
#include "mainwindow.h"
#include "preferencesdialog.h"
#include "trainpage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstring>

namespace {

// The language asked for on the command line (--language CODE or --language=CODE), if any.
QString languageArgument(const QStringList &args)
{
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--language") && i + 1 < args.size())
            return args[i + 1];
        if (args[i].startsWith(QLatin1String("--language=")))
            return args[i].mid(11);
    }
    return {};
}

// The command line, in the user's language (translations are installed before it is built).
struct Options {
    const QCommandLineOption demo{"demo",
                                QCoreApplication::translate("main", "Open the Fashion-MNIST demo project (imported once).")};
    const QCommandLineOption screenshot{"screenshot",
                                QCoreApplication::translate("main", "Save a picture of the window to FILE once the dataset shows, then quit."),
                                "FILE"};
    const QCommandLineOption select{"select",
                                QCoreApplication::translate("main", "Select image number N in the gallery (for screenshots)."),
                                "N"};
    const QCommandLineOption verify{"verify",
                                QCoreApplication::translate("main", "Verify every image once the dataset shows.")};
    const QCommandLineOption page{"page",
                                QCoreApplication::translate("main", "Show this page first: acquire, dataset, train, analyze or export."),
                                "NAME"};
    const QCommandLineOption cell{"cell",
                                QCoreApplication::translate("main", "On the Analyze page, show the images of confusion cell ACTUAL,PREDICTED (for screenshots)."),
                                "A,P"};
    const QCommandLineOption train{"train",
                                QCoreApplication::translate("main", "Start training once the dataset shows, with N epochs."),
                                "N"};
    const QCommandLineOption delay{"screenshot-delay",
                                QCoreApplication::translate("main", "Milliseconds to wait before the screenshot (default 2500)."),
                                "MS"};
    const QCommandLineOption embeddings{"embeddings",
                                QCoreApplication::translate("main", "On the Analyze page, show the Embeddings tab (computes t-SNE).")};
    const QCommandLineOption acquire{"acquire",
                                QCoreApplication::translate("main", "On the Acquire page, add these comma-separated classes and start (for screenshots)."),
                                "CLASSES"};
    const QCommandLineOption exportPredict{"export-predict",
                                QCoreApplication::translate("main", "On the Export page, export the newest run, then predict FOLDER with it "
                                      "(for screenshots)."),
                                "FOLDER"};
    const QCommandLineOption languageOption{"language",
                                QCoreApplication::translate("main", "Show Kiln in this language for this run (en, de, es; default: Preferences, "
                                      "else the system's)."),
                                "CODE"};

    void addTo(QCommandLineParser &parser) const
    {
        parser.setApplicationDescription(
            QCoreApplication::translate("main", "Kiln: build image datasets and train image classifiers."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addPositionalArgument("project", QCoreApplication::translate("main", "A Kiln project folder to open."),
                                     "[PROJECT_DIR]");
        parser.addOptions({demo, screenshot, select, verify, page, cell, train, delay, embeddings, acquire, exportPredict, languageOption});
    }
};

// The names settings are kept under, the version, and the language: --language, else Preferences,
// else the system's.
void identifyAndTranslate()
{
    QCoreApplication::setApplicationName("kiln");
    QCoreApplication::setOrganizationName("kiln");
    QCoreApplication::setApplicationVersion(KILN_VERSION);
    const QString language = languageArgument(QCoreApplication::arguments());
    kiln::installTranslations(language.isEmpty() ? kiln::Preferences::load().language : language);
}

// --version and --help print text and quit: they need no display.
bool textOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        for (const char *flag : {"--version", "-v", "--help", "-h", "--help-all"})
            if (std::strcmp(argv[i], flag) == 0)
                return true;
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    if (textOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        identifyAndTranslate();
        QCommandLineParser parser;
        const Options o;
        o.addTo(parser);
        parser.process(app); // prints and exits
        return 0;
    }
    QApplication app(argc, argv);
    // Image search and downloads go through the system proxy (http_proxy, https_proxy, no_proxy).
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    QApplication::setApplicationDisplayName("Kiln");
    identifyAndTranslate();

    QCommandLineParser parser;
    const Options o;
    o.addTo(parser);
    parser.process(app);

    kiln::MainWindow window;
    window.show();
    if (parser.isSet(o.demo))
        window.openDemo();
    else if (!parser.positionalArguments().isEmpty())
        window.openProject(parser.positionalArguments().front());

    if (parser.value(o.page) == "train")
        window.showPage(2);
    else if (parser.value(o.page) == "analyze")
        window.showPage(3);
    else if (parser.value(o.page) == "acquire")
        window.showPage(0);
    else if (parser.value(o.page) == "export")
        window.showPage(4);
    if (parser.isSet(o.exportPredict)) {
        const QString folder = parser.value(o.exportPredict);
        QObject::connect(window.exportPage(), &kiln::ExportPage::exported, &window, [&window, folder](bool ok) {
            if (ok)
                window.exportPage()->predict({folder});
        });
        window.exportPage()->exportSelected();
    }
    if (parser.isSet(o.acquire)) {
        window.acquirePage()->addClasses(parser.value(o.acquire).split(','));
        window.acquirePage()->start();
    }
    if (parser.isSet(o.embeddings))
        QObject::connect(window.analyzePage(), &kiln::AnalyzePage::interpreted, &window, [&window](bool ok) {
            if (ok)
                window.analyzePage()->tabs()->setCurrentIndex(3);
        });
    if (parser.isSet(o.cell)) {
        const QStringList ap = parser.value(o.cell).split(',');
        const int a = ap.value(0).toInt(), p = ap.value(1).toInt();
        QObject::connect(window.analyzePage(), &kiln::AnalyzePage::interpreted, &window, [&window, a, p](bool ok) {
            if (ok)
                window.analyzePage()->showCell(a, p);
        });
    }
    if (parser.isSet(o.select) || parser.isSet(o.screenshot) || parser.isSet(o.verify) || parser.isSet(o.train)) {
        const int row = parser.value(o.select).toInt();
        const QString file = parser.value(o.screenshot);
        const bool verifyOnLoad = parser.isSet(o.verify);
        const int trainEpochs = parser.value(o.train).toInt();
        const int delayMs = parser.isSet(o.delay) ? parser.value(o.delay).toInt() : 2500;
        QObject::connect(window.datasetPage(), &kiln::DatasetPage::datasetLoaded, &window,
                         [&window, row, file, verifyOnLoad, trainEpochs, delayMs] {
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
                    QApplication::quit();
                });
        });
    }
    return app.exec();
}
