#include "export/onnxexport.h"

#include "core/fileutil.h"
#include "data/imageverifier.h"
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

// Builds an ONNX graph node by node; tensors become float initializers.
class GraphBuilder {
public:
    explicit GraphBuilder(onnx::GraphProto *graph)
        : m_graph(graph)
    {
    }

    std::string constant(const std::string &name, const torch::Tensor &t)
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
                     const std::vector<std::pair<std::string, std::int64_t>> &scalars = {})
    {
        auto *n = m_graph->add_node();
        n->set_op_type(op);
        const std::string out = op + "_" + std::to_string(m_next++);
        n->set_name(out);
        for (const auto &in : inputs)
            n->add_input(in);
        n->add_output(out);
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
        return out;
    }

    // A convolution with the BatchNorm that follows it folded in.
    std::string convBn(const std::string &x, torch::nn::Conv2dImpl &conv, torch::nn::BatchNorm2dImpl &bn)
    {
        const auto scale = bn.weight / torch::sqrt(bn.running_var + bn.options.eps());
        auto w = conv.weight * scale.view({-1, 1, 1, 1});
        auto b = bn.bias - bn.running_mean * scale;
        if (conv.bias.defined())
            b = b + conv.bias * scale;
        const std::string id = std::to_string(m_next);
        const auto &o = conv.options;
        const std::int64_t k = (*o.kernel_size())[0], s = (*o.stride())[0];
        const std::int64_t p = c10::get<torch::ExpandingArray<2>>(o.padding())->at(0);
        return node("Conv", {x, constant("conv" + id + ".weight", w), constant("conv" + id + ".bias", b)},
                    {{"kernel_shape", {k, k}}, {"strides", {s, s}}, {"pads", {p, p, p, p}}});
    }

    // A linear layer (no bias) after a BatchNorm1d, folded: W diag(s) x + W t.
    std::string bnLinear(const std::string &x, torch::nn::BatchNorm1dImpl &bn, torch::nn::LinearImpl &lin)
    {
        const auto s = bn.weight / torch::sqrt(bn.running_var + bn.options.eps());
        const auto t = bn.bias - bn.running_mean * s;
        auto w = lin.weight * s.view({1, -1});
        auto c = torch::matmul(lin.weight, t);
        if (lin.bias.defined())
            c = c + lin.bias;
        const std::string id = std::to_string(m_next);
        return node("Gemm", {x, constant("fc" + id + ".weight", w), constant("fc" + id + ".bias", c)}, {}, {{"transB", 1}});
    }

private:
    onnx::GraphProto *m_graph;
    int m_next = 0;
};

std::shared_ptr<ClassifierImpl> loadModel(const ModelSpec &spec, const fs::path &weights, std::string &error)
{
    auto model = makeClassifier(spec);
    auto read = readTensorMap(weights);
    if (!read) {
        error = read.message();
        return nullptr;
    }
    if (auto loaded = loadModelTensors(*model, read.value()); !loaded) {
        error = "Cannot load the model from " + weights.string() + ": " + loaded.message();
        return nullptr;
    }
    model->eval();
    return model;
}

template <class T>
T *child(const std::shared_ptr<torch::nn::Module> &m)
{
    return dynamic_cast<T *>(m.get());
}

} // namespace

Result<void> writeOnnx(const ModelSpec &spec, const PipelineConfig &input, const fs::path &weights, const fs::path &out,
                       const OnnxOptions &options)
{
    std::string error;
    auto model = loadModel(spec, weights, error);
    if (!model)
        return Error{error};
    torch::NoGradGuard guard;
    onnx::ModelProto proto;
    proto.set_ir_version(7);
    proto.set_producer_name("Kiln");
    auto *opset = proto.add_opset_import();
    opset->set_domain("");
    opset->set_version(13);
    auto *graph = proto.mutable_graph();
    graph->set_name(architectureName(spec.arch));
    GraphBuilder g(graph);

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

    std::string x = "input";
    if (auto *cnn = dynamic_cast<SimpleCnnImpl *>(model.get())) {
        for (auto *stage : {cnn->stage1.get(), cnn->stage2.get()}) {
            const auto children = stage->children();
            for (std::size_t i = 0; i + 1 < children.size(); ++i)
                if (auto *conv = child<torch::nn::Conv2dImpl>(children[i])) {
                    auto *bn = child<torch::nn::BatchNorm2dImpl>(children[i + 1]);
                    if (!bn)
                        return Error{"simple_cnn: a convolution without its BatchNorm; cannot export."};
                    x = g.node("Relu", {g.convBn(x, *conv, *bn)});
                }
        }
    } else if (auto *resnet = dynamic_cast<ResNetImpl *>(model.get())) {
        x = g.node("Relu", {g.convBn(x, *resnet->conv1, *resnet->bn1)});
        x = g.node("MaxPool", {x}, {{"kernel_shape", {3, 3}}, {"strides", {2, 2}}, {"pads", {1, 1, 1, 1}}});
        for (auto *layer : {resnet->layer1.get(), resnet->layer2.get(), resnet->layer3.get(), resnet->layer4.get()})
            for (const auto &m : layer->children()) {
                auto *block = child<BasicBlockImpl>(m);
                if (!block)
                    return Error{"resnet: an unexpected layer; cannot export."};
                std::string y = g.node("Relu", {g.convBn(x, *block->conv1, *block->bn1)});
                y = g.convBn(y, *block->conv2, *block->bn2);
                std::string shortcut = x;
                if (block->downsample) {
                    const auto ds = block->downsample->children();
                    shortcut = g.convBn(x, *child<torch::nn::Conv2dImpl>(ds.at(0)), *child<torch::nn::BatchNorm2dImpl>(ds.at(1)));
                }
                x = g.node("Relu", {g.node("Add", {y, shortcut})});
            }
    } else {
        return Error{"This architecture cannot be exported to ONNX."};
    }

    // The head, from the named submodules ("head." fastai, "fc." linear).
    std::map<std::string, std::shared_ptr<torch::nn::Module>> modules;
    for (const auto &item : model->named_modules(""))
        modules[item.key()] = item.value();
    if (modules.count("head")) {
        const std::string pooled = g.node("Concat", {g.node("GlobalMaxPool", {x}), g.node("GlobalAveragePool", {x})}, {}, {{"axis", 1}});
        x = g.node("Flatten", {pooled}, {}, {{"axis", 1}});
        x = g.node("Relu", {g.bnLinear(x, *child<torch::nn::BatchNorm1dImpl>(modules["head.bn1"]), *child<torch::nn::LinearImpl>(modules["head.lin1"]))});
        x = g.bnLinear(x, *child<torch::nn::BatchNorm1dImpl>(modules["head.bn2"]), *child<torch::nn::LinearImpl>(modules["head.lin2"]));
    } else if (modules.count("fc")) {
        auto *fc = child<torch::nn::LinearImpl>(modules["fc"]);
        x = g.node("Flatten", {g.node("GlobalAveragePool", {x})}, {}, {{"axis", 1}});
        x = g.node("Gemm", {x, g.constant("fc.weight", fc->weight), g.constant("fc.bias", fc->bias)}, {}, {{"transB", 1}});
    } else {
        return Error{"The model has no classifier head to export."};
    }
    if (options.softmax)
        x = g.node("Softmax", {x}, {}, {{"axis", 1}});
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
    std::string error;
    auto model = loadModel(spec, weights, error);
    if (!model)
        return Error{error};
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
