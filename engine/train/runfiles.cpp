#include "train/runfiles.h"

#include "core/fileutil.h"
#include "models/models.h"
#include "models/statedict.h"
#include "train/learner.h"

#include <caffe2/serialize/inline_container.h>
#include <caffe2/serialize/read_adapter_interface.h>
#include <torch/csrc/jit/serialization/import_read.h>
#include <torch/csrc/jit/serialization/pickle.h>

#include <algorithm>
#include <cstring>


namespace fs = std::filesystem;

namespace kiln {

// Checkpoints are pickled dicts of named tensors (Python's torch.load reads them too), written
// through a temporary file and a rename.
Result<void> writeTensorMap(const fs::path &file, const TensorMap &tensors)
{
    c10::Dict<std::string, at::Tensor> dict;
    for (const auto &[k, v] : tensors)
        dict.insert(k, v);
    const std::vector<char> bytes = torch::pickle_save(c10::IValue(dict));
    return writeFileAtomic(file, std::string_view(bytes.data(), bytes.size()));
}

namespace {

// The bytes of a file for LibTorch's zip reader, read within bounds. torch::pickle_load's own
// adapter copies whatever range the reader asks for, and on a damaged archive it asks past the
// end (AddressSanitizer: a heap overflow in mz_zip_reader_init); this one returns what is there.
class BoundedBytes final : public caffe2::serialize::ReadAdapterInterface {
public:
    explicit BoundedBytes(std::vector<unsigned char> bytes)
        : m_bytes(std::move(bytes))
    {
    }
    size_t size() const override { return m_bytes.size(); }
    size_t read(uint64_t pos, void *buf, size_t n, const char *) const override
    {
        if (pos >= m_bytes.size())
            return 0;
        n = std::min<std::size_t>(n, m_bytes.size() - std::size_t(pos));
        std::memcpy(buf, m_bytes.data() + pos, n);
        return n;
    }

private:
    std::vector<unsigned char> m_bytes;
};

} // namespace

Result<TensorMap> readTensorMap(const fs::path &file)
{
    // Larger than any checkpoint of Kiln's models (ResNet-34 with its optimizer state is ~260 MB):
    // a file this big is not one, and is refused before it is read into memory.
    constexpr std::uint64_t kMaxCheckpointBytes = 4ull << 30;
    auto raw = readFileBytes(file, kMaxCheckpointBytes);
    if (!raw)
        return Error{raw.message() + "; it is not a Kiln checkpoint."};
    try {
        // What torch::pickle_load does, over bounded reads.
        caffe2::serialize::PyTorchStreamReader reader(std::make_shared<BoundedBytes>(std::move(raw.value())));
        const c10::IValue value = torch::jit::readArchiveAndTensors("data", "", "", c10::nullopt, c10::nullopt, c10::nullopt, reader);
        if (!value.isGenericDict())
            return Error{file.string() + " is not a Kiln checkpoint"};
        TensorMap out;
        for (const auto &entry : value.toGenericDict())
            out[entry.key().toStringRef()] = entry.value().toTensor();
        return out;
    } catch (const std::exception &e) {
        return Error{file.string() + " is not a readable Kiln checkpoint (" + exceptionLine(e) + ")"};
    } catch (...) {
        return Error{file.string() + " is not a readable Kiln checkpoint"};
    }
}

Result<void> loadModelTensors(torch::nn::Module &model, const TensorMap &checkpoint)
{
    static const std::string prefix = "model.";
    StateDict dict;
    for (const auto &[name, tensor] : checkpoint)
        if (name.starts_with(prefix))
            dict.emplace_back(name.substr(prefix.size()), tensor);
    const StateDictLoadReport report = loadStateDict(model, dict);
    if (!report.missing.empty())
        return Error{"it has no tensor " + prefix + report.missing.front()};
    if (!report.shapeMismatch.empty())
        return Error{prefix + report.shapeMismatch.front()};
    return Ok{};
}

Result<std::shared_ptr<ClassifierImpl>> loadClassifier(const ModelSpec &spec, const fs::path &weights)
{
    auto model = makeClassifier(spec);
    auto read = readTensorMap(weights);
    if (!read)
        return read.error();
    if (auto loaded = loadModelTensors(*model, read.value()); !loaded)
        return Error{"Cannot load the model from " + weights.string() + ": " + loaded.message()
                     + ". Was it written by a model of this architecture and number of classes?"};
    model->eval();
    return model;
}

} // namespace kiln
