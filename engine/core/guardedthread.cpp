#include "core/guardedthread.h"

#include <new>
#include <stdexcept>
#include <vector>

namespace kiln {

std::string exceptionText(std::exception_ptr e)
{
    try {
        std::rethrow_exception(e);
    } catch (const std::bad_alloc &) {
        return "out of memory";
    } catch (const std::exception &x) {
        std::string what = x.what();
        if (const auto nl = what.find('\n'); nl != std::string::npos)
            what.resize(nl);
        return what.empty() ? std::string("an exception without a message") : what;
    } catch (...) {
        return "an unknown exception";
    }
}

Result<void> callGuarded(const std::string &what, const std::function<void()> &fn)
{
    try {
        fn();
        return Ok{};
    } catch (...) {
        return Error{what + " failed: " + exceptionText(std::current_exception())};
    }
}

GuardedThread::GuardedThread(std::string what, std::function<void()> fn, std::function<void(const Error &)> onError)
    : m_state(std::make_unique<State>())
{
    State *state = m_state.get();
    try {
        // `what` is copied, not moved: the catch below still names the work.
        m_thread = std::thread([state, what, fn = std::move(fn), onError = std::move(onError)] {
            auto r = callGuarded(what, fn);
            if (r.ok())
                return;
            state->error = r.error();
            if (onError) {
                try {
                    onError(*state->error);
                } catch (...) {
                    // Nothing more can be done on this thread; the Error is kept for join().
                }
            }
        });
    } catch (...) {
        state->error = Error{"Cannot start a thread for " + what + ": " + exceptionText(std::current_exception())};
    }
}

GuardedThread::~GuardedThread()
{
    if (m_thread.joinable())
        m_thread.join();
}

GuardedThread::GuardedThread(GuardedThread &&other) noexcept
    : m_thread(std::move(other.m_thread))
    , m_state(std::move(other.m_state))
{
}

GuardedThread &GuardedThread::operator=(GuardedThread &&other) noexcept
{
    if (this != &other) {
        if (m_thread.joinable())
            m_thread.join();
        m_thread = std::move(other.m_thread);
        m_state = std::move(other.m_state);
    }
    return *this;
}

Result<void> GuardedThread::join()
{
    if (m_thread.joinable())
        m_thread.join();
    if (m_state && m_state->error)
        return *m_state->error;
    return Ok{};
}

Result<void> runOnThreads(int threads, const std::string &what, const std::function<void()> &work)
{
    std::vector<GuardedThread> pool;
    for (int t = 1; t < threads; ++t) {
        GuardedThread thread(what, work);
        if (!thread.joinable())
            break; // could not start one: the threads there are share the work
        pool.push_back(std::move(thread));
    }
    Result<void> first = callGuarded(what, work);
    for (auto &t : pool)
        if (auto r = t.join(); !r && first.ok())
            first = r;
    return first;
}

} // namespace kiln
