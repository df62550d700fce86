#pragma once
// Label edits as a workflow the GUI and kiln-cli share: one edit (apply, undo, redo) on a
// dataset's journal with the journal's state after it, the edits CSV that `kiln-cli apply` and the
// cleaning views exchange, and how a file a person names becomes the path the journal takes.
// Blocking; call from a worker thread in the GUI.

#include "data/editjournal.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace kiln {

struct DatasetEdit {
    Result<EditOutcome> outcome = Error{"not run"};
    // The journal after the edit (or as opened, when the edit could not run).
    bool canUndo = false, canRedo = false;
    std::string undoText, redoText;
    // What opening the journal did to moves a crash left half done.
    std::vector<std::string> recoveryNotes;
    std::filesystem::path home; // the dataset's home (paths in messages are relative to it)
};

// Opens the journal of `datasetDir` and runs `edit` on it.
DatasetEdit editDataset(const std::filesystem::path &datasetDir, const std::function<Result<EditOutcome>(EditJournal &)> &edit);

// A file as a person names it (a path inside the dataset, inside the project folder as interpret
// prints them, or a path from the current folder or absolute) as the journal takes it: inside the
// dataset, or for restore inside the trash / project folder.
std::string journalPath(const EditJournal &journal, const std::string &named, EditKind kind);

// An edits CSV: rows file,action[,class], with action relabel (and a class), remove, restore or
// keep (kept rows change nothing); an optional header row starts with "file". An error names the
// line that is not such a row.
Result<std::vector<EditRequest>> readEditsCsv(const std::filesystem::path &csv, const EditJournal &journal);

} // namespace kiln
