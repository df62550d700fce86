#pragma once
// Interpreting a finished run: which model (run.json and its checkpoint), which images (the run's
// dataset, split as the run split it), their predictions (cached in runs/<id>/predictions/ and
// recomputed when the model or the files change), and how label edits made since change them.
// Synchronous; call from a worker thread (QtConcurrent), never from the GUI thread.

#include "analysis/interpretation.h"
#include "analysis/predictor.h"
#include "data/datasetindex.h"
#include "data/editjournal.h"
#include "train/trainconfig.h"

#include <filesystem>
#include <string>
#include <vector>

namespace kiln {

struct RunInfo {
    std::filesystem::path runDir;
    std::filesystem::path datasetDir;
    std::filesystem::path checkpoint; // best.pt for a keep-best run, else last.pt
    TrainConfig config;
    ModelSpec spec;
    PipelineConfig input; // how the run prepared its images (without augmentation)
    std::vector<std::string> classes;
    std::string status; // "finished", "stopped", ...
};

// Reads run.json; fails with a message that says what to do when the run has no result or no
// checkpoint yet.
Result<RunInfo> readRunInfo(const std::filesystem::path &runDir);

enum class AnalysisScope { Valid, Train, Both };
const char *analysisScopeName(AnalysisScope s); // "valid", "train", "both"
bool parseAnalysisScope(const std::string &name, AnalysisScope &out);

struct RunPredictions {
    Predictions predictions;      // every image of the scope that decoded
    std::vector<Split> splits;    // per image: Train or Valid
    std::vector<char> removed;    // per image: moved to the trash by an edit since (1) or not (0)
    bool fromCache = false;       // every split came from the saved predictions
    double seconds = 0;

    // Follows label edits (from EditJournal): a relabelled image gets its new label and the loss
    // recomputed from its probabilities; a removed one is flagged, a restored one unflagged.
    // Returns how many images it changed.
    std::size_t applyMoves(const std::vector<FileMove> &moves, const std::filesystem::path &imagesRoot);
    // The images counted by analysis: not removed, label known, in `scope`.
    bool counts(std::size_t i, AnalysisScope scope) const;
    Interpretation interpretation(AnalysisScope scope) const;
    // Indices of the k largest losses in `scope`, largest first.
    std::vector<std::size_t> topLosses(std::size_t k, AnalysisScope scope) const;
};

// Predictions for a run's validation images, training images or both. Saved predictions are used
// when they were made by the same checkpoint for the same files and labels (useCache).
Result<RunPredictions> predictRun(const RunInfo &run, AnalysisScope scope, const PredictOptions &options = {},
                                  Progress *progress = nullptr, bool useCache = true);

} // namespace kiln
