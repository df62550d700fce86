#pragma once
// Importing an existing image-folder dataset (source/<class>/**/<image>, or split by train/valid/test
// folders) into a project: every indexed image is copied into outRoot keeping its relative path.
// Nothing in the source is changed; nothing in the destination is overwritten.

#include "core/progress.h"
#include "core/result.h"

#include <filesystem>
#include <string>
#include <vector>

namespace kiln {

struct FolderImportSummary {
    std::size_t copied = 0;
    std::vector<std::string> classes;
    std::vector<std::string> problems;
    std::vector<std::string> warnings; // from indexing the source
    bool cancelled = false;
};

Result<FolderImportSummary> importFolder(const std::filesystem::path &source, const std::filesystem::path &outRoot,
                                         Progress *progress = nullptr);

} // namespace kiln
