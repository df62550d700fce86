#pragma once
// "Report…": saves the chosen run as one self-contained HTML file (runreport.h) on a worker
// thread, asking where with a file dialog. GUI thread only.

#include <QPushButton>

namespace kiln {

class BackgroundJob;

class ReportButton : public QPushButton {
    Q_OBJECT
public:
    explicit ReportButton(QWidget *parent = nullptr);

    void setRun(const QString &runDir);
    QString run() const { return m_run; }
    // Writes the report of the run to `file` (what the button does after its dialog).
    void save(const QString &file);
    bool isBusy() const;

Q_SIGNALS:
    void saved(bool ok, const QString &message);

private:
    BackgroundJob *m_job;
    QString m_run;
};

} // namespace kiln
