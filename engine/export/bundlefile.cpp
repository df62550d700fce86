#include "export/bundlefile.h"

#include "train/runfiles.h"

#include <torch/torch.h>

#include <cstring>

namespace kiln {

namespace {
constexpr const char *kMetadataKey = "kiln_metadata";
}

Result<void> writeBundleFile(const std::filesystem::path &checkpoint, const std::string &metadataJson,
                             const std::filesystem::path &out)
{
    auto read = readTensorMap(checkpoint);
    if (!read)
        return read.error();
    TensorMap bundle;
    for (const auto &[name, tensor] : read.value())
        if (name.starts_with("model."))
            bundle[name] = tensor;
    if (bundle.empty())
        return Error{checkpoint.string() + " holds no model weights."};
    auto meta = torch::empty({std::int64_t(metadataJson.size())}, torch::kUInt8);
    if (!metadataJson.empty()) // an empty tensor has no storage to copy into
        std::memcpy(meta.data_ptr(), metadataJson.data(), metadataJson.size());
    bundle[kMetadataKey] = meta;
    return writeTensorMap(out, bundle);
}

Result<std::string> readBundleMetadata(const std::filesystem::path &bundle)
{
    auto read = readTensorMap(bundle);
    if (!read)
        return read.error();
    auto it = read->find(kMetadataKey);
    if (it == read->end())
        return Error{bundle.string() + " is not a Kiln model bundle (it has no kiln_metadata)."};
    const auto t = it->second.contiguous();
    return std::string(reinterpret_cast<const char *>(t.data_ptr()), std::size_t(t.numel()));
}

} // namespace kiln
