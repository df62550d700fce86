#include "analysis/predictor.h"

#include "train/autocast.h"

#include "data/batchloader.h"
#include "data/imageverifier.h"
#include "models/models.h"
#include "models/statedict.h"
#include "train/learner.h"
#include "train/runfiles.h"
#include "train/torchdevice.h"

#include <torch/torch.h>

#include <algorithm>
#include <cstring>
#include <random>

namespace fs = std::filesystem;

namespace kiln {

namespace {

at::Tensor stringTensor(const std::vector<std::string> &items)
{
    std::string joined;
    for (const auto &s : items) {
        joined += s;
        joined.push_back('\0');
    }
    auto t = torch::empty({std::int64_t(joined.size())}, torch::kUInt8);
    if (!joined.empty())
        std::memcpy(t.data_ptr(), joined.data(), joined.size());
    return t;
}

std::vector<std::string> stringsOf(const at::Tensor &t)
{
    std::vector<std::string> out;
    const auto c = t.contiguous();
    const char *p = reinterpret_cast<const char *>(c.data_ptr());
    const std::size_t n = std::size_t(c.numel());
    std::size_t start = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (p[i] == '\0') {
            out.emplace_back(p + start, i - start);
            start = i + 1;
        }
    return out;
}

template <class T>
std::vector<T> vectorOf(const at::Tensor &t)
{
    const auto c = t.contiguous();
    return std::vector<T>(c.data_ptr<T>(), c.data_ptr<T>() + c.numel());
}

template <class T>
at::Tensor tensorOf(const std::vector<T> &v, at::ScalarType type)
{
    return torch::from_blob(const_cast<T *>(v.data()), {std::int64_t(v.size())}, type).clone();
}

} // namespace

void Predictions::setLabel(std::size_t i, int label)
{
    labels[i] = label;
    losses[i] = label >= 0 ? -std::log(std::max(prob(i, label), 1e-30f)) : NAN;
}

namespace {
Result<Predictions> predictFilesUnguarded(const ModelSpec &spec, const PipelineConfig &input, const fs::path &checkpoint,
                                          const std::vector<std::string> &classes, const std::vector<fs::path> &files,
                                          const std::vector<int> &labels, const PredictOptions &options, Progress *progress);
} // namespace

Result<Predictions> predictFiles(const ModelSpec &spec, const PipelineConfig &input, const fs::path &checkpoint,
                                 const std::vector<std::string> &classes, const std::vector<fs::path> &files,
                                 const std::vector<int> &labels, const PredictOptions &options, Progress *progress)
{
    if (int(classes.size()) != spec.numClasses)
        return Error{"The model has " + std::to_string(spec.numClasses) + " outputs but " + std::to_string(classes.size())
                     + " class names."};
    // Everything that touches LibTorch or OpenCV is inside the guard: moving the model to the
    // device throws too (no CUDA memory, a damaged tensor).
    try {
        return predictFilesUnguarded(spec, input, checkpoint, classes, files, labels, options, progress);
    } catch (const std::exception &e) {
        return Error{"Prediction with " + checkpoint.string() + " failed: " + exceptionLine(e)};
    }
}

namespace {

Result<Predictions> predictFilesUnguarded(const ModelSpec &spec, const PipelineConfig &input, const fs::path &checkpoint,
                                          const std::vector<std::string> &classes, const std::vector<fs::path> &files,
                                          const std::vector<int> &labels, const PredictOptions &options, Progress *progress)
{
    TrainConfig deviceConfig;
    deviceConfig.threads = options.threads;
    deviceConfig.device = options.device;
    const DeviceInfo device = configureDevice(deviceConfig);
    const torch::Device where = torchDevice(device);

    auto loaded = loadClassifier(spec, checkpoint);
    if (!loaded)
        return loaded.error();
    const std::shared_ptr<ClassifierImpl> model = loaded.value();
    try {
        model->to(where);
    } catch (const std::exception &e) {
        return Error{deviceProblem(device.name, e)};
    }
    const bool useChannelsLastLayout = prefersChannelsLast(spec.arch, device.cuda);
    const Precision precision = resolvePrecision(options.precision, spec.arch, device.cuda);
    if (useChannelsLastLayout)
        useChannelsLast(*model);

    Predictions out;
    out.classes = classes;
    PipelineConfig pipeline = input;
    pipeline.augment.enabled = false;
    auto store = std::make_shared<ImageStore>(files);
    std::vector<std::size_t> idx(files.size());
    for (std::size_t i = 0; i < idx.size(); ++i)
        idx[i] = i;
    std::vector<int> loaderLabels(labels);
    loaderLabels.resize(files.size(), -1);
    BatchLoader::Options lo;
    lo.batchSize = std::max(1, options.batchSize);
    lo.workers = std::max(1, device.threads);
    lo.pinMemory = device.cuda;
    BatchLoader loader(store, idx, loaderLabels, pipeline, lo);
    addTotal(progress, files.size());

    const std::size_t C = classes.size();
    try {
        torch::InferenceMode guard;
        loader.startEpoch(0);
        while (auto batch = loader.next()) {
            if (isCancelled(progress))
                return Error{"Prediction was cancelled."};
            auto x = batch->images.to(where, /*non_blocking=*/device.cuda);
            if (useChannelsLastLayout)
                x = channelsLast(x);
            torch::Tensor emb, logits;
            {
                const AutocastScope autocast(precision, device.cuda);
                emb = model->embed(x);
                logits = model->logits(emb).to(torch::kFloat).cpu();
            }
            auto probs = torch::softmax(logits, 1).contiguous();
            auto pred = logits.argmax(1).contiguous();
            auto logp = torch::log_softmax(logits, 1).contiguous();
            const std::size_t n = batch->samples.size();
            const float *pp = probs.data_ptr<float>();
            const float *lp = logp.data_ptr<float>();
            const std::int64_t *pr = pred.data_ptr<std::int64_t>();
            out.probs.insert(out.probs.end(), pp, pp + n * C);
            if (options.embeddings) {
                auto e = emb.to(torch::kFloat).cpu().contiguous();
                out.embeddingDim = int(e.size(1));
                out.embeddings.insert(out.embeddings.end(), e.data_ptr<float>(), e.data_ptr<float>() + e.numel());
            }
            for (std::size_t k = 0; k < n; ++k) {
                const std::size_t s = batch->samples[k];
                const int label = loaderLabels[s] >= 0 && std::size_t(loaderLabels[s]) < C ? loaderLabels[s] : -1;
                out.files.push_back(files[s]);
                out.labels.push_back(label);
                out.predicted.push_back(int(pr[k]));
                out.losses.push_back(label >= 0 ? -lp[k * C + std::size_t(label)] : NAN);
            }
            stepProgress(progress, n);
        }
    } catch (const std::exception &e) {
        return Error{std::string("Prediction failed: ") + e.what()};
    }
    for (const auto &f : loader.failures())
        out.failures.emplace_back(f.path, f.reason);
    stepProgress(progress, loader.failureCount());
    return out;
}

} // namespace

Result<void> savePredictions(const fs::path &file, const Predictions &p, const std::string &key, const fs::path &base)
{
    try {
        TensorMap t;
        std::vector<std::string> rel, failures;
        for (const auto &f : p.files)
            rel.push_back(f.lexically_relative(base).generic_string());
        for (const auto &[f, why] : p.failures) {
            failures.push_back(f);
            failures.push_back(why);
        }
        const auto n = std::int64_t(p.size());
        t["key"] = stringTensor({key});
        t["classes"] = stringTensor(p.classes);
        t["files"] = stringTensor(rel);
        t["failures"] = stringTensor(failures);
        t["labels"] = tensorOf(p.labels, torch::kInt);
        t["predicted"] = tensorOf(p.predicted, torch::kInt);
        t["probs"] = tensorOf(p.probs, torch::kFloat).view({n, std::int64_t(p.classes.size())});
        t["losses"] = tensorOf(p.losses, torch::kFloat);
        if (!p.embeddings.empty())
            t["embeddings"] = tensorOf(p.embeddings, torch::kFloat).view({n, p.embeddingDim});
        return writeTensorMap(file, t); // makes the predictions/ folder
    } catch (const std::exception &e) {
        return Error{"Cannot save predictions to " + file.string() + ": " + e.what()};
    }
}

Result<Predictions> loadPredictions(const fs::path &file, const std::string &key, const fs::path &base)
{
    std::error_code ec;
    if (!fs::exists(file, ec))
        return Error{"no saved predictions"};
    auto read = readTensorMap(file);
    if (!read)
        return read.error();
    try {
        const TensorMap &t = read.value();
        auto get = [&](const char *k) -> const at::Tensor & {
            auto it = t.find(k);
            if (it == t.end())
                throw std::runtime_error(std::string("missing ") + k);
            return it->second;
        };
        const auto keys = stringsOf(get("key"));
        if (keys.size() != 1 || keys[0] != key)
            return Error{"saved predictions are for another model or file list"};
        Predictions p;
        p.classes = stringsOf(get("classes"));
        for (const auto &r : stringsOf(get("files")))
            p.files.push_back(base / r);
        const auto failures = stringsOf(get("failures"));
        for (std::size_t i = 0; i + 1 < failures.size(); i += 2)
            p.failures.emplace_back(failures[i], failures[i + 1]);
        p.labels = vectorOf<int>(get("labels"));
        p.predicted = vectorOf<int>(get("predicted"));
        p.probs = vectorOf<float>(get("probs"));
        p.losses = vectorOf<float>(get("losses"));
        if (auto it = t.find("embeddings"); it != t.end()) {
            p.embeddingDim = int(it->second.size(1));
            p.embeddings = vectorOf<float>(it->second);
        }
        const std::size_t n = p.files.size();
        const int C = int(p.classes.size());
        const auto outside = [C](int v, int lowest) { return v < lowest || v >= C; };
        if (C < 1 || p.labels.size() != n || p.predicted.size() != n || p.losses.size() != n || p.probs.size() != n * p.classes.size()
            || (!p.embeddings.empty() && (p.embeddingDim < 1 || p.embeddings.size() != n * std::size_t(p.embeddingDim)))
            || std::any_of(p.labels.begin(), p.labels.end(), [&](int v) { return outside(v, -1); })
            || std::any_of(p.predicted.begin(), p.predicted.end(), [&](int v) { return outside(v, 0); }))
            return Error{"The saved predictions " + file.string() + " are damaged (their sizes or classes do not agree); "
                         "they are predicted again (the file is a cache, safe to delete)."};
        return p;
    } catch (const std::exception &e) {
        return Error{"Cannot read the saved predictions " + file.string() + " (" + exceptionLine(e)
                     + "); they are predicted again (the file is a cache, safe to delete)."};
    }
}

struct Predictor::Impl {
    std::shared_ptr<ClassifierImpl> model;
    PipelineConfig input;
    torch::Device device{torch::kCPU};
    bool channelsLast = false;
    bool cuda = false;
    Precision precision = Precision::Fp32;
    std::mt19937_64 rng{0};
};

Predictor::Predictor()
    : d(std::make_unique<Impl>())
{
}

Predictor::~Predictor() = default;

Result<std::unique_ptr<Predictor>> Predictor::load(const ModelSpec &spec, const PipelineConfig &input, const fs::path &weights,
                                                   int threads, Precision precision)
{
    TrainConfig deviceConfig;
    deviceConfig.threads = threads;
    const DeviceInfo device = configureDevice(deviceConfig);
    auto loaded = loadClassifier(spec, weights);
    if (!loaded)
        return loaded.error();
    std::unique_ptr<Predictor> p(new Predictor);
    p->d->model = loaded.value();
    p->d->device = torchDevice(device);
    try {
        p->d->model->to(p->d->device);
        p->d->channelsLast = prefersChannelsLast(spec.arch, device.cuda);
        p->d->cuda = device.cuda;
        p->d->precision = resolvePrecision(precision, spec.arch, device.cuda);
        if (p->d->channelsLast)
            useChannelsLast(*p->d->model);
    } catch (const std::exception &e) {
        return Error{"Cannot put the model of " + weights.string() + " on " + deviceProblem(device.name, e)};
    }
    p->d->input = input;
    p->d->input.augment.enabled = false;
    return p;
}

Result<std::vector<float>> Predictor::probabilities(const fs::path &image)
{
    try {
        return probabilitiesUnguarded(image);
    } catch (const std::exception &e) {
        return Error{image.string() + ": prediction failed (" + exceptionLine(e) + ")"};
    }
}

Result<std::vector<float>> Predictor::probabilitiesUnguarded(const fs::path &image)
{
    std::string why;
    cv::Mat decoded = decodeImageFile(image, &why);
    if (decoded.empty())
        return Error{image.string() + ": " + why};
    const PipelineConfig &in = d->input;
    auto x = torch::empty({1, in.channels, in.size, in.size}, torch::kFloat);
    normaliseInto(prepareImage(decoded, in, false, d->rng), in, x.data_ptr<float>());
    torch::InferenceMode guard;
    auto batch = x.to(d->device);
    if (d->channelsLast)
        batch = channelsLast(batch);
    torch::Tensor logits;
    {
        const AutocastScope autocast(d->precision, d->cuda);
        logits = d->model->forward(batch).to(torch::kFloat);
    }
    const auto probs = torch::softmax(logits, 1).cpu().contiguous();
    return std::vector<float>(probs.data_ptr<float>(), probs.data_ptr<float>() + probs.numel());
}

} // namespace kiln
