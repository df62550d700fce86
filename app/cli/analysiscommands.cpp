#include "cli/clicommon.h"

#include "analysis/runanalysis.h"
#include "analysis/tsne.h"
#include "analysis/tsnefile.h"
#include "core/fileutil.h"
#include "core/progress.h"
#include "data/datasetedits.h"
#include "data/csvio.h"
#include "data/editjournal.h"
#include "data/project.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace fs = std::filesystem;

namespace kiln::cli {

namespace {

std::string padRight(const std::string &s, std::size_t w) { return s.size() >= w ? s.substr(0, w) : s + std::string(w - s.size(), ' '); }
std::string padLeft(const std::string &s, std::size_t w) { return s.size() >= w ? s : std::string(w - s.size(), ' ') + s; }

} // namespace

int interpret(const Args &a, const Io &io)
{
    if (a.positional.size() != 1)
        return io.usage("usage: kiln-cli interpret RUN_DIR [--split valid|train|both] [--top-losses K] [--most-confused MIN] "
                        "[--out PREDICTIONS.csv] [--no-cache] [--threads N] [--device auto|cpu|cuda] [--json]");
    AnalysisScope scope = AnalysisScope::Valid;
    if (a.has("--split") && !parseAnalysisScope(a.get("--split"), scope))
        return io.usage("--split takes valid, train or both");
    long long k = 10, minCount = 1, threads = 0;
    if (a.has("--top-losses") && (!parseInt(a.get("--top-losses"), k) || k < 0))
        return io.usage("--top-losses takes a whole number >= 0");
    if (a.has("--most-confused") && (!parseInt(a.get("--most-confused"), minCount) || minCount < 1))
        return io.usage("--most-confused takes a whole number >= 1");
    if (a.has("--threads") && (!parseInt(a.get("--threads"), threads) || threads < 1 || threads > 256))
        return io.usage("--threads takes a whole number from 1 to 256");
    const std::string device = a.get("--device", "auto");
    if (device != "auto" && device != "cpu" && device != "cuda")
        return io.usage("--device takes auto, cpu or cuda");

    auto run = readRunInfo(a.positional[0]);
    if (!run)
        return io.fail(run.message());
    PredictOptions options;
    options.threads = int(threads);
    options.device = device;
    Progress progress;
    Result<RunPredictions> preds = Error{"not run"};
    if (auto ran = runWithProgress(io, "predict", progress, [&] { preds = predictRun(run.value(), scope, options, &progress, !a.has("--no-cache")); }); !ran)
        return io.fail(ran.message());
    if (!preds)
        return io.fail(preds.message());
    const Predictions &p = preds->predictions;
    const Interpretation interp = preds->interpretation(scope);
    const auto confused = interp.mostConfused(std::size_t(minCount));
    const auto top = preds->topLosses(std::size_t(k), scope);
    const auto &classes = interp.classes();
    const fs::path base = locateDataset(run->datasetDir).home; // paths as the journal and the edit commands take them
    auto rel = [&](std::size_t i) { return p.files[i].lexically_relative(base).generic_string(); };
    auto className = [&](int c) { return c >= 0 ? classes[std::size_t(c)] : std::string("?"); };

    if (a.has("--out")) {
        std::string csv = "file,split,actual,predicted,loss,p_predicted,p_actual\n";
        for (std::size_t i = 0; i < p.size(); ++i) {
            csv += csvField(rel(i)) + "," + splitName(preds->splits[i]) + "," + csvField(className(p.labels[i])) + ","
                   + csvField(className(p.predicted[i])) + "," + (std::isnan(p.losses[i]) ? "" : fixed(p.losses[i], 6)) + ","
                   + fixed(p.prob(i, p.predicted[i]), 6) + "," + (p.labels[i] >= 0 ? fixed(p.probActual(i), 6) : "") + "\n";
        }
        if (auto w = writeFileAtomic(a.get("--out"), csv); !w)
            return io.fail(w.message());
    }

    if (io.json) {
        QJsonArray cls, matrix, pairs, perClass, losses, failures;
        for (const auto &c : classes)
            cls.append(qs(c));
        for (int r = 0; r < interp.classCount(); ++r) {
            QJsonArray row;
            for (int c = 0; c < interp.classCount(); ++c)
                row.append(double(interp.count(r, c)));
            matrix.append(row);
        }
        for (const auto &pr : confused)
            pairs.append(QJsonObject{{"actual", qs(classes[std::size_t(pr.actual)])},
                                     {"predicted", qs(classes[std::size_t(pr.predicted)])},
                                     {"count", double(pr.count)}});
        for (std::size_t c = 0; c < classes.size(); ++c) {
            const auto &m = interp.perClass()[c];
            perClass.append(QJsonObject{{"class", qs(classes[c])}, {"precision", m.precision}, {"recall", m.recall},
                                        {"f1", m.f1}, {"support", double(m.support)}});
        }
        for (auto i : top)
            losses.append(QJsonObject{{"file", qs(rel(i))}, {"split", splitName(preds->splits[i])},
                                      {"actual", qs(className(p.labels[i]))}, {"predicted", qs(className(p.predicted[i]))},
                                      {"loss", double(p.losses[i])}, {"p_predicted", double(p.prob(i, p.predicted[i]))},
                                      {"p_actual", double(p.probActual(i))}});
        for (const auto &[f, why] : p.failures)
            failures.append(QJsonObject{{"file", qs(f)}, {"reason", qs(why)}});
        io.printJson(QJsonObject{{"run", qs(run->runDir.string())}, {"split", analysisScopeName(scope)},
                                 {"images", double(interp.total())}, {"accuracy", interp.accuracy()},
                                 {"macro_f1", interp.macroF1()}, {"classes", cls}, {"confusion", matrix},
                                 {"most_confused", pairs}, {"per_class", perClass}, {"top_losses", losses},
                                 {"failures", failures}, {"cached", preds->fromCache}, {"seconds", preds->seconds}});
        return 0;
    }

    std::string out;
    out += "run " + run->runDir.filename().string() + ": " + architectureName(run->spec.arch) + ", "
           + std::to_string(classes.size()) + " classes; "
           + (scope == AnalysisScope::Both ? std::string("both splits, ") : std::string(analysisScopeName(scope)) + " split, ")
           + std::to_string(interp.total()) + " images in " + fixed(preds->seconds, 1) + " s"
           + (preds->fromCache ? " (saved predictions)" : "") + "\n";
    if (!p.failures.empty())
        out += std::to_string(p.failures.size()) + " images did not decode and are left out (see --json)\n";
    out += "accuracy " + fixed(interp.accuracy(), 4) + " (" + std::to_string(interp.correct()) + " of "
           + std::to_string(interp.total()) + "), macro F1 " + fixed(interp.macroF1(), 4) + "\n\n";

    std::size_t w = 6;
    for (const auto &c : classes)
        w = std::max(w, std::min<std::size_t>(c.size(), 16));
    out += "confusion matrix (rows: actual, columns: predicted)\n" + padRight("", w);
    for (const auto &c : classes)
        out += " " + padLeft(c.substr(0, 7), 7);
    out += "\n";
    for (int r = 0; r < interp.classCount(); ++r) {
        out += padRight(classes[std::size_t(r)], w);
        for (int c = 0; c < interp.classCount(); ++c)
            out += " " + padLeft(std::to_string(interp.count(r, c)), 7);
        out += "\n";
    }
    out += "\nmost confused (actual -> predicted, at least " + std::to_string(minCount) + ")\n";
    if (confused.empty())
        out += "  none\n";
    for (std::size_t i = 0; i < confused.size() && i < 20; ++i)
        out += "  " + padRight(classes[std::size_t(confused[i].actual)] + " -> " + classes[std::size_t(confused[i].predicted)], 2 * w + 4)
               + padLeft(std::to_string(confused[i].count), 7) + "\n";
    if (confused.size() > 20)
        out += "  ... " + std::to_string(confused.size() - 20) + " more (see --json)\n";
    out += "\n" + padRight("class", w) + " precision   recall       f1  support\n";
    for (std::size_t c = 0; c < classes.size(); ++c) {
        const auto &m = interp.perClass()[c];
        out += padRight(classes[c], w) + padLeft(fixed(m.precision, 4), 10) + padLeft(fixed(m.recall, 4), 9)
               + padLeft(fixed(m.f1, 4), 9) + padLeft(std::to_string(m.support), 9) + "\n";
    }
    if (!top.empty()) {
        out += "\ntop losses\n    loss  p(pred)  p(actual)  predicted / actual  file\n";
        for (auto i : top)
            out += padLeft(fixed(p.losses[i], 3), 8) + padLeft(fixed(p.prob(i, p.predicted[i]), 3), 9)
                   + padLeft(fixed(p.probActual(i), 3), 11) + "  " + className(p.predicted[i]) + " / "
                   + className(p.labels[i]) + "  " + rel(i) + "\n";
    }
    io.print(out);
    return 0;
}

int tsne(const Args &a, const Io &io)
{
    if (a.positional.size() != 1 || !a.has("--out"))
        return io.usage("usage: kiln-cli tsne RUN_DIR --out TSNE.csv [--split valid|all] [--perplexity 30] [--iters 1000] "
                        "[--theta 0.5] [--seed N] [--threads N] [--json]");
    const std::string split = a.get("--split", "valid");
    if (split != "valid" && split != "all")
        return io.usage("--split takes valid or all");
    TsneOptions options;
    double d = 0;
    long long v = 0;
    if (a.has("--perplexity") && (!parseDouble(a.get("--perplexity"), d) || !(d >= 2 && d <= 100)))
        return io.usage("--perplexity takes a number from 2 to 100");
    if (a.has("--perplexity"))
        options.perplexity = d;
    if (a.has("--iters") && (!parseInt(a.get("--iters"), v) || v < 1 || v > 100000))
        return io.usage("--iters takes a whole number from 1 to 100000");
    if (a.has("--iters"))
        options.iterations = int(v);
    if (a.has("--theta") && (!parseDouble(a.get("--theta"), d) || !(d >= 0 && d <= 2)))
        return io.usage("--theta takes a number from 0 (exact) to 2");
    if (a.has("--theta"))
        options.theta = d;
    if (a.has("--seed") && (!parseInt(a.get("--seed"), v) || v < 0))
        return io.usage("--seed takes a whole number >= 0");
    if (a.has("--seed"))
        options.seed = std::uint64_t(v);
    if (a.has("--threads") && (!parseInt(a.get("--threads"), v) || v < 1 || v > 256))
        return io.usage("--threads takes a whole number from 1 to 256");
    if (a.has("--threads"))
        options.threads = int(v);

    auto run = readRunInfo(a.positional[0]);
    if (!run)
        return io.fail(run.message());
    Progress progress;
    Result<RunPredictions> preds = Error{"not run"};
    const auto predicted = runWithProgress(io, "predict", progress, [&] {
        preds = predictRun(run.value(), split == "all" ? AnalysisScope::Both : AnalysisScope::Valid, {}, &progress);
    });
    if (!predicted)
        return io.fail(predicted.message());
    if (!preds)
        return io.fail(preds.message());
    const Predictions &p = preds->predictions;
    if (!a.has("--perplexity"))
        options.perplexity = fittingPerplexity(options.perplexity, p.size());
    Progress tsneProgress;
    Result<TsneResult> layout = Error{"not run"};
    if (auto ran = runWithProgress(io, "t-SNE", tsneProgress, [&] { layout = runTsne(p.embeddings, p.size(), p.embeddingDim, options, &tsneProgress); }); !ran)
        return io.fail(ran.message());
    if (!layout)
        return io.fail(layout.message());
    const fs::path base = locateDataset(run->datasetDir).home;
    std::vector<std::size_t> rows(p.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i] = i;
    const std::string csv = tsneCsv(preds.value(), rows, layout->layout, base);
    // Kept beside the run too, for its report; a failure there is only a warning.
    if (auto kept = writeFileAtomic(runTsneFile(run->runDir), csv); !kept)
        std::fprintf(io.err, "kiln-cli: warning: %s\n", kept.message().c_str());
    if (auto w = writeFileAtomic(a.get("--out"), csv); !w)
        return io.fail(w.message());
    if (io.json) {
        io.printJson(QJsonObject{{"images", double(p.size())}, {"dims", p.embeddingDim}, {"kl", layout->kl},
                                 {"iterations", layout->iterations}, {"seconds", layout->seconds}, {"out", qs(a.get("--out"))}});
        return 0;
    }
    io.print("t-SNE of " + std::to_string(p.size()) + " images (" + std::to_string(p.embeddingDim) + "-d embeddings): "
             + std::to_string(layout->iterations) + " iterations in " + fixed(layout->seconds, 1) + " s, KL "
             + fixed(layout->kl, 4) + "; wrote " + a.get("--out") + "\n");
    return 0;
}

// ---- label edits ------------------------------------------------------------------------------------

namespace {

int report(const Io &io, const DatasetEdit &edit)
{
    for (const auto &note : edit.recoveryNotes)
        std::fprintf(io.err, "kiln-cli: recovered an interrupted edit: %s\n", note.c_str());
    const Result<EditOutcome> &outcome = edit.outcome;
    if (!outcome)
        return io.fail(outcome.message());
    auto rel = [&](const fs::path &p) { return p.lexically_relative(edit.home).generic_string(); };
    if (io.json) {
        QJsonArray moves, failures;
        for (const auto &m : outcome->moves)
            moves.append(QJsonObject{{"kind", editKindName(m.kind)}, {"from", qs(rel(m.from))}, {"to", qs(rel(m.to))}});
        for (const auto &f : outcome->failures)
            failures.append(qs(f));
        io.printJson(QJsonObject{{"batch", outcome->batch}, {"moves", moves}, {"failures", failures},
                                 {"can_undo", edit.canUndo}, {"can_redo", edit.canRedo}});
    } else {
        for (const auto &m : outcome->moves)
            io.print(std::string(editKindName(m.kind)) + ": " + rel(m.from) + " -> " + rel(m.to) + "\n");
        for (const auto &f : outcome->failures)
            std::fprintf(io.err, "kiln-cli: not done: %s\n", f.c_str());
    }
    return outcome->failures.empty() ? 0 : 1;
}

} // namespace

int editFiles(const Args &a, const Io &io, int kindValue)
{
    const auto kind = EditKind(kindValue);
    const std::size_t want = kind == EditKind::Relabel ? 3 : 2;
    if (a.positional.size() < want)
        return io.usage(kind == EditKind::Relabel ? "usage: kiln-cli relabel PROJECT FILE... CLASS"
                        : kind == EditKind::Remove ? "usage: kiln-cli remove PROJECT FILE... [--reason TEXT]"
                                                   : "usage: kiln-cli restore PROJECT TRASHED_FILE...");
    const std::size_t end = kind == EditKind::Relabel ? a.positional.size() - 1 : a.positional.size();
    return report(io, editDataset(a.positional[0], [&](EditJournal &j) {
        std::vector<EditRequest> requests;
        for (std::size_t i = 1; i < end; ++i) {
            EditRequest r;
            r.kind = kind;
            r.path = journalPath(j, a.positional[i], kind);
            if (kind == EditKind::Relabel)
                r.newClass = a.positional.back();
            r.reason = a.get("--reason");
            requests.push_back(r);
        }
        return j.apply(requests);
    }));
}

int undoRedo(const Args &a, const Io &io, bool undo)
{
    if (a.positional.size() != 1)
        return io.usage(undo ? "usage: kiln-cli undo PROJECT" : "usage: kiln-cli redo PROJECT");
    return report(io, editDataset(a.positional[0], [undo](EditJournal &j) { return undo ? j.undo() : j.redo(); }));
}

int applyEdits(const Args &a, const Io &io)
{
    if (a.positional.size() != 2)
        return io.usage("usage: kiln-cli apply PROJECT EDITS.csv   (rows: file,action[,class]; action relabel, remove, "
                        "restore or keep)");
    Progress progress;
    DatasetEdit edit;
    const auto ran = runWithProgress(io, "edit", progress, [&] {
        edit = editDataset(a.positional[0], [&](EditJournal &j) -> Result<EditOutcome> {
            auto requests = readEditsCsv(a.positional[1], j);
            if (!requests)
                return requests.error();
            return j.apply(requests.value(), &progress);
        });
    });
    if (!ran)
        return io.fail(ran.message());
    return report(io, edit);
}

} // namespace kiln::cli
