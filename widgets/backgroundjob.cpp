#include "backgroundjob.h"

#include "progresspanel.h"

#include <QtGlobal>

#include <new>
#include <stdexcept>

namespace kiln {

namespace detail {

std::string escapedExceptionText(std::exception_ptr e)
{
    try {
        std::rethrow_exception(e);
    } catch (const std::bad_alloc &) {
        return "out of memory";
    } catch (const std::exception &x) {
        std::string what = x.what();
        // LibTorch appends a backtrace after the first line.
        if (const auto nl = what.find('\n'); nl != std::string::npos)
            what.resize(nl);
        return what;
    } catch (...) {
        return "an unknown exception";
    }
}

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
