#pragma once
// Measures event-loop lateness: a 5 ms precise timer records how late each tick fires, which is
// how long the GUI thread was blocked. Used by the GUI tests and benchmarks.

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace kiln::test {

class LatencyProbe {
public:
    LatencyProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kIntervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            if (m_tick.isValid())
                m_lateness.push_back(std::max(0.0, m_tick.nsecsElapsed() / 1e6 - kIntervalMs));
            m_tick.restart();
        });
    }
    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }
    std::size_t samples() const { return m_lateness.size(); }
    // The p-th quantile (0..1) of the lateness in milliseconds.
    double percentile(double p) const
    {
        if (m_lateness.empty())
            return 0;
        std::vector<double> sorted = m_lateness;
        std::sort(sorted.begin(), sorted.end());
        return sorted[std::size_t(double(sorted.size() - 1) * p)];
    }
    double max() const { return m_lateness.empty() ? 0 : *std::max_element(m_lateness.begin(), m_lateness.end()); }

private:
    static constexpr int kIntervalMs = 5;
    QTimer m_timer;
    QElapsedTimer m_tick;
    std::vector<double> m_lateness;
};

} // namespace kiln::test
