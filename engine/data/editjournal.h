#pragma once
// Label edits of a dataset, through its journal (DESIGN.md, "A project on disk"): relabel (move an
// image to another class folder), remove (move it into .kiln/trash/, remembering where it came
// from) and restore (move it back), with undo and redo. Nothing is ever unlinked or overwritten:
// a name that is taken gets a free variant ("x_1.jpg").
//
// Every move is written to <home>/.kiln/journal.jsonl (and flushed to disk) before the file moves,
// and marked done after. Opening the journal finishes or rolls back a move that a crash left half
// done, by looking at where the file is, so after any crash each file is at exactly one place the
// journal names. An edit of many files is one batch: one undo step.
//
// The journal is the history; an EditJournal object holds only a snapshot of it. Every operation
// takes an exclusive lock on <home>/.kiln/journal.lock and re-reads the journal first, so the GUI
// and kiln-cli can edit the same project. Blocking; call from any one thread at a time.

#include "core/progress.h"
#include "core/result.h"

#include <QJsonObject>

#include <filesystem>
#include <string>
#include <vector>

namespace kiln {

enum class EditKind { Relabel, Remove, Restore };
const char *editKindName(EditKind kind); // "relabel", "remove", "restore"

struct EditRequest {
    EditKind kind = EditKind::Relabel;
    // Relabel and remove: the image's path inside the dataset (as DatasetIndex gives it).
    // Restore: its path in the trash, relative to .kiln/trash/ or to the project folder.
    std::string path;
    std::string newClass; // relabel only
    std::string reason;   // optional, kept in the journal
};

struct FileMove {
    EditKind kind = EditKind::Relabel;
    std::filesystem::path from; // absolute
    std::filesystem::path to;   // absolute
};

struct EditOutcome {
    int batch = -1;                    // the journal's batch number, -1 when nothing was written
    std::vector<FileMove> moves;       // what moved, in order
    std::vector<std::string> failures; // one line per edit that did not happen, with the reason
    bool cancelled = false;
};

// The class folder of a path inside a dataset: its first component, or its second below a
// train/valid/test folder; empty when the path is not inside a class folder.
std::string classFolderOf(const std::string &datasetRelPath);

class EditJournal {
public:
    // Opens the journal of a project or image folder (see locateDataset()), creating nothing until
    // the first edit, and recovers any half-done move (see recoveryNotes()).
    static Result<EditJournal> open(const std::filesystem::path &datasetDir);

    const std::filesystem::path &imagesRoot() const { return m_imagesRoot; }
    const std::filesystem::path &home() const { return m_home; }
    std::filesystem::path journalFile() const;
    std::filesystem::path trashDir() const;

    // Applies the requests as one batch. Requests that cannot be done (missing file, bad class
    // name) are reported in failures and the others still happen; an error is returned only when
    // the journal itself cannot be written, and then nothing moved after the failed write.
    Result<EditOutcome> apply(const std::vector<EditRequest> &requests, Progress *progress = nullptr);
    // Reverses the newest batch not yet undone / re-applies the newest undone batch.
    Result<EditOutcome> undo();
    Result<EditOutcome> redo();

    // As of the last operation (or open): whether there is something to undo or redo, and what.
    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    std::string undoText() const;
    std::string redoText() const;
    // What opening did to half-done moves ("finished moving ...", "rolled back ...").
    const std::vector<std::string> &recoveryNotes() const { return m_recoveryNotes; }

    struct Move {
        long seq = 0;
        int batch = 0;
        EditKind kind = EditKind::Relabel;
        std::string from, to; // relative to home, '/'-separated
        enum State { Pending, Done, Aborted } state = Pending;
    };
    struct Batch {
        int id = 0;
        int undoOf = -1; // this batch reversed batch undoOf
        int redoOf = -1; // this batch reversed undo batch redoOf
        std::vector<std::size_t> moves; // indices into moves()
    };
    // Every move the journal records, in order (for tests and for tools that follow files).
    const std::vector<Move> &moves() const { return m_moves; }

private:
    // The caller holds the journal lock for these.
    Result<void> sync();     // reload() then recover()
    Result<void> reload();   // re-reads the journal
    Result<void> recover();  // settles pending moves
    Result<void> append(const QJsonObject &record); // synced
    void pushBatch(const Batch &b); // records a batch and updates the undo and redo stacks
    const Batch *batchById(int id) const;
    Result<EditOutcome> reverse(bool undo);
    Result<int> beginBatch(int undoOf, int redoOf);
    Result<bool> moveOne(int undoOf, int redoOf, EditKind kind, const std::filesystem::path &from, const std::filesystem::path &to,
                         const std::string &reason, EditOutcome &outcome);
    std::string relative(const std::filesystem::path &p) const;
    std::string describe(int batch) const;
    std::string damageNote() const;

    std::filesystem::path m_imagesRoot;
    std::filesystem::path m_home;
    std::vector<Move> m_moves;
    std::vector<Batch> m_batches;
    std::vector<int> m_undo, m_redo; // batch ids, newest last
    long m_nextSeq = 1;
    int m_damagedLines = 0; // lines of the journal that are no record (a torn last line is not counted)
    std::vector<std::string> m_recoveryNotes;
};

} // namespace kiln
