#pragma once
// The model bundle's file format: one pickled dict of tensors, as torch.save writes it, so Python's
// torch.load reads it. It holds the model's weights under "model.<parameter or buffer name>"
// (the names of Kiln's modules, torchvision's for the ResNets) and the bundle's metadata, UTF-8
// JSON, in the uint8 tensor "kiln_metadata":
//
//     d = torch.load("model.kiln"); meta = json.loads(bytes(d["kiln_metadata"].tolist()))
//
// Torch-free interface; callable from any thread.

#include "core/result.h"

#include <filesystem>
#include <string>

namespace kiln {

// Copies the model tensors of a run checkpoint and the metadata into `out` (atomically).
Result<void> writeBundleFile(const std::filesystem::path &checkpoint, const std::string &metadataJson,
                             const std::filesystem::path &out);
// The metadata JSON of a bundle, or an Error saying why the file is not one.
Result<std::string> readBundleMetadata(const std::filesystem::path &bundle);

} // namespace kiln
