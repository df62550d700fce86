#pragma once
// The Acquire page: type class names, and Kiln searches the web for images of each, downloads and
// checks them, and shows what arrived and what failed, with reasons. The images land in the
// project's class folders; the Dataset page then shows them.

#include <QWidget>

#include <filesystem>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace kiln {

class AcquireJob;
struct AcquireOutcome;

class AcquirePage : public QWidget {
    Q_OBJECT
public:
    explicit AcquirePage(QWidget *parent = nullptr);
    ~AcquirePage() override;

    void setProject(const std::filesystem::path &root);
    // Downloads at once, region and safe search from the preferences.
    void applyPreferences(const struct Preferences &p);
    // One class per line (blank lines and duplicates skipped).
    void addClasses(const QStringList &names);
    // The search service's address (a setting kept between sessions; KILN_SEARCH_ENDPOINT wins).
    void setEndpoint(const QString &endpoint);
    void start();
    void cancel();
    bool isRunning() const;

    QTableWidget *classTable() const { return m_classes; }
    QTableWidget *progressTable() const { return m_progress; }
    QTableWidget *failureTable() const { return m_failures; }
    QListWidget *arrivals() const { return m_arrivals; }
    QString summaryText() const;

Q_SIGNALS:
    void datasetChanged();
    void finished(bool cancelled, const QString &summary);

private:
    void buildUi();
    void refreshProgress();
    void onItem(const AcquireOutcome &o);
    void onImage(int classIndex, const QString &path);
    void updateButtons();

    std::filesystem::path m_root;
    QLineEdit *m_endpoint;
    QTableWidget *m_classes;
    QLineEdit *m_suffix;
    QSpinBox *m_wanted;
    QComboBox *m_size, *m_type, *m_layout, *m_safe;
    QLineEdit *m_region;
    QSpinBox *m_maxSide;
    QSpinBox *m_concurrency;
    QPushButton *m_start;
    QLabel *m_overall;
    QTableWidget *m_progress;
    QListWidget *m_arrivals;
    QTableWidget *m_failures;
    QTimer *m_refresh;
    std::unique_ptr<AcquireJob> m_job;
    int m_added = 0;
};

} // namespace kiln
