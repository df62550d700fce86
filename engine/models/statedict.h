#pragma once
// Weight exchange with PyTorch: reading and writing state dicts (name -> tensor) in the zip format
// of torch.save, and copying them into or out of a torch::nn::Module by parameter name.
//
// Engine-private: this header includes torch, so widgets/ and app/ must not include it.
// All functions are reentrant and may be called from any thread; a module passed in must not be
// used by another thread at the same time.

#include "core/result.h"

#include <ATen/core/Tensor.h>

#include <exception>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

// Declared rather than included: <torch/nn/module.h> is slow to compile, and callers that pass a
// module include it anyway.
namespace torch::nn {
class Module;
} // namespace torch::nn

namespace kiln {

// A LibTorch exception's message without the backtrace LibTorch appends to c10::Error.
std::string exceptionText(const std::exception &e);
// Its first line: what went wrong, for one-line error messages.
std::string exceptionLine(const std::exception &e);

// Tensors by name, in the order of the file (or of the module for stateDictOf).
using StateDict = std::vector<std::pair<std::string, at::Tensor>>;

// Reads a file written by Python's torch.save(model.state_dict(), path) in the zip format of
// PyTorch >= 1.6: the usual collections.OrderedDict with its `_metadata` attribute (which LibTorch's
// own torch::pickle_load cannot read), a plain dict(state_dict), and files written by
// saveStateDict. Tensors come back on the CPU, whatever device they were saved from, with their
// saved dtype; tensors that shared storage in the file share it here too.
// Legacy non-zip files (PyTorch < 1.6), training checkpoints that hold more than tensors, and
// anything else give an Error that names the file and says how to re-save it.
// Never throws.
Result<StateDict> readStateDict(const std::filesystem::path &path);

// What loadStateDict did, name by name. Every name of the module and of the dict lands in exactly
// one list.
struct StateDictLoadReport {
    std::vector<std::string> matched;       // copied into the module (module order)
    std::vector<std::string> missing;       // in the module, not in the dict (module order)
    std::vector<std::string> unexpected;    // in the dict, not in the module (dict order)
    std::vector<std::string> shapeMismatch; // same name, other shape, not copied:
                                            // "name: file [a, b] vs model [c, d]" (module order)
    std::vector<std::string> skipped;       // matched a skip prefix: neither copied nor reported
                                            // above (module order, then dict-only names)

    // True when every name of the module was copied and the dict held nothing else.
    bool complete() const { return missing.empty() && unexpected.empty() && shapeMismatch.empty(); }
};

// Copies tensors by name into module.named_parameters() and module.named_buffers(), with the
// recursive names torch uses ("layer1.0.conv1.weight", "bn1.running_mean",
// "bn1.num_batches_tracked"), under NoGradGuard, converting each tensor to the dtype and device of
// the module's tensor. Tensors whose shapes differ are left untouched and reported. Names that start
// with one of `skipPrefixes` (plain string prefix, e.g. "fc." for a classifier head) are left
// untouched and listed only under `skipped`. If a name occurs twice in `dict`, the last one wins.
// Never throws for names or shapes; a tensor that cannot be converted (for example a complex one into
// a float parameter) is reported as a shape mismatch with its dtype.
StateDictLoadReport loadStateDict(torch::nn::Module &module, const StateDict &dict,
                                  const std::vector<std::string> &skipPrefixes = {});

// The module's parameters and buffers in PyTorch's state_dict order (module by module, pre-order;
// for each its parameters, then its buffers), detached: the tensors share storage with the module,
// so clone them to keep a snapshot of a model that goes on training. Undefined tensors (a Conv2d
// without bias) are left out, as PyTorch does.
Result<StateDict> stateDictOf(const torch::nn::Module &module);

// Writes the module's parameters and buffers (stateDictOf, copied to the CPU) as a
// torch::pickle_save of a c10::Dict<std::string, at::Tensor>, atomically (a temporary file in the
// same folder, then a rename): Python's torch.load(path) gives a dict that
// model.load_state_dict(..., strict=True) accepts, and readStateDict reads it back. Never throws.
Result<void> saveStateDict(const torch::nn::Module &module, const std::filesystem::path &path);

} // namespace kiln
