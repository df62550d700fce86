// Benchmark: indexing and verifying a dataset (issue 2). Run on demand:
//   build/tests/bench/bench_dataset DIR [--files-out LIST]
// Prints index time (warm cache, best and median of 5), resident memory, and verify throughput with
// 1 thread and with every core. tests/bench/run-all.sh runs it beside PIL on the same files.
#include "data/datasetindex.h"
#include "data/datasetverifier.h"
#include "data/project.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <thread>
#include <vector>

using namespace kiln;
using Clock = std::chrono::steady_clock;

namespace {

long residentKb()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    return -1;
}

long peakKb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_dataset DIR [--files-out LIST]\n");
        return 2;
    }
    const std::string dir = argv[1];
    std::string filesOut;
    for (int i = 2; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--files-out")
            filesOut = argv[i + 1];
    const DatasetLocation loc = locateDataset(dir);
    const long rssBefore = residentKb();

    // Index: warm the cache once, then time five scans.
    (void)DatasetIndex::scan(loc.imagesRoot);
    std::vector<double> times;
    std::size_t images = 0;
    long rssIndex = 0;
    for (int i = 0; i < 5; ++i) {
        const auto t0 = Clock::now();
        auto index = DatasetIndex::scan(loc.imagesRoot);
        times.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
        if (!index) {
            std::fprintf(stderr, "%s\n", index.message().c_str());
            return 1;
        }
        images = index->size();
        rssIndex = std::max(rssIndex, residentKb());
    }
    std::sort(times.begin(), times.end());
    std::printf("index: %zu images, best %.3f s, median %.3f s (target < 1 s)\n", images, times[0], times[2]);
    std::printf("index: resident %.1f MB with the index held (process before indexing %.1f MB; target < 100 MB)\n",
                rssIndex / 1024.0, rssBefore / 1024.0);

    auto index = DatasetIndex::scan(loc.imagesRoot);
    std::vector<std::string> files;
    for (const auto &s : index->samples())
        files.push_back(s.relPath);
    if (!filesOut.empty()) {
        std::ofstream out(filesOut);
        for (std::size_t i = 0; i < files.size(); ++i)
            out << index->absolutePath(i).string() << "\n";
    }
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    for (int threads : {1, int(cores)}) {
        DatasetVerifyOptions options;
        options.threads = threads;
        const auto report = verifyFiles(index->root(), files, loc.home, options);
        std::printf("verify: %d thread(s): %zu images in %.2f s = %.0f images/s (%zu failed)\n", threads, report.checked,
                    report.seconds, double(report.checked) / report.seconds, report.failures.size());
    }
    std::printf("peak resident: %.1f MB\n", peakKb() / 1024.0);
    return 0;
}
