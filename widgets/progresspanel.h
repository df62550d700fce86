#pragma once
// Shows a long job's progress: a bar with the count, the rate, the time left, and Cancel.
// It polls a kiln::Progress (lock-free) ten times a second; the job never signals per item.
// GUI thread only.

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace kiln {

struct Progress;

class ProgressPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProgressPanel(QWidget *parent = nullptr);

    // Starts watching `progress` (owned by the caller, alive until finish()). With the unit kBytes
    // the counts show as sizes (a download).
    void start(const QString &label, Progress *progress, const QString &unit = tr("images"));
    static inline const QString kBytes = QStringLiteral("bytes");
    void finish();
    bool isRunning() const { return m_progress != nullptr; }
    QString statusText() const;

    static QString formatDuration(double seconds);

Q_SIGNALS:
    void cancelRequested();

private:
    void refresh();

    Progress *m_progress = nullptr;
    QString m_unit;
    QLabel *m_label;
    QProgressBar *m_bar;
    QLabel *m_status;
    QPushButton *m_cancel;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
};

} // namespace kiln
