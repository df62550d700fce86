#pragma once
// The files of a run folder that the learner writes (engine-private: LibTorch types):
// metrics.csv (one row per finished epoch), batches.csv (one row per batch, so curves can be
// redrawn), and checkpoints as pickled dicts of named tensors that Python's torch.load reads.
// All writes go through a temporary file and a rename, except batches.csv, which only appends.

#include "core/result.h"
#include "train/trainconfig.h"

#include <ATen/core/Tensor.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace torch::nn {
class Module;
} // namespace torch::nn

namespace kiln {

struct ClassifierImpl;
struct ModelSpec;

Result<void> writeMetrics(const std::filesystem::path &file, const std::vector<EpochMetrics> &rows);
// Keeps the rows of the first `keepEpochs` epochs (a resumed run rewrites the rest).
void trimBatchLog(const std::filesystem::path &file, int keepEpochs);
void appendBatchLog(const std::filesystem::path &file, const std::string &rows);

using TensorMap = std::map<std::string, at::Tensor>;
Result<void> writeTensorMap(const std::filesystem::path &file, const TensorMap &tensors);
Result<TensorMap> readTensorMap(const std::filesystem::path &file); // never throws

// Copies a checkpoint's model tensors ("model.<name>", see the learner) into `model`: every
// parameter and buffer must be there with its shape, else an Error names the first that is not.
// Other entries (optimizer state, meta) are ignored.
Result<void> loadModelTensors(torch::nn::Module &model, const TensorMap &checkpoint);

// The model `spec` describes with the weights of a checkpoint or bundle ("model.*" tensors), in
// eval mode on the CPU.
Result<std::shared_ptr<ClassifierImpl>> loadClassifier(const ModelSpec &spec, const std::filesystem::path &weights);

} // namespace kiln
