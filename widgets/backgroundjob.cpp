#include "backgroundjob.h"

#include "progresspanel.h"

#include <QtGlobal>


namespace kiln {

namespace detail {

void reportEscapedException(const std::string &what)
{
    qWarning("kiln: a background job threw: %s", what.c_str());
}

} // namespace detail

BackgroundJob::BackgroundJob(QObject *owner, ProgressPanel *panel)
    : QObject(owner)
    , m_panel(panel)
{
}

BackgroundJob::~BackgroundJob()
{
    cancel();
}

void BackgroundJob::cancel()
{
    if (m_progress)
        m_progress->cancel = true;
}

void BackgroundJob::begin(const QString &label, std::shared_ptr<Progress> progress, const QString &unit)
{
    m_progress = std::move(progress);
    if (m_panel) {
        if (unit.isEmpty())
            m_panel->start(label, m_progress.get());
        else
            m_panel->start(label, m_progress.get(), unit);
    }
    Q_EMIT runningChanged(true);
}

void BackgroundJob::end()
{
    if (m_panel)
        m_panel->finish();
    m_progress.reset();
    Q_EMIT runningChanged(false);
}

} // namespace kiln
