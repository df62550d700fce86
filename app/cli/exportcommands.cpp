#include "cli/clicommon.h"

#include "core/progress.h"
#include "export/modelbundle.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace fs = std::filesystem;

namespace kiln::cli {

int exportModel(const Args &a, const Io &io)
{
    if (a.positional.size() != 1 || !a.has("--out"))
        return io.usage("usage: kiln-cli export RUN_DIR --out FILE [--format bundle|onnx|torchscript] [--checkpoint last|best] [--softmax] [--json]");
    ExportFormat format = exportFormatForFile(a.get("--out"));
    if (a.has("--format") && !parseExportFormat(a.get("--format"), format))
        return io.usage("--format takes bundle (weights + metadata, read by Kiln and Python's torch.load), onnx or torchscript");
    auto run = readRunInfo(a.positional[0]);
    if (!run)
        return io.fail(run.message());
    if (auto chosen = useCheckpoint(run.value(), a.get("--checkpoint")); !chosen)
        return io.fail(chosen.message());
    Progress progress;
    Result<BundleExport> done = Error{"not run"};
    const auto ran = runWithProgress(io, "export", progress,
                    [&] { done = exportRunAs(run.value(), format, a.get("--out"), a.has("--softmax"), &progress); });
    if (!ran)
        return io.fail(ran.message());
    if (!done)
        return io.fail(done.message());
    if (!done->warning.empty())
        std::fprintf(io.err, "kiln-cli: warning: %s\n", done->warning.c_str());
    if (io.json) {
        io.printJson(QJsonObject{{"file", qs(done->file.string())}, {"bytes", double(done->bytes)},
                                 {"out_of_domain_threshold", done->oodThreshold},
                                 {"validation_accuracy", done->validationAccuracy}, {"verified", true},
                                 {"format", exportFormatName(format)}, {"max_difference", done->maxDifference}});
        return 0;
    }
    char line[512];
    if (format != ExportFormat::Bundle)
        std::snprintf(line, sizeof line, "wrote %s (%.1f MB) and its metadata %s.json; verified: %s matches LibTorch within %.1e\n",
                      done->file.string().c_str(), double(done->bytes) / 1048576.0, done->file.string().c_str(),
                      format == ExportFormat::Onnx ? "OpenCV's dnn module" : "torch::jit::load", done->maxDifference);
    else
        std::snprintf(line, sizeof line, "wrote %s (%.1f MB); verified: it predicts the run's validation images with accuracy %.4f\n",
                      done->file.string().c_str(), double(done->bytes) / 1048576.0, done->validationAccuracy);
    io.print(line);
    std::snprintf(line, sizeof line, "out of domain when the top probability is below %.3f (5%% of validation images are)\n",
                  done->oodThreshold);
    io.print(line);
    return 0;
}

int predict(const Args &a, const Io &io)
{
    if (a.positional.size() < 2)
        return io.usage("usage: kiln-cli predict MODEL.kiln|MODEL.onnx IMAGE_OR_FOLDER... [--top-k 5] [--threads N] [--json]");
    long long k = 5, threads = 0;
    if (a.has("--top-k") && (!parseInt(a.get("--top-k"), k) || k < 1 || k > 1000))
        return io.usage("--top-k takes a whole number from 1 to 1000");
    if (a.has("--threads") && (!parseInt(a.get("--threads"), threads) || threads < 1 || threads > 256))
        return io.usage("--threads takes a whole number from 1 to 256");
    auto bundle = loadBundle(a.positional[0]);
    if (!bundle)
        return io.fail(bundle.message());
    std::vector<fs::path> paths(a.positional.begin() + 1, a.positional.end());
    Progress progress;
    Result<std::vector<ImagePrediction>> preds = Error{"not run"};
    if (auto ran = runWithProgress(io, "predict", progress, [&] { preds = predictImages(bundle.value(), paths, int(k), int(threads), &progress); }); !ran)
        return io.fail(ran.message());
    if (!preds)
        return io.fail(preds.message());
    const auto &classes = bundle->classes;
    int failed = 0;
    if (io.json) {
        QJsonArray images;
        for (const auto &p : preds.value()) {
            QJsonArray top;
            for (const auto &[c, prob] : p.top)
                top.append(QJsonObject{{"class", qs(classes[std::size_t(c)])}, {"probability", double(prob)}});
            QJsonObject o{{"file", qs(p.file.string())}, {"top", top}, {"out_of_domain", p.outOfDomain}};
            if (!p.error.empty()) {
                o.insert("error", qs(p.error));
                ++failed;
            }
            images.append(o);
        }
        io.printJson(QJsonObject{{"model", qs(a.positional[0])}, {"images", images}});
        return failed ? 1 : 0;
    }
    for (const auto &p : preds.value()) {
        std::string line = p.file.string() + ": ";
        if (!p.error.empty()) {
            line += "cannot read it (" + p.error + ")";
            ++failed;
        } else {
            for (std::size_t i = 0; i < p.top.size(); ++i) {
                char part[160];
                std::snprintf(part, sizeof part, "%s%s %.3f", i ? ", " : "", classes[std::size_t(p.top[i].first)].c_str(),
                              double(p.top[i].second));
                line += part;
            }
            if (p.outOfDomain)
                line += "  [out of domain: unlike the training images]";
        }
        io.print(line + "\n");
    }
    return failed ? 1 : 0;
}

} // namespace kiln::cli
