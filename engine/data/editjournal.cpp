#include "data/editjournal.h"

#include "core/enumnames.h"
#include "core/filelock.h"
#include "core/fileutil.h"
#include "data/project.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <map>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kiln {

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }
std::string s(const QJsonValue &v) { return v.toString().toStdString(); }

bool parseKind(const std::string &name, EditKind &out)
{
    return parseByName(name, {EditKind::Relabel, EditKind::Remove, EditKind::Restore}, editKindName, out);
}

EditKind inverseOf(EditKind k)
{
    switch (k) {
    case EditKind::Relabel: return EditKind::Relabel;
    case EditKind::Remove: return EditKind::Restore;
    case EditKind::Restore: return EditKind::Remove;
    }
    return k;
}

// Testing aid: KILN_JOURNAL_STEP_DELAY_MS makes every step of a move wait, so a test can kill the
// process in the middle of a batch.
void testDelay()
{
    static const int ms = [] {
        const char *v = std::getenv("KILN_JOURNAL_STEP_DELAY_MS");
        return v ? std::atoi(v) : 0;
    }();
    if (ms > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

// Renames without ever replacing `to`. Falls back to link + unlink where the file system lacks
// RENAME_NOREPLACE; a crash between the two leaves two names of one file, which recovery settles.
int renameNoReplace(const fs::path &from, const fs::path &to)
{
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return errno;
    if (::link(from.c_str(), to.c_str()) != 0)
        return errno;
    testDelay();
    if (::unlink(from.c_str()) != 0)
        return errno;
    return 0;
}

// Record numbers a journal holds: whole numbers in a range no counter overflows (batch ids are ints).
constexpr long kMaxSeq = 1L << 40;
constexpr long kMaxBatch = 1000000000;

// A whole number from `lowest` to `highest`, else -1 (missing, text, NaN, 1e400, a fraction).
long wholeNumber(const QJsonValue &v, long lowest, long highest)
{
    const double d = v.toDouble(-1);
    if (!(d >= double(lowest) && d <= double(highest)) || d != std::floor(d))
        return -1;
    return long(d);
}

// A path the journal may move a file from or to: relative to the dataset's home, inside it.
bool insideHome(const std::string &rel)
{
    const fs::path p = fs::path(rel).lexically_normal();
    const std::string g = p.generic_string();
    return !rel.empty() && p.is_relative() && g != "." && g != ".." && !g.starts_with("../");
}

// The component of a dataset path that names the class: the first, or the second below a
// train/valid/test folder.
int classComponent(const std::vector<std::string> &parts)
{
    if (parts.size() >= 3 && (parts[0] == "train" || parts[0] == "valid" || parts[0] == "test"))
        return 1;
    return 0;
}

std::vector<std::string> splitPath(const std::string &p)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= p.size()) {
        const auto slash = p.find('/', start);
        const auto end = slash == std::string::npos ? p.size() : slash;
        if (end > start)
            out.push_back(p.substr(start, end - start));
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    return out;
}

} // namespace

const char *editKindName(EditKind kind)
{
    switch (kind) {
    case EditKind::Relabel: return "relabel";
    case EditKind::Remove: return "remove";
    case EditKind::Restore: return "restore";
    }
    return "?";
}

std::string classFolderOf(const std::string &datasetRelPath)
{
    const auto parts = splitPath(datasetRelPath);
    const int c = classComponent(parts);
    return int(parts.size()) < c + 2 ? std::string() : parts[std::size_t(c)];
}

Result<EditJournal> EditJournal::open(const fs::path &datasetDir)
{
    std::error_code ec;
    if (!fs::is_directory(datasetDir, ec))
        return Error{"The dataset folder " + datasetDir.string() + " does not exist or is not a folder."};
    const DatasetLocation loc = locateDataset(datasetDir);
    EditJournal j;
    j.m_imagesRoot = fs::absolute(loc.imagesRoot).lexically_normal();
    j.m_home = fs::absolute(loc.home).lexically_normal();
    if (!fs::exists(j.journalFile(), ec))
        return j;
    FileLock lock(j.m_home / ".kiln" / "journal.lock");
    if (!lock.error().empty())
        return Error{lock.error()};
    if (auto r = j.sync(); !r)
        return r.error();
    return j;
}

fs::path EditJournal::journalFile() const { return m_home / ".kiln" / "journal.jsonl"; }
fs::path EditJournal::trashDir() const { return m_home / ".kiln" / "trash"; }

std::string EditJournal::damageNote() const
{
    return "skipped " + std::to_string(m_damagedLines) + (m_damagedLines == 1 ? " damaged line" : " damaged lines") + " of "
           + journalFile().string() + " (history without an undo step; the images are where they are)";
}

std::string EditJournal::relative(const fs::path &p) const
{
    return p.lexically_relative(m_home).generic_string();
}

Result<void> EditJournal::sync()
{
    if (auto r = reload(); !r)
        return r;
    return recover();
}

Result<void> EditJournal::reload()
{
    m_moves.clear();
    m_batches.clear();
    m_undo.clear();
    m_redo.clear();
    m_nextSeq = 1;
    std::error_code ec;
    if (!fs::exists(journalFile(), ec))
        return Ok{};
    auto bytes = readFileBytes(journalFile(), 1ull << 31);
    if (!bytes)
        return Error{"Cannot read the edit journal: " + bytes.message()};
    const auto &data = bytes.value();
    m_damagedLines = 0;
    std::map<long, std::size_t> bySeq;
    std::map<int, std::size_t> batchIndex;
    std::size_t start = 0;
    while (start < data.size()) {
        auto end = std::find(data.begin() + long(start), data.end(), '\n') - data.begin();
        const QByteArray line(reinterpret_cast<const char *>(data.data()) + start, qsizetype(std::size_t(end) - start));
        start = std::size_t(end) + 1;
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError perr{};
        const QJsonObject o = QJsonDocument::fromJson(line, &perr).object();
        // A record a crash cut short is history, not damage: the text just ends early (the
        // parser fails at its end), and appends after it start on a line of their own.
        const bool torn = perr.error != QJsonParseError::NoError && perr.offset >= qsizetype(line.trimmed().size()) - 1;
        const std::string op = s(o.value("op"));
        // What a damaged line cannot do: name a number out of range (seq, batch) or a path outside
        // the dataset's home; such a line is skipped and counted.
        const long seq = wholeNumber(o.value("seq"), 1, kMaxSeq);
        const long batch = wholeNumber(o.value("batch"), 0, kMaxBatch);
        if (op == "batch" && batch >= 0) {
            Batch b;
            b.id = int(batch);
            b.undoOf = int(wholeNumber(o.value("undo_of"), 0, kMaxBatch));
            b.redoOf = int(wholeNumber(o.value("redo_of"), 0, kMaxBatch));
            batchIndex[b.id] = m_batches.size();
            pushBatch(b);
        } else if (op == "begin" && seq >= 1 && batch >= 0) {
            Move m;
            m.seq = seq;
            m.batch = int(batch);
            m.from = s(o.value("from"));
            m.to = s(o.value("to"));
            if (!parseKind(s(o.value("kind")), m.kind) || !insideHome(m.from) || !insideHome(m.to)) {
                m_damagedLines += torn ? 0 : 1;
                continue;
            }
            bySeq[m.seq] = m_moves.size();
            m_nextSeq = std::max(m_nextSeq, m.seq + 1);
            if (auto it = batchIndex.find(m.batch); it != batchIndex.end())
                m_batches[it->second].moves.push_back(m_moves.size());
            m_moves.push_back(m);
        } else if ((op == "done" || op == "abort") && seq >= 1) {
            if (auto it = bySeq.find(seq); it != bySeq.end())
                m_moves[it->second].state = op == "done" ? Move::Done : Move::Aborted;
        } else if (op != "remove" && !torn) {
            ++m_damagedLines;
        }
        // Older "remove" records of quarantined files and a line torn by a crash are history
        // without an undo step.
    }
    return Ok{};
}

Result<void> EditJournal::recover()
{
    m_recoveryNotes.clear();
    if (m_damagedLines > 0)
        m_recoveryNotes.push_back(damageNote());
    for (auto &m : m_moves) {
        if (m.state != Move::Pending)
            continue;
        const fs::path from = m_home / m.from, to = m_home / m.to;
        std::error_code ec;
        const bool hasFrom = fs::exists(from, ec), hasTo = fs::exists(to, ec);
        std::string why;
        bool done = false;
        if (hasTo && !hasFrom) {
            done = true;
        } else if (hasTo && hasFrom && fs::equivalent(from, to, ec)) {
            // Interrupted between link and unlink: finish the move.
            if (::unlink(from.c_str()) != 0)
                return Error{"Cannot finish moving " + from.string() + ": " + systemErrorText(errno)};
            done = true;
        } else if (hasFrom) {
            why = "interrupted before the file moved";
        } else {
            why = "the file is missing from both places";
        }
        const QJsonObject record = done ? QJsonObject{{"op", "done"}, {"seq", double(m.seq)}, {"recovered", true}}
                                        : QJsonObject{{"op", "abort"}, {"seq", double(m.seq)}, {"why", q(why)}};
        if (auto a = append(record); !a)
            return a;
        m.state = done ? Move::Done : Move::Aborted;
        m_recoveryNotes.push_back((done ? "finished moving " : "rolled back moving ") + m.from + " to " + m.to
                                  + (why.empty() ? "" : " (" + why + ")"));
    }
    return Ok{};
}

Result<void> EditJournal::append(const QJsonObject &record)
{
    // Every record is synced, "done" and "abort" included: after a power cut the journal says
    // where each file is. appendLine never glues a record onto a line a crash tore.
    const fs::path file = journalFile();
    if (auto a = appendLine(file, QJsonDocument(record).toJson(QJsonDocument::Compact).toStdString()); !a)
        return Error{"Cannot write the edit journal: " + a.message()};
    return Ok{};
}

void EditJournal::pushBatch(const Batch &b)
{
    m_batches.push_back(b);
    // An undo batch moves its target to the redo stack, a redo batch moves its target back; a
    // new edit starts a new history, as in every editor.
    if (b.undoOf >= 0) {
        std::erase(m_undo, b.undoOf);
        m_redo.push_back(b.id);
    } else if (b.redoOf >= 0) {
        std::erase(m_redo, b.redoOf);
        m_undo.push_back(b.id);
    } else {
        m_undo.push_back(b.id);
        m_redo.clear();
    }
}

const EditJournal::Batch *EditJournal::batchById(int id) const
{
    auto it = std::find_if(m_batches.begin(), m_batches.end(), [&](const Batch &b) { return b.id == id; });
    return it == m_batches.end() ? nullptr : &*it;
}

Result<int> EditJournal::beginBatch(int undoOf, int redoOf)
{
    int id = 1;
    for (const auto &b : m_batches)
        id = std::max(id, b.id + 1);
    QJsonObject o{{"op", "batch"}, {"batch", id}, {"time", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    if (undoOf >= 0)
        o.insert("undo_of", undoOf);
    if (redoOf >= 0)
        o.insert("redo_of", redoOf);
    if (auto a = append(o); !a)
        return a.error();
    Batch b;
    b.id = id;
    b.undoOf = undoOf;
    b.redoOf = redoOf;
    pushBatch(b);
    return id;
}

Result<bool> EditJournal::moveOne(int undoOf, int redoOf, EditKind kind, const fs::path &from, const fs::path &wanted,
                                  const std::string &reason, EditOutcome &outcome)
{
    std::error_code ec;
    if (!fs::is_regular_file(from, ec)) {
        outcome.failures.push_back(relative(from) + ": not found; it may have been moved or removed already");
        return false;
    }
    // The batch record is written with the first move, so an edit that moved nothing leaves no
    // undo step behind.
    if (outcome.batch < 0) {
        auto b = beginBatch(undoOf, redoOf);
        if (!b)
            return b.error();
        outcome.batch = b.value();
    }
    const int batch = outcome.batch;
    const fs::path to = uniquePath(wanted);
    Move m;
    m.seq = m_nextSeq++;
    m.batch = batch;
    m.kind = kind;
    m.from = relative(from);
    m.to = relative(to);
    QJsonObject begin{{"op", "begin"}, {"seq", double(m.seq)}, {"batch", batch}, {"kind", editKindName(kind)},
                      {"from", q(m.from)}, {"to", q(m.to)}};
    if (!reason.empty())
        begin.insert("reason", q(reason));
    if (auto a = append(begin); !a)
        return a.error();
    if (!m_batches.empty() && m_batches.back().id == batch)
        m_batches.back().moves.push_back(m_moves.size());
    m_moves.push_back(m);
    testDelay();
    fs::create_directories(to.parent_path(), ec);
    const int err = renameNoReplace(from, to);
    testDelay();
    if (err != 0) {
        const std::string why = systemErrorText(err);
        m_moves.back().state = Move::Aborted;
        if (auto a = append(QJsonObject{{"op", "abort"}, {"seq", double(m.seq)}, {"why", q(why)}}); !a)
            return a.error();
        outcome.failures.push_back(m.from + ": cannot move it to " + m.to + ": " + why);
        return false;
    }
    m_moves.back().state = Move::Done;
    if (auto a = append(QJsonObject{{"op", "done"}, {"seq", double(m.seq)}}); !a)
        return a.error();
    outcome.moves.push_back({kind, from, to});
    return true;
}

Result<EditOutcome> EditJournal::apply(const std::vector<EditRequest> &requests, Progress *progress)
{
    EditOutcome outcome;
    if (requests.empty())
        return outcome;
    FileLock lock(m_home / ".kiln" / "journal.lock");
    if (!lock.error().empty())
        return Error{lock.error()};
    if (auto r = sync(); !r)
        return r.error();
    addTotal(progress, requests.size());
    for (const auto &req : requests) {
        if (isCancelled(progress)) {
            outcome.cancelled = true;
            break;
        }
        stepProgress(progress);
        const std::string rel = fs::path(req.path).lexically_normal().generic_string();
        if (rel.empty() || rel.starts_with("../") || fs::path(rel).is_absolute()) {
            outcome.failures.push_back(req.path + ": not a path inside the dataset");
            continue;
        }
        auto parts = splitPath(rel);
        if (req.kind != EditKind::Restore
            && std::any_of(parts.begin(), parts.end(), [](const std::string &p) { return p.front() == '.'; })) {
            outcome.failures.push_back(rel + ": not an image of the dataset (hidden files and .kiln are not)");
            continue;
        }
        fs::path from, to;
        if (req.kind == EditKind::Relabel) {
            const int c = classComponent(parts);
            if (int(parts.size()) < c + 2) {
                outcome.failures.push_back(rel + ": not inside a class folder");
                continue;
            }
            if (!isValidClassName(req.newClass)) {
                outcome.failures.push_back(rel + ": '" + req.newClass
                                           + "' is not a usable class name (it becomes a folder name: no '/', no leading '.')");
                continue;
            }
            if (parts[std::size_t(c)] == req.newClass) {
                outcome.failures.push_back(rel + ": already in class " + req.newClass);
                continue;
            }
            from = m_imagesRoot / rel;
            parts[std::size_t(c)] = req.newClass;
            to = m_imagesRoot;
            for (const auto &p : parts)
                to /= p;
        } else if (req.kind == EditKind::Remove) {
            from = m_imagesRoot / rel;
            to = trashDir() / rel;
        } else {
            // Restore: accept paths relative to the trash or to the project folder.
            const std::string trashRel = relative(trashDir());
            const std::string homeRel = rel.starts_with(trashRel + "/") ? rel : trashRel + "/" + rel;
            from = m_home / homeRel;
            to = m_imagesRoot / homeRel.substr(trashRel.size() + 1);
            for (auto it = m_moves.rbegin(); it != m_moves.rend(); ++it)
                if (it->state == Move::Done && it->to == homeRel) {
                    to = m_home / it->from;
                    break;
                }
        }
        auto moved = moveOne(-1, -1, req.kind, from, to, req.reason, outcome);
        if (!moved)
            return moved.error();
    }
    return outcome;
}

Result<EditOutcome> EditJournal::reverse(bool undo)
{
    EditOutcome outcome;
    FileLock lock(m_home / ".kiln" / "journal.lock");
    if (!lock.error().empty())
        return Error{lock.error()};
    if (auto r = sync(); !r)
        return r.error();
    auto &stack = undo ? m_undo : m_redo;
    if (stack.empty()) {
        std::error_code ec;
        std::string why;
        if (m_damagedLines > 0)
            why = " " + damageNote() + ".";
        else if (m_batches.empty() && fs::exists(journalFile(), ec))
            why = " The edit journal " + journalFile().string() + " holds no edit.";
        return Error{std::string(undo ? "There is nothing to undo." : "There is nothing to redo.") + why};
    }
    const int target = stack.back();
    const Batch *it = batchById(target);
    if (!it)
        return Error{"The edit journal names batch " + std::to_string(target) + " but records none of its moves."};
    std::vector<Move> toReverse;
    for (auto idx = it->moves.rbegin(); idx != it->moves.rend(); ++idx)
        if (m_moves[*idx].state == Move::Done)
            toReverse.push_back(m_moves[*idx]);
    const int undoOf = undo ? target : -1, redoOf = undo ? -1 : target;
    for (const auto &m : toReverse) {
        auto moved = moveOne(undoOf, redoOf, inverseOf(m.kind), m_home / m.to, m_home / m.from, undo ? "undo" : "redo",
                             outcome);
        if (!moved)
            return moved.error();
    }
    if (outcome.batch < 0) {
        // Nothing could move back (the files are gone): the step is still used up, and said so.
        auto b = beginBatch(undoOf, redoOf);
        if (!b)
            return b.error();
        outcome.batch = b.value();
    }
    return outcome;
}

Result<EditOutcome> EditJournal::undo() { return reverse(true); }
Result<EditOutcome> EditJournal::redo() { return reverse(false); }

std::string EditJournal::describe(int batch) const
{
    const Batch *it = batchById(batch);
    if (!it)
        return {};
    std::map<EditKind, int> counts;
    for (auto idx : it->moves)
        if (m_moves[idx].state == Move::Done)
            ++counts[m_moves[idx].kind];
    std::string out;
    for (const auto &[kind, n] : counts) {
        if (!out.empty())
            out += ", ";
        out += std::string(editKindName(kind)) + " " + std::to_string(n) + (n == 1 ? " image" : " images");
    }
    return out.empty() ? "an empty edit" : out;
}

std::string EditJournal::undoText() const { return m_undo.empty() ? std::string() : describe(m_undo.back()); }
std::string EditJournal::redoText() const
{
    if (m_redo.empty())
        return {};
    // The redo stack holds undo batches; describe the edit they reversed.
    const Batch *undoBatch = batchById(m_redo.back());
    return describe(undoBatch && undoBatch->undoOf >= 0 ? undoBatch->undoOf : m_redo.back());
}

} // namespace kiln
