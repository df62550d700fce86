#pragma once
// The inference graph of a Kiln classifier, walked once for every export format and for the FLOP
// count (engine-private: LibTorch types). BatchNorm layers are folded into the convolution before
// them or the linear layer after them and dropout (and stochastic depth) is dropped, so an emitter
// sees only: conv (with bias, grouped for depthwise convolutions), the activations, max pool, add,
// multiply (squeeze-excitation's scaling), global max and average pool, concat, flatten, linear
// (x W^T + c) and softmax. Values are named by the emitter.

#include "core/result.h"
#include "models/modelspec.h"

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace kiln {

struct ClassifierImpl;

class GraphEmitter {
public:
    virtual ~GraphEmitter() = default;
    // weight: out x (in / groups) x kernel x kernel; groups == in == out for a depthwise convolution.
    virtual std::string conv(const std::string &x, const at::Tensor &weight, const at::Tensor &bias, int kernel, int stride,
                             int padding, int groups) = 0;
    virtual std::string relu(const std::string &x) = 0;
    virtual std::string hardswish(const std::string &x) = 0;   // x * relu6(x + 3) / 6
    virtual std::string hardsigmoid(const std::string &x) = 0; // relu6(x + 3) / 6
    virtual std::string silu(const std::string &x) = 0;        // x * sigmoid(x)
    virtual std::string sigmoid(const std::string &x) = 0;
    virtual std::string maxPool(const std::string &x, int kernel, int stride, int padding) = 0;
    virtual std::string add(const std::string &a, const std::string &b) = 0;
    // a * b elementwise, where b is N x C x 1 x 1 and broadcasts over a's N x C x H x W.
    virtual std::string mul(const std::string &a, const std::string &b) = 0;
    virtual std::string globalMaxPool(const std::string &x) = 0;     // keeps N x C x 1 x 1
    virtual std::string globalAveragePool(const std::string &x) = 0; // keeps N x C x 1 x 1
    virtual std::string concat(const std::string &a, const std::string &b) = 0; // along channels
    virtual std::string flatten(const std::string &x) = 0;                      // N x rest
    virtual std::string linear(const std::string &x, const at::Tensor &weight, const at::Tensor &bias) = 0;
    virtual std::string softmax(const std::string &x) = 0;
};


// Walks the model from `input` and returns the name of the output (logits, or probabilities with
// `softmax`). An Error for a model holding a layer the walk does not know.
Result<std::string> emitGraph(ClassifierImpl &model, GraphEmitter &emitter, const std::string &input, bool softmax);

// Forward FLOPs (multiply-adds x 2) of one image of size x size through the network, counted from
// its conv and linear layers on the inference graph: for the efficiency figures of the benchmarks.
double forwardFlops(const ModelSpec &spec, int size);

} // namespace kiln
