#include "export/onnxexport.h"

#include "core/fileutil.h"
#include "data/imageverifier.h"
#include "export/inferencegraph.h"
#include "models/models.h"
#include "train/runfiles.h"

#include <torch/torch.h>

#include <onnx/onnx_pb.h>
#include <opencv2/dnn.hpp>

#include <map>
#include <random>

namespace fs = std::filesystem;

namespace kiln {

namespace {

// Writes the inference graph as ONNX nodes; tensors become float initializers. Follows the height
// and width of every value (from the input's), for mul().
class OnnxEmitter : public GraphEmitter {
public:
    OnnxEmitter(onnx::GraphProto *graph, const std::string &input, int size)
        : m_graph(graph)
    {
        m_hw[input] = {size, size};
    }

    std::string conv(const std::string &x, const at::Tensor &w, const at::Tensor &b, int k, int s, int p, int groups) override
    {
        const std::string id = std::to_string(m_next);
        const auto [h, wd] = m_hw.at(x);
        const std::string out = node("Conv", {x, constant("conv" + id + ".weight", w), constant("conv" + id + ".bias", b)},
                                     {{"kernel_shape", {k, k}}, {"strides", {s, s}}, {"pads", {p, p, p, p}}}, {{"group", groups}});
        m_hw[out] = {(h + 2 * p - k) / s + 1, (wd + 2 * p - k) / s + 1};
        return out;
    }
    std::string relu(const std::string &x) override { return node("Relu", {x}); }
    // Opset 13 has no HardSwish (it came in opset 14): x * HardSigmoid(x) with PyTorch's slope,
    // which OpenCV fuses into its HardSwish.
    std::string hardswish(const std::string &x) override { return node("Mul", {x, hardsigmoid(x)}); }
    std::string hardsigmoid(const std::string &x) override
    {
        return node("HardSigmoid", {x}, {}, {}, {{"alpha", 1.0f / 6.0f}, {"beta", 0.5f}});
    }
    std::string silu(const std::string &x) override { return node("Mul", {x, sigmoid(x)}); }
    std::string sigmoid(const std::string &x) override { return node("Sigmoid", {x}); }
    // OpenCV 4.6 gets a Mul of N x C x H x W by N x C x 1 x 1 wrong: it broadcasts the second
    // operand per channel only, so batches of more than one image fail or mix up their scales; and
    // its graph simplifier turns any HardSigmoid -> Mul into HardSwish, even when Mul's other input
    // is not the HardSigmoid's (MobileNetV3's squeeze-excitation). So the scale is first resized
    // (nearest, exact) to x's height and width, which also breaks that pattern; then the Mul is
    // elementwise.
    std::string mul(const std::string &a, const std::string &b) override
    {
        const auto [h, w] = m_hw.at(a);
        const std::string id = std::to_string(m_next);
        const auto scales = torch::tensor({1.0f, 1.0f, float(h), float(w)});
        const std::string expanded = node("Resize", {b, "", constant("resize" + id + ".scales", scales)}, {}, {}, {}, {{"mode", "nearest"}});
        m_hw[expanded] = {h, w};
        return node("Mul", {a, expanded});
    }
    std::string maxPool(const std::string &x, int k, int s, int p) override
    {
        const auto [h, w] = m_hw.at(x);
        const std::string out = node("MaxPool", {x}, {{"kernel_shape", {k, k}}, {"strides", {s, s}}, {"pads", {p, p, p, p}}});
        m_hw[out] = {(h + 2 * p - k) / s + 1, (w + 2 * p - k) / s + 1};
        return out;
    }
    std::string add(const std::string &a, const std::string &b) override { return node("Add", {a, b}); }
    std::string globalMaxPool(const std::string &x) override { return pooled(node("GlobalMaxPool", {x})); }
    std::string globalAveragePool(const std::string &x) override { return pooled(node("GlobalAveragePool", {x})); }
    std::string concat(const std::string &a, const std::string &b) override { return node("Concat", {a, b}, {}, {{"axis", 1}}); }
    std::string flatten(const std::string &x) override { return node("Flatten", {x}, {}, {{"axis", 1}}); }
    std::string linear(const std::string &x, const at::Tensor &w, const at::Tensor &c) override
    {
        const std::string id = std::to_string(m_next);
        return node("Gemm", {x, constant("fc" + id + ".weight", w), constant("fc" + id + ".bias", c)}, {}, {{"transB", 1}});
    }
    std::string softmax(const std::string &x) override { return node("Softmax", {x}, {}, {{"axis", 1}}); }

private:
    std::string pooled(const std::string &out)
    {
        m_hw[out] = {1, 1};
        return out;
    }

    std::string constant(const std::string &name, const at::Tensor &t)
    {
        const auto c = t.detach().to(torch::kFloat).contiguous().cpu();
        auto *init = m_graph->add_initializer();
        init->set_name(name);
        init->set_data_type(onnx::TensorProto::FLOAT);
        for (auto d : c.sizes())
            init->add_dims(d);
        init->set_raw_data(std::string(reinterpret_cast<const char *>(c.data_ptr<float>()), std::size_t(c.numel()) * sizeof(float)));
        return name;
    }

    std::string node(const std::string &op, const std::vector<std::string> &inputs,
                     const std::vector<std::pair<std::string, std::vector<std::int64_t>>> &ints = {},
                     const std::vector<std::pair<std::string, std::int64_t>> &scalars = {},
                     const std::vector<std::pair<std::string, float>> &reals = {},
                     const std::vector<std::pair<std::string, std::string>> &texts = {})
    {
        auto *n = m_graph->add_node();
        n->set_op_type(op);
        const std::string out = op + "_" + std::to_string(m_next++);
        n->set_name(out);
        for (const auto &in : inputs)
            n->add_input(in);
        n->add_output(out);
        // Elementwise by default: the spatial size of the first input.
        if (auto it = m_hw.find(inputs.front()); it != m_hw.end())
            m_hw[out] = it->second;
        for (const auto &[name, values] : ints) {
            auto *a = n->add_attribute();
            a->set_name(name);
            a->set_type(onnx::AttributeProto::INTS);
            for (auto v : values)
                a->add_ints(v);
        }
        for (const auto &[name, value] : scalars) {
            auto *a = n->add_attribute();
            a->set_name(name);
            a->set_type(onnx::AttributeProto::INT);
            a->set_i(value);
        }
        for (const auto &[name, value] : reals) {
            auto *a = n->add_attribute();
            a->set_name(name);
            a->set_type(onnx::AttributeProto::FLOAT);
            a->set_f(value);
        }
        for (const auto &[name, value] : texts) {
            auto *a = n->add_attribute();
            a->set_name(name);
            a->set_type(onnx::AttributeProto::STRING);
            a->set_s(value);
        }
        return out;
    }

    onnx::GraphProto *m_graph;
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> m_hw; // height, width of each value
    int m_next = 0;
};

} // namespace

Result<void> writeOnnx(const ModelSpec &spec, const PipelineConfig &input, const fs::path &weights, const fs::path &out,
                       const OnnxOptions &options)
{
    auto model = loadClassifier(spec, weights);
    if (!model)
        return model.error();
    onnx::ModelProto proto;
    proto.set_ir_version(7);
    proto.set_producer_name("Kiln");
    auto *opset = proto.add_opset_import();
    opset->set_domain("");
    opset->set_version(13);
    auto *graph = proto.mutable_graph();
    graph->set_name(architectureName(spec.arch));
    auto addValue = [](onnx::ValueInfoProto *v, const std::string &name, std::vector<std::int64_t> dims) {
        v->set_name(name);
        auto *t = v->mutable_type()->mutable_tensor_type();
        t->set_elem_type(onnx::TensorProto::FLOAT);
        for (std::size_t i = 0; i < dims.size(); ++i) {
            auto *d = t->mutable_shape()->add_dim();
            if (i == 0)
                d->set_dim_param("batch");
            else
                d->set_dim_value(dims[i]);
        }
    };
    addValue(graph->add_input(), "input", {0, input.channels, input.size, input.size});
    OnnxEmitter emitter(graph, "input", input.size);
    auto last = emitGraph(**model, emitter, "input", options.softmax);
    if (!last)
        return last.error();
    // Name the last output.
    const std::string outName = options.softmax ? "probabilities" : "logits";
    graph->mutable_node(graph->node_size() - 1)->set_output(0, outName);
    addValue(graph->add_output(), outName, {0, spec.numClasses});

    std::string bytes;
    if (!proto.SerializeToString(&bytes))
        return Error{"Cannot serialise the ONNX model."};
    return writeFileAtomic(out, bytes);
}

Result<double> compareOnnxWithTorch(const ModelSpec &spec, const PipelineConfig &input, const fs::path &weights,
                                    const fs::path &onnx, const std::vector<fs::path> &images, bool softmax)
{
    auto loaded = loadClassifier(spec, weights);
    if (!loaded)
        return loaded.error();
    auto model = loaded.value();
    if (images.empty())
        return Error{"No images to compare on."};
    const int n = int(images.size()), c = input.channels, s = input.size;
    auto batch = torch::empty({n, c, s, s}, torch::kFloat);
    std::mt19937_64 rng(0);
    for (int i = 0; i < n; ++i) {
        std::string why;
        cv::Mat decoded = decodeImageFile(images[std::size_t(i)], &why);
        if (decoded.empty())
            return Error{images[std::size_t(i)].string() + ": " + why};
        normaliseInto(prepareImage(decoded, input, false, rng), input, batch[i].data_ptr<float>());
    }
    torch::Tensor expected;
    {
        torch::NoGradGuard guard;
        expected = model->forward(batch);
        if (softmax)
            expected = torch::softmax(expected, 1);
        expected = expected.contiguous();
    }
    try {
        cv::dnn::Net net = cv::dnn::readNetFromONNX(onnx.string());
        net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        const int dims[4] = {n, c, s, s};
        cv::Mat blob(4, dims, CV_32F, batch.data_ptr<float>());
        net.setInput(blob);
        const cv::Mat got = net.forward();
        if (got.total() != std::size_t(expected.numel()))
            return Error{"The ONNX model's output has " + std::to_string(got.total()) + " values, LibTorch's "
                         + std::to_string(expected.numel()) + "."};
        double worst = 0;
        const float *a = got.ptr<float>(), *b = expected.data_ptr<float>();
        for (std::size_t i = 0; i < got.total(); ++i)
            worst = std::max(worst, double(std::abs(a[i] - b[i])));
        return worst;
    } catch (const cv::Exception &e) {
        return Error{"OpenCV cannot run the ONNX file: " + std::string(e.what())};
    }
}

Result<std::vector<std::vector<float>>> predictWithOnnx(const fs::path &onnx, const PipelineConfig &input,
                                                        const std::vector<fs::path> &files, bool outputsProbabilities,
                                                        std::vector<std::pair<std::size_t, std::string>> &failures, int batchSize)
{
    std::vector<std::vector<float>> out(files.size());
    try {
        cv::dnn::Net net = cv::dnn::readNetFromONNX(onnx.string());
        net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        const int c = input.channels, s = input.size;
        std::mt19937_64 rng(0);
        for (std::size_t start = 0; start < files.size(); start += std::size_t(batchSize)) {
            std::vector<std::size_t> rows;
            std::vector<float> data;
            for (std::size_t i = start; i < std::min(files.size(), start + std::size_t(batchSize)); ++i) {
                std::string why;
                cv::Mat decoded = decodeImageFile(files[i], &why);
                if (decoded.empty()) {
                    failures.emplace_back(i, why);
                    continue;
                }
                data.resize(data.size() + std::size_t(c * s * s));
                normaliseInto(prepareImage(decoded, input, false, rng), input, data.data() + data.size() - std::size_t(c * s * s));
                rows.push_back(i);
            }
            if (rows.empty())
                continue;
            const int dims[4] = {int(rows.size()), c, s, s};
            net.setInput(cv::Mat(4, dims, CV_32F, data.data()));
            const cv::Mat result = net.forward();
            const int classes = int(result.total() / rows.size());
            for (std::size_t r = 0; r < rows.size(); ++r) {
                const float *v = result.ptr<float>() + r * std::size_t(classes);
                std::vector<float> p(v, v + classes);
                if (!outputsProbabilities) {
                    const float m = *std::max_element(p.begin(), p.end());
                    double sum = 0;
                    for (auto &x : p)
                        sum += (x = std::exp(x - m));
                    for (auto &x : p)
                        x = float(x / sum);
                }
                out[rows[r]] = std::move(p);
            }
        }
    } catch (const cv::Exception &e) {
        return Error{"OpenCV cannot run " + onnx.string() + ": " + e.what()};
    }
    return out;
}

} // namespace kiln
