#include "cli/clicommon.h"

#include "analysis/dataissues.h"
#include "core/fileutil.h"
#include "core/progress.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace fs = std::filesystem;

namespace kiln::cli {

int dataIssues(const Args &a, const Io &io)
{
    if (a.positional.size() != 1)
        return io.usage("usage: kiln-cli data-issues PROJECT [--run RUN_DIR] [--mode fast|thorough] [--folds K] [--seed N] "
                        "[--score self-confidence|normalized-margin] [--similarity S] [--out ISSUES.csv] [--no-cache] "
                        "[--threads N] [--device auto|cpu|cuda] [--json]");
    DataIssueOptions options;
    if (a.has("--mode") && !parseDataIssueMode(a.get("--mode"), options.mode))
        return io.usage("--mode takes fast or thorough");
    long long v = 0;
    if (a.has("--folds") && (!parseInt(a.get("--folds"), v) || v < 2 || v > 20))
        return io.usage("--folds takes a whole number from 2 to 20");
    if (a.has("--folds"))
        options.folds = int(v);
    if (a.has("--seed") && (!parseInt(a.get("--seed"), v) || v < 0))
        return io.usage("--seed takes a whole number >= 0");
    if (a.has("--seed"))
        options.seed = std::uint64_t(v);
    if (a.has("--threads") && (!parseInt(a.get("--threads"), v) || v < 1 || v > 256))
        return io.usage("--threads takes a whole number from 1 to 256");
    if (a.has("--threads"))
        options.threads = int(v);
    const std::string score = a.get("--score", "self-confidence");
    if (score != "self-confidence" && score != "normalized-margin")
        return io.usage("--score takes self-confidence or normalized-margin");
    options.score = score == "normalized-margin" ? LabelScore::NormalizedMargin : LabelScore::SelfConfidence;
    double similarity = DataIssues::kDefaultSimilarity;
    if (a.has("--similarity") && (!parseDouble(a.get("--similarity"), similarity) || !(similarity >= DataIssues::kMinSimilarity && similarity <= 1)))
        return io.usage("--similarity takes a cosine similarity from " + fixed(DataIssues::kMinSimilarity, 2) + " to 1");
    options.device = a.get("--device", "auto");
    if (options.device != "auto" && options.device != "cpu" && options.device != "cuda")
        return io.usage("--device takes auto, cpu or cuda");
    options.useCache = !a.has("--no-cache");

    fs::path runDir = a.get("--run");
    if (runDir.empty()) {
        auto newest = newestAnalysableRun(a.positional[0]);
        if (!newest)
            return io.fail(newest.message());
        runDir = newest.value();
    }
    Progress progress;
    Result<DataIssues> found = Error{"not run"};
    const std::string label = options.mode == DataIssueMode::Thorough ? "data issues (" + std::to_string(options.folds) + " folds)" : "data issues";
    if (auto ran = runWithProgress(io, label, progress, [&] { found = findDataIssues(runDir, options, &progress); }); !ran)
        return io.fail(ran.message());
    if (!found)
        return io.fail(found.message());
    const DataIssues &d = found.value();
    const Predictions &p = d.predictions.predictions;
    const auto groups = d.duplicateGroups(float(similarity));
    const auto outliers = d.outliers();
    auto className = [&](int c) { return c >= 0 ? p.classes[std::size_t(c)] : std::string("?"); };
    if (a.has("--out"))
        if (auto w = writeFileAtomic(a.get("--out"), dataIssuesCsv(d, float(similarity))); !w)
            return io.fail(w.message());

    if (io.json) {
        QJsonArray labelIssues, dupGroups, outlierList, perClass;
        for (const auto &issue : d.labelIssues.issues)
            labelIssues.append(QJsonObject{{"file", qs(d.relativePath(issue.index))}, {"given", qs(className(issue.given))},
                                           {"suggested", qs(className(issue.suggested))}, {"score", issue.score}});
        for (const auto &g : groups) {
            QJsonArray files, labels;
            for (std::size_t m : g.members) {
                files.append(qs(d.relativePath(m)));
                labels.append(qs(className(p.labels[m])));
            }
            dupGroups.append(QJsonObject{{"files", files}, {"labels", labels}, {"mixed_labels", g.mixedLabels}, {"reason", qs(g.reason)}});
        }
        for (std::size_t i : outliers)
            outlierList.append(QJsonObject{{"file", qs(d.relativePath(i))}, {"label", qs(className(p.labels[i]))},
                                           {"score", double(d.outlierScores[i])}});
        for (std::size_t c = 0; c < p.classes.size(); ++c)
            perClass.append(QJsonObject{{"class", qs(p.classes[c])}, {"images", double(d.labelIssues.labelCounts[c])},
                                        {"estimated_errors", double(d.labelIssues.estimatedErrors[c])}});
        io.printJson(QJsonObject{{"run", qs(d.runDir.string())}, {"mode", dataIssueModeName(options.mode)},
                                 {"folds", options.folds}, {"images", double(p.size())}, {"label_issues", labelIssues},
                                 {"estimated_label_errors", double(d.labelIssues.estimatedTotal())}, {"per_class", perClass},
                                 {"duplicate_groups", dupGroups}, {"similarity", similarity}, {"outliers", outlierList},
                                 {"outlier_fence", d.outlierFence}, {"cached", d.fromCache}, {"seconds", d.seconds}});
        return 0;
    }

    std::string out = "data issues of run " + d.runDir.filename().string() + " (" + dataIssueModeName(options.mode) + ", "
                      + std::to_string(options.folds) + " folds): " + std::to_string(p.size()) + " images in "
                      + fixed(d.seconds, 1) + " s" + (d.fromCache ? " (saved search)" : "") + "\n";
    out += "\nlabel issues: " + std::to_string(d.labelIssues.issues.size()) + " flagged; estimated label errors per class:";
    for (std::size_t c = 0; c < p.classes.size(); ++c)
        out += " " + p.classes[c] + " " + std::to_string(d.labelIssues.estimatedErrors[c]);
    out += "\n";
    for (std::size_t n = 0; n < d.labelIssues.issues.size() && n < 20; ++n) {
        const auto &issue = d.labelIssues.issues[n];
        out += "  " + fixed(issue.score, 3) + "  " + className(issue.given) + " -> " + className(issue.suggested) + "  "
               + d.relativePath(issue.index) + "\n";
    }
    if (d.labelIssues.issues.size() > 20)
        out += "  ... " + std::to_string(d.labelIssues.issues.size() - 20) + " more (--out or --json)\n";
    std::size_t mixed = 0;
    for (const auto &g : groups)
        mixed += g.mixedLabels;
    out += "\nduplicate groups: " + std::to_string(groups.size()) + " (" + std::to_string(mixed)
           + " with different labels) at similarity " + fixed(similarity, 2) + "\n";
    for (std::size_t n = 0; n < groups.size() && n < 10; ++n) {
        out += "  " + groups[n].reason + (groups[n].mixedLabels ? ", different labels:" : ":");
        for (std::size_t m : groups[n].members) { // piece by piece: GCC 12 warns (-Wrestrict) on " " + path + ...
            out += ' ';
            out += d.relativePath(m);
            out += " (" + className(p.labels[m]) + ")";
        }
        out += "\n";
    }
    if (groups.size() > 10)
        out += "  ... " + std::to_string(groups.size() - 10) + " more\n";
    out += "\noutliers: " + std::to_string(outliers.size()) + "\n";
    for (std::size_t n = 0; n < outliers.size() && n < 10; ++n)
        out += "  " + fixed(d.outlierScores[outliers[n]], 3) + "  " + d.relativePath(outliers[n]) + " ("
               + className(p.labels[outliers[n]]) + ")\n";
    if (a.has("--out"))
        out += "\nwrote " + a.get("--out") + " (review it, then: kiln-cli apply " + a.positional[0] + " " + a.get("--out") + ")\n";
    io.print(out);
    return 0;
}

} // namespace kiln::cli
