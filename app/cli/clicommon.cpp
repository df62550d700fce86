#include "cli/clicommon.h"

#include "core/guardedthread.h"
#include "core/progress.h"

#include <QJsonDocument>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <thread>
#include <unistd.h>

namespace kiln::cli {

Args parse(const std::vector<std::string> &raw, std::size_t from, const std::set<std::string> &flags,
           const std::set<std::string> &valued)
{
    Args a;
    for (std::size_t i = from; i < raw.size(); ++i) {
        const std::string &s = raw[i];
        if (s.rfind("--", 0) == 0 && s.size() > 2) {
            std::string key = s, value;
            const auto eq = s.find('=');
            if (eq != std::string::npos) {
                key = s.substr(0, eq);
                value = s.substr(eq + 1);
            }
            if (flags.count(key) || key == "--json" || key == "--help") {
                a.options[key] = "";
            } else if (valued.count(key)) {
                if (eq == std::string::npos) {
                    if (i + 1 >= raw.size()) {
                        a.error = key + " needs a value";
                        return a;
                    }
                    value = raw[++i];
                }
                a.options[key] = value;
                a.given.emplace_back(key, value);
            } else {
                a.error = "unknown option " + key;
                return a;
            }
        } else {
            a.positional.push_back(s);
        }
    }
    return a;
}

void Io::printJson(const QJsonObject &o) const
{
    print(QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString());
}

QString qs(const std::string &s) { return QString::fromStdString(s); }

std::string fixed(double v, int digits)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

std::string formatDuration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return "?";
    const long s = std::lround(seconds);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

Result<void> runWithProgress(const Io &io, const std::string &label, Progress &progress, const std::function<void()> &job, bool bytes)
{
    const bool tty = ::isatty(::fileno(io.err));
    std::atomic<bool> finished{false};
    // The flag goes up after the job, or from the guard when the job threw.
    GuardedThread worker(label, [&] { job(); finished = true; }, [&](const Error &) { finished = true; });
    if (!worker.joinable())
        return worker.join();
    const auto start = std::chrono::steady_clock::now();
    while (!finished) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (!tty)
            continue;
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const std::size_t done = progress.done, total = progress.total;
        const double rate = elapsed > 0 ? double(done) / elapsed : 0;
        const double left = rate > 0 && total >= done ? double(total - done) / rate : NAN;
        const int width = 30;
        const int filled = total ? int(double(width) * double(done) / double(total)) : 0;
        const std::string bar = std::string(std::size_t(filled), '#') + std::string(std::size_t(width - std::min(width, filled)), '.');
        if (bytes)
            std::fprintf(io.err, "\r%s [%s] %.1f/%.1f MB  %.1f MB/s  %s left ", label.c_str(), bar.c_str(), double(done) / 1e6,
                         double(total) / 1e6, rate / 1e6, formatDuration(left).c_str());
        else
            std::fprintf(io.err, "\r%s [%s] %zu/%zu  %.0f/s  %s left ", label.c_str(), bar.c_str(), done, total, rate,
                         formatDuration(left).c_str());
        std::fflush(io.err);
    }
    auto ran = worker.join();
    if (tty)
        std::fprintf(io.err, "\r\033[K");
    return ran;
}

bool parseDouble(const std::string &s, double &out)
{
    try {
        std::size_t pos = 0;
        out = std::stod(s, &pos);
        return pos == s.size();
    } catch (...) {
        return false;
    }
}

bool parseInt(const std::string &s, long long &out)
{
    try {
        std::size_t pos = 0;
        out = std::stoll(s, &pos);
        return pos == s.size();
    } catch (...) {
        return false;
    }
}

} // namespace kiln::cli
