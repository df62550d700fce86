#pragma once
// ONNX export of Kiln's classifiers, written by Kiln itself with the ONNX protobuf classes
// (Debian's libonnx-dev), opset 13: input "input" (batch x channels x size x size, float, the
// batch dimension dynamic), output "logits" (batch x classes), or "probabilities" with the
// softmax. Convolutions carry their BatchNorm folded in, the fastai head's BatchNorm1d layers are
// folded into its linear layers and dropout is gone (an inference graph), so the file has only
// Conv, Relu, MaxPool, Add, GlobalMaxPool, GlobalAveragePool, Concat, Flatten, Gemm and Softmax,
// which OpenCV's dnn module, onnxruntime and onnx.checker accept.
//
// Torch-free interface; callable from any thread.

#include "core/result.h"
#include "data/transforms.h"
#include "models/modelspec.h"

#include <filesystem>
#include <vector>

namespace kiln {

struct OnnxOptions {
    bool softmax = false; // output probabilities instead of logits
};

// `weights`: a run checkpoint or a model bundle (their "model.*" tensors).
Result<void> writeOnnx(const ModelSpec &spec, const PipelineConfig &input, const std::filesystem::path &weights,
                       const std::filesystem::path &out, const OnnxOptions &options = {});

// Runs `images` (prepared as `input` says) through the ONNX file with OpenCV's dnn module and
// through LibTorch, and returns the largest absolute difference of their outputs.
Result<double> compareOnnxWithTorch(const ModelSpec &spec, const PipelineConfig &input, const std::filesystem::path &weights,
                                    const std::filesystem::path &onnx, const std::vector<std::filesystem::path> &images,
                                    bool softmax = false);

// Class probabilities for image files from an ONNX classifier run with OpenCV's dnn module
// (`outputsProbabilities`: the graph ends in a softmax; else its logits get one), files x classes.
// Files that cannot be read are left out and listed in `failures` with the reason.
Result<std::vector<std::vector<float>>> predictWithOnnx(const std::filesystem::path &onnx, const PipelineConfig &input,
                                                        const std::vector<std::filesystem::path> &files, bool outputsProbabilities,
                                                        std::vector<std::pair<std::size_t, std::string>> &failures,
                                                        int batchSize = 64);

} // namespace kiln
