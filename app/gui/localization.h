#pragma once
// The user's language: Kiln's own translations (embedded from translations/kiln_<code>.qm under
// :/i18n) and Qt's (qtbase_<code>.qm from Debian's qt6-translations-l10n), and the locale numbers,
// sizes and dates are written in.

#include <QList>
#include <QString>

namespace kiln {

struct LanguageChoice {
    QString code; // "en", "de", "es", ...
    QString name; // the language's name in that language ("Deutsch")
};

// English and every language Kiln carries a translation for, sorted by code.
QList<LanguageChoice> availableLanguages();

// Installs the translators for `code` ("" or "system": the system's languages, in their order of
// preference), replacing those an earlier call installed, and makes its locale the default for
// formatting. Returns the code of the language in use ("en" when Kiln has none of the wanted ones).
// Widgets built before the call keep their texts: the language applies to windows made after it.
QString installTranslations(const QString &code);

} // namespace kiln
