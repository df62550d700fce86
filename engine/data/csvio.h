#pragma once
// CSV exchange with other tools: `path,label` rows (an optional header names the columns; extra
// columns are ignored). Import copies the listed files into an image-folder dataset; export writes
// one row per sample with its split. Callable from any thread.

#include "core/progress.h"
#include "core/result.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kiln {

class DatasetIndex;

// Splits CSV text into rows of fields (RFC 4180: quoted fields, doubled quotes, CRLF or LF).
std::vector<std::vector<std::string>> parseCsv(std::string_view text);
// One CSV field, quoted when needed.
std::string csvField(std::string_view value);

struct CsvImportSummary {
    std::size_t copied = 0;
    std::vector<std::string> classes;
    std::vector<std::string> problems; // per row: missing file, empty label, ... (row number first)
    bool cancelled = false;
};

// Reads `csvPath`; each path is relative to `sourceRoot` (or absolute) and is copied to
// outRoot/<label>/<file name>. Nothing is overwritten: a clash gets a "_1" suffix. Only files that
// verify as images (imageverifier.h) are copied, and a relative path that leaves `sourceRoot`
// ("../../etc/passwd") is refused. Rows that cannot be honoured are listed in problems; a CSV
// without usable rows is an error.
Result<CsvImportSummary> importCsv(const std::filesystem::path &csvPath, const std::filesystem::path &sourceRoot,
                                   const std::filesystem::path &outRoot, Progress *progress = nullptr);

// Writes `path,label,split` for every sample, paths relative to the dataset root. Atomic.
Result<void> exportCsv(const DatasetIndex &index, const std::filesystem::path &outPath);

} // namespace kiln
