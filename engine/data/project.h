#pragma once
// A Kiln project on disk (DESIGN.md, "A project on disk"):
//   kiln-project.json, images/<class>/<file>, .kiln/{journal.jsonl,trash,cache}, runs/, exports/.
// kiln-project.json carries a format version; a file written by a newer Kiln is refused with a
// clear message rather than misread. Saves are atomic and keep keys this version does not know.
// A Project is a value: a snapshot of kiln-project.json. Every change to the file goes through
// update(), which re-reads it under the project's lock, so the GUI, kiln-cli and the training
// thread never save a stale copy over each other's changes.

#include "core/result.h"

#include <QJsonObject>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace kiln {

struct ProjectRun {
    std::string id;
    std::string created; // ISO 8601
    std::string summary; // e.g. final metrics, for lists
};

class Project {
public:
    static constexpr int kFormatVersion = 1;
    static constexpr const char *kFileName = "kiln-project.json";

    // Creates the folder layout and kiln-project.json. Refuses when `dir` already holds a project.
    // A non-empty folder without a project is allowed (its images/ is adopted if present).
    static Result<Project> create(const std::filesystem::path &dir, const std::string &name = {});
    static Result<Project> open(const std::filesystem::path &dir);
    static bool isProject(const std::filesystem::path &dir);
    // Under <dir>/.kiln/project.lock: reads kiln-project.json, lets `change` edit it, saves it
    // atomically, and returns what was saved. Nothing is written when reading fails.
    static Result<Project> update(const std::filesystem::path &dir, const std::function<void(Project &)> &change);
    // Adds `run` to the list of runs, or replaces the entry with its id.
    static Result<Project> recordRun(const std::filesystem::path &dir, const ProjectRun &run);
    // The folder's class folders as the project lists them (after an import or an edit).
    static Result<Project> recordClasses(const std::filesystem::path &dir, const std::vector<std::string> &classes);

    const std::filesystem::path &root() const { return m_root; }
    std::filesystem::path projectFile() const { return m_root / kFileName; }
    std::filesystem::path imagesDir() const { return m_root / "images"; }
    std::filesystem::path kilnDir() const { return m_root / ".kiln"; }
    std::filesystem::path trashDir() const { return m_root / ".kiln" / "trash"; }
    std::filesystem::path journalFile() const { return m_root / ".kiln" / "journal.jsonl"; }
    std::filesystem::path cacheDir() const { return m_root / ".kiln" / "cache"; }
    std::filesystem::path runsDir() const { return m_root / "runs"; }
    std::filesystem::path exportsDir() const { return m_root / "exports"; }

    std::string name;
    std::vector<std::string> classes; // the vocabulary at the last save, for display before a scan
    double validPct = 0.2;
    std::uint64_t seed = 42;
    std::vector<ProjectRun> runs;
    // Free-form string properties (e.g. "source": "fashion-mnist" for the demo).
    QJsonObject properties;

private:
    Result<void> save() const;

    std::filesystem::path m_root;
    QJsonObject m_raw; // everything read, so unknown keys survive a save
};

// A plain image folder (root/<class>/**/<image>, what kiln-cli trains directly) as a project,
// without moving or copying a file of it: the project is a new folder beside it,
// <folder>-kiln (or a free variant, see projectFolderFor), whose images/ is a symbolic link to the
// folder. Runs, exports and .kiln/ (journal, trash) live in the new folder; the image folder keeps
// its layout, and edits move its files between its class folders or into the project's trash.
bool looksLikeImageFolder(const std::filesystem::path &dir); // not a project; a class folder holds an image
std::filesystem::path projectFolderFor(const std::filesystem::path &imageFolder);
Result<Project> createProjectFor(const std::filesystem::path &imageFolder);

// Where a dataset lives for a folder a user names: a project's images/ folder, or the folder itself.
struct DatasetLocation {
    std::filesystem::path imagesRoot; // what DatasetIndex scans
    std::filesystem::path home;       // where .kiln/ (trash, journal) lives
    bool isProject = false;
};
DatasetLocation locateDataset(const std::filesystem::path &dir);

// Whether `name` can be a class folder: not empty, no leading '.', nothing a file name cannot hold.
bool isValidClassName(const std::string &name);
// Why `name` cannot be a class folder, in words a person can act on; empty when it can.
std::string classNameProblem(const std::string &name);

} // namespace kiln
