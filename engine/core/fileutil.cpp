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

namespace {

// Makes a rename or a new name in `dir` durable: fsync of the folder itself. File systems that
// cannot sync a folder (EINVAL) have nothing to flush.
Result<void> syncFolder(const fs::path &dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return Error{"Cannot open the folder " + dir.string() + " to sync it: " + systemErrorText(errno)};
    const bool ok = ::fsync(fd) == 0 || errno == EINVAL;
    const int err = errno;
    ::close(fd);
    if (!ok)
        return Error{"Cannot sync the folder " + dir.string() + ": " + systemErrorText(err)};
    return Ok{};
}

// A temporary file beside `path` that replaces it on commit(). Until then `path` is untouched;
// the descriptor is closed and the temporary file removed on every way out.
class AtomicFile {
public:
    explicit AtomicFile(const fs::path &path)
        : m_path(path)
        , m_dir(path.parent_path().empty() ? fs::path(".") : path.parent_path())
    {
    }
    ~AtomicFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        if (!m_tmp.empty())
            ::unlink(m_tmp.c_str());
    }
    AtomicFile(const AtomicFile &) = delete;
    AtomicFile &operator=(const AtomicFile &) = delete;

    Result<void> open()
    {
        std::error_code ec;
        fs::create_directories(m_dir, ec);
        std::string name = ".";
        name += m_path.filename().string();
        name += ".tmp-XXXXXX";
        std::string tmpl = (m_dir / name).string();
        m_fd = ::mkostemp(tmpl.data(), O_CLOEXEC);
        if (m_fd < 0)
            return Error{"Cannot write " + m_path.string() + ": " + systemErrorText(errno)
                         + ". Check that the folder exists and is writable."};
        m_tmp = tmpl;
        return Ok{};
    }

    Result<void> write(const char *p, std::size_t left)
    {
        while (left > 0) {
            const ssize_t n = ::write(m_fd, p, left);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return Error{"Cannot write " + m_path.string() + ": " + systemErrorText(errno)
                             + ". Free some disk space; the previous file is kept."};
            }
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        return Ok{};
    }

    // Makes the content durable, then renames it over `path` and syncs the folder.
    Result<void> commit()
    {
        ::fchmod(m_fd, 0644);
        int err = ::fsync(m_fd) == 0 ? 0 : errno;
        if (::close(m_fd) != 0 && err == 0)
            err = errno;
        m_fd = -1;
        if (err != 0)
            return Error{"Cannot write " + m_path.string() + ": " + systemErrorText(err) + ". The previous file is kept."};
        if (::rename(m_tmp.c_str(), m_path.c_str()) != 0)
            return Error{"Cannot replace " + m_path.string() + ": " + systemErrorText(errno)};
        m_tmp.clear();
        return syncFolder(m_dir);
    }

private:
    fs::path m_path, m_dir;
    std::string m_tmp;
    int m_fd = -1;
};

} // namespace

Result<void> writeFileAtomic(const fs::path &path, std::string_view data)
{
    AtomicFile file(path);
    if (auto r = file.open(); !r)
        return r;
    if (auto r = file.write(data.data(), data.size()); !r)
        return r;
    return file.commit();
}

Result<void> copyFileAtomic(const fs::path &from, const fs::path &to)
{
    const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return Error{"Cannot read " + from.string() + ": " + systemErrorText(errno)};
    AtomicFile file(to);
    Result<void> r = file.open();
    std::vector<char> buf(1 << 20);
    while (r) {
        const ssize_t n = ::read(in, buf.data(), buf.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            r = Error{"Cannot read " + from.string() + ": " + systemErrorText(errno)};
            break;
        }
        if (n == 0)
            break;
        r = file.write(buf.data(), std::size_t(n));
    }
    ::close(in);
    if (!r)
        return r;
    return file.commit();
}

Result<void> appendLine(const fs::path &file, std::string_view line)
{
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
        return Error{"Cannot write " + file.string() + ": " + systemErrorText(errno)};
    std::string text;
    text.reserve(line.size() + 2);
    // A crash can tear the last line; never glue a new line onto it.
    const off_t size = ::lseek(fd, 0, SEEK_END);
    char last = '\n';
    if (size > 0 && ::pread(fd, &last, 1, size - 1) == 1 && last != '\n')
        text.push_back('\n');
    text.append(line);
    text.push_back('\n');
    bool ok = true;
    const char *p = text.data();
    std::size_t left = text.size();
    while (ok && left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR)
            continue;
        ok = n > 0;
        if (ok) {
            p += n;
            left -= std::size_t(n);
        }
    }
    if (ok)
        ok = ::fdatasync(fd) == 0;
    const int err = errno;
    ::close(fd);
    if (!ok)
        return Error{"Cannot write " + file.string() + ": " + systemErrorText(err)
                     + ". Free some disk space or check the folder's permissions."};
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
