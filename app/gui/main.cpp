// kiln: the studio. Thin by design: arguments, then the main window. (The screenshot harness of
// the README's pictures is tests/tools/pageshots.cpp, not part of the shipped program.)
#include "kilnapplication.h"
#include "localization.h"
#include "mainwindow.h"
#include "preferencesdialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QNetworkProxyFactory>

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
        parser.addOptions({demo, languageOption});
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
    kiln::KilnApplication app(argc, argv); // the last-resort guard around the event loop
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

    return app.exec();
}
