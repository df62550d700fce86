// kiln-cli runs: a project's runs side by side, and the settings that differ between them.
#include "cli/clicommon.h"

#include "core/fileutil.h"
#include "core/progress.h"
#include "report/runreport.h"
#include "train/run.h"
#include "train/runcompare.h"
#include "train/trainsettings.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace fs = std::filesystem;

namespace kiln::cli {

int listRuns(const Args &a, const Io &io)
{
    if (a.positional.size() != 1)
        return io.usage("usage: kiln-cli runs PROJECT [--json]");
    const fs::path dir = a.positional[0];
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return io.fail(dir.string() + ": no such folder");
    const RunStore store(dir);
    const std::vector<RunEntry> entries = store.list();
    std::vector<TrainConfig> configs;
    for (const auto &e : entries)
        if (e.run)
            configs.push_back(e.run->config);
    const auto differing = differingSettings(configs);
    const TrainSetting *arch = findTrainSetting("arch");

    auto lastEpoch = [](const Run &r) -> const EpochMetrics * {
        return r.result && !r.result->epochs.empty() ? &r.result->epochs.back() : nullptr;
    };
    if (io.json) {
        QJsonArray runs, diffs;
        for (const auto &e : entries) {
            QJsonObject o{{"id", qs(e.id)}, {"dir", qs(e.dir.string())}};
            if (!e.run) {
                o.insert("damaged", qs(e.damage));
                runs.append(o);
                continue;
            }
            const Run &r = *e.run;
            o.insert("status", runStatusName(r.status));
            o.insert("created", qs(r.created));
            o.insert("arch", arch ? qs(arch->format(r.config)) : QString());
            o.insert("epochs_planned", r.config.epochs);
            if (const EpochMetrics *m = lastEpoch(r)) {
                o.insert("epochs", int(r.result->epochs.size()));
                o.insert("accuracy", m->accuracy);
                o.insert("valid_loss", m->validLoss);
                o.insert("train_loss", m->trainLoss);
                o.insert("seconds", r.result->seconds);
            }
            if (!r.error.empty())
                o.insert("error", qs(r.error));
            runs.append(o);
        }
        for (const auto &d : differing) {
            QJsonArray values;
            for (const auto &v : d.values)
                values.append(qs(v));
            diffs.append(QJsonObject{{"key", qs(d.key)}, {"label", qs(d.label)}, {"values", values}});
        }
        io.printJson(QJsonObject{{"runs", runs}, {"differing_settings", diffs}});
        return 0;
    }
    if (entries.empty()) {
        io.print("no runs in " + store.runsDir().string() + " (train one: kiln-cli train " + dir.string() + ")\n");
        return 0;
    }
    std::string out;
    char line[512];
    std::snprintf(line, sizeof line, "%-32s %-9s %-16s %7s %9s %10s %8s\n", "run", "status", "arch", "epochs", "accuracy", "valid_loss",
                  "time");
    out += line;
    for (const auto &e : entries) {
        if (!e.run) {
            out += e.id + "  damaged: " + e.damage + "\n";
            continue;
        }
        const Run &r = *e.run;
        const EpochMetrics *m = lastEpoch(r);
        const std::string epochs = (m ? std::to_string(r.result->epochs.size()) : std::string("0")) + "/" + std::to_string(r.config.epochs);
        std::snprintf(line, sizeof line, "%-32s %-9s %-16s %7s %9s %10s %8s\n", e.id.c_str(), runStatusName(r.status),
                      arch ? arch->format(r.config).c_str() : "", epochs.c_str(), m ? std::to_string(m->accuracy).substr(0, 6).c_str() : "-",
                      m ? std::to_string(m->validLoss).substr(0, 7).c_str() : "-",
                      m ? formatDuration(r.result->seconds).c_str() : "-");
        out += line;
    }
    if (!differing.empty()) {
        out += "\nsettings that differ (newest run first):\n";
        for (const auto &d : differing) {
            std::string values;
            for (const auto &v : d.values) {
                if (!values.empty())
                    values += ", ";
                values += v;
            }
            out += "  " + d.key + ": " + values + "\n";
        }
    }
    io.print(out);
    return 0;
}

int report(const Args &a, const Io &io)
{
    if (a.positional.size() != 1 || !a.has("--out"))
        return io.usage("usage: kiln-cli report RUN_DIR --out REPORT.html [--top-losses N] [--no-cache] [--threads N] "
                        "[--device auto|cpu|cuda]");
    ReportOptions options;
    long long v = 0;
    if (a.has("--top-losses") && (!parseInt(a.get("--top-losses"), v) || v < 0 || v > 1000))
        return io.usage("--top-losses takes a whole number from 0 to 1000");
    if (a.has("--top-losses"))
        options.topLosses = int(v);
    if (a.has("--threads") && (!parseInt(a.get("--threads"), v) || v < 1 || v > 256))
        return io.usage("--threads takes a whole number from 1 to 256");
    if (a.has("--threads"))
        options.threads = int(v);
    options.device = a.get("--device", "auto");
    if (options.device != "auto" && options.device != "cpu" && options.device != "cuda")
        return io.usage("--device takes auto, cpu or cuda");
    options.useCache = !a.has("--no-cache");
    Progress progress;
    Result<std::string> html = Error{"not run"};
    if (auto ran = runWithProgress(io, "report", progress, [&] { html = runReportHtml(a.positional[0], options, &progress); }); !ran)
        return io.fail(ran.message());
    if (!html)
        return io.fail(html.message());
    if (auto w = writeFileAtomic(a.get("--out"), html.value()); !w)
        return io.fail(w.message());
    if (io.json)
        io.printJson(QJsonObject{{"out", qs(a.get("--out"))}, {"bytes", double(html->size())}});
    else
        io.print("wrote " + a.get("--out") + " (" + std::to_string(html->size() / 1024) + " KiB, self-contained: open it in any browser)\n");
    return 0;
}

} // namespace kiln::cli
