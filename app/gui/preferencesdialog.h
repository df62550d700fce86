#pragma once
// Preferences, kept with QSettings: the training device and CPU threads, where pretrained weights
// download from, the thumbnail cache, Acquire's downloads at once, search region and safe search,
// the language and light or dark. The
// pages read them when they start and when the dialog is accepted (applyPreferences); the language
// applies from the next start, light or dark at once.

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace kiln {

struct Preferences {
    QString device = QStringLiteral("auto"); // auto, cpu, cuda
    int threads = 0;                         // 0: every core
    int thumbnailCacheMB = 256;
    int downloads = 16;
    QString region = QStringLiteral("us-en");
    QString safeSearch = QStringLiteral("moderate"); // moderate, on, off
    QString language;                                // "": the system's; else "en", "de", "es", ...
    QString appearance = QStringLiteral("system");   // system, light, dark
    QString weightsUrl;                              // "": torchvision's download base (a mirror's otherwise)

    static Preferences load();
    void save() const;
};

// Safe search's choices in the user's language, with the protocol's values as data.
void addSafeSearchChoices(QComboBox *box);

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);
    Preferences preferences() const;

private:
    QComboBox *m_device;
    QSpinBox *m_threads;
    QSpinBox *m_cache;
    QSpinBox *m_downloads;
    QLineEdit *m_region;
    QComboBox *m_safe;
    QComboBox *m_language;
    QComboBox *m_appearance;
    QLineEdit *m_weightsUrl;
};

} // namespace kiln
