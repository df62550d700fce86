#include "models/statedict.h"

#include "core/fileutil.h"
#include "models/picklerewriter.h"

#include <ATen/core/Dict.h>
#include <ATen/core/ivalue.h>
#include <c10/util/Exception.h>
#include <caffe2/serialize/inline_container.h>
#include <torch/csrc/autograd/grad_mode.h>
#include <torch/csrc/jit/serialization/pickle.h>
#include <torch/csrc/jit/serialization/storage_context.h>
#include <torch/csrc/jit/serialization/unpickler.h>
#include <torch/nn/module.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace fs = std::filesystem;

namespace kiln {

namespace {

const char *const kResaveHint =
    "Re-save it with torch.save(model.state_dict(), path) in PyTorch >= 1.6.";

// ---------------------------------------------------------------------------------------------

std::string shapeText(const at::Tensor &t)
{
    std::string s = "[";
    for (std::size_t i = 0; i < static_cast<std::size_t>(t.dim()); ++i)
        s += (i ? ", " : "") + std::to_string(t.size(static_cast<int64_t>(i)));
    return s + "]";
}

// "Int", "GenericDict", ... as a person reading the message would say it.
std::string kindOf(const c10::IValue &v)
{
    if (v.isGenericDict())
        return "a dict";
    if (v.isString())
        return "a string";
    if (v.isInt())
        return "an int";
    if (v.isDouble())
        return "a float";
    if (v.isNone())
        return "None";
    if (v.isTuple())
        return "a tuple";
    if (v.isList())
        return "a list";
    return "a " + std::string(v.tagKind());
}

Result<StateDict> toStateDict(const c10::IValue &root, const std::string &where)
{
    if (!root.isGenericDict())
        return Error{"Cannot read weights from " + where + ": it holds " + kindOf(root)
                     + ", not a dict of tensors. " + kResaveHint};
    // A dict nested in the file (a training checkpoint's "state_dict" or "model") is what the person
    // most likely wanted: name it in the message.
    std::string nestedDict;
    for (const auto &entry : root.toGenericDict())
        if (nestedDict.empty() && entry.key().isString() && entry.value().isGenericDict())
            nestedDict = entry.key().toStringRef();
    StateDict result;
    for (const auto &entry : root.toGenericDict()) {
        const c10::IValue &key = entry.key();
        const c10::IValue &value = entry.value();
        if (!key.isString())
            return Error{"Cannot read weights from " + where + ": it is a dict whose keys are not names ("
                         + kindOf(key) + "). " + kResaveHint};
        if (!value.isTensor()) {
            std::string message = "Cannot read weights from " + where + ": entry '" + key.toStringRef() + "' is "
                                  + kindOf(value) + ", not a tensor.";
            if (!nestedDict.empty())
                message += " It looks like a training checkpoint: save its weights alone, e.g. torch.save(checkpoint['"
                           + nestedDict + "'], path), or torch.save(model.state_dict(), path).";
            else
                message += std::string(" ") + kResaveHint;
            return Error{message};
        }
        result.emplace_back(key.toStringRef(), value.toTensor());
    }
    return result;
}

// What the first bytes of a file say it is, so that non-zip files get a precise message.
std::optional<std::string> sniffProblem(const fs::path &path, const std::string &where)
{
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        return "Cannot read weights from " + where + ": the file does not exist.";
    if (fs::is_directory(status))
        return "Cannot read weights from " + where + ": it is a folder, not a weights file.";
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return "Cannot read weights from " + where + ": the file cannot be opened (check its permissions).";
    unsigned char head[4] = {0, 0, 0, 0};
    in.read(reinterpret_cast<char *>(head), sizeof head);
    const auto got = in.gcount();
    if (got == 0)
        return "Cannot read weights from " + where + ": the file is empty.";
    if (got == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
        return std::nullopt; // a zip archive, as torch.save writes since PyTorch 1.6
    if (head[0] == 0x80 && got >= 2 && head[1] <= 5)
        return "Cannot read weights from " + where
               + ": it is in the legacy PyTorch format (before 1.6, or saved with "
                 "_use_new_zipfile_serialization=False), which LibTorch cannot read. "
               + kResaveHint;
    return "Cannot read weights from " + where + ": it is not a PyTorch weights file (not a zip archive written by "
           "torch.save). " + kResaveHint;
}

// Calls fn(name, tensor) for every defined parameter and buffer, in PyTorch's state_dict order:
// module by module (pre-order), parameters before buffers.
void forEachTensor(const torch::nn::Module &module,
                   const std::function<void(const std::string &, const at::Tensor &)> &fn)
{
    auto visitOwn = [&fn](const torch::nn::Module &m, const std::string &prefix) {
        for (const auto &p : m.named_parameters(/*recurse=*/false))
            if (p.value().defined())
                fn(prefix + p.key(), p.value());
        for (const auto &b : m.named_buffers(/*recurse=*/false))
            if (b.value().defined())
                fn(prefix + b.key(), b.value());
    };
    visitOwn(module, "");
    // include_self=false: the root need not be owned by a shared_ptr.
    for (const auto &child : module.named_modules(/*name_prefix=*/"", /*include_self=*/false))
        visitOwn(*child.value(), child.key() + ".");
}

} // namespace

std::string exceptionText(const std::exception &e)
{
    if (const auto *c10Error = dynamic_cast<const c10::Error *>(&e))
        return c10Error->what_without_backtrace();
    return e.what();
}

std::string exceptionLine(const std::exception &e)
{
    const std::string text = exceptionText(e);
    return text.substr(0, text.find('\n'));
}

Result<StateDict> readStateDict(const fs::path &path)
{
    const std::string where = path.string();
    if (auto problem = sniffProblem(path, where))
        return Error{*problem};
    try {
        caffe2::serialize::PyTorchStreamReader reader(where);
        if (!reader.hasRecord("data.pkl"))
            return Error{"Cannot read weights from " + where
                         + ": it is a zip archive but holds no data.pkl, so torch.save did not write it. "
                         + kResaveHint};
        if (reader.hasRecord("constants.pkl") || reader.hasRecord("bytecode.pkl"))
            return Error{"Cannot read weights from " + where
                         + ": it is a TorchScript model (torch.jit.save), not a state dict. " + kResaveHint};

        at::DataPtr pickleData;
        std::size_t pickleSize = 0;
        std::tie(pickleData, pickleSize) = reader.getRecord("data.pkl");
        const std::string_view original(static_cast<const char *>(pickleData.get()), pickleSize);
        auto rewritten = rewriteTorchSavePickle(original);
        if (!rewritten)
            return Error{"Cannot read weights from " + where + ": " + rewritten.message() + ". " + kResaveHint};
        const std::string &pickle = *rewritten;

        std::size_t readPos = 0;
        auto readBytes = [&pickle, &readPos](char *buffer, std::size_t wanted) {
            const std::size_t n = std::min(wanted, pickle.size() - readPos);
            std::memcpy(buffer, pickle.data() + readPos, n);
            readPos += n;
            return n;
        };
        auto readRecord = [&reader](const std::string &key) {
            return std::get<0>(reader.getRecord("data/" + key));
        };
        // The storage context makes tensors that share a storage in the file (tied weights, views)
        // share it after loading, as they do in Python.
        torch::jit::Unpickler unpickler(readBytes, /*type_resolver=*/nullptr, /*obj_loader=*/nullptr, readRecord,
                                        at::Device(at::kCPU), /*use_storage_device=*/false,
                                        torch::jit::Unpickler::defaultTypeParser,
                                        std::make_shared<torch::jit::DeserializationStorageContext>());
        unpickler.set_version(reader.version());
        return toStateDict(unpickler.parse_ivalue(), where);
    } catch (const std::exception &e) {
        return Error{"Cannot read weights from " + where + ": " + exceptionText(e) + ". " + kResaveHint};
    } catch (...) {
        return Error{"Cannot read weights from " + where + ": unknown error. " + kResaveHint};
    }
}

StateDictLoadReport loadStateDict(torch::nn::Module &module, const StateDict &dict,
                                  const std::vector<std::string> &skipPrefixes)
{
    StateDictLoadReport report;
    auto isSkipped = [&skipPrefixes](const std::string &name) {
        return std::any_of(skipPrefixes.begin(), skipPrefixes.end(),
                           [&name](const std::string &prefix) { return name.starts_with(prefix); });
    };
    std::unordered_map<std::string, const at::Tensor *> byName;
    for (const auto &[name, tensor] : dict)
        byName[name] = &tensor; // the last one wins

    torch::NoGradGuard noGrad;
    std::unordered_set<std::string> seen;
    forEachTensor(module, [&](const std::string &name, const at::Tensor &constTarget) {
        seen.insert(name);
        if (isSkipped(name)) {
            report.skipped.push_back(name);
            return;
        }
        const auto it = byName.find(name);
        if (it == byName.end() || !it->second->defined()) {
            report.missing.push_back(name);
            return;
        }
        const at::Tensor &source = *it->second;
        if (source.sizes() != constTarget.sizes()) {
            report.shapeMismatch.push_back(name + ": file " + shapeText(source) + " vs model "
                                           + shapeText(constTarget));
            return;
        }
        try {
            at::Tensor target = constTarget; // a handle to the module's own tensor
            target.copy_(source);
            report.matched.push_back(name);
        } catch (const std::exception &e) {
            report.shapeMismatch.push_back(name + ": file " + std::string(c10::toString(source.scalar_type()))
                                           + " cannot be copied into model "
                                           + std::string(c10::toString(constTarget.scalar_type())) + ": "
                                           + exceptionText(e));
        }
    });
    for (const auto &[name, tensor] : dict) {
        if (!seen.insert(name).second)
            continue; // in the module (handled above) or a repeated name
        (isSkipped(name) ? report.skipped : report.unexpected).push_back(name);
    }
    return report;
}

Result<StateDict> stateDictOf(const torch::nn::Module &module)
{
    try {
        StateDict result;
        forEachTensor(module, [&result](const std::string &name, const at::Tensor &t) {
            result.emplace_back(name, t.detach());
        });
        return result;
    } catch (const std::exception &e) {
        return Error{"Cannot list the weights of the model: " + exceptionText(e)};
    }
}

Result<void> saveStateDict(const torch::nn::Module &module, const fs::path &path)
{
    const std::string where = path.string();
    try {
        auto tensors = stateDictOf(module);
        if (!tensors)
            return Error{"Cannot save weights to " + where + ": " + tensors.message()};
        c10::Dict<std::string, at::Tensor> dict;
        for (const auto &[name, tensor] : *tensors)
            dict.insert(name, tensor.to(at::kCPU).contiguous());
        const std::vector<char> bytes = torch::jit::pickle_save(c10::IValue(dict));
        return writeFileAtomic(path, std::string_view(bytes.data(), bytes.size()));
    } catch (const std::exception &e) {
        return Error{"Cannot save weights to " + where + ": " + exceptionText(e)};
    } catch (...) {
        return Error{"Cannot save weights to " + where + ": unknown error"};
    }
}

} // namespace kiln
