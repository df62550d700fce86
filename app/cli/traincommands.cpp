#include "cli/clicommon.h"
#include "cli/paralleltrain.h"

#include "core/fileutil.h"
#include "data/project.h"
#include "train/learner.h"
#include "train/run.h"
#include "train/trainer.h"
#include "train/trainsettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>
#include <optional>
#include <set>
#include <cmath>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kiln::cli {

namespace {

// Reads the settings shared by train and lr-find (trainsettings.h): the suggestion for the
// dataset (for the architecture asked for, if any), then each option given, then validate().
bool parseTrainOptions(const Args &a, const Io &io, const fs::path &dataset, TrainConfig &c, int &code)
{
    std::optional<Architecture> arch;
    if (a.has("--arch")) {
        Architecture chosen{};
        if (!parseArchitecture(a.get("--arch"), chosen)) {
            TrainConfig probe;
            code = io.usage(setTrainSetting(probe, *findTrainSetting("arch"), a.get("--arch")).message());
            return false;
        }
        arch = chosen;
    }
    applyWeightsOptions(a);
    c = suggestFor(dataset, arch);
    for (const TrainSetting &st : trainSettings()) {
        if (!*st.flag || !a.has(st.flag))
            continue;
        if (st.type == SettingType::Flag) {
            st.setNumber(c, st.flagValue ? 1 : 0);
        } else if (auto set = setTrainSetting(c, st, a.get(st.flag)); !set) {
            code = io.usage(set.message());
            return false;
        }
    }
    for (const SettingAlias &alias : trainSettingAliases())
        if (a.has(alias.flag))
            (void)setTrainSetting(c, *findTrainSetting(alias.key), alias.value);
    if (auto valid = validate(c); !valid) {
        code = io.usage(valid.message());
        return false;
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
        if (a.has("--dry-run")) {
            // The settings a run would start with (its run.json "config"), and nothing else.
            if (io.json) {
                io.printJson(QJsonObject{{"config", trainConfigToJson(config)}});
            } else {
                for (const TrainSetting &st : trainSettings())
                    std::fprintf(io.out, "%-20s %s\n", st.key, st.format(config).c_str());
            }
            return 0;
        }
        if (auto ready = prepareWeights(io, architectureName(config.arch), config.pretrained); !ready)
            return io.fail(ready.message());
        ParallelPlan plan;
        if (!parseParallelPlan(a, io, plan, code))
            return code;
        const fs::path runDir = a.has("--out") ? fs::path(a.get("--out")) : RunStore(dataset).newRunDir(config.arch);
        if (plan.childRank >= 0) { // a rank started by kiln-cli: quiet, its parent reports
            const auto done = trainInParallel(io, plan, dataset, config, runDir, {});
            return done ? 0 : io.fail(done.message());
        }
        if (!io.json)
            std::fprintf(io.err, "run folder: %s\n", runDir.string().c_str());
        result = plan.parallel() ? trainInParallel(io, plan, dataset, config, runDir, hooks) : runTraining(dataset, config, runDir, hooks);
    }
    printer.clearLine();
    if (!result)
        return io.fail(result.message());
    if (io.json) {
        QJsonObject summary = trainSummaryToJson(result.value());
        summary.insert("run", qs(result->runDir));
        io.printJson(summary);
    } else {
        const auto &s = result.value();
        std::fprintf(io.out, "%s in %s on %s (%d threads, %s); run folder %s\n", s.stopped ? "Stopped" : "Finished",
                     clockText(s.seconds).c_str(), s.device.c_str(), s.threads, s.precision.c_str(), s.runDir.c_str());
        if (s.skippedSteps)
            std::fprintf(io.out, "%ld step(s) were skipped for an fp16 overflow (the loss scale was lowered).\n", s.skippedSteps);
        if (s.skippedFiles)
            std::fprintf(io.out, "%zu file(s) could not be decoded and were skipped (listed above).\n", s.skippedFiles);
    }
    return 0;
}

std::set<std::string> trainFlags()
{
    std::set<std::string> out;
    for (const TrainSetting &st : trainSettings())
        if (*st.flag && st.type == SettingType::Flag)
            out.insert(st.flag);
    for (const SettingAlias &alias : trainSettingAliases())
        out.insert(alias.flag);
    return out;
}

std::set<std::string> trainValuedOptions()
{
    std::set<std::string> out;
    for (const TrainSetting &st : trainSettings())
        if (*st.flag && st.type != SettingType::Flag)
            out.insert(st.flag);
    return out;
}

namespace {

// `text` wrapped at 100 columns, each line indented by `indent` spaces.
std::string wrapped(const std::string &text, std::size_t indent)
{
    std::string out, line;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find(' ', pos);
        if (end == std::string::npos)
            end = text.size();
        const std::string word = text.substr(pos, end - pos);
        if (!line.empty() && indent + line.size() + 1 + word.size() > 100) {
            out += std::string(indent, ' ') + line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        pos = end + 1;
    }
    if (!line.empty())
        out += std::string(indent, ' ') + line + "\n";
    return out;
}

} // namespace

std::string trainSettingsHelp()
{
    std::string out;
    for (const TrainSetting &st : trainSettings()) {
        if (!*st.flag)
            continue;
        std::string option = st.flag;
        if (st.type == SettingType::Choice) {
            option += " ";
            for (std::size_t i = 0; i < st.choices.size(); ++i)
                option += (i ? "|" : "") + st.choices[i];
        } else if (st.type != SettingType::Flag) {
            option += std::string(" ") + st.valueName + (st.hasAuto ? "|auto" : "");
        }
        std::string help = st.help;
        const std::string byDefault = st.fromData ? "default: from the data" : "default " + st.defaultText();
        if (st.type == SettingType::Int || st.type == SettingType::Real)
            help += " (" + st.rule().substr(2) + "; " + byDefault + ")";
        else if (st.type == SettingType::Choice)
            help += " (" + byDefault + ")";
        out += "        " + option + "\n" + wrapped(help, 12);
    }
    for (const SettingAlias &alias : trainSettingAliases())
        out += std::string("        ") + alias.flag + "\n            The same as " + findTrainSetting(alias.key)->flag + " "
               + alias.value + "\n";
    return out;
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
    if (auto ready = prepareWeights(io, architectureName(config.arch), config.pretrained); !ready)
        return io.fail(ready.message());
    TrainPrinter printer{io, bool(::isatty(::fileno(io.err)))};
    TrainHooks hooks;
    hooks.batch = [&](const BatchTelemetry &b) { printer.progress(b, "lr_find"); };
    hooks.message = [&](const std::string &m) { printer.message(m); };
    auto result = findLearningRateFor(dataset, config, hooks, startLr, endLr, int(numIt));
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
