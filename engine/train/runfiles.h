#pragma once
// The files of a run folder that the learner writes (engine-private: LibTorch types): checkpoints
// as pickled dicts of named tensors that Python's torch.load reads, written through a temporary
// file and a rename; and (runcsv.h) metrics.csv and batches.csv.

#include "core/result.h"
#include "train/runcsv.h"
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
