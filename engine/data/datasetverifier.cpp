#include "data/datasetverifier.h"
#include "data/imageverifier.h"

#include "core/fileutil.h"
#include "core/guardedthread.h"
#include "data/editjournal.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fcntl.h>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kiln {

namespace {

// Moves the failures into the trash as one undoable edit of the dataset's journal.
void quarantine(const fs::path &root, const fs::path &home, DatasetVerifyReport &report)
{
    if (report.failures.empty())
        return;
    auto journal = EditJournal::open(home);
    std::error_code ec;
    if (journal && !fs::equivalent(journal->imagesRoot(), root, ec))
        journal = Error{"the images of " + home.string() + " are not in " + root.string()};
    if (!journal) {
        report.quarantineErrors.push_back("Cannot move the failures to the trash: " + journal.message());
        return;
    }
    std::vector<EditRequest> requests;
    for (const auto &f : report.failures)
        requests.push_back({EditKind::Remove, f.relPath, {},
                            std::string(verifyStatusName(f.result.status)) + ": " + f.result.reason});
    auto outcome = journal->apply(requests);
    if (!outcome) {
        report.quarantineErrors.push_back(outcome.message());
        return;
    }
    for (const auto &m : outcome->moves)
        report.quarantined.push_back(m.from.lexically_relative(root).generic_string());
    for (const auto &f : outcome->failures)
        report.quarantineErrors.push_back(f);
}

} // namespace

DatasetVerifyReport verifyFiles(const fs::path &root, const std::vector<std::string> &relPaths, const fs::path &home,
                                const DatasetVerifyOptions &options, Progress *progress)
{
    const auto start = std::chrono::steady_clock::now();
    DatasetVerifyReport report;
    addTotal(progress, relPaths.size());
    std::atomic<std::size_t> next{0}, checked{0}, ok{0};
    std::mutex mutex;
    const std::string rootPrefix = root.string() + "/";
    auto worker = [&]() {
        std::vector<FileVerdict> local;
        std::size_t localOk = 0, localChecked = 0;
        while (!isCancelled(progress)) {
            const std::size_t i = next.fetch_add(1, std::memory_order_relaxed);
            if (i >= relPaths.size())
                break;
            VerifyResult r;
            try {
                r = verifyImageFile(rootPrefix + relPaths[i], options.image);
            } catch (...) {
                r.status = VerifyStatus::Unreadable;
                r.reason = "cannot check it: " + exceptionText(std::current_exception());
            }
            ++localChecked;
            if (r.ok())
                ++localOk;
            else
                local.push_back({relPaths[i], std::move(r)});
            stepProgress(progress);
        }
        checked += localChecked;
        ok += localOk;
        const std::lock_guard lock(mutex);
        for (auto &v : local)
            report.failures.push_back(std::move(v));
    };
    int threads = options.threads > 0 ? options.threads : int(std::max(1u, std::thread::hardware_concurrency()));
    threads = std::max(1, std::min<int>(threads, int(std::max<std::size_t>(1, relPaths.size()))));
    if (auto ran = runOnThreads(threads, "verifying " + root.string(), worker); !ran)
        report.error = ran.message() + ". The images were not changed; verify again.";
    report.checked = checked;
    report.ok = ok;
    report.cancelled = isCancelled(progress);
    std::sort(report.failures.begin(), report.failures.end(),
              [](const FileVerdict &a, const FileVerdict &b) { return a.relPath < b.relPath; });
    if (options.quarantine && !report.cancelled && report.error.empty()) {
        quarantine(root, home, report);
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

} // namespace kiln
