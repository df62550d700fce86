#include "export/torchscriptexport.h"

#include "core/fileutil.h"
#include "export/inferencegraph.h"
#include "models/models.h"
#include "models/statedict.h"
#include "train/runfiles.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/script.h>
#include <torch/torch.h>

#include <sstream>

namespace fs = std::filesystem;

namespace kiln {

namespace {

// Writes the inference graph as TorchScript statements; tensors become buffers of the module.
class ScriptEmitter : public GraphEmitter {
public:
    explicit ScriptEmitter(torch::jit::Module &module)
        : m_module(module)
    {
    }

    std::string conv(const std::string &x, const at::Tensor &w, const at::Tensor &b, int, int s, int p, int groups) override
    {
        return let("torch.conv2d(" + x + ", " + buffer(w) + ", " + buffer(b) + ", [" + num(s) + ", " + num(s) + "], [" + num(p)
                   + ", " + num(p) + "], [1, 1], " + num(groups) + ")");
    }
    std::string relu(const std::string &x) override { return let("torch.relu(" + x + ")"); }
    // aten's own operators (what torch.nn.functional calls), which TorchScript resolves without Python.
    std::string hardswish(const std::string &x) override { return let("torch.hardswish(" + x + ")"); }
    std::string hardsigmoid(const std::string &x) override { return let("torch.hardsigmoid(" + x + ")"); }
    std::string silu(const std::string &x) override { return let("torch.silu(" + x + ")"); }
    std::string sigmoid(const std::string &x) override { return let("torch.sigmoid(" + x + ")"); }
    std::string mul(const std::string &a, const std::string &b) override { return let(a + " * " + b); }
    std::string maxPool(const std::string &x, int k, int s, int p) override
    {
        return let("torch.max_pool2d(" + x + ", [" + num(k) + ", " + num(k) + "], [" + num(s) + ", " + num(s) + "], [" + num(p)
                   + ", " + num(p) + "])");
    }
    std::string add(const std::string &a, const std::string &b) override { return let(a + " + " + b); }
    std::string globalMaxPool(const std::string &x) override { return let("torch.amax(" + x + ", [2, 3], True)"); }
    std::string globalAveragePool(const std::string &x) override { return let("torch.mean(" + x + ", [2, 3], True)"); }
    std::string concat(const std::string &a, const std::string &b) override { return let("torch.cat([" + a + ", " + b + "], 1)"); }
    std::string flatten(const std::string &x) override { return let("torch.flatten(" + x + ", 1)"); }
    std::string linear(const std::string &x, const at::Tensor &w, const at::Tensor &c) override
    {
        return let("torch.addmm(" + buffer(c) + ", " + x + ", " + buffer(w.t().contiguous()) + ")");
    }
    std::string softmax(const std::string &x) override { return let("torch.softmax(" + x + ", 1)"); }

    std::string source(const std::string &result) const
    {
        return "def forward(self, x):\n" + m_body.str() + "    return " + result + "\n";
    }

private:
    static std::string num(int v) { return std::to_string(v); }
    std::string let(const std::string &expr)
    {
        // Appended rather than "v" + ...: GCC 12's string inlining warns (falsely) on operator+(const char *, string &&).
        std::string name("v");
        name += std::to_string(m_values++);
        m_body << "    " << name << " = " << expr << "\n";
        return name;
    }
    std::string buffer(const at::Tensor &t)
    {
        std::string name("w");
        name += std::to_string(m_buffers++);
        m_module.register_buffer(name, t.detach().to(torch::kFloat).contiguous().clone());
        return std::string("self.").append(name);
    }

    torch::jit::Module &m_module;
    std::ostringstream m_body;
    int m_values = 0, m_buffers = 0;
};

} // namespace

Result<void> writeTorchScript(const ModelSpec &spec, const fs::path &weights, const fs::path &out, bool softmax)
{
    auto model = loadClassifier(spec, weights);
    if (!model)
        return model.error();
    try {
        torch::jit::Module module("KilnClassifier");
        ScriptEmitter emitter(module);
        auto result = emitGraph(**model, emitter, "x", softmax);
        if (!result)
            return result.error();
        module.define(emitter.source(result.value()));
        module.eval();
        std::ostringstream bytes;
        module.save(bytes);
        if (auto written = writeFileAtomic(out, bytes.str()); !written)
            return written.error();
    } catch (const std::exception &e) {
        return Error{"Cannot build the TorchScript module: " + exceptionLine(e)};
    }
    return Ok{};
}

namespace {

// A random input batch of `input`'s shape and the LibTorch model's output for it.
Result<std::pair<torch::Tensor, torch::Tensor>> referenceBatch(const ModelSpec &spec, const PipelineConfig &input,
                                                               const fs::path &weights, bool softmax)
{
    auto model = loadClassifier(spec, weights);
    if (!model)
        return model.error();
    torch::NoGradGuard guard;
    // A generator of its own: reseeding the global one would disturb a run training meanwhile.
    auto generator = at::detail::createCPUGenerator(1);
    const auto x = torch::randn({2, input.channels, input.size, input.size}, generator);
    auto y = (*model)->forward(x);
    if (softmax)
        y = torch::softmax(y, 1);
    return std::make_pair(x, y.contiguous());
}

} // namespace

Result<double> compareTorchScriptWithTorch(const ModelSpec &spec, const PipelineConfig &input, const fs::path &weights,
                                           const fs::path &script, bool softmax)
{
    auto reference = referenceBatch(spec, input, weights, softmax);
    if (!reference)
        return reference.error();
    try {
        torch::NoGradGuard guard;
        torch::jit::Module loaded = torch::jit::load(script.string());
        const auto got = loaded.forward({reference->first}).toTensor();
        return (got - reference->second).abs().max().item<double>();
    } catch (const std::exception &e) {
        return Error{"Cannot run the TorchScript file: " + exceptionLine(e)};
    }
}

Result<void> writeReferenceBatch(const ModelSpec &spec, const PipelineConfig &input, const fs::path &weights, const fs::path &out,
                                 bool softmax)
{
    auto reference = referenceBatch(spec, input, weights, softmax);
    if (!reference)
        return reference.error();
    return writeTensorMap(out, TensorMap{{"x", reference->first}, {"y", reference->second}});
}

} // namespace kiln
