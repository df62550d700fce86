#pragma once
// Threads that cannot take Kiln down (DESIGN.md: no exception crosses a thread). A GuardedThread
// runs a function on a std::thread and catches whatever escapes it on that thread; join() gives
// it back as an Error. runOnThreads() runs one worker function on several threads (the calling
// one included) the same way. Every std::thread Kiln starts goes through these: an exception
// thrown by OpenCV, LibTorch or an allocation in a worker becomes a reported error, never
// std::terminate. Plain C++ (no Qt); any thread may create, join or destroy one.

#include "core/result.h"

#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

namespace kiln {

// What an exception says, for a message: its what() up to the first line break (LibTorch appends
// a backtrace), "out of memory" for std::bad_alloc, "an unknown exception" for anything else.
std::string exceptionText(std::exception_ptr e);

// Calls `fn`; an exception that escapes it becomes Error{"<what> failed: <text>"}.
Result<void> callGuarded(const std::string &what, const std::function<void()> &fn);

class GuardedThread {
public:
    GuardedThread() = default;
    // Starts `fn` on a new thread. `what` names the work in the Error ("the batch loader").
    // `onError`, when given, is called on that thread with the Error right after `fn` threw, so
    // an owner that waits on a condition can be woken up; it must not throw (it is guarded too).
    // When no thread can be started, the Error is kept and join() returns it.
    GuardedThread(std::string what, std::function<void()> fn, std::function<void(const Error &)> onError = {});
    ~GuardedThread(); // joins: a GuardedThread never leaves a joinable std::thread behind
    GuardedThread(GuardedThread &&other) noexcept;
    GuardedThread &operator=(GuardedThread &&other) noexcept; // joins the thread it held first
    GuardedThread(const GuardedThread &) = delete;
    GuardedThread &operator=(const GuardedThread &) = delete;

    bool joinable() const { return m_thread.joinable(); }
    // Waits for the thread; the Error when its function threw (or it could not start), else Ok.
    // Joining again returns the same outcome.
    Result<void> join();

private:
    struct State {
        std::optional<Error> error; // written by the thread before it ends, read after join
    };
    std::thread m_thread;
    std::unique_ptr<State> m_state;
};

// Runs `work` on `threads` threads, the calling thread being one of them, and waits for all. The
// work shares out its units itself (typically an atomic counter). Returns the first Error any of
// them gave (each named `what`), else Ok. When fewer threads can be started, the others do the work.
Result<void> runOnThreads(int threads, const std::string &what, const std::function<void()> &work);

} // namespace kiln
