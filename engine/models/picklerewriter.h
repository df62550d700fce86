#pragma once
// torch.save's pickle of a state dict, rewritten into one LibTorch 1.13's Unpickler reads (see
// picklerewriter.cpp for what changes and why). Pure byte work: no torch, any thread.

#include "core/result.h"

#include <string>
#include <string_view>

namespace kiln {

// The rewritten pickle, or an Error whose message says what is wrong with the input.
Result<std::string> rewriteTorchSavePickle(std::string_view pickle);

} // namespace kiln
