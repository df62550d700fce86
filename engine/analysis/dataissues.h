#pragma once
// Data issues of a run's dataset, every image of both splits: labels that are likely wrong
// (confident learning on out-of-sample probabilities), near-duplicate groups (same bytes, same
// difference hash, or embeddings closer than a threshold) and outliers (far from their nearest
// neighbours in embedding space).
//
// Out-of-sample probabilities come from K stratified folds, in one of two modes:
//  - fast: the run's penultimate-layer embeddings (frozen), and a linear head trained per fold on
//    the other folds' embeddings: seconds;
//  - thorough: K models trained with the run's configuration, each on the other folds, each
//    predicting its fold: minutes. Each finished fold is kept (runs/<id>/data-issues/), so a
//    stopped search resumes with the next fold; a fold stopped mid-way resumes from its checkpoint.
// The result is saved beside the run and reused while the model, the files and their labels are
// unchanged. Synchronous; call from a worker thread, never the GUI thread.

#include "analysis/confidentlearning.h"
#include "analysis/runanalysis.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiln {

enum class DataIssueMode { Fast, Thorough };
const char *dataIssueModeName(DataIssueMode m); // "fast", "thorough"
bool parseDataIssueMode(const std::string &name, DataIssueMode &out);

struct DataIssueOptions {
    DataIssueMode mode = DataIssueMode::Fast;
    int folds = 5;
    std::uint64_t seed = 0;       // of the fold assignment
    LabelScore score = LabelScore::SelfConfidence;
    int threads = 0;              // 0: every core
    std::string device = "auto";
    bool useCache = true;
};

struct DuplicatePair {
    std::size_t a = 0, b = 0;     // a < b, indices into the images
    bool sameBytes = false;
    bool samePicture = false;     // aligned correlation at or above kSamePictureCorrelation (picturematch.h)
    float similarity = 0;         // embedding cosine
};

struct DuplicateGroup {
    std::vector<std::size_t> members; // sorted
    bool mixedLabels = false;          // its members carry different labels
    std::string reason;                // "same file", "same picture", "similar embeddings"
};

struct DataIssues {
    std::filesystem::path runDir;
    DataIssueOptions options;
    RunPredictions predictions;       // the run's own (in-sample) predictions of every image, both splits
    ProbabilityMatrix outOfSample;    // rows parallel to predictions
    LabelIssueReport labelIssues;     // indices into predictions
    std::vector<DuplicatePair> pairs; // pairs that may join a group: same bytes, same picture, or cosine >= kMinSimilarity
    std::vector<float> outlierScores; // per image
    double outlierFence = 0;          // scores above it are outliers
    bool fromCache = false;
    double seconds = 0;

    static constexpr float kMinSimilarity = 0.90f;
    static constexpr float kDefaultSimilarity = 1.0f; // look-alikes off: on Fashion-MNIST most are not copies (bench_dataissues)

    // Groups of duplicates at an embedding similarity threshold (same bytes and same hash always
    // count); mixed-label groups first, then copies (same file, same picture) before look-alikes, then larger ones.
    std::vector<DuplicateGroup> duplicateGroups(float similarity = kDefaultSimilarity) const;
    // Outliers, the farthest first.
    std::vector<std::size_t> outliers() const;
    // Image i's path relative to the dataset's home (as kiln-cli's edit commands take it).
    std::string relativePath(std::size_t i) const;
    std::filesystem::path home;
};

// Finds the data issues of the run in runDir. Cancellable through `progress` (an Error saying
// so; thorough mode keeps the folds it finished).
Result<DataIssues> findDataIssues(const std::filesystem::path &runDir, const DataIssueOptions &options = {},
                                  Progress *progress = nullptr);

// The newest run of a project that can be analysed (finished with a result and a checkpoint), for
// commands that take a project; an Error that says to train one when there is none.
Result<std::filesystem::path> newestAnalysableRun(const std::filesystem::path &project);

// The issues as the edit CSV `kiln-cli apply` takes: file,action,class,issue,given,suggested,score.
// A label issue proposes relabel to the suggested class; every duplicate of a group but its first
// member proposes remove (a mixed-label group: keep, for a person to decide); an outlier, keep.
std::string dataIssuesCsv(const DataIssues &issues, float similarity = DataIssues::kDefaultSimilarity);

} // namespace kiln
