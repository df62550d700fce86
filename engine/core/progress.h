#pragma once
// Progress shared between a long job and whoever watches it. A job adds the units of work it is
// about to do to `total` (so jobs run in sequence compose), raises `done` as it goes, and reads
// `cancel` between units; the watcher (any thread) polls `done`/`total` and may
// set `cancel`. Lock-free, so a GUI timer can read it every frame.

#include <atomic>
#include <cstddef>

namespace kiln {

struct Progress {
    std::atomic<std::size_t> done{0};
    std::atomic<std::size_t> total{0};
    std::atomic<bool> cancel{false};

    bool cancelled() const { return cancel.load(std::memory_order_relaxed); }
    void step(std::size_t n = 1) { done.fetch_add(n, std::memory_order_relaxed); }
};

// Convenience for code that takes an optional Progress*.
inline bool isCancelled(const Progress *p) { return p && p->cancelled(); }
inline void stepProgress(Progress *p, std::size_t n = 1) { if (p) p->step(n); }
inline void addTotal(Progress *p, std::size_t n) { if (p) p->total.fetch_add(n); }

} // namespace kiln
