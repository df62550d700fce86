#include "data/datasetedits.h"

#include "core/fileutil.h"
#include "data/csvio.h"

namespace fs = std::filesystem;

namespace kiln {

DatasetEdit editDataset(const fs::path &datasetDir, const std::function<Result<EditOutcome>(EditJournal &)> &edit)
{
    DatasetEdit out;
    auto journal = EditJournal::open(datasetDir);
    if (!journal) {
        out.outcome = journal.error();
        return out;
    }
    out.recoveryNotes = journal->recoveryNotes();
    out.home = journal->home();
    out.outcome = edit(journal.value());
    out.canUndo = journal->canUndo();
    out.canRedo = journal->canRedo();
    out.undoText = journal->undoText();
    out.redoText = journal->redoText();
    return out;
}

std::string journalPath(const EditJournal &journal, const std::string &named, EditKind kind)
{
    const fs::path root = kind == EditKind::Restore ? journal.home() : journal.imagesRoot();
    std::error_code ec;
    if (fs::exists(root / named, ec))
        return named;
    for (const fs::path &candidate : {journal.home() / named, fs::absolute(named)}) {
        if (!fs::exists(candidate, ec))
            continue;
        const std::string rel = candidate.lexically_normal().lexically_relative(root).generic_string();
        if (!rel.empty() && !rel.starts_with(".."))
            return rel;
    }
    return named;
}

Result<std::vector<EditRequest>> readEditsCsv(const fs::path &csv, const EditJournal &journal)
{
    auto bytes = readFileBytes(csv, 256ull << 20);
    if (!bytes)
        return bytes.error();
    const auto rows = parseCsv(std::string_view(reinterpret_cast<const char *>(bytes->data()), bytes->size()));
    std::vector<EditRequest> requests;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto &row = rows[i];
        if (row.empty() || (row.size() == 1 && row[0].empty()))
            continue;
        if (i == 0 && row[0] == "file")
            continue; // header
        const std::string action = row.size() > 1 ? row[1] : "";
        EditRequest r;
        if (action == "keep")
            continue;
        if (action == "relabel" && row.size() > 2 && !row[2].empty()) {
            r.kind = EditKind::Relabel;
            r.newClass = row[2];
        } else if (action == "remove") {
            r.kind = EditKind::Remove;
        } else if (action == "restore") {
            r.kind = EditKind::Restore;
        } else {
            return Error{csv.string() + ", line " + std::to_string(i + 1)
                         + ": expected file,action[,class] with action relabel (with a class), remove, restore or keep"};
        }
        r.path = journalPath(journal, row[0], r.kind);
        requests.push_back(r);
    }
    return requests;
}

} // namespace kiln
