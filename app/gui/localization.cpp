#include "localization.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <algorithm>
#include <memory>
#include <vector>

namespace kiln {

namespace {

const QString kResourceDir = QStringLiteral(":/i18n");

std::vector<std::unique_ptr<QTranslator>> &installed()
{
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}

} // namespace

QList<LanguageChoice> availableLanguages()
{
    QList<LanguageChoice> out{{QStringLiteral("en"), QStringLiteral("English")}};
    const QStringList files = QDir(kResourceDir).entryList({QStringLiteral("kiln_*.qm")}, QDir::Files, QDir::Name);
    for (const QString &f : files) {
        const QString code = f.mid(5, f.size() - 8);
        // Each translation names its own language: the translation of this very string.
        //: The name of this translation's language, written in that language (Deutsch, Español).
        static const char *const kOwnName = QT_TRANSLATE_NOOP("kiln::LanguageName", "English");
        QTranslator t;
        QString name = t.load(f, kResourceDir) ? t.translate("kiln::LanguageName", kOwnName) : QString();
        if (name.isEmpty())
            name = QLocale(code).nativeLanguageName();
        out.push_back({code, name.isEmpty() ? code : name});
    }
    std::sort(out.begin(), out.end(), [](const LanguageChoice &a, const LanguageChoice &b) { return a.code < b.code; });
    return out;
}

QString installTranslations(const QString &code)
{
    for (auto &t : installed())
        QCoreApplication::removeTranslator(t.get());
    installed().clear();

    const bool followSystem = code.isEmpty() || code == QLatin1String("system");
    const QLocale wanted = followSystem ? QLocale::system() : QLocale(code);
    // Numbers follow the chosen language; with the system's language, the system's own settings.
    QLocale::setDefault(followSystem || wanted.language() == QLocale::system().language() ? QLocale::system() : wanted);

    auto kiln = std::make_unique<QTranslator>();
    // QTranslator::load(QLocale) tries each of the locale's UI languages in turn; English is the
    // source language, so an English preference must stop the search before a later language.
    QString inUse = QStringLiteral("en");
    for (const QString &ui : wanted.uiLanguages()) {
        const QLocale l(ui);
        if (l.language() == QLocale::English || l.language() == QLocale::C)
            break;
        if (kiln->load(l, QStringLiteral("kiln"), QStringLiteral("_"), kResourceDir)) {
            inUse = kiln->language().section(QLatin1Char('_'), 0, 0);
            break;
        }
    }
    if (!kiln->isEmpty()) {
        QCoreApplication::installTranslator(kiln.get());
        installed().push_back(std::move(kiln));
        // Qt's own strings (standard buttons, file dialogs) in the same language.
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(QLocale(inUse), QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            installed().push_back(std::move(qt));
        }
    }
    return inUse;
}

} // namespace kiln
