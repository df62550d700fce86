#pragma once
// Verifies many image files in parallel (every pixel decoded, see imageverifier.h) and, on request,
// moves the failures into the dataset's trash (.kiln/trash/), never deleting anything, as one
// undoable edit of the dataset's journal (see editjournal.h). Callable from any thread; blocks until done or
// cancelled through kiln::Progress.

#include "core/progress.h"
#include "core/result.h"
#include "data/verifyresult.h"

#include <filesystem>
#include <string>
#include <vector>

namespace kiln {

struct FileVerdict {
    std::string relPath;
    VerifyResult result;
};

struct DatasetVerifyReport {
    std::size_t checked = 0;
    std::size_t ok = 0;
    std::vector<FileVerdict> failures; // sorted by path
    std::vector<std::string> quarantined; // relative paths moved to the trash
    std::vector<std::string> quarantineErrors;
    bool cancelled = false;
    std::string error; // verifying failed as a whole (the counts cover what was checked); nothing was quarantined
    double seconds = 0;
};

struct DatasetVerifyOptions {
    VerifyOptions image;
    int threads = 0;          // 0: one per core
    bool quarantine = false;  // move failures into <home>/.kiln/trash/<relPath>
};

// `root` is the folder the relative paths are under; `home` holds .kiln/ (see locateDataset()).
DatasetVerifyReport verifyFiles(const std::filesystem::path &root, const std::vector<std::string> &relPaths,
                                const std::filesystem::path &home, const DatasetVerifyOptions &options = {},
                                Progress *progress = nullptr);

} // namespace kiln
