#pragma once
// Small file-system helpers with Kiln's safety rules: writes are atomic (temporary file, then
// rename) and moves never overwrite. Safe to call from any thread.

#include "core/result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kiln {

// Writes `data` to `path` through a temporary file in the same folder, fsynced, a rename and an
// fsync of the folder, so readers (and the disk after a power cut) see either the old or the new
// content, never a half-written file. On any error `path` is left as it was and nothing stays behind.
Result<void> writeFileAtomic(const std::filesystem::path &path, std::string_view data);
// Copies `from` to `to` the same way: a copy cut short (a full disk, a read error) never replaces `to`.
Result<void> copyFileAtomic(const std::filesystem::path &from, const std::filesystem::path &to);
// Appends `line` and a newline to `file` (created when missing) and syncs it to disk. When the file
// does not end in a newline (a line torn by a crash), one is written first, so the torn line never
// swallows this one.
Result<void> appendLine(const std::filesystem::path &file, std::string_view line);

// Reads a whole regular file. Refuses files larger than `maxBytes`.
Result<std::vector<unsigned char>> readFileBytes(const std::filesystem::path &path,
                                                 std::uint64_t maxBytes);

// A path that does not exist yet: `wanted` itself, or "name_1.ext", "name_2.ext", ...
std::filesystem::path uniquePath(const std::filesystem::path &wanted);

// Moves `from` to `to` (creating parent folders) without ever replacing an existing file; when
// `to` exists the file lands at uniquePath(to). Returns where it landed.
Result<std::filesystem::path> moveNoClobber(const std::filesystem::path &from,
                                            const std::filesystem::path &to);

// Copies without ever replacing an existing file; returns where the copy landed.
Result<std::filesystem::path> copyNoClobber(const std::filesystem::path &from,
                                            const std::filesystem::path &to);

// A file or folder name made safe for every common file system: path separators, control
// characters and characters Windows refuses become '-'; "." and ".." and empty names become "_".
std::string sanitizeFileName(std::string_view name);

// std::strerror of errno, for messages.
std::string systemErrorText(int err);

} // namespace kiln
