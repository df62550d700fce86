#include "cli/clicommon.h"

#include "core/fileutil.h"
#include "data/project.h"
#include "train/learner.h"
#include "train/trainer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>
#include <cmath>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kiln::cli {

namespace {

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

} // namespace

int train(const Args &a, const Io &io)
{
    TrainPrinter printer{io, bool(::isatty(::fileno(io.err)))};
    TrainHooks hooks;
    hooks.batch = [&](const BatchTelemetry &b) { printer.progress(b, "epoch"); };
    hooks.epoch = [&](const EpochMetrics &m) { printer.row(m); };
    hooks.message = [&](const std::string &m) { printer.message(m); };
    Result<TrainSummary> result = Error{"not run"};
    if (a.has("--resume")) {
        // The run knows its project and configuration; a PROJECT argument is accepted and ignored.
        if (a.positional.size() > 1)
            return io.usage("usage: kiln-cli train [PROJECT] --resume RUN_DIR");
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

} // namespace kiln::cli
