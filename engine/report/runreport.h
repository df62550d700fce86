#pragma once
// A run as one self-contained HTML file to share: the dataset, the configuration, the training
// curves (inline SVG), the confusion matrix, per-class metrics with average precision and ROC AUC,
// the most-confused pairs, a grid of the top losses (thumbnails inlined as data: PNGs), the t-SNE
// of its embeddings when one was computed (RUN/tsne.csv) and the models exported from it. Nothing
// in it refers to the network or to another file. Synchronous; call from a worker thread.

#include "core/progress.h"
#include "core/result.h"

#include <filesystem>
#include <string>

namespace kiln {

struct ReportOptions {
    int topLosses = 24;         // thumbnails in the grid
    int threads = 0;            // prediction threads (0: every core)
    std::string device = "auto";
    bool useCache = true;       // the run's saved predictions
};

Result<std::string> runReportHtml(const std::filesystem::path &runDir, const ReportOptions &options = {},
                                  Progress *progress = nullptr);

// Text made safe for HTML (& < > " ').
std::string htmlEscape(const std::string &text);

} // namespace kiln
