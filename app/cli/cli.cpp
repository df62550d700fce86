#include "cli/cli.h"
#include "cli/cliapplication.h"
#include "cli/clicommon.h"

#include "core/guardedthread.h"
#include "core/progress.h"
#include "data/datasetindex.h"
#include "data/datasetverifier.h"
#include "data/demoproject.h"
#include "data/editjournal.h"
#include "data/project.h"
#include "train/trainer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kiln::cli {

namespace {

const char *kUsageText = R"(kiln-cli: build image datasets and train image classifiers, headless.

Usage: kiln-cli COMMAND [ARGS] [OPTIONS]

Dataset commands:
  dataset info DIR [--valid-pct F] [--seed N] [--json]
      Classes, counts and splits of a project or image folder.
  dataset verify DIR [--quarantine] [--threads N] [--max-side PX] [--json]
      Decode every image fully and report the ones that fail, with reasons.
      --quarantine moves failures into DIR/.kiln/trash/ (nothing is deleted).
  dataset import-idx IMAGES LABELS OUT [--subset train|valid|test|none] [--classes A,B,...]
      Import MNIST-family IDX files (gzip or plain) into the project OUT as PNGs.
  dataset import-csv CSV ROOT OUT
      Copy the images listed in CSV (path,label; paths relative to ROOT) into the project OUT.
  dataset export-csv DIR OUT
      Write path,label,split for every image of DIR to the CSV file OUT.
  demo [--dir DIR] [--json]
      Import the Fashion-MNIST demo project once (Debian's dataset-fashion-mnist) and print its folder.

Acquire:
  acquire PROJECT --class NAME [--class NAME ...] [--per-class N] [--query-suffix TEXT]
        [--urls FILE] [--endpoint URL] [--concurrency N] [--max-side PX] [--region R]
        [--safe on|moderate|off] [--size S] [--type T] [--layout L] [--json]
      Search the web for images of each class (DuckDuckGo; --endpoint or KILN_SEARCH_ENDPOINT
      points elsewhere), download them in parallel, keep only whole, decodable, non-duplicate
      images in PROJECT/images/<class>/, and account for every URL in
      PROJECT/.kiln/acquire/<class>.jsonl. A rerun resumes. --urls downloads a list instead.

Training commands:
  train PROJECT [SETTINGS] [--out RUN_DIR] [--dry-run] [--json]
      Train a classifier; prints fastai's epoch table and writes RUN_DIR/run.json, metrics.csv and
      checkpoints/. Settings not given follow the data: small images train simple_cnn at their
      own size, photos resnet18 at 224 px; the split is the project's (the Train page suggests
      the same). RUN_DIR defaults to PROJECT/runs/<date>-<arch>. --dry-run prints the settings
      the run would start with and stops. The settings (each is also a key of run.json's "config"):
@TRAIN_SETTINGS@
  train PROJECT [SETTINGS] --lr X --nproc N [--nnodes M --node-rank K --master-addr HOST --master-port P]
        [--dp-timeout S]
      Data-parallel training on LibTorch's c10d (Gloo): N processes on this machine share its
      threads; with --nnodes the same command runs on each machine with its --node-rank
      (torchrun's meaning). Each rank trains its share of every global batch (N x M x --bs), the
      gradients are averaged, rank 0 writes the run. A rank that fails or hangs ends the run on
      every rank within --dp-timeout seconds (default 120).
  train [PROJECT] --resume RUN_DIR [--json]
      Continue a run after its last finished epoch (after a stop, a crash or a kill), with the
      configuration saved in RUN_DIR/run.json.
  lr-find PROJECT [model and data options as for train] [--out CURVE.csv] [--start-lr X]
        [--end-lr X] [--num-it N] [--json]
      fastai's learning-rate finder: prints the valley, slide, minimum and steep suggestions and
      writes the (lr, smoothed loss) curve as CSV.

  weights list [--json] / weights download ARCH... [--weights-url URL] [--weights-catalog FILE]
      torchvision's ImageNet weights per architecture, and whether torch.hub's cache
      ($TORCH_HOME/hub/checkpoints, default ~/.cache/torch/hub/checkpoints) holds them;
      download fetches them ahead of time (checked against the SHA-256 in the file name).
      train --pretrained imagenet downloads on first use. --weights-url (or KILN_WEIGHTS_URL)
      replaces the download base, --weights-catalog FILE (or KILN_WEIGHTS_CATALOG) the catalogue:
      a JSON array of {"architecture", "file", "url"[, "sha256_prefix"]} objects.

Analysis and cleaning commands:
  interpret RUN_DIR [--split valid|train|both] [--top-losses K] [--most-confused MIN]
        [--out PREDICTIONS.csv] [--no-cache] [--threads N] [--device auto|cpu|cuda] [--json]
      Predict the run's validation (or training) images and print the confusion matrix, the
      most-confused pairs, per-class precision/recall/F1 and the top losses (default 10).
      Predictions are saved in RUN_DIR/predictions/ and reused while model and files match.
  tsne RUN_DIR --out TSNE.csv [--split valid|all] [--perplexity 30] [--iters 1000] [--theta 0.5]
        [--seed N] [--threads N] [--json]
      Barnes-Hut t-SNE of the run's penultimate-layer embeddings; writes file, split, actual,
      predicted, loss and the 2-d position of every image.
  data-issues PROJECT [--run RUN_DIR] [--mode fast|thorough] [--folds K] [--seed N]
        [--score self-confidence|normalized-margin] [--similarity S] [--out ISSUES.csv]
        [--no-cache] [--threads N] [--device auto|cpu|cuda] [--json]
      Every image's likely label errors (confident learning on out-of-sample probabilities
      from K folds, default 5), near-duplicate groups (same file, same picture, or embeddings
      with cosine >= S, default 1: look-alikes off; groups with different labels first) and
      outliers (far from their nearest neighbours). fast: a head trained per fold on the run's
      frozen embeddings (seconds); thorough: K models trained with the run's settings
      (minutes; a stopped search resumes). RUN_DIR defaults to the newest finished run. Saved
      in RUN_DIR/data-issues/ and reused while model and files match. --out writes a CSV that
      kiln-cli apply takes (relabel to the suggestion, remove extra copies of a file, keep the
      rest for you to judge).
  runs PROJECT [--json]
      List the project's runs, newest first (status, architecture, epochs, accuracy, valid loss,
      time), and the settings that differ between them.
  report RUN_DIR --out REPORT.html [--top-losses N] [--no-cache] [--threads N]
        [--device auto|cpu|cuda]
      One self-contained HTML file to share: dataset, configuration, curves, confusion matrix,
      per-class metrics with average precision and ROC AUC, most-confused pairs, top losses.
  relabel PROJECT FILE... CLASS
      Move images to another class folder (FILE: a path inside the dataset, or to the file).
  remove PROJECT FILE... [--reason TEXT]
      Move images into PROJECT/.kiln/trash/ (nothing is deleted).
  restore PROJECT TRASHED_FILE...
      Move images from the trash back to where they came from.
  apply PROJECT EDITS.csv
      Apply many edits as one undo step; rows are file,action[,class] with action relabel,
      remove, restore or keep (e.g. the top losses you reviewed).
  undo PROJECT / redo PROJECT
      Reverse the last edit (relabel, remove, restore, apply, verify --quarantine) / re-apply it.
  Every edit is written to PROJECT/.kiln/journal.jsonl before files move; an edit interrupted by
  a crash is finished or rolled back the next time the project is opened.

Export and predict:
  export RUN_DIR --out MODEL.kiln|MODEL.onnx|MODEL.pt [--format bundle|onnx|torchscript]
        [--checkpoint last|best] [--softmax] [--json]
      Write the run's model as a bundle (weights and JSON metadata: classes, input, normalisation,
      metrics, out-of-domain threshold, in one file that Kiln and Python's torch.load read), as
      ONNX (opset 13, input "input", output "logits" or with --softmax "probabilities") or as
      TorchScript (Python's torch.jit.load runs it), the latter two with the metadata beside
      them as FILE.json. Every export is checked before it is reported done. --checkpoint picks
      the last epoch's weights or the best epoch's (keep-best runs) instead of what the run kept.
  predict MODEL.kiln|MODEL.onnx IMAGE_OR_FOLDER... [--top-k 5] [--threads N] [--json]
      The top classes with probabilities for each image (folders: every image below them), and
      an out-of-domain flag when an image is unlike the training data. No project needed.

Options for every command:
  --json       machine-readable output on stdout
  --help       this text
  --version    print the version

Example:
  kiln-cli dataset verify ~/datasets/bears --quarantine
)";
// The usage text, with the training settings' lines filled in from their table.
const std::string &usageText()
{
    static const std::string text = [] {
        std::string t = kUsageText;
        const std::string mark = "@TRAIN_SETTINGS@\n";
        t.replace(t.find(mark), mark.size(), trainSettingsHelp());
        return t;
    }();
    return text;
}

// An example for each command, shown by `kiln-cli COMMAND --help`.
const std::map<std::string, std::string> kExamples{
    {"dataset info", "kiln-cli dataset info ~/datasets/bears --valid-pct 0.2"},
    {"dataset verify", "kiln-cli dataset verify ~/datasets/bears --quarantine"},
    {"dataset import-idx", "kiln-cli dataset import-idx train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz ~/fashion --subset train"},
    {"dataset import-csv", "kiln-cli dataset import-csv labels.csv ~/photos ~/pets"},
    {"dataset export-csv", "kiln-cli dataset export-csv ~/pets pets.csv"},
    {"demo", "kiln-cli demo --json"},
    {"acquire", "kiln-cli acquire ~/bears --class grizzly --class black --class teddy --per-class 150 --query-suffix bear"},
    {"train", "kiln-cli train ~/bears --arch resnet18 --pretrained resnet18.pth --schedule fine-tune --epochs 4"},
    {"lr-find", "kiln-cli lr-find ~/bears --arch resnet18 --out lr.csv"},
    {"weights", "kiln-cli weights download resnet18 mobilenet_v3_large"},
    {"interpret", "kiln-cli interpret ~/bears/runs/20261121-101500-resnet18 --top-losses 20"},
    {"tsne", "kiln-cli tsne ~/bears/runs/20261121-101500-resnet18 --out tsne.csv"},
    {"data-issues", "kiln-cli data-issues ~/bears --out issues.csv"},
    {"runs", "kiln-cli runs ~/bears --json"},
    {"report", "kiln-cli report ~/bears/runs/20261121-101500-resnet18 --out bears-report.html"},
    {"relabel", "kiln-cli relabel ~/bears images/black/0042.jpg grizzly"},
    {"remove", "kiln-cli remove ~/bears images/teddy/0007.jpg --reason \"a drawing\""},
    {"restore", "kiln-cli restore ~/bears .kiln/trash/images/teddy/0007.jpg"},
    {"apply", "kiln-cli apply ~/bears reviewed.csv"},
    {"undo", "kiln-cli undo ~/bears"},
    {"redo", "kiln-cli redo ~/bears"},
    {"export", "kiln-cli export ~/bears/runs/20261121-101500-resnet18 --out bears.onnx"},
    {"predict", "kiln-cli predict bears.kiln ~/Downloads/bear.jpg --top-k 3"},
};

// `kiln-cli COMMAND --help`: the command's entries of the usage text (every option), the options
// every command takes, and an example.
std::string commandHelp(const std::string &name)
{
    std::string out = "Usage:\n";
    bool inBlock = false;
    std::size_t pos = 0;
    const std::string &usage = usageText();
    while (pos < usage.size()) {
        const std::size_t end = std::min(usage.find('\n', pos), usage.size());
        const std::string line = usage.substr(pos, end - pos);
        pos = end + 1;
        const bool entry = line.size() > 2 && line.compare(0, 2, "  ") == 0 && line[2] != ' ';
        if (entry) {
            const std::string rest = line.substr(2);
            // "undo PROJECT / redo PROJECT" documents both.
            inBlock = rest.compare(0, name.size() + 1, name + " ") == 0 || rest == name
                      || rest.find("/ " + name + " ") != std::string::npos;
        } else if (line.empty() || line[0] != ' ') {
            inBlock = false;
        }
        if (inBlock)
            out += line + "\n";
    }
    out += "\nOptions for every command:\n  --json       machine-readable output on stdout\n  --help       this text\n";
    if (auto it = kExamples.find(name); it != kExamples.end())
        out += "\nExample:\n  " + it->second + "\n";
    return out;
}

int datasetInfo(const Args &a, const Io &io)
{
    if (a.positional.size() != 1)
        return io.usage("usage: kiln-cli dataset info DIR [--valid-pct F] [--seed N] [--json]");
    const DatasetLocation loc = locateDataset(a.positional[0]);
    auto projectSplit = datasetSplit(a.positional[0]);
    if (!projectSplit)
        return io.fail(projectSplit.message());
    SplitOptions split = projectSplit.value();
    if (a.has("--valid-pct") && !parseDouble(a.get("--valid-pct"), split.validPct))
        return io.usage("--valid-pct takes a number between 0 and 1");
    long long seed = 0;
    if (a.has("--seed")) {
        if (!parseInt(a.get("--seed"), seed) || seed < 0)
            return io.usage("--seed takes a whole number >= 0");
        split.seed = std::uint64_t(seed);
    }
    const auto start = std::chrono::steady_clock::now();
    auto index = DatasetIndex::scan(loc.imagesRoot, split);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!index)
        return io.fail(index.message());
    const auto total = index->classCounts();
    const auto tr = index->classCounts(Split::Train), va = index->classCounts(Split::Valid), te = index->classCounts(Split::Test);
    if (io.json) {
        QJsonArray classes;
        for (std::size_t c = 0; c < index->classes().size(); ++c)
            classes.append(QJsonObject{{"name", qs(index->classes()[c])}, {"count", double(total[c])}, {"train", double(tr[c])},
                                       {"valid", double(va[c])}, {"test", double(te[c])}});
        QJsonArray warnings;
        for (const auto &w : index->warnings())
            warnings.append(qs(w));
        io.printJson(QJsonObject{{"root", qs(index->root().string())},
                                 {"images", double(index->size())},
                                 {"classes", classes},
                                 {"split", QJsonObject{{"by_folder", index->splitByFolder()},
                                                       {"valid_pct", index->splitByFolder() ? QJsonValue() : QJsonValue(split.validPct)},
                                                       {"seed", index->splitByFolder() ? QJsonValue() : QJsonValue(double(split.seed))},
                                                       {"train", double(index->countIn(Split::Train))},
                                                       {"valid", double(index->countIn(Split::Valid))},
                                                       {"test", double(index->countIn(Split::Test))}}},
                                 {"warnings", warnings},
                                 {"index_seconds", seconds}});
        return 0;
    }
    std::ostringstream o;
    o << "Dataset: " << index->root().string() << "\n";
    o << "Images:  " << index->size() << " in " << index->classes().size() << " classes\n";
    if (index->splitByFolder())
        o << "Split:   by folder";
    else
        o << "Split:   random, valid " << split.validPct << ", seed " << split.seed;
    o << " (train " << index->countIn(Split::Train) << ", valid " << index->countIn(Split::Valid);
    if (index->countIn(Split::Test))
        o << ", test " << index->countIn(Split::Test);
    o << ")\n\n";
    std::size_t w = 5;
    for (const auto &c : index->classes())
        w = std::max(w, c.size());
    char line[512];
    std::snprintf(line, sizeof line, "%-*s %8s %8s %8s %8s\n", int(w), "class", "images", "train", "valid", "test");
    o << line;
    for (std::size_t c = 0; c < index->classes().size(); ++c) {
        std::snprintf(line, sizeof line, "%-*s %8zu %8zu %8zu %8zu\n", int(w), index->classes()[c].c_str(), total[c], tr[c], va[c], te[c]);
        o << line;
    }
    if (!index->warnings().empty()) {
        o << "\nWarnings:\n";
        for (const auto &wn : index->warnings())
            o << "  - " << wn << "\n";
    }
    if (index->size() == 0)
        o << "\nNo images found. Put images into one sub-folder per class: " << loc.imagesRoot.string() << "/<class>/<image>\n";
    std::snprintf(line, sizeof line, "\nIndexed in %.3f s\n", seconds);
    o << line;
    io.print(o.str());
    return 0;
}

int datasetVerify(const Args &a, const Io &io)
{
    if (a.positional.size() != 1)
        return io.usage("usage: kiln-cli dataset verify DIR [--quarantine] [--threads N] [--max-side PX] [--json]");
    const DatasetLocation loc = locateDataset(a.positional[0]);
    if (auto projectSplit = datasetSplit(a.positional[0]); !projectSplit)
        return io.fail(projectSplit.message());
    DatasetVerifyOptions options;
    options.quarantine = a.has("--quarantine");
    long long v = 0;
    if (a.has("--threads")) {
        if (!parseInt(a.get("--threads"), v) || v < 1 || v > 256)
            return io.usage("--threads takes a whole number from 1 to 256");
        options.threads = int(v);
    }
    if (a.has("--max-side")) {
        if (!parseInt(a.get("--max-side"), v) || v < 1 || v > 1000000)
            return io.usage("--max-side takes a whole number of pixels");
        options.image.maxSide = int(v);
    }
    auto index = DatasetIndex::scan(loc.imagesRoot);
    if (!index)
        return io.fail(index.message());
    std::vector<std::string> files;
    files.reserve(index->size());
    for (const auto &s : index->samples())
        files.push_back(s.relPath);
    Progress progress;
    DatasetVerifyReport report;
    if (auto ran = runWithProgress(io, "verify", progress, [&] { report = verifyFiles(index->root(), files, loc.home, options, &progress); }); !ran)
        return io.fail(ran.message());
    if (!report.error.empty())
        return io.fail(report.error);
    if (io.json) {
        QJsonArray failures;
        for (const auto &f : report.failures)
            failures.append(QJsonObject{{"path", qs(f.relPath)},
                                        {"status", verifyStatusName(f.result.status)},
                                        {"reason", qs(f.result.reason)},
                                        {"quarantined", std::find(report.quarantined.begin(), report.quarantined.end(), f.relPath) != report.quarantined.end()}});
        QJsonArray qerr;
        for (const auto &e : report.quarantineErrors)
            qerr.append(qs(e));
        io.printJson(QJsonObject{{"root", qs(index->root().string())},
                                 {"checked", double(report.checked)},
                                 {"ok", double(report.ok)},
                                 {"failed", double(report.failures.size())},
                                 {"quarantined", double(report.quarantined.size())},
                                 {"quarantine_errors", qerr},
                                 {"seconds", report.seconds},
                                 {"files_per_second", report.seconds > 0 ? double(report.checked) / report.seconds : 0.0},
                                 {"failures", failures}});
        return report.quarantineErrors.empty() ? 0 : 1;
    }
    std::ostringstream o;
    char line[256];
    std::snprintf(line, sizeof line, "Verified %zu images in %.2f s (%.0f images/s): %zu ok, %zu failed\n", report.checked,
                  report.seconds, report.seconds > 0 ? double(report.checked) / report.seconds : 0.0, report.ok,
                  report.failures.size());
    o << line;
    if (!report.failures.empty()) {
        o << "\nstatus        file and reason\n";
        for (const auto &f : report.failures) {
            std::snprintf(line, sizeof line, "%-13s ", verifyStatusName(f.result.status));
            o << line << f.relPath << "\n              " << f.result.reason << "\n";
        }
        if (options.quarantine)
            o << "\nMoved " << report.quarantined.size() << " file(s) to " << (loc.home / ".kiln" / "trash").string()
              << " (restorable; the journal is .kiln/journal.jsonl)\n";
        else
            o << "\nRun again with --quarantine to move these files into .kiln/trash/ (nothing is deleted).\n";
    }
    for (const auto &e : report.quarantineErrors)
        o << "could not quarantine " << e << "\n";
    io.print(o.str());
    return report.quarantineErrors.empty() ? 0 : 1;
}

int demo(const Args &a, const Io &io)
{
    const fs::path dir = a.has("--dir") ? fs::path(a.get("--dir")) : defaultDemoProjectDir();
    Progress progress;
    Result<Project> project = Error{"not run"};
    const bool fresh = !Project::isProject(dir);
    if (fresh)
        std::fprintf(io.err, "Importing Fashion-MNIST (70,000 images) into %s, once...\n", dir.string().c_str());
    if (auto ran = runWithProgress(io, "import", progress, [&] { project = ensureDemoProject(dir, &progress); }); !ran)
        return io.fail(ran.message());
    if (!project)
        return io.fail(project.message());
    if (io.json)
        io.printJson(QJsonObject{{"project", qs(project->root().string())}});
    else
        io.print(project->root().string() + "\n");
    return 0;
}

int runCommand(const std::vector<std::string> &args, std::FILE *out, std::FILE *err)
{
    Io io{out, err};
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::fputs(usageText().c_str(), args.empty() ? err : out);
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        std::fprintf(out, "kiln-cli %s\n", KILN_VERSION);
        return 0;
    }
    using Handler = int (*)(const Args &, const Io &);
    struct Command { std::set<std::string> flags; std::set<std::string> valued; Handler handler; };
    static const std::map<std::string, Command> dataset{
        {"info", {{}, {"--valid-pct", "--seed"}, datasetInfo}},
        {"verify", {{"--quarantine"}, {"--threads", "--max-side"}, datasetVerify}},
        {"import-idx", {{}, {"--subset", "--classes"}, datasetImportIdx}},
        {"import-csv", {{}, {}, datasetImportCsv}},
        {"export-csv", {{}, {}, datasetExportCsv}},
    };
    const Command *cmd = nullptr;
    std::size_t from = 1;
    if (args[0] == "dataset") {
        if (args.size() < 2)
            return io.usage("'dataset' needs a sub-command: info, verify, import-idx, import-csv, export-csv");
        auto it = dataset.find(args[1]);
        if (it == dataset.end())
            return io.usage("unknown dataset command '" + args[1] + "'");
        cmd = &it->second;
        from = 2;
    } else if (args[0] == "train" || args[0] == "lr-find") {
        static const std::set<std::string> trainFlagSet = [] {
            auto f = trainFlags();
            f.insert("--dry-run");
            return f;
        }();
        static std::set<std::string> trainValued = [] {
            auto v = trainValuedOptions();
            v.insert({"--out", "--weights-url", "--weights-catalog", "--nproc", "--nnodes", "--node-rank", "--master-addr", "--master-port",
                      "--dp-timeout", "--dp-rank", "--dp-world"});
            return v;
        }();
        static Command trainCmd{trainFlagSet, trainValued, train};
        static Command lrCmd{trainFlags(), trainValued, lrFind};
        if (trainCmd.valued.count("--resume") == 0)
            trainCmd.valued.insert("--resume");
        for (const char *k : {"--start-lr", "--end-lr", "--num-it"})
            lrCmd.valued.insert(k);
        cmd = args[0] == "train" ? &trainCmd : &lrCmd;
    } else if (args[0] == "weights") {
        static const Command c{{}, {"--weights-url", "--weights-catalog"}, weights};
        cmd = &c;
    } else if (args[0] == "interpret") {
        static const Command c{{"--no-cache"}, {"--split", "--top-losses", "--most-confused", "--out", "--threads", "--device"}, interpret};
        cmd = &c;
    } else if (args[0] == "export") {
        static const Command c{{"--softmax"}, {"--out", "--format", "--checkpoint"}, exportModel};
        cmd = &c;
    } else if (args[0] == "predict") {
        static const Command c{{}, {"--top-k", "--threads"}, predict};
        cmd = &c;
    } else if (args[0] == "acquire") {
        static const Command c{{}, {"--class", "--per-class", "--query-suffix", "--urls", "--endpoint", "--concurrency", "--max-side",
                                    "--region", "--safe", "--size", "--type", "--layout"},
                               acquire};
        cmd = &c;
    } else if (args[0] == "tsne") {
        static const Command c{{}, {"--out", "--split", "--perplexity", "--iters", "--theta", "--seed", "--threads"}, tsne};
        cmd = &c;
    } else if (args[0] == "relabel" || args[0] == "remove" || args[0] == "restore") {
        static const Command relabelCmd{{}, {}, [](const Args &x, const Io &y) { return editFiles(x, y, int(EditKind::Relabel)); }};
        static const Command removeCmd{{}, {"--reason"}, [](const Args &x, const Io &y) { return editFiles(x, y, int(EditKind::Remove)); }};
        static const Command restoreCmd{{}, {}, [](const Args &x, const Io &y) { return editFiles(x, y, int(EditKind::Restore)); }};
        cmd = args[0] == "relabel" ? &relabelCmd : args[0] == "remove" ? &removeCmd : &restoreCmd;
    } else if (args[0] == "undo" || args[0] == "redo") {
        static const Command undoCmd{{}, {}, [](const Args &x, const Io &y) { return undoRedo(x, y, true); }};
        static const Command redoCmd{{}, {}, [](const Args &x, const Io &y) { return undoRedo(x, y, false); }};
        cmd = args[0] == "undo" ? &undoCmd : &redoCmd;
    } else if (args[0] == "apply") {
        static const Command c{{}, {}, applyEdits};
        cmd = &c;
    } else if (args[0] == "data-issues") {
        static const Command c{{"--no-cache"}, {"--run", "--mode", "--folds", "--seed", "--score", "--similarity", "--out", "--threads", "--device"}, dataIssues};
        cmd = &c;
    } else if (args[0] == "runs") {
        static const Command c{{}, {}, listRuns};
        cmd = &c;
    } else if (args[0] == "report") {
        static const Command c{{"--no-cache"}, {"--out", "--top-losses", "--threads", "--device"}, report};
        cmd = &c;
    } else if (args[0] == "demo") {
        static const Command demoCmd{{}, {"--dir"}, demo};
        cmd = &demoCmd;
    } else {
        return io.usage("unknown command '" + args[0] + "'");
    }
    Args a = parse(args, from, cmd->flags, cmd->valued);
    if (!a.error.empty())
        return io.usage(a.error);
    if (a.has("--help")) {
        const std::string help = commandHelp(from == 2 ? args[0] + " " + args[1] : args[0]);
        std::fputs(help.c_str(), out);
        return 0;
    }
    io.json = a.has("--json");
    return cmd->handler(a, io);
}

} // namespace

int run(const std::vector<std::string> &args, std::FILE *out, std::FILE *err)
{
    // The last-resort guard: whatever a command lets escape (its own code, Qt's event loop in
    // acquire) ends as an error message and exit code 1, never std::terminate.
    try {
        const int code = runCommand(args, out, err);
        if (const std::string escaped = takeEscapedException(); !escaped.empty())
            return Io{out, err}.fail("Kiln hit an internal error in its event loop (" + escaped + "). Please report it.");
        return code;
    } catch (...) {
        return Io{out, err}.fail("Kiln hit an internal error (" + exceptionText(std::current_exception())
                                 + "). Nothing more was done; please report it.");
    }
}

} // namespace kiln::cli
