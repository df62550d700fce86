// kiln: the studio. Thin by design: arguments, then the main window.
#include "datasetpage.h"
#include "galleryview.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName("kiln");
    QApplication::setOrganizationName("kiln");
    QApplication::setApplicationDisplayName("Kiln");
    QApplication::setApplicationVersion(KILN_VERSION);

    QCommandLineParser parser;
    parser.setApplicationDescription("Kiln: build image datasets and train image classifiers.");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("project", "A Kiln project folder to open.", "[PROJECT_DIR]");
    QCommandLineOption demo("demo", "Open the Fashion-MNIST demo project (imported once).");
    QCommandLineOption screenshot("screenshot", "Save a picture of the window to FILE once the dataset shows, then quit.",
                                  "FILE");
    QCommandLineOption select("select", "Select image number N in the gallery (for screenshots).", "N");
    QCommandLineOption verify("verify", "Verify every image once the dataset shows.");
    parser.addOptions({demo, screenshot, select, verify});
    parser.process(app);

    kiln::MainWindow window;
    window.show();
    if (parser.isSet(demo))
        window.openDemo();
    else if (!parser.positionalArguments().isEmpty())
        window.openProject(parser.positionalArguments().front());

    if (parser.isSet(select) || parser.isSet(screenshot) || parser.isSet(verify)) {
        const int row = parser.value(select).toInt();
        const QString file = parser.value(screenshot);
        const bool verifyOnLoad = parser.isSet(verify);
        QObject::connect(window.datasetPage(), &kiln::DatasetPage::datasetLoaded, &window, [&window, row, file, verifyOnLoad] {
            auto *gallery = window.datasetPage()->gallery();
            if (verifyOnLoad && !window.datasetPage()->isVerifying())
                window.datasetPage()->startVerify();
            if (row > 0 && row < gallery->model()->rowCount())
                gallery->setCurrentIndex(gallery->model()->index(row, 0));
            if (!file.isEmpty())
                QTimer::singleShot(2500, &window, [&window, file] {
                    window.grab().save(file);
                    QApplication::quit();
                });
        });
    }
    return app.exec();
}
