#include "export/modelbundle.h"

#include "data/imageformat.h"
#include "core/enumnames.h"
#include "core/fileutil.h"
#include "export/bundlefile.h"
#include "export/onnxexport.h"
#include "export/torchscriptexport.h"

#include <functional>
#include "train/run.h"
#include "train/runcsv.h"

#include <QCoreApplication>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace fs = std::filesystem;

namespace kiln {

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

// The 5th percentile of the highest class probability (the out-of-domain threshold).
double lowMaxProbability(const Predictions &p)
{
    std::vector<float> maxes;
    const std::size_t C = p.classes.size();
    for (std::size_t i = 0; i < p.size(); ++i)
        maxes.push_back(*std::max_element(p.probs.begin() + long(i * C), p.probs.begin() + long((i + 1) * C)));
    if (maxes.empty())
        return 0;
    std::sort(maxes.begin(), maxes.end());
    return double(maxes[std::size_t(0.05 * double(maxes.size() - 1))]);
}

// The metadata of a model exported from a run, and the run's validation predictions it was
// calibrated on.
struct Described {
    QJsonObject meta;
    RunPredictions valid;
    double accuracy = 0;
};

Result<Described> describeRun(const RunInfo &run, Progress *progress)
{
    PredictOptions options;
    options.embeddings = false;
    auto valid = predictRun(run, AnalysisScope::Valid, options, progress);
    if (!valid)
        return valid.error();
    const Interpretation in = valid->interpretation(AnalysisScope::Valid);
    const double threshold = lowMaxProbability(valid->predictions);
    QJsonArray classes, mean, stdev;
    for (const auto &c : run.classes)
        classes.append(q(c));
    for (int c = 0; c < run.input.channels; ++c) {
        mean.append(double(run.input.mean[std::size_t(c)]));
        stdev.append(double(run.input.std[std::size_t(c)]));
    }
    QJsonObject metrics;
    auto read = readMetrics(run.runDir / "metrics.csv");
    if (!read)
        return read.error();
    const auto &epochs = read.value();
    if (!epochs.empty())
        metrics = QJsonObject{{"epochs", int(epochs.size())}, {"train_loss", epochs.back().trainLoss},
                              {"valid_loss", epochs.back().validLoss}, {"accuracy", epochs.back().accuracy}};
    const QJsonObject meta{
        {"format", "kiln-model-bundle"},
        {"format_version", 1},
        {"kiln_version", QCoreApplication::applicationVersion()},
        {"created", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {"architecture", architectureName(run.spec.arch)},
        {"head", headKindName(run.spec.head)},
        {"precision", precisionName(run.config.precision)},
        {"classes", classes},
        {"input", QJsonObject{{"size", run.input.size}, {"channels", run.input.channels},
                              {"resize", resizeMethodName(run.input.resize)}, {"mean", mean}, {"std", stdev},
                              {"color_order", run.input.channels == 3 ? "RGB" : "gray"}, {"value_range", "0-1 before normalising"}}},
        {"metrics", metrics},
        {"validation_accuracy", in.accuracy()},
        {"out_of_domain", QJsonObject{{"score", "max_probability"}, {"threshold", threshold},
                                      {"calibration", "5th percentile over the validation images"}}},
        {"run", q(run.runDir.filename().string())},
    };
    return Described{meta, std::move(valid.value()), in.accuracy()};
}

} // namespace

Result<BundleExport> exportBundle(const RunInfo &run, const fs::path &out, Progress *progress)
{
    auto described = describeRun(run, progress);
    if (!described)
        return described.error();
    const QJsonObject &meta = described->meta;
    const RunPredictions &validRun = described->valid;
    const double threshold = meta.value("out_of_domain").toObject().value("threshold").toDouble();
    PredictOptions options;
    options.embeddings = false;
    options.precision = run.config.precision;
    const std::string json = QJsonDocument(meta).toJson(QJsonDocument::Indented).toStdString();
    if (auto w = writeBundleFile(run.checkpoint, json, out); !w)
        return w.error();

    // The check: the bundle alone predicts the validation images as the run does.
    auto bundle = loadBundle(out);
    if (!bundle)
        return Error{"The bundle was written but does not load back: " + bundle.message()};
    auto again = predictFiles(bundle->spec, bundle->input, bundle->file, bundle->classes, validRun.predictions.files,
                              validRun.predictions.labels, options);
    if (!again)
        return Error{"The bundle was written but cannot predict: " + again.message()};
    const Interpretation check(bundle->classes, again->labels, again->predicted);
    BundleExport result;
    result.file = out;
    std::error_code ec;
    result.bytes = fs::file_size(out, ec);
    result.oodThreshold = threshold;
    result.validationAccuracy = check.accuracy();
    if (std::abs(check.accuracy() - described->accuracy) > 1e-9)
        return Error{"The bundle predicts differently from the run (accuracy " + std::to_string(check.accuracy()) + " vs "
                     + std::to_string(described->accuracy) + "); it was not verified."};
    return result;
}

namespace {

// A model file another runtime reads, with the bundle's metadata beside it (FILE.json), checked
// against LibTorch by `check` (the largest output difference, at most 1e-4).
Result<BundleExport> exportBeside(const RunInfo &run, const fs::path &out, const QJsonObject &formatInfo,
                                  const std::function<Result<void>()> &write,
                                  const std::function<Result<double>(const std::vector<fs::path> &)> &check, Progress *progress)
{
    auto described = describeRun(run, progress);
    if (!described)
        return described.error();
    QJsonObject meta = described->meta;
    meta.insert("format", "kiln-model-metadata");
    meta.insert("model_file", formatInfo);
    if (auto w = write(); !w)
        return w.error();
    if (auto w = writeFileAtomic(fs::path(out.string() + ".json"), QJsonDocument(meta).toJson(QJsonDocument::Indented).toStdString());
        !w)
        return w.error();
    const auto &files = described->valid.predictions.files;
    auto diff = check(std::vector<fs::path>(files.begin(), files.begin() + long(std::min<std::size_t>(files.size(), 16))));
    if (!diff)
        return Error{out.string() + " was written but could not be checked: " + diff.message()};
    if (diff.value() > 1e-4)
        return Error{out.string() + " differs from LibTorch by " + std::to_string(diff.value()) + " (more than 1e-4); do not use it."};
    BundleExport result;
    result.file = out;
    std::error_code ec;
    result.bytes = fs::file_size(out, ec);
    result.oodThreshold = meta.value("out_of_domain").toObject().value("threshold").toDouble();
    result.validationAccuracy = described->accuracy;
    result.maxDifference = diff.value();
    return result;
}

} // namespace

Result<BundleExport> exportOnnxModel(const RunInfo &run, const fs::path &out, bool softmax, Progress *progress)
{
    const QJsonObject info{{"kind", "onnx"}, {"file", q(out.filename().string())}, {"input", "input"},
                           {"output", softmax ? "probabilities" : "logits"}, {"opset", 13}};
    return exportBeside(
        run, out, info, [&] { return writeOnnx(run.spec, run.input, run.checkpoint, out, {softmax}); },
        [&](const std::vector<fs::path> &images) { return compareOnnxWithTorch(run.spec, run.input, run.checkpoint, out, images, softmax); },
        progress);
}

Result<BundleExport> exportTorchScriptModel(const RunInfo &run, const fs::path &out, bool softmax, Progress *progress)
{
    const QJsonObject info{{"kind", "torchscript"}, {"file", q(out.filename().string())},
                           {"output", softmax ? "probabilities" : "logits"}};
    return exportBeside(
        run, out, info, [&] { return writeTorchScript(run.spec, run.checkpoint, out, softmax); },
        [&](const std::vector<fs::path> &) { return compareTorchScriptWithTorch(run.spec, run.input, run.checkpoint, out, softmax); },
        progress);
}

const char *exportFormatName(ExportFormat f)
{
    switch (f) {
    case ExportFormat::Bundle: return "bundle";
    case ExportFormat::Onnx: return "onnx";
    case ExportFormat::TorchScript: return "torchscript";
    }
    return "bundle";
}

bool parseExportFormat(const std::string &name, ExportFormat &out)
{
    return parseByName(name, {ExportFormat::Bundle, ExportFormat::Onnx, ExportFormat::TorchScript}, exportFormatName, out);
}

const char *exportFormatExtension(ExportFormat f)
{
    switch (f) {
    case ExportFormat::Bundle: return ".kiln";
    case ExportFormat::Onnx: return ".onnx";
    case ExportFormat::TorchScript: return ".pt";
    }
    return ".kiln";
}

ExportFormat exportFormatForFile(const fs::path &file)
{
    const std::string ext = file.extension().string();
    return ext == ".onnx" ? ExportFormat::Onnx : ext == ".pt" ? ExportFormat::TorchScript : ExportFormat::Bundle;
}

Result<void> useCheckpoint(RunInfo &run, const std::string &which)
{
    if (which.empty())
        return Ok{};
    if (which != "last" && which != "best")
        return Error{"the checkpoint is last or best, not '" + which + "'"};
    const fs::path chosen = run.runDir / "checkpoints" / (which + ".pt");
    std::error_code ec;
    if (!fs::exists(chosen, ec))
        return Error{"The run " + run.runDir.string() + " has no " + which + ".pt"
                     + (which == "best" ? " (only keep-best runs keep a best checkpoint)." : ".")};
    run.checkpoint = chosen;
    return Ok{};
}

Result<BundleExport> exportRunAs(const RunInfo &run, ExportFormat format, const fs::path &file, bool softmax, Progress *progress)
{
    Result<BundleExport> out = Error{"not exported"};
    switch (format) {
    case ExportFormat::Onnx: out = exportOnnxModel(run, file, softmax, progress); break;
    case ExportFormat::TorchScript: out = exportTorchScriptModel(run, file, softmax, progress); break;
    case ExportFormat::Bundle: out = exportBundle(run, file, progress); break;
    }
    if (!out)
        return out;
    // The run remembers what was exported from it (its report lists it). The model is written and
    // checked either way; a run.json that cannot be updated is a warning, not a failed export.
    auto recorded = Run::load(run.runDir);
    if (recorded) {
        std::error_code ec;
        const fs::path absolute = fs::absolute(out->file, ec);
        recorded->exports.push_back({exportFormatName(format), (ec ? out->file : absolute).string(),
                                     QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString(), double(out->bytes),
                                     out->validationAccuracy, out->maxDifference, out->oodThreshold});
        if (auto saved = recorded->save(); !saved)
            out->warning = "the export was not recorded in the run: " + saved.message();
    } else {
        out->warning = "the export was not recorded in the run: " + recorded.message();
    }
    return out;
}

std::vector<FormatExport> exportRun(const RunInfo &run, const std::vector<ExportFormat> &formats, const fs::path &dir,
                                    const std::string &stem, bool softmax, Progress *progress)
{
    std::vector<FormatExport> out;
    std::error_code ec;
    fs::create_directories(dir, ec);
    for (ExportFormat f : formats) {
        if (ec) {
            out.push_back({f, Error{"Cannot create the folder " + dir.string() + ": " + ec.message()}});
            continue;
        }
        const fs::path file = uniquePath(dir / (stem + exportFormatExtension(f)));
        out.push_back({f, exportRunAs(run, f, file, softmax, progress)});
    }
    return out;
}

Result<ModelBundle> loadBundle(const fs::path &file)
{
    const bool onnx = file.extension() == ".onnx";
    Result<std::string> json = Error{""};
    if (onnx) {
        auto bytes = readFileBytes(fs::path(file.string() + ".json"), 16u << 20);
        if (!bytes)
            return Error{"An ONNX model needs its metadata beside it (" + file.string() + ".json, written by kiln-cli export): "
                         + bytes.message()};
        json = std::string(bytes->begin(), bytes->end());
    } else {
        json = readBundleMetadata(file);
    }
    if (!json)
        return json.error();
    QJsonParseError err{};
    const QJsonObject meta = QJsonDocument::fromJson(QByteArray::fromStdString(json.value()), &err).object();
    const QString format = meta.value("format").toString();
    // Where the metadata lives: inside a bundle, beside an ONNX file.
    const std::string where = onnx ? file.string() + ".json (the metadata of " + file.filename().string() + ")" : file.string();
    if (err.error != QJsonParseError::NoError || (format != "kiln-model-bundle" && format != "kiln-model-metadata"))
        return Error{where + " is damaged or not Kiln's model metadata; export the model again."};
    if (meta.value("format_version").toInt() > 1)
        return Error{where + " was written by a newer Kiln (format " + std::to_string(meta.value("format_version").toInt())
                     + "); update Kiln to read it."};
    ModelBundle b;
    b.file = file;
    b.metadata = meta;
    b.onnx = onnx;
    b.onnxProbabilities = meta.value("model_file").toObject().value("output").toString() == "probabilities";
    if (!parseArchitecture(meta.value("architecture").toString().toStdString(), b.spec.arch))
        return Error{where + " names an architecture this Kiln does not know: "
                     + meta.value("architecture").toString().toStdString()};
    // Bundles before mixed precision have none: auto, the default.
    parsePrecision(meta.value("precision").toString().toStdString(), b.precision);
    b.spec.head = HeadKind::Fastai; // bundles without a head name predate linear heads
    parseHeadKind(meta.value("head").toString().toStdString(), b.spec.head);
    for (const auto &c : meta.value("classes").toArray())
        b.classes.push_back(c.toString().toStdString());
    const QJsonObject input = meta.value("input").toObject();
    b.input.size = input.value("size").toInt();
    b.input.channels = input.value("channels").toInt();
    if (!parseResizeMethod(input.value("resize").toString().toStdString(), b.input.resize))
        b.input.resize = ResizeMethod::Squish;
    const QJsonArray mean = input.value("mean").toArray(), stdev = input.value("std").toArray();
    for (int c = 0; c < 3 && c < mean.size() && c < stdev.size(); ++c) {
        b.input.mean[std::size_t(c)] = float(mean[c].toDouble());
        b.input.std[std::size_t(c)] = float(stdev[c].toDouble());
    }
    b.input.augment.enabled = false;
    b.spec.inChannels = b.input.channels;
    b.spec.numClasses = int(b.classes.size());
    b.oodThreshold = meta.value("out_of_domain").toObject().value("threshold").toDouble();
    // Bounds a damaged file cannot get past: an input side no model of Kiln's takes would only
    // allocate (and fail) later.
    if (b.classes.size() < 2 || b.input.size < 1 || b.input.size > 4096 || (b.input.channels != 1 && b.input.channels != 3))
        return Error{where + " has incomplete metadata (classes or input); export the model again."};
    return b;
}

Result<std::vector<ImagePrediction>> predictImages(const ModelBundle &bundle, const std::vector<fs::path> &paths, int topK,
                                                   int threads, Progress *progress)
{
    std::vector<fs::path> files;
    for (const auto &p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<fs::path> inFolder;
            for (const auto &e : fs::recursive_directory_iterator(p, ec))
                if (e.is_regular_file() && hasImageExtension(e.path().filename().string()))
                    inFolder.push_back(e.path());
            std::sort(inFolder.begin(), inFolder.end());
            files.insert(files.end(), inFolder.begin(), inFolder.end());
        } else {
            files.push_back(p);
        }
    }
    std::vector<ImagePrediction> out(files.size());
    std::vector<fs::path> readable;
    std::vector<std::size_t> slot;
    for (std::size_t i = 0; i < files.size(); ++i) {
        out[i].file = files[i];
        std::error_code ec;
        if (!fs::is_regular_file(files[i], ec))
            out[i].error = "not found";
        else {
            readable.push_back(files[i]);
            slot.push_back(i);
        }
    }
    // The top k classes of one image, and whether it is out of domain.
    auto rank = [&](ImagePrediction &r, const float *probs, std::size_t classes) {
        std::vector<std::pair<int, float>> all;
        for (std::size_t c = 0; c < classes; ++c)
            all.emplace_back(int(c), probs[c]);
        std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
        all.resize(std::min<std::size_t>(all.size(), std::size_t(std::max(1, topK))));
        r.top = all;
        r.maxProbability = all.front().second;
        r.outOfDomain = r.maxProbability < bundle.oodThreshold;
    };
    if (bundle.onnx) {
        std::vector<std::pair<std::size_t, std::string>> failures;
        auto probs = predictWithOnnx(bundle.file, bundle.input, readable, bundle.onnxProbabilities, failures);
        if (!probs)
            return probs.error();
        for (const auto &[k, why] : failures)
            out[slot[k]].error = why;
        for (std::size_t k = 0; k < readable.size(); ++k) {
            const auto &row = (*probs)[k];
            if (row.empty())
                continue;
            rank(out[slot[k]], row.data(), row.size());
        }
        return out;
    }
    PredictOptions options;
    options.embeddings = false;
    options.threads = threads;
    options.precision = bundle.precision;
    auto p = predictFiles(bundle.spec, bundle.input, bundle.file, bundle.classes, readable,
                          std::vector<int>(readable.size(), -1), options, progress);
    if (!p)
        return p.error();
    std::map<std::string, std::size_t> where;
    for (std::size_t k = 0; k < readable.size(); ++k)
        where[readable[k].string()] = slot[k];
    const std::size_t C = bundle.classes.size();
    for (std::size_t k = 0; k < p->size(); ++k) {
        rank(out[where[p->files[k].string()]], p->probs.data() + k * C, C);
    }
    for (const auto &[file, why] : p->failures)
        if (auto it = where.find(file); it != where.end())
            out[it->second].error = why;
    return out;
}

} // namespace kiln
