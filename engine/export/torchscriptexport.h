#pragma once
// TorchScript export: a torch::jit::Module built by Kiln (its forward defined as TorchScript text
// over the folded inference graph, see inferencegraph.h; the weights as buffers), saved with
// Module::save, so Python's torch.jit.load runs it without Kiln:
//
//     m = torch.jit.load("model.pt"); logits = m(x)   # x: batch x channels x size x size, normalised
//
// Torch-free interface; callable from any thread.

#include "core/result.h"
#include "data/transforms.h"
#include "models/modelspec.h"

#include <filesystem>

namespace kiln {

Result<void> writeTorchScript(const ModelSpec &spec, const std::filesystem::path &weights, const std::filesystem::path &out,
                              bool softmax = false);

// Loads the saved module back (torch::jit::load) and returns the largest absolute difference of its
// outputs from the LibTorch model's on a random batch of `input`'s shape.
Result<double> compareTorchScriptWithTorch(const ModelSpec &spec, const PipelineConfig &input,
                                           const std::filesystem::path &weights, const std::filesystem::path &script,
                                           bool softmax = false);

// Writes {"x": a random input batch, "y": the LibTorch model's output for it} as a dict of tensors
// torch.load reads, so another runtime (Python) can check an exported file against Kiln.
Result<void> writeReferenceBatch(const ModelSpec &spec, const PipelineConfig &input, const std::filesystem::path &weights,
                                 const std::filesystem::path &out, bool softmax = false);

} // namespace kiln
