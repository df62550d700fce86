#pragma once
// Preferences, kept with QSettings: the training device and CPU threads, the thumbnail cache, and
// Acquire's downloads at once, search region and safe search. The pages read them when they start
// and when the dialog is accepted (applyPreferences). The look follows the desktop's palette.

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
    QString safeSearch = QStringLiteral("moderate");

    static Preferences load();
    void save() const;
};

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
};

} // namespace kiln
