// The dataset import and export commands: IDX files, CSV lists in and out.
#include "cli/clicommon.h"

#include "core/progress.h"
#include "data/csvio.h"
#include "data/datasetindex.h"
#include "data/idximport.h"
#include "data/project.h"
#include "train/trainer.h"

#include <QJsonArray>
#include <QJsonObject>

#include <sstream>

namespace fs = std::filesystem;

namespace kiln::cli {

namespace {

// Opens the project at `dir`, creating it when the folder has none.
Result<Project> openOrCreateProject(const fs::path &dir)
{
    if (Project::isProject(dir))
        return Project::open(dir);
    return Project::create(dir);
}

// Runs `import(progress)` with kiln-cli's progress line, then records the project's classes as
// its images folder now has them.
template <class Summary, class Import>
Result<Summary> importIntoProject(const Io &io, const Project &project, Import import)
{
    Progress progress;
    Result<Summary> summary = Error{"not run"};
    if (auto ran = runWithProgress(io, "import", progress, [&] { summary = import(progress); }); !ran)
        return ran.error();
    if (!summary)
        return summary;
    if (auto index = DatasetIndex::scan(project.imagesDir()))
        if (auto saved = Project::recordClasses(project.root(), index->classes()); !saved)
            return saved.error();
    return summary;
}

} // namespace

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
    const auto summary = importIntoProject<IdxImportSummary>(
        io, *project, [&](Progress &progress) { return importIdx(images, labels, target, options, &progress); });
    if (!summary)
        return io.fail(summary.message());
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
    const auto summary = importIntoProject<CsvImportSummary>(io, *project, [&](Progress &progress) {
        return importCsv(a.positional[0], a.positional[1], project->imagesDir(), &progress);
    });
    if (!summary)
        return io.fail(summary.message());
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
    auto index = scanDataset(a.positional[0]);
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

} // namespace kiln::cli
