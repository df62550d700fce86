#pragma once
// The open project, on the GUI side (DESIGN.md, "The project file"): the one object that holds the
// Project and writes kiln-project.json, always through Project::update (under the project's lock,
// reading the file first), so it never saves a stale copy over what kiln-cli or the training
// thread wrote. It owns the run list the pages share. GUI thread only.

#include "core/result.h"
#include "data/project.h"

#include <QObject>

#include <filesystem>
#include <functional>
#include <optional>

namespace kiln {

class RunListModel;

class ProjectSession : public QObject {
    Q_OBJECT
public:
    explicit ProjectSession(QObject *parent = nullptr);

    Result<void> open(const std::filesystem::path &dir);
    bool isOpen() const { return m_project.has_value(); }
    // The project as last read or written (only while open).
    const Project &project() const { return *m_project; }
    std::filesystem::path root() const { return m_project ? m_project->root() : std::filesystem::path(); }
    RunListModel *runs() const { return m_runs; }

    // Changes kiln-project.json (Project::update) and keeps what was saved.
    Result<void> update(const std::function<void(Project &)> &change);
    // Re-reads kiln-project.json and the runs (after a run ended, or an import wrote the file).
    Result<void> reload();

Q_SIGNALS:
    // The project as read or written changed (its name, classes, runs, defaults).
    void changed();

private:
    std::optional<Project> m_project;
    RunListModel *m_runs;
};

} // namespace kiln
