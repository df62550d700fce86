#include "data/datasetverifier.h"

#include "core/fileutil.h"

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

Result<void> appendJournal(const fs::path &home, const QJsonObject &entry)
{
    const fs::path dir = home / ".kiln";
    std::error_code ec;
    fs::create_directories(dir, ec);
    const fs::path journal = dir / "journal.jsonl";
    QByteArray line = QJsonDocument(entry).toJson(QJsonDocument::Compact);
    line.append('\n');
    const int fd = ::open(journal.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
        return Error{"Cannot write the journal " + journal.string() + ": " + systemErrorText(errno)};
    const bool ok = ::write(fd, line.constData(), std::size_t(line.size())) == line.size() && ::fsync(fd) == 0;
    const int err = errno;
    ::close(fd);
    if (!ok)
        return Error{"Cannot write the journal " + journal.string() + ": " + systemErrorText(err)};
    return Ok{};
}

} // namespace

Result<fs::path> moveToTrash(const fs::path &root, const std::string &relPath, const fs::path &home,
                             const std::string &reason)
{
    const fs::path from = root / relPath;
    const fs::path wanted = home / ".kiln" / "trash" / relPath;
    const fs::path to = uniquePath(wanted);
    std::error_code ec;
    const fs::path homeRel = fs::relative(from, home, ec);
    const fs::path trashRel = fs::relative(to, home, ec);
    QJsonObject entry{{"time", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                      {"op", "remove"},
                      {"file", QString::fromStdString(homeRel.generic_string())},
                      {"trash", QString::fromStdString(trashRel.generic_string())},
                      {"reason", QString::fromStdString(reason)}};
    if (auto j = appendJournal(home, entry); !j)
        return j.error();
    return moveNoClobber(from, to);
}

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
            VerifyResult r = verifyImageFile(rootPrefix + relPaths[i], options.image);
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
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (auto &t : pool)
        t.join();
    report.checked = checked;
    report.ok = ok;
    report.cancelled = isCancelled(progress);
    std::sort(report.failures.begin(), report.failures.end(),
              [](const FileVerdict &a, const FileVerdict &b) { return a.relPath < b.relPath; });
    if (options.quarantine && !report.cancelled) {
        for (const auto &f : report.failures) {
            auto moved = moveToTrash(root, f.relPath, home,
                                     std::string(verifyStatusName(f.result.status)) + ": " + f.result.reason);
            if (moved)
                report.quarantined.push_back(f.relPath);
            else
                report.quarantineErrors.push_back(f.relPath + ": " + moved.message());
        }
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

} // namespace kiln
