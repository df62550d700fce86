#include "reportbutton.h"

#include "backgroundjob.h"
#include "core/fileutil.h"
#include "report/runreport.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>

namespace kiln {

ReportButton::ReportButton(QWidget *parent)
    : QPushButton(tr("Report…"), parent)
    , m_job(new BackgroundJob(this))
{
    setToolTip(tr("Save this run as one HTML file to share: settings, curves, confusion matrix, per-class metrics, top losses"));
    setEnabled(false);
    connect(this, &QPushButton::clicked, this, [this] {
        const QString suggested = QDir::home().filePath(QFileInfo(m_run).fileName() + "-report.html");
        const QString file = QFileDialog::getSaveFileName(this, tr("Save the run report"), suggested, tr("HTML files (*.html)"));
        if (!file.isEmpty())
            save(file);
    });
}

void ReportButton::setRun(const QString &runDir)
{
    m_run = runDir;
    setEnabled(!runDir.isEmpty() && !isBusy());
}

bool ReportButton::isBusy() const { return m_job->isRunning(); }

void ReportButton::save(const QString &file)
{
    if (m_run.isEmpty())
        return;
    setEnabled(false);
    const bool started = m_job->start(
        tr("Writing the report"),
        [run = m_run.toStdString(), out = file.toStdString()](Progress &progress) -> Result<void> {
            auto html = runReportHtml(run, {}, &progress);
            if (!html)
                return html.error();
            return writeFileAtomic(out, html.value());
        },
        [this, file](Result<void> done) {
            setEnabled(!m_run.isEmpty());
            Q_EMIT saved(done.ok(), done.ok() ? tr("Saved the report as %1").arg(file) : QString::fromStdString(done.message()));
        });
    if (!started)
        setEnabled(!m_run.isEmpty());
}

} // namespace kiln
