#pragma once
// An exclusive advisory lock on a file (flock), held for the object's lifetime, so the GUI and
// kiln-cli (or two of either) take turns on a project's files. Creates the lock file and its
// folder when missing. Blocking; any thread.

#include <filesystem>
#include <string>

namespace kiln {

class FileLock {
public:
    explicit FileLock(const std::filesystem::path &lockFile);
    ~FileLock();
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;
    // Empty when the lock is held; else why it could not be taken.
    const std::string &error() const { return m_error; }

private:
    int m_fd = -1;
    std::string m_error;
};

} // namespace kiln
