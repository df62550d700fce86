#include "data/idximport.h"

#include "core/fileutil.h"
#include "core/guardedthread.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kiln {

const std::vector<std::string> &fashionMnistClasses()
{
    static const std::vector<std::string> names{"T-shirt-top", "Trouser", "Pullover", "Dress", "Coat",
                                                "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};
    return names;
}

const std::vector<std::string> &digitClasses()
{
    static const std::vector<std::string> names{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    return names;
}

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

} // namespace

std::vector<std::string> guessIdxClassNames(const fs::path &imagesPath)
{
    return lower(imagesPath.string()).find("fashion") != std::string::npos ? fashionMnistClasses() : digitClasses();
}

std::string guessIdxSubset(const fs::path &imagesPath)
{
    const std::string name = lower(imagesPath.filename().string());
    if (name.rfind("train", 0) == 0)
        return "train";
    if (name.rfind("t10k", 0) == 0 || name.rfind("test", 0) == 0)
        return "test";
    return {};
}

Result<IdxArray> readIdx(const fs::path &path)
{
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        return Error{"The IDX file " + path.string() + " does not exist or is not a file."};
    gzFile gz = ::gzopen(path.c_str(), "rb"); // reads plain files transparently
    if (!gz)
        return Error{"Cannot open " + path.string() + ": " + systemErrorText(errno)};
    auto readExactly = [&](void *buf, std::size_t n) -> bool {
        auto *p = static_cast<unsigned char *>(buf);
        while (n > 0) {
            const unsigned chunk = static_cast<unsigned>(std::min<std::size_t>(n, 1u << 30));
            const int got = ::gzread(gz, p, chunk);
            if (got <= 0)
                return false;
            p += got;
            n -= static_cast<std::size_t>(got);
        }
        return true;
    };
    unsigned char magic[4];
    if (!readExactly(magic, 4)) {
        ::gzclose(gz);
        return Error{path.string() + " is too short to be an IDX file."};
    }
    if (magic[0] != 0 || magic[1] != 0 || magic[2] != 0x08 || magic[3] == 0 || magic[3] > 4) {
        ::gzclose(gz);
        return Error{path.string() + " is not an IDX file of unsigned bytes (its magic number is wrong)."};
    }
    IdxArray arr;
    std::uint64_t count = 1;
    for (int i = 0; i < magic[3]; ++i) {
        unsigned char b[4];
        if (!readExactly(b, 4)) {
            ::gzclose(gz);
            return Error{path.string() + " is truncated inside its header."};
        }
        const std::uint32_t d = (std::uint32_t(b[0]) << 24) | (std::uint32_t(b[1]) << 16) | (std::uint32_t(b[2]) << 8) | b[3];
        arr.dims.push_back(d);
        count *= d;
        if (count > (4ull << 30)) {
            ::gzclose(gz);
            return Error{path.string() + " claims more than 4 GiB of data; refusing to read it."};
        }
    }
    arr.data.resize(static_cast<std::size_t>(count));
    const bool complete = readExactly(arr.data.data(), arr.data.size());
    ::gzclose(gz);
    if (!complete)
        return Error{path.string() + " is truncated: its header promises " + std::to_string(count)
                     + " bytes of data. Download or copy it again."};
    return arr;
}

Result<IdxImportSummary> importIdx(const fs::path &imagesPath, const fs::path &labelsPath,
                                   const fs::path &outRoot, const IdxImportOptions &options, Progress *progress)
{
    auto images = readIdx(imagesPath);
    if (!images)
        return images.error();
    auto labels = readIdx(labelsPath);
    if (!labels)
        return labels.error();
    const auto &idims = images->dims;
    if (idims.size() != 3 || idims[1] == 0 || idims[2] == 0)
        return Error{imagesPath.string() + " does not hold images (expected 3 dimensions: count, rows, columns)."};
    if (labels->dims.size() != 1)
        return Error{labelsPath.string() + " does not hold labels (expected 1 dimension)."};
    if (labels->dims[0] != idims[0])
        return Error{"The files disagree: " + std::to_string(idims[0]) + " images but "
                     + std::to_string(labels->dims[0]) + " labels. Pair each images file with its own labels file."};

    IdxImportSummary summary;
    summary.classes = options.classNames.empty() ? guessIdxClassNames(imagesPath) : options.classNames;
    const auto maxLabel = labels->data.empty() ? 0 : *std::max_element(labels->data.begin(), labels->data.end());
    if (std::size_t(maxLabel) >= summary.classes.size())
        return Error{"Label " + std::to_string(maxLabel) + " has no class name (" + std::to_string(summary.classes.size())
                     + " names given)."};
    for (auto &c : summary.classes)
        c = sanitizeFileName(c);
    summary.perClass.assign(summary.classes.size(), 0);

    std::error_code ec;
    for (const auto &c : summary.classes) {
        fs::create_directories(outRoot / c, ec);
        if (ec)
            return Error{"Cannot create " + (outRoot / c).string() + ": " + ec.message()};
    }
    std::string prefix = options.filePrefix;
    if (prefix.empty()) {
        const std::string subset = guessIdxSubset(imagesPath);
        prefix = (subset.empty() ? std::string("img") : subset) + "_";
    }

    const std::size_t n = idims[0];
    const int rows = static_cast<int>(idims[1]);
    const int cols = static_cast<int>(idims[2]);
    const int width = std::max<int>(5, static_cast<int>(std::to_string(n).size()));
    addTotal(progress, n);
    std::atomic<std::size_t> next{0}, written{0}, present{0};
    std::atomic<bool> failed{false};
    std::string failure;
    std::mutex failureMutex;
    auto worker = [&]() {
        std::vector<unsigned char> png;
        char name[64];
        while (!failed.load() && !isCancelled(progress)) {
            const std::size_t i = next.fetch_add(1);
            if (i >= n)
                break;
            const cv::Mat img(rows, cols, CV_8UC1, images->data.data() + i * std::size_t(rows) * std::size_t(cols));
            std::snprintf(name, sizeof name, "%0*zu.png", width, i);
            const fs::path target = outRoot / summary.classes[labels->data[i]] / (prefix + name);
            // Encoded before the file exists: if OpenCV throws, no empty file is left to count as done.
            cv::imencode(".png", img, png, {cv::IMWRITE_PNG_COMPRESSION, 1});
            const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
            if (fd < 0) {
                if (errno == EEXIST) {
                    ++present;
                    stepProgress(progress);
                    continue;
                }
                const std::lock_guard lock(failureMutex);
                failure = "Cannot write " + target.string() + ": " + systemErrorText(errno);
                failed = true;
                break;
            }
            const bool ok = ::write(fd, png.data(), png.size()) == static_cast<ssize_t>(png.size());
            ::close(fd);
            if (!ok) {
                ::unlink(target.c_str());
                const std::lock_guard lock(failureMutex);
                failure = "Cannot write " + target.string() + ": " + systemErrorText(errno);
                failed = true;
                break;
            }
            ++written;
            stepProgress(progress);
        }
    };
    const unsigned threads = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    auto guarded = [&] {
        try {
            worker();
        } catch (...) {
            failed = true; // the other workers stop too
            throw;
        }
    };
    if (auto ran = runOnThreads(int(threads), "the IDX import", guarded); !ran)
        return Error{ran.message() + ". The files written so far were kept; run the import again to finish it."};
    if (failed)
        return Error{failure + ". The files written so far were kept; run the import again to finish it."};
    summary.written = written;
    summary.alreadyPresent = present;
    summary.cancelled = isCancelled(progress);
    for (std::size_t i = 0; i < n; ++i)
        ++summary.perClass[labels->data[i]];
    return summary;
}

} // namespace kiln
