#pragma once
// Work off the GUI thread (DESIGN.md, "A background job"), in one place instead of a
// QFutureWatcher + Progress + ProgressPanel + busy flag written again on every page.
//
// runOnPool(context, work, done): runs `work` on the global thread pool and calls `done` with its
// result on the GUI thread, unless `context` was destroyed meanwhile.
//
// BackgroundJob: one job at a time with a Progress the work raises and may find cancelled, shown
// in an optional ProgressPanel (count, rate, time left, Cancel), busy while it runs, cancelled when
// its owner goes, and delivering the work's Result<T> on the GUI thread.
//
// Both are last-resort guards: an exception that escapes the work becomes an Error (or, for a
// result that cannot hold one, an empty result) instead of crossing into the event loop.
// GUI thread only.

#include "core/guardedthread.h"
#include "core/progress.h"
#include "core/result.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <functional>
#include <memory>
#include <type_traits>

namespace kiln {

class ProgressPanel;

namespace detail {

void reportEscapedException(const std::string &what);

template <class R, class F>
R guarded(F &work)
{
    try {
        return work();
    } catch (...) {
        const std::string what = exceptionText(std::current_exception());
        reportEscapedException(what);
        if constexpr (std::is_constructible_v<R, Error>)
            return R(Error{"Kiln hit an internal error (" + what + "). Nothing was changed; please report it."});
        else
            return R{};
    }
}

} // namespace detail

template <class Work, class Done>
void runOnPool(QObject *context, Work work, Done done)
{
    using R = std::invoke_result_t<Work &>;
    auto *watcher = new QFutureWatcher<std::shared_ptr<R>>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)]() mutable {
        watcher->deleteLater();
        done(std::move(*watcher->result()));
    });
    watcher->setFuture(QtConcurrent::run([work = std::move(work)]() mutable { return std::make_shared<R>(detail::guarded<R>(work)); }));
}

class BackgroundJob : public QObject {
    Q_OBJECT
public:
    // `panel` (may be null) shows the progress while a job runs.
    explicit BackgroundJob(QObject *owner, ProgressPanel *panel = nullptr);
    ~BackgroundJob() override; // cancels a running job; its result is dropped

    bool isRunning() const { return m_progress != nullptr; }
    void cancel();

    // Starts `work(Progress &) -> Result<T>` unless a job is running (then returns false). `done`
    // gets the result on the GUI thread, after the panel is hidden and isRunning() is false.
    template <class Work, class Done>
    bool start(const QString &label, Work work, Done done, const QString &unit = QString())
    {
        using R = std::invoke_result_t<Work &, Progress &>;
        if (isRunning())
            return false;
        auto progress = std::make_shared<Progress>();
        begin(label, progress, unit);
        auto *watcher = new QFutureWatcher<std::shared_ptr<R>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, done = std::move(done)]() mutable {
            watcher->deleteLater();
            end();
            done(std::move(*watcher->result()));
        });
        watcher->setFuture(QtConcurrent::run([work = std::move(work), progress]() mutable {
            auto call = [&] { return work(*progress); };
            return std::make_shared<R>(detail::guarded<R>(call));
        }));
        return true;
    }

Q_SIGNALS:
    void runningChanged(bool running);

private:
    void begin(const QString &label, std::shared_ptr<Progress> progress, const QString &unit);
    void end();

    QPointer<ProgressPanel> m_panel;
    std::shared_ptr<Progress> m_progress; // shared with the work, which may outlive the owner
};

} // namespace kiln
