#include "cli/cliapplication.h"
#include "cli/clicommon.h"

#include "acquire/acquirejob.h"
#include "data/project.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include <cmath>
#include <map>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kiln::cli {

int acquire(const Args &a, const Io &io)
{
    const std::vector<std::string> names = a.all("--class");
    if (a.positional.size() != 1 || names.empty())
        return io.usage("usage: kiln-cli acquire PROJECT --class NAME [--class NAME ...] [--per-class N] [--query-suffix TEXT] "
                        "[--urls FILE] [--endpoint URL] [--concurrency N] [--max-side PX] [--region R] [--safe on|moderate|off] "
                        "[--size S] [--type T] [--layout L] [--json]");
    // A class name becomes a folder name: refused up front, named, before anything is created.
    for (const auto &n : names)
        if (const std::string problem = classNameProblem(n); !problem.empty())
            return io.usage(problem);
    long long perClass = 100, concurrency = 16, maxSide = 0;
    if (a.has("--per-class") && (!parseInt(a.get("--per-class"), perClass) || perClass < 1 || perClass > 100000))
        return io.usage("--per-class takes a whole number from 1 to 100000");
    if (a.has("--concurrency") && (!parseInt(a.get("--concurrency"), concurrency) || concurrency < 1 || concurrency > 256))
        return io.usage("--concurrency takes a whole number from 1 to 256");
    if (a.has("--max-side") && (!parseInt(a.get("--max-side"), maxSide) || maxSide < 16 || maxSide > 20000))
        return io.usage("--max-side takes a number of pixels from 16 to 20000");
    const std::string safe = a.get("--safe", "moderate");
    if (safe != "on" && safe != "moderate" && safe != "off")
        return io.usage("--safe takes on, moderate or off");
    QStringList urls;
    if (a.has("--urls")) {
        if (names.size() != 1)
            return io.usage("--urls fills one class: give exactly one --class with it");
        QFile f(qs(a.get("--urls")));
        if (!f.open(QIODevice::ReadOnly))
            return io.fail("Cannot read " + a.get("--urls") + ": " + f.errorString().toStdString());
        urls = QString::fromUtf8(f.readAll()).split('\n');
    }
    const fs::path dir = a.positional[0];
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        if (auto created = Project::create(dir); !created)
            return io.fail(created.message());
    }
    const std::string suffix = a.get("--query-suffix");
    std::vector<AcquireClass> classes;
    for (const auto &n : names)
        classes.push_back({qs(n), qs(suffix.empty() ? n : n + " " + suffix), int(perClass), urls});
    AcquireOptions options;
    options.search.endpoint = a.has("--endpoint") ? qs(a.get("--endpoint")) : defaultSearchEndpoint();
    options.search.region = qs(a.get("--region", "us-en"));
    options.search.safeSearch = qs(safe);
    options.search.size = qs(a.get("--size"));
    options.search.type = qs(a.get("--type"));
    options.search.layout = qs(a.get("--layout"));
    options.concurrency = int(concurrency);
    options.maxSide = int(maxSide);

    AcquireJob job(dir, classes, options);
    QEventLoop loop;
    bool cancelled = false;
    QObject::connect(&job, &AcquireJob::finished, &loop, [&](bool c) {
        cancelled = c;
        loop.quit();
    });
    const bool tty = ::isatty(::fileno(io.err));
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
        if (!tty)
            return;
        int have = 0, wanted = 0, failed = 0, dups = 0;
        QString state;
        for (const auto &c : job.counts()) {
            have += c.have();
            wanted += c.wanted;
            failed += c.failed;
            dups += c.duplicates;
            if (state.isEmpty() && c.state.contains("retrying"))
                state = c.state;
        }
        const double elapsed = job.elapsedSeconds();
        int downloaded = 0;
        for (const auto &c : job.counts())
            downloaded += c.downloaded;
        const double rate = elapsed > 0 ? downloaded / elapsed : 0;
        const double left = rate > 0 ? (wanted - have) / rate : NAN;
        std::fprintf(io.err, "\r\033[Kacquire %d/%d images  %d failed  %d duplicates  %.1f/s  %s left  %s", have, wanted, failed,
                     dups, rate, formatDuration(left).c_str(), state.toStdString().c_str());
        std::fflush(io.err);
    });
    ticker.start(200);
    QTimer::singleShot(0, &job, &AcquireJob::start);
    loop.exec();
    ticker.stop();
    if (tty)
        std::fprintf(io.err, "\r\033[K");
    if (const std::string escaped = takeEscapedException(); !escaped.empty())
        return io.fail("acquire stopped on an internal error (" + escaped + "). What was downloaded is kept in "
                       + dir.string() + "; run the same command again to resume, and please report the error.");

    std::map<std::string, int> reasons;
    for (const auto &f : job.failures()) {
        std::string r = f.reason.toStdString();
        // Group by the kind of failure: the text before the first detail.
        for (const char *cut : {" (", ": ", " of "})
            if (auto p = r.find(cut); p != std::string::npos && p > 0)
                r = r.substr(0, p);
        ++reasons[f.status.toStdString() == "duplicate" ? "duplicate" : r];
    }
    if (io.json) {
        QJsonArray cls, failures;
        for (std::size_t c = 0; c < classes.size(); ++c) {
            const auto &k = job.counts()[c];
            cls.append(QJsonObject{{"class", classes[c].name}, {"query", classes[c].query}, {"wanted", k.wanted},
                                   {"present", k.present}, {"found", k.found}, {"downloaded", k.downloaded},
                                   {"failed", k.failed}, {"duplicates", k.duplicates},
                                   {"manifest", qs(job.manifestFile(int(c)).string())}});
        }
        for (const auto &f : job.failures())
            failures.append(QJsonObject{{"class", f.classIndex >= 0 ? classes[std::size_t(f.classIndex)].name : QString()},
                                        {"url", f.url}, {"status", f.status}, {"reason", f.reason}, {"file", f.file},
                                        {"cross_class", f.crossClass}});
        io.printJson(QJsonObject{{"classes", cls}, {"failures", failures}, {"seconds", job.elapsedSeconds()},
                                 {"cancelled", cancelled}});
    } else {
        std::string out;
        char line[512];
        std::size_t w = 5;
        for (const auto &c : classes)
            w = std::max<std::size_t>(w, std::size_t(c.name.size()));
        std::snprintf(line, sizeof line, "%-*s %7s %7s %7s %7s %7s %7s\n", int(w), "class", "wanted", "before", "found", "new",
                      "failed", "dups");
        out += line;
        for (std::size_t c = 0; c < classes.size(); ++c) {
            const auto &k = job.counts()[c];
            std::snprintf(line, sizeof line, "%-*s %7d %7d %7d %7d %7d %7d%s\n", int(w), classes[c].name.toStdString().c_str(),
                          k.wanted, k.present, k.found, k.downloaded, k.failed, k.duplicates,
                          k.have() < k.wanted ? "  (short: the search ran out of usable images)" : "");
            out += line;
        }
        std::snprintf(line, sizeof line, "%.1f s\n", job.elapsedSeconds());
        out += line;
        if (!reasons.empty()) {
            out += "not kept, by reason:\n";
            for (const auto &[r, n] : reasons) {
                std::snprintf(line, sizeof line, "  %5d  %s\n", n, r.c_str());
                out += line;
            }
            out += "every URL's outcome is in " + fs::path(job.manifestFile(0)).parent_path().string() + "/<class>.jsonl\n";
        }
        io.print(out);
    }
    bool searchFailed = false;
    for (const auto &f : job.failures())
        searchFailed = searchFailed || f.url.isEmpty();
    return cancelled || searchFailed ? 1 : 0;
}

} // namespace kiln::cli
