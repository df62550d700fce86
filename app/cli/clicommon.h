#pragma once
// What kiln-cli's commands share: argument parsing, output (text or --json), progress lines.
// Private to app/cli.

#include "core/result.h"

#include <QJsonObject>
#include <QString>

#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace kiln {
struct Progress;
}

namespace kiln::cli {

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options; // "--x" -> value ("" for flags); the last one given
    std::vector<std::pair<std::string, std::string>> given; // every option in order (repeatable ones)
    std::string error;

    bool has(const std::string &k) const { return options.count(k) != 0; }
    std::vector<std::string> all(const std::string &k) const
    {
        std::vector<std::string> out;
        for (const auto &[key, value] : given)
            if (key == k)
                out.push_back(value);
        return out;
    }
    std::string get(const std::string &k, const std::string &def = {}) const
    {
        auto it = options.find(k);
        return it == options.end() ? def : it->second;
    }
};

// Splits raw arguments from `from` on into positionals and options; unknown options are an error.
Args parse(const std::vector<std::string> &raw, std::size_t from, const std::set<std::string> &flags,
           const std::set<std::string> &valued);

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
    void printJson(const QJsonObject &o) const;
};

QString qs(const std::string &s);
std::string formatDuration(double seconds);
// v with `digits` decimals ("%.*f").
std::string fixed(double v, int digits);
// Runs `job` on a worker thread while drawing a progress line on `err` when it is a terminal
// (counts, or with `bytes` megabytes). An exception that escapes the job comes back as the Error
// (the command then fails with its message) instead of ending the process.
Result<void> runWithProgress(const Io &io, const std::string &label, Progress &progress, const std::function<void()> &job,
                     bool bytes = false);
bool parseDouble(const std::string &s, double &out);
bool parseInt(const std::string &s, long long &out);

// The training commands (traincommands.cpp), and the options they take (the training settings of
// trainsettings.h), and those options' lines for --help.
int train(const Args &a, const Io &io);
int lrFind(const Args &a, const Io &io);
std::set<std::string> trainFlags();
std::set<std::string> trainValuedOptions();
std::string trainSettingsHelp();
// Interpretation and label edits (analysiscommands.cpp).
int interpret(const Args &a, const Io &io);
int tsne(const Args &a, const Io &io);
int editFiles(const Args &a, const Io &io, int kind); // kind: an EditKind
int undoRedo(const Args &a, const Io &io, bool undo);
int applyEdits(const Args &a, const Io &io);
// Label issues, duplicates and outliers of a project (dataissuescommand.cpp).
int dataIssues(const Args &a, const Io &io);
int listRuns(const Args &a, const Io &io);
int report(const Args &a, const Io &io);
// Exporting models and predicting with them (exportcommands.cpp).
int exportModel(const Args &a, const Io &io);
int predict(const Args &a, const Io &io);
// Importing and exporting datasets (importcommands.cpp).
int datasetImportIdx(const Args &a, const Io &io);
int datasetImportCsv(const Args &a, const Io &io);
int datasetExportCsv(const Args &a, const Io &io);
// Building a dataset from image search (acquirecommand.cpp).
int acquire(const Args &a, const Io &io);
// Pretrained weights (weightscommands.cpp): the weights command; --weights-url and
// --weights-catalog for this process; and, for `pretrained` "imagenet", downloading the
// architecture's file when the cache lacks it (with a progress line). Returns `pretrained`.
int weights(const Args &a, const Io &io);
void applyWeightsOptions(const Args &a);
Result<std::string> prepareWeights(const Io &io, const std::string &architecture, const std::string &pretrained);

} // namespace kiln::cli
