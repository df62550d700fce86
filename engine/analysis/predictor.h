#pragma once
// Predictions of a trained model for a list of image files: class probabilities, the loss against
// each file's label, the predicted class and the penultimate-layer embedding, in one pass.
// Torch-free interface over LibTorch; Qt-free. Runs synchronously on the calling thread (with
// LibTorch's own worker threads), so call it from a worker, never from the GUI thread.
//
// Predictions can be saved next to a run (a pickled dict of tensors that Python's torch.load
// reads) and loaded back when their key (which model, which files) still matches.

#include "core/progress.h"
#include "core/result.h"
#include "data/pipelineconfig.h"
#include "models/modelspec.h"
#include "train/precision.h"

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace kiln {

struct Predictions {
    std::vector<std::string> classes;          // the model's classes
    std::vector<std::filesystem::path> files;  // the files predicted (decoded), in input order
    std::vector<int> labels;                   // actual class per file; -1 when unknown to the model
    std::vector<int> predicted;
    std::vector<float> probs;                  // files x classes, softmax
    std::vector<float> losses;                 // cross-entropy against the label; NaN when unknown
    int embeddingDim = 0;
    std::vector<float> embeddings;             // files x embeddingDim (empty when not asked for)
    std::vector<std::pair<std::string, std::string>> failures; // files that did not decode, with why

    std::size_t size() const { return files.size(); }
    float prob(std::size_t i, int c) const { return probs[i * classes.size() + std::size_t(c)]; }
    // p(actual), NaN when the label is unknown.
    float probActual(std::size_t i) const { return labels[i] >= 0 ? prob(i, labels[i]) : NAN; }
    // Sets file i's label and recomputes its loss from the stored probabilities.
    void setLabel(std::size_t i, int label);
};

struct PredictOptions {
    int batchSize = 256;
    int threads = 0;            // 0: every core
    std::string device = "auto";
    bool embeddings = true;
    // The arithmetic of the forward pass (mixed precision, as the run trained); auto resolves
    // for the architecture and device (precision.h).
    Precision precision = Precision::Auto;
};

// Loads the model weights from a run checkpoint ("model.*" tensors) and predicts `files`, prepared
// as `input` says (the run's size, channels, resize method and normalisation; never augmented).
// `labels` is parallel to `files` (-1 for unknown). Cancellable through `progress` (returns an
// Error saying so).
Result<Predictions> predictFiles(const ModelSpec &spec, const PipelineConfig &input, const std::filesystem::path &checkpoint,
                                 const std::vector<std::string> &classes, const std::vector<std::filesystem::path> &files,
                                 const std::vector<int> &labels, const PredictOptions &options = {},
                                 Progress *progress = nullptr);

// A model kept in memory for predicting one image at a time with low latency (the warm path of
// the Predict page and the latency benchmark). Not thread-safe: one caller at a time.
class Predictor {
public:
    // `weights`: a run checkpoint or a model bundle. `threads` 0: every core. `precision` as in
    // PredictOptions.
    static Result<std::unique_ptr<Predictor>> load(const ModelSpec &spec, const PipelineConfig &input,
                                                   const std::filesystem::path &weights, int threads = 0,
                                                   Precision precision = Precision::Auto);
    ~Predictor();
    // Class probabilities of one image file (decoded with Verify's checks, prepared as `input` says).
    Result<std::vector<float>> probabilities(const std::filesystem::path &image);

private:
    Predictor();
    Result<std::vector<float>> probabilitiesUnguarded(const std::filesystem::path &image);
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Saves predictions with `key` (any string that identifies the model and the file list); paths
// are stored relative to `base`. loadPredictions returns an Error when the file is missing,
// unreadable or was saved with another key.
Result<void> savePredictions(const std::filesystem::path &file, const Predictions &p, const std::string &key,
                             const std::filesystem::path &base);
Result<Predictions> loadPredictions(const std::filesystem::path &file, const std::string &key,
                                    const std::filesystem::path &base);

} // namespace kiln
