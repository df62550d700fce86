#pragma once
// A t-SNE layout of a run's images as CSV: file (relative to the dataset's home), split, actual,
// predicted, loss, x, y. `kiln-cli tsne --out` writes it, and every t-SNE that finishes (CLI or
// GUI) is also kept as RUN/tsne.csv so the run's report can show it. Torch-free; any thread.

#include "analysis/runanalysis.h"
#include "core/result.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiln {

// rows: which predictions, in the layout's order (layout is rows.size() x 2); files relative to
// `base`, or as they are when it is empty.
std::string tsneCsv(const RunPredictions &preds, const std::vector<std::size_t> &rows, const std::vector<float> &layout,
                    const std::filesystem::path &base);

std::filesystem::path runTsneFile(const std::filesystem::path &runDir);

struct TsnePoints {
    std::vector<std::string> actual, predicted; // class names
    std::vector<float> xy;                      // n x 2
    std::size_t size() const { return actual.size(); }
};
// The points of a tsne CSV; nullopt when the file does not exist, an Error naming the file and line
// when it is damaged.
Result<std::optional<TsnePoints>> readTsneCsv(const std::filesystem::path &file);

} // namespace kiln
