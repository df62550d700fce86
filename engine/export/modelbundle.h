#pragma once
// Exporting a trained run as a self-contained model bundle (see bundlefile.h for the file) or as
// ONNX with the same metadata beside it, and
// predicting images with one, with no project present. The metadata says everything needed to
// rebuild the model and prepare its input: architecture and head, classes, input size, channels,
// resize method and normalisation, the run's final metrics, Kiln's version, the creation time,
// and the out-of-domain threshold.
//
// Out of domain: an image whose highest class probability is below the threshold is flagged as
// unlike the training data. The threshold is the 5th percentile of that probability over the
// run's validation images, computed at export, so about 5% of in-domain images are flagged.
// Synchronous; call from a worker thread.

#include "analysis/runanalysis.h"

#include <QJsonObject>

#include <filesystem>
#include <string>
#include <vector>

namespace kiln {

struct ModelBundle {
    std::filesystem::path file;
    ModelSpec spec;
    PipelineConfig input;
    std::vector<std::string> classes;
    double oodThreshold = 0; // max probability below this: out of domain
    QJsonObject metadata;    // everything, as stored
    bool onnx = false;       // an ONNX file with its metadata beside it (FILE.onnx.json)
    bool onnxProbabilities = false; // the ONNX graph ends in a softmax
    Precision precision = Precision::Auto; // what LibTorch predicts in (the run's); the file is fp32
};

struct BundleExport {
    std::filesystem::path file;
    std::uint64_t bytes = 0;
    double oodThreshold = 0;
    double validationAccuracy = 0; // of the bundle, on the run's validation images (the check)
    double maxDifference = 0;      // ONNX / TorchScript: largest output difference from LibTorch
    std::string warning;           // exportRunAs: why run.json does not list it, when it does not
};

// Writes `out` from the run's checkpoint (best.pt for a keep-best run) and checks it: the bundle is
// loaded back and predicts the validation images with the run's accuracy.
Result<BundleExport> exportBundle(const RunInfo &run, const std::filesystem::path &out, Progress *progress = nullptr);
// Writes `out` (ONNX, see onnxexport.h) and its metadata as `out`.json, and checks it: OpenCV's dnn
// module runs it on validation images and its outputs must match LibTorch's within 1e-4.
Result<BundleExport> exportOnnxModel(const RunInfo &run, const std::filesystem::path &out, bool softmax = false,
                                     Progress *progress = nullptr);
// Writes `out` (TorchScript, see torchscriptexport.h; Python's torch.jit.load runs it) and its
// metadata as `out`.json, and checks it: loaded back with torch::jit::load, it must match LibTorch
// within 1e-4.
Result<BundleExport> exportTorchScriptModel(const RunInfo &run, const std::filesystem::path &out, bool softmax = false,
                                            Progress *progress = nullptr);
// The formats a run exports to, and the one a file name asks for (.onnx, .pt, else a bundle).
enum class ExportFormat { Bundle, Onnx, TorchScript };
const char *exportFormatName(ExportFormat f); // "bundle", "onnx", "torchscript"
bool parseExportFormat(const std::string &name, ExportFormat &out);
const char *exportFormatExtension(ExportFormat f); // ".kiln", ".onnx", ".pt"
ExportFormat exportFormatForFile(const std::filesystem::path &file);

// Makes `run` export (and describe itself) from its "last" or "best" checkpoint instead of the one
// it kept; an error says when the run has no such checkpoint.
Result<void> useCheckpoint(RunInfo &run, const std::string &which);

// Exports `run` as `format` into `file`, checked (the functions above).
Result<BundleExport> exportRunAs(const RunInfo &run, ExportFormat format, const std::filesystem::path &file, bool softmax = false,
                                 Progress *progress = nullptr);
struct FormatExport {
    ExportFormat format;
    Result<BundleExport> result;
};
// The same for several formats into the folder `dir` (created), each as <stem><extension>, or a
// free variant of that name when it is taken. One result per format, in order.
std::vector<FormatExport> exportRun(const RunInfo &run, const std::vector<ExportFormat> &formats, const std::filesystem::path &dir,
                                    const std::string &stem, bool softmax = false, Progress *progress = nullptr);

// A bundle, or an ONNX file with its metadata beside it.
Result<ModelBundle> loadBundle(const std::filesystem::path &file);

struct ImagePrediction {
    std::filesystem::path file;
    std::vector<std::pair<int, float>> top; // class index, probability; most likely first
    float maxProbability = 0;
    bool outOfDomain = false;
    std::string error; // the image could not be read; `top` is empty
};

// Predicts every file (a folder's images in sorted order when a folder is given); failures are
// listed with their reason, never dropped.
Result<std::vector<ImagePrediction>> predictImages(const ModelBundle &bundle, const std::vector<std::filesystem::path> &paths,
                                                   int topK = 5, int threads = 0, Progress *progress = nullptr);

} // namespace kiln
