#include "cli/cli.h"

#include "core/fileutil.h"
#include "core/progress.h"
#include "data/csvio.h"
#include "data/datasetindex.h"
#include "data/datasetverifier.h"
#include "data/demoproject.h"
#include "data/idximport.h"
#include "data/project.h"
#include "train/learner.h"
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

const char *kUsage = R"(kiln-cli: build image datasets and train image classifiers, headless.

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

Training commands:
  train PROJECT [--arch simple_cnn|resnet18|resnet34] [--pretrained FILE.pth] [--size N]
        [--resize squish|crop|pad] [--bs N] [--epochs N] [--schedule one-cycle|fine-tune|constant]
        [--lr X|auto] [--no-aug] [--min-scale F] [--valid-pct F] [--seed N] [--out RUN_DIR]
        [--opt adamw|sgd] [--wd X] [--label-smoothing F] [--freeze-epochs N] [--early-stop N]
        [--keep-best] [--linear-head] [--threads N] [--workers N] [--device auto|cpu|cuda]
        [--flip-p F] [--max-rotate DEG] [--max-zoom F] [--max-warp F] [--max-lighting F] [--json]
      Train a classifier; prints fastai's epoch table and writes RUN_DIR/run.json, metrics.csv and
      checkpoints/. Defaults: simple_cnn, size from the data, bs 64, 1 epoch, one-cycle, lr auto
      (lr_find's valley), the project's split. RUN_DIR defaults to PROJECT/runs/<date>-<arch>.
  train --resume RUN_DIR [--json]
      Continue a run after its last finished epoch (after a stop, a crash or a kill).
  lr-find PROJECT [model and data options as for train] [--out CURVE.csv] [--start-lr X]
        [--end-lr X] [--num-it N] [--json]
      fastai's learning-rate finder: prints the valley, slide, minimum and steep suggestions and
      writes the (lr, smoothed loss) curve as CSV.

Options for every command:
  --json       machine-readable output on stdout
  --help       this text
  --version    print the version

Example:
  kiln-cli dataset verify ~/datasets/bears --quarantine
)";

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options; // "--x" -> value ("" for flags)
    std::string error;

    bool has(const std::string &k) const { return options.count(k) != 0; }
    std::string get(const std::string &k, const std::string &def = {}) const
    {
        auto it = options.find(k);
        return it == options.end() ? def : it->second;
    }
};

Args parse(const std::vector<std::string> &raw, std::size_t from, const std::set<std::string> &flags,
           const std::set<std::string> &valued)
{
    Args a;
    for (std::size_t i = from; i < raw.size(); ++i) {
        const std::string &s = raw[i];
        if (s.rfind("--", 0) == 0 && s.size() > 2) {
            std::string key = s, value;
            const auto eq = s.find('=');
            if (eq != std::string::npos) {
                key = s.substr(0, eq);
                value = s.substr(eq + 1);
            }
            if (flags.count(key) || key == "--json" || key == "--help") {
                a.options[key] = "";
            } else if (valued.count(key)) {
                if (eq == std::string::npos) {
                    if (i + 1 >= raw.size()) {
                        a.error = key + " needs a value";
                        return a;
                    }
                    value = raw[++i];
                }
                a.options[key] = value;
            } else {
                a.error = "unknown option " + key;
                return a;
            }
        } else {
            a.positional.push_back(s);
        }
    }
    return a;
}

struct Io {
    std::FILE *out;
    std::FILE *err;
    bool json = false;

    void print(const std::string &s) const { std::fputs(s.c_str(), out); }
    int fail(const std::string &message) const
    {
        std::fprintf(err, "kiln-cli: error: %s\n", message.c_str());
        return 1;
    }
    int usage(const std::string &message) const
    {
        std::fprintf(err, "kiln-cli: %s\nRun 'kiln-cli --help' for the commands and their options.\n", message.c_str());
        return 2;
    }
    void printJson(const QJsonObject &o) const
    {
        print(QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString());
    }
};

QString qs(const std::string &s) { return QString::fromStdString(s); }

std::string formatDuration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return "?";
    const long s = std::lround(seconds);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

// Runs `job` on a worker thread while drawing a progress line on `err` when it is a terminal.
void runWithProgress(const Io &io, const std::string &label, Progress &progress, const std::function<void()> &job)
{
    const bool tty = ::isatty(::fileno(io.err));
    std::atomic<bool> finished{false};
    std::thread worker([&] {
        job();
        finished = true;
    });
    const auto start = std::chrono::steady_clock::now();
    while (!finished) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (!tty)
            continue;
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const std::size_t done = progress.done, total = progress.total;
        const double rate = elapsed > 0 ? double(done) / elapsed : 0;
        const double left = rate > 0 && total >= done ? double(total - done) / rate : NAN;
        const int width = 30;
        const int filled = total ? int(double(width) * double(done) / double(total)) : 0;
        std::fprintf(io.err, "\r%s [%s%s] %zu/%zu  %.0f/s  %s left ", label.c_str(), std::string(std::size_t(filled), '#').c_str(),
                     std::string(std::size_t(width - std::min(width, filled)), '.').c_str(), done, total, rate,
                     formatDuration(left).c_str());
        std::fflush(io.err);
    }
    worker.join();
    if (tty)
        std::fprintf(io.err, "\r\033[K");
}

bool parseDouble(const std::string &s, double &out)
{
    try {
        std::size_t pos = 0;
        out = std::stod(s, &pos);
        return pos == s.size();
    } catch (...) {
        return false;
    }
}

bool parseInt(const std::string &s, long long &out)
{
    try {
        std::size_t pos = 0;
        out = std::stoll(s, &pos);
        return pos == s.size();
    } catch (...) {
        return false;
    }
}

// The split a folder uses: its project's valid share and seed, or the defaults for a plain image
// folder. A damaged project file is an error, not a silent default.
Result<SplitOptions> splitOf(const fs::path &dir)
{
    SplitOptions split;
    if (Project::isProject(dir)) {
        auto project = Project::open(dir);
        if (!project)
            return project.error();
        split.validPct = project->validPct;
        split.seed = project->seed;
    }
    return split;
}

int datasetInfo(const Args &a, const Io &io)
{
    if (a.positional.size() != 1)
        return io.usage("usage: kiln-cli dataset info DIR [--valid-pct F] [--seed N] [--json]");
    const DatasetLocation loc = locateDataset(a.positional[0]);
    auto projectSplit = splitOf(a.positional[0]);
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
    if (auto projectSplit = splitOf(a.positional[0]); !projectSplit)
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
    runWithProgress(io, "verify", progress, [&] { report = verifyFiles(index->root(), files, loc.home, options, &progress); });
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

// Opens the project at `dir`, creating it when the folder has none.
Result<Project> openOrCreateProject(const fs::path &dir)
{
    if (Project::isProject(dir))
        return Project::open(dir);
    return Project::create(dir);
}

int datasetImportIdx(const Args &a, const Io &io)
{
    if (a.positional.size() != 3)
        return io.usage("usage: kiln-cli dataset import-idx IMAGES LABELS OUT [--subset train|valid|test|none] [--classes A,B,...]");
    const fs::path images = a.positional[0], labels = a.positional[1], out = a.positional[2];
    std::string subset = a.has("--subset") ? a.get("--subset") : guessIdxSubset(images);
    if (subset == "none")
        subset.clear();
    if (!subset.empty() && subset != "train" && subset != "valid" && subset != "test")
        return io.usage("--subset takes train, valid, test or none");
    IdxImportOptions options;
    if (a.has("--classes")) {
        std::stringstream ss(a.get("--classes"));
        std::string item;
        while (std::getline(ss, item, ','))
            options.classNames.push_back(item);
    }
    if (!subset.empty())
        options.filePrefix = subset + "_";
    auto project = openOrCreateProject(out);
    if (!project)
        return io.fail(project.message());
    const fs::path target = subset.empty() ? project->imagesDir() : project->imagesDir() / subset;
    Progress progress;
    Result<IdxImportSummary> summary = Error{"not run"};
    runWithProgress(io, "import", progress, [&] { summary = importIdx(images, labels, target, options, &progress); });
    if (!summary)
        return io.fail(summary.message());
    if (auto index = DatasetIndex::scan(project->imagesDir()))
        project->classes = index->classes();
    if (auto saved = project->save(); !saved)
        return io.fail(saved.message());
    if (io.json) {
        QJsonArray perClass;
        for (std::size_t c = 0; c < summary->classes.size(); ++c)
            perClass.append(QJsonObject{{"name", qs(summary->classes[c])}, {"count", double(summary->perClass[c])}});
        io.printJson(QJsonObject{{"project", qs(project->root().string())},
                                 {"folder", qs(target.string())},
                                 {"written", double(summary->written)},
                                 {"already_present", double(summary->alreadyPresent)},
                                 {"classes", perClass}});
    } else {
        std::ostringstream o;
        o << "Imported " << summary->written << " images into " << target.string();
        if (summary->alreadyPresent)
            o << " (" << summary->alreadyPresent << " were already there and were kept)";
        o << "\n";
        for (std::size_t c = 0; c < summary->classes.size(); ++c)
            o << "  " << summary->classes[c] << ": " << summary->perClass[c] << "\n";
        io.print(o.str());
    }
    return 0;
}

int datasetImportCsv(const Args &a, const Io &io)
{
    if (a.positional.size() != 3)
        return io.usage("usage: kiln-cli dataset import-csv CSV ROOT OUT");
    auto project = openOrCreateProject(a.positional[2]);
    if (!project)
        return io.fail(project.message());
    Progress progress;
    Result<CsvImportSummary> summary = Error{"not run"};
    runWithProgress(io, "import", progress,
                    [&] { summary = importCsv(a.positional[0], a.positional[1], project->imagesDir(), &progress); });
    if (!summary)
        return io.fail(summary.message());
    if (auto index = DatasetIndex::scan(project->imagesDir())) {
        project->classes = index->classes();
        if (auto saved = project->save(); !saved)
            return io.fail(saved.message());
    }
    if (io.json) {
        QJsonArray problems;
        for (const auto &p : summary->problems)
            problems.append(qs(p));
        QJsonArray classes;
        for (const auto &c : summary->classes)
            classes.append(qs(c));
        io.printJson(QJsonObject{{"project", qs(project->root().string())}, {"copied", double(summary->copied)},
                                 {"classes", classes}, {"problems", problems}});
    } else {
        std::ostringstream o;
        o << "Copied " << summary->copied << " images into " << project->imagesDir().string() << " ("
          << summary->classes.size() << " classes)\n";
        if (!summary->problems.empty()) {
            o << summary->problems.size() << " row(s) skipped:\n";
            for (const auto &p : summary->problems)
                o << "  " << p << "\n";
        }
        io.print(o.str());
    }
    return 0;
}

int datasetExportCsv(const Args &a, const Io &io)
{
    if (a.positional.size() != 2)
        return io.usage("usage: kiln-cli dataset export-csv DIR OUT");
    const DatasetLocation loc = locateDataset(a.positional[0]);
    auto projectSplit = splitOf(a.positional[0]);
    if (!projectSplit)
        return io.fail(projectSplit.message());
    SplitOptions split = projectSplit.value();
    auto index = DatasetIndex::scan(loc.imagesRoot, split);
    if (!index)
        return io.fail(index.message());
    if (auto written = exportCsv(*index, a.positional[1]); !written)
        return io.fail(written.message());
    if (io.json)
        io.printJson(QJsonObject{{"rows", double(index->size())}, {"file", qs(a.positional[1])}});
    else
        io.print("Wrote " + std::to_string(index->size()) + " rows to " + a.positional[1] + "\n");
    return 0;
}

int demo(const Args &a, const Io &io)
{
    const fs::path dir = a.has("--dir") ? fs::path(a.get("--dir")) : defaultDemoProjectDir();
    Progress progress;
    Result<Project> project = Error{"not run"};
    const bool fresh = !Project::isProject(dir);
    if (fresh)
        std::fprintf(io.err, "Importing Fashion-MNIST (70,000 images) into %s, once...\n", dir.string().c_str());
    runWithProgress(io, "import", progress, [&] { project = ensureDemoProject(dir, &progress); });
    if (!project)
        return io.fail(project.message());
    if (io.json)
        io.printJson(QJsonObject{{"project", qs(project->root().string())}});
    else
        io.print(project->root().string() + "\n");
    return 0;
}

// Reads the model, data and optimisation options shared by train and lr-find.
bool parseTrainOptions(const Args &a, const Io &io, const fs::path &dataset, TrainConfig &c, int &code)
{
    auto bad = [&](const std::string &m) {
        code = io.usage(m);
        return false;
    };
    double d = 0;
    long long v = 0;
    datasetSplitDefaults(dataset, c.validPct, c.seed);
    if (a.has("--arch") && !parseArchitecture(a.get("--arch"), c.arch))
        return bad("--arch takes simple_cnn, resnet18 or resnet34");
    c.pretrained = a.get("--pretrained");
    if (a.has("--size")) {
        if (!parseInt(a.get("--size"), v) || v < 8 || v > 1024)
            return bad("--size takes a number of pixels from 8 to 1024");
        c.size = int(v);
    }
    if (a.has("--resize") && !parseResizeMethod(a.get("--resize"), c.resize))
        return bad("--resize takes squish, crop or pad");
    if (a.has("--bs")) {
        if (!parseInt(a.get("--bs"), v) || v < 1 || v > 4096)
            return bad("--bs takes a batch size from 1 to 4096");
        c.batchSize = int(v);
    }
    if (a.has("--epochs")) {
        if (!parseInt(a.get("--epochs"), v) || v < 1 || v > 10000)
            return bad("--epochs takes a whole number of at least 1");
        c.epochs = int(v);
    }
    if (a.has("--schedule") && !parseSchedule(a.get("--schedule"), c.schedule))
        return bad("--schedule takes one-cycle, fine-tune or constant");
    if (a.has("--lr") && a.get("--lr") != "auto") {
        if (!parseDouble(a.get("--lr"), d) || !(d > 0 && d < 100))
            return bad("--lr takes a positive number or 'auto'");
        c.lr = d;
    }
    c.augment = !a.has("--no-aug");
    if (a.has("--min-scale")) {
        if (!parseDouble(a.get("--min-scale"), d) || !(d > 0 && d <= 1))
            return bad("--min-scale takes a number in (0, 1]");
        c.minScale = d;
    }
    struct Strength { const char *flag; double lo, hi; double *target; };
    for (const Strength &st : {Strength{"--flip-p", 0, 1, &c.flipP}, Strength{"--max-rotate", 0, 180, &c.maxRotate},
                               Strength{"--max-zoom", 1, 4, &c.maxZoom}, Strength{"--max-warp", 0, 1, &c.maxWarp},
                               Strength{"--max-lighting", 0, 0.95, &c.maxLighting}}) {
        if (!a.has(st.flag))
            continue;
        if (!parseDouble(a.get(st.flag), d) || d < st.lo || d > st.hi)
            return bad(std::string(st.flag) + " takes a number from " + std::to_string(st.lo) + " to " + std::to_string(st.hi));
        *st.target = d;
    }
    if (a.has("--valid-pct")) {
        if (!parseDouble(a.get("--valid-pct"), d) || !(d >= 0 && d < 1))
            return bad("--valid-pct takes a number from 0 to below 1");
        c.validPct = d;
    }
    if (a.has("--seed")) {
        if (!parseInt(a.get("--seed"), v) || v < 0)
            return bad("--seed takes a whole number >= 0");
        c.seed = std::uint64_t(v);
    }
    if (a.has("--opt")) {
        const std::string o = a.get("--opt");
        if (o != "adamw" && o != "sgd")
            return bad("--opt takes adamw or sgd");
        c.optimizer = o == "sgd" ? OptimizerKind::Sgd : OptimizerKind::AdamW;
    }
    if (a.has("--wd")) {
        if (!parseDouble(a.get("--wd"), d) || d < 0)
            return bad("--wd takes a number >= 0");
        c.weightDecay = d;
    }
    if (a.has("--label-smoothing")) {
        if (!parseDouble(a.get("--label-smoothing"), d) || !(d >= 0 && d < 1))
            return bad("--label-smoothing takes a number from 0 to below 1");
        c.labelSmoothing = d;
    }
    if (a.has("--freeze-epochs")) {
        if (!parseInt(a.get("--freeze-epochs"), v) || v < 0)
            return bad("--freeze-epochs takes a whole number >= 0");
        c.freezeEpochs = int(v);
    }
    if (a.has("--early-stop")) {
        if (!parseInt(a.get("--early-stop"), v) || v < 1)
            return bad("--early-stop takes a patience in epochs (>= 1)");
        c.earlyStopPatience = int(v);
    }
    c.keepBest = a.has("--keep-best");
    if (a.has("--linear-head"))
        c.head = HeadKind::Linear;
    if (a.has("--threads")) {
        if (!parseInt(a.get("--threads"), v) || v < 1 || v > 256)
            return bad("--threads takes a whole number from 1 to 256");
        c.threads = int(v);
    }
    if (a.has("--workers")) {
        if (!parseInt(a.get("--workers"), v) || v < 1 || v > 64)
            return bad("--workers takes a whole number from 1 to 64");
        c.workers = int(v);
    }
    if (a.has("--device")) {
        c.device = a.get("--device");
        if (c.device != "auto" && c.device != "cpu" && c.device != "cuda")
            return bad("--device takes auto, cpu or cuda");
    }
    return true;
}

std::string clockText(double seconds)
{
    const long s = std::lround(seconds);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02ld:%02ld", s / 60, s % 60);
    return buf;
}

// fastai's epoch table on stdout, and a live progress line on a terminal's stderr.
struct TrainPrinter {
    const Io &io;
    bool tty;
    bool headerDone = false;
    std::chrono::steady_clock::time_point lastDraw{};

    void header()
    {
        if (headerDone || io.json)
            return;
        headerDone = true;
        std::fprintf(io.out, "%-6s %-11s %-11s %-9s %-11s %s\n", "epoch", "train_loss", "valid_loss", "accuracy", "error_rate", "time");
        std::fflush(io.out);
    }
    void row(const EpochMetrics &m)
    {
        clearLine();
        if (io.json)
            return;
        header();
        std::fprintf(io.out, "%-6d %-11.6f %-11.6f %-9.6f %-11.6f %s%s\n", m.epoch, m.trainLoss, m.validLoss, m.accuracy,
                     m.errorRate, clockText(m.seconds).c_str(), m.phase.empty() ? "" : ("  (" + m.phase + ")").c_str());
        std::fflush(io.out);
    }
    void progress(const BatchTelemetry &b, const char *what)
    {
        if (!tty)
            return;
        const auto now = std::chrono::steady_clock::now();
        if (now - lastDraw < std::chrono::milliseconds(100) && b.batch + 1 < b.batches)
            return;
        lastDraw = now;
        const int width = 25;
        const int filled = b.batches ? int(double(width) * (b.batch + 1) / b.batches) : 0;
        std::fprintf(io.err, "\r%s %d [%s%s] %d/%d  loss %.4f  %.0f img/s ", what, b.epoch,
                     std::string(std::size_t(filled), '#').c_str(), std::string(std::size_t(width - filled), '.').c_str(),
                     b.batch + 1, b.batches, b.smoothLoss, b.imagesPerSecond);
        std::fflush(io.err);
    }
    void message(const std::string &m)
    {
        clearLine();
        std::fprintf(io.err, "%s\n", m.c_str());
        std::fflush(io.err);
    }
    void clearLine()
    {
        if (tty) {
            std::fprintf(io.err, "\r\033[K");
            std::fflush(io.err);
        }
    }
};

QJsonObject summaryJson(const TrainSummary &s)
{
    QJsonArray epochs;
    for (const auto &e : s.epochs)
        epochs.append(QJsonObject{{"epoch", e.epoch}, {"phase", qs(e.phase)}, {"train_loss", e.trainLoss}, {"valid_loss", e.validLoss},
                                  {"accuracy", e.accuracy}, {"error_rate", e.errorRate}, {"seconds", e.seconds},
                                  {"images_per_second", e.imagesPerSecond}});
    return QJsonObject{{"run", qs(s.runDir)}, {"device", qs(s.device)}, {"threads", s.threads}, {"learning_rate", s.learningRate},
                       {"stopped", s.stopped}, {"early_stopped", s.earlyStopped}, {"best_epoch", s.bestEpoch},
                       {"skipped_files", double(s.skippedFiles)}, {"seconds", s.seconds}, {"epochs", epochs}};
}

int train(const Args &a, const Io &io)
{
    TrainPrinter printer{io, bool(::isatty(::fileno(io.err)))};
    TrainHooks hooks;
    hooks.batch = [&](const BatchTelemetry &b) { printer.progress(b, "epoch"); };
    hooks.epoch = [&](const EpochMetrics &m) { printer.row(m); };
    hooks.message = [&](const std::string &m) { printer.message(m); };
    Result<TrainSummary> result = Error{"not run"};
    if (a.has("--resume")) {
        if (!a.positional.empty())
            return io.usage("usage: kiln-cli train --resume RUN_DIR (the run knows its project)");
        result = resumeTraining(a.get("--resume"), hooks);
    } else {
        if (a.positional.size() != 1)
            return io.usage("usage: kiln-cli train PROJECT [options]; see kiln-cli --help");
        const fs::path dataset = a.positional[0];
        TrainConfig config;
        int code = 0;
        if (!parseTrainOptions(a, io, dataset, config, code))
            return code;
        const fs::path runDir = a.has("--out") ? fs::path(a.get("--out")) : newRunDir(dataset, config.arch);
        if (!io.json)
            std::fprintf(io.err, "run folder: %s\n", runDir.string().c_str());
        result = runTraining(dataset, config, runDir, hooks);
    }
    printer.clearLine();
    if (!result)
        return io.fail(result.message());
    if (io.json) {
        io.printJson(summaryJson(result.value()));
    } else {
        const auto &s = result.value();
        std::fprintf(io.out, "%s in %s on %s (%d threads); run folder %s\n", s.stopped ? "Stopped" : "Finished",
                     clockText(s.seconds).c_str(), s.device.c_str(), s.threads, s.runDir.c_str());
        if (s.skippedFiles)
            std::fprintf(io.out, "%zu file(s) could not be decoded and were skipped (listed above).\n", s.skippedFiles);
    }
    return 0;
}

int lrFind(const Args &a, const Io &io)
{
    if (a.positional.size() != 1)
        return io.usage("usage: kiln-cli lr-find PROJECT [options] [--out CURVE.csv]");
    const fs::path dataset = a.positional[0];
    TrainConfig config;
    int code = 0;
    if (!parseTrainOptions(a, io, dataset, config, code))
        return code;
    double startLr = 1e-7, endLr = 10;
    long long numIt = 100;
    if (a.has("--start-lr") && (!parseDouble(a.get("--start-lr"), startLr) || startLr <= 0))
        return io.usage("--start-lr takes a positive number");
    if (a.has("--end-lr") && (!parseDouble(a.get("--end-lr"), endLr) || endLr <= startLr))
        return io.usage("--end-lr takes a number above --start-lr");
    if (a.has("--num-it") && (!parseInt(a.get("--num-it"), numIt) || numIt < 10 || numIt > 100000))
        return io.usage("--num-it takes a whole number from 10 to 100000");
    auto data = loadTrainData(dataset, config.validPct, config.seed);
    if (!data)
        return io.fail(data.message());
    TrainPrinter printer{io, bool(::isatty(::fileno(io.err)))};
    TrainHooks hooks;
    hooks.batch = [&](const BatchTelemetry &b) { printer.progress(b, "lr_find"); };
    hooks.message = [&](const std::string &m) { printer.message(m); };
    auto result = findLearningRate(data.value(), config, hooks, startLr, endLr, int(numIt));
    printer.clearLine();
    if (!result)
        return io.fail(result.message());
    const auto &r = result.value();
    if (a.has("--out")) {
        std::string csv = "lr,loss\n";
        char line[64];
        for (std::size_t i = 0; i < r.lrs.size(); ++i) {
            std::snprintf(line, sizeof line, "%.8g,%.8g\n", r.lrs[i], r.losses[i]);
            csv += line;
        }
        if (auto w = writeFileAtomic(a.get("--out"), csv); !w)
            return io.fail(w.message());
    }
    if (!r.suggestions.valid)
        return io.fail("lr_find recorded too few points (" + std::to_string(r.lrs.size())
                       + ") to suggest a learning rate; use more images or a smaller --bs");
    if (io.json) {
        io.printJson(QJsonObject{{"valley", r.suggestions.valley}, {"slide", r.suggestions.slide},
                                 {"minimum", r.suggestions.minimum}, {"steep", r.suggestions.steep},
                                 {"points", int(r.lrs.size())}, {"curve", qs(a.get("--out"))}});
    } else {
        std::fprintf(io.out, "Suggested learning rates (%zu points recorded):\n  valley   %.3g\n  slide    %.3g\n  minimum  %.3g\n  steep    %.3g\n",
                     r.lrs.size(), r.suggestions.valley, r.suggestions.slide, r.suggestions.minimum, r.suggestions.steep);
        if (a.has("--out"))
            std::fprintf(io.out, "Curve written to %s\n", a.get("--out").c_str());
    }
    return 0;
}

} // namespace

int run(const std::vector<std::string> &args, std::FILE *out, std::FILE *err)
{
    Io io{out, err};
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::fputs(kUsage, args.empty() ? err : out);
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
        static const std::set<std::string> trainFlags{"--no-aug", "--keep-best", "--linear-head"};
        static const std::set<std::string> trainValued{"--arch", "--pretrained", "--size", "--resize", "--bs", "--epochs",
                                                       "--schedule", "--lr", "--min-scale", "--valid-pct", "--seed", "--out",
                                                       "--opt", "--wd", "--label-smoothing", "--freeze-epochs", "--early-stop",
                                                       "--threads", "--workers", "--device", "--flip-p", "--max-rotate",
                                                       "--max-zoom", "--max-warp", "--max-lighting"};
        static Command trainCmd{trainFlags, trainValued, train};
        static Command lrCmd{trainFlags, trainValued, lrFind};
        if (trainCmd.valued.count("--resume") == 0)
            trainCmd.valued.insert("--resume");
        for (const char *k : {"--start-lr", "--end-lr", "--num-it"})
            lrCmd.valued.insert(k);
        cmd = args[0] == "train" ? &trainCmd : &lrCmd;
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
        std::fputs(kUsage, out);
        return 0;
    }
    io.json = a.has("--json");
    return cmd->handler(a, io);
}

} // namespace kiln::cli
