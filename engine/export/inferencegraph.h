#pragma once
// The inference graph of a Kiln classifier, walked once for every export format (engine-private:
// LibTorch types). BatchNorm layers are folded into the convolution before them or the linear layer
// after them and dropout is dropped, so an emitter sees only: conv (with bias), relu, max pool,
// add, global max and average pool, concat, flatten, linear (x W^T + c) and softmax. Values are
// named by the emitter.

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
    virtual std::string conv(const std::string &x, const at::Tensor &weight, const at::Tensor &bias, int kernel, int stride,
                             int padding) = 0;
    virtual std::string relu(const std::string &x) = 0;
    virtual std::string maxPool(const std::string &x, int kernel, int stride, int padding) = 0;
    virtual std::string add(const std::string &a, const std::string &b) = 0;
    virtual std::string globalMaxPool(const std::string &x) = 0;     // keeps N x C x 1 x 1
    virtual std::string globalAveragePool(const std::string &x) = 0; // keeps N x C x 1 x 1
    virtual std::string concat(const std::string &a, const std::string &b) = 0; // along channels
    virtual std::string flatten(const std::string &x) = 0;                      // N x rest
    virtual std::string linear(const std::string &x, const at::Tensor &weight, const at::Tensor &bias) = 0;
    virtual std::string softmax(const std::string &x) = 0;
};


// Walks the model from `input` and returns the name of the output (logits, or probabilities with
// `softmax`).
Result<std::string> emitGraph(ClassifierImpl &model, GraphEmitter &emitter, const std::string &input, bool softmax);

} // namespace kiln
