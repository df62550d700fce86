#include "core/fileutil.h"
#include "core/filelock.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kiln {

std::string systemErrorText(int err)
{
    return std::strerror(err);
}

Result<void> writeFileAtomic(const fs::path &path, std::string_view data)
{
    std::error_code ec;
    const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    fs::create_directories(dir, ec);
    // Appended rather than "." + ...: GCC 12's string inlining warns (falsely) on operator+(const char *, string &&).
    std::string hidden(".");
    hidden.append(path.filename().string()).append(".tmp-XXXXXX");
    std::string tmpl = (dir / hidden).string();
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    int fd = ::mkstemp(buf.data());
    if (fd < 0)
        return Error{"Cannot write " + path.string() + ": " + systemErrorText(errno)
                     + ". Check that the folder exists and is writable."};
    const std::string tmpPath(buf.data());
    const char *p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            ::close(fd);
            ::unlink(tmpPath.c_str());
            return Error{"Cannot write " + path.string() + ": " + systemErrorText(err)};
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    ::fchmod(fd, 0644);
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmpPath.c_str());
        return Error{"Cannot write " + path.string() + ": " + systemErrorText(err)};
    }
    if (::rename(tmpPath.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmpPath.c_str());
        return Error{"Cannot replace " + path.string() + ": " + systemErrorText(err)};
    }
    return Ok{};
}

Result<std::vector<unsigned char>> readFileBytes(const fs::path &path, std::uint64_t maxBytes)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return Error{"Cannot open " + path.string() + ": " + systemErrorText(errno)};
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return Error{path.string() + " is not a regular file"};
    }
    if (static_cast<std::uint64_t>(st.st_size) > maxBytes) {
        ::close(fd);
        return Error{path.string() + " is " + std::to_string(st.st_size) + " bytes, over the limit of "
                     + std::to_string(maxBytes)};
    }
    std::vector<unsigned char> bytes(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (got < bytes.size()) {
        ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            ::close(fd);
            return Error{"Cannot read " + path.string() + ": " + systemErrorText(err)};
        }
        if (n == 0)
            break; // the file shrank while we read it
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    bytes.resize(got);
    return bytes;
}

fs::path uniquePath(const fs::path &wanted)
{
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(wanted, ec)))
        return wanted;
    const fs::path dir = wanted.parent_path();
    const std::string stem = wanted.stem().string();
    const std::string ext = wanted.extension().string();
    for (int i = 1;; ++i) {
        fs::path candidate = dir / (stem + "_" + std::to_string(i) + ext);
        if (!fs::exists(fs::symlink_status(candidate, ec)))
            return candidate;
    }
}

Result<fs::path> moveNoClobber(const fs::path &from, const fs::path &to)
{
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    if (ec)
        return Error{"Cannot create folder " + to.parent_path().string() + ": " + ec.message()};
    // link() + unlink() never replaces an existing target (rename() would); retry on a race.
    for (int attempt = 0; attempt < 100; ++attempt) {
        fs::path target = uniquePath(to);
        if (::link(from.c_str(), target.c_str()) == 0) {
            if (::unlink(from.c_str()) != 0) {
                const int err = errno;
                ::unlink(target.c_str());
                return Error{"Cannot move " + from.string() + ": " + systemErrorText(err)};
            }
            return target;
        }
        if (errno == EEXIST)
            continue;
        if (errno == EXDEV || errno == EPERM || errno == ENOTSUP || errno == EMLINK) {
            // Another file system or no hard links: copy exclusively, then remove the original.
            auto copied = copyNoClobber(from, target);
            if (!copied)
                return copied.error();
            if (::unlink(from.c_str()) != 0) {
                const int err = errno;
                ::unlink(copied.value().c_str());
                return Error{"Cannot move " + from.string() + ": " + systemErrorText(err)};
            }
            return copied.value();
        }
        return Error{"Cannot move " + from.string() + " to " + target.string() + ": "
                     + systemErrorText(errno)};
    }
    return Error{"Cannot find a free name for " + to.string()};
}

Result<fs::path> copyNoClobber(const fs::path &from, const fs::path &to)
{
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    if (ec)
        return Error{"Cannot create folder " + to.parent_path().string() + ": " + ec.message()};
    for (int attempt = 0; attempt < 100; ++attempt) {
        fs::path target = uniquePath(to);
        if (fs::copy_file(from, target, fs::copy_options::none, ec))
            return target;
        if (ec == std::errc::file_exists)
            continue;
        return Error{"Cannot copy " + from.string() + " to " + target.string() + ": " + ec.message()};
    }
    return Error{"Cannot find a free name for " + to.string()};
}

std::string sanitizeFileName(std::string_view name)
{
    std::string out;
    out.reserve(name.size());
    for (unsigned char c : name) {
        if (c < 0x20 || c == 0x7f || std::strchr("/\\:*?\"<>|", c) != nullptr)
            out.push_back('-');
        else
            out.push_back(static_cast<char>(c));
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '.'))
        out.pop_back();
    while (!out.empty() && out.front() == ' ')
        out.erase(out.begin());
    if (out.empty())
        return "_";
    if (out.front() == '.')
        out.front() = '_'; // a leading dot would hide the file or folder
    return out;
}


FileLock::FileLock(const fs::path &lockFile)
{
    std::error_code ec;
    fs::create_directories(lockFile.parent_path(), ec);
    m_fd = ::open(lockFile.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0) {
        m_error = "Cannot lock " + lockFile.string() + ": " + systemErrorText(errno);
        return;
    }
    while (::flock(m_fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            m_error = "Cannot lock " + lockFile.string() + ": " + systemErrorText(errno);
            return;
        }
    }
}

FileLock::~FileLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the lock
}

} // namespace kiln
